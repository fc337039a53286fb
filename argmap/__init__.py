"""argmap: map policy debates as typed argument graphs.

The public API is re-exported here; see the README for a tour.

Examples:
    >>> import argmap
    >>> b = argmap.MapBuilder("m", "A debate")
    >>> _ = b.claim("c", "A claim.")
    >>> argmap.loads(argmap.dumps(b.build())) == b.build()
    True
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("argmap")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0+unknown"

from argmap.builder import MapBuilder
from argmap.checks import Finding, check
from argmap.corpora import Corpus, list_corpora, load_corpus
from argmap.errors import (
    ArgmapError,
    LoadError,
    MapError,
    Problem,
    SourceTextError,
    UnknownElementError,
)
from argmap.graph import from_networkx, to_networkx
from argmap.io.formats import dump, load
from argmap.io.native import dumps, loads
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
    "Equivalent",
    "Evidence",
    "Finding",
    "Issue",
    "LoadError",
    "MapBuilder",
    "MapError",
    "Principle",
    "Problem",
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
    "list_corpora",
    "load",
    "load_corpus",
    "loads",
    "passage",
    "to_networkx",
    "validate",
    "verify_anchors",
]
