"""The comparison of links and maps stands apart from exercises, so that it can move out of them."""

from __future__ import annotations

import ast
from pathlib import Path

import argmap.exercises.comparison as comparison


def test_comparison_imports_nothing_of_exercises() -> None:
    tree = ast.parse(Path(comparison.__file__).read_text("utf-8"))
    imported = [
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert imported, "the module imports something"
    assert not [name for name in imported if name.startswith("argmap.exercises")]
