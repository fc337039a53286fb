"""argmap: map policy debates as typed argument graphs.

The public API is re-exported here; see the README for a tour.

Examples:
    >>> import argmap
    >>> b = argmap.MapBuilder("m", "A debate")
    >>> _ = b.claim("c", "A claim.")
    >>> argmap.loads(argmap.dumps(b.build())) == b.build()
    True
"""

import sys

from argmap import graph
from argmap._version import __version__
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
    Problem,
    RenderError,
    SourceTextError,
    UnknownElementError,
)
from argmap.io.formats import dump, load
from argmap.io.native import dumps, loads
from argmap.io.networkx_ import from_networkx, to_networkx
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
    "MapBuilder",
    "MapError",
    "Principle",
    "Problem",
    "RenderError",
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
if "IPython" in sys.modules:  # pragma: no cover - exercised in a subprocess by the render tests
    from argmap.render.jupyter import register_display

    register_display()
