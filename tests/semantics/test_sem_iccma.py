"""ICCMA formats and tasks: hand-written instances with known answers, and located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import ArgmapError, LoadError
from argmap.semantics.framework import Framework
from argmap.semantics.iccma import dumps_af, dumps_apx, load_framework, loads_af, loads_apx, solve_task

INSTANCES = Path(__file__).parent / "instances"


@pytest.mark.parametrize(
    ("instance", "task", "argument", "answer"),
    [
        ("odd-cycle.af", "SE-GR", None, "w"),
        ("odd-cycle.af", "SE-PR", None, "w"),
        ("odd-cycle.af", "SE-ST", None, "NO"),
        ("odd-cycle.af", "DC-CO", "4", "NO"),
        ("odd-cycle.af", "DS-ST", "4", "YES"),
        ("even-cycle.af", "SE-GR", None, "w 4"),
        ("even-cycle.af", "SE-ST", None, "w 1 4"),
        ("even-cycle.af", "DC-ST", "3", "NO"),
        ("even-cycle.af", "DC-PR", "2", "YES"),
        ("even-cycle.af", "DS-PR", "2", "NO"),
        ("even-cycle.af", "DS-ST", "4", "YES"),
        ("even-cycle.af", "DS-CO", "5", "NO"),
        ("reinstatement.apx", "SE-GR", None, "w a c"),
        ("reinstatement.apx", "SE-PR", None, "w a c"),
        ("reinstatement.apx", "SE-ST", None, "NO"),
        ("reinstatement.apx", "DS-PR", "c", "YES"),
        ("reinstatement.apx", "DC-ST", "a", "NO"),
        ("reinstatement.apx", "DC-GR", "d", "NO"),
    ],
)
def test_hand_written_instances(instance: str, task: str, argument: str | None, answer: str) -> None:
    af = load_framework(INSTANCES / instance)
    assert solve_task(af, task, argument) == answer


def test_comment_lines_are_never_attacks() -> None:
    af = load_framework(INSTANCES / "odd-cycle.af")
    assert len(af) == 4
    # the comment "# 4 1" must not become an attack, nor a phantom argument
    assert af.attacks() == [(0, 1), (1, 2), (2, 0), (2, 3)]
    assert load_framework(INSTANCES / "even-cycle.af").attacks() == [(0, 1), (0, 2), (1, 0), (1, 2), (3, 4)]


@pytest.mark.parametrize(
    ("instance", "message"),
    [
        ("after-blank.af", r"after-blank\.af:4:1: content after the blank line at line 3"),
        ("bad-number.af", r"bad-number\.af:3:3: expected an argument number, got 'x'"),
        ("bad-statement.apx", r"bad-statement\.apx:2:1: expected arg\(NAME\)\. or att\(NAME,NAME\)\."),
    ],
)
def test_malformed_files_give_located_errors(instance: str, message: str) -> None:
    with pytest.raises(LoadError, match=message) as caught:
        load_framework(INSTANCES / instance)
    assert caught.value.line is not None and caught.value.column is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "1:1: no 'p af N' header"),
        ("1 2\n", "1:1: expected the header 'p af N'"),
        ("p af 2\n1\n", "2:1: expected an attack 'i j'"),
        ("p af 2\n0 1\n", "2:1: argument 0 is not in 1..2"),
        ("p af 2\n1 ２\n", "2:3: expected an argument number"),
        ("p af 99999999999\n", "1:6: more than"),
    ],
)
def test_af_errors(text: str, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        loads_af(text, "f.af")


def test_apx_errors_and_comments() -> None:
    assert loads_apx("arg(a). % att(a,a).\n").attacks() == []
    with pytest.raises(LoadError, match=r"f\.apx:1:9: att\(a,b\): no argument b is declared"):
        loads_apx("arg(a). att(a,b).", "f.apx")
    with pytest.raises(LoadError, match=r"f\.apx:1:8: expected"):
        loads_apx("arg(a).arg(b)", "f.apx")


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="cannot read"):
        load_framework(tmp_path / "missing.af")
    bad = tmp_path / "latin1.af"
    bad.write_bytes(b"p af 1\n# caf\xe9\n")
    with pytest.raises(LoadError, match="not UTF-8"):
        load_framework(bad)


def test_unknown_task_and_missing_argument() -> None:
    af = loads_af("p af 1\n")
    with pytest.raises(ArgmapError, match="unknown task 'EE-PR'"):
        solve_task(af, "EE-PR")
    with pytest.raises(ArgmapError, match="needs an argument"):
        solve_task(af, "DC-PR")
    with pytest.raises(ArgmapError, match="no argument with id '7'"):
        solve_task(af, "DC-PR", "7")


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    n = draw(st.integers(0, 10))
    attacks = (
        draw(st.lists(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))))) if n else []
    )
    names = draw(
        st.lists(st.from_regex(r"[A-Za-z0-9_]{1,6}", fullmatch=True), min_size=n, max_size=n, unique=True)
    )
    return Framework.from_attacks(names, attacks)


@given(frameworks())
def test_formats_round_trip(af: Framework) -> None:
    again = loads_apx(dumps_apx(af))
    assert again.names == af.names and again.attacks() == af.attacks()
    numeric = loads_af(dumps_af(af))
    assert len(numeric) == len(af) and numeric.attacks() == af.attacks()
