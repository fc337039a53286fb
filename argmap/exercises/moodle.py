"""An exercise as a Moodle quiz that stands alone: Moodle XML with each diagram inside its question.

GIFT cannot carry images; Moodle's XML question format can. Each question
that fits a quiz (the kinds the registry marks ``quiz``, and items with at
least two choices and a wrong one, as for GIFT) becomes a ``multichoice``
question:

- its text is the item's prompt, then the item's diagram as a PNG embedded
  in the question: a ``<file name="..." path="/" encoding="base64">``
  element of the ``questiontext``, shown by ``<img src="@@PLUGINFILE@@/...">``;
  "Figure 3" in a prompt becomes "the diagram", since the quiz shows one;
- a ``choice`` item allows one answer (each right choice 100%, the others
  0%); a ``choices`` item allows several, right ones sharing 100% and each
  wrong one -100%, so that only exactly the key earns full marks;
- every option carries its own feedback, naming the options by their text,
  never by a worksheet letter (Moodle shuffles the options and does not show
  their letters): "Right: “...”." or "Not “...”: the answer is “...”.";
- the item's explanation is the general feedback, unless it names an option
  by its letter (then the options' feedback says it in words instead).

Texts are HTML inside XML: every map text is HTML-escaped, then written by
:mod:`xml.etree.ElementTree` (XML-escaped); control characters that XML 1.0
forbids are dropped. The output is deterministic: same exercise, same
drawings, same bytes.

Examples:
    >>> from argmap.exercises.model import Choice, Exercise, Item, Part
    >>> item = Item(id="1", prompt="Who holds <A>?", key=["y"], explanation="Pro holds it.",
    ...             choices=[Choice(id="y", text="Pro & co"), Choice(id="n", text="Con")])
    >>> ex = Exercise(title="Sums", map_id="sums", map_title="Sums", seed=1, difficulty=1,
    ...               parts=[Part(kind="sort-by-side", title="Sides", instructions="", items=[item])])
    >>> text = to_moodle_xml(ex)
    >>> '<question type="multichoice">' in text, "Who holds &amp;lt;A&amp;gt;?" in text
    (True, True)
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html import escape

from argmap.exercises.gift import _SHARES, _skip_reason
from argmap.exercises.model import Diagram, Exercise, Item, Part
from argmap.exercises.registry import KINDS

__all__ = ["to_moodle_xml", "xml_text"]

# XML 1.0 allows tab, line feed and carriage return among the controls, and no surrogates or U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    r"""Text as one paragraph of HTML: control characters out, ``& < >`` escaped, lines joined by ``<br>``.

    Examples:
        >>> xml_text("a < b & c\x07\nnext")
        'a &lt; b &amp; c<br>next'
    """
    lines = _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")).split("\n")
    return "<br>".join(escape(" ".join(line.split()), quote=False) for line in lines if line.strip())


def _quoted(text: str) -> str:
    return f"“{xml_text(text)}”"


def _draw_png(dot: str) -> bytes:
    from argmap.render import layout

    return layout(dot, "png")


def _html(parent: ET.Element, tag: str, html: str) -> ET.Element:
    element = ET.SubElement(parent, tag, format="html")
    ET.SubElement(element, "text").text = html
    return element


def _plain(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    ET.SubElement(element, "text").text = _NOT_XML.sub("", text)
    return element


def _prompt(item: Item, diagram: Diagram | None) -> str:
    text = item.prompt
    if diagram is not None:
        # The quiz shows the one diagram: no worksheet numbering to follow.
        cited = rf"\b(?:[Dd]iagram|Figure) {re.escape(diagram.id)}\b"
        text = re.sub(rf"(^|[.!?]\s+){cited}", r"\1The diagram", text)
        text = re.sub(cited, "the diagram", text)
    return text


def _names_an_option_by_letter(item: Item, diagram: Diagram | None) -> bool:
    """Whether the explanation cites a choice id that the diagram does not show as a tag."""
    shown = {s.id for s in diagram.statements} if diagram is not None else set()
    words = set(re.findall(r"[\w’']+", item.explanation))
    return any(c.id in words and c.id not in shown and c.id != c.text for c in item.choices)


def _label(text: str, fallback: str) -> str:
    return xml_text(text) if text.strip() else xml_text(fallback)


def _question(quiz: ET.Element, item: Item, part: Part, draw: Callable[[str], bytes]) -> None:
    diagram = next((d for d in part.diagrams if d.id == item.diagram), None)
    question = ET.SubElement(quiz, "question", type="multichoice")
    _plain(question, "name", f"Q{item.id}")
    body = f"<p>{xml_text(_prompt(item, diagram))}</p>"
    file_name = ""
    if diagram is not None:
        file_name = (
            f"q{re.sub(r'[^0-9A-Za-z]+', '-', item.id)}-{re.sub(r'[^0-9A-Za-z]+', '-', diagram.id)}.png"
        )
        alt = escape(" ".join(_NOT_XML.sub("", diagram.caption or "The diagram").split()), quote=True)
        body += f'<p><img src="@@PLUGINFILE@@/{file_name}" alt="{alt}"></p>'
    questiontext = _html(question, "questiontext", body)
    if diagram is not None:
        data = base64.b64encode(draw(diagram.dot)).decode("ascii")
        ET.SubElement(questiontext, "file", name=file_name, path="/", encoding="base64").text = data
    explanation = item.explanation.strip()
    general = "" if not explanation or _names_an_option_by_letter(item, diagram) else xml_text(explanation)
    _html(question, "generalfeedback", general)
    ET.SubElement(question, "defaultgrade").text = str(item.points)
    ET.SubElement(question, "penalty").text = "0.3333333"
    ET.SubElement(question, "hidden").text = "0"
    single = item.answer_type == "choice"
    ET.SubElement(question, "single").text = "true" if single else "false"
    ET.SubElement(question, "shuffleanswers").text = "true"
    ET.SubElement(question, "answernumbering").text = "abc"
    _html(question, "correctfeedback", "Right.")
    _html(question, "partiallycorrectfeedback", "Partly right.")
    _html(question, "incorrectfeedback", "Not right.")
    right = [c for c in item.choices if c.id in item.key]
    right_text = " and ".join(_quoted(c.text or c.id) for c in right)
    share = _SHARES[len(right)] if not single else "100"
    for choice in item.choices:
        is_right = choice.id in item.key
        fraction = share if is_right else ("0" if single else "-100")
        answer = ET.SubElement(question, "answer", fraction=fraction, format="html")
        ET.SubElement(answer, "text").text = _label(choice.text, choice.id)
        mine = _quoted(choice.text or choice.id)
        if is_right:
            feedback = f"Right: {mine}." if single else f"Yes: {mine} is one of them."
        elif single:
            feedback = f"Not {mine}: the answer is {right_text}."
        else:
            feedback = f"Not {mine}: the answers are {right_text}."
        _html(answer, "feedback", feedback)


def _category(quiz: ET.Element, ex: Exercise) -> None:
    name = re.sub(r"[^0-9A-Za-z _.-]+", "-", f"{ex.map_id} seed {ex.seed}").strip(" -") or "exercise"
    question = ET.SubElement(quiz, "question", type="category")
    _plain(question, "category", f"$course$/top/argmap/{name}")


def to_moodle_xml(ex: Exercise, *, draw: Callable[[str], bytes] | None = None) -> str:
    """The quiz-fit items of an exercise as Moodle XML, each diagram embedded in its question.

    Args:
        ex: The exercise.
        draw: Turns a diagram's DOT text into PNG bytes; by default the
            bundled Graphviz engine (:func:`argmap.render.layout`).

    Returns:
        The XML text (UTF-8 declaration, one ``<quiz>``): a category, then
        one question per item that fits a quiz. Items that do not fit are
        left out, as in :func:`argmap.exercises.to_gift`.

    Raises:
        EngineNotFoundError: a question has a diagram and no layout engine
            is available.

    Examples:
        >>> from argmap.exercises.model import Choice, Exercise, Item, Part
        >>> choices = [Choice(id="a", text="A"), Choice(id="b", text="B")]
        >>> item = Item(id="1", prompt="?", key=["a"], choices=choices)
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="sort-by-side", title="P", instructions="", items=[item])])
        >>> print(to_moodle_xml(ex).splitlines()[0])
        <?xml version='1.0' encoding='UTF-8'?>
    """
    drawer = draw or _draw_png
    quiz = ET.Element("quiz")
    _category(quiz, ex)
    for part in ex.parts:
        registered = KINDS.get(part.kind)
        if registered is not None and not registered.quiz:
            continue
        for item in part.items:
            if _skip_reason(item) is None:
                _question(quiz, item, part, drawer)
    ET.indent(quiz, space="  ")
    data: bytes = ET.tostring(quiz, encoding="UTF-8", xml_declaration=True)
    return data.decode("utf-8") + "\n"
