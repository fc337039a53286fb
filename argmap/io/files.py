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
import stat
import tempfile
from pathlib import Path

from argmap.errors import FileError

__all__ = ["check_writable", "is_same_file", "write_atomic"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_writable(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` would replace: ``path``, or the file its symlink names.

    Raises:
        FileError: the path is a folder, a device, a pipe or a socket.

    Examples:
        >>> check_writable("/dev/null")
        Traceback (most recent call last):
        ...
        argmap.errors.FileError: /dev/null: is a device, not a regular file; argmap writes only regular files
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target
    except OSError as err:
        raise FileError(f"{path}: cannot write: {err.strerror or err}", path=path) from None
    if not stat.S_ISREG(mode):
        what = (
            "a folder"
            if stat.S_ISDIR(mode)
            else "a pipe"
            if stat.S_ISFIFO(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "a device"
        )
        raise FileError(f"{path}: is {what}, not a regular file; argmap writes only regular files", path=path)
    return target


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8, or bytes) so that readers never see a half-written file.

    The data goes to a temporary file in the same folder, which then replaces
    ``path`` in one step; the file gets the permissions an ordinary new file
    would (the temporary file is private until then).

    Only regular files are written: a folder, device, pipe or socket at
    ``path`` is refused (writing ``-o /dev/null`` must never replace the
    device). A symbolic link is followed: the file it points to is replaced,
    the link stays.

    Raises:
        FileError: the file cannot be written, or ``path`` is not a regular
            file; ``path`` is left as it was.
    """
    target = check_writable(path)
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


def is_same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file: the same path, a symbolic link to it, or a hard link.

    Examples:
        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     first = pathlib.Path(folder) / "a.yaml"
        ...     _ = first.write_text("")
        ...     (pathlib.Path(folder) / "b.yaml").hardlink_to(first)
        ...     other = pathlib.Path(folder) / "c.yaml"
        ...     is_same_file(first, pathlib.Path(folder) / "b.yaml"), is_same_file(first, other)
        (True, False)
    """
    if Path(a).resolve() == Path(b).resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
