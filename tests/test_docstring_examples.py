"""The worked examples in docstrings are true: each module's examples run as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "reader.articles.names",
    "reader.articles.normalize",
    "reader.evidence.people",
    "reader.evidence.timeline",
    "reader.reports.article_report",
    "reader.app.panes",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
