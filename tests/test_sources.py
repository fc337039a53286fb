from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.sources import find_source_texts, passage, read_text, sha256_text, verify_anchors

TEXT = "Alpha beta. Gamma délta. Epsilon."


def anchored(tmp_path: Path, *, path: str | None = "doc.txt") -> argmap.ArgumentMap:
    (tmp_path / "doc.txt").write_text(TEXT, "utf-8")
    b = argmap.MapBuilder("m", "T")
    b.source("doc", "Doc", sha256=sha256_text(TEXT), path=path)
    b.claim("a", "A.", anchors=[{"source": "doc", "start": 12, "end": 24, "quote": "Gamma délta."}])
    b.claim("b", "B.", anchors=[{"source": "doc", "start": 25, "end": 33}])
    m = b.build()
    target = tmp_path / "m.yaml"
    argmap.dump(m, target)
    return argmap.load(target)


def test_offsets_are_characters_not_bytes(tmp_path: Path) -> None:
    m = anchored(tmp_path)
    texts = find_source_texts(m)
    assert passage(m.node("b").anchors[0], texts) == "Epsilon."
    assert verify_anchors(m, texts) == []


def test_text_found_beside_map_or_supplied(tmp_path: Path) -> None:
    m = anchored(tmp_path)
    assert find_source_texts(m) == {"doc": TEXT}
    other = tmp_path / "other.txt"
    other.write_text("x", "utf-8")
    assert find_source_texts(m, {"doc": other}) == {"doc": "x"}
    assert find_source_texts(anchored(tmp_path, path=None)) == {}
    with pytest.raises(argmap.SourceTextError, match="has no source 'zzz'"):
        find_source_texts(m, {"zzz": other})


def test_drift_is_reported_with_where_the_quote_moved(tmp_path: Path) -> None:
    m = anchored(tmp_path)
    problems = verify_anchors(m, {"doc": "Zeta. " + TEXT})
    assert [(p.element, p.index) for p in problems] == [(None, None), ("a", 0)]
    assert "recorded SHA-256" in problems[0].message
    assert problems[1].message.endswith("the quote is now at 18..30")
    gone = verify_anchors(m, {"doc": "Short."})
    assert "runs past the end of the text" in gone[1].message


def test_unreadable_source_text(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(argmap.SourceTextError, match="not UTF-8"):
        read_text(bad)
    with pytest.raises(argmap.SourceTextError, match="cannot read"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(argmap.SourceTextError, match="pass --source doc=PATH"):
        passage(argmap.Anchor(source="doc", start=0, end=1), {})


def _map_with_source(folder: Path, source_path: str) -> Path:
    path = folder / "map.yaml"
    path.write_text(
        "id: m\ntitle: T\nsources:\n  - id: s\n    title: S\n    path: " + json.dumps(source_path) + "\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("source_path", "message"),
    [
        ("/proc/self/environ", "map.yaml:6:11: source 's': path '/proc/self/environ' must be relative"),
        ("/dev/zero", "must be relative to the map's folder"),
        ("../outside.txt", "map.yaml:6:11: source 's': path '../outside.txt' leads outside the map's folder"),
        ("link.txt", "leads outside the map's folder"),
        ("fifo", "'fifo' is not a regular file"),
        ("folder", "'folder' is not a regular file"),
        ("missing.txt", "cannot read 'missing.txt'"),
    ],
)
def test_a_map_cannot_make_argmap_read_outside_its_folder(
    tmp_path: Path, source_path: str, message: str
) -> None:
    home = tmp_path / "maps"
    home.mkdir()
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    (home / "link.txt").symlink_to(tmp_path / "outside.txt")
    os.mkfifo(home / "fifo")
    (home / "folder").mkdir()
    m = argmap.load(_map_with_source(home, source_path))
    with pytest.raises(argmap.SourceTextError) as caught:
        find_source_texts(m)
    assert message in str(caught.value)
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(home / "map.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr and message in run.stdout + run.stderr


def test_sources_inside_the_folder_or_a_named_root_are_read(tmp_path: Path) -> None:
    home = tmp_path / "maps"
    (home / "texts").mkdir(parents=True)
    (home / "texts" / "a.txt").write_text("inside", encoding="utf-8")
    (tmp_path / "shared.txt").write_text("shared", encoding="utf-8")
    assert find_source_texts(argmap.load(_map_with_source(home, "texts/a.txt"))) == {"s": "inside"}
    outside = argmap.load(_map_with_source(home, "../shared.txt"))
    assert find_source_texts(outside, roots=[tmp_path]) == {"s": "shared"}
    # what the user gives on the command line is the user's choice
    assert find_source_texts(outside, {"s": tmp_path / "shared.txt"}) == {"s": "shared"}
