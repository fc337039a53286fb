"""The exercise generators, one module per kind; importing this package registers them all."""

from argmap.exercises.kinds import (  # noqa: F401  (they register themselves)
    fill_gap,
    find_flaw,
    label_links,
    locate,
    match_principles,
    reconstruct,
    sort_by_side,
)

__all__: list[str] = []
