"""Abstract argumentation frameworks (Dung 1995) over integer-indexed adjacency.

A :class:`Framework` holds arguments ``0..n-1`` with a name each and, for
every argument, the plain Python lists of its attackers and of the arguments
it attacks. Every solver of :mod:`argmap.semantics` reads these lists and
nothing else: no graph library sits in a solver path.

Examples:
    >>> af = Framework.from_attacks(["a", "b", "c"], [(0, 1), (1, 2)])
    >>> af.attackers[2], af.attacked[0]
    ([1], [1])
    >>> af.index("c")
    2
    >>> len(af), af.n_attacks
    (3, 2)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from argmap._perf import paused_gc
from argmap.errors import UnknownElementError

__all__ = ["Framework"]


@dataclass(frozen=True, eq=False)
class Framework:
    """An abstract argumentation framework: named arguments and an attack relation.

    Attributes:
        names: The name of each argument; argument ``i`` is ``names[i]``.
        attackers: ``attackers[i]`` lists the arguments that attack ``i``.
        attacked: ``attacked[i]`` lists the arguments that ``i`` attacks.
    """

    names: tuple[str, ...]
    attackers: list[list[int]]
    attacked: list[list[int]]

    @classmethod
    def from_attacks(cls, names: Sequence[str], attacks: Iterable[tuple[int, int]]) -> Framework:
        """Build a framework from argument names and ``(attacker, target)`` index pairs.

        A pair given twice is kept once.

        Args:
            names: One name per argument, distinct.
            attacks: Pairs of argument indexes.

        Returns:
            The framework.

        Raises:
            ValueError: When names repeat or an index is out of range.

        Examples:
            >>> Framework.from_attacks(["a", "b"], [(0, 1), (0, 1), (1, 1)]).attackers
            [[], [0, 1]]
        """
        n = len(names)
        if len(set(names)) != n:
            raise ValueError("argument names must be distinct")
        with paused_gc():  # hundreds of thousands of lists, none in a cycle
            pairs = list(dict.fromkeys(attacks))
            if pairs and (min(map(min, pairs)) < 0 or max(map(max, pairs)) >= n):
                bad = next(p for p in pairs if not (0 <= p[0] < n and 0 <= p[1] < n))
                raise ValueError(f"attack {bad} names no argument (there are {n})")
            attackers: list[list[int]] = [[] for _ in range(n)]
            attacked: list[list[int]] = [[] for _ in range(n)]
            for source, target in pairs:
                attackers[target].append(source)
            for source, target in pairs:
                attacked[source].append(target)
        return cls(tuple(names), attackers, attacked)

    def __len__(self) -> int:
        """The number of arguments."""
        return len(self.names)

    @property
    def n_attacks(self) -> int:
        """The number of attacks (pairs)."""
        return sum(len(a) for a in self.attacked)

    def attacks(self) -> list[tuple[int, int]]:
        """Every attack as an ``(attacker, target)`` pair, sorted.

        Examples:
            >>> Framework.from_attacks(["a", "b"], [(1, 0), (0, 1)]).attacks()
            [(0, 1), (1, 0)]
        """
        return sorted((s, t) for s, targets in enumerate(self.attacked) for t in targets)

    def index(self, name: str) -> int:
        """The index of the argument called ``name``.

        Raises:
            UnknownElementError: When no argument has that name.

        Examples:
            >>> Framework.from_attacks(["a"], []).index("b")
            Traceback (most recent call last):
            ...
            argmap.errors.UnknownElementError: no argument with id 'b'
        """
        try:
            return self._positions()[name]
        except KeyError:
            raise UnknownElementError(name, "argument") from None

    def _positions(self) -> dict[str, int]:
        cached: dict[str, int] | None = self.__dict__.get("_position_cache")
        if cached is None:
            cached = {name: i for i, name in enumerate(self.names)}
            object.__setattr__(self, "_position_cache", cached)
        return cached

    def without(self, removed: Iterable[int] = (), unattacked: Iterable[int] = ()) -> Framework:
        """A copy with ``removed`` arguments taken out and the attacks on ``unattacked`` dropped.

        This is the "what if" of :mod:`argmap.semantics.whatif`: a removed
        argument no longer exists (nor do its attacks); an argument assumed
        accepted keeps its attacks but nothing attacks it any more. Indexes
        of the arguments that remain are renumbered in order.

        Examples:
            >>> af = Framework.from_attacks(["a", "b", "c"], [(0, 1), (1, 2), (2, 0)])
            >>> smaller = af.without(removed=[0], unattacked=[2])
            >>> smaller.names, smaller.attacks()
            (('b', 'c'), [])
        """
        gone = set(removed)
        free = set(unattacked)
        keep = [i for i in range(len(self)) if i not in gone]
        new_index = {old: new for new, old in enumerate(keep)}
        pairs = [
            (new_index[s], new_index[t])
            for s in keep
            for t in self.attacked[s]
            if t in new_index and t not in free
        ]
        return Framework.from_attacks([self.names[i] for i in keep], pairs)
