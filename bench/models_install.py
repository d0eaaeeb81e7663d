"""Model management against argostranslate's own functions on the same package, in one run.

    .venv/bin/python -m bench.models_install [--mb 120] [--repeat 3]

Builds a package the size of the real en->ko one (about 120 MB of incompressible weights), serves
it from a local http.server, and times, best of ``--repeat``:
  download    reader (streamed to a file, progress)   vs  argostranslate.networking.get (read into memory)
  install     reader (validate, extract, rename)      vs  argostranslate.package.install_from_path (extractall)
  list        reader.installed_packages (with sizes)  vs  argostranslate.package.get_installed_packages
and the peak Python memory of each download (tracemalloc), which is where streaming pays.
Everything runs in temporary XDG dirs; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import tempfile
import threading
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

TOP = "translate-en_ko-1_1"


def build_package(path: Path, megabytes: int) -> Path:
    metadata = {"package_version": "1.1", "from_code": "en", "to_code": "ko", "code": "translate-en_ko",
                "from_name": "English", "to_name": "Korean"}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(f"{TOP}/metadata.json", json.dumps(metadata))
        zf.writestr(f"{TOP}/model/config.json", "{}")
        # Quantised weights barely compress, so random bytes give the real archive's size and cost.
        with zf.open(f"{TOP}/model/model.bin", "w", force_zip64=True) as out:
            for _ in range(megabytes):
                out.write(os.urandom(1 << 20))
        zf.writestr(f"{TOP}/sentencepiece.model", os.urandom(800_000))
    return path


def best_of(repeat: int, action: Callable[[], object], reset: Callable[[], None] = lambda: None) -> float:
    times = []
    for _ in range(repeat):
        reset()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(action: Callable[[], object]) -> int:
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def serve(directory: Path) -> tuple[str, Callable[[], None]]:
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop() -> None:
        httpd.shutdown()
        httpd.server_close()

    return f"http://127.0.0.1:{httpd.server_address[1]}", stop


def row(name: str, ours: float, theirs: float, unit: str = "s") -> None:
    print(f"{name:<10} reader {ours:9.3f} {unit}   argostranslate {theirs:9.3f} {unit}   ratio {ours / theirs:.3g}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=120, help="size of the package's model.bin in MB")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="bench-models-"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.lower())
    packages_dir = home / "packages"
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages_dir)  # before argostranslate reads its settings

    import argostranslate.package as argos_package
    import argostranslate.translate  # noqa: F401  (install_from_path imports it; keep that out of the timing)
    from argostranslate import networking

    from reader.models import install as models
    from reader.models.index import download

    try:
        served = home / "served"
        served.mkdir()
        start = time.perf_counter()
        archive = build_package(served / f"{TOP}.argosmodel", args.mb)
        size = archive.stat().st_size
        print(f"package: {size / 1e6:.1f} MB zip, built in {time.perf_counter() - start:.1f} s; best of {args.repeat}")
        base_url, stop = serve(served)
        url = f"{base_url}/{archive.name}"
        target = home / "download.part"

        def ours_download() -> None:
            with open(target, "wb") as out:
                download(url, out, lambda done, total: None)

        ours = best_of(args.repeat, ours_download)
        theirs = best_of(args.repeat, lambda: networking.get(url, retry_count=0))
        row("download", ours, theirs)
        print(f"           throughput: reader {size / ours / 1e6:.0f} MB/s, argostranslate {size / theirs / 1e6:.0f} MB/s")
        ours_peak = peak_memory(ours_download)
        theirs_peak = peak_memory(lambda: networking.get(url, retry_count=0))
        row("peak mem", ours_peak / 1e6, theirs_peak / 1e6, "MB")
        stop()

        def clear() -> None:
            shutil.rmtree(packages_dir, ignore_errors=True)
            packages_dir.mkdir()

        validate = best_of(args.repeat, lambda: models.validate_package(archive))
        ours = best_of(args.repeat, lambda: models.install_from_file(archive), clear)
        theirs = best_of(args.repeat, lambda: argos_package.install_from_path(archive), clear)
        row("install", ours, theirs)
        print(f"           of which validation (central directory only): {validate * 1000:.1f} ms")

        models.install_from_file(archive)
        ours = best_of(args.repeat, models.installed_packages)
        theirs = best_of(args.repeat, argos_package.get_installed_packages)
        row("list", ours * 1000, theirs * 1000, "ms")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
