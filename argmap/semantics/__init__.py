"""Argumentation semantics: which claims of a map stand, and why.

A map is read as an abstract argumentation framework (Dung 1995), with
support read as a bipolar framework (Cayrol & Lagasquie-Schiex 2005; Boella
et al. 2010); the framework is solved under grounded, complete, preferred or
stable semantics; every node gets a status and a plain-words explanation.
Frameworks can also be read from and written to the ICCMA competition
formats. See ``docs/semantics.md``.

Examples:
    >>> from argmap import MapBuilder
    >>> from argmap.semantics import evaluate
    >>> b = MapBuilder("m", "T")
    >>> for n in ("a", "b", "c"):
    ...     _ = b.claim(n, n.upper() + ".")
    >>> _ = b.attacks("a", "b")
    >>> _ = b.attacks("b", "c")
    >>> evaluate(b.build(), "grounded").status
    {'a': 'accepted', 'b': 'rejected', 'c': 'accepted'}
"""

from argmap.semantics.bipolar import READINGS, derive_attacks
from argmap.semantics.evaluate import Evaluation, evaluate
from argmap.semantics.framework import Framework
from argmap.semantics.iccma import TASKS, dumps_af, dumps_apx, load_framework, loads_af, loads_apx, solve_task
from argmap.semantics.mapping import MapFramework, build_framework
from argmap.semantics.report import evaluation_json, format_evaluation
from argmap.semantics.solvers import (
    SEMANTICS,
    extensions,
    grounded,
    grounded_labelling,
    is_credulously_accepted,
    is_sceptically_accepted,
    labellings,
    one_extension,
)

__all__ = [
    "READINGS",
    "SEMANTICS",
    "TASKS",
    "Evaluation",
    "Framework",
    "MapFramework",
    "build_framework",
    "derive_attacks",
    "dumps_af",
    "dumps_apx",
    "evaluate",
    "evaluation_json",
    "extensions",
    "format_evaluation",
    "grounded",
    "grounded_labelling",
    "is_credulously_accepted",
    "is_sceptically_accepted",
    "labellings",
    "load_framework",
    "loads_af",
    "loads_apx",
    "one_extension",
    "solve_task",
]
