"""What ``argmap evaluate`` and ``argmap render --evaluate`` do, apart from parsing arguments.

Examples:
    >>> import argmap
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "T")
    >>> _ = b.claim("a", "A.")
    >>> _ = b.claim("b", "B.")
    >>> _ = b.attacks("a", "b")
    >>> render_labels(b.build(), "grounded")
    {'a': 'accepted', 'b': 'rejected'}
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.io.files import write_atomic
from argmap.io.native import load
from argmap.model import ArgumentMap
from argmap.semantics.bipolar import READINGS
from argmap.semantics.evaluate import Status, evaluate
from argmap.semantics.framework import Framework
from argmap.semantics.iccma import dumps_af, dumps_apx, load_framework, solve_task
from argmap.semantics.report import evaluation_json, format_evaluation
from argmap.semantics.solvers import SEMANTICS

__all__ = [
    "DEFAULT_SUPPORT",
    "READINGS",
    "SEMANTICS",
    "SOLVERS",
    "evaluate_map_file",
    "render_labels",
    "solve_iccma_file",
]

DEFAULT_SUPPORT = "supported"
SOLVERS = ("search", "sat")


def evaluate_map_file(
    file: str,
    semantics: str,
    *,
    support: str = DEFAULT_SUPPORT,
    accept: Sequence[str] = (),
    remove: Sequence[str] = (),
    output_format: str = "text",
    framework_out: str | None = None,
) -> str:
    """Evaluate the map in ``file``; return the report (text or JSON).

    Args:
        file: A map file.
        semantics: The semantics.
        support: The support reading.
        accept: Nodes to assume accepted.
        remove: Nodes to remove.
        output_format: ``"text"`` or ``"json"``.
        framework_out: Also write the map's framework (with the what-if
            applied) to this file, as apx (``.apx``) or ICCMA 2023 (``.af``),
            with comments naming the arguments.

    Raises:
        ArgmapError: For a map that cannot be read, an unknown id, semantics
            or reading, or an output suffix that is neither ``.apx`` nor ``.af``.
    """
    if framework_out is not None:
        _framework_writer(framework_out)
        if Path(framework_out).resolve() == Path(file).resolve():
            raise ArgmapError(f"{framework_out}: refusing to overwrite the input file")
    result = evaluate(load(file), semantics, support=support, accepted=accept, removed=remove)
    if framework_out is not None:
        write_atomic(framework_out, _framework_writer(framework_out)(result.mf.af))
    if output_format == "json":
        return evaluation_json(result)
    return format_evaluation(result)


def _framework_writer(path: str) -> Callable[[Framework], str]:
    suffix = Path(path).suffix.lower()
    if suffix == ".apx":
        return lambda af: dumps_apx(af, aliases=True)
    if suffix == ".af":
        return lambda af: dumps_af(af, names=True)
    raise ArgmapError(f"{path}: write a framework as .apx or .af, not {suffix or 'no suffix'!r}")


def solve_iccma_file(file: str, task: str, argument: str | None = None, *, solver: str = "search") -> str:
    """Solve an ICCMA ``task`` on the framework in ``file``; return the answer line.

    Raises:
        ArgmapError: For a file that cannot be read, an unknown task, or a
            decision task without an argument of the framework.
    """
    return solve_task(load_framework(file), task, argument, solver=solver)


def render_labels(
    argument_map: ArgumentMap, semantics: str, support: str = DEFAULT_SUPPORT
) -> dict[str, Status]:
    """Node id to its evaluation status, for :class:`argmap.render.RenderOptions` ``evaluation``.

    Issues get no label: they are questions, not arguments.
    """
    return dict(evaluate(argument_map, semantics, support=support).status)
