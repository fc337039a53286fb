"""Jupyter display: a map shows as its diagram, and plain ``import argmap`` does not load rendering."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import argmap
from argmap.render import available_engines, register_display, repr_svg
from tests.conftest import ROOT

# A stand-in for IPython: a shell whose SVG formatter does what IPython's does
# (a printer registered for the object's class or a base class first, else the
# object's own _repr_svg_ method).
FAKE_IPYTHON = """
class _Formatter:
    def __init__(self):
        self.printers = {}

    def for_type(self, cls, func):
        self.printers[cls] = func

    def __call__(self, obj):
        for cls in type(obj).__mro__:
            if cls in self.printers:
                return self.printers[cls](obj)
        method = getattr(obj, "_repr_svg_", None)
        return method() if callable(method) else None


class _DisplayFormatter:
    def __init__(self):
        self.formatters = {"image/svg+xml": _Formatter()}


class _Shell:
    display_formatter = _DisplayFormatter()


_shell = _Shell()


def get_ipython():
    return _shell
"""


def python(code: str, tmp_path: Path, *, with_ipython: bool) -> str:
    """Run ``code`` in a fresh interpreter (with the stand-in IPython importable when asked)."""
    paths = [str(ROOT)]
    if with_ipython:
        package = tmp_path / "fake" / "IPython"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text(FAKE_IPYTHON, encoding="utf-8")
        paths.insert(0, str(package.parent))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_plain_import_does_not_load_the_rendering_layer(tmp_path: Path) -> None:
    out = python(
        "import sys, argmap; print(sorted(m for m in sys.modules if m.startswith('argmap.render')))",
        tmp_path,
        with_ipython=False,
    )
    assert out == "[]"


def test_in_an_ipython_session_a_map_displays_as_its_diagram(tmp_path: Path) -> None:
    code = (
        "import IPython, argmap\n"
        "m = argmap.load_corpus('school-phones')\n"
        "svg = IPython.get_ipython().display_formatter.formatters['image/svg+xml'](m)\n"
        "print('none' if svg is None else svg.lstrip()[:5] + ' ' + str('Ban phones in school' in svg))\n"
    )
    expected = "<?xml True" if available_engines() else "none"
    assert python(code, tmp_path, with_ipython=True) == expected


class Formatter:
    def __init__(self) -> None:
        self.printers: dict[type, object] = {}

    def for_type(self, cls: type, func: object) -> None:
        self.printers[cls] = func


class Shell:
    def __init__(self, formatters: dict[str, Formatter]) -> None:
        self.display_formatter = type("DisplayFormatter", (), {"formatters": formatters})()


def test_register_display_sets_the_svg_printer_of_maps() -> None:
    formatter = Formatter()
    assert register_display(Shell({"image/svg+xml": formatter, "text/plain": Formatter()}))
    assert formatter.printers == {argmap.ArgumentMap: repr_svg}


def test_register_display_without_a_shell_or_an_svg_formatter() -> None:
    assert not register_display(Shell({"text/plain": Formatter()}))
    assert not register_display(object())
    if "IPython" not in sys.modules:
        assert not register_display()
