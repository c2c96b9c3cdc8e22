"""Atomic file writes: a failure never destroys an earlier file.

Used by the library (model files) and the lab (results, figures, reports).
"""

from __future__ import annotations

import contextlib
import os
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
    is re-raised with the target path in its message.

    Examples
    --------
    >>> with atomic_write("results.json") as handle:  # doctest: +SKIP
    ...     handle.write("{}")
    """
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
