"""Start a command in a detached tmux terminal and time how long until a string appears on its screen."""

from __future__ import annotations

import shlex
import subprocess
import time


def time_to_screen(command: list[str], wanted: str, env: dict[str, str], timeout: float = 60.0) -> float:
    """Seconds from starting ``command`` in a 120x40 tmux terminal until ``wanted`` is on screen (5 ms polling)."""
    socket = f"kcna-bench-{time.monotonic_ns()}"
    assignments = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    # Bytecode is written and used, as on a user's machine (an environment that forbids it would make every start
    # compile the project's modules from source while Textual's own come precompiled from its wheel).
    shell_command = (
        f"env -u COLUMNS -u LINES -u PYTHONDONTWRITEBYTECODE {assignments} TERM=xterm-256color {shlex.join(command)}"
    )
    tmux = ["tmux", "-L", socket]
    started = time.perf_counter()
    subprocess.run([*tmux, "new-session", "-d", "-s", "b", "-x", "120", "-y", "40", shell_command], check=True)
    try:
        while time.perf_counter() - started < timeout:
            screen = subprocess.run([*tmux, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True).stdout
            if wanted in screen:
                return time.perf_counter() - started
            time.sleep(0.005)
        raise TimeoutError(f"{wanted!r} did not appear within {timeout} s")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
