"""docs/checks.md tells the truth: its Python examples run, its rules section is each rule explained."""

from __future__ import annotations

import doctest
import os

from argmap.checks import RULES
from tests.conftest import ROOT

DOC = ROOT / "docs" / "checks.md"
START = "<!-- rules: generated from argmap.checks.RULES;"
END = "<!-- end of rules -->"


def rules_section() -> str:
    """Each rule as ``argmap rules --explain`` prints it, under a heading of its own."""
    parts = []
    for code in sorted(RULES):
        found = RULES[code]
        parts.append(f"### {code} {found.name}\n\n```text\n{found.explain()}\n```\n")
    return "\n".join(parts)


def test_the_python_examples_run() -> None:
    failed, attempted = doctest.testfile(
        str(DOC), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert attempted >= 10 and failed == 0


def test_the_rules_section_is_what_rules_explain_prints() -> None:
    text = DOC.read_text("utf-8")
    head, rest = text.split(START, 1)
    marker, rest = rest.split("\n", 1)
    body, tail = rest.split(END, 1)
    expected = "\n" + rules_section() + "\n"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1":
        DOC.write_text(f"{head}{START}{marker}\n{expected}{END}{tail}", "utf-8")
        body = expected
    assert body == expected, "docs/checks.md's rules are stale (ARGMAP_UPDATE_GOLDEN=1 refreshes)"


def test_every_rule_is_in_the_table() -> None:
    text = DOC.read_text("utf-8")
    assert [code for code in sorted(RULES) if f"| {code} | {RULES[code].name} |" not in text] == []
