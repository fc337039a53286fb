"""The builder spells out each element's fields: they match the model's, and a typo is named."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import argmap
from argmap.builder import EvidenceFields, LinkFields, MapBuilder, NodeFields
from argmap.errors import MapError
from argmap.model import LINK_CLASSES, NODE_CLASSES, ArgumentMap, Side, SourceDocument

# Each method, the model it builds, and the fields it takes as positional arguments.
NODE_METHODS = [(kind, NODE_CLASSES[kind], {"id", "kind", "text"}) for kind in NODE_CLASSES]
LINK_METHODS = [(kind, LINK_CLASSES[kind], {"kind", "source", "target"}) for kind in LINK_CLASSES]
OTHER_METHODS = [
    ("source", SourceDocument, {"id", "title"}),
    ("side", Side, {"id", "name"}),
    ("__init__", ArgumentMap, {"id", "title", "sources", "sides", "nodes", "links"}),
]
METHODS = [*NODE_METHODS, *LINK_METHODS, *OTHER_METHODS]


def keywords(method: Callable[..., Any]) -> set[str]:
    parameters = inspect.signature(method).parameters.values()
    return {p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY}


@pytest.mark.parametrize(("name", "model", "positional"), METHODS, ids=[m[0] for m in METHODS])
def test_the_keywords_are_the_models_fields(name: str, model: type[BaseModel], positional: set[str]) -> None:
    assert keywords(getattr(MapBuilder, name)) == set(model.model_fields) - positional


def test_node_and_link_take_the_fields_of_every_kind() -> None:
    node_fields = {f for cls in NODE_CLASSES.values() for f in cls.model_fields} - {"id", "kind", "text"}
    assert keywords(MapBuilder.node) == node_fields
    link_fields = {f for cls in LINK_CLASSES.values() for f in cls.model_fields} - {
        "kind",
        "source",
        "target",
    }
    assert keywords(MapBuilder.link) == link_fields


ANCHOR = {"source": "doc", "start": 0, "end": 4}
# A value for every keyword, different from its default, to see that each reaches the element.
VALUES: dict[str, Any] = {
    "label": "Short",
    "held_by": "pro",
    "tags": ("t1", "t2"),
    "anchors": (ANCHOR,),
    "inferred": True,
    "note": "Why: the text implies it.",
    "data": {"page": 3},
    "citation": "A study",
    "concession": True,
    "strength": 0.5,
    "description": "Described.",
    "role": "speaker",
    "stances": {"q": "for"},
    "opposes": ("con",),
    "author": "An author",
    "url": "https://example.org",
    "path": "text.md",
    "sha256": "0" * 64,
    "license": "CC-BY-4.0",
    "sections": ({"name": "Intro", "start": 0, "end": 4},),
    "metadata": {"year": 2026},
    "checks": {"ignore": ["AM501"]},
}


def plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(exclude_defaults=True)
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    return value


@pytest.mark.parametrize("kind", sorted(NODE_CLASSES))
def test_every_node_keyword_reaches_the_node(kind: str) -> None:
    b = MapBuilder("m", "T")
    given = {name: VALUES[name] for name in keywords(getattr(MapBuilder, kind))}
    getattr(b, kind)("n", "Text.", **given)
    node = b._nodes[0]
    assert {name: plain(getattr(node, name)) for name in given} == given


@pytest.mark.parametrize("kind", sorted(LINK_CLASSES))
def test_every_link_keyword_reaches_the_link(kind: str) -> None:
    b = MapBuilder("m", "T")
    given = {name: VALUES[name] for name in keywords(getattr(MapBuilder, kind)) if name != "id"}
    link_id = getattr(b, kind)("a", "b", id="l", **given)
    link = b._links[0]
    assert link_id == link.id == "l"
    assert {name: plain(getattr(link, name)) for name in given} == given


def test_every_keyword_of_a_side_a_source_and_the_map_reaches_it() -> None:
    given = {name: VALUES[name] for name in keywords(MapBuilder.__init__)}
    b = MapBuilder("m", "T", **given)
    sides = {name: VALUES[name] for name in keywords(MapBuilder.side)}
    sources = {name: VALUES[name] for name in keywords(MapBuilder.source)}
    b.side("pro", "Pro", **sides)
    b.side("con", "Con")
    b.issue("q", "Q?")
    b.source("doc", "A document", **sources)
    m = b.build()
    assert {name: plain(getattr(m, name)) for name in given} == {**given, "checks": {"ignore": ("AM501",)}}
    assert {name: plain(getattr(m.side("pro"), name)) for name in sides} == sides
    assert {name: plain(getattr(m.sources[0], name)) for name in sources} == sources


TYPOS: list[tuple[Callable[[MapBuilder], object], str, str]] = [
    (lambda b: b.claim("c", "C.", lable="x"), "claim 'c'", "'lable'; did you mean 'label'?"),
    (lambda b: b.node("evidence", "e", "E.", citaton="x"), "evidence 'e'", "'citaton'; did you mean"),
    (lambda b: b.supports("a", "b", hel_by="x"), "supports link", "'hel_by'; did you mean 'held_by'?"),
    (lambda b: b.link("attacks", "a", "b", id="l", strenght=1), "attacks link 'l'", "'strenght'; did"),
    (lambda b: b.side("s", "S", stance={}), "side 's'", "'stance'; did you mean 'stances'?"),
    (lambda b: b.source("d", "D", auther="x"), "source 'd'", "'auther'; did you mean 'author'?"),
    (lambda b: b.claim("c", txt="C."), "claim 'c'", "'txt'; did you mean 'text'?"),
    (lambda b: b.claim("c", "C.", colour="red"), "claim 'c'", "'colour' (allowed: id, text, label, held_by,"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "element", "message"), TYPOS)
def test_a_typo_gets_did_you_mean(call: Callable[[MapBuilder], object], element: str, message: str) -> None:
    with pytest.raises(MapError) as caught:
        call(MapBuilder("m", "T"))
    assert str(caught.value).startswith(f"{element}: unknown field {message}")
    assert "Extra inputs" not in str(caught.value)


def test_a_typo_in_the_maps_own_fields_too() -> None:
    with pytest.raises(
        MapError, match=r"^map 'm': unknown field 'descripton'; did you mean 'description'\?$"
    ):
        MapBuilder("m", "T", descripton="x")  # type: ignore[call-arg]


def test_one_tag_or_side_may_be_given_as_a_string() -> None:
    b = MapBuilder("m", "T", tags="demo")
    b.side("pro", "Pro", opposes="con")
    b.side("con", "Con")
    b.claim("c", "C.", tags="school")
    b.claim("d", "D.")
    b.attacks("d", "c", tags="rebuttal")
    m = b.build()
    assert (m.tags, m.side("pro").opposes) == (("demo",), ("con",))
    assert (m.node("c").tags, m.links[0].tags) == (("school",), ("rebuttal",))


def test_from_map_keeps_the_maps_own_fields() -> None:
    m = argmap.load_corpus("school-phones")
    b = MapBuilder.from_map(m)
    assert b.build() == m
    settings = MapBuilder("m", "T", checks={"ignore": ["AM501"]}).build()
    assert MapBuilder.from_map(settings).build().checks.ignore == ("AM501",)


def test_the_signature_shows_the_fields_to_editors() -> None:
    shown = str(inspect.signature(MapBuilder.claim))
    assert "label: 'str | None' = None" in shown and "held_by: 'str | None' = None" in shown


def test_the_fields_of_every_node_and_every_link_are_written_once_as_typed_dicts() -> None:
    common_node = set.intersection(*(set(cls.model_fields) for cls in NODE_CLASSES.values()))
    assert set(NodeFields.__annotations__) == common_node - {"id", "kind", "text"}
    evidence = set(NODE_CLASSES["evidence"].model_fields) - {"id", "kind", "text"}
    assert set(EvidenceFields.__annotations__) == evidence
    common_link = set.intersection(*(set(cls.model_fields) for cls in LINK_CLASSES.values()))
    assert set(LinkFields.__annotations__) == common_link - {"kind", "source", "target"}
    for kind in NODE_CLASSES:
        fields = EvidenceFields if kind == "evidence" else NodeFields
        assert keywords(getattr(MapBuilder, kind)) == set(fields.__annotations__)
    for kind in LINK_CLASSES:
        assert keywords(getattr(MapBuilder, kind)) == set(LinkFields.__annotations__)


def test_mypy_checks_the_keywords_of_every_kind(tmp_path: Path) -> None:
    # What an editor and `mypy --strict` see: a typo, a wrong type, a field of another kind.
    api = pytest.importorskip("mypy.api")
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "from argmap.builder import MapBuilder\n"
        "b = MapBuilder('m', 'T')\n"
        "b.claim('c', 'C.', lable='x')\n"
        "b.supports('a', 'b', strength='high')\n"
        "b.claim('d', 'D.', citation='no')\n"
        "b.evidence('e', 'E.', citation='ok', tags=('t',), inferred=True)\n"
        "b.undercuts('x', 'a--supports--b', id='u', concession=True)\n",
        encoding="utf-8",
    )
    flags = ["--strict", "--no-incremental", "--follow-imports=silent", "--cache-dir", os.devnull]
    out, _, _ = api.run([*flags, str(snippet)])
    found = [line for line in out.splitlines() if ": error: " in line]
    assert [line.split(":")[1] for line in found] == ["3", "4", "5"]
    errors = [line.split(": error: ")[1] for line in found]
    assert (
        'Unexpected keyword argument "lable" for "claim" of "MapBuilder"; did you mean "label"?' in errors[0]
    )
    assert 'Argument "strength" to "supports" of "MapBuilder" has incompatible type "str"' in errors[1]
    assert 'Unexpected keyword argument "citation" for "claim"' in errors[2]


def test_every_unknown_keyword_is_named_and_kind_says_which_method_to_call() -> None:
    b = MapBuilder("m", "T")
    with pytest.raises(MapError) as raised:
        b.claim("c", "C.", lable="x", nte="y")
    assert [p.message for p in raised.value.problems] == [
        "unknown field 'lable'; did you mean 'label'?",
        "unknown field 'nte'; did you mean 'note'?",
    ]
    with pytest.raises(MapError, match=r"claim\(\) makes a claim; call the method of the kind you want"):
        b.claim("c", "C.", kind="issue")
    assert not b.build().nodes  # nothing half-made
