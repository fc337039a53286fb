"""Hostile and malformed input: bounded, located, never a traceback (the threat model in the README)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.errors import LoadError
from argmap.io.limits import DEFAULT_LIMITS, Limits, get_limits, set_limits
from argmap.io.located import parse_json, parse_yaml
from argmap.references import LinkIds

HEAD = "id: m\ntitle: T\n"


def alias_bomb(levels: int = 12, width: int = 10) -> str:
    lines = ["a: &a [" + ", ".join(["x"] * width) + "]"]
    previous = "a"
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*{previous}"] * width) + "]")
        previous = f"l{i}"
    return HEAD + "metadata:\n" + "".join(f"  {line}\n" for line in lines)


HOSTILE: list[tuple[str, str, str, str]] = [
    # (case, file name, content, expected message with its position)
    ("alias-bomb", "m.yaml", alias_bomb(), "m.yaml:8:47: aliases expand to more than 100000 values"),
    ("recursive-alias", "m.yaml", HEAD + "metadata: &a {x: [*a]}\n", "refers to the value that holds it"),
    ("unknown-alias", "m.yaml", HEAD + "metadata: {x: *nope}\n", "m.yaml:3:15: alias *nope names no anchor"),
    (
        "deep-yaml",
        "m.yaml",
        HEAD + "metadata: {x: " + "[" * 600 + "]" * 600 + "}\n",
        "nesting deeper than 100",
    ),
    (
        "deep-json",
        "m.json",
        '{"id": "m", "title": "T", "metadata": {"x": ' + "[" * 600 + "]" * 600 + "}}",
        "nesting",
    ),
    (
        "long-int-yaml",
        "m.yaml",
        HEAD + "metadata: {n: " + "9" * 5000 + "}\n",
        "m.yaml:3:15: a number of 5000",
    ),
    (
        "long-int-json",
        "m.json",
        '{"id": "m", "title": "T", "metadata": {"n": ' + "9" * 5000 + "}}",
        "a number of 5000",
    ),
    (
        "huge-float-json",
        "m.json",
        '{"id": "m", "title": "T", "metadata": {"n": 1e400}}',
        "too large to represent",
    ),
    (
        "nan-json",
        "m.json",
        '{"id": "m", "title": "T", "metadata": {"n": NaN}}',
        "m.json:1:45: JSON syntax error",
    ),
    (
        "infinity-json",
        "m.json",
        '{"id": "m", "title": "T", "metadata": {"n": Infinity}}',
        "JSON syntax error",
    ),
    (
        "surrogate-json",
        "m.json",
        '{"id": "m", "title": "T\\ud800"}',
        "m.json:1:22: JSON syntax error: the text holds a lone surrogate U+D800",
    ),
    ("nul-json", "m.json", '{"id": "m", "title": "T\\u0000"}', "control character U+0000"),
    (
        "escape-yaml",
        "m.yaml",
        'id: m\ntitle: "clear \\e[2J"\n',
        "m.yaml:2:8: the text holds a control character U+001B",
    ),
    (
        "unhashable-kind",
        "m.yaml",
        HEAD + "nodes:\n  - {id: a, kind: [claim], text: A}\n",
        "node 'a': unknown kind",
    ),
    ("python-tag", "m.yaml", HEAD + "metadata: !!python/object:os.system {}\n", "unsupported YAML tag"),
    ("two-documents", "m.yaml", HEAD + "---\nid: n\n", "several YAML documents"),
]


@pytest.mark.parametrize(
    ("name", "content", "message"), [c[1:] for c in HOSTILE], ids=[c[0] for c in HOSTILE]
)
def test_hostile_map_is_refused_with_a_located_message_and_exit_2(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    with pytest.raises(LoadError, match=None) as caught:
        argmap.load(path)
    assert message in str(caught.value)
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(path)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert message in run.stdout + run.stderr


def test_alias_expansion_is_counted_not_performed() -> None:
    # Twelve levels of ten would be 10**12 values; the reader stops at the limit, at once.
    with pytest.raises(LoadError, match="aliases expand to more than 100000 values"):
        parse_yaml(alias_bomb(), "m.yaml", positions=False)
    small = parse_yaml(alias_bomb(levels=3, width=3), "m.yaml").data
    assert small["metadata"]["l2"] == [[["x"] * 3] * 3] * 3


def test_answers_files_are_bounded_too() -> None:
    with pytest.raises(LoadError, match="aliases expand"):
        parse_yaml(alias_bomb(), "answers.yaml", as_text=True)


def test_limits_can_be_changed_and_the_size_is_checked_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + "description: " + "x" * 5000 + "\n", encoding="utf-8")
    assert get_limits() == DEFAULT_LIMITS
    set_limits(Limits(max_bytes=1000))
    try:
        with pytest.raises(LoadError, match="larger than the limit of 1000 bytes"):
            argmap.load(path)
    finally:
        set_limits(DEFAULT_LIMITS)
    assert argmap.load(path).id == "m"


def test_a_folder_or_a_device_is_not_read_without_bound(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a folder"):
        argmap.load(tmp_path)
    set_limits(Limits(max_bytes=4096))
    try:
        with pytest.raises(LoadError, match="larger than the limit"):
            argmap.load("/dev/zero")
    finally:
        set_limits(DEFAULT_LIMITS)


def test_json_fast_path_and_located_path_agree() -> None:
    text = json.dumps({"id": "m", "title": "T", "metadata": {"a": [1, 2.5, None, True, "é \ud83d\ude00"]}})
    assert parse_json(text, "m.json", positions=False).data == parse_json(text, "m.json").data
    with pytest.raises(LoadError, match="m.json:1:10: duplicate key 'a'"):
        parse_json('{"a": 1, "a": 2}', "m.json", positions=False)


class CountingSet(set[str]):
    probes = 0

    def __contains__(self, item: object) -> bool:
        CountingSet.probes += 1
        return super().__contains__(item)


def test_link_ids_for_many_identical_links_take_linear_work() -> None:
    ids = LinkIds()
    ids.taken = CountingSet()
    made = [ids.new("supports", ["a"], "b") for _ in range(5000)]
    assert made[:3] == ["a--supports--b", "a--supports--b-2", "a--supports--b-3"]
    assert len(set(made)) == 5000
    assert CountingSet.probes <= 2 * 5000  # the old scan from -2 upwards made 12.5 million


def test_many_identical_links_load_with_unique_ids() -> None:
    data = {
        "id": "m",
        "title": "T",
        "nodes": [{"id": "a", "kind": "claim", "text": "A"}, {"id": "b", "kind": "claim", "text": "B"}],
        "links": [{"kind": "supports", "source": "a", "target": "b"}] * 3000,
    }
    m = argmap.validate(data)
    assert len({k.id for k in m.links}) == 3000 and m.links[-1].id == "a--supports--b-3000"


def test_json_output_never_holds_nan_or_infinity() -> None:
    with pytest.raises(argmap.MapError, match="metadata: .*inf.*not a finite number"):
        argmap.validate({"id": "m", "title": "T", "metadata": {"x": [1.0, float("inf")]}})
    with pytest.raises(argmap.MapError, match="nan"):
        argmap.MapBuilder("m", "T").claim("a", "A.", data={"x": float("nan")})
    from argmap.io.native import dumps_data

    with pytest.raises(argmap.ArgmapError, match="cannot write JSON"):
        dumps_data({"x": float("nan")}, "json")


def test_an_escape_beyond_unicode_is_a_located_syntax_error() -> None:
    # libyaml reports it; PyYAML's own parser would crash on it (chr() out of range)
    with pytest.raises(LoadError, match=r"m\.yaml:2:\d+: YAML syntax error"):
        parse_yaml('id: m\ntitle: "\\U001e9990"\n', "m.yaml")


class CountingDict(dict[tuple[str | int, ...], tuple[int, int]]):
    walks = 0

    def items(self):  # type: ignore[override]
        CountingDict.walks += 1
        return super().items()


def test_an_answers_file_of_many_items_is_read_in_linear_work() -> None:
    from argmap.exercises.answers import _answers_from

    text = "student: x\nanswers:\n" + "".join(f"  {i}: A\n" for i in range(1, 3001))
    parsed = parse_yaml(text, "answers.yaml", as_text=True)
    parsed.values = CountingDict(parsed.values)
    answers = _answers_from(parsed, "answers.yaml")
    assert len(answers.answers) == 3000 and answers.answers["3000"] == "A"
    assert (
        CountingDict.walks <= 2
    )  # the positions are walked once, not once per item (20,000 items took 57 s)
