"""The README's promises: its YAML example is what its Python example builds and dumps."""

from __future__ import annotations

import doctest

import argmap
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_yaml_example_is_the_python_example_dumped() -> None:
    yaml_block = README.split("```yaml\n", 1)[1].split("```", 1)[0]
    parser = doctest.DocTestParser()
    test = parser.get_doctest(README, {}, "README", "README.md", 0)
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
