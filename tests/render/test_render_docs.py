"""docs/rendering.md tells the truth: its Python examples run, and it documents every option."""

from __future__ import annotations

import dataclasses
import doctest

from argmap.render import RenderOptions
from tests.conftest import ROOT

DOC = ROOT / "docs" / "rendering.md"


def test_the_python_examples_run() -> None:
    failed, attempted = doctest.testfile(
        str(DOC), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert attempted >= 8 and failed == 0


def test_every_render_option_is_documented() -> None:
    text = DOC.read_text("utf-8")
    missing = [f.name for f in dataclasses.fields(RenderOptions) if f"`{f.name}`" not in text]
    assert missing == []
