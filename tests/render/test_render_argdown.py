"""An Argdown document is drawn as the Argdown tool draws it: no statement in no relation, unless asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.io.argdown import read_argdown
from argmap.render import RenderOptions, to_dot
from argmap.render.select import select
from tests.render.maps import every_element_map
from tests.render.test_render_dot import drawn_nodes

EXTERNAL = Path(__file__).resolve().parents[3] / "shared" / "external" / "argdown"

DOCUMENT = """# Phones at school

This document collects what was said at the parents' evening.

[Ban]: Schools should ban phones in class.
  + [Focus]: Pupils concentrate better without phones.
  - <Emergency>: Parents need to reach their children.

[Unused]: A titled statement that nothing refers to.

<Aside>: An argument that nothing refers to.

[Kept]: A statement its author wants drawn. {isInMap: true}
"""
RELATED = ["Ban", "Focus", "Emergency"]


def drawn(m: argmap.ArgumentMap, options: RenderOptions | None = None) -> list[str]:
    return [n.id for n in select(m, options).nodes]


def test_prose_and_statements_in_no_relation_are_not_drawn_by_default() -> None:
    m, _ = read_argdown(DOCUMENT, "phones.argdown")
    assert [n.id for n in m.nodes] == ["untitled-1", *RELATED, "Unused", "Aside", "Kept"]  # all read
    assert drawn(m) == [*RELATED, "Kept"]
    assert drawn_nodes(to_dot(m)) == [*RELATED, "Kept"]
    assert drawn(m, RenderOptions(hide_unconnected=False)) == [n.id for n in m.nodes]
    assert drawn(m, RenderOptions(hide_unconnected=True)) == RELATED


def test_a_document_that_keeps_disconnected_statements_has_them_drawn() -> None:
    front = "===\nselection:\n  excludeDisconnected: false\n===\n\n"
    m, _ = read_argdown(front + DOCUMENT, "phones.argdown")
    assert drawn(m) == [n.id for n in m.nodes]
    assert drawn(m, RenderOptions(hide_unconnected=True)) == RELATED


def test_after_a_filter_argdown_nodes_left_alone_go_and_others_stay() -> None:
    m, _ = read_argdown(DOCUMENT, "phones.argdown")
    # Focus's only link leads to Ban, which the view leaves out: Focus is alone, but it is the focus
    assert drawn(m, RenderOptions(focus="Focus", depth=0)) == ["Focus"]
    assert drawn(m, RenderOptions(focus="Focus", depth=0, hide_unconnected=True)) == ["Focus"]
    # a map that was not read from Argdown draws every node, linked or not
    assert "lonely" in drawn(every_element_map())


@pytest.mark.parametrize(
    "metadata",
    [
        {"argdown": "text"},
        {"argdown": {"front_matter": ["a"]}},
        {"argdown": {"front_matter": {"selection": 3}}},
    ],
)
def test_metadata_of_any_shape_is_read_without_error(metadata: dict[str, object]) -> None:
    m, _ = read_argdown(DOCUMENT, "phones.argdown")
    odd = m.model_copy(update={"metadata": metadata})
    assert drawn(odd) == [*RELATED, "Kept"]


def test_the_command_line_draws_argdown_as_the_tool_does_and_flags_say_otherwise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "phones.argdown"
    source.write_text(DOCUMENT, encoding="utf-8")
    out = tmp_path / "out.dot"
    assert main(["render", str(source), "-o", str(out)]) == 0
    assert drawn_nodes(out.read_text("utf-8")) == [*RELATED, "Kept"]
    assert main(["render", str(source), "-o", str(out), "--no-hide-unconnected"]) == 0
    assert len(drawn_nodes(out.read_text("utf-8"))) == 7
    assert main(["render", str(source), "-o", str(out), "--hide-unconnected"]) == 0
    assert drawn_nodes(out.read_text("utf-8")) == RELATED
    capsys.readouterr()


@pytest.mark.external
@pytest.mark.parametrize(
    "name", ["argdown-primer", "greenspan-schefczyk_hardwrap", "Populism-Core-Argument-Argdown-Example"]
)
def test_the_real_documents_drop_what_the_tool_finds_in_no_relation(name: str) -> None:
    source = EXTERNAL / f"{name}.argdown"
    if not source.exists():
        pytest.skip("the Argdown documents are not present in ../shared/external/argdown")
    m, _ = read_argdown(source.read_text(encoding="utf-8"), str(source))
    exported = json.loads((EXTERNAL / "argdown-cli-1.7.5-json" / f"{name}.json").read_text(encoding="utf-8"))
    in_reconstructions = {"premise", "main-conclusion", "intermediary-conclusion"}
    alone = {
        title
        for title, statement in exported["statements"].items()
        if not statement.get("relations")
        and not in_reconstructions & {s.get("role") for s in statement["members"]}
    }
    related = {title for title, statement in exported["statements"].items() if statement.get("relations")}
    # a reconstruction's statements, which the tool draws in its argument (greenspan's Untitled 11
    # among them, a premise its inference's 'uses' leaves out)
    reconstructed = {
        title
        for title, statement in exported["statements"].items()
        if in_reconstructions & {s.get("role") for s in statement["members"]}
    }
    assert alone  # guards the test: the document has statements in no relation
    shown = {n.data["argdown"]["title"] for n in select(m).nodes}
    assert shown & alone == set()
    assert related <= shown
    assert reconstructed <= shown
    everything = {n.data["argdown"]["title"] for n in select(m, RenderOptions(hide_unconnected=False)).nodes}
    assert alone <= everything


def test_an_element_the_document_keeps_out_of_its_map_is_not_drawn_even_when_linked() -> None:
    m, _ = read_argdown("[A]: One. {isInMap: false}\n  + [B]: Two.\n\n[C]: Three.\n  - [B]\n", "k.argdown")
    assert drawn(m) == ["B", "C"]  # A's link to B goes with it
    assert drawn(m, RenderOptions(hide_unconnected=False)) == ["A", "B", "C"]  # every node, as documented
    assert "A" in drawn(m, RenderOptions(focus="A", depth=1))  # the node a view is drawn around stays
