"""A strict checker of Moodle GIFT syntax, for testing what argmap writes.

Written from the GIFT documentation and the behaviour of Moodle's importer:

- questions are separated by blank lines; lines starting with ``//`` are
  comments; a block that is only ``$CATEGORY: name`` sets the category;
- ``::title::`` may open a question; then comes the question text and at
  most one answer block ``{...}``;
- ``\\`` escapes ``~ = # { } :`` and itself, ``\\n`` is a line break; any
  other backslash, or a special character outside the answer syntax, is a
  problem here (Moodle would often take it silently, and mangle the text);
- an answer block is an essay (empty), numerical (``#...``), true/false
  (``T``, ``F``, ``TRUE``, ``FALSE``), multiple choice (any ``~``), matching
  (``=`` with ``->``) or short answer (only ``=``);
- every answer has text; a weight ``%n%`` is one of Moodle's grade
  percentages; a multiple-answer question (``~`` only) shares 100% among its
  right answers; matching has at least three pairs and no feedback.

:func:`check_gift` returns the problems found, each with its line number; an
empty list means the text is valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["GiftProblem", "check_gift"]

SPECIAL = "~=#{}:"
ESCAPABLE = SPECIAL + "\\n"

# Moodle's grade options (question_bank::fraction_options_full), as percentages.
GRADES = (
    100,
    90,
    83.33333,
    80,
    75,
    70,
    66.66667,
    60,
    50,
    40,
    33.33333,
    30,
    25,
    20,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10,
    5,
    0,
)
WEIGHT = re.compile(r"%(-?[0-9]+(?:\.[0-9]+)?)%")
NUMBER = r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"


@dataclass(frozen=True)
class GiftProblem:
    """One problem: the 1-based line it is on and what is wrong."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Token:
    """One character of a question: ``special`` when it is an unescaped GIFT character."""

    char: str
    line: int
    special: bool


def _text(tokens: list[Token]) -> str:
    return "".join(t.char for t in tokens)


def _tokens(lines: list[tuple[int, str]], problems: list[GiftProblem]) -> list[Token]:
    tokens: list[Token] = []
    for number, line in lines:
        if tokens:
            tokens.append(Token("\n", number, False))
        i = 0
        while i < len(line):
            char = line[i]
            if char == "\\":
                if i + 1 >= len(line):
                    problems.append(
                        GiftProblem(number, "a backslash ends the line (write \\\\ for a backslash)")
                    )
                elif line[i + 1] not in ESCAPABLE:
                    problems.append(
                        GiftProblem(
                            number, f"\\{line[i + 1]} is not a GIFT escape (write \\\\ for a backslash)"
                        )
                    )
                else:
                    escaped = line[i + 1]
                    tokens.append(Token("\n" if escaped == "n" else escaped, number, False))
                i += 2
                continue
            tokens.append(Token(char, number, char in SPECIAL))
            i += 1
    return tokens


def _split(tokens: list[Token], char: str) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.special and token.char == char:
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _no_specials(tokens: list[Token], where: str, problems: list[GiftProblem]) -> None:
    for token in tokens:
        if token.special:
            problems.append(
                GiftProblem(token.line, f"unescaped {token.char!r} in {where} (write \\{token.char})")
            )


def _is_grade(value: float) -> bool:
    return any(abs(abs(value) - grade) < 1e-5 for grade in GRADES)


def _answers(body: list[Token], line: int, problems: list[GiftProblem]) -> list[tuple[str, list[Token], int]]:
    """The answers of a block: (marker, tokens after it, line of the marker)."""
    found: list[tuple[str, list[Token], int]] = []
    lead: list[Token] = []
    for token in body:
        if token.special and token.char in "~=":
            found.append((token.char, [], token.line))
        elif found:
            found[-1][1].append(token)
        else:
            lead.append(token)
    if _text(lead).strip():
        problems.append(
            GiftProblem(line, f"text {_text(lead).strip()!r} before the first answer marker (= or ~)")
        )
    return found


def _weight(tokens: list[Token], line: int, problems: list[GiftProblem]) -> tuple[float | None, list[Token]]:
    """The answer's weight, if it starts with one, and its tokens after the weight."""
    text = _text(tokens)
    if not text.startswith("%"):
        return None, tokens
    found = WEIGHT.match(text)
    if found is None:
        problems.append(GiftProblem(line, f"malformed weight at {text[:12]!r} (write %50% or %-100%)"))
        return None, tokens
    value = float(found.group(1))
    if not -100 <= value <= 100:
        problems.append(GiftProblem(line, f"weight {found.group(1)}% is outside -100..100"))
    elif not _is_grade(value):
        problems.append(
            GiftProblem(line, f"weight {found.group(1)}% is not one of Moodle's grade percentages")
        )
    return value, tokens[found.end() :]


def _answer_text(
    tokens: list[Token], line: int, problems: list[GiftProblem], *, feedback: bool = True
) -> tuple[str, str]:
    """An answer's text and feedback, checking there is text and at most one feedback."""
    pieces = _split(tokens, "#")
    if len(pieces) > 2 or (pieces[1:] and not feedback):
        problems.append(GiftProblem(line, "too many unescaped '#' in an answer (write \\#)"))
    for piece in pieces:
        _no_specials(piece, "an answer", problems)
    text = _text(pieces[0]).strip()
    if not text:
        problems.append(GiftProblem(line, "an answer has no text"))
    return text, _text(pieces[1]).strip() if len(pieces) > 1 else ""


def _multichoice(answers: list[tuple[str, list[Token], int]], line: int, problems: list[GiftProblem]) -> None:
    if len(answers) < 2:
        problems.append(GiftProblem(line, "a multiple-choice question needs at least two answers"))
    positive = 0.0
    for marker, tokens, at in answers:
        if marker == "=":
            if _text(tokens).startswith("%") and WEIGHT.match(_text(tokens)):
                problems.append(GiftProblem(at, "a weight after '=' is read as answer text (write ~%n%)"))
            _answer_text(tokens, at, problems)
            continue
        weight, rest = _weight(tokens, at, problems)
        positive += max(weight or 0.0, 0.0)
        _answer_text(rest, at, problems)
    if all(marker == "~" for marker, _, _ in answers) and answers and abs(positive - 100) > 0.01:
        problems.append(
            GiftProblem(
                line, f"the right answers of a multiple-answer question share {positive:g}%, not 100%"
            )
        )


def _matching(answers: list[tuple[str, list[Token], int]], line: int, problems: list[GiftProblem]) -> None:
    pairs = 0
    for _, tokens, at in answers:
        text = _text(tokens)
        if "->" not in text:
            problems.append(GiftProblem(at, "a matching answer lacks '->'"))
            continue
        if any(t.special for t in tokens):
            _no_specials(tokens, "a matching pair (it takes no feedback)", problems)
        left, right = text.split("->", 1)
        if text.startswith("%") and WEIGHT.match(text):
            problems.append(GiftProblem(at, "a matching pair takes no weight"))
        if not right.strip():
            problems.append(GiftProblem(at, "a matching pair has nothing after '->'"))
        if left.strip():
            pairs += 1
    if pairs < 3:
        problems.append(GiftProblem(line, f"a matching question needs at least three pairs, not {pairs}"))


def _short_answer(
    answers: list[tuple[str, list[Token], int]], line: int, problems: list[GiftProblem]
) -> None:
    if not answers:
        problems.append(GiftProblem(line, "the answer block holds no answer (start each with = or ~)"))
    for _, tokens, at in answers:
        _, rest = _weight(tokens, at, problems)
        _answer_text(rest, at, problems)


def _numerical(body: list[Token], line: int, problems: list[GiftProblem]) -> None:
    rest = body[1:]
    answers = _answers(rest, line, problems) if any(t.special and t.char in "=~" for t in rest) else []
    if not answers:
        answers = [("=", rest, line)]
    for marker, tokens, at in answers:
        if marker == "~":
            continue  # feedback for any other answer
        _, after = _weight(tokens, at, problems)
        value = _text(_split(after, "#")[0]).strip()
        if not re.fullmatch(rf"{NUMBER}(:{NUMBER}|\.\.{NUMBER})?", value.replace(" ", "")):
            problems.append(GiftProblem(at, f"{value!r} is not a number, number:margin or min..max"))


def _answer_block(body: list[Token], line: int, problems: list[GiftProblem]) -> None:
    text = _text(body)
    # "####" opens the general feedback, which runs to the end of the block.
    general = None
    for i in range(len(body) - 3, -1, -1):
        if all(t.special and t.char == "#" for t in body[i : i + 4]):
            general = i
            break
    if general is not None:
        _no_specials(body[general + 4 :], "the general feedback", problems)
        body = body[:general]
        text = _text(body)
    stripped = text.strip()
    if not stripped:
        return  # an essay question
    first = next(t for t in body if not t.char.isspace())
    if first.special and first.char == "#":
        _numerical(body[body.index(first) :], line, problems)
        return
    if re.fullmatch(r"(T|F|TRUE|FALSE)", _text(_split(body, "#")[0]).strip()):
        pieces = _split(body, "#")
        if len(pieces) > 3:
            problems.append(GiftProblem(line, "a true/false answer takes at most two feedbacks"))
        for piece in pieces:
            _no_specials(piece, "a true/false answer", problems)
        return
    answers = _answers(body, line, problems)
    if any(marker == "~" for marker, _, _ in answers):
        _multichoice(answers, line, problems)
    elif answers and "->" in text:
        _matching(answers, line, problems)
    else:
        _short_answer(answers, line, problems)


def _question(lines: list[tuple[int, str]], problems: list[GiftProblem]) -> None:
    first_line = lines[0][0]
    raw = "\n".join(line for _, line in lines).strip()
    if raw.startswith("$CATEGORY:"):
        if len(lines) > 1:
            problems.append(
                GiftProblem(lines[1][0], "a $CATEGORY: line must stand alone, followed by a blank line")
            )
        name = raw[len("$CATEGORY:") :].strip()
        if not name:
            problems.append(GiftProblem(first_line, "$CATEGORY: names no category"))
        if "\\" in name or any(c in name for c in "{}~=#"):
            problems.append(
                GiftProblem(first_line, "a category name is taken verbatim: no escapes or GIFT characters")
            )
        return
    tokens = _tokens(lines, problems)
    while tokens and tokens[0].char.isspace() and not tokens[0].special:
        tokens.pop(0)
    if len(tokens) >= 2 and all(t.special and t.char == ":" for t in tokens[:2]):
        end = next(
            (
                i
                for i in range(2, len(tokens) - 1)
                if tokens[i].special and tokens[i + 1].special and tokens[i].char == tokens[i + 1].char == ":"
            ),
            None,
        )
        if end is None:
            problems.append(GiftProblem(first_line, "the title (::title::) is not closed"))
            return
        title = tokens[2:end]
        if not _text(title).strip():
            problems.append(GiftProblem(first_line, "the title is empty"))
        _no_specials(title, "the title", problems)
        tokens = tokens[end + 2 :]
    opens = [i for i, t in enumerate(tokens) if t.special and t.char == "{"]
    closes = [i for i, t in enumerate(tokens) if t.special and t.char == "}"]
    if len(opens) > 1:
        problems.append(GiftProblem(tokens[opens[1]].line, "a second '{' in one question (write \\{)"))
    if len(closes) > 1:
        problems.append(GiftProblem(tokens[closes[1]].line, "a second '}' in one question (write \\})"))
    if opens and not closes:
        problems.append(
            GiftProblem(
                tokens[opens[0]].line, "the answer block is not closed (a blank line ends a question)"
            )
        )
        return
    if closes and not opens:
        problems.append(GiftProblem(tokens[closes[0]].line, "a '}' with no '{' before it"))
        return
    if opens and closes[0] < opens[0]:
        problems.append(GiftProblem(tokens[closes[0]].line, "a '}' before the '{'"))
        return
    if not opens:
        _no_specials(tokens, "the question text", problems)
        if not _text(tokens).strip():
            problems.append(GiftProblem(first_line, "the question has no text"))
        return
    start, end = opens[0], closes[0]
    before, body, after = tokens[:start], tokens[start + 1 : end], tokens[end + 1 :]
    if not _text(before).strip():
        problems.append(GiftProblem(tokens[start].line, "the question has no text before its answers"))
    _no_specials(before, "the question text", problems)
    _no_specials(after, "the question text", problems)
    _answer_block(body, tokens[start].line, problems)


def check_gift(text: str) -> list[GiftProblem]:
    """The problems of GIFT text, in line order; empty when it is valid.

    Examples:
        >>> check_gift("::Q1::Who?{=me ~you}\\n")
        []
        >>> [str(p) for p in check_gift("Who?{=me ~}")]
        ['line 1: an answer has no text']
    """
    problems: list[GiftProblem] = []
    if "\r" in text:
        problems.append(GiftProblem(1, "carriage returns: write lines ending in \\n only"))
    block: list[tuple[int, str]] = []
    blocks: list[list[tuple[int, str]]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            block.append((number, line))
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    for found in blocks:
        kept = [(n, line) for n, line in found if not line.strip().startswith("//")]
        if kept:
            _question(kept, problems)
    return sorted(problems, key=lambda p: p.line)
