"""Locate in the text: say which sentence of the source each claim comes from.

The part shows a passage of the source, split into numbered sentences
(``S1``, ``S2``... in reading order; :attr:`Part.sentences`). Each item gives
a claim, counterclaim or piece of evidence of the map (in the map's words,
usually a paraphrase) and asks which sentence it comes from; every sentence
the node's anchors overlap is a right answer.

The passage is the source sections the asked nodes' anchors lie in: an
anchor's own ``section`` when it names one, else the smallest section that
holds it, else the whole text. Sections are cut from the whole text split
into sentences, so a sentence keeps its offsets in the source.

The texts come from the setting (source id -> text, e.g. read with
:func:`argmap.find_source_texts`); a text whose SHA-256 differs from the one
the map records, or that its anchors do not fit, is refused.

A node the map's authors inferred is never asked about, even when it is
anchored (to the passage it is inferred from): no sentence states it.

Difficulty: easy asks about 4 nodes, medium 6, hard every anchored one.

Examples:
    >>> import argmap
    >>> from argmap.exercises import generate
    >>> m = argmap.load_corpus("school-phones")
    >>> ex = generate(m, "locate", seed=1, texts=argmap.find_source_texts(m))
    >>> len(ex.items), ex.items[0].key[0] in [s.id for s in ex.parts[0].sentences]
    (4, True)
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from argmap.errors import ExerciseError
from argmap.exercises.common import sample
from argmap.exercises.model import Choice, Item, Part, Sentence
from argmap.exercises.registry import Setting, kind
from argmap.exercises.vocabulary import STATEMENT_KINDS
from argmap.model import Anchor, AnyNode, ArgumentMap
from argmap.sources import verify_anchors
from argmap.words import plural

__all__ = ["ABBREVIATIONS", "locate", "split_sentences"]

_COUNTS = {1: 4, 2: 6, 3: 100_000}

#: Words that end with a full stop without ending a sentence (compared in lower case, without the stop).
ABBREVIATIONS = frozenset(
    {
        "al", "approx", "art", "ca", "cf", "co", "corp", "dept", "dr", "e.g", "eg", "esp", "est",
        "fig", "gen", "gov", "i.e", "ie", "inc", "jr", "ltd", "mr", "mrs", "ms", "mt", "no", "nos",
        "op", "p", "pp", "prof", "rep", "sen", "sr", "st", "vol", "vols", "vs", "viz",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip

# A Markdown heading, or a list item's marker (bullets, "1." or "1)").
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_ITEM = re.compile(r"[ \t]*(?:[-*+•‣◦▪]|\d{1,3}[.)])[ \t]+")
_RULE = re.compile(r"[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,})")
# The end of a sentence: stops, then closing quotes or brackets, then space.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_OPENING = "\"'“‘([¿¡"


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of headings, list items and paragraphs (markup left out), in text order."""
    blocks: list[tuple[int, int]] = []
    current: list[int] | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        start, end = offset, offset + len(line.rstrip("\r\n"))
        offset += len(line)
        body = text[start:end]
        if not body.strip() or _RULE.fullmatch(body):
            current = None
            continue
        heading = _HEADING.match(body)
        if heading:
            content = body[heading.end() :].rstrip().rstrip("#")
            blocks.append((start + heading.end(), start + heading.end() + len(content)))
            current = None
            continue
        marker = _ITEM.match(body)
        if marker:
            current = [start + marker.end(), end]
            blocks.append((current[0], current[1]))
            continue
        if current is None:
            current = [start, end]
            blocks.append((start, end))
        else:
            current[1] = end
            blocks[-1] = (current[0], end)
    return blocks


def _ends_sentence(text: str, stop: int, after: int) -> bool:
    """Whether the stops ending at ``stop`` end a sentence, the next word starting at ``after``."""
    if after < len(text) and not (text[after].isupper() or text[after].isdigit() or text[after] in _OPENING):
        return False
    word_start = stop
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in _OPENING:
        word_start -= 1
    word = text[word_start:stop]
    if not word.endswith("."):
        return True
    bare = word.rstrip(".").lower()
    if bare in ABBREVIATIONS:
        return False
    # initials and dotted abbreviations: "J.", "U.S.", "a.m."
    return not re.fullmatch(r"(?:[a-z]\.)*[a-z]", bare)


def split_sentences(text: str) -> list[tuple[int, int]]:
    r"""Split a text into sentences, as ``(start, end)`` character spans.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes
    or brackets) before a space and a capital, a digit or an opening quote,
    except after an abbreviation (``e.g.``, ``Dr.``) or initials (``U.S.``,
    ``J.``); a full stop inside a number (``3.5``) ends nothing. A blank line
    ends a sentence, and Markdown headings and list items are sentences of
    their own, without their markup (``#``, ``-``, ``•``, ``1.``). Spans leave
    out surrounding white space.

    Examples:
        >>> text = "# Title\n\nCosts rose 2.5% in the U.S. last year. Did they? Yes."
        >>> [text[s:e] for s, e in split_sentences(text)]
        ['Title', 'Costs rose 2.5% in the U.S. last year.', 'Did they?', 'Yes.']
    """
    spans: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        block = text[:end]
        begin = start
        for stop in _END.finditer(block, start):
            after = stop.end()
            while after < end and block[after].isspace():
                after += 1
            if after < end and _ends_sentence(block, stop.end() - len(stop.group().lstrip(".!?…")), after):
                spans.append((begin, stop.end()))
                begin = after
        spans.append((begin, end))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _section_span(m: ArgumentMap, anchor: Anchor, length: int) -> tuple[int, int]:
    """The span of the section an anchor lies in (declared, else the smallest holding it, else all)."""
    doc = m.document(anchor.source)
    if anchor.section is not None:
        found = doc.section(anchor.section)
        return found.start, found.end
    holding = [s for s in doc.sections if s.start <= anchor.start and anchor.end <= s.end]
    if holding:
        best = min(holding, key=lambda s: (s.end - s.start, s.start))
        return best.start, best.end
    return 0, length


def _check_texts(m: ArgumentMap, sources: list[str], texts: Mapping[str, str]) -> None:
    """Refuse a text that is not the version the map's anchors were made for."""
    problems = verify_anchors(m, {s: texts[s] for s in sources})
    if problems:
        first = problems[0]
        where = f"source {first.source!r}"
        if first.element is not None:
            where = f"{first.element!r} (anchored in source {first.source!r})"
        more = f" (and {plural(len(problems) - 1, 'more problem')})" if len(problems) > 1 else ""
        raise ExerciseError(
            f"map {m.id!r}: the text given does not fit the map: {where}: {first.message}{more}"
        )


def _anchors(node: AnyNode, texts: Mapping[str, str]) -> list[Anchor]:
    """The node's anchors into the texts at hand."""
    return [a for a in node.anchors if a.source in texts]


@kind(
    "locate",
    "Locate in the text",
    "match each claim to the sentence of the source it comes from",
    quiz=True,
    reads_sources=True,
)
def locate(setting: Setting) -> Part:
    """Items: one per anchored claim, counterclaim or evidence asked; choices: the passage's sentences."""
    m, rng, texts = setting.m, setting.rng, setting.texts
    fitting = [n for n in m.nodes if n.kind in STATEMENT_KINDS and n.anchors]
    anchored = [n for n in fitting if not n.inferred]
    if not anchored:
        which = "anchored and stated: each is inferred" if fitting else "anchored"
        raise ExerciseError(
            f"map {m.id!r}: locate needs claims, counterclaims or evidence anchored in a source text"
            f" (none in scope is {which})"
        )
    # only nodes anchored in a text at hand are asked about; with no text at all, say which to pass
    sources = sorted({a.source for n in anchored for a in n.anchors if a.source in texts})
    if not sources:
        missing = sorted({a.source for n in anchored for a in n.anchors})
        others = f" (or of {', '.join(repr(s) for s in missing[1:])})" if len(missing) > 1 else ""
        raise ExerciseError(
            f"map {m.id!r}: locate needs the source text its anchors point into: pass the text of"
            f" source {missing[0]!r}{others} (e.g. --source {missing[0]}=PATH)"
        )
    _check_texts(m, sources, texts)
    anchored = [n for n in anchored if any(a.source in texts for a in n.anchors)]
    asked = sample(rng, anchored, _COUNTS[setting.difficulty])
    spans = sorted(
        {(a.source, *_section_span(m, a, len(texts[a.source]))) for n in asked for a in _anchors(n, texts)}
    )
    sentences: list[Sentence] = []
    for source in sources:
        text = texts[source]
        wanted = [(s, e) for src, s, e in spans if src == source]
        for start, end in split_sentences(text):
            if any(start < e and s < end for s, e in wanted):
                number = f"S{len(sentences) + 1}"
                shown = " ".join(text[start:end].split())
                sentences.append(Sentence(id=number, text=shown, source=source, start=start, end=end))
    choices = tuple(Choice(id=s.id, text=s.text) for s in sentences)
    items: list[Item] = []
    for node in asked:
        key = [
            s.id
            for s in sentences
            if any(
                a.source == s.source and a.start < s.end and s.start < a.end for a in _anchors(node, texts)
            )
        ]
        if not key:
            continue
        items.append(
            Item(
                id=str(len(items) + 1),
                prompt=f"Which sentence does this {node.kind} come from? “{' '.join(node.text.split())}”",
                choices=choices,
                key=tuple(key),
                elements=(node.id,),
                explanation=f"It comes from {' and '.join(key)}.",
            )
        )
    if not items:  # pragma: no cover - every asked anchor lies in a kept section
        raise ExerciseError(f"map {m.id!r}: no anchored node falls on a sentence of its source")
    many = len(sources) > 1
    return Part(
        kind="locate",
        title="Locate in the text",
        instructions=(
            "Read the numbered sentences of the source"
            + (" texts" if many else "")
            + ". For each statement below, write the number of the sentence it comes from"
            " (S1, S2...). The statements are put in other words than the text's."
        ),
        sentences=tuple(sentences),
        items=tuple(items),
    )
