from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given

import argmap
from argmap.io.native import dumps, format_of, load, loads, to_data
from argmap.locations import locate, origin_of
from tests.strategies import maps


@given(maps())
def test_yaml_round_trip(m: argmap.ArgumentMap) -> None:
    assert loads(dumps(m, "yaml"), "yaml") == m


@given(maps())
def test_json_round_trip(m: argmap.ArgumentMap) -> None:
    assert loads(dumps(m, "json"), "json") == m


@given(maps())
def test_dump_is_deterministic_and_fixpoint(m: argmap.ArgumentMap) -> None:
    text = dumps(m)
    assert dumps(loads(text)) == text


@given(maps())
def test_yaml_and_json_carry_the_same_data(m: argmap.ArgumentMap) -> None:
    assert yaml.safe_load(dumps(m, "yaml")) == json.loads(dumps(m, "json"))


def test_key_order_is_fixed_and_defaults_are_omitted() -> None:
    b = argmap.MapBuilder("m", "T")
    b.side("s", "Side")
    b.claim("a", "Text A.", label="A", held_by="s", note="n")
    b.claim("b", "Text B.")
    b.supports("a", "b", strength=0.5)
    data = to_data(b.build())
    assert list(data["nodes"][0]) == ["id", "kind", "label", "text", "held_by", "note"]
    assert list(data["links"][0]) == ["id", "kind", "source", "target", "strength"]
    assert "concession" not in data["links"][0]


def test_multiline_text_is_a_literal_block() -> None:
    b = argmap.MapBuilder("m", "T")
    b.claim("a", "line one\nline two")
    text = dumps(b.build())
    assert "text: |-\n      line one\n      line two\n" in text


def test_format_follows_suffix() -> None:
    assert format_of("x.JSON") == "json"
    assert format_of("x.yml") == "yaml"
    assert format_of("x") == "yaml"


def test_dump_and_load_file(tmp_path: Path) -> None:
    b = argmap.MapBuilder("m", "T")
    b.claim("a", "Ünïcode — text")
    for name in ("m.yaml", "m.json"):
        argmap.dump(b.build(), tmp_path / name)
        loaded = load(tmp_path / name)
        assert loaded == b.build()
        assert origin_of(loaded) is not None and origin_of(loaded).path == str(tmp_path / name)  # type: ignore[union-attr]
    assert json.loads((tmp_path / "m.json").read_text("utf-8"))["nodes"][0]["text"] == "Ünïcode — text"
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"


def test_dump_failure_leaves_existing_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "m.yaml"
    with pytest.raises(argmap.ArgmapError, match="cannot write"):
        argmap.dump(argmap.MapBuilder("m", "T").build(), target)


def test_yaml_loading_is_safe() -> None:
    with pytest.raises(argmap.LoadError, match="unsupported YAML tag"):
        loads("id: !!python/object:os.system x\ntitle: T\n")


def test_yaml_anchors_and_timestamps() -> None:
    m = loads("id: m\ntitle: &t 2024-01-01\ndescription: *t\n")
    assert m.title == "2024-01-01" and m.description == "2024-01-01"


def test_locate_points_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("id: m\ntitle: T\nnodes:\n  - id: a\n    kind: claim\n    text: A\n", "utf-8")
    m = load(path)
    assert locate(m, "a") == (str(path), 4, 5)
    assert locate(m, "a", "text") == (str(path), 6, 11)
    assert locate(m, "a", "anchors") == (str(path), 4, 5)
    assert locate(m, "zzz") is None
    assert locate(argmap.MapBuilder("m", "T").build(), "a") is None
