"""The kinds of node and link that exercises speak of, derived from the model's, and their words.

Every set here comes from the model's kinds (:data:`argmap.model.StanceKind`,
:data:`argmap.model.NODE_KINDS`), so that a kind added to the model is not
silently left out of an exercise's rules: a *stance* link takes a side for
or against what it points to, a *node stance* is one that points to a node
(every stance but the undercut, which points to a link), and a *statement*
is any node that is neither an issue (a question) nor a principle (a value
appealed to).

Examples:
    >>> STANCE_KINDS, NODE_STANCE_KINDS
    (('supports', 'attacks', 'undercuts'), ('supports', 'attacks'))
    >>> STATEMENT_KINDS
    ('claim', 'counterclaim', 'evidence')
    >>> STANCE_WORDS["attacks"]
    'attacks (argues against)'
    >>> STANCES_SAID
    'supports, attacks or undercuts'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import get_args

from argmap.model import NODE_KINDS, NodeKind, StanceKind
from argmap.model.fields import UNDERCUTS

__all__ = [
    "KIND_WORDS",
    "NODE_STANCE_KINDS",
    "STANCES_SAID",
    "STANCE_KINDS",
    "STANCE_WORDS",
    "STATEMENT_KINDS",
    "StanceKind",
]

#: The link kinds that take a side (the model's :data:`~argmap.model.StanceKind`), in its order.
STANCE_KINDS: tuple[StanceKind, ...] = get_args(StanceKind)

#: The stance kinds a student may write, as a worksheet lists them.
STANCES_SAID = ", ".join(STANCE_KINDS[:-1]) + " or " + STANCE_KINDS[-1]

#: The stance kinds that point to a node (an undercut points to a link).
NODE_STANCE_KINDS: tuple[StanceKind, ...] = tuple(k for k in STANCE_KINDS if k != UNDERCUTS)

#: The node kinds a student is asked about as statements of the debate, in the model's order.
STATEMENT_KINDS: tuple[NodeKind, ...] = tuple(k for k in NODE_KINDS if k not in ("issue", "principle"))

#: How a stance link kind is named to students.
STANCE_WORDS: Mapping[str, str] = {
    "supports": "supports (gives a reason for)",
    "attacks": "attacks (argues against)",
    "undercuts": "undercuts (denies that the reason counts)",
}

#: A statement's kind with its article, as a prompt names it.
KIND_WORDS: Mapping[str, str] = {
    "claim": "a claim",
    "counterclaim": "a counterclaim",
    "evidence": "a piece of evidence",
}
