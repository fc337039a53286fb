"""The ``argmap`` command line: a thin layer over the library.

Examples:
    >>> main(["--version"])  # doctest: +ELLIPSIS
    argmap ...
    0
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from argmap._version import __version__
from argmap.checks import RULES, SEVERITIES, Finding, check, get_rule, select_rules
from argmap.checks.report import findings_report, format_finding, format_summary_line
from argmap.corpora import corpus_path, list_corpora
from argmap.errors import ArgmapError, ExerciseError, LoadError, MapError
from argmap.exercises import KINDS, generate
from argmap.exercises.answers import load_answers
from argmap.exercises.comparison import MapGrade, grade_maps
from argmap.exercises.files import load_exercise
from argmap.exercises.grading import grade
from argmap.exercises.outputs import OUTPUTS, Output, exercise_outputs, worksheet_format
from argmap.exercises.reports import Grade, format_grade, format_map_grade
from argmap.io import formats
from argmap.io.native import dumps_data, load, to_data, write_atomic
from argmap.model import ArgumentMap
from argmap.render import FORMATS, THEMES, RenderOptions, render
from argmap.render import format_of as render_format_of
from argmap.render.engines import ENGINES
from argmap.semantics import command as semantics_command
from argmap.sources import anchor_problems, find_source_texts, passage
from argmap.summary import format_summary

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

_FORMATS = "formats: " + "; ".join(f"{f.name} ({', '.join(f.suffixes)})" for f in formats.FORMATS.values())
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Map policy debates as typed argument graphs.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    info = commands.add_parser("info", help="summarize a map: counts by kind, sides, issues")
    info.add_argument("file", help="map file (.yaml, .yml or .json)")

    commands.add_parser("schema", help="print the JSON Schema of the map format")

    source_help = "text of source ID, to verify anchors (repeatable)"
    validate = commands.add_parser(
        "validate", help="check that files are valid maps (and their anchors, given the texts)"
    )
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument(
        "--source", action="append", type=_source_option, default=[], metavar="ID=PATH", help=source_help
    )

    show = commands.add_parser("show", help="show one node or link and the passages it is anchored to")
    show.add_argument("file")
    show.add_argument("element", metavar="ID")
    show.add_argument(
        "--source", action="append", type=_source_option, default=[], metavar="ID=PATH", help=source_help
    )

    convert = commands.add_parser(
        "convert",
        help="convert a map between formats: YAML, JSON, AIF, OVA, Kialo, GraphML...",
        epilog=_FORMATS,
    )
    convert.add_argument("file")
    convert.add_argument("output", help="output file; its suffix names the format unless --to does")
    convert.add_argument("--from", dest="from_format", choices=formats.readable(), help="the input's format")
    convert.add_argument("--to", dest="to_format", choices=formats.writable(), help="the output's format")

    check = commands.add_parser(
        "check", help="check the stance links of maps for inconsistencies (ruff-style findings)"
    )
    check.add_argument(
        "files", nargs="*", metavar="FILE", help="map files in any readable format, or folders"
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
    check.add_argument("--explain", metavar="CODE", help="explain one rule and exit")

    rules = commands.add_parser("rules", help="list the check rules: code, severity, name, summary")
    rules.add_argument(
        "--explain", metavar="CODE", help="explain one rule: what it finds, an example, what to fix"
    )

    draw = commands.add_parser("render", help="draw a map as SVG, PNG, PDF or DOT")
    draw.add_argument("file")
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
    draw.add_argument("--theme", choices=sorted(THEMES), default="default")
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
    draw.add_argument(
        "--depth", type=int, default=1, metavar="K", help="links crossed from --focus (default 1)"
    )
    draw.add_argument("--hide-unconnected", action="store_true", help="leave out nodes no drawn link touches")
    draw.add_argument(
        "--with-findings",
        action="store_true",
        help="highlight the elements of the checker's error and warning findings",
    )
    draw.add_argument("--dpi", type=float, help="resolution of PNG output")
    draw.add_argument(
        "--evaluate",
        choices=semantics_command.SEMANTICS,
        metavar="SEMANTICS",
        help="draw which nodes stand under this semantics (grounded, complete, preferred, stable)",
    )

    _exercise_parser(commands)
    _evaluate_parser(commands)
    _grade_parser(commands)

    corpus = commands.add_parser("corpus", help="the bundled corpora")
    corpus_commands = corpus.add_subparsers(dest="corpus_command", metavar="ACTION", required=True)
    corpus_commands.add_parser("list", help="list the bundled corpora")
    corpus_show = corpus_commands.add_parser("show", help="summarize a bundled corpus")
    corpus_show.add_argument("name")
    corpus_path_cmd = corpus_commands.add_parser("path", help="print the path of a corpus's map file")
    corpus_path_cmd.add_argument("name")
    return parser


def _exercise_parser(commands: Any) -> None:
    kinds = ", ".join(sorted(KINDS))
    exercise = commands.add_parser(
        "exercise",
        help="make an exercise from a map: worksheet, answer key, quiz, JSON",
        description=f"Make an exercise from a map. Kinds: {kinds}.",
    )
    exercise.add_argument("file", help="map file (.yaml, .yml or .json)")
    exercise.add_argument(
        "--kind",
        action="append",
        required=True,
        choices=sorted(KINDS),
        metavar="KIND",
        help="kind of exercise (repeat for a worksheet of several parts)",
    )
    exercise.add_argument("--seed", type=int, default=0, help="the same seed gives the same exercise")
    exercise.add_argument(
        "--difficulty", default="1", metavar="D", help="1, 2 or 3 (or easy, medium, hard); default 1"
    )
    exercise.add_argument(
        "--issue", action="append", default=[], metavar="ID", help="only what bears on this issue"
    )
    exercise.add_argument("--title", help="the worksheet's title (default: the map's and the issue's)")
    exercise.add_argument(
        "--source",
        action="append",
        type=_source_option,
        default=[],
        metavar="ID=PATH",
        help="text of source ID, for the locate kind (repeatable; texts beside the map are found)",
    )
    exercise.add_argument(
        "--skip-unfit",
        action="store_true",
        help="leave out a kind the map cannot support (say why) rather than fail",
    )
    exercise.add_argument(
        "-o", "--output", dest="worksheet", metavar="OUT", help="the worksheet: .html or .md"
    )
    exercise.add_argument("--key", metavar="OUT", help="the answer key: .html or .md")
    exercise.add_argument("--gift", metavar="OUT", help="a Moodle GIFT quiz of the items that fit one")
    exercise.add_argument(
        "--matching",
        action="store_true",
        help="in the GIFT quiz, make a part whose items share their choices one matching question",
    )
    exercise.add_argument("--json", metavar="OUT", help="the exercise as JSON, to grade answers with")
    exercise.add_argument("--template", metavar="OUT", help="an answers file for students to fill in")
    exercise.add_argument(
        "--starter",
        metavar="OUT",
        help="the scope's map without its links (.yaml or .json), for students to reconstruct;"
        " grade it with `argmap grade --reference`",
    )


def _evaluate_parser(commands: Any) -> None:
    evaluate = commands.add_parser(
        "evaluate",
        help="which claims stand: argumentation semantics on a map, or an ICCMA task",
        description="Evaluate a map (`argmap evaluate FILE --semantics preferred`) or solve an ICCMA"
        " competition task (`argmap evaluate --iccma FILE.af --task SE-PR`). See docs/semantics.md.",
    )
    evaluate.add_argument("file", nargs="?", help="map file (.yaml, .yml or .json)")
    evaluate.add_argument("--semantics", default="grounded", choices=semantics_command.SEMANTICS)
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
    evaluate.add_argument("--task", help="with --iccma: SE-PR, DC-ST, DS-PR... (SE, DC, DS x GR, CO, PR, ST)")
    evaluate.add_argument("--arg", metavar="A", help="with --iccma: the argument of a DC or DS task")
    evaluate.add_argument(
        "--solver",
        choices=semantics_command.SOLVERS,
        default="search",
        help="with --iccma: sat needs argmap[sat]",
    )


def _cmd_evaluate(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.iccma is None) or (args.iccma is None) != (args.task is None):
        _err("argmap evaluate: give a map FILE, or --iccma FILE with --task")
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


def _grade_parser(commands: Any) -> None:
    grade = commands.add_parser(
        "grade",
        help="grade a student's answers (or a reconstructed map)",
        description=(
            "Grade answers against an exercise: `argmap grade exercise.json answers.yaml`;"
            " or a reconstructed map against the reference: `argmap grade --reference map.yaml student.yaml`."
        ),
    )
    grade.add_argument("files", nargs=2, metavar="FILE", help="exercise.json answers.yaml (or map files)")
    grade.add_argument(
        "--reference",
        action="store_true",
        help="the files are a reference map and a student's map: compare their links",
    )
    grade.add_argument("--format", choices=["text", "json"], default="text", help="report format")


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _cmd_info(args: argparse.Namespace) -> int:
    print(format_summary(load(args.file)))
    return EXIT_OK


def _cmd_schema(_args: argparse.Namespace) -> int:
    schema = ArgumentMap.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    supplied = dict(args.source)
    used: set[str] = set()
    for file in args.files:
        try:
            argument_map = load(file)
            own = {doc.id for doc in argument_map.sources}
            mine = {k: v for k, v in supplied.items() if k in own or len(args.files) == 1}
            used.update(mine)
            texts = find_source_texts(argument_map, mine)
            problems = anchor_problems(argument_map, texts)
        except MapError as err:
            for problem in err.problems:
                _err(str(problem))
            if err.omitted:
                _err(f"{file}: ... and {err.omitted} more problem(s)")
            status = EXIT_INPUT
            continue
        for problem in problems:
            _err(str(problem))
        if problems:
            status = EXIT_INPUT
        else:
            extra = f", anchors verified against {len(texts)} source text(s)" if texts else ""
            print(f"{file}: valid ({len(argument_map.nodes)} nodes, {len(argument_map.links)} links{extra})")
    for unused in sorted(set(supplied) - used):
        _err(f"argmap: --source {unused}=...: no map given has a source {unused!r}")
        status = EXIT_INPUT
    return status


def _cmd_show(args: argparse.Namespace) -> int:
    argument_map = load(args.file)
    element = argument_map.element(args.element)
    print(dumps_data(to_data(element)), end="")
    texts = find_source_texts(argument_map, dict(args.source))
    for index, anchor in enumerate(element.anchors):
        where = f"{anchor.source}[{anchor.start}:{anchor.end}]"
        if anchor.section:
            where += f" ({anchor.section})"
        if anchor.source in texts:
            print(f"anchor {index}: {where}\n  > {passage(anchor, texts).strip()}")
        else:
            print(f"anchor {index}: {where} (pass --source {anchor.source}=PATH to see the passage)")
    return EXIT_OK


def _overwrites_input(output: str, file: str) -> bool:
    """Whether ``output`` is the input file (and say so): argmap never overwrites an input."""
    if output != "-" and Path(output).resolve() == Path(file).resolve():
        _err(f"{output}: refusing to overwrite the input file")
        return True
    return False


def _cmd_convert(args: argparse.Namespace) -> int:
    for lost in formats.convert(args.file, args.output, args.from_format, args.to_format):
        _err(f"argmap convert: {args.output}: the format cannot hold {lost}")
    return EXIT_OK


def _cmd_corpus(args: argparse.Namespace) -> int:
    if args.corpus_command == "list":
        for corpus in list_corpora():
            print(f"{corpus.name}\t{corpus.load().title}")
        return EXIT_OK
    path = corpus_path(args.name)
    if args.corpus_command == "path":
        print(path)
    else:
        print(format_summary(load(path)))
    return EXIT_OK


def _codes(values: list[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _cmd_check(args: argparse.Namespace) -> int:
    if args.explain:
        print(get_rule(args.explain).explain())
        return EXIT_OK
    if not args.files:
        _err("argmap check: give at least one FILE (or --explain CODE)")
        return EXIT_INPUT
    select, ignore = _codes(args.select), _codes(args.ignore)
    select_rules(select, ignore)  # reject unknown codes before reading any file
    results: list[tuple[str, list[Finding]]] = []
    unread: list[str] = []  # files read not at all, or only in part
    for file in formats.expand(args.files):
        try:
            argument_map, problems, _ = formats.read(file)
        except LoadError as err:
            _err(str(err))
            unread.append(file)
            continue
        for problem in problems:
            _err(str(problem))
        if problems:
            unread.append(file)
        results.append((file, check(argument_map, select, ignore, args.min_severity)))
    if args.format == "json":
        report = findings_report(results, len(unread))
        report["unreadable"] = unread
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for file, findings in results:
            for finding in findings:
                print(format_finding(file, finding))
        print(format_summary_line(results, len(unread)))
    if unread:
        return EXIT_INPUT
    has_error = any(f.severity == "error" for _, found in results for f in found)
    return EXIT_FINDINGS if has_error else EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    if _overwrites_input(args.output, args.file):
        return EXIT_INPUT
    argument_map = load(args.file)
    highlight: set[str] = set()
    if args.with_findings:
        for finding in check(argument_map, min_severity="warning"):
            highlight.update(finding.elements)
    options = RenderOptions(
        theme=args.theme,
        label_mode=args.labels,
        wrap=args.wrap,
        rankdir=args.rankdir,
        cluster_issues=args.cluster,
        legend=args.legend,
        title=not args.no_title,
        issues=tuple(args.issue),
        sides=tuple(args.side),
        tags=tuple(args.tag),
        focus=args.focus,
        depth=args.depth,
        hide_unconnected=args.hide_unconnected,
        highlight=frozenset(highlight),
        evaluation=semantics_command.render_labels(argument_map, args.evaluate) if args.evaluate else {},
        dpi=args.dpi,
    )
    to_stdout = args.output == "-"
    fmt = args.format or ("svg" if to_stdout else render_format_of(args.output))
    data = render(argument_map, fmt, options, engine=args.engine)
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(args.output, data)
        print(f"wrote {args.output} ({fmt}, {len(data):,} bytes)")
    return EXIT_OK


# The exercise command's output options, by the output each names.
_EXERCISE_OUTPUTS: dict[Output, str] = {
    "worksheet": "-o",
    "key": "--key",
    "gift": "--gift",
    "json": "--json",
    "template": "--template",
    "starter": "--starter",
}


def _cmd_exercise(args: argparse.Namespace) -> int:
    asked = {name: getattr(args, name) for name in OUTPUTS}
    chosen: dict[Output, str] = {name: path for name, path in asked.items() if path is not None}
    inputs = [args.file, *(path for _, path in args.source)]
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
    argument_map = load(args.file)
    exercise = generate(
        argument_map,
        args.kind,
        seed=args.seed,
        difficulty=args.difficulty,
        issues=args.issue,
        texts=find_source_texts(argument_map, dict(args.source)),
        title=args.title,
        skip_unfit=args.skip_unfit,
    )
    for note in exercise.notes:
        _err(f"argmap exercise: {note}")
    if not chosen:
        print(exercise.to_json(), end="")
        return EXIT_OK
    texts = exercise_outputs(exercise, chosen, source=argument_map, matching=args.matching)
    for name, text in texts.items():
        write_atomic(chosen[name], text)
        print(f"wrote {chosen[name]}")
    return EXIT_OK


def _cmd_grade(args: argparse.Namespace) -> int:
    first, second = args.files
    result: Grade | MapGrade
    if args.reference:
        result = grade_maps(load(first), load(second))
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


def _cmd_rules(args: argparse.Namespace) -> int:
    if args.explain:
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
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
