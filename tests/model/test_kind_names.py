"""The link-kind names of argmap.model.fields are the model's own kinds, each once."""

from __future__ import annotations

from argmap.model import LINK_CLASSES, LINK_KINDS, STANCE_KINDS, SYMMETRIC_KINDS
from argmap.model.fields import ATTACKS, CONTRADICTS, EQUIVALENT, SUPPORTS, UNDERCUTS

NAMED = (SUPPORTS, ATTACKS, UNDERCUTS, CONTRADICTS, EQUIVALENT)


def test_the_named_kinds_are_exactly_the_link_kinds() -> None:
    assert sorted(NAMED) == sorted(LINK_KINDS) == sorted(LINK_CLASSES)


def test_each_name_is_in_the_set_its_kind_belongs_to() -> None:
    assert {SUPPORTS, ATTACKS, UNDERCUTS} == STANCE_KINDS
    assert {CONTRADICTS, EQUIVALENT} == SYMMETRIC_KINDS
    assert LINK_CLASSES[UNDERCUTS].model_fields["kind"].default == UNDERCUTS
