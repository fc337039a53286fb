"""The kinds exercises speak of come from the model's kinds, not from lists of their own."""

from __future__ import annotations

from typing import get_args

import pytest
from pydantic import ValidationError

from argmap.exercises.model import LinkAnswer
from argmap.exercises.vocabulary import (
    KIND_WORDS,
    NODE_STANCE_KINDS,
    STANCE_KINDS,
    STANCE_WORDS,
    STATEMENT_KINDS,
)
from argmap.model import LINK_KINDS, NODE_KINDS, SYMMETRIC_KINDS, StanceKind


def test_stance_kinds_are_the_model_link_kinds_that_are_not_symmetric() -> None:
    assert set(STANCE_KINDS) == set(LINK_KINDS) - SYMMETRIC_KINDS
    assert get_args(StanceKind) == STANCE_KINDS
    assert get_args(LinkAnswer.model_fields["kind"].annotation) == STANCE_KINDS
    assert set(NODE_STANCE_KINDS) < set(STANCE_KINDS) and "undercuts" not in NODE_STANCE_KINDS


def test_every_stance_and_statement_kind_has_its_words() -> None:
    assert set(STANCE_WORDS) == set(STANCE_KINDS)
    assert set(KIND_WORDS) == set(STATEMENT_KINDS) and set(STATEMENT_KINDS) < set(NODE_KINDS)


@pytest.mark.parametrize("kind", sorted(SYMMETRIC_KINDS))
def test_an_answer_link_takes_only_a_stance(kind: str) -> None:
    with pytest.raises(ValidationError, match="Input should be 'supports', 'attacks' or 'undercuts'"):
        LinkAnswer.model_validate({"source": "A", "kind": kind, "target": "B"})
