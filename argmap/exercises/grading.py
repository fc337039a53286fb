"""Grading a student's answers against an exercise's key.

:func:`grade` never raises for a student's mistakes. An answer that cannot be
read, names a choice the item does not have, or answers an item the
exercise does not have becomes a *note* (a located
:class:`~argmap.errors.Problem`) and, for an item, the status ``invalid``
(0 points). Each item is scored on its own, so a wrong answer loses exactly
that item's points:

- ``choice``: right when the answer is one of the key's choice ids (case and
  surrounding spaces ignored): all its points, else 0. Several choices given
  where one is asked (``[R, S]``) are right when every one of them is in the
  key (an item where either is right), else wrong; never unreadable;
- ``choices``: right when the set given is exactly the key's set, else 0;
  the feedback says what was missing and what was extra. The set is a list
  (``[L2, L5]``) or a text that separates them by commas, semicolons or
  spaces (``L2, L5``, ``L2 L5``);
- ``links``: each link (``A supports C`` or ``{source: A, kind: supports,
  target: C}``) matches a key link when source, stance and target all do;
  the score is ``round(points * F1, 2)`` of precision and recall (see
  :func:`~argmap.exercises.comparison.compare_links`). A link that cannot be
  read counts as a wrong one (it lowers precision) and gets a note.

What a grade holds and how it reads is in :mod:`argmap.exercises.reports`;
comparing a reconstructed map with the reference is
:func:`argmap.exercises.comparison.grade_maps`.

Examples:
    >>> from argmap.exercises.model import Choice, Exercise, Item, Part
    >>> from argmap.exercises.answers import Answers
    >>> item = Item(id="1", prompt="L1 is a...", choices=[Choice(id="supports", text="supports"),
    ...             Choice(id="attacks", text="attacks")], key=["supports"], explanation="B argues for D.")
    >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
    ...               parts=[Part(kind="label-links", title="P", instructions="", items=[item])])
    >>> g = grade(ex, Answers(answers={"1": " Attacks"}))
    >>> g.items[0].status, g.items[0].feedback
    ('wrong', "you said 'attacks'; expected supports: B argues for D.")
    >>> grade(ex, Answers(answers={"1": "suports"})).notes[0].message
    "'suports' is not one of the choices (supports, attacks); did you mean 'supports'?"
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from argmap.errors import Problem
from argmap.exercises.answers import Answers, as_text, normalize_item_id
from argmap.exercises.comparison import StanceLink, compare_links
from argmap.exercises.model import Exercise, Item
from argmap.exercises.reports import Grade, ItemResult, Status
from argmap.exercises.vocabulary import STANCE_KINDS
from argmap.words import plural

__all__ = ["grade"]

_SEPARATORS = re.compile(r"[,;\n]")
# A choices item's ids are single words (tags, letters): "L2 L4 L5" lists three, as "L2, L4, L5" does.
_CHOICE_SEPARATORS = re.compile(r"[,;\s]+")
#: How many answers, all unfit, make a note that they may belong to another worksheet.
_MISMATCH = 3


def grade(ex: Exercise, answers: Answers) -> Grade:
    """Grade a student's answers against an exercise's key.

    Returns:
        The :class:`Grade`; every problem with the answers is a note or an
        item status, never an exception.

    Examples:
        >>> from argmap.exercises.model import Choice, Exercise, Item, Part
        >>> from argmap.exercises.answers import Answers
        >>> items = [Item(id=str(i), prompt="?", choices=[Choice(id="A", text="a"), Choice(id="B", text="b")],
        ...               key=["A"]) for i in (1, 2)]
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="sort-by-side", title="P", instructions="", items=items)])
        >>> g = grade(ex, Answers(answers={"1": "a", "3": "B"}))
        >>> [(r.item_id, r.status, r.score) for r in g.items]
        [('1', 'right', 1.0), ('2', 'unanswered', 0.0)]
        >>> [str(n) for n in g.notes]
        ['item 3: the exercise has no item 3 (items 1-2)']
    """
    by_id = {normalize_item_id(k): v for k, v in answers.answers.items()}
    notes: list[Problem] = []
    results: list[ItemResult] = []
    known: set[str] = set()
    for item in ex.items:
        item_id = normalize_item_id(item.id)
        known.add(item_id)
        results.append(_grade_item(item, item_id, by_id.get(item_id), answers, notes))
    for answered in by_id:
        if answered not in known:
            notes.append(
                answers.problem(
                    f"the exercise has no item {answered} ({_item_range(ex)})", answered, at_key=True
                )
            )
    order = {id(n): i for i, n in enumerate(notes)}
    notes.sort(key=lambda n: (n.line or 0, n.column or 0, order[id(n)]))
    given = [r for r in results if r.status != "unanswered"]
    if len(given) >= _MISMATCH and all(r.status == "invalid" for r in given):
        # not one answer fits: most likely answers to another worksheet (or another seed of this one)
        message = (
            f"none of the {len(given)} answers is one of its item's choices: were they written for"
            f" another worksheet? (this one is {ex.title!r}, seed {ex.seed})"
        )
        notes.insert(0, answers.problem(message))
    return Grade(title=ex.title, student=answers.student, items=tuple(results), notes=tuple(notes))


def _item_range(ex: Exercise) -> str:
    ids = [item.id for item in ex.items]
    if not ids:
        return "it has no items"
    if ids == [str(i) for i in range(1, len(ids) + 1)]:
        return "item 1" if len(ids) == 1 else f"items 1-{len(ids)}"
    shown = ", ".join(ids[:10]) + (", …" if len(ids) > 10 else "")
    return f"items {shown}"


def _show(raw: Any) -> str:
    """A raw answer as one line of text."""
    if raw is None:
        return ""
    if isinstance(raw, list):
        return "[" + ", ".join(_show(v) for v in raw) + "]"
    if isinstance(raw, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in raw.items()) + "}"
    return " ".join(str(raw).split())


def _what(raw: Any) -> str:
    return "a mapping" if isinstance(raw, dict) else "a list" if isinstance(raw, list) else "a value"


def _is_empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []


def _suggest(text: str, options: Iterable[str]) -> str:
    by_folded = {o.casefold(): o for o in options}
    close = difflib.get_close_matches(text.casefold(), list(by_folded), n=1)
    return f"; did you mean {by_folded[close[0]]!r}?" if close else ""


def _with_explanation(text: str, item: Item, joiner: str = ". ") -> str:
    if not item.explanation:
        return text
    return f"{text}{joiner}{item.explanation}"


class _Context:
    """What grading one item needs: the item, where its answer stands, the notes to add to."""

    def __init__(self, item: Item, item_id: str, answers: Answers, notes: list[Problem]) -> None:
        self.item, self.item_id, self.answers, self.notes = item, item_id, answers, notes
        self.choices = {c.id.casefold(): c.id for c in item.choices}

    def note(self, message: str, *inner: str | int) -> None:
        self.notes.append(self.answers.problem(message, self.item_id, *inner))

    def result(self, status: Status, given: str, score: float = 0.0, feedback: str = "") -> ItemResult:
        return ItemResult(
            item_id=self.item.id,
            points=self.item.points,
            score=score,
            status=status,
            given=given,
            expected=self.item.key_text,
            feedback=feedback,
        )

    def choice(self, text: str, *inner: str | int, what: str = "choices") -> str | None:
        """The choice id ``text`` names, or None (with a note naming ``what`` the choices are)."""
        found = self.choices.get(text.strip().casefold())
        if found is None:
            ids = [c.id for c in self.item.choices]
            self.note(
                f"{text.strip()!r} is not one of the {what} ({', '.join(ids)}){_suggest(text.strip(), ids)}",
                *inner,
            )
        return found


def _grade_item(item: Item, item_id: str, raw: Any, answers: Answers, notes: list[Problem]) -> ItemResult:
    ctx = _Context(item, item_id, answers, notes)
    raw = as_text(raw)
    if item.answer_type == "links":
        return _grade_links(ctx, raw)
    if _is_empty(raw):
        return ctx.result("unanswered", "", feedback="no answer")
    if item.answer_type == "choice":
        return _grade_choice(ctx, raw)
    return _grade_choices(ctx, raw)


def _grade_choice(ctx: _Context, raw: Any) -> ItemResult:
    item = ctx.item
    inner: tuple[int, ...] = ()
    if isinstance(raw, list) and len(raw) == 1:
        raw, inner = raw[0], (0,)
        if _is_empty(raw):
            return ctx.result("unanswered", "", feedback="no answer")
    if isinstance(raw, str) and raw.strip().casefold() not in ctx.choices:
        several = [p.strip() for p in _SEPARATORS.split(raw) if p.strip()]
        if len(several) > 1:
            raw = several
    if isinstance(raw, list):
        return _grade_several(ctx, raw)
    if not isinstance(raw, str):
        ids = ", ".join(c.id for c in item.choices)
        ctx.note(f"expected one choice id (one of: {ids}), not {_what(raw)}")
        return ctx.result("invalid", _show(raw), feedback="the answer could not be read")
    chosen = ctx.choice(raw, *inner)
    if chosen is None:
        return ctx.result("invalid", _show(raw), feedback=f"{raw.strip()!r} is not one of the choices")
    return _judge_one(ctx, chosen)


def _grade_several(ctx: _Context, raw: list[Any]) -> ItemResult:
    """Several choices where one is asked: right when every one is right (an "either is right" item)."""
    item = ctx.item
    chosen: list[str] = []
    for i, value in enumerate(raw):
        if not isinstance(value, str):
            ctx.note(f"expected one choice id, found {_what(value)}", i)
            return ctx.result("invalid", _show(raw), feedback="the answer could not be read")
        found = ctx.choice(value, i) if value.strip() else None
        if value.strip() and found is None:
            return ctx.result("invalid", _show(raw), feedback="it names a choice the item does not have")
        if found is not None and found not in chosen:
            chosen.append(found)
    given = ", ".join(c.id for c in item.choices if c.id in chosen)
    if not chosen:
        return ctx.result("unanswered", "", feedback="no answer")
    if len(chosen) == 1:
        return _judge_one(ctx, chosen[0])
    wrong = [c.id for c in item.choices if c.id in chosen and c.id not in item.key]
    if not wrong:
        return ctx.result(
            "right", given, score=float(item.points), feedback="one choice was asked; each one given is right"
        )
    said = f"one choice was asked and you gave {len(chosen)} ({given}); {' and '.join(wrong)}"
    said += f" {'is' if len(wrong) == 1 else 'are'} not right; expected {item.key_text}"
    return ctx.result("wrong", given, feedback=_with_explanation(said, item, ": "))


def _judge_one(ctx: _Context, chosen: str) -> ItemResult:
    item = ctx.item
    if chosen in item.key:
        return ctx.result("right", chosen, score=float(item.points))
    return ctx.result(
        "wrong",
        chosen,
        feedback=_with_explanation(f"you said {chosen!r}; expected {item.key_text}", item, ": "),
    )


def _grade_choices(ctx: _Context, raw: Any) -> ItemResult:
    item = ctx.item
    entries: list[tuple[str, tuple[int, ...]]] = []
    readable = True
    separators = _SEPARATORS if any(c.id.split() != [c.id] for c in item.choices) else _CHOICE_SEPARATORS
    if isinstance(raw, str):
        entries = [(p, ()) for p in separators.split(raw)]
    elif isinstance(raw, list):
        for i, value in enumerate(raw):
            if isinstance(value, str):
                entries.extend((p, (i,)) for p in separators.split(value))
            elif value is not None:
                ctx.note(
                    f"expected choice ids, found a {'mapping' if isinstance(value, dict) else 'list'}", i
                )
                readable = False
    else:
        ctx.note("expected a list of choice ids, e.g. [A, C], not a mapping")
        readable = False
    chosen: set[str] = set()
    for text, inner in entries:
        if not text.strip():
            continue
        found = ctx.choice(text, *inner)
        if found is None:
            readable = False
        else:
            chosen.add(found)
    if not readable:
        return ctx.result("invalid", _show(raw), feedback="the answer could not be read")
    if not chosen:
        return ctx.result("unanswered", "", feedback="no answer")
    order = [c.id for c in item.choices]
    given = ", ".join(c for c in order if c in chosen)
    key = set(item.key)
    if chosen == key:
        return ctx.result("right", given, score=float(item.points))
    parts = []
    missing = [c for c in order if c in key - chosen]
    extra = [c for c in order if c in chosen - key]
    if missing:
        parts.append(f"missing: {', '.join(missing)}")
    if extra:
        parts.append(f"extra: {', '.join(extra)}")
    return ctx.result("wrong", given, feedback=_with_explanation("; ".join(parts), item))


def _read_link(ctx: _Context, value: Any, inner: tuple[int, ...]) -> StanceLink | None:
    """One link from ``A supports C`` or ``{source, kind, target}``; None (with a note) if unreadable."""
    if isinstance(value, str):
        words = value.split()
        if len(words) != 3:
            ctx.note(f"cannot read the link {_show(value)!r}: write it as 'A supports C'", *inner)
            return None
        source, kind, target = words
    elif isinstance(value, dict):
        named = {str(k).strip().casefold(): v for k, v in value.items()}
        parts = [named.get(name) for name in ("source", "kind", "target")]
        if set(named) != {"source", "kind", "target"} or not all(isinstance(p, str) for p in parts):
            ctx.note(f"cannot read the link {_show(value)}: give source, kind and target", *inner)
            return None
        source, kind, target = (str(p) for p in parts)
    else:
        ctx.note(f"cannot read the link {_show(value)}: write it as 'A supports C'", *inner)
        return None
    stance = kind.strip().casefold()
    if stance not in STANCE_KINDS:
        stances = ", ".join(STANCE_KINDS)
        ctx.note(
            f"{kind.strip()!r} is not a stance ({stances}){_suggest(kind.strip(), STANCE_KINDS)}", *inner
        )
        return None
    ends = []
    for end in (source, target):
        found = ctx.choice(end, *inner, what="nodes")
        if found is None:
            return None
        ends.append(found)
    return StanceLink(ends[0], stance, ends[1])


def _grade_links(ctx: _Context, raw: Any) -> ItemResult:
    item = ctx.item
    key = [StanceLink(k.source, k.kind, k.target) for k in item.key_links]
    values: list[tuple[Any, tuple[int, ...]]] = []
    if isinstance(raw, str):
        values = [(p, ()) for p in _SEPARATORS.split(raw)]
    elif isinstance(raw, list):
        for i, value in enumerate(raw):
            pieces = _SEPARATORS.split(value) if isinstance(value, str) else [value]
            values.extend((p, (i,)) for p in pieces)
    elif raw is not None:
        values = [(raw, ())]
    links: list[StanceLink] = []
    shown: list[str] = []
    unreadable = 0
    for value, inner in values:
        if _is_empty(value):
            continue
        link = _read_link(ctx, value, inner)
        if link is None:
            unreadable += 1
            shown.append(_show(value))
        elif link not in links:
            links.append(link)
            shown.append(str(link))
    given = "; ".join(shown)
    if not links and not unreadable and (raw is None or key):
        return ctx.result("unanswered", "", feedback="no answer")
    if not links and unreadable:
        return ctx.result("invalid", given, feedback="the links could not be read")
    c = compare_links(links, key, unreadable=unreadable)
    score = round(item.points * c.f1, 2)
    status: Status = "right" if c.f1 == 1 else "partial" if c.f1 > 0 else "wrong"
    parts = []
    if c.missing:
        parts.append("missing: " + ", ".join(map(str, c.missing)))
    if c.extra:
        parts.append("extra: " + ", ".join(map(str, c.extra)))
    if c.wrong_stance:
        parts.append("wrong stance: " + ", ".join(f"{g} (should be {k.kind})" for g, k in c.wrong_stance))
    if unreadable:
        parts.append(f"{plural(unreadable, 'link')} could not be read")
    feedback = "" if status == "right" else _with_explanation("; ".join(parts), item)
    result = ctx.result(status, given, score=score, feedback=feedback)
    return replace(result, precision=c.precision, recall=c.recall, f1=c.f1)
