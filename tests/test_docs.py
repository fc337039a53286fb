"""Every page of docs/ tells the truth: its Python examples run as doctests."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from tests.conftest import ROOT

PAGES = sorted((ROOT / "docs").glob("*.md"))


def test_the_pages_are_found() -> None:
    # guards the test itself: the pages with examples must be among those it runs
    names = {page.name for page in PAGES}
    assert {"model.md", "corpora.md", "rendering.md", "checks.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_the_python_examples_run(page: Path) -> None:
    failed, attempted = doctest.testfile(
        str(page), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert failed == 0, f"{page.name}: {failed} of {attempted} examples failed (doctest's report above)"
    if ">>> " in page.read_text("utf-8"):
        assert attempted > 0
