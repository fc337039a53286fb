"""The format table: choosing a format by suffix and content, load, read, dump, expand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.errors import ArgmapError, LoadError
from argmap.io import formats
from argmap.io.formats import FORMATS, dump, expand, format_for, is_same_file, load, read
from argmap.io.limits import DEFAULT_LIMITS, Limits, set_limits
from argmap.locations import origin_of
from tests.conftest import ROOT

PHONES = ROOT / "corpora" / "school-phones" / "map.yaml"
AIF_TEXT = json.dumps(
    {
        "nodes": [
            {"nodeID": "1", "text": "Phones distract.", "type": "I"},
            {"nodeID": "2", "text": "Ban phones.", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [{"edgeID": 1, "fromID": "1", "toID": "3"}, {"edgeID": 2, "fromID": "3", "toID": "2"}],
    }
)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("m.yaml", None, "yaml"),
        ("m.yml", None, "yaml"),
        ("m.json", '{"id": "m", "title": "T"}', "json"),
        ("m.json", AIF_TEXT, "aif"),
        ("m.json", json.dumps({"AIF": json.loads(AIF_TEXT), "OVA": {}}), "ova"),
        ("m.json", "{not json", "json"),
        ("m.aif.json", '{"id": "m", "title": "T"}', "aif"),
        ("m.txt", "Discussion Title: T\n\n1. T\n", "kialo"),
        ("m.kialo.txt", "anything", "kialo"),
        ("no-suffix", "Discussion Title: T\n\n1. T\n", "kialo"),
        ("no-suffix", AIF_TEXT, "aif"),
        ("m.map", "id: m\ntitle: T\n", "yaml"),
    ],
)
def test_format_for_reading(name: str, text: str | None, expected: str) -> None:
    assert format_for(name, text).name == expected


def test_format_for_writing_and_unknown_suffix() -> None:
    assert [
        format_for(n, writing=True).name for n in ("a.json", "a.ova.json", "a.graphml", "a.nodelink.json")
    ] == [
        "json",
        "ova",
        "graphml",
        "node-link",
    ]
    with pytest.raises(ArgmapError, match=r"a\.docx: cannot tell the format from the suffix '\.docx'"):
        format_for("a.docx", writing=True)


def test_every_format_reads_or_writes_and_names_are_unique() -> None:
    assert all(f.reader or f.writer for f in FORMATS.values())
    assert set(formats.readable()) == {"yaml", "json", "aif", "ova", "kialo", "argdown"}
    writable = {"yaml", "json", "aif", "ova", "kialo", "argdown", "graphml", "node-link"}
    assert set(formats.writable()) == writable


def test_native_files_load_as_before(tmp_path: Path) -> None:
    m = argmap.load(PHONES)
    out = tmp_path / "m.json"
    argmap.dump(m, out)
    assert argmap.load(out) == m and origin_of(argmap.load(out)) is not None
    assert out.read_text("utf-8") == argmap.dumps(m, "json")


def test_load_by_content_and_read_returns_the_problems(tmp_path: Path) -> None:
    good = tmp_path / "nodeset.json"
    good.write_text(AIF_TEXT, "utf-8")
    m = load(good)
    assert [(k.kind, k.source, k.target) for k in m.links] == [("supports", "1", "2")]
    bad = tmp_path / "bad.json"
    bad.write_text(AIF_TEXT.replace('"toID": "2"', '"toID": "9"'), "utf-8")
    loaded = read(bad)
    assert loaded.format == "aif" and len(loaded.map.nodes) == 2 and loaded.map.links == ()
    assert [p.element for p in loaded.problems] == ["/edges/1", "/nodes/2"]
    with pytest.raises(LoadError, match=r"bad\.json:1:\d+: /edges/1: edge toID '9' names no node"):
        argmap.load(bad)


def test_a_named_format_wins_and_an_unknown_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "debate.data"
    path.write_text(AIF_TEXT, "utf-8")
    assert load(path, "aif").nodes[0].text == "Phones distract."
    with pytest.raises(
        LoadError, match=r"debate\.data:1:1: expected 'Discussion Title: \.\.\.' or a numbered"
    ):
        load(path, "kialo")
    with pytest.raises(ArgmapError, match="argmap cannot read the format 'graphml'"):
        load(path, "graphml")
    with pytest.raises(ArgmapError, match="argmap cannot write the format 'docx'"):
        dump(argmap.load(PHONES), tmp_path / "x.yaml", "docx")


def test_too_large_and_missing_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("id: m\ntitle: T\n", "utf-8")
    set_limits(Limits(max_bytes=4))
    try:
        with pytest.raises(LoadError, match=r"big\.yaml: the file is larger than the limit of 4 bytes"):
            load(path)
    finally:
        set_limits(DEFAULT_LIMITS)
    with pytest.raises(LoadError, match="cannot read file"):
        load(tmp_path / "missing.yaml")


@pytest.mark.parametrize("name", ["yaml", "json", "aif", "ova", "kialo", "graphml", "node-link"])
def test_dump_writes_each_format_atomically_and_deterministically(name: str, tmp_path: Path) -> None:
    m = argmap.load(PHONES)
    path = tmp_path / "out"
    dump(m, path, name)
    first = path.read_bytes()
    dump(m, path, name)
    assert path.read_bytes() == first and [p.name for p in tmp_path.iterdir()] == ["out"]
    if FORMATS[name].reader is not None:
        assert load(path, name).nodes


def test_expand_takes_the_maps_in_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    contents = {
        "b.yaml": "",
        "a.json": '{"id": "m", "title": "T"}',
        "broken.json": '{"id": ',
        "nodeset.json": AIF_TEXT,
        "tool-export.json": '{"statements": {}}',
        "sub/c.txt": "1. Thesis\n",
        "sub/readme.txt": "Not a discussion.",
        "sub/d.graphml": "",
        "notes.md": "",
        ".git/e.yaml": "",
    }
    for name, text in contents.items():
        (tmp_path / name).write_text(text, "utf-8")
    files = [Path(f).relative_to(tmp_path).as_posix() for f in expand([tmp_path, tmp_path / "notes.md"])]
    assert files == ["a.json", "b.yaml", "broken.json", "nodeset.json", "sub/c.txt", "notes.md"]


def test_same_file_through_links(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_text("", "utf-8")
    (tmp_path / "soft.yaml").symlink_to(first)
    (tmp_path / "hard.yaml").hardlink_to(first)
    assert is_same_file(first, tmp_path / "soft.yaml") and is_same_file(first, tmp_path / "hard.yaml")
    assert is_same_file(first, tmp_path / "sub" / ".." / "a.yaml")
    assert not is_same_file(first, tmp_path / "other.yaml")


ARGDOWN_WITH_NOTES = "# Phones\n\n[Ban]: Ban phones.\n  + [Calm]\n  - <Cost>\n"


def test_load_warns_with_each_note_located_and_read_lists_them(tmp_path: Path) -> None:
    path = tmp_path / "d.argdown"
    path.write_text(ARGDOWN_WITH_NOTES, encoding="utf-8")
    with pytest.warns(argmap.LoadWarning) as caught:
        m = load(path)
    assert [link.kind for link in m.links] == ["supports", "attacks"]
    assert [str(w.message) for w in caught] == [
        f"{path}:4:5: statement [Calm] is used but never given text; its title stands for its text",
        f"{path}:5:5: argument <Cost> is used but never described; its title stands for its text",
    ]
    notes = read(path).notes
    assert [w.message.problem for w in caught] == notes  # type: ignore[union-attr]
    # each warning points at the caller's line, not into argmap
    assert {w.filename for w in caught} == {__file__}


def test_load_of_a_file_without_notes_warns_nothing(tmp_path: Path) -> None:
    path = tmp_path / "d.argdown"
    path.write_text("# Phones\n\n[Ban]: Ban phones.\n  + [Calm]: Calm classes.\n", encoding="utf-8")
    load(path)  # warnings are errors in the test suite


def test_argmaps_json_is_told_by_its_first_key_without_parsing_the_whole_file(monkeypatch: Any) -> None:
    from argmap.io import formats as chosen

    def refuse(text: str) -> None:
        raise AssertionError("parsed the whole file to tell its format")

    monkeypatch.setattr(chosen, "_json_top", refuse)
    assert chosen.format_for("m.json", '\ufeff\n{\n  "id": "m", "title": "T"}').name == "json"
    assert chosen.format_for("m.json", '{"title": "T"}').name == "json"
    with pytest.raises(AssertionError):  # another first key: the whole text decides, as before
        chosen.format_for("m.json", '{"nodes": [], "id": "m"}')
