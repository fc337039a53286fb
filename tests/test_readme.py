"""The model tour's promises: its YAML example is what its Python example builds and dumps.

The pair lives in docs/model.md, where the README sends readers for the format.
"""

from __future__ import annotations

import doctest

import argmap
from tests.conftest import ROOT

MODEL_DOC = (ROOT / "docs" / "model.md").read_text("utf-8")
README = (ROOT / "README.md").read_text("utf-8")


def test_yaml_example_is_the_python_example_dumped() -> None:
    yaml_block = MODEL_DOC.split("```yaml\n", 1)[1].split("```", 1)[0]
    parser = doctest.DocTestParser()
    test = parser.get_doctest(MODEL_DOC, {}, "model", "docs/model.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    result = runner.run(test, out=report.append, clear_globs=False)
    assert result.failed == 0, "".join(report)
    built = test.globs["m"]
    assert isinstance(built, argmap.ArgumentMap)
    assert argmap.loads(yaml_block) == built
    dumped = argmap.dumps(built).splitlines(keepends=True)
    generated_ids = [f"  - id: {link.id}\n" for link in built.links]
    without_ids = [line for line in dumped if line not in generated_ids]
    assert (
        "".join(without_ids)
        .replace("\n    kind: supports", "\n  - kind: supports")
        .replace("\n    kind: attacks", "\n  - kind: attacks")
        == yaml_block
    )


def test_the_readme_is_short_and_has_a_contents_list() -> None:
    lines = README.splitlines()
    assert len(lines) < 300
    contents = README.split("## Contents\n", 1)[1].split("\n## ", 1)[0]
    headings = [line[3:] for line in lines if line.startswith("## ") and line != "## Contents"]
    anchors = {h.lower().replace(",", "").replace(" ", "-") for h in headings}
    linked = {part.split(")", 1)[0] for part in contents.split("](#")[1:]}
    assert headings and anchors <= linked


def test_the_readme_links_only_to_files_that_exist() -> None:
    targets = [part.split(")", 1)[0] for part in README.split("](")[1:]]
    local = [t.split("#")[0] for t in targets if not t.startswith(("#", "http"))]
    missing = [t for t in local if not (ROOT / t).exists()]
    assert missing == []
