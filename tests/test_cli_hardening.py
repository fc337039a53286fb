"""The command line under attack: each failure of the hardening review, as a regression test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.io.limits import DEFAULT_LIMITS, get_limits, set_limits
from tests.conftest import ROOT

PHONES = ROOT / "corpora" / "school-phones"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def phones_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "phones"
    shutil.copytree(PHONES, folder)
    return folder


def test_exercise_never_overwrites_the_source_text_found_beside_the_map(
    phones_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = phones_copy / "source.md"
    before = text.read_bytes()
    code, _, err = run(capsys, "exercise", str(phones_copy / "map.yaml"), "--kind", "locate", "-o", str(text))
    assert code == 2 and "refusing to overwrite the input file" in err
    assert text.read_bytes() == before
    assert run(capsys, "validate", str(phones_copy / "map.yaml"))[0] == 0


def test_exercise_checks_every_target_before_writing_the_first(
    phones_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.html"
    code, _, err = run(
        capsys, "exercise", str(phones_copy / "map.yaml"), "--kind", "sort-by-side", "-o", str(sheet),
        "--json", str(tmp_path),
    )  # fmt: skip
    assert code == 2 and "not a regular file" in err
    assert not sheet.exists()


@pytest.mark.parametrize("dpi", ["inf", "nan", "1e9", "0", "-5", "many"])
def test_an_unreachable_dpi_is_refused(dpi: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    code, _, err = run(capsys, "render", str(PHONES / "map.yaml"), "-o", str(out), "--dpi", dpi)
    assert code == 2 and "--dpi" in err and not out.exists()


def test_options_that_would_be_ignored_are_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "render", str(PHONES / "map.yaml"), "-o", str(tmp_path / "x.svg"), "--depth", "2"
    )
    assert code == 2 and "--depth needs --focus" in err
    code, _, err = run(
        capsys, "render", str(PHONES / "map.yaml"), "-o", str(tmp_path / "x.svg"), "--dpi", "96"
    )
    assert code == 2 and "--dpi applies to PNG output only" in err


def test_show_verifies_the_source_text_as_validate_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong.md"
    wrong.write_text("Some other text altogether.\n", encoding="utf-8")
    m = argmap.load(PHONES / "map.yaml")
    anchored = next(n for n in m.nodes if n.anchors)
    code, out, err = run(capsys, "show", str(PHONES / "map.yaml"), anchored.id, "--source", f"text={wrong}")
    assert code == 2 and "SHA-256" in err and "anchor 0:" not in out


def test_terminal_output_shows_control_characters_instead_of_obeying_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps({"id": "m", "title": "T", "description": "clears the screen \u001b[2J", "nodes": []}),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "info", str(path))
    if code == 0:  # a description may hold it; the terminal must not obey it
        assert "\x1b" not in out and "\ufffd[2J" in out
    else:  # or the reader refuses it outright
        assert code == 2 and "U+001B" in err


def test_max_input_size_limits_every_reader(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code, _, err = run(capsys, "--max-input-size", "1K", "validate", str(PHONES / "map.yaml"))
    finally:
        limits = get_limits()
        set_limits(DEFAULT_LIMITS)
    assert limits.max_bytes == 1024
    assert code == 2 and "larger than the limit of 1024 bytes" in err
    code, _, err = run(capsys, "--max-input-size", "lots", "validate", str(PHONES / "map.yaml"))
    assert code == 2 and "expected a size" in err


def test_source_root_lets_a_map_name_a_text_in_a_folder_the_user_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    texts = tmp_path / "texts"
    maps = tmp_path / "maps"
    texts.mkdir()
    maps.mkdir()
    shutil.copy(PHONES / "source.md", texts / "source.md")
    data = argmap.io.native.to_data(argmap.load(PHONES / "map.yaml"))
    data["sources"][0]["path"] = "../texts/source.md"
    (maps / "map.yaml").write_text(argmap.io.native.dumps_data(data), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(maps / "map.yaml"))
    assert code == 2 and "leads outside the map's folder" in err
    code, out, _ = run(capsys, "validate", str(maps / "map.yaml"), "--source-root", str(texts))
    assert code == 0 and "anchors verified against 1 source text" in out


def test_a_corpus_name_is_accepted_wherever_a_map_file_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no file of that name here
    code, out, _ = run(capsys, "check", "school-phones")
    assert code == 0 and "in 1 file" in out
    code, out, _ = run(capsys, "render", "school-phones", "-o", "phones.dot")
    assert code == 0 and (tmp_path / "phones.dot").read_text("utf-8").startswith('digraph "school-phones"')
    code, out, _ = run(capsys, "grade", "--reference", "school-phones", str(PHONES / "map.yaml"))
    assert code == 0 and "0 missing, 0 extra" in out  # the reference map of grade, too
    (tmp_path / "school-phones").write_text("id: mine\ntitle: My own file\n", "utf-8")
    code, out, _ = run(capsys, "info", "school-phones")  # a file of that name wins
    assert code == 0 and "My own file" in out
    code, _, err = run(capsys, "info", "no-such-corpus")
    assert code == 2 and "no-such-corpus" in err
