"""The exercise generators, one module per kind; importing this package registers them all."""

from argmap.exercises.kinds import sort_by_side  # noqa: F401

__all__: list[str] = []
