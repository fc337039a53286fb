"""Kialo discussion exports: import, export, malformed files, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.errors import LoadError
from argmap.io.formats import read
from argmap.io.kialo import losses, read_kialo, write_kialo
from argmap.locations import locate
from argmap.model import ArgumentMap
from tests.strategies import kialo_maps

CASES = Path(__file__).parent / "kialo_cases"

EXPORT = """\
Discussion Title: Should schools ban phones?

1. Schools should ban phones.
1.1. Pro: Phones distract pupils in class.
1.1.1. Con: Teachers can collect phones at the door.
1.1.1.1. Pro: -> See 1.2.1.
1.2. Con: Parents want to reach their children.
1.2.1. Con: The school office can pass on messages;
it has always done so.
1.3. Pro: -> See 1.1.1.
"""


def view(m: ArgumentMap) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """What a Kialo file holds: node kinds and texts, and each link by the texts it joins."""
    text = {n.id: n.text for n in m.nodes}
    nodes = sorted((n.kind, n.text) for n in m.nodes)
    links = sorted((k.kind, text[k.premises[0]], text[k.target]) for k in m.links)
    return nodes, links


def test_thesis_pros_cons_and_cross_links() -> None:
    m, problems = read_kialo(EXPORT, "phones.txt")
    assert problems == []
    assert (m.id, m.title) == ("phones", "Should schools ban phones?")
    assert [(n.id, n.kind) for n in m.nodes] == [
        ("1", "issue"),
        ("1.1", "claim"),
        ("1.1.1", "claim"),
        ("1.2", "claim"),
        ("1.2.1", "claim"),
    ]
    assert m.node("1.2.1").text == "The school office can pass on messages;\nit has always done so."
    assert [(k.kind, k.source, k.target) for k in m.links] == [
        ("supports", "1.1", "1"),
        ("attacks", "1.1.1", "1.1"),
        ("supports", "1.2.1", "1.1.1"),
        ("attacks", "1.2", "1"),
        ("attacks", "1.2.1", "1.2"),
        ("supports", "1.1.1", "1"),
    ]
    assert m.links[2].data == {"kialo": "1.1.1.1."}
    assert locate(m, "1.2") == ("phones.txt", 7, 1)


def test_crlf_indented_blank_separated_export_reads_the_same() -> None:
    # Newer exports indent each claim by its depth and put a blank line before it.
    out = []
    for line in EXPORT.splitlines():
        if line[:1].isdigit():
            out += ["", "    " * (line.split()[0].count(".") - 1) + line]
        else:
            out.append(line)
    m, problems = read_kialo("\r\n".join(out) + "\r\n", "phones.txt")
    assert problems == [] and view(m) == view(read_kialo(EXPORT, "phones.txt")[0])


def test_newer_export_with_thesis_label_and_sources() -> None:
    text = "Discussion Title: Phones\n\n1. Thesis: Ban phones. [1]\n1.1. Pro: They distract.\n\nSources:\n[1] https://example.org\n"
    m, problems = read_kialo(text, "p.txt")
    assert problems == [] and [n.text for n in m.nodes] == ["Ban phones. [1]", "They distract."]
    assert m.metadata == {"kialo": {"sources": ["[1] https://example.org"]}}
    assert write_kialo(m).endswith("\nSources:\n[1] https://example.org\n")


def test_several_theses_become_issues_under_the_question() -> None:
    text = (
        "Discussion Title: Phones at school?\n\n1. What should schools do about phones?\n"
        "1.1. Thesis: Ban them.\n1.1.1. Pro: They distract.\n1.2. Thesis: Teach their use.\n"
    )
    m, problems = read_kialo(text, "p.txt")
    assert problems == [] and m.description == "What should schools do about phones?"
    assert [(n.id, n.kind) for n in m.nodes] == [("1.1", "issue"), ("1.1.1", "claim"), ("1.2", "issue")]
    assert read_kialo(write_kialo(m), "p.txt")[0] == m


def test_writer_escapes_lines_that_would_read_as_syntax() -> None:
    b = argmap.MapBuilder("m", "T")
    b.issue("q", "-> See 1.")
    b.claim("a", "Two lines\n1.1. Pro: not a claim\n\\1. neither")
    b.supports("a", "q")
    text = write_kialo(b.build())
    assert "\n\\1.1. Pro: not a claim\n" in text and "1. \\-> See 1.\n" in text
    assert view(read_kialo(text, "t.txt")[0]) == view(b.build())


def test_what_kialo_cannot_hold_is_named() -> None:
    m = argmap.load_corpus("school-phones")
    notes = losses(m)
    assert notes[1:] == [
        "1 undercuts link",
        "1 contradicts link",
        "2 links of linked premises as such (each premise is written apart)",
    ]
    (left,) = [
        n.id for n in m.nodes if n.text not in {x.text for x in read_kialo(write_kialo(m), "k.txt")[0].nodes}
    ]
    assert notes[0] == f"1 node with no chain of supports or attacks to a root: {left}"


def test_map_without_issue_grows_from_what_supports_or_attacks_nothing() -> None:
    b = argmap.MapBuilder("m", "Title")
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.attacks("b", "a")
    assert write_kialo(b.build()).splitlines()[2:] == ["1. A.", "1.1. Con: B."]


def test_a_long_chain_is_written_without_recursion() -> None:
    b = argmap.MapBuilder("m", "T")
    b.issue("n0", "Root.")
    for i in range(1, 1200):  # deeper than Python's recursion limit
        b.claim(f"n{i}", f"Step {i}.")
        b.supports(f"n{i}", f"n{i - 1}")
    m, problems = read_kialo(write_kialo(b.build()), "chain.txt")
    assert problems == [] and len(m.links) == 1199


@given(kialo_maps())
def test_argmap_to_kialo_to_argmap_keeps_what_kialo_holds(m: ArgumentMap) -> None:
    text = write_kialo(m)
    again, problems = read_kialo(text, "k.txt")
    assert problems == [] and losses(m) == []
    assert view(again) == view(m)
    assert write_kialo(again) == text
    crlf, _ = read_kialo(text.replace("\n", "\r\n"), "k.txt")
    assert crlf == again


MALFORMED = {
    "no_claims.txt": "1:1: no claim found: expected a line such as '1. Thesis'",
    "stray_text.txt": "3:1: expected 'Discussion Title: ...' or a numbered claim such as '1. Thesis'",
    "missing_parent.txt": "5:1: claim 1.3.1.: its parent 1.3. is not in the discussion; left out",
    "duplicate_number.txt": "5:1: claim 1.1.: number repeats the claim on line 4; left out",
    "missing_stance.txt": "4:1: claim 1.1.: expected 'Pro:' or 'Con:' after the number, found no stance",
    "lowercase_stance.txt": "4:5: claim 1.1.: expected 'Pro:' or 'Con:' after the number, found no stance",
    "thesis_too_deep.txt": "5:1: claim 1.1.1.: expected 'Pro:' or 'Con:' after the number, found 'Thesis:'",
    "see_nowhere.txt": "5:11: claim 1.2.: '-> See 1.9.' names no claim of the discussion; left out",
    "see_itself.txt": "4:11: claim 1.1.: '-> See 1.1.' points at itself; left out",
    "child_of_cross_link.txt": "6:1: claim 1.2.1.: its parent 1.2. is a cross-link, not a claim; left out",
    "empty_claim.txt": "4:1: claim 1.1.: the claim has no text; left out",
    "second_thesis.txt": "5:1: claim 2.: a second thesis at the top level; a discussion has one",
    "crlf_missing_parent.txt": "5:1: claim 1.1.1.1.: its parent 1.1.1. is not in the discussion",
    "not_utf8.txt": "4:27: file is not valid UTF-8 (byte 0xe9)",
    "number_without_dot.txt": "4:1: this reads as a claim but its number is malformed",
    "no_thesis.txt": "3:1: claim 1.1.: its parent 1. is not in the discussion; left out",
    "thesis_without_text.txt": "3:1: claim 1.: the claim has no text; left out",
}


def test_every_case_file_is_in_the_table() -> None:
    assert sorted(p.name for p in CASES.glob("*.txt")) == sorted(MALFORMED) and len(MALFORMED) >= 15


def _messages(path: Path) -> str:
    try:
        return "\n".join(str(p) for p in read(path).problems)
    except LoadError as err:
        return "\n".join(str(p) for p in err.problems)


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_file_gives_its_located_problem(name: str) -> None:
    path = CASES / name
    assert f"{path}:{MALFORMED[name]}" in _messages(path)
    with pytest.raises(LoadError):
        argmap.load(path)


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_file_exits_2_from_check_and_convert(
    name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = CASES / name
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert f"{path}:{MALFORMED[name]}" in err and "Traceback" not in err
    assert out.rstrip().endswith("1 file could not be read.")
    target = tmp_path / "out.json"
    assert main(["convert", str(path), str(target), "--to", "aif"]) == 2
    _, err = capsys.readouterr()
    assert f"{path}:{MALFORMED[name]}" in err and not target.exists()


def test_partial_import_keeps_what_could_be_placed() -> None:
    loaded = read(CASES / "missing_parent.txt")
    assert loaded.format == "kialo"
    assert [n.text for n in loaded.map.nodes] == ["Schools should ban phones.", "Phones distract pupils."]


_kialo_noise = st.lists(
    st.one_of(
        st.from_regex(
            r"[ \t]{0,3}(\d{1,2}\.){1,4} ?(Pro|Con|Thesis|Question|pro)?:? ?(-> See (\d\.){1,3})?.{0,6}",
            fullmatch=True,
        ),
        st.text(max_size=12),
        st.sampled_from(["Discussion Title: X", "", "Sources:", "\r"]),
    ),
    max_size=12,
).map("\n".join)


@given(_kialo_noise)
def test_any_text_imports_or_fails_with_a_load_error(text: str) -> None:
    try:
        m, problems = read_kialo(text, "k.txt")
    except LoadError as err:
        assert all(p.path == "k.txt" and p.line for p in err.problems)
        return
    assert all(p.path == "k.txt" and p.line for p in problems)
    assert view(read_kialo(write_kialo(m), "k.txt")[0])[1] == view(m)[1] or m.issues == ()
