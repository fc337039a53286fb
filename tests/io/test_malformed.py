"""Malformed files: each must fail with a LoadError located at an exact line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.errors import LoadError

HEAD = "id: m\ntitle: T\n"
NODES = HEAD + "nodes:\n  - id: a\n    kind: claim\n    text: A\n  - id: b\n    kind: claim\n    text: B\n"
#                       line 4: "  - id: a"       line 7: "  - id: b"

CASES: list[tuple[str, str, bytes | str, int, int, str]] = [
    # (case id, file name, content, line, column, message fragment)
    ("yaml-syntax", "m.yaml", "id: m\ntitle: [unclosed\n", 3, 1, "YAML syntax error"),
    ("yaml-bad-indent", "m.yaml", "id: m\n title: T\n", 2, 7, "YAML syntax error"),
    ("tab-indent", "m.yaml", "id: m\n\ttitle: T\n", 2, 1, "YAML syntax error: a tab or another character"),
    (
        "misindented-key",
        "m.yaml",
        NODES.replace("    text: A", "   text: A"),
        6,
        4,
        "YAML syntax error: this line is indented differently from the lines above it at its level",
    ),
    (
        "colon-in-plain-text",
        "m.yaml",
        NODES.replace("text: A", "text: A: B"),
        6,
        12,
        "YAML syntax error: a ':' where no key can start (quote a text that holds ': ', or indent less)",
    ),
    (
        "unclosed-quote",
        "m.yaml",
        'id: m\ntitle: "T\n',
        3,
        1,
        "the file ends inside a quoted text or an open bracket",
    ),
    ("bad-escape", "m.yaml", 'id: m\ntitle: "a \\q"\n', 2, 12, "an unknown backslash escape"),
    ("nul-byte", "m.yaml", "id: m\ntitle: T\x00\n", 2, 9, "character U+0000 is not allowed in a YAML file"),
    ("empty-file", "m.yaml", "", 1, 1, "the file is empty"),
    ("only-comment", "m.yaml", "# nothing here\n", 1, 1, "the file is empty"),
    ("top-level-list", "m.yaml", "- id: m\n", 1, 1, "top level must be a mapping"),
    ("top-level-scalar", "m.json", "42", 1, 1, "top level must be a mapping"),
    ("non-utf8", "m.yaml", b"id: m\ntitle: caf\xe9\n", 2, 11, "not valid UTF-8"),
    ("missing-title", "m.yaml", "id: m\n", 1, 1, "missing required field 'title'"),
    (
        "unknown-top-field",
        "m.yaml",
        HEAD + "nodez: []\n",
        3,
        1,
        "unknown field 'nodez'; did you mean 'nodes'?",
    ),
    ("duplicate-yaml-key", "m.yaml", HEAD + "title: again\n", 3, 1, "duplicate key 'title'"),
    ("duplicate-node-id", "m.yaml", NODES.replace("id: b", "id: a"), 7, 9, "duplicate id 'a'"),
    (
        "duplicate-link-id",
        "m.yaml",
        NODES + "links:\n  - {id: a, kind: supports, source: a, target: b}\n",
        11,
        10,
        "duplicate id 'a'",
    ),
    (
        "unknown-kind",
        "m.yaml",
        NODES.replace("kind: claim\n    text: B", "kind: clam\n    text: B"),
        8,
        11,
        "unknown kind 'clam'",
    ),
    (
        "missing-kind",
        "m.yaml",
        HEAD + "nodes:\n  - id: a\n    text: A\n",
        4,
        5,
        "missing required field 'kind' (one of: issue, claim, counterclaim, principle, evidence)",
    ),
    (
        "missing-link-kind",
        "m.yaml",
        NODES + "links:\n  - source: a\n    target: b\n",
        11,
        5,
        "missing required field 'kind' (one of: supports, attacks, undercuts, contradicts, equivalent)",
    ),
    (
        "unknown-node-field",
        "m.yaml",
        NODES.replace("    text: B", "    txt: B"),
        9,
        5,
        "unknown field 'txt'; did you mean 'text'?",
    ),
    ("empty-text", "m.yaml", NODES.replace("text: B", "text: ''"), 9, 11, "text: must not be empty"),
    ("blank-text", "m.yaml", NODES.replace("text: B", 'text: "   "'), 9, 11, "text: must not be empty"),
    (
        "text-not-string",
        "m.yaml",
        NODES.replace("text: B", "text: 12"),
        9,
        11,
        "text: expected text, got the number 12 (put it in quotes to make it text)",
    ),
    ("bad-id", "m.yaml", NODES.replace("id: b", "id: b c"), 7, 9, "is not a valid id"),
    (
        "dangling-source",
        "m.yaml",
        NODES + "links:\n  - kind: supports\n    source: zz\n    target: b\n",
        12,
        13,
        "source 'zz' is not a node",
    ),
    (
        "dangling-target",
        "m.yaml",
        NODES + "links:\n  - kind: supports\n    source: a\n    target: zz\n",
        13,
        13,
        "target 'zz' is not a node or link",
    ),
    (
        "undercut-targets-node",
        "m.yaml",
        NODES + "links:\n  - kind: undercuts\n    source: a\n    target: b\n",
        13,
        13,
        "undercuts must target a link",
    ),
    (
        "undercut-targets-contradicts",
        "m.yaml",
        NODES + "links:\n  - {id: x, kind: contradicts, source: a, target: b}\n"
        "  - {kind: undercuts, source: a, target: x}\n",
        12,
        42,
        "undercuts must target a supports link",
    ),
    (
        "attack-targets-link",
        "m.yaml",
        NODES + "links:\n  - {id: x, kind: supports, source: a, target: b}\n"
        "  - {kind: attacks, source: b, target: x}\n",
        12,
        40,
        "attacks must target a node",
    ),
    (
        "strength-wrong-type",
        "m.yaml",
        NODES + "links:\n  - {kind: supports, source: a, target: b, strength: high}\n",
        11,
        54,
        "strength: expected a number, got the text 'high'",
    ),
    (
        "strength-out-of-range",
        "m.yaml",
        NODES + "links:\n  - kind: supports\n    source: a\n    target: b\n    strength: 1.5\n",
        14,
        15,
        "strength: must be at most 1, got the number 1.5",
    ),
    (
        "linked-premise-unknown",
        "m.yaml",
        NODES + "links:\n  - kind: supports\n    source: [a, ghost]\n    target: b\n",
        12,
        17,
        "source 'ghost' is not a node",
    ),
    (
        "linked-premise-single",
        "m.yaml",
        NODES + "links:\n  - kind: supports\n    source: [a]\n    target: b\n",
        12,
        13,
        "at least two ids",
    ),
    (
        "symmetric-with-list",
        "m.yaml",
        NODES + "links:\n  - kind: contradicts\n    source: [a, b]\n    target: b\n",
        12,
        13,
        "symmetric link",
    ),
    (
        "unknown-link-kind",
        "m.yaml",
        NODES + "links:\n  - kind: refutes\n    source: a\n    target: b\n",
        11,
        11,
        "unknown kind 'refutes'",
    ),
    (
        "unknown-side",
        "m.yaml",
        NODES.replace("    text: A\n", "    text: A\n    held_by: ghosts\n"),
        7,
        14,
        "side 'ghosts' is not defined",
    ),
    (
        "stance-on-non-issue",
        "m.yaml",
        NODES + "sides:\n  - id: s\n    name: S\n    stances:\n      a: for\n",
        14,
        10,
        "it is a claim, not an issue",
    ),
    (
        "bad-stance",
        "m.yaml",
        HEAD + "sides:\n  - id: s\n    name: S\n    stances:\n      q: maybe\n",
        7,
        10,
        "stances.q: expected one of: for, against, mixed, got the text 'maybe'",
    ),
    (
        "anchor-unknown-source",
        "m.yaml",
        NODES.replace(
            "    text: A\n", "    text: A\n    anchors:\n      - {source: doc, start: 0, end: 3}\n"
        ),
        8,
        18,
        "source 'doc' is not defined",
    ),
    (
        "anchor-empty-span",
        "m.yaml",
        HEAD + "sources:\n  - {id: doc, title: D}\nnodes:\n  - id: a\n    kind: claim\n    text: A\n"
        "    anchors:\n      - {source: doc, start: 5, end: 5}\n",
        10,
        9,
        "end (5) must be greater than start (5)",
    ),
    (
        "anchor-outside-section",
        "m.yaml",
        HEAD + "sources:\n  - id: doc\n    title: D\n    sections:\n      - {name: S, start: 0, end: 10}\n"
        "nodes:\n  - id: a\n    kind: claim\n    text: A\n"
        "    anchors:\n      - {source: doc, start: 5, end: 20, section: S}\n",
        13,
        30,
        "lies outside section 'S'",
    ),
    (
        "bad-sha256",
        "m.yaml",
        HEAD + "sources:\n  - {id: doc, title: D, sha256: xyz}\n",
        4,
        33,
        "64 lowercase hexadecimal",
    ),
    ("json-syntax", "m.json", '{"id": "m",\n  "title": "T",\n}', 3, 1, "expected a key in double quotes"),
    ("json-trailing-data", "m.json", '{"id": "m", "title": "T"} x', 1, 27, "extra data"),
    ("json-duplicate-key", "m.json", '{"id": "m",\n "title": "T",\n "id": "n"}', 3, 2, "duplicate key 'id'"),
    (
        "json-unknown-field",
        "m.json",
        '{"id": "m",\n "title": "T",\n "nodes": [{"id": "a", "kind": "claim", "txt": "A"}]}',
        3,
        41,
        "unknown field 'txt'",
    ),
    (
        "json-dangling-target",
        "m.json",
        '{"id": "m", "title": "T",\n "nodes": [{"id": "a", "kind": "claim", "text": "A"}],\n'
        ' "links": [{"kind": "attacks", "source": "a",\n            "target": "b"}]}',
        4,
        23,
        "target 'b'",
    ),
    ("json-bad-string", "m.json", '{"id": "m\\q", "title": "T"}', 1, 10, "invalid \\escape"),
]


@pytest.mark.parametrize(
    ("name", "content", "line", "column", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_malformed_file_is_located(
    tmp_path: Path, name: str, content: bytes | str, line: int, column: int, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(LoadError) as caught:
        argmap.load(path)
    err = caught.value
    located = [p for p in err.problems if fragment in p.message]
    assert located, f"no problem mentions {fragment!r}: {err}"
    problem = located[0]
    assert (problem.line, problem.column) == (line, column), str(err)
    assert problem.path == str(path)
    assert str(problem).startswith(f"{path}:{line}:{column}: ")


def test_error_names_the_element_and_all_problems_come_together(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        NODES.replace("text: B", "text: ''")
        + "links:\n  - kind: supports\n    source: a\n    target: zz\n    strength: 2\n",
        "utf-8",
    )
    with pytest.raises(LoadError) as caught:
        argmap.load(path)
    err = caught.value
    assert [(p.line, p.column) for p in err.problems] == [(9, 11), (13, 13), (14, 15)]
    assert err.problems[0].element == "claim 'b'"
    assert err.problems[1].element == "supports link 'a--supports--zz'"
    assert (err.path, err.line, err.column, err.element) == (str(path), 9, 11, "claim 'b'")
    assert str(err).count("\n") == 2


def test_problem_count_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    nodes = "".join(f"  - id: n{i}\n    kind: claim\n    text: ''\n" for i in range(80))
    path.write_text(HEAD + "nodes:\n" + nodes, "utf-8")
    with pytest.raises(LoadError) as caught:
        argmap.load(path)
    assert len(caught.value.problems) == 50 and caught.value.omitted == 30
    assert str(caught.value).endswith("... and 30 more problems not shown")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="cannot read file"):
        argmap.load(tmp_path / "nope.yaml")


def test_validate_plain_data_without_positions() -> None:
    with pytest.raises(argmap.MapError) as caught:
        argmap.validate(
            {"id": "m", "title": "T", "links": [{"kind": "supports", "source": "a", "target": "b"}]}
        )
    assert [p.loc for p in caught.value.problems] == [("links", 0, "source"), ("links", 0, "target")]
    assert caught.value.problems[0].line is None
