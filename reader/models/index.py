"""The Argos package index and package downloads.

HTTP goes through ``urllib.request``: the standard library streams http(s) and ``file://`` with
Content-Length and timeouts, which is all this needs, and argostranslate uses it for the same index,
so no extra dependency is pulled in.
"""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import BinaryIO

import packaging.version

from reader.errors import ReaderError
from reader.models.package import display_name, metadata_problem, package_code
from reader.progress import ProgressCallback, no_progress

#: argostranslate.settings' default; ``ARGOS_PACKAGE_INDEX`` overrides it for both programs.
DEFAULT_PACKAGE_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
#: The real index is about 40 KB; anything far larger is not an index.
MAX_INDEX_BYTES = 16 << 20
DOWNLOAD_CHUNK_BYTES = 1 << 16
TIMEOUT_SECONDS = 30.0
#: Some package hosts refuse urllib's default agent; argostranslate sends its own name too.
USER_AGENT = "kcna-reader (argostranslate-compatible model manager)"
_DOWNLOADABLE_SCHEMES = ("http://", "https://", "file://")


@dataclass(frozen=True)
class IndexEntry:
    """One package the index offers."""

    code: str
    from_code: str
    to_code: str
    package_version: str
    name: str
    links: list[str] = field(default_factory=list)

    def download_link(self) -> str | None:
        """The first link this program can fetch (the index also lists ``ipfs://`` links)."""
        return next((link for link in self.links if link.lower().startswith(_DOWNLOADABLE_SCHEMES)), None)


def index_url() -> str:
    """The index URL exactly as argostranslate builds it: ``ARGOS_PACKAGE_INDEX`` + ``index.json``.

    Kept identical (no slash added) so one setting means the same thing to both programs.
    """
    return (os.environ.get("ARGOS_PACKAGE_INDEX") or DEFAULT_PACKAGE_INDEX) + "index.json"


def _request(url: str) -> urllib.request.Request:
    return urllib.request.Request(url, headers={"User-Agent": USER_AGENT})


def _describe(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return str(exc) or type(exc).__name__


#: Appended to every failure to reach or use the index: offline, a package fetched some other way still installs.
FILE_INSTALL_HINT = "without the index, install a package file with: reader models install --file PATH"


def index_failure(message: str) -> ReaderError:
    """A failure of the index or a download from it, naming the way out that needs no network."""
    return ReaderError(f"{message}; {FILE_INSTALL_HINT}")


def _fetch_failure(url: str, exc: BaseException) -> ReaderError:
    hint = "" if url.endswith("/index.json") else " (ARGOS_PACKAGE_INDEX should end with '/')"
    return index_failure(f"cannot fetch the model index {url}: {_describe(exc)}{hint}")


def fetch_index(timeout: float = TIMEOUT_SECONDS) -> list[IndexEntry]:
    """Every translation package the index lists; entries that are not usable are left out.

    Raises ``ReaderError`` naming the index URL when it cannot be fetched or is not an index.
    """
    url = index_url()
    try:
        with urllib.request.urlopen(_request(url), timeout=timeout) as response:
            body = response.read(MAX_INDEX_BYTES + 1)
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise _fetch_failure(url, exc) from None
    if len(body) > MAX_INDEX_BYTES:
        raise index_failure(f"the model index {url} is larger than {MAX_INDEX_BYTES:,} bytes; not an index")
    try:
        raw_entries = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise index_failure(f"the model index {url} is not valid JSON ({exc})") from None
    if not isinstance(raw_entries, list):
        raise index_failure(f"the model index {url} is not a JSON list of packages")
    entries = []
    for raw in raw_entries:
        if metadata_problem(raw) is not None:
            continue
        links = raw.get("links", [])
        entries.append(
            IndexEntry(
                code=package_code(raw),
                from_code=raw["from_code"],
                to_code=raw["to_code"],
                package_version=raw.get("package_version", ""),
                name=display_name(raw),
                links=[link for link in links if isinstance(link, str)] if isinstance(links, list) else [],
            )
        )
    return entries


def version_key(version: str) -> packaging.version.Version:
    """Versions compare as versions ("1.10" > "1.9"); an unparsable one sorts as 0."""
    try:
        return packaging.version.Version(version)
    except packaging.version.InvalidVersion:
        return packaging.version.Version("0")


def choose_entry(entries: list[IndexEntry], from_code: str, to_code: str) -> IndexEntry:
    """The newest package for the pair; ``ReaderError`` listing the pairs on offer when there is none."""
    matches = [entry for entry in entries if (entry.from_code, entry.to_code) == (from_code, to_code)]
    if not matches:
        offered = sorted({f"{entry.from_code} {entry.to_code}" for entry in entries})
        shown = ", ".join(offered[:12]) + (", ..." if len(offered) > 12 else "")
        raise index_failure(
            f"the model index {index_url()} has no {from_code}->{to_code} package (it offers: {shown})"
        )
    return max(matches, key=lambda entry: version_key(entry.package_version))


def download(
    url: str, out: BinaryIO, progress: ProgressCallback | None = None, timeout: float = TIMEOUT_SECONDS
) -> int:
    """Stream ``url`` into ``out``, reporting ``progress(bytes_done, content_length)``; returns the byte count.

    A body shorter than its Content-Length raises ``ReaderError``: http.client just returns an
    empty read when the server closes early, so the count is checked here.
    """
    report = progress or no_progress
    done = 0
    total: int | None = None
    try:
        with urllib.request.urlopen(_request(url), timeout=timeout) as response:
            length_header = response.headers.get("Content-Length")
            total = int(length_header) if length_header and length_header.isdigit() else None
            report(0, total)
            while chunk := response.read(DOWNLOAD_CHUNK_BYTES):
                out.write(chunk)
                done += len(chunk)
                report(done, total)
    except http.client.IncompleteRead:  # only chunked transfers raise this; plain bodies are counted below
        raise index_failure(f"download of {url} was cut off after {done:,} bytes") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise index_failure(f"download of {url} failed: {_describe(exc)}") from None
    if done == 0:
        raise index_failure(f"download of {url} returned no data")
    if total is not None and done < total:
        raise index_failure(f"download of {url} was cut off after {done:,} of {total:,} bytes")
    return done
