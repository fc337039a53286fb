"""The package's layering, read from the source: data flows one way (see the README's architecture)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "argmap"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(name: str, *, top_level_only: bool = False) -> set[str]:
    """The argmap modules ``name`` imports (functions' imports too, unless top_level_only)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import | ast.ImportFrom) and not (top_level_only and in_function):
                if isinstance(child, ast.Import):
                    targets = [alias.name for alias in child.names]
                else:
                    base = child.module or ""
                    if child.level:
                        parent = package.split(".")
                        parent = parent[: len(parent) - child.level + 1]
                        base = ".".join([*parent, base]) if base else ".".join(parent)
                    # `from pkg import mod` imports the module; `from mod import name` the module
                    targets = [
                        f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                        for alias in child.names
                    ]
                found.update(t for t in targets if t in MODULES)
            visit(child, nested)

    visit(tree, False)
    found.discard(name)
    found.discard("argmap")  # the root package: initialised before any of its modules anyway
    return found


def under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_the_layering_reads_the_modules() -> None:
    # guards the test itself: it must see the imports it is meant to forbid
    assert "argmap.model" in imports("argmap.graph")
    assert "argmap.errors" in imports("argmap.model.maps")
    assert any(under(m, "argmap.render") for m in imports("argmap.cli"))


def test_model_imports_only_errors() -> None:
    outside = {t for name in MODULES if under(name, "argmap.model") for t in imports(name)}
    assert {t for t in outside if not under(t, "argmap.model")} <= {"argmap.errors"}


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("argmap.graph", ("argmap.render", "argmap.checks", "argmap.exercises", "argmap.cli")),
        ("argmap.checks", ("argmap.render", "argmap.exercises", "argmap.cli")),
        ("argmap.render", ("argmap.checks", "argmap.exercises", "argmap.cli")),
        ("argmap.exercises", ("argmap.checks.context", "argmap.render.select", "argmap.cli")),
        ("argmap.io", ("argmap.render", "argmap.checks", "argmap.exercises", "argmap.cli")),
        ("argmap.validation", ("argmap.io", "argmap.render", "argmap.checks", "argmap.exercises")),
    ],
)
def test_layers_do_not_import_upwards(layer: str, forbidden: tuple[str, ...]) -> None:
    offenders = sorted(
        f"{name} imports {target}"
        for name in MODULES
        if under(name, layer)
        for target in imports(name)
        if any(under(target, f) for f in forbidden) and (name, target) not in EXCEPTIONS
    )
    assert offenders == []


# The few imports across layers that are meant, each inside the one function that needs it.
EXCEPTIONS = {
    # RenderOptions(with_findings=True) highlights what the checker finds, as `render --with-findings` does
    ("argmap.render.findings", "argmap.checks"),
}


def test_the_exceptions_import_only_when_called() -> None:
    for name, target in EXCEPTIONS:
        assert target in imports(name) and target not in imports(name, top_level_only=True)


def transitive(name: str) -> set[str]:
    seen: set[str] = set()
    stack = [name]
    while stack:
        for target in imports(stack.pop(), top_level_only=True):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def test_no_module_of_io_imports_a_module_that_imports_io() -> None:
    offenders = sorted(
        f"{name} -> {target}"
        for name in MODULES
        if under(name, "argmap.io")
        for target in imports(name)
        if not under(target, "argmap.io") and any(under(t, "argmap.io") for t in transitive(target))
    )
    assert offenders == []


def test_no_import_cycles() -> None:
    graph = {name: imports(name, top_level_only=True) for name in MODULES}
    cycles = []
    for name in MODULES:
        # a package importing its own submodules is how it re-exports them, not a cycle
        if any(name in transitive(t) and not under(t, name) for t in graph[name] if not under(t, name)):
            cycles.append(name)
    assert cycles == []
