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


def test_code_names_the_undercut_kind_by_its_constant() -> None:
    """``"undercuts"`` as a string in code (not prose) only where a type must spell it out (issue #10)."""
    import ast

    from tests.conftest import ROOT

    spelled: list[str] = []
    for path in sorted((ROOT / "argmap").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value == "undercuts" and id(node) not in docstrings:
                spelled.append(path.relative_to(ROOT).as_posix())
    assert sorted(set(spelled)) == [
        "argmap/exercises/vocabulary.py",  # a table of the words shown to students
        "argmap/model/elements.py",  # the discriminator: Literal["undercuts"]
        "argmap/model/fields.py",  # the Literals and UNDERCUTS itself
        "argmap/semantics/mapping.py",  # the Literal of attack origins
    ]
