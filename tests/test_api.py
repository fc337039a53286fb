"""The public namespace: what `import argmap` offers, pinned, and the one error hierarchy."""

from __future__ import annotations

import inspect
import subprocess
import sys
import types
from pathlib import Path

import pytest

import argmap
import argmap.errors
from argmap.io.files import write_atomic
from argmap.sources import read_text

PUBLIC = [
    "Anchor",
    "ArgmapError",
    "ArgumentMap",
    "Attacks",
    "Claim",
    "Contradicts",
    "Corpus",
    "Counterclaim",
    "EngineNotFoundError",
    "Equivalent",
    "Evidence",
    "ExerciseError",
    "FileError",
    "Finding",
    "Issue",
    "LoadError",
    "LoadWarning",
    "MapBuilder",
    "MapError",
    "Principle",
    "Problem",
    "PrintEngineNotFoundError",
    "RenderError",
    "SearchLimitError",
    "Section",
    "Side",
    "SourceDocument",
    "SourceTextError",
    "Supports",
    "Undercuts",
    "UnknownElementError",
    "__version__",
    "check",
    "dump",
    "dumps",
    "find_source_texts",
    "from_networkx",
    "graph",
    "list_corpora",
    "load",
    "load_corpus",
    "loads",
    "passage",
    "to_networkx",
    "validate",
    "verify_anchors",
]


def test_all_is_pinned() -> None:
    assert sorted(argmap.__all__) == sorted(PUBLIC)
    assert all(hasattr(argmap, name) for name in argmap.__all__)


def test_namespace_holds_nothing_but_the_api_and_subpackages() -> None:
    public = {n for n in dir(argmap) if not n.startswith("_")}
    extra = {n for n in public - set(argmap.__all__) if not isinstance(getattr(argmap, n), types.ModuleType)}
    assert extra == set()


def test_every_error_class_is_exported_under_one_root() -> None:
    errors = {
        name
        for name, value in vars(argmap.errors).items()
        if inspect.isclass(value) and issubclass(value, Exception)
    }
    assert errors and errors <= set(argmap.__all__)
    assert all(issubclass(getattr(argmap, name), argmap.ArgmapError) for name in errors)


def test_file_errors_carry_their_path(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.txt"
    with pytest.raises(argmap.FileError) as caught:
        write_atomic(target, "x")
    assert caught.value.path == str(target)
    with pytest.raises(argmap.SourceTextError) as read:
        read_text(tmp_path / "nope.txt")
    assert read.value.path == str(tmp_path / "nope.txt")
    assert isinstance(read.value, argmap.FileError)


def test_import_argmap_loads_neither_networkx_nor_the_drawing_or_classroom_layers() -> None:
    code = (
        "import sys, argmap\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] == 'networkx'"
        " or m.startswith(('argmap.render', 'argmap.exercises'))]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _modules_after(code: str) -> list[str]:
    probe = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return run.stderr.split()


def test_import_argmap_loads_no_model_checker_or_networkx_until_used() -> None:
    loaded = _modules_after("import argmap")
    assert not [m for m in loaded if m.split(".")[0] == "networkx"]
    assert not [m for m in loaded if m.startswith(("argmap.render", "argmap.exercises", "argmap.checks"))]
    used = _modules_after("import argmap\nargmap.load_corpus('school-phones')")
    assert "argmap.model" in used and not [m for m in used if m.split(".")[0] == "networkx"]


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_import_no_layer_of_argmap(flag: str) -> None:
    loaded = _modules_after(
        f"from argmap.cli import main\ntry:\n    main([{flag!r}])\nexcept SystemExit:\n    pass"
    )
    heavy = [
        m
        for m in loaded
        if m.startswith(("argmap.render", "argmap.exercises", "argmap.checks", "argmap.model", "argmap.io"))
        or m.split(".")[0] in ("networkx", "pydantic", "yaml")
    ]
    assert heavy == []


def test_drawing_dot_text_imports_no_graphviz_package(tmp_path: Path) -> None:
    # DOT is argmap's own text: the graphviz package is for running Graphviz's program, and costs start-up
    out = tmp_path / "phones.dot"
    loaded = _modules_after(
        f"from argmap.cli import main\nmain(['render', 'school-phones', '-o', {str(out)!r}])"
    )
    assert out.read_text(encoding="utf-8").startswith("digraph")
    assert "argmap.render" in loaded and not [m for m in loaded if m.split(".")[0] == "graphviz"]


def test_a_map_prints_short() -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    assert (
        repr(m)
        == f"ArgumentMap(id={m.id!r}, nodes={len(m.nodes)}, links={len(m.links)}, sides={len(m.sides)})"
    )
    assert str(m) == f"{m.title} ({m.id}: {len(m.nodes)} nodes, {len(m.links)} links)"
    assert len(repr(m)) < 100 and len(str(m)) < 120 and "\n" not in str(m)


def _query_map() -> argmap.ArgumentMap:
    b = argmap.MapBuilder("m", "T")
    b.side("pro", "Pro", stances={"q": "for"})
    b.side("con", "Con", stances={"q": "against"})
    b.issue("q", "Q?")
    b.claim("a", "A.", held_by="pro")
    b.claim("b", "B.", held_by="con")
    b.claim("x", "X.")
    b.supports("a", "q", id="s")
    b.attacks("b", "a", id="k")
    b.undercuts("x", "s", id="u")
    return b.build()


# Every query of argmap.graph whose answer is nodes, and how to ask it: each answers with node ids.
NODE_QUERIES = {
    "supporters": ("q",),
    "attackers": ("a",),
    "undercutters": ("s",),
    "issue_nodes": ("q",),
    "side_nodes": ("pro",),
    "neighbourhood": ("a", 1),
    "nearest_issues": ("b",),
    "bearing_on": (["q"],),
    "bears_on": (["b"],),
}


@pytest.mark.parametrize("name", sorted(NODE_QUERIES))
def test_graph_queries_answer_with_node_ids(name: str) -> None:
    m = _query_map()
    answer = getattr(argmap.graph, name)(m, *NODE_QUERIES[name])
    assert answer and all(isinstance(item, str) and m.node(item).id == item for item in answer)
    if not isinstance(answer, set):  # a tuple, in map order (supporters: in link order)
        assert isinstance(answer, tuple)
        order = [n.id for n in m.nodes]
        assert list(answer) == sorted(answer, key=order.index)


def test_graph_queries_answer_with_link_objects_where_the_answer_is_links() -> None:
    m = _query_map()
    assert argmap.graph.links_between(m, "a", "b") == (m.link("k"),)
    assert list(argmap.graph.drawn_links(m, {"q", "a", "b", "x"})) == [m.link("s"), m.link("k"), m.link("u")]


def test_graph_queries_take_one_id_as_a_string() -> None:
    m = _query_map()
    graph = argmap.graph
    assert graph.bearing_on(m, "q") == graph.bearing_on(m, ["q"]) == {"q", "a", "b", "x"}
    assert graph.bears_on(m, "b") == graph.bears_on(m, ["b"]) == {"b", "a", "q"}
    assert graph.restrict(m, "a") == graph.restrict(m, ["a"])
    with pytest.raises(argmap.UnknownElementError, match=r"no issue with id 'a' \(choose from q\)"):
        graph.issue_nodes(m, "a")


def test_one_issue_may_be_given_as_a_string_wherever_issues_are() -> None:
    from argmap.exercises import generate
    from argmap.render import RenderOptions

    m = argmap.load_corpus("school-phones")
    assert generate(m, "sort-by-side", issues="lunch", seed=1) == generate(
        m, ["sort-by-side"], issues=["lunch"], seed=1
    )
    assert RenderOptions(issues="lunch") == RenderOptions(issues=["lunch"])
    assert argmap.check(m, select="AM1") == argmap.check(m, select=["AM1"])
