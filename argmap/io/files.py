"""Writing files safely: atomically, never half-written, with ordinary permissions.

Examples:
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = pathlib.Path(folder) / "out.txt"
    ...     write_atomic(target, "hello")
    ...     target.read_text()
    'hello'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from argmap.errors import FileError

__all__ = ["write_atomic"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8, or bytes) so that readers never see a half-written file.

    The data goes to a temporary file in the same folder, which then replaces
    ``path`` in one step; the file gets the permissions an ordinary new file
    would (the temporary file is private until then).

    Raises:
        FileError: the file cannot be written; ``path`` is left as it was.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise FileError(f"{target}: cannot write: {err.strerror or err}", path=target) from None
