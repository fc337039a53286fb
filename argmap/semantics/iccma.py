r"""The file formats and tasks of ICCMA, the competition of argumentation solvers.

Two formats:

- **apx** (ICCMA 2015-2021): statements ``arg(a).`` and ``att(a,b).``; an
  argument name is letters, digits and underscores; ``%`` starts a comment
  that runs to the end of the line;
- **ICCMA 2023 numeric** (``.af``): a header ``p af N`` (arguments ``1..N``),
  then one attack ``i j`` per line; a line whose first character is ``#`` is a
  comment, never an attack. A blank line ends the file, as for the reference
  solvers: anything but blank lines after it is an error here (they would
  silently ignore it).

Both readers bound their input (size of the file, number of arguments) and
report every error as ``file:line:col: what is wrong``.

Examples:
    >>> af = loads_af("p af 3\n# a comment, not an attack\n1 2\n2 3\n")
    >>> af.names, af.attacks()
    (('1', '2', '3'), [(0, 1), (1, 2)])
    >>> print(dumps_apx(af), end="")
    arg(1).
    arg(2).
    arg(3).
    att(1,2).
    att(2,3).
    >>> solve_task(af, "SE-GR")
    'w 1 3'
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap.errors import ArgmapError, LoadError, Problem
from argmap.semantics.framework import Framework
from argmap.semantics.solvers import (
    check_semantics,
    is_credulously_accepted,
    is_sceptically_accepted,
    one_extension,
)

__all__ = [
    "MAX_ARGUMENTS",
    "MAX_BYTES",
    "TASKS",
    "dumps_af",
    "dumps_apx",
    "load_framework",
    "loads_af",
    "loads_apx",
    "solve_task",
]

MAX_BYTES = 512 * 1024 * 1024
MAX_ARGUMENTS = 20_000_000
_SEMANTICS_CODES = {"GR": "grounded", "CO": "complete", "PR": "preferred", "ST": "stable"}
TASKS: tuple[str, ...] = tuple(
    f"{problem}-{code}" for problem in ("SE", "DC", "DS") for code in _SEMANTICS_CODES
)

_NAME = r"[A-Za-z0-9_]+"
_STATEMENT = re.compile(rf"\s*(?:(arg)\(\s*({_NAME})\s*\)|(att)\(\s*({_NAME})\s*,\s*({_NAME})\s*\))\s*\.")
_SPACE = re.compile(r"\s*")


def _problem(path: str, line: int, column: int, message: str) -> LoadError:
    return LoadError([Problem(message, path=path, line=line, column=column)])


def loads_apx(text: str, path: str = "<string>") -> Framework:
    r"""Read a framework in apx format.

    Arguments are numbered in the order they are declared; an attack may
    name an argument declared after it.

    Raises:
        LoadError: At the first statement that is not ``arg(..).`` or
            ``att(..,..).``, or an attack naming an undeclared argument.

    Examples:
        >>> loads_apx("arg(a). arg(b). % b is attacked\natt(a,b).").attacks()
        [(0, 1)]
        >>> loads_apx("arg(a).\natt(a,c).", "x.apx")
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: x.apx:2:1: att(a,c): no argument c is declared
    """
    names: dict[str, int] = {}
    pending: list[tuple[str, str, int, int]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("%", 1)[0]
        pos = 0
        while True:
            pos = _SPACE.match(line, pos).end()  # type: ignore[union-attr]
            if pos >= len(line):
                break
            found = _STATEMENT.match(line, pos)
            if found is None:
                snippet = line[pos : pos + 20].strip()
                raise _problem(
                    path, number, pos + 1, f"expected arg(NAME). or att(NAME,NAME). at {snippet!r}"
                )
            if found.group(1):
                names.setdefault(found.group(2), len(names))
                if len(names) > MAX_ARGUMENTS:
                    raise _problem(path, number, pos + 1, f"more than {MAX_ARGUMENTS} arguments")
            else:
                pending.append((found.group(4), found.group(5), number, pos + 1))
            pos = found.end()
    attacks = []
    for source, target, number, column in pending:
        for name in (source, target):
            if name not in names:
                raise _problem(
                    path, number, column, f"att({source},{target}): no argument {name} is declared"
                )
        attacks.append((names[source], names[target]))
    return Framework.from_attacks(list(names), attacks)


def loads_af(text: str, path: str = "<string>") -> Framework:
    r"""Read a framework in the ICCMA 2023 numeric format.

    Raises:
        LoadError: For a missing or malformed header, an attack line that is
            not two argument numbers in ``1..N``, or content after a blank line.

    Examples:
        >>> loads_af("# made by hand\np af 2\n2 1\n\n").attacks()
        [(1, 0)]
        >>> loads_af("p af 2\n1 2\n\n2 1\n", "x.af")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: x.af:4:1: content after the blank line at line 3 (...)
        >>> loads_af("p af 2\n1 3\n", "x.af")
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: x.af:2:3: argument 3 is not in 1..2
    """
    fast = _loads_af_fast(text)
    if fast is not None:
        return fast
    n: int | None = None
    attacks: list[tuple[int, int]] = []
    blank_at: int | None = None
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            if blank_at is None and n is not None:
                blank_at = number
            continue
        if blank_at is not None:
            raise _problem(
                path,
                number,
                1,
                f"content after the blank line at line {blank_at} (a blank line ends an ICCMA 2023 file)",
            )
        if line.startswith("#"):
            continue
        fields = line.split()
        if n is None:
            if len(fields) != 3 or fields[0] != "p" or fields[1] != "af" or not fields[2].isdigit():
                raise _problem(path, number, 1, f"expected the header 'p af N', got {line[:40]!r}")
            n = int(fields[2])
            if n > MAX_ARGUMENTS:
                raise _problem(
                    path, number, line.index(fields[2]) + 1, f"more than {MAX_ARGUMENTS} arguments"
                )
            continue
        if len(fields) == 2:
            first, second = fields
            if first.isascii() and first.isdigit() and second.isascii() and second.isdigit():
                source, target = int(first), int(second)
                if 0 < source <= n and 0 < target <= n:
                    attacks.append((source - 1, target - 1))
                    continue
        raise _attack_problem(path, number, line, fields, n)
    if n is None:
        raise _problem(path, 1, 1, "no 'p af N' header")
    return Framework.from_attacks([str(i) for i in range(1, n + 1)], attacks)


_HEADER = re.compile(r"\Ap[ \t]+af[ \t]+([0-9]+)[ \t]*\r?\n")
_BODY = re.compile(r"(?:[ \t]*[0-9]+[ \t]+[0-9]+[ \t]*(?:\r?\n|\Z))*(?:[ \t]*\r?\n)*[ \t]*")


def _loads_af_fast(text: str) -> Framework | None:
    """Read a plain file (header first, no comment, blank lines only at the end) in bulk; None otherwise."""
    header = _HEADER.match(text)
    if header is None or "#" in text:
        return None
    n = int(header.group(1))
    if n > MAX_ARGUMENTS or not _BODY.fullmatch(text, header.end()):
        return None
    numbers = list(map(int, text[header.end() :].split()))
    if numbers and not (min(numbers) >= 1 and max(numbers) <= n):
        return None
    sources, targets = numbers[0::2], numbers[1::2]
    return Framework.from_attacks(
        [str(i) for i in range(1, n + 1)],
        zip([s - 1 for s in sources], [t - 1 for t in targets], strict=True),
    )


def _attack_problem(path: str, number: int, line: str, fields: list[str], n: int) -> LoadError:
    """The located error of an attack line that is not two argument numbers in 1..n."""
    if len(fields) != 2:
        return _problem(path, number, 1, f"expected an attack 'i j', got {line[:40]!r}")
    start = 0
    for field in fields:
        column = line.index(field, start) + 1
        start = column - 1 + len(field)
        if not field.isdigit() or not field.isascii():
            return _problem(path, number, column, f"expected an argument number, got {field[:20]!r}")
        if not 1 <= int(field) <= n:
            return _problem(path, number, column, f"argument {int(field)} is not in 1..{n}")
    raise AssertionError("a valid attack line was reported")  # pragma: no cover


def dumps_apx(af: Framework, *, aliases: bool = False) -> str:
    """The framework in apx format.

    Args:
        af: The framework.
        aliases: Write the arguments as ``a1``, ``a2``... with a ``%`` comment
            giving each one's name (for names apx cannot hold, such as those
            of a map's framework).

    Raises:
        ArgmapError: When, without ``aliases``, a name is not letters, digits and underscores.

    Examples:
        >>> print(dumps_apx(Framework.from_attacks(["c-1", "[not c-1]"], [(0, 1)]), aliases=True), end="")
        % a1 = c-1
        % a2 = [not c-1]
        arg(a1).
        arg(a2).
        att(a1,a2).
        >>> dumps_apx(Framework.from_attacks(["a b"], []))
        Traceback (most recent call last):
        ...
        argmap.errors.ArgmapError: argument name 'a b' cannot be written in apx (letters, digits, _ only)
    """
    if aliases:
        names = [f"a{i}" for i in range(1, len(af) + 1)]
        lines = [f"% {alias} = {_one_line(name)}" for alias, name in zip(names, af.names, strict=True)]
    else:
        for name in af.names:
            if not re.fullmatch(_NAME, name):
                raise ArgmapError(
                    f"argument name {name!r} cannot be written in apx (letters, digits, _ only)"
                )
        names, lines = list(af.names), []
    lines += [f"arg({name})." for name in names]
    lines += [f"att({names[s]},{names[t]})." for s, t in af.attacks()]
    return "".join(line + "\n" for line in lines)


def _one_line(name: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in name)


def dumps_af(af: Framework, *, names: bool = False) -> str:
    """The framework in the ICCMA 2023 numeric format; argument ``i`` becomes ``i + 1``.

    Args:
        af: The framework.
        names: Add a ``#`` comment line giving the name of each argument.

    Examples:
        >>> print(dumps_af(Framework.from_attacks(["x", "y"], [(0, 1)]), names=True), end="")
        p af 2
        # 1 = x
        # 2 = y
        1 2
    """
    lines = [f"p af {len(af)}"]
    if names:
        lines += [f"# {i} = {_one_line(name)}" for i, name in enumerate(af.names, 1)]
    lines += [f"{s + 1} {t + 1}" for s, t in af.attacks()]
    return "".join(line + "\n" for line in lines)


def load_framework(path: str | Path) -> Framework:
    """Read ``path`` as apx (suffix ``.apx``) or ICCMA 2023 numeric (any other suffix).

    Raises:
        LoadError: For an unreadable, oversized or malformed file.
    """
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise _problem(name, 1, 1, f"file is larger than {MAX_BYTES} bytes")
        data = Path(path).read_bytes()
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise LoadError([Problem(f"not UTF-8 text ({err.reason})", path=name)]) from err
    except OSError as err:
        raise LoadError([Problem(f"cannot read: {err.strerror}", path=name)]) from err
    if Path(path).suffix.lower() == ".apx":
        return loads_apx(text, name)
    return loads_af(text, name)


def solve_task(af: Framework, task: str, argument: str | None = None, *, solver: str = "search") -> str:
    r"""Solve an ICCMA task; return the answer as a solver prints it.

    ``SE-*`` prints ``w`` and the arguments of one extension (``NO`` when a
    stable one does not exist); ``DC-*`` and ``DS-*`` print ``YES`` or ``NO``
    for ``argument`` (a name of the framework). ``solver`` is ``"search"``
    (the labelling search, pure Python) or ``"sat"`` (needs the ``sat`` extra).

    Raises:
        ArgmapError: For an unknown task or solver, a decision task without a
            known argument, or ``"sat"`` without python-sat.

    Examples:
        >>> af = loads_af("p af 3\n1 2\n2 1\n3 3\n")
        >>> solve_task(af, "SE-ST"), solve_task(af, "DC-PR", "1"), solve_task(af, "DS-PR", "1")
        ('NO', 'YES', 'NO')
    """
    problem, _, code = task.upper().partition("-")
    if problem not in ("SE", "DC", "DS") or code not in _SEMANTICS_CODES:
        raise ArgmapError(f"unknown task {task!r} (choose one of {', '.join(TASKS)})")
    semantics = check_semantics(_SEMANTICS_CODES[code])
    if solver not in ("search", "sat"):
        raise ArgmapError(f"unknown solver {solver!r} (choose search, sat)")
    one, credulous, sceptical = one_extension, is_credulously_accepted, is_sceptically_accepted
    if solver == "sat":
        from argmap.semantics import sat

        if not sat.is_available():
            raise ArgmapError("the SAT solver needs python-sat: pip install 'argmap[sat]'")
        one, credulous, sceptical = (
            sat.sat_one_extension,
            sat.sat_credulously_accepted,
            sat.sat_sceptically_accepted,
        )
    if problem == "SE":
        extension = one(af, semantics)
        if extension is None:
            return "NO"
        return " ".join(["w", *(af.names[i] for i in extension)])
    if argument is None:
        raise ArgmapError(f"task {task} needs an argument (--arg)")
    index = af.index(argument)
    accepted = (credulous if problem == "DC" else sceptical)(af, index, semantics)
    return "YES" if accepted else "NO"
