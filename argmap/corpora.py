"""The corpora bundled with argmap: list them and load one by name.

In a checkout the corpora live in the top-level ``corpora/`` folder; an
installed wheel carries them inside the package (``argmap/_corpora``). Each
corpus is a folder holding ``map.yaml`` and, for corpora whose text the team
wrote, the source text it anchors into.

Examples:
    >>> "allied-space-cooperation" in [c.name for c in list_corpora()]
    True
    >>> load_corpus("allied-space-cooperation").id
    'allied-space-cooperation'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from argmap.errors import UnknownElementError
from argmap.io.native import load
from argmap.model import ArgumentMap

__all__ = ["Corpus", "corpora_root", "corpus_path", "list_corpora", "load_corpus"]

MAP_FILE = "map.yaml"


def corpora_root() -> Path:
    """The folder that holds the bundled corpora (installed package or checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "_corpora"
    return packaged if packaged.is_dir() else here.parent / "corpora"


@dataclass(frozen=True)
class Corpus:
    """A bundled corpus: its name (folder) and the path of its map file."""

    name: str
    path: Path

    def load(self) -> ArgumentMap:
        """Load the corpus's map."""
        return load(self.path)


def list_corpora() -> list[Corpus]:
    """The bundled corpora, sorted by name."""
    root = corpora_root()
    if not root.is_dir():
        return []
    return [Corpus(d.name, d / MAP_FILE) for d in sorted(root.iterdir()) if (d / MAP_FILE).is_file()]


def corpus_path(name: str) -> Path:
    """The map file of the corpus called ``name``.

    Raises:
        UnknownElementError: no bundled corpus has that name.
    """
    for corpus in list_corpora():
        if corpus.name == name:
            return corpus.path
    names = ", ".join(c.name for c in list_corpora()) or "none"
    raise UnknownElementError(name, "bundled corpus", f"available: {names}")


def load_corpus(name: str) -> ArgumentMap:
    """Load the bundled corpus called ``name``.

    Raises:
        UnknownElementError: no bundled corpus has that name.
    """
    return load(corpus_path(name))
