"""What :func:`argmap.load` says about a file it loads but does not take whole: :class:`LoadWarning`.

A reader that reads a file whole, as the format's own tool does (Argdown),
notes what it ignored or made up; the map loads all the same. The command
line prints these notes as ``file:line:col: warning: ...``; the Python API
warns with a :class:`LoadWarning` for each. This module imports nothing
heavy, so that the command line can name the class at start-up.

Examples:
    >>> import warnings
    >>> from argmap.errors import Problem
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always", LoadWarning)
    ...     warnings.warn(LoadWarning(Problem("an ignored relation", "d.argdown", 3, 1)), stacklevel=1)
    >>> str(caught[0].message)
    'd.argdown:3:1: an ignored relation'
"""

from __future__ import annotations

from argmap.errors import Problem

__all__ = ["LoadWarning"]


class LoadWarning(UserWarning):
    """A reader's note on a file it read whole: something it ignored or made up, as the format's tool does.

    :func:`argmap.load` warns once per note (an Argdown relation the Argdown
    tool ignores too, a statement used but never given text). :attr:`problem`
    holds the note, located; the message reads ``file:line:col: element:
    message``, as the command line's warnings do.

    Examples:
        >>> w = LoadWarning(Problem("statement [B] is used but never given text", "d.argdown", 2, 5))
        >>> str(w), w.problem.line
        ('d.argdown:2:5: statement [B] is used but never given text', 2)
    """

    def __init__(self, problem: Problem) -> None:
        """Keep the note; its located text is the warning's message."""
        self.problem = problem
        super().__init__(str(problem))
