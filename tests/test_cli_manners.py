"""The command line's manners: every unknown id gets a "did you mean" and the choices; every
option it would ignore is refused; no binary to a terminal; one vocabulary of metavars."""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

import pytest

from argmap.cli import _parser, main
from tests.conftest import ROOT

PHONES = ROOT / "corpora" / "school-phones" / "map.yaml"
P = str(PHONES)
DRAW = ["render", "m.yaml", "-o", "x.svg"]
CORPORA = "choose from allied-space-cooperation,"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def render(tmp_path: Path, *options: str) -> list[str]:
    return ["render", str(PHONES), "-o", str(tmp_path / "x.dot"), *options]


# Each unknown id the command line takes, the message's start, the suggestion and the choices shown.
UNKNOWN = [
    (["--issue", "lunh"], "no issue with id 'lunh'", "did you mean 'lunch'?"),
    (["--issue", "nope"], "no issue with id 'nope'", "choose from ban, lunch"),
    (["--side", "midle-ground"], "no side with id 'midle-ground'", "did you mean 'middle-ground'?"),
    (["--focus", "confoundng"], "no node with id 'confoundng'", "did you mean 'confounding'?"),
    (["--tag", "saftey"], "no tag with id 'saftey'", "did you mean 'safety'?"),
    (["--tag", "zzz"], "no tag with id 'zzz'", "choose from compromise, digital-literacy, evidence,"),
]


@pytest.mark.parametrize(("options", "message", "hint"), UNKNOWN, ids=[" ".join(u[0]) for u in UNKNOWN])
def test_render_names_the_unknown_id_and_suggests(
    options: list[str], message: str, hint: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, *render(tmp_path, *options))
    assert code == 2 and err.startswith(f"argmap: {message} (") and hint in err
    assert not (tmp_path / "x.dot").exists()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["show", P, "confoundng"], "no node or link with id 'confoundng' (did you mean 'confounding'?)"),
        (["validate", P, "--source", "txt=x.md"], "the map has no source 'txt' (its sources: text)"),
        (["evaluate", P, "--accept", "confoundng"], "did you mean 'confounding'?"),
        (["evaluate", P, "--remove", "confoundng"], "did you mean 'confounding'?"),
        (["exercise", P, "--kind", "sort-by-side", "--issue", "lunh"], "did you mean 'lunch'?"),
        (["check", P, "--select", "circular-suport"], "did you mean 'circular-support'? `argmap rules`"),
        (["check", P, "--ignore", "AM99"], "no rule with id 'AM99' (`argmap rules` lists them)"),
        (["rules", "--explain", "AM2O1"], "no rule with id 'AM2O1' (did you mean 'AM201'?"),
        (["check", "--explain", "circular"], "did you mean 'circular-support'?"),
        (["corpus", "show", "school-phone"], f"did you mean 'school-phones'? {CORPORA}"),
        (["corpus", "path", "nope"], f"no bundled corpus with id 'nope' ({CORPORA}"),
        (["info", "school-phone"], "school-phone: no such file, nor a bundled corpus of that name (did you"),
    ],
)  # fmt: skip
def test_every_unknown_id_gets_a_suggestion_or_the_choices(
    argv: list[str],
    expected: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # no file called like a corpus here
    code, _, err = run(capsys, *argv)
    assert code == 2 and expected in err and "Traceback" not in err


# Each option whose value must be one of a list: a near miss gets "did you mean", and the list.
CHOICES = [
    (["rendr"], "argument COMMAND: invalid choice: 'rendr' (did you mean 'render'? choose from info,"),
    (["corpus", "lst"], "argument ACTION: invalid choice: 'lst' (did you mean 'list'? choose from list,"),
    ([*DRAW, "--theme", "prnt"], "(did you mean 'print'? choose from default, print)"),
    ([*DRAW, "--labels", "txt"], "(did you mean 'text'? choose from label, text, both)"),
    ([*DRAW, "--engine", "dott"], "(did you mean 'dot'? choose from dot, bundled)"),
    ([*DRAW, "--evaluate", "prefered"], "(did you mean 'preferred'?"),
    (["exercise", "m.yaml", "--kind", "sort-by-sid"], "(did you mean 'sort-by-side'? choose from fill-gap,"),
    (["convert", "m.yaml", "x.json", "--to", "yml"], "(did you mean 'yaml'? choose from yaml, json,"),
    (["check", "m.yaml", "--min-severity", "warn"], "(did you mean 'warning'?"),
    ([*DRAW, "--rankdir", "xx"], "invalid choice: 'xx' (choose from LR, RL, TB, BT)"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "expected"), CHOICES, ids=[" ".join(c[0][:1] + c[0][-2:]) for c in CHOICES])
def test_a_value_not_among_the_choices(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and expected in err


def test_options_that_would_be_ignored_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for depth in ("3", "1"):  # even the default, given: the user meant something by it
        code, _, err = run(capsys, *render(tmp_path, "--depth", depth))
        assert code == 2 and "--depth needs --focus" in err
    code, _, err = run(capsys, "render", P, "-o", str(tmp_path / "x.svg"), "--format", "png")
    assert code == 2 and err == f"argmap render: {tmp_path / 'x.svg'} names svg output, not png\n"
    code, _, err = run(capsys, "render", str(PHONES), "-o", str(tmp_path / "x.pdf"), "--dpi", "150")
    assert code == 2 and "--dpi applies to PNG output only, not pdf" in err
    code, _, err = run(capsys, "render", str(PHONES), "-o", "-", "--dpi", "150")
    assert code == 2 and "not svg" in err  # standard output is SVG unless --format says otherwise
    assert not list(tmp_path.iterdir())
    code, _, _ = run(capsys, "render", P, "-o", str(tmp_path / "drawing"), "--format", "dot")
    assert code == 0 and (tmp_path / "drawing").read_text("utf-8").startswith(
        "digraph"
    )  # no suffix: --format says


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_binary_output_to_a_terminal_is_refused(
    fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    code = main(["render", str(PHONES), "-o", "-", "--format", fmt])
    assert code == 2 and terminal.getvalue() == ""
    assert f"{fmt.upper()} is binary: refusing to write it to a terminal" in capsys.readouterr().err


def test_text_output_to_a_terminal_is_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    terminal.buffer = io.BytesIO()  # type: ignore[misc]
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["render", str(PHONES), "-o", "-", "--format", "dot"]) == 0
    assert terminal.buffer.getvalue().startswith(b'digraph "school-phones"')  # type: ignore[attr-defined]


# -- the parser: a description for every command, one vocabulary of metavars -----------------

METAVARS = {"FILE", "OUT", "ID", "ID=PATH", "DIR", "CODE", "CODES", "N", "K", "D", "DPI", "SIZE", "TAG"}
METAVARS |= {"KIND", "SEMANTICS", "TEXT", "TASK", "NAME", "COMMAND", "ACTION"}


def commands() -> dict[str, argparse.ArgumentParser]:
    """Every command and sub-command, by its words (``corpus show``)."""
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, words: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found[f"{words} {name}".strip()] = sub
                    walk(sub, f"{words} {name}")

    walk(_parser("*"), "")
    return found


def test_every_command_has_a_description() -> None:
    found = commands()
    assert {"render", "corpus show", "grade"} <= set(found)  # guards the test
    assert sorted(name for name, parser in found.items() if not parser.description) == []


def test_every_argument_has_help_and_a_metavar_of_the_vocabulary() -> None:
    odd = []
    for name, parser in commands().items():
        for action in parser._actions:
            if action.dest == "help" or action.nargs == 0:
                continue
            if not action.help:
                odd.append(f"{name} {action.dest}: no help")
            if action.choices is None and action.metavar not in METAVARS:
                odd.append(f"{name} {action.dest}: metavar {action.metavar!r}")
    assert odd == []


def test_every_map_argument_is_called_file() -> None:
    for name in ("info", "validate", "show", "convert", "check", "render", "exercise", "evaluate"):
        usage = commands()[name].format_usage()
        assert re.search(r"\bFILE\b", usage), name
        assert "file" not in usage.replace("--", ""), name


def test_engine_dot_without_dot_on_path_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    code, _, err = run(capsys, "render", str(PHONES), "-o", str(tmp_path / "x.svg"), "--engine", "dot")
    assert code == 2 and not (tmp_path / "x.svg").exists()
    assert err.startswith("argmap: the dot engine is not available: Graphviz's 'dot' program is not on PATH;")
    assert "install Graphviz" in err and "pip install" not in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["evaluate", P, "--arg", "a"], "argmap evaluate: --arg applies to --iccma only"),
        (["evaluate", P, "--solver", "sat"], "argmap evaluate: --solver applies to --iccma only"),
        (
            ["evaluate", "--iccma", "x.af", "--task", "SE-GR", "--accept", "a", "--semantics", "preferred"],
            "argmap evaluate: --semantics, --accept apply to a map FILE, not to --iccma",
        ),
        (
            ["exercise", P, "--kind", "sort-by-side", "--matching"],
            "argmap exercise: --matching shapes the GIFT quiz",
        ),
    ],
)
def test_options_another_mode_would_ignore_are_refused(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and err.startswith(expected) and out == ""


@pytest.mark.parametrize("source", ["txt={md}", "text={wrong}"])
def test_show_prints_nothing_when_its_source_option_is_wrong(
    source: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong.md"
    wrong.write_text("Another text.\n", encoding="utf-8")
    given = source.format(md=PHONES.parent / "source.md", wrong=wrong)
    code, out, err = run(capsys, "show", P, "confounding", "--source", given)
    assert code == 2 and out == ""
    assert ("no source 'txt' (its sources: text)" if given.startswith("txt") else "SHA-256") in err
