"""Exercises for educators: generated from any map, printed, and graded.

:func:`generate` makes an :class:`Exercise` of one or more kinds (see
:data:`KINDS`) from a map, a seed and a difficulty; the same seed gives the
same exercise, byte for byte. :func:`worksheet_html`,
:func:`worksheet_markdown` and :func:`to_gift` print it (the worksheet, or
with ``key=True`` the answer key; a Moodle GIFT quiz), :func:`to_moodle_xml`
makes a Moodle XML quiz with each diagram inside its question; :func:`grade`
scores a student's :class:`Answers` against it, :func:`grade_class` a whole
class (a CSV gradebook and a summary per item), :func:`grade_maps` a
reconstructed map against the reference map, and :func:`grade_map_class` a
whole class's maps (a gradebook and a summary per link).

The modules, one concern each: ``model`` (what an exercise is),
``vocabulary`` (the kinds it speaks of, from the model's), ``registry`` and
``kinds/`` (one generator per kind), ``common`` (tags, sub-maps, diagrams),
``generate``; ``layout`` (what a printed sheet shows, and where), ``html``,
``markdown``, ``gift``, ``moodle`` and ``outputs`` (every file by its suffix); ``files``
and ``schema`` (exercise files), ``answers`` and ``template`` (answer
files); ``grading`` (answers against the key), ``gradebook`` (a class), ``comparison`` (links and
maps by precision, recall and F1; it imports nothing of exercises), ``map_gradebook`` (a class's
maps), ``tables`` (the gradebooks' cells and pages) and ``reports`` (what a grade holds and how it reads).

Examples:
    >>> import argmap
    >>> from argmap import exercises
    >>> m = argmap.load_corpus("school-phones")
    >>> ex = exercises.generate(m, "sort-by-side", seed=1, difficulty="easy")
    >>> ex.total_points == len(ex.items)
    True
    >>> exercises.grade(ex, exercises.key_answers(ex)).percent
    100.0
"""

from argmap.exercises import kinds as _kinds  # noqa: F401  (the generators register themselves)
from argmap.exercises.answers import Answers, key_answers, load_answers
from argmap.exercises.comparison import MapGrade, grade_maps
from argmap.exercises.files import dump_exercise, load_exercise
from argmap.exercises.generate import generate, parse_difficulty
from argmap.exercises.gift import to_gift
from argmap.exercises.gradebook import (
    ClassGrade,
    ClassSummary,
    format_summary,
    grade_class,
    gradebook_csv,
    summarize,
    summary_html,
)
from argmap.exercises.grading import grade
from argmap.exercises.html import worksheet_html
from argmap.exercises.map_gradebook import MapClassGrade, grade_map_class
from argmap.exercises.markdown import worksheet_markdown
from argmap.exercises.model import (
    Choice,
    Diagram,
    Exercise,
    ExerciseKind,
    Item,
    LinkAnswer,
    Part,
    Sentence,
)
from argmap.exercises.moodle import to_moodle_xml
from argmap.exercises.registry import DIFFICULTIES, KINDS, Kind, Setting, get_kind
from argmap.exercises.reports import Grade, ItemResult, format_grade, format_map_grade
from argmap.exercises.template import answers_template

__all__ = [
    "DIFFICULTIES",
    "KINDS",
    "Answers",
    "Choice",
    "ClassGrade",
    "ClassSummary",
    "Diagram",
    "Exercise",
    "ExerciseKind",
    "Grade",
    "Item",
    "ItemResult",
    "Kind",
    "LinkAnswer",
    "MapClassGrade",
    "MapGrade",
    "Part",
    "Sentence",
    "Setting",
    "answers_template",
    "dump_exercise",
    "format_grade",
    "format_map_grade",
    "format_summary",
    "generate",
    "get_kind",
    "grade",
    "grade_class",
    "grade_map_class",
    "grade_maps",
    "gradebook_csv",
    "key_answers",
    "load_answers",
    "load_exercise",
    "parse_difficulty",
    "summarize",
    "summary_html",
    "to_gift",
    "to_moodle_xml",
    "worksheet_html",
    "worksheet_markdown",
]
