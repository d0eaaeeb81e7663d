"""Hypothesis profiles for the property tests in this folder.

``make test`` runs the ``default`` profile: a bounded number of examples per property, no example database, so
the whole fuzz set stays well under 20 s on 2 cores. ``make fuzz`` runs the ``fuzz`` profile (many examples,
failing examples kept in ``.hypothesis/`` so the next run tries them first). ``HYPOTHESIS_PROFILE`` picks one.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile("default", max_examples=40, deadline=None, database=None, suppress_health_check=_QUIET)
settings.register_profile("fuzz", max_examples=5000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
