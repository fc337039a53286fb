"""argmap: map policy debates as typed argument graphs.

The public API is re-exported here; see the README for a tour.

Examples:
    >>> import argmap
    >>> b = argmap.MapBuilder("m", "A debate")
    >>> _ = b.claim("c", "A claim.")
    >>> argmap.loads(argmap.dumps(b.build())) == b.build()
    True
"""

import sys as _sys
from importlib import import_module as _import_module
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from argmap._version import __version__

if _TYPE_CHECKING:
    from argmap import graph
    from argmap.builder import MapBuilder
    from argmap.checks import Finding, check
    from argmap.corpora import Corpus, list_corpora, load_corpus
    from argmap.errors import (
        ArgmapError,
        EngineNotFoundError,
        ExerciseError,
        FileError,
        LoadError,
        MapError,
        PrintEngineNotFoundError,
        Problem,
        RenderError,
        SearchLimitError,
        SourceTextError,
        UnknownElementError,
    )
    from argmap.io.formats import dump, load
    from argmap.io.native import dumps, loads
    from argmap.io.networkx_ import from_networkx, to_networkx
    from argmap.io.notes import LoadWarning
    from argmap.model import (
        Anchor,
        ArgumentMap,
        Attacks,
        Claim,
        Contradicts,
        Counterclaim,
        Equivalent,
        Evidence,
        Issue,
        Principle,
        Section,
        Side,
        SourceDocument,
        Supports,
        Undercuts,
    )
    from argmap.sources import find_source_texts, passage, verify_anchors
    from argmap.validation import validate

# Where each public name lives: imported on first use, so that `import argmap` (and so every
# `argmap` command) starts without loading pydantic models, networkx or the drawing layer.
_LAZY: dict[str, str] = {
    "Anchor": "argmap.model",
    "ArgmapError": "argmap.errors",
    "ArgumentMap": "argmap.model",
    "Attacks": "argmap.model",
    "Claim": "argmap.model",
    "Contradicts": "argmap.model",
    "Corpus": "argmap.corpora",
    "Counterclaim": "argmap.model",
    "EngineNotFoundError": "argmap.errors",
    "Equivalent": "argmap.model",
    "Evidence": "argmap.model",
    "ExerciseError": "argmap.errors",
    "FileError": "argmap.errors",
    "Finding": "argmap.checks",
    "Issue": "argmap.model",
    "LoadError": "argmap.errors",
    "LoadWarning": "argmap.io.notes",
    "MapBuilder": "argmap.builder",
    "MapError": "argmap.errors",
    "Principle": "argmap.model",
    "Problem": "argmap.errors",
    "PrintEngineNotFoundError": "argmap.errors",
    "RenderError": "argmap.errors",
    "SearchLimitError": "argmap.errors",
    "Section": "argmap.model",
    "Side": "argmap.model",
    "SourceDocument": "argmap.model",
    "SourceTextError": "argmap.errors",
    "Supports": "argmap.model",
    "Undercuts": "argmap.model",
    "UnknownElementError": "argmap.errors",
    "check": "argmap.checks",
    "dump": "argmap.io.formats",
    "dumps": "argmap.io.native",
    "find_source_texts": "argmap.sources",
    "from_networkx": "argmap.io.networkx_",
    "graph": "argmap",
    "list_corpora": "argmap.corpora",
    "load": "argmap.io.formats",
    "load_corpus": "argmap.corpora",
    "loads": "argmap.io.native",
    "passage": "argmap.sources",
    "to_networkx": "argmap.io.networkx_",
    "validate": "argmap.validation",
    "verify_anchors": "argmap.sources",
}


def __getattr__(name: str) -> _Any:
    """Import a public name on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = _import_module(f"argmap.{name}") if name == "graph" else getattr(_import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, whether imported yet or not."""
    return sorted({*(n for n in globals() if not n.startswith("_") or n == "__version__"), *_LAZY})


__all__ = [
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

# In a Jupyter kernel, show maps as diagrams (the model itself knows nothing of drawing).
if "IPython" in _sys.modules:  # pragma: no cover - exercised in a subprocess by the render tests
    from argmap.render.jupyter import register_display

    register_display()
