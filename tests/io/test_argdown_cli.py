"""Malformed Argdown through the command line: the located message and exit code 2, for every case."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from argmap.cli import main

CASES = Path(__file__).parent / "argdown_cases"
EXPECTED: dict[str, str] = yaml.safe_load((CASES / "expected.yaml").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("command", ["check", "convert"])
def test_each_malformed_file_is_located_with_exit_code_2(
    name: str,
    command: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(CASES)  # the expected messages name the files as given
    argv = [command, name] + ([str(tmp_path / "out.yaml")] if command == "convert" else [])
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert EXPECTED[name] in err and "Traceback" not in err
    assert not (tmp_path / "out.yaml").exists()
