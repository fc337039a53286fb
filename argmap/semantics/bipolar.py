"""Attacks derived from support in a bipolar framework.

A bipolar framework has two relations over the same arguments: attack
(``def`` in Cayrol & Lagasquie-Schiex 2005) and support (``sup``). Its
acceptable arguments are those of the Dung framework whose attacks are the
direct attacks plus the attacks *derived* through support. Which attacks are
derived is the support reading:

- ``none``: support adds no attack;
- ``supported``: Cayrol & Lagasquie-Schiex 2005, Definition 3, exactly:
  a *supported defeat* ``A1 sup ... sup An-1 def An`` (n >= 3) makes ``A1``
  attack ``An``; an *indirect defeat* ``A1 def A2 sup ... sup An`` (n >= 3)
  makes ``A1`` attack ``An`` (renamed *secondary attack* in Cayrol &
  Lagasquie-Schiex 2013);
- ``mediated``: the same, plus Boella et al. 2010's *mediated attack*:
  ``A1 sup ... sup An-1`` and ``An def An-1`` (n >= 3) make ``An`` attack ``A1``
  (whoever attacks a conclusion attacks what supports it).

Each derivation starts from one *direct* attack: derived attacks are never
chained into further derivations, and a chain that mixes support before and
after the attack (``a sup b def c sup d``) derives ``a def c`` and ``b def d``
but never ``a def d``.

Examples:
    >>> derived = derive_attacks(4, attacks=[(1, 2)], supports=[(0, 1), (2, 3)], reading="supported")
    >>> sorted(derived)
    [(0, 2), (1, 3)]
    >>> derived[0, 2].kind, derived[0, 2].chain
    ('supported', (0, 1, 2))
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

from argmap.errors import ArgmapError

__all__ = ["READINGS", "Derivation", "SupportReading", "check_reading", "derive_attacks"]

SupportReading: TypeAlias = Literal["none", "supported", "mediated"]
READINGS: tuple[str, ...] = get_args(SupportReading)


@dataclass(frozen=True)
class Derivation:
    """How one derived attack comes about.

    Attributes:
        kind: ``"supported"``, ``"indirect"`` or ``"mediated"``.
        chain: The arguments ``A1 ... An`` of the defining sequence, in the
            order of the definition (for a mediated attack, ``A1`` is the
            supporter that is attacked and ``An`` the attacker).
    """

    kind: Literal["supported", "indirect", "mediated"]
    chain: tuple[int, ...]


def check_reading(name: str) -> SupportReading:
    """Return ``name`` if it names a support reading, else raise :class:`ArgmapError`.

    Examples:
        >>> check_reading("mediated")
        'mediated'
        >>> check_reading("deductive")
        Traceback (most recent call last):
        ...
        argmap.errors.ArgmapError: unknown support reading 'deductive' (choose none, supported, mediated)
    """
    if name not in READINGS:
        raise ArgmapError(f"unknown support reading {name!r} (choose {', '.join(READINGS)})")
    return name  # type: ignore[return-value]


def _paths(start: int, step: Sequence[Sequence[int]]) -> dict[int, tuple[int, ...]]:
    """Shortest non-empty paths from ``start`` along ``step`` to every argument they reach."""
    paths: dict[int, tuple[int, ...]] = {}
    queue: deque[tuple[int, tuple[int, ...]]] = deque((nxt, (start, nxt)) for nxt in step[start])
    while queue:
        arg, path = queue.popleft()
        if arg in paths:
            continue
        paths[arg] = path
        queue.extend((nxt, (*path, nxt)) for nxt in step[arg] if nxt not in paths)
    return paths


def derive_attacks(
    n: int,
    attacks: Iterable[tuple[int, int]],
    supports: Iterable[tuple[int, int]],
    reading: str,
) -> dict[tuple[int, int], Derivation]:
    """The attacks that support derives under ``reading``, beyond the direct ones.

    Args:
        n: The number of arguments (indexes ``0..n-1``).
        attacks: The direct attacks, ``(attacker, target)``.
        supports: The supports, ``(supporter, supported)``.
        reading: ``"none"``, ``"supported"`` or ``"mediated"``.

    Returns:
        Each derived attack (not a direct one) with one derivation of it; for
        an attack derivable in several ways, the first found (supported before
        indirect before mediated, shortest chains first, direct attacks in order).

    Examples:
        Boella et al. 2010, Figure 1: ``a sup b``, ``b sup c``, ``b def d``,
        ``e def c`` (a=0 ... e=4):

        >>> direct, sup = [(1, 3), (4, 2)], [(0, 1), (1, 2)]
        >>> sorted(derive_attacks(5, direct, sup, "supported"))
        [(0, 3)]
        >>> sorted(derive_attacks(5, direct, sup, "mediated"))
        [(0, 3), (4, 0), (4, 1)]
    """
    name = check_reading(reading)
    direct = list(dict.fromkeys(attacks))
    if name == "none":
        return {}
    forward: list[list[int]] = [[] for _ in range(n)]
    backward: list[list[int]] = [[] for _ in range(n)]
    for supporter, supported in dict.fromkeys(supports):
        forward[supporter].append(supported)
        backward[supported].append(supporter)
    into: dict[int, dict[int, tuple[int, ...]]] = {}
    out_of: dict[int, dict[int, tuple[int, ...]]] = {}
    found: dict[tuple[int, int], Derivation] = {}
    known = set(direct)

    def add(pair: tuple[int, int], derivation: Derivation) -> None:
        if pair not in known and pair not in found:
            found[pair] = derivation

    for attacker, target in direct:
        if attacker not in into:
            into[attacker] = _paths(attacker, backward)
        for supporter, path in sorted(into[attacker].items(), key=lambda kv: (len(kv[1]), kv[0])):
            # path runs attacker <- ... <- supporter: reverse it into A1 sup ... sup An-1
            add((supporter, target), Derivation("supported", (*reversed(path), target)))
    for attacker, target in direct:
        if target not in out_of:
            out_of[target] = _paths(target, forward)
        for supported, path in sorted(out_of[target].items(), key=lambda kv: (len(kv[1]), kv[0])):
            add((attacker, supported), Derivation("indirect", (attacker, *path)))
    if name == "mediated":
        for attacker, target in direct:
            if target not in into:
                into[target] = _paths(target, backward)
            for supporter, path in sorted(into[target].items(), key=lambda kv: (len(kv[1]), kv[0])):
                add((attacker, supporter), Derivation("mediated", (*reversed(path), attacker)))
    return found
