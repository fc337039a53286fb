"""Source texts: find them, check them against the map, and show anchored passages.

A map records, for each source document, the SHA-256 of its text; anchors
point into that text by character offsets. Given the texts (supplied by the
user, or found at a source's ``path`` beside the map), :func:`verify_anchors`
reports every anchor that no longer matches, and :func:`passage` shows what
an anchor points at.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> text = "Cats purr. Dogs bark."
    >>> b = MapBuilder("m", "T")
    >>> _ = b.source("doc", "Pets", sha256=sha256_text(text))
    >>> _ = b.claim("c", "Dogs make noise.", anchors=[
    ...     {"source": "doc", "start": 11, "end": 21, "quote": "Dogs bark."}])
    >>> m = b.build()
    >>> passage(m.node("c").anchors[0], {"doc": text})
    'Dogs bark.'
    >>> verify_anchors(m, {"doc": "Cats purr. Dogs growl."})[0].message
    'text does not match the recorded SHA-256: it is not the version the anchors were made for'
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import LoadError, Problem, SourceTextError
from argmap.io.limits import Limits
from argmap.io.located import read_input
from argmap.locations import locate, origin_of
from argmap.model import Anchor, ArgumentMap

__all__ = [
    "AnchorProblem",
    "anchor_problems",
    "find_source_texts",
    "passage",
    "read_text",
    "sha256_text",
    "verify_anchors",
]


def sha256_text(text: str) -> str:
    """The SHA-256 (hex) of a text encoded as UTF-8, as recorded in ``sources``.

    Examples:
        >>> sha256_text("")[:12]
        'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text(path: str | os.PathLike[str], limits: Limits | None = None) -> str:
    """Read a source document as UTF-8, exactly (no newline translation), within the size limit.

    Raises:
        SourceTextError: the file cannot be read, is too large or is not UTF-8.
    """
    name = os.fspath(path)
    try:
        raw = read_input(name, limits)  # the readers' bounded read: folders refused, devices cut short
    except LoadError as err:
        raise SourceTextError(f"source text {err.problems[0]}", path=path) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        message = f"{name}: source text is not UTF-8 (byte {err.start})"
        raise SourceTextError(message, path=path) from None


def confined_path(
    argument_map: ArgumentMap, source_id: str, roots: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """The file a map's source ``path`` names, checked to be a regular file inside an allowed folder.

    A map may name its source texts only by relative paths that lead, after
    symbolic links, to regular files inside the map's own folder or one of
    ``roots`` (folders the user names on the command line). A map from a
    stranger thus cannot make argmap read ``/proc/self/environ``, ``/dev/zero``
    or a file beside the user's other work.

    Raises:
        SourceTextError: the path is absolute, leaves the allowed folders, or
            is not a regular file; located at the map's ``path`` field.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> confined_path(m, "text").name
        'source.md'
    """
    doc = argument_map.document(source_id)
    if doc.path is None:
        raise SourceTextError(f"source {source_id!r} names no path")
    origin = origin_of(argument_map)
    base = Path(origin.path).parent if origin else Path.cwd()
    where = _where(argument_map, source_id)
    if Path(doc.path).is_absolute():
        raise SourceTextError(
            f"{where}source {source_id!r}: path {doc.path!r} must be relative to the map's folder"
        )
    allowed = [base.resolve(), *(Path(r).resolve() for r in roots)]
    target = (base / doc.path).resolve()
    if not any(target == root or root in target.parents for root in allowed):
        raise SourceTextError(
            f"{where}source {source_id!r}: path {doc.path!r} leads outside the map's folder"
            " (name another folder with --source-root, or give the text with --source)"
        )
    try:
        mode = target.stat().st_mode
    except OSError as err:
        raise SourceTextError(
            f"{where}source {source_id!r}: cannot read {doc.path!r}: {err.strerror or err}"
        ) from None
    if not stat.S_ISREG(mode):
        raise SourceTextError(f"{where}source {source_id!r}: {doc.path!r} is not a regular file")
    return target


def _where(argument_map: ArgumentMap, source_id: str) -> str:
    """``map.yaml:12:11: `` for the ``path`` of source ``source_id``, as far as it is known."""
    origin = origin_of(argument_map)
    if origin is None:
        return ""
    index = next(i for i, doc in enumerate(argument_map.sources) if doc.id == source_id)
    position = origin.positions.get(("sources", index, "path")) or origin.positions.get(("sources", index))
    return f"{origin.path}:{position[0]}:{position[1]}: " if position else f"{origin.path}: "


def find_source_texts(
    argument_map: ArgumentMap,
    supplied: Mapping[str, str | os.PathLike[str]] | None = None,
    *,
    roots: Iterable[str | os.PathLike[str]] = (),
) -> dict[str, str]:
    """Read the texts of the map's sources that can be found.

    A text is taken from ``supplied`` (source id -> path, the user's choice)
    first, else from the source's ``path``, relative to the map file's folder
    and confined to it (or to one of ``roots``, see :func:`confined_path`).
    Sources with neither are left out.

    Raises:
        SourceTextError: a supplied id is not a source of the map, a path
            leaves the allowed folders, or a file cannot be read.
    """
    supplied = dict(supplied or {})
    known = {doc.id for doc in argument_map.sources}
    for source_id in supplied:
        if source_id not in known:
            raise SourceTextError(
                f"--source {source_id}=...: the map has no source {source_id!r}"
                f" (its sources: {', '.join(sorted(known)) or 'none'})"
            )
    texts: dict[str, str] = {}
    for doc in argument_map.sources:
        if doc.id in supplied:
            texts[doc.id] = read_text(supplied[doc.id])
        elif doc.path is not None:
            texts[doc.id] = read_text(confined_path(argument_map, doc.id, roots))
    return texts


@dataclass(frozen=True)
class AnchorProblem:
    """An anchor (or a whole source text) that does not match the map.

    ``element`` is the node or link id and ``index`` the anchor's position in
    its ``anchors`` list; both are None for a problem with a whole source.
    """

    source: str
    message: str
    element: str | None = None
    index: int | None = None


def passage(anchor: Anchor, texts: Mapping[str, str]) -> str:
    """The text an anchor points at.

    Raises:
        SourceTextError: the anchor's source text is not in ``texts``.
    """
    try:
        return texts[anchor.source][anchor.start : anchor.end]
    except KeyError:
        raise SourceTextError(
            f"no text for source {anchor.source!r}: pass --source {anchor.source}=PATH"
        ) from None


def verify_anchors(argument_map: ArgumentMap, texts: Mapping[str, str]) -> list[AnchorProblem]:
    """Check the given source texts and every anchor into them.

    A text whose SHA-256 differs from the recorded one is reported once.
    Each anchor must lie inside its text, and its ``quote``, when it has one,
    must equal the passage; when it does not, the problem says where the
    quote is found now, if anywhere.
    """
    problems: list[AnchorProblem] = []
    for doc in argument_map.sources:
        text = texts.get(doc.id)
        if text is not None and doc.sha256 is not None and sha256_text(text) != doc.sha256:
            problems.append(
                AnchorProblem(
                    doc.id,
                    "text does not match the recorded SHA-256:"
                    " it is not the version the anchors were made for",
                )
            )
    elements = [*argument_map.nodes, *argument_map.links]
    for element in elements:
        for index, anchor in enumerate(element.anchors):
            text = texts.get(anchor.source)
            if text is None:
                continue
            element_id = str(element.id)
            if anchor.end > len(text):
                problems.append(
                    AnchorProblem(
                        message=f"span {anchor.start}..{anchor.end} runs past the end of the text"
                        f" ({len(text)} characters)",
                        element=element_id,
                        index=index,
                        source=anchor.source,
                    )
                )
                continue
            found = text[anchor.start : anchor.end]
            if anchor.quote is not None and found != anchor.quote:
                moved = text.find(anchor.quote)
                hint = (
                    f"; the quote is now at {moved}..{moved + len(anchor.quote)}"
                    if moved >= 0
                    else "; the quote is nowhere in the text"
                )
                problems.append(
                    AnchorProblem(
                        message=f"span {anchor.start}..{anchor.end} reads {_clip(found)!r},"
                        f" not the quote {_clip(anchor.quote)!r}{hint}",
                        element=element_id,
                        index=index,
                        source=anchor.source,
                    )
                )
    return problems


def anchor_problems(argument_map: ArgumentMap, texts: Mapping[str, str]) -> list[Problem]:
    """The problems of :func:`verify_anchors` as located problems: each at its anchor in the map's file.

    A problem with a whole source text names the source; one with an anchor
    names its element and the anchor's index, at the anchor's line and
    column when the map came from a file.

    Examples:
        >>> import argmap
        >>> m = argmap.validate({"id": "m", "title": "T",
        ...     "sources": [{"id": "t", "title": "Text"}],
        ...     "nodes": [{"id": "a", "kind": "claim", "text": "A.",
        ...                "anchors": [{"source": "t", "start": 0, "end": 9}]}]})
        >>> [str(p) for p in anchor_problems(m, {"t": "Short."})]
        ["claim 'a': anchor 0: span 0..9 runs past the end of the text (6 characters)"]
    """
    origin = origin_of(argument_map)
    path = origin.path if origin else None
    problems = []
    for issue in verify_anchors(argument_map, texts):
        if issue.element is None:
            problems.append(Problem(issue.message, path=path, element=f"source {issue.source!r}"))
            continue
        where = locate(argument_map, issue.element, "anchors", issue.index or 0)
        line, column = (where[1], where[2]) if where else (None, None)
        problems.append(
            Problem(
                f"anchor {issue.index}: {issue.message}",
                path=path,
                line=line,
                column=column,
                element=argument_map.describe(issue.element),
            )
        )
    return problems


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
