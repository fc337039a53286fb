from __future__ import annotations

import importlib.util
import os
import re
import stat
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import graphviz
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError
from argmap.render import (
    EngineNotFoundError,
    RenderError,
    RenderOptions,
    available_engines,
    engines,
    find_engine,
    get_theme,
    layout,
    render,
    repr_svg,
    to_dot,
    to_graphviz,
)
from argmap.render.drawing import side_badges
from argmap.render.labels import clean
from tests.render.maps import every_element_map
from tests.strategies import maps

HAS_BUNDLED = "bundled" in available_engines()
needs_engine = pytest.mark.needs_engine  # skipped where no engine is found (tests/conftest.py)
needs_bundled = pytest.mark.skipif(
    not HAS_BUNDLED, reason="the bundled engine is not installed (pip install 'pygraphviz>=2.0.4')"
)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def no_dot_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hide any Graphviz executable: PATH holds only an empty folder."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.fixture
def no_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engines, "_pygraphviz", lambda: None)


def fake_dot(folder: Path, script: str) -> Path:
    """A program called ``dot`` in ``folder`` that runs ``script`` with this Python."""
    folder.mkdir(exist_ok=True)
    path = folder / "dot"
    path.write_text(f"#!{sys.executable}\n{script}", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


# -- choosing an engine ----------------------------------------------------------


@needs_bundled
def test_svg_without_dot_on_path_comes_from_the_bundled_engine(no_dot_on_path: None) -> None:
    assert available_engines() == ("bundled",)
    assert find_engine() == "bundled"
    svg = render(argmap.load_corpus("school-phones"), "svg")
    assert svg.lstrip().startswith(b"<?xml") and b"</svg>" in svg
    assert b"Ban phones in school" in svg


def test_no_engine_at_all_says_how_to_get_one(no_dot_on_path: None, no_bundled: None) -> None:
    assert available_engines() == ()
    with pytest.raises(EngineNotFoundError, match=r"no Graphviz layout engine found: .*pip install"):
        render(every_element_map(), "svg")
    with pytest.raises(EngineNotFoundError, match=r"dot.*PATH"):
        find_engine()


def test_dot_format_needs_no_engine(no_dot_on_path: None, no_bundled: None) -> None:
    m = every_element_map()
    assert render(m, "dot") == to_dot(m).encode("utf-8")


def test_repr_svg_is_none_without_an_engine(no_dot_on_path: None, no_bundled: None) -> None:
    assert repr_svg(every_element_map()) is None


def test_asking_for_a_missing_engine(no_dot_on_path: None, no_bundled: None) -> None:
    with pytest.raises(EngineNotFoundError) as dot:
        find_engine("dot")
    assert str(dot.value) == (
        "the dot engine is not available: Graphviz's 'dot' program is not on PATH;"
        " install Graphviz so that 'dot' is on PATH (https://graphviz.org/download/)"
    )
    with pytest.raises(EngineNotFoundError, match=r"the bundled engine is not available: pygraphviz"):
        find_engine("bundled")
    with pytest.raises(RenderError, match=r"unknown engine 'neato'"):
        find_engine("neato")  # type: ignore[arg-type]


@needs_bundled
def test_dot_missing_names_the_program_not_pygraphviz(no_dot_on_path: None) -> None:
    # pygraphviz is installed here: telling the user to install it would send them the wrong way
    with pytest.raises(EngineNotFoundError) as caught:
        render(every_element_map(), "svg", RenderOptions(engine="dot"))
    message = str(caught.value)
    assert "Graphviz's 'dot' program is not on PATH" in message and "pygraphviz" not in message
    assert message.endswith("or use the bundled engine, which is available here")


def test_bundled_missing_says_whether_pygraphviz_is_absent_or_broken(
    no_bundled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "pygraphviz" else found(name)
    )
    with pytest.raises(EngineNotFoundError, match=r"pygraphviz is not installed; pip install"):
        find_engine("bundled")
    monkeypatch.setattr(importlib.util, "find_spec", found)
    if found("pygraphviz") is not None:
        with pytest.raises(
            EngineNotFoundError, match=r"pygraphviz is installed but cannot load its Graphviz"
        ):
            find_engine("bundled")


@pytest.mark.skipif(os.name != "posix", reason="the fake 'dot' is a POSIX script")
def test_dot_on_path_is_preferred_and_run_as_a_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received = tmp_path / "received.dot"
    fake_dot(
        tmp_path / "bin",
        "import sys\n"
        f"open({str(received)!r}, 'wb').write(sys.stdin.buffer.read())\n"
        "sys.stdout.write('<svg>' + ' '.join(sys.argv[1:]) + '</svg>')\n",
    )
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert available_engines()[0] == "dot" and find_engine() == "dot"
    m = every_element_map()
    assert render(m, "svg") == b"<svg>-Kdot -Tsvg</svg>"
    assert received.read_bytes() == to_dot(m).encode("utf-8")
    assert render(m, "png", engine="dot") == b"<svg>-Kdot -Tpng</svg>"


@pytest.mark.skipif(os.name != "posix", reason="the fake 'dot' is a POSIX script")
def test_a_failing_dot_program_raises_render_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(
        tmp_path / "bin",
        "import sys\nsys.stderr.write('Error: <stdin>: syntax error in line 1\\n')\nsys.exit(1)\n",
    )
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(
        RenderError, match=r"Graphviz \(dot\) failed with exit status 1: Error: <stdin>: syntax error"
    ):
        layout("digraph {", "svg")


@pytest.mark.skipif(os.name != "posix", reason="the fake 'dot' is a POSIX script")
def test_errors_reported_by_dot_are_errors_even_with_status_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dot(
        tmp_path / "bin",
        "import sys\nsys.stderr.write('Error: mismatched tag in line 1\\n')\nprint('<svg/>')\n",
    )
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(RenderError, match=r"Graphviz \(dot\) failed: Error: mismatched tag"):
        layout("digraph { a }", "svg")


@pytest.mark.skipif(os.name != "posix", reason="the fake 'dot' is a POSIX script")
def test_warnings_of_dot_are_logged_not_printed(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_dot(
        tmp_path / "bin",
        "import sys\nsys.stderr.write('Warning: node a, port b unrecognized\\n')\nprint('<svg/>')\n",
    )
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with caplog.at_level("WARNING", logger="argmap.render"):
        assert layout("digraph { a }", "svg") == b"<svg/>\n"
    assert caplog.messages == ["Graphviz (dot): Warning: node a, port b unrecognized"]
    assert capfd.readouterr().err == ""


@pytest.mark.skipif(os.name != "posix", reason="the fake 'dot' is a POSIX script")
def test_to_graphviz_is_a_graphviz_source_laid_out_by_dot_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received = tmp_path / "received.dot"
    fake_dot(
        tmp_path / "bin",
        "import sys\n"
        f"open({str(received)!r}, 'wb').write(sys.stdin.buffer.read())\n"
        "sys.stdout.write('<svg>' + ' '.join(sys.argv[1:]) + '</svg>')\n",
    )
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    m = every_element_map()
    options = RenderOptions(theme="print", legend=True)
    source = to_graphviz(m, options)
    assert isinstance(source, graphviz.Source)
    assert source.pipe(format="svg") == b"<svg>-Kdot -Tsvg</svg>"
    assert received.read_bytes() == to_dot(m, options).encode("utf-8")
    assert render(m, "pdf", options) == b"<svg>-Kdot -Tpdf</svg>"
    assert received.read_bytes() == to_dot(m, options).encode("utf-8")


# -- the bundled engine -------------------------------------------------------------


@needs_bundled
def test_bundled_engine_reports_graphviz_errors() -> None:
    with pytest.raises(RenderError, match=r"Graphviz \(bundled\) failed: .*syntax error"):
        layout("digraph { a -> }", "svg", engine="bundled")
    with pytest.raises(RenderError, match=r"Graphviz \(bundled\) failed: Error: .*mismatched tag"):
        layout("digraph { a [label=<<B>x</I>>] }", "svg", engine="bundled")


@needs_bundled
def test_bundled_engine_keeps_stderr_clean(capfd: pytest.CaptureFixture[str]) -> None:
    layout("digraph { a -> b }", "png", engine="bundled")
    assert capfd.readouterr().err == ""


def test_unknown_format() -> None:
    with pytest.raises(RenderError, match=r"unknown format 'gif'; expected one of: svg, png, pdf, dot"):
        layout("digraph { a }", "gif")  # type: ignore[arg-type]


# -- output files --------------------------------------------------------------------


@needs_engine
@pytest.mark.parametrize(
    ("name", "magic"),
    [
        ("map.svg", b"<?xml"),
        ("map.png", b"\x89PNG\r\n\x1a\n"),
        ("map.pdf", b"%PDF-"),
        ("map.dot", b"digraph"),
    ],
)
def test_render_writes_each_format(tmp_path: Path, name: str, magic: bytes) -> None:
    written = render(every_element_map(), tmp_path / name, RenderOptions(legend=True))
    assert written == tmp_path / name
    assert written.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


@needs_engine
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_render_returns_bytes_for_a_format_name(fmt: str) -> None:
    data = render(every_element_map(), fmt)  # type: ignore[call-overload]
    assert isinstance(data, bytes) and len(data) > 100


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_rendered_files_get_ordinary_permissions(tmp_path: Path) -> None:
    written = render(every_element_map(), tmp_path / "map.dot")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(written.stat().st_mode) == 0o666 & ~mask


def test_render_to_a_file_with_an_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match=r"map\.gif: cannot tell the format from '\.gif'; use one of: "):
        render(every_element_map(), tmp_path / "map.gif")
    with pytest.raises(RenderError, match=r"cannot tell the format from 'no suffix'"):
        render(every_element_map(), "svg-but-no-suffix")


def test_render_to_an_unwritable_place(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match=r"cannot write"):
        render(every_element_map(), tmp_path / "missing-folder" / "map.dot")


@needs_engine
def test_repr_svg() -> None:
    svg = repr_svg(argmap.load_corpus("school-phones"))
    assert svg is not None and svg.lstrip().startswith("<?xml") and "Ban phones in school" in svg


@needs_engine
@pytest.mark.parametrize("theme", ["default", "print"])
def test_every_overlay_and_option_lays_out(theme: str) -> None:
    options = RenderOptions(
        theme=theme,
        labels="both",
        cluster=True,
        legend=True,
        highlight={"cost", "traffic+count", "induced--undercuts--traffic+count"},
        evaluation={"q": "undecided", "cost": "rejected", "loan": "accepted", "traffic": "rejected"},
    )
    svg = render(every_element_map(), "svg", options)
    assert b'text-decoration="line-through"' in svg


# -- what the SVG says ------------------------------------------------------------------


def node_texts(svg: bytes) -> dict[str, str]:
    """Node id -> all its text, whitespace-normalised, from Graphviz's SVG."""
    found = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        title = group.findtext(f"{SVG}title") or ""
        texts = ["".join(t.itertext()) for t in group.iter(f"{SVG}text")]
        found[title] = " ".join(" ".join(texts).split())
    return found


def expected_text(m: argmap.ArgumentMap, node: argmap.Claim, theme: str = "default") -> str:
    header = {"issue": "ISSUE", "claim": "CLAIM", "counterclaim": "COUNTERCLAIM"}
    header.update(principle="PRINCIPLE", evidence="EVIDENCE")
    badge = side_badges(m).get(node.held_by or "") if get_theme(theme).side_badges else None
    words = ([f"[{badge}]"] if badge else []) + [header[node.kind]]
    if node.held_by is not None:
        words += ["·", *clean(m.side(node.held_by).name).split()]
    words += clean(node.text).split()
    return " ".join(words)


@needs_engine
@settings(max_examples=40)
@given(maps(max_nodes=5), st.sampled_from(["default", "print"]))
def test_svg_shows_exactly_the_text_of_each_node(m: argmap.ArgumentMap, theme: str) -> None:
    options = RenderOptions(labels="text", wrap=100_000, title=False, theme=theme, legend=True)
    svg = render(m, "svg", options)
    texts = node_texts(svg)
    for node in m.nodes:
        assert texts[node.id] == expected_text(m, node, theme)  # type: ignore[arg-type]


@needs_engine
@settings(max_examples=30)
@given(maps(max_nodes=7), st.sampled_from(["LR", "RL", "TB", "BT"]), st.booleans())
def test_any_map_lays_out_in_any_direction(m: argmap.ArgumentMap, rankdir: str, clusters: bool) -> None:
    options = RenderOptions(rankdir=rankdir, cluster=clusters, legend=True, labels="both")  # type: ignore[arg-type]
    assert b"</svg>" in render(m, "svg", options)


@needs_engine
def test_svg_text_with_every_awkward_character() -> None:
    awkward = "a \"q\" 's' \\ \\\\ \\N \\G\\ <b>x</b> & &amp; &#65; ]] -- \u00a0é中🚀\u200b ⊥ \ttab\nline"
    b = argmap.MapBuilder("m", "T")
    b.side("s", "Side & <co>")
    b.claim("c", awkward, held_by="s")
    m = b.build()
    texts = node_texts(render(m, "svg", RenderOptions(labels="text", wrap=100_000)))
    assert texts["c"] == expected_text(m, m.node("c"))  # type: ignore[arg-type]
    assert re.search(r"&#65;", texts["c"])


@needs_bundled
def test_the_bundled_engine_draws_the_same_svg_twice_in_one_process(no_dot_on_path: None) -> None:
    # Labels shown short carry the full text as a tooltip, which Graphviz
    # wraps in <a> anchors numbered by a library-wide counter.
    m = argmap.load_corpus("school-phones")
    first = render(m, "svg")
    assert b'id="a_node1_0"' in first
    assert render(m, "svg") == first
