"""Extensions and labellings of a :class:`~argmap.semantics.framework.Framework`.

A labelling gives every argument one of three labels (Caminada's reading of
Dung 1995): ``IN`` (accepted), ``OUT`` (an accepted argument attacks it) or
``UNDEC`` (neither). A labelling is *complete* when an argument is in exactly
when all its attackers are out, and out exactly when some attacker is in.

- **grounded**: the least complete labelling, computed by a worklist that
  counts, for each argument, its attackers not yet out (linear time);
- **complete**, **preferred** (complete with a maximal in-set) and **stable**
  (complete with nothing undecided): a search over labellings that fixes the
  grounded labels first, then branches on one argument at a time and
  propagates the labelling constraints after every choice.

Labels are small integers in lists indexed like the framework's arguments.

Examples:
    >>> from argmap.semantics.framework import Framework
    >>> af = Framework.from_attacks(["a", "b", "c"], [(0, 1), (1, 0), (1, 2)])
    >>> grounded(af)
    []
    >>> sorted(extensions(af, "preferred"))
    [[0, 2], [1]]
    >>> sorted(extensions(af, "complete"))
    [[], [0, 2], [1]]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal, TypeAlias, get_args

from argmap.errors import ArgmapError, SearchLimitError
from argmap.semantics.framework import Framework

__all__ = [
    "IN",
    "OUT",
    "SEMANTICS",
    "UNDEC",
    "SearchLimitError",
    "Semantics",
    "check_semantics",
    "extensions",
    "grounded",
    "grounded_labelling",
    "is_credulously_accepted",
    "is_sceptically_accepted",
    "labellings",
    "one_extension",
]

Semantics: TypeAlias = Literal["grounded", "complete", "preferred", "stable"]
SEMANTICS: tuple[str, ...] = get_args(Semantics)

UNDEC, IN, OUT = 0, 1, 2

# The search is exponential in the worst case: it gives up (SearchLimitError) after
# this many branches, so that a hostile or simply hard input ends in bounded time.
MAX_STEPS = 2_000_000


# Domains of the search: a bit per label still possible.
_I, _O, _U = 1, 2, 4
_ALL = _I | _O | _U
_LABEL_OF = {_I: IN, _O: OUT, _U: UNDEC}


def check_semantics(name: str) -> Semantics:
    """Return ``name`` if it names a semantics, else raise :class:`ArgmapError`.

    Examples:
        >>> check_semantics("stable")
        'stable'
        >>> check_semantics("ideal")
        Traceback (most recent call last):
        ...
        argmap.errors.ArgmapError: unknown semantics 'ideal' (choose grounded, complete, preferred, stable)
    """
    if name not in SEMANTICS:
        raise ArgmapError(f"unknown semantics {name!r} (choose {', '.join(SEMANTICS)})")
    return name  # type: ignore[return-value]


def grounded_labelling(af: Framework) -> list[int]:
    """The grounded labelling, by a counter-based worklist fixpoint.

    Each argument counts its attackers that are not yet out; an argument whose
    count reaches zero is in, and everything it attacks is out, which lowers
    the counts of what those attack. Every attack is looked at at most twice.

    Examples:
        >>> af = Framework.from_attacks(["a", "b", "c", "d"], [(0, 1), (1, 2), (3, 3)])
        >>> grounded_labelling(af) == [IN, OUT, IN, UNDEC]
        True
    """
    attacked = af.attacked
    pending = [len(a) for a in af.attackers]
    label = [UNDEC] * len(pending)
    stack = [i for i, count in enumerate(pending) if count == 0]
    while stack:
        arg = stack.pop()
        label[arg] = IN
        for target in attacked[arg]:
            if label[target] == UNDEC:
                label[target] = OUT
                for victim in attacked[target]:
                    pending[victim] -= 1
                    if pending[victim] == 0 and label[victim] == UNDEC:
                        stack.append(victim)
    return label


def grounded(af: Framework) -> list[int]:
    """The grounded extension: the arguments in the grounded labelling, in order.

    Examples:
        >>> grounded(Framework.from_attacks(["a", "b", "c"], [(0, 1), (1, 2)]))
        [0, 2]
    """
    return [i for i, lab in enumerate(grounded_labelling(af)) if lab == IN]


class _Search:
    """Labelling search with constraint propagation over label domains."""

    def __init__(self, af: Framework, *, stable: bool) -> None:
        self.attackers = af.attackers
        self.attacked = af.attacked
        self.n = len(af)
        self.stable = stable
        degree = [len(af.attackers[i]) + len(af.attacked[i]) for i in range(self.n)]
        self.order = sorted(range(self.n), key=lambda i: (-degree[i], i))
        self.ground = grounded_labelling(af)
        self.changed: list[int] = []
        self.steps = 0
        # an optional clause: at least one of these arguments is in (to grow an extension)
        self.need_in: list[int] | None = None
        self.need_set: set[int] = set()

    def initial(self, forced: dict[int, int] | None = None) -> list[int] | None:
        """Domains after fixing the grounded labels and ``forced`` ones, propagated."""
        base = _ALL & ~_U if self.stable else _ALL
        domains = [base] * self.n
        for i, lab in enumerate(self.ground):
            if lab == IN:
                domains[i] = _I
            elif lab == OUT:
                domains[i] = _O
        for i, bits in (forced or {}).items():
            domains[i] &= bits
            if not domains[i]:
                return None
        if not self.propagate(domains, range(self.n)):
            return None
        return domains

    def _revise(self, domains: list[int], arg: int) -> int | None:
        """The domain of ``arg`` its attackers allow, or None on a contradiction.

        Also narrows the attackers' domains when ``arg``'s label is fixed; the
        changed attackers are returned through ``self.changed``.
        """
        can_all_out = True
        some_must_in = False
        can_in = []
        can_undec = []
        for b in self.attackers[arg]:
            d = domains[b]
            if not d & _O:
                can_all_out = False
            if d == _I:
                some_must_in = True
            if d & _I:
                can_in.append(b)
            if d & _U:
                can_undec.append(b)
        allowed = 0
        if can_all_out:
            allowed |= _I
        if can_in:
            allowed |= _O
        if not some_must_in and can_undec:
            allowed |= _U
        new = domains[arg] & allowed
        if not new:
            return None
        # what the (now narrowed) label of arg demands of its attackers
        if new == _I:
            for b in self.attackers[arg]:
                if domains[b] != _O:
                    domains[b] &= _O
                    self.changed.append(b)
        elif new == _O and len(can_in) == 1 and not some_must_in:
            b = can_in[0]
            domains[b] = _I
            self.changed.append(b)
        elif new == _U:
            for b in self.attackers[arg]:
                if domains[b] & _I:
                    domains[b] &= ~_I
                    if not domains[b]:
                        return None
                    self.changed.append(b)
            if len(can_undec) == 1:
                b = can_undec[0]
                if domains[b] != _U:
                    domains[b] &= _U
                    if not domains[b]:
                        return None
                    self.changed.append(b)
        return new

    def propagate(self, domains: list[int], start: Iterable[int]) -> bool:
        """Narrow ``domains`` until nothing changes; False on a contradiction."""
        queue = list(start)
        queued = set(queue)
        attacked = self.attacked
        need = self.need_in
        check_need = need is not None
        while queue or check_need:
            if check_need:
                # the clause "one of need_in is in": fail when none can be, force the last one
                check_need = False
                possible = [c for c in need or () if domains[c] & _I]
                if not possible:
                    return False
                if len(possible) == 1 and domains[possible[0]] != _I:
                    domains[possible[0]] = _I
                    queue.extend(y for y in (possible[0], *attacked[possible[0]]) if y not in queued)
                    queued.update(queue)
                continue
            arg = queue.pop()
            queued.discard(arg)
            self.changed = []
            new = self._revise(domains, arg)
            if new is None:
                return False
            touched = self.changed
            if new != domains[arg]:
                domains[arg] = new
                touched.append(arg)
            for x in touched:
                if not domains[x]:
                    return False
                if x in self.need_set and not domains[x] & _I:
                    check_need = True
                for y in (x, *attacked[x]):
                    if y not in queued:
                        queued.add(y)
                        queue.append(y)
        return True

    def _choose(self, domains: list[int]) -> int | None:
        for i in self.order:
            if domains[i] not in (_I, _O, _U):
                return i
        return None

    def solutions(self, domains: list[int] | None) -> Iterator[list[int]]:
        """Every labelling the domains allow, in-first, depth first."""
        if domains is None:
            return
        stack = [domains]
        while stack:
            current = stack.pop()
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise SearchLimitError(
                    f"the labelling search gave up after {MAX_STEPS:,} steps: this framework is too hard"
                    " for it (for an ICCMA instance, try --solver sat; for a map, grounded semantics)"
                )
            arg = self._choose(current)
            if arg is None:
                yield [_LABEL_OF[d] for d in current]
                continue
            branches = []
            for bit in (_I, _O, _U):
                if current[arg] & bit:
                    trial = current.copy()
                    trial[arg] = bit
                    if self.propagate(trial, (arg, *self.attacked[arg])):
                        branches.append(trial)
            stack.extend(reversed(branches))


def _limited(found: Iterator[list[int]], limit: int, semantics: str) -> Iterator[list[int]]:
    for count, labelling in enumerate(found, 1):
        if count > limit:
            what = "complete labellings to compare" if semantics == "preferred" else f"{semantics} labellings"
            raise SearchLimitError(f"more than {limit:,} {what}: too many to report")
        yield labelling


def _in_set(labelling: list[int]) -> list[int]:
    return [i for i, lab in enumerate(labelling) if lab == IN]


def labellings(
    af: Framework, semantics: str, *, forced: dict[int, int] | None = None, limit: int | None = None
) -> Iterator[list[int]]:
    """The labellings of ``af`` under ``semantics``, each a list of labels.

    Args:
        af: The framework.
        semantics: ``"grounded"``, ``"complete"``, ``"preferred"`` or ``"stable"``.
        forced: Argument index to the label it must have (only for
            ``complete`` and ``stable``: a restriction of the search).
        limit: Give up (:class:`SearchLimitError`) after finding this many
            labellings (for ``preferred``: complete ones, all of which it examines).

    Yields:
        Labellings; the preferred ones only once the search has seen them all.

    Examples:
        >>> af = Framework.from_attacks(["a", "b"], [(0, 1), (1, 0)])
        >>> sorted(labellings(af, "stable"))
        [[1, 2], [2, 1]]
        >>> list(labellings(af, "grounded"))
        [[0, 0]]
    """
    name = check_semantics(semantics)
    if name == "grounded":
        yield grounded_labelling(af)
        return
    bits = {IN: _I, OUT: _O, UNDEC: _U}
    restrict = {i: bits[lab] for i, lab in (forced or {}).items()}
    search = _Search(af, stable=name == "stable")
    found = search.solutions(search.initial(restrict))
    if limit is not None:
        found = _limited(found, limit, name)
    if name != "preferred":
        yield from found
        return
    maximal: list[tuple[frozenset[int], list[int]]] = []
    for labelling in found:
        ins = frozenset(_in_set(labelling))
        if any(ins <= other for other, _ in maximal):
            continue
        maximal = [(other, lab) for other, lab in maximal if not other < ins]
        maximal.append((ins, labelling))
    for _, labelling in sorted(maximal, key=lambda item: sorted(item[0])):
        yield labelling


def extensions(af: Framework, semantics: str) -> list[list[int]]:
    """Every extension (the in-set of each labelling), each a sorted list of indexes.

    Examples:
        >>> af = Framework.from_attacks(["a", "b", "c"], [(0, 1), (1, 2), (2, 0)])
        >>> extensions(af, "stable"), extensions(af, "preferred")
        ([], [[]])
    """
    return [_in_set(lab) for lab in labellings(af, semantics)]


def one_extension(af: Framework, semantics: str) -> list[int] | None:
    """One extension under ``semantics`` (None when a stable one does not exist).

    A preferred extension is found by growing a complete one: from the
    grounded extension, look for a complete extension that keeps everything
    in and adds at least one of the arguments now undecided (an argument out
    stays out in any larger extension); stop when none exists.

    Examples:
        >>> af = Framework.from_attacks(["a", "b", "c"], [(0, 1), (1, 0), (1, 2)])
        >>> one_extension(af, "preferred") in ([0, 2], [1])
        True
        >>> one_extension(Framework.from_attacks(["a"], [(0, 0)]), "stable") is None
        True
    """
    name = check_semantics(semantics)
    if name in ("grounded", "complete"):
        return grounded(af)
    search = _Search(af, stable=name == "stable")
    if name == "stable":
        first = next(search.solutions(search.initial()), None)
        return None if first is None else _in_set(first)
    current = grounded_labelling(af)
    while True:
        candidates = [i for i, lab in enumerate(current) if lab == UNDEC]
        if not candidates:
            return _in_set(current)
        search.need_in, search.need_set = candidates, set(candidates)
        grown = next(
            search.solutions(search.initial({i: _I for i, lab in enumerate(current) if lab == IN})), None
        )
        search.need_in, search.need_set = None, set()
        if grown is None:
            return _in_set(current)
        current = grown


def is_credulously_accepted(af: Framework, arg: int, semantics: str) -> bool:
    """Whether ``arg`` is in some extension under ``semantics``.

    Examples:
        >>> af = Framework.from_attacks(["a", "b"], [(0, 1), (1, 0)])
        >>> is_credulously_accepted(af, 0, "preferred"), is_credulously_accepted(af, 0, "grounded")
        (True, False)
    """
    name = check_semantics(semantics)
    if name == "grounded":
        return grounded_labelling(af)[arg] == IN
    # an argument in a preferred extension is in a complete one, and back
    search = _Search(af, stable=name == "stable")
    return next(search.solutions(search.initial({arg: _I})), None) is not None


def is_sceptically_accepted(af: Framework, arg: int, semantics: str) -> bool:
    """Whether ``arg`` is in every extension under ``semantics``.

    With no stable extension every argument is sceptically accepted under
    stable semantics (there is no extension it is missing from), as in ICCMA.

    Examples:
        >>> af = Framework.from_attacks(["a", "b", "c"], [(0, 1), (1, 0), (0, 2), (1, 2), (2, 2)])
        >>> is_sceptically_accepted(af, 2, "preferred"), is_sceptically_accepted(af, 0, "preferred")
        (False, False)
    """
    name = check_semantics(semantics)
    if name in ("grounded", "complete"):
        return grounded_labelling(af)[arg] == IN
    if name == "stable":
        search = _Search(af, stable=True)
        return next(search.solutions(search.initial({arg: _O})), None) is None
    if grounded_labelling(af)[arg] == IN:
        return True
    if not is_credulously_accepted(af, arg, "preferred"):
        return False
    return all(lab[arg] == IN for lab in labellings(af, "preferred"))
