"""Atomic file writes: a failure never destroys an earlier file.

Used by the library (model files) and the lab (results, figures, reports).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_write"]


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w") -> Iterator:
    """Write ``path`` all or nothing.

    The content goes to a temporary file in the same folder, which is flushed,
    ``fsync``-ed and then moved over ``path`` with ``os.replace`` (atomic on
    POSIX and Windows). If anything fails on the way (a full disk, a read-only
    folder, an exception in the caller's block, Ctrl-C), the previous file is
    left exactly as it was and the temporary file is removed. An ``OSError``
    is re-raised with the target path in its message. The temporary name is
    ``.<start of the name>.<random>.tmp``, within NAME_MAX for any valid name.

    Examples
    --------
    >>> with atomic_write("results.json") as handle:  # doctest: +SKIP
    ...     handle.write("{}")
    """
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        permissions = _file_mode(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{_short(path.name)}.", suffix=".tmp", dir=path.parent)
        if hasattr(os, "fchmod"):  # mkstemp makes it private (0o600); the result need not be
            os.fchmod(fd, permissions)
        with os.fdopen(fd, mode) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as error:
        raise OSError(error.errno, f"could not write {path}: {error.strerror or error}") from error
    finally:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


#: the temporary name keeps this many bytes of the target's name: with the dots, the random part
#: (8 characters) and ``.tmp``, it stays far below NAME_MAX (255 bytes) for any valid target name
_STEM_BYTES = 64


def _short(name: str) -> str:
    """``name`` cut to at most ``_STEM_BYTES`` bytes in the file system's encoding, on a character."""
    name = name[:_STEM_BYTES]  # a character is at least one byte
    while len(os.fsencode(name)) > _STEM_BYTES:
        name = name[:-1]
    return name


def _file_mode(path: Path) -> int:
    """The permissions of the file being replaced, or those a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where Linux allows."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022
