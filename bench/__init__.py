"""Benchmarks: each ``bench/<name>.py`` runs with ``python -m bench.<name>`` and compares against a baseline in
the same run; ``python -m bench`` (``make bench``) runs them all in turn."""
