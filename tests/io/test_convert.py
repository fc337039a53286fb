"""argmap convert between every readable and writable format; argmap check over many files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.io import formats
from tests.conftest import ROOT

PHONES = ROOT / "corpora" / "school-phones" / "map.yaml"
SUFFIX = {
    "yaml": ".yaml",
    "json": ".json",
    "aif": ".aif.json",
    "ova": ".ova.json",
    "kialo": ".txt",
    "graphml": ".graphml",
    "node-link": ".nodelink.json",
    "argdown": ".argdown",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    m = argmap.load(PHONES)
    made = {}
    for name in formats.readable():
        path = folder / f"phones{SUFFIX[name]}"
        formats.dump(m, path)
        made[name] = path
    return made


def test_every_format_has_a_suffix_here() -> None:
    assert set(SUFFIX) == set(formats.FORMATS)


@pytest.mark.parametrize("source", formats.readable())
@pytest.mark.parametrize("target", formats.writable())
def test_convert_every_readable_format_to_every_writable_one(
    source: str, target: str, inputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"out{SUFFIX[target]}"
    code, _, err = run(capsys, "convert", str(inputs[source]), str(out))
    assert code == 0
    lost = formats.FORMATS[target].losses
    expected = lost(formats.load(inputs[source])) if lost else []
    assert err.splitlines() == [f"argmap convert: {out}: the format cannot hold {note}" for note in expected]
    by_name = tmp_path / "named.out"
    code, _, err = run(capsys, "convert", str(inputs[source]), str(by_name), "--from", source, "--to", target)
    assert code == 0 and err.count("the format cannot hold") == len(expected)
    assert by_name.read_bytes() == out.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, by_name.name])
    if target in inputs:
        expected = formats.load(inputs[source])
        again = formats.load(out)
        # What survives depends on both formats; every statement's text does (Kialo keeps the tree's).
        texts = {n.text for n in again.nodes}
        assert texts <= {n.text for n in expected.nodes} | {expected.title, expected.description}
        if "kialo" not in (source, target):
            assert texts == {n.text for n in expected.nodes}


def test_convert_refuses_to_overwrite_its_input_through_any_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "m.yaml"
    source.write_bytes(PHONES.read_bytes())
    (tmp_path / "soft.json").symlink_to(source)
    (tmp_path / "hard.json").hardlink_to(source)
    for target in (source, tmp_path / "soft.json", tmp_path / "hard.json", tmp_path / "." / "m.yaml"):
        code, _, err = run(capsys, "convert", str(source), str(target))
        assert code == 2 and f"{target}: refusing to overwrite the input file" in err
    assert source.read_bytes() == PHONES.read_bytes()


def test_convert_options_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", str(PHONES), str(tmp_path / "x.out"), "--to", "docx")
    assert code == 2 and "invalid choice: 'docx'" in err
    code, _, err = run(capsys, "convert", str(PHONES), str(tmp_path / "x.docx"))
    assert code == 2 and "cannot tell the format from the suffix '.docx'" in err
    code, _, err = run(capsys, "convert", str(PHONES), str(tmp_path / "x.yaml"), "--from", "graphml")
    assert code == 2 and "invalid choice: 'graphml'" in err
    assert list(tmp_path.iterdir()) == []


def test_check_reads_many_files_and_folders_and_counts_what_it_could_not_read(
    inputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [\n", "utf-8")
    partial = tmp_path / "partial.txt"
    partial.write_text("1. Ban phones.\n1.2.1. Pro: Orphan.\n", "utf-8")
    code, out, err = run(capsys, "check", str(inputs["yaml"].parent), str(tmp_path))
    assert code == 2
    assert f"{broken}:2:1: YAML syntax error" in err
    assert f"{partial}:2:1: claim 1.2.1.: its parent 1.2. is not in the discussion" in err
    lines = out.splitlines()
    assert lines[-1].endswith(f"in {len(inputs) + 1} files; 2 files could not be read.")
    assert any(line.startswith(f"{inputs['aif']}:") for line in lines)
    code, out, _ = run(capsys, "check", "--format", "json", str(tmp_path))
    report = json.loads(out)
    assert code == 2 and report["unreadable"] == [str(broken), str(partial)]
    assert [f["path"] for f in report["files"]] == [str(partial)]


def _map_with_source_text(folder: Path) -> Path:
    (folder / "article.md").write_text("Phones distract pupils.\n", encoding="utf-8")
    b = argmap.MapBuilder("m", "T")
    _ = b.claim("c", "Phones distract.")
    m = b.build().model_copy(
        update={"sources": (argmap.SourceDocument(id="art", title="A", path="article.md"),)}
    )
    path = folder / "map.yaml"
    argmap.dump(m, path)
    return path


def test_convert_to_another_folder_says_which_source_texts_stay_behind(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    source = _map_with_source_text(tmp_path / "in")
    beside = formats.convert(source, tmp_path / "in" / "map.json")
    assert beside.notes == []
    away = formats.convert(source, tmp_path / "out" / "map.json")
    (note,) = away.notes
    assert note.path == str(tmp_path / "out" / "map.json")
    assert (
        "source 'art': its text 'article.md' is beside" in note.message
        and "--source art=PATH" in note.message
    )
    (tmp_path / "out" / "article.md").write_text("Phones distract pupils.\n", encoding="utf-8")
    assert formats.convert(source, tmp_path / "out" / "map2.json").notes == []  # copied: nothing to say


def test_validate_reports_an_unreadable_source_text_located_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    source = _map_with_source_text(tmp_path / "in")
    moved = tmp_path / "moved.yaml"
    moved.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["validate", str(moved), str(source)]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(f"{moved}:") and "cannot read 'article.md'" in err and "argmap:" not in err
    assert f"{source}: valid" in out  # the next file is still validated
