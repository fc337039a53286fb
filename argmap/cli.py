"""The ``argmap`` command line: a thin layer over the library.

Examples:
    >>> main(["--version"])  # doctest: +ELLIPSIS
    argmap ...
    0
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import functools
import gc
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap._version import __version__
from argmap.errors import (
    ArgmapError,
    ExerciseError,
    LoadError,
    MapError,
    Problem,
    SourceTextError,
    UnknownElementError,
)
from argmap.words import plural

if TYPE_CHECKING:  # the heavy layers are imported by the command that uses them (start-up time)
    from argmap.checks import Finding
    from argmap.exercises.comparison import MapGrade
    from argmap.exercises.layout import Paper
    from argmap.exercises.model import Exercise
    from argmap.exercises.outputs import Output
    from argmap.exercises.reports import Grade
    from argmap.model import ArgumentMap

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _hint(value: str, choices: Sequence[str], listing: str | None = None) -> str:
    """The nearest choice to ``value`` (if any is near), then the choices (or where to find them).

    Examples:
        >>> _hint("prnt", ["default", "print"])
        "did you mean 'print'? choose from default, print"
    """
    close = difflib.get_close_matches(value, list(choices), n=1)
    parts = [f"did you mean {close[0]!r}?"] if close else []
    parts.append(listing or "choose from " + ", ".join(choices))
    return " ".join(parts)


class _Parser(argparse.ArgumentParser):
    """argparse, with a "did you mean" before the choices when a value is not one of them."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            hint = _hint(str(value), [str(choice) for choice in action.choices])
            raise argparse.ArgumentError(action, f"invalid choice: {value!r} ({hint})")


@contextmanager
def _suggesting(what: str, choices: Sequence[str], listing: str | None = None) -> Iterator[None]:
    """Re-raise an unknown ``what`` (a rule, a corpus) with the nearest choice and the list."""
    try:
        yield
    except UnknownElementError as err:
        if err.what != what:
            raise
        raise UnknownElementError(err.element_id, what, _hint(err.element_id, choices, listing)) from None


def _rule_names() -> list[str]:
    from argmap.checks import RULES

    return [*sorted(RULES), *sorted(rule.name for rule in RULES.values())]


def _formats_epilog() -> str:
    from argmap.io import formats

    return "formats: " + "; ".join(f"{f.name} ({', '.join(f.suffixes)})" for f in formats.FORMATS.values())


_EPILOG = """\
exit codes:
  0  success (validate: the map is valid; check: no error-level finding)
  1  check: at least one error-level finding
  2  unusable input: a file that cannot be read or is not a valid map,
     a bad option, or an unknown corpus or element
"""


def _source_option(value: str) -> tuple[str, str]:
    source_id, sep, path = value.partition("=")
    if not sep or not source_id or not path:
        raise argparse.ArgumentTypeError(f"expected ID=PATH, got {value!r}")
    return source_id, path


def _size(value: str) -> int:
    """A size in bytes, with an optional K, M or G suffix (``--max-input-size 512M``)."""
    units = {"K": 1024, "M": 1024**2, "G": 1024**3}
    number, unit = (value[:-1], units[value[-1].upper()]) if value[-1:].upper() in units else (value, 1)
    try:
        size = int(number) * unit
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a size such as 1048576, 512K, 64M or 1G, got {value!r}"
        ) from None
    if size <= 0:
        raise argparse.ArgumentTypeError(f"the size must be positive, got {value!r}")
    return size


def _dpi(value: str) -> float:
    """A resolution between 1 and 2400 dots per inch: a huge one would make the engine fail."""
    try:
        dpi = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of dots per inch, got {value!r}") from None
    if not 1 <= dpi <= 2400:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"the resolution must lie between 1 and 2400 dpi, got {value!r}")
    return dpi


# Each command: its one-line help, and the function that adds its arguments. Only the command
# being run gets its arguments (and imports what they name), so `argmap --help` starts fast.
_HELP = {
    "info": "summarize a map: counts by kind, sides, issues",
    "schema": "print the JSON Schema of the map format",
    "validate": "check that files are valid maps (and their anchors, given the texts)",
    "show": "show one node or link and the passages it is anchored to",
    "convert": "convert a map between formats: YAML, JSON, Argdown, AIF, OVA, Kialo, GraphML...",
    "check": "check the stance links of maps for inconsistencies (ruff-style findings)",
    "rules": "list the check rules: code, severity, name, summary",
    "render": "draw a map as SVG, PNG, PDF or DOT",
    "exercise": "make an exercise from a map: worksheet, answer key, quiz, JSON",
    "evaluate": "which claims stand: argumentation semantics on a map, or an ICCMA task",
    "grade": "grade a student's answers (or a reconstructed map)",
    "corpus": "the bundled corpora",
}

_SOURCE_HELP = "text of source ID, to verify anchors (repeatable)"
_ROOT_HELP = "a folder the map's source paths may lead into, besides the map's own (repeatable)"


def _add_sources(command: argparse.ArgumentParser, help: str = _SOURCE_HELP) -> None:
    command.add_argument(
        "--source", action="append", type=_source_option, default=[], metavar="ID=PATH", help=help
    )
    command.add_argument("--source-root", action="append", default=[], metavar="DIR", help=_ROOT_HELP)


_MAP_HELP = "a map file (any readable format; see `argmap convert --help`) or a bundled corpus's name"


def _info_parser(info: argparse.ArgumentParser) -> None:
    info.add_argument("file", metavar="FILE", help=_MAP_HELP)


def _schema_parser(_schema: argparse.ArgumentParser) -> None:
    return None


def _validate_parser(validate: argparse.ArgumentParser) -> None:
    validate.add_argument("files", nargs="+", metavar="FILE", help=_MAP_HELP)
    _add_sources(validate)


def _show_parser(show: argparse.ArgumentParser) -> None:
    show.add_argument("file", metavar="FILE", help=_MAP_HELP)
    show.add_argument("element", metavar="ID", help="the id of a node or link")
    _add_sources(show)


def _convert_parser(convert: argparse.ArgumentParser) -> None:
    from argmap.io import formats

    convert.epilog = _formats_epilog()
    convert.add_argument("file", metavar="FILE", help=_MAP_HELP)
    convert.add_argument(
        "output", metavar="OUT", help="output file; its suffix names the format unless --to does"
    )
    convert.add_argument("--from", dest="from_format", choices=formats.readable(), help="the input's format")
    convert.add_argument("--to", dest="to_format", choices=formats.writable(), help="the output's format")


def _check_parser(check: argparse.ArgumentParser) -> None:
    from argmap.checks import SEVERITIES

    check.add_argument(
        "files", nargs="*", metavar="FILE", help="map files in any readable format, folders, or corpus names"
    )
    check.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    check.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODES",
        help="only these rules: codes, prefixes (AM2) or names, comma-separated",
    )
    check.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="skip these rules (same forms as --select)",
    )
    check.add_argument(
        "--min-severity",
        choices=list(SEVERITIES),
        default="info",
        help="hide findings below this severity (default: info, show all)",
    )
    check.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="processes to check each map with: 1, or 2 or more to run half of the rules in a second"
        " process (two at most; default: 2 for maps of 20,000 elements or more on two cores or more)",
    )
    check.add_argument("--explain", metavar="CODE", help="explain one rule and exit")


def _jobs(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give a whole number of processes, 1 or more")
    return int(value)


def _rules_parser(rules: argparse.ArgumentParser) -> None:
    rules.add_argument(
        "--explain", metavar="CODE", help="explain one rule: what it finds, an example, what to fix"
    )


class _Choices:
    """An option's choices, looked up only when the option is given or help is shown (start-up time)."""

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self._load = load

    def __contains__(self, item: object) -> bool:
        return item in self._load()

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())


def _semantics_names() -> Sequence[str]:
    from argmap.semantics.command import SEMANTICS

    return SEMANTICS


def _render_parser(draw: argparse.ArgumentParser) -> None:
    from argmap.render import FORMATS, THEMES, RenderOptions
    from argmap.render.engines import ENGINES

    draw.add_argument("file", metavar="FILE", help=_MAP_HELP)
    draw.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="output file (.svg, .png, .pdf, .dot), or - for standard output",
    )
    draw.add_argument("--format", choices=list(FORMATS), help="output format (default: from OUT's suffix)")
    draw.add_argument(
        "--engine", choices=list(ENGINES), help="layout engine (default: dot on PATH, else bundled)"
    )
    draw.add_argument(
        "--theme",
        choices=sorted(THEMES),
        default="default",
        help="default (colour) or print (black on white, sides named by badges)",
    )
    draw.add_argument(
        "--labels",
        choices=["label", "text", "both"],
        default="label",
        help="node text: short label (default), full text, or both",
    )
    draw.add_argument(
        "--wrap", type=int, default=RenderOptions.wrap, metavar="N", help="wrap text at N characters"
    )
    draw.add_argument("--rankdir", choices=["LR", "RL", "TB", "BT"], default="LR", help="layout direction")
    draw.add_argument("--cluster", action="store_true", help="group nodes by issue in boxes")
    draw.add_argument("--legend", action="store_true", help="draw a legend")
    draw.add_argument("--no-title", action="store_true", help="leave out the map's title")
    draw.add_argument(
        "--issue", action="append", default=[], metavar="ID", help="only nodes bearing on this issue"
    )
    draw.add_argument(
        "--side",
        action="append",
        default=[],
        metavar="ID",
        help="only nodes held by this side, with what they bear on",
    )
    draw.add_argument("--tag", action="append", default=[], metavar="TAG", help="only nodes with this tag")
    draw.add_argument("--focus", metavar="ID", help="only this node and its neighbourhood")
    draw.add_argument("--depth", type=int, metavar="K", help="links crossed from --focus (default 1)")
    draw.add_argument(
        "--hide-unconnected",
        action=argparse.BooleanOptionalAction,
        help="leave out nodes no drawn link touches (--no-hide-unconnected: draw them all; default: as the"
        " source draws them, which for Argdown leaves out statements in no relation)",
    )
    draw.add_argument(
        "--with-findings",
        action="store_true",
        help="mark the checker's error and warning findings on their elements, with a key naming each",
    )
    draw.add_argument(
        "--finding",
        action="append",
        default=[],
        metavar="CODES",
        help="name only these rules' findings (turns --with-findings on): a code, a prefix (AM2) or a"
        " name; repeat it or separate with commas",
    )
    draw.add_argument("--dpi", type=_dpi, metavar="DPI", help="resolution of PNG output (1 to 2400)")
    draw.add_argument(
        "--evaluate",
        choices=_Choices(_semantics_names),
        metavar="SEMANTICS",
        help="draw which nodes stand under this semantics (grounded, complete, preferred, stable)",
    )


def _corpus_parser(corpus: argparse.ArgumentParser) -> None:
    corpus.description = (
        "The maps that come with argmap. A corpus's name stands for its map file in every command"
        " (`argmap render school-phones -o phones.svg`)."
    )
    corpus_commands = corpus.add_subparsers(
        dest="corpus_command", metavar="ACTION", required=True, help="what to do: list, show or path"
    )
    for action, help in (
        ("list", "list the bundled corpora"),
        ("show", "summarize a bundled corpus"),
        ("path", "print the path of a corpus's map file"),
    ):
        sub = corpus_commands.add_parser(action, help=help, description=help[:1].upper() + help[1:] + ".")
        if action != "list":
            sub.add_argument("name", metavar="NAME", help="the corpus's name (see `argmap corpus list`)")


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``command`` (the one being run) gets its arguments, or every command with ``"*"``."""
    parser = _Parser(
        prog="argmap",
        description="Map policy debates as typed argument graphs.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    parser.add_argument(
        "--max-input-size",
        type=_size,
        metavar="SIZE",
        help="refuse input files larger than SIZE bytes (K, M, G allowed; default 256M)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help in _HELP.items():
        sub = commands.add_parser(name, help=help, description=help[:1].upper() + help[1:] + ".")
        if command in (name, "*"):
            _BUILDERS[name](sub)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word that is not an option or an option's value)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word == "--max-input-size":
            skip = True
        elif not word.startswith("-"):
            return word
    return None


class _Once(argparse.Action):
    """An output option given once: a second ``-o`` is an error (exit 2), not a silent override."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        earlier = getattr(namespace, self.dest, None)
        if earlier is not None:
            parser.error(f"{option_string} given twice ({earlier}, {values}): give each output once")
        setattr(namespace, self.dest, values)


def _exercise_parser(exercise: argparse.ArgumentParser) -> None:
    from argmap.exercises import KINDS

    exercise.description = f"Make an exercise from a map. Kinds: {', '.join(sorted(KINDS))}."
    exercise.add_argument("file", metavar="FILE", help=_MAP_HELP)
    exercise.add_argument(
        "--kind",
        action="append",
        required=True,
        choices=sorted(KINDS),
        metavar="KIND",
        help="kind of exercise (repeat for a worksheet of several parts)",
    )
    exercise.add_argument(
        "--seed", type=int, default=0, metavar="N", help="the same seed gives the same exercise"
    )
    exercise.add_argument(
        "--difficulty", default="1", metavar="D", help="1, 2 or 3 (or easy, medium, hard); default 1"
    )
    exercise.add_argument(
        "--issue", action="append", default=[], metavar="ID", help="only what bears on this issue"
    )
    exercise.add_argument(
        "--title", metavar="TEXT", help="the worksheet's title (default: the map's and the issue's)"
    )
    _add_sources(
        exercise, "text of source ID, for the locate kind (repeatable; texts beside the map are found)"
    )
    exercise.add_argument(
        "--skip-unfit",
        action="store_true",
        help="leave out a kind the map cannot support (say why) rather than fail",
    )
    exercise.add_argument(
        "-o",
        "--output",
        dest="worksheet",
        action=_Once,
        metavar="OUT",
        help="the worksheet: .html, .md or .pdf",
    )
    exercise.add_argument("--key", action=_Once, metavar="OUT", help="the answer key: .html, .md or .pdf")
    exercise.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="the paper the worksheet and key print on, portrait (default: from the locale's"
        " LC_PAPER or LANG: letter in the US, Canada, Mexico and other Letter countries, else a4)",
    )
    exercise.add_argument(
        "--gift", action=_Once, metavar="OUT", help="a Moodle GIFT quiz of the items that fit one"
    )
    exercise.add_argument(
        "--moodle",
        action=_Once,
        metavar="OUT",
        help="a Moodle XML quiz that stands alone: each diagram in its question",
    )
    exercise.add_argument(
        "--matching",
        action="store_true",
        help="in the GIFT quiz, make a part whose items share their choices one matching question",
    )
    exercise.add_argument(
        "--json", action=_Once, metavar="OUT", help="the exercise as JSON, to grade answers with"
    )
    exercise.add_argument(
        "--template", action=_Once, metavar="OUT", help="an answers file for students to fill in"
    )
    exercise.add_argument(
        "--starter",
        action=_Once,
        metavar="OUT",
        help="the statements the reconstruct part shows (else the scope's map), without links"
        " (.yaml or .json), for students to complete; grade it with `argmap grade --reference`",
    )


def _evaluate_parser(evaluate: argparse.ArgumentParser) -> None:
    from argmap.semantics import command as semantics_command

    evaluate.description = (
        "Evaluate a map (`argmap evaluate FILE --semantics preferred`) or solve an ICCMA"
        " competition task (`argmap evaluate --iccma FILE.af --task SE-PR`). See docs/semantics.md."
    )
    evaluate.add_argument("file", nargs="?", metavar="FILE", help=_MAP_HELP)
    evaluate.add_argument(
        "--semantics",
        default="grounded",
        choices=semantics_command.SEMANTICS,
        help="which arguments stand together (default: grounded)",
    )
    evaluate.add_argument(
        "--support",
        default=semantics_command.DEFAULT_SUPPORT,
        choices=semantics_command.READINGS,
        help="how support passes attacks on (default: supported)",
    )
    evaluate.add_argument(
        "--accept", action="append", default=[], metavar="ID", help="what if ID were accepted"
    )
    evaluate.add_argument("--remove", action="append", default=[], metavar="ID", help="what if ID were gone")
    evaluate.add_argument("--format", choices=["text", "json"], default="text", help="report format")
    evaluate.add_argument("--write-framework", metavar="OUT", help="also write the framework (.apx or .af)")
    evaluate.add_argument("--iccma", metavar="FILE", help="an ICCMA framework (.apx, or ICCMA 2023 .af)")
    evaluate.add_argument(
        "--task", metavar="TASK", help="with --iccma: SE-PR, DC-ST, DS-PR... (SE, DC, DS x GR, CO, PR, ST)"
    )
    evaluate.add_argument("--arg", metavar="ID", help="with --iccma: the argument of a DC or DS task")
    evaluate.add_argument(
        "--solver",
        choices=semantics_command.SOLVERS,
        default="search",
        help="with --iccma: sat needs argmap[sat]",
    )


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from argmap.semantics import command as semantics_command

    if (args.file is None) == (args.iccma is None) or (args.iccma is None) != (args.task is None):
        _err("argmap evaluate: give a map FILE, or --iccma FILE with --task")
        return EXIT_INPUT
    # options of the other way of working would be ignored: say so instead
    if args.iccma is None:
        unused = {"--arg": args.arg is not None, "--solver": args.solver != "search"}
        what = "to --iccma only"
    else:
        unused = {
            "--semantics": args.semantics != "grounded",
            "--support": args.support != semantics_command.DEFAULT_SUPPORT,
            "--accept": bool(args.accept),
            "--remove": bool(args.remove),
            "--format": args.format != "text",
            "--write-framework": args.write_framework is not None,
        }
        what = "to a map FILE, not to --iccma (whose --task names the semantics)"
    ignored = [flag for flag, given in unused.items() if given]
    if ignored:
        _err(f"argmap evaluate: {', '.join(ignored)} {'applies' if len(ignored) == 1 else 'apply'} {what}")
        return EXIT_INPUT
    if args.iccma is not None:
        print(semantics_command.solve_iccma_file(args.iccma, args.task, args.arg, solver=args.solver))
        return EXIT_OK
    print(
        semantics_command.evaluate_map_file(
            args.file,
            args.semantics,
            support=args.support,
            accept=args.accept,
            remove=args.remove,
            output_format=args.format,
            framework_out=args.write_framework,
        )
    )
    return EXIT_OK


def _grade_parser(grade: argparse.ArgumentParser) -> None:
    grade.description = (
        "Grade answers against an exercise: `argmap grade exercise.json answers.yaml`; a whole class:"
        " `argmap grade exercise.json answers/*.yaml --gradebook class.csv`;"
        " or reconstructed maps against the reference: `argmap grade --reference map.yaml student.yaml`,"
        " a whole class: `argmap grade --reference map.yaml maps/*.yaml --gradebook class.csv`."
    )
    grade.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="exercise.json and answer files (with --reference: the reference map and students' maps)",
    )
    grade.add_argument(
        "--gradebook", action=_Once, metavar="OUT", help="the class's gradebook: one CSV row per student"
    )
    grade.add_argument(
        "--summary-html",
        action=_Once,
        metavar="OUT",
        help="the class summary per item (per link with --reference) as a printable HTML page",
    )
    grade.add_argument(
        "--reference",
        action="store_true",
        help="the files are a reference map and students' maps: compare their links",
    )
    grade.add_argument("--format", choices=["text", "json"], default="text", help="report format")


_BUILDERS: dict[str, Any] = {
    "info": _info_parser,
    "schema": _schema_parser,
    "validate": _validate_parser,
    "show": _show_parser,
    "convert": _convert_parser,
    "check": _check_parser,
    "rules": _rules_parser,
    "render": _render_parser,
    "exercise": _exercise_parser,
    "evaluate": _evaluate_parser,
    "grade": _grade_parser,
    "corpus": _corpus_parser,
}


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _warn(notes: Sequence[Problem]) -> None:
    """Print a reader's notes on stderr, each as ``file:line:col: warning: ...``."""
    for note in notes:
        what = f"{note.element}: {note.message}" if note.element else note.message
        _err(str(Problem(f"warning: {what}", note.path, note.line, note.column)))


def _show_warning(
    otherwise: Callable[..., None], message: Warning | str, category: type[Warning], *where: Any, **more: Any
) -> None:
    """Print a :class:`LoadWarning` as ``file:line:col: warning: ...``; any other warning ``otherwise``."""
    from argmap.io.notes import LoadWarning

    if isinstance(message, LoadWarning):
        _warn([message.problem])
    else:
        otherwise(message, category, *where, **more)


_LARGE_MAP = 10_000  # elements


def _load(file: str) -> ArgumentMap:
    """Load a map file as :func:`argmap.io.formats.load` does, printing the reader's notes as warnings."""
    from argmap.io import formats

    argument_map, problems, _, notes = formats.read(file)
    if problems:
        raise LoadError(problems)
    _warn(notes)
    _keep(argument_map)
    return argument_map


def _keep(argument_map: ArgumentMap) -> bool:
    """Keep a large map out of the cycle collector's sight (it lives until the command ends); say if it was.

    On a 100k-node map each full collection took seconds. Reference counting
    still frees its objects; a small map is not worth freezing everything
    else the process holds.
    """
    large = len(argument_map.nodes) + len(argument_map.links) >= _LARGE_MAP
    if large:
        gc.freeze()
    return large


_CONTROL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)], 0xFFFD)


def _terminal(text: str) -> str:
    r"""``text`` fit for a terminal: control characters (escape sequences) shown as U+FFFD, never obeyed.

    Examples:
        >>> _terminal("plain\ttext\n\x1b[2J")
        'plain\ttext\n\ufffd[2J'
    """
    return text.translate(_CONTROL)


def _cmd_info(args: argparse.Namespace) -> int:
    from argmap.summary import format_summary

    print(_terminal(format_summary(_load(args.file))))
    return EXIT_OK


def _cmd_schema(_args: argparse.Namespace) -> int:
    from argmap.model import ArgumentMap

    schema = ArgumentMap.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from argmap.sources import anchor_problems, find_source_texts

    status = EXIT_OK
    supplied = dict(args.source)
    used: set[str] = set()
    for file in args.files:
        try:
            argument_map = _load(file)
            own = {doc.id for doc in argument_map.sources}
            mine = {k: v for k, v in supplied.items() if k in own or len(args.files) == 1}
            used.update(mine)
            texts = find_source_texts(argument_map, mine, roots=args.source_root)
            problems = anchor_problems(argument_map, texts)
        except MapError as err:
            for problem in err.problems:
                _err(str(problem))
            if err.omitted:
                _err(f"{file}: ... and {plural(err.omitted, 'more problem')}")
            status = EXIT_INPUT
            continue
        except SourceTextError as err:  # located at the source's path in the map: go on with the next file
            _err(str(err))
            status = EXIT_INPUT
            continue
        for problem in problems:
            _err(str(problem))
        if problems:
            status = EXIT_INPUT
        else:
            extra = f", anchors verified against {plural(len(texts), 'source text')}" if texts else ""
            print(f"{file}: valid ({len(argument_map.nodes)} nodes, {len(argument_map.links)} links{extra})")
    for unused in sorted(set(supplied) - used):
        _err(f"argmap: --source {unused}=...: no map given has a source {unused!r}")
        status = EXIT_INPUT
    return status


def _cmd_show(args: argparse.Namespace) -> int:
    from argmap.io.native import dumps_data, to_data
    from argmap.sources import anchor_problems, find_source_texts, passage

    argument_map = _load(args.file)
    if not argument_map.has(args.element):
        ids = [*(n.id for n in argument_map.nodes), *(str(k.id) for k in argument_map.links)]
        raise UnknownElementError(args.element, "node or link", choices=ids)
    element = argument_map.element(args.element)
    texts = find_source_texts(argument_map, dict(args.source), roots=args.source_root)
    problems = [p for p in anchor_problems(argument_map, texts) if (p.element or "").startswith("source ")]
    if problems:  # a text that is not the one the anchors point into would show the wrong passage
        raise MapError(problems)
    print(_terminal(dumps_data(to_data(element))), end="")
    for index, anchor in enumerate(element.anchors):
        where = f"{anchor.source}[{anchor.start}:{anchor.end}]"
        if anchor.section:
            where += f" ({anchor.section})"
        if anchor.source in texts:
            print(_terminal(f"anchor {index}: {where}\n  > {passage(anchor, texts).strip()}"))
        else:
            print(f"anchor {index}: {where} (pass --source {anchor.source}=PATH to see the passage)")
    return EXIT_OK


def _overwrites_input(output: str, file: str) -> bool:
    """Whether ``output`` is the input file, by any name (and say so): argmap never overwrites an input."""
    from argmap.io.files import is_same_file

    if output != "-" and is_same_file(output, file):
        _err(f"{output}: refusing to overwrite the input file")
        return True
    return False


def _cmd_convert(args: argparse.Namespace) -> int:
    from argmap.io import formats

    converted = formats.convert(args.file, args.output, args.from_format, args.to_format)
    _warn(converted.notes)
    for lost in converted.lost:
        _err(f"argmap convert: {args.output}: the format cannot hold {lost}")
    return EXIT_OK


def _cmd_corpus(args: argparse.Namespace) -> int:
    from argmap.corpora import corpus_path, list_corpora
    from argmap.io.native import load
    from argmap.summary import format_summary

    if args.corpus_command == "list":
        for corpus in list_corpora():
            print(f"{corpus.name}\t{corpus.load().title}")
        return EXIT_OK
    with _suggesting("bundled corpus", [c.name for c in list_corpora()]):
        path = corpus_path(args.name)
    if args.corpus_command == "path":
        print(path)
    else:
        print(_terminal(format_summary(load(path))))
    return EXIT_OK


def _codes(values: list[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _cmd_check(args: argparse.Namespace) -> int:
    from argmap._perf import paused_gc
    from argmap.checks import get_rule, select_rules
    from argmap.checks.report import findings_report, format_finding, format_summary_line

    if args.explain:
        with _suggesting("rule", _rule_names(), "`argmap rules` lists them"):
            print(get_rule(args.explain).explain())
        return EXIT_OK
    if not args.files:
        _err("argmap check: give at least one FILE (or --explain CODE)")
        return EXIT_INPUT
    select, ignore = _codes(args.select), _codes(args.ignore)
    with _suggesting("rule", _rule_names(), "`argmap rules` lists them"):
        select_rules(select, ignore)  # reject unknown codes before reading any file
    # one pause of the cycle collector for the whole command: resumed between its steps, it would
    # first walk every object the step before made (a third of a second each at 100k nodes)
    with paused_gc():
        results, unread, notes, large = _check_files(args, select, ignore)
        if args.format == "json":
            report = findings_report(results, len(unread))
            report["unreadable"] = unread
            report["reader_notes"] = [
                {"path": n.path, "line": n.line, "column": n.column, "message": n.message} for n in notes
            ]
            print(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            for file, findings in results:
                for finding in findings:
                    print(format_finding(file, finding))
            print(format_summary_line(results, len(unread)))
        if large:
            gc.freeze()  # what the command made is never walked when the collector resumes
    if unread:
        return EXIT_INPUT
    has_error = any(f.severity == "error" for _, found in results for f in found)
    return EXIT_FINDINGS if has_error else EXIT_OK


def _check_files(
    args: argparse.Namespace, select: list[str], ignore: list[str]
) -> tuple[list[tuple[str, list[Finding]]], list[str], list[Problem], bool]:
    """What checking the files found: each readable file's findings, and more.

    Also the files read not at all or only in part, the readers' notes, and
    whether a map was large (see :func:`_keep`).
    """
    from argmap._perf import helper_processes
    from argmap.checks import check
    from argmap.io import formats

    results: list[tuple[str, list[Finding]]] = []
    unread: list[str] = []  # files read not at all, or only in part
    notes: list[Problem] = []  # what readers met in files they read whole: warnings
    large = False
    for file in formats.expand(args.files):
        # a long file is read in two processes, as its rules are checked, unless one is asked for
        helpers = helper_processes() if args.jobs != 1 else contextlib.nullcontext()
        try:
            with helpers:
                argument_map, problems, _, found = formats.read(file)
        except LoadError as err:
            _err(str(err))
            unread.append(file)
            continue
        for problem in problems:
            _err(str(problem))
        _warn(found)
        large = _keep(argument_map) or large
        notes.extend(found)
        if problems:
            unread.append(file)
        results.append((file, check(argument_map, select, ignore, args.min_severity, jobs=args.jobs)))
    return results, unread, notes, large


def _suffix_format(path: str) -> str | None:
    """The format a file's suffix names, or None when it names none (then --format decides)."""
    from argmap.render import RenderError
    from argmap.render import format_of as render_format_of

    try:
        return render_format_of(path)
    except RenderError:
        return None


def _cmd_render(args: argparse.Namespace) -> int:
    from argmap.io.files import check_writable, write_atomic
    from argmap.render import RenderOptions, render
    from argmap.render import format_of as render_format_of

    if _overwrites_input(args.output, args.file):
        return EXIT_INPUT
    to_stdout = args.output == "-"
    fmt = args.format or ("svg" if to_stdout else render_format_of(args.output))
    if args.format and not to_stdout and _suffix_format(args.output) not in (None, args.format):
        _err(f"argmap render: {args.output} names {_suffix_format(args.output)} output, not {args.format}")
        return EXIT_INPUT
    if to_stdout and fmt in ("png", "pdf") and sys.stdout.isatty():
        _err(f"argmap render: {fmt.upper()} is binary: refusing to write it to a terminal (give -o FILE)")
        return EXIT_INPUT
    if args.depth is not None and args.focus is None:
        _err("argmap render: --depth needs --focus (the node whose neighbourhood to draw)")
        return EXIT_INPUT
    if args.dpi is not None and fmt != "png":
        _err(f"argmap render: --dpi applies to PNG output only, not {fmt}")
        return EXIT_INPUT
    if not to_stdout:
        check_writable(args.output)  # refuse a folder or a device before the work
    argument_map = _load(args.file)
    evaluation = {}
    if args.evaluate:
        from argmap.semantics import command as semantics_command  # loaded only when asked for

        evaluation = semantics_command.render_labels(argument_map, args.evaluate)
    options = RenderOptions(
        theme=args.theme,
        labels=args.labels,
        wrap=args.wrap,
        rankdir=args.rankdir,
        cluster=args.cluster,
        legend=args.legend,
        title=not args.no_title,
        issues=args.issue,
        sides=args.side,
        tags=args.tag,
        focus=args.focus,
        depth=1 if args.depth is None else args.depth,
        hide_unconnected=args.hide_unconnected,
        with_findings=args.with_findings,
        findings=_codes(args.finding),
        evaluation=evaluation,
        dpi=args.dpi,
        engine=args.engine,
    )
    data = render(argument_map, fmt, options)
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(args.output, data)
        print(f"wrote {args.output} ({fmt}, {len(data):,} bytes)")
    return EXIT_OK


# The exercise command's output options, by the output each names.
_EXERCISE_OUTPUTS: dict[str, str] = {
    "worksheet": "-o",
    "key": "--key",
    "gift": "--gift",
    "moodle": "--moodle",
    "json": "--json",
    "template": "--template",
    "starter": "--starter",
}


def _warn_small_figures(exercise: Exercise, paper: Paper) -> None:
    """Say on stderr which figures of the printed sheet are too small to read, and what to do."""
    from argmap.exercises.html import small_figures

    # A debate too large to read whole is drawn already an issue, or a run of reasons, at a time:
    # what is left is one reason (or its links) wider than the page.
    advice = (
        "too much stands side by side for the page's width: read the HTML sheet on screen, where"
        " it zooms, or print it on larger paper"
    )
    for found in small_figures(exercise, paper=paper):
        _err(f"argmap exercise: warning: {found} on {paper}, under the 8 pt a page needs; {advice}")


def _cmd_exercise(args: argparse.Namespace) -> int:
    from argmap.exercises import generate
    from argmap.exercises.layout import paper_for_locale
    from argmap.exercises.outputs import OUTPUTS, exercise_outputs, worksheet_format
    from argmap.io.files import check_writable, write_atomic
    from argmap.sources import confined_path, find_source_texts

    asked = {name: getattr(args, name) for name in OUTPUTS}
    chosen: dict[Output, str] = {name: path for name, path in asked.items() if path is not None}
    if args.matching and "gift" not in chosen:
        _err("argmap exercise: --matching shapes the GIFT quiz: give --gift OUT too")
        return EXIT_INPUT
    argument_map = _load(args.file)
    # every input of the run: the map, the texts given, and the texts found beside the map
    inputs = [args.file, *(path for _, path in args.source)]
    for doc in argument_map.sources:
        if doc.path is not None and doc.id not in dict(args.source):
            try:
                inputs.append(str(confined_path(argument_map, doc.id, args.source_root)))
            except ArgmapError:
                pass  # generate() reports it, if a kind needs the text
    for path in chosen.values():
        if any(_overwrites_input(path, given) for given in inputs):
            return EXIT_INPUT
    resolved = [Path(path).resolve() for path in chosen.values()]
    if len(set(resolved)) != len(resolved):
        _err("argmap exercise: give each output a file of its own")
        return EXIT_INPUT
    for name in ("worksheet", "key"):
        if name in chosen:
            try:
                worksheet_format(chosen[name])
            except ExerciseError as err:
                raise ArgmapError(f"{_EXERCISE_OUTPUTS[name]} {chosen[name]}: {err}") from None
    for path in chosen.values():  # every target checked before the first is written
        check_writable(path)
    exercise = generate(
        argument_map,
        args.kind,
        seed=args.seed,
        difficulty=args.difficulty,
        issues=args.issue,
        texts=find_source_texts(argument_map, dict(args.source), roots=args.source_root),
        title=args.title,
        skip_unfit=args.skip_unfit,
    )
    for note in exercise.notes:
        _err(f"argmap exercise: {note}")
    if not chosen:
        print(exercise.to_json(), end="")
        return EXIT_OK
    paper = args.paper or paper_for_locale(os.environ)
    texts = exercise_outputs(exercise, chosen, source=argument_map, matching=args.matching, paper=paper)
    printed = [chosen[name] for name in ("worksheet", "key") if name in chosen]
    if any(worksheet_format(path) != "markdown" for path in printed):
        _warn_small_figures(exercise, paper)
    for name, text in texts.items():
        write_atomic(chosen[name], text)
        print(f"wrote {chosen[name]}")
    return EXIT_OK


def _cmd_grade(args: argparse.Namespace) -> int:
    from argmap.exercises.answers import load_answers
    from argmap.exercises.comparison import grade_maps
    from argmap.exercises.files import load_exercise
    from argmap.exercises.grading import grade
    from argmap.exercises.map_gradebook import load_drawn_map
    from argmap.exercises.reports import format_grade, format_map_grade
    from argmap.io.formats import load

    if len(args.files) < 2:
        _err("argmap grade: give an exercise and answer files (with --reference: the reference and maps)")
        return EXIT_INPUT
    if len(args.files) > 2 or args.gradebook or args.summary_html:
        return _grade_class(args)
    first, second = args.files
    result: Grade | MapGrade
    if args.reference:
        result = grade_maps(load(first), load_drawn_map(second))
        text = format_map_grade(result)
    else:
        result = grade(load_exercise(first), load_answers(second))
        text = format_grade(result)
    if args.format == "json":
        # the report holds the notes too; people reading the terminal see them here
        for note in result.notes:
            _err(str(note))
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(text)
    return EXIT_OK


def _once(files: Sequence[str]) -> list[str]:
    """``files`` with each file once (a file named twice, e.g. ``a.yaml ./a.yaml``, is graded once)."""
    kept: dict[str, str] = {}
    for file in files:
        same = os.path.realpath(file)
        if same in kept:
            _err(f"argmap grade: {file} is {kept[same]} again; graded once")
        else:
            kept[same] = file
    return list(kept.values())


def _grade_class(args: argparse.Namespace) -> int:
    """Grade a whole class: answer files against an exercise, or (--reference) maps against a map."""
    from argmap.exercises import gradebook, map_gradebook
    from argmap.exercises.files import load_exercise
    from argmap.io.files import check_writable, write_atomic
    from argmap.io.formats import load

    outputs = [path for path in (args.gradebook, args.summary_html) if path is not None]
    if any(_overwrites_input(out, given) for out in outputs for given in args.files):
        return EXIT_INPUT
    for path in outputs:
        check_writable(path)
    first, rest = args.files[0], args.files[1:]
    if args.reference:
        reference = load(first)
        maps = map_gradebook.grade_map_class(reference, _once(rest))
        unusable, graded = [s.problems for s in maps.unusable], len(maps.graded)
        summary = map_gradebook.summarize_maps(maps)
        book = map_gradebook.map_gradebook_csv(maps)
        page = map_gradebook.map_summary_html(summary)
        data, text = summary.to_dict(), map_gradebook.format_map_summary(summary)
    else:
        exercise = load_exercise(first)
        answers = gradebook.grade_class(exercise, _once(rest))
        unusable, graded = [s.problems for s in answers.unusable], len(answers.graded)
        item_summary = gradebook.summarize(answers)
        book = gradebook.gradebook_csv(answers)
        page = gradebook.summary_html(item_summary)
        data, text = item_summary.to_dict(), gradebook.format_summary(item_summary)
    for problems in unusable:  # one bad file stops no other
        for problem in problems:
            _err(str(problem))
    if args.gradebook:
        write_atomic(args.gradebook, book)
        _err(f"wrote {args.gradebook} ({graded} students)")
    if args.summary_html:
        write_atomic(args.summary_html, page)
        _err(f"wrote {args.summary_html}")
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(text, end="")
    return EXIT_INPUT if unusable else EXIT_OK


def _cmd_rules(args: argparse.Namespace) -> int:
    from argmap.checks import RULES, get_rule

    if args.explain:
        with _suggesting("rule", _rule_names(), "`argmap rules` lists them"):
            print(get_rule(args.explain).explain())
        return EXIT_OK
    for found in sorted(RULES.values(), key=lambda r: r.code):
        print(f"{found.code}  {found.severity:<7}  {found.name:<28}  {found.summary}")
    return EXIT_OK


_COMMANDS = {
    "info": _cmd_info,
    "schema": _cmd_schema,
    "validate": _cmd_validate,
    "show": _cmd_show,
    "convert": _cmd_convert,
    "corpus": _cmd_corpus,
    "check": _cmd_check,
    "rules": _cmd_rules,
    "render": _cmd_render,
    "exercise": _cmd_exercise,
    "grade": _cmd_grade,
    "evaluate": _cmd_evaluate,
}


# Commands whose FILE arguments are maps: a bundled corpus's name is accepted for any of them.
_MAP_COMMANDS = frozenset({"info", "validate", "show", "convert", "check", "render", "exercise", "evaluate"})


def _corpus_names(args: argparse.Namespace) -> None:
    """Where a map file is expected, a bundled corpus's name stands for its file (`render school-phones`)."""
    reference = args.command == "grade" and getattr(args, "reference", False)  # its first file is a map
    if args.command not in _MAP_COMMANDS and not reference:
        return

    def resolve(value: str) -> str:
        if os.path.exists(value) or os.sep in value or "." in value:
            return value
        from argmap.corpora import corpus_path, list_corpora

        try:
            return str(corpus_path(value))
        except ArgmapError:
            pass
        names = [corpus.name for corpus in list_corpora()]
        if difflib.get_close_matches(value, names, n=1):  # a near miss of a corpus's name
            hint = _hint(value, names, "`argmap corpus list` lists the corpora")
            raise ArgmapError(f"{value}: no such file, nor a bundled corpus of that name ({hint})")
        return value  # reading it reports the missing file

    if reference:
        args.files[:1] = [resolve(value) for value in args.files[:1]]
        return
    if isinstance(getattr(args, "file", None), str):
        args.file = resolve(args.file)
    if isinstance(getattr(args, "files", None), list):
        args.files = [resolve(value) for value in args.files]


def run() -> None:
    """The ``argmap`` command: :func:`main`, then exit without tearing the interpreter down.

    At a normal exit Python frees every object a command made, one by one
    (the map, its model objects, the modules imported): a tenth of a second
    after drawing a 2,000-statement map, longer for larger ones. The command
    has written and closed its files by then; its output is flushed, then the
    process ends with :func:`main`'s exit code.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader of the output went away (e.g. `| head`): nothing more to say
        pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    parser = _parser(_command_of(words))
    try:
        args = parser.parse_args(words)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        if args.max_input_size is not None:
            from argmap.io.limits import Limits, get_limits, set_limits

            set_limits(Limits(**{**vars(get_limits()), "max_bytes": args.max_input_size}))
        _corpus_names(args)
        from argmap.io.notes import LoadWarning

        with warnings.catch_warnings():
            # A reader's note met through argmap.load reads as every other note does.
            warnings.simplefilter("always", LoadWarning)
            warnings.showwarning = functools.partial(_show_warning, warnings.showwarning)
            return _COMMANDS[args.command](args)
    except LoadError as err:
        _err(str(err))
        return EXIT_INPUT
    except ArgmapError as err:
        _err(f"argmap: {err}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader (e.g. `head`) went away: stop quietly, as Unix tools do
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
