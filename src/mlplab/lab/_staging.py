"""Outputs as one unit: a folder, or a set of files, is replaced whole or not at all.

An experiment writes its files (figures, csv, gif, ``metrics.json``) into a
fresh staging folder next to its target, ``DIR/.<name>.staging-XXXX/``
(:func:`staged_folder`). Only when the experiment has finished does the
staging folder take the target's place, by renames: the old folder to
``DIR/.<name>.old-XXXX``, the staging folder to ``DIR/<name>``, then the old
one is deleted; if the second rename fails the old folder is put back. The
report's files are staged the same way and moved into place together
(:func:`staged_files`). Names that start with a dot are no experiment's, so
the report never reads a staging folder.

The swaps run under :func:`~mlplab.lab._signals.held`: a Ctrl-C or SIGTERM
waits for them to finish. Whatever fails (an exception, a full disk, a
signal), the staging folder is removed and the target holds its old set.

Only a process that is killed outright (SIGKILL, a power cut) leaves its
staging folder behind. The names carry the process id, so the next run
removes what a dead process left, and if it died between the two renames
of a swap, puts the old folder (or the old report files) back first.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .._io import _umask
from ._signals import held

__all__ = ["discard", "staged_files", "staged_folder"]


_OWNER = re.compile(r"\.(?:staging|old)-(\d+)-")


def _dead(path: Path) -> bool:
    """Whether the process that made staging folder or backup ``path`` is gone."""
    match = _OWNER.search(path.name)
    if match is None:
        return False
    pid = int(match.group(1))
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, someone else's
        return False
    return False


def _tidy(parent: Path, name: str) -> None:
    """Put right what a killed process left next to ``parent / name`` (see the module's notes)."""
    target = parent / name
    with held():
        for old in sorted(parent.glob(f".{glob.escape(name)}.old-*")):
            if _dead(old):
                if not os.path.lexists(target):  # killed between the two renames: the old set, whole
                    os.rename(old, target)
                else:
                    discard(old)
        for staging in parent.glob(f".{glob.escape(name)}.staging-*"):
            if _dead(staging):
                backup = staging / ".old"  # a report swap cut short: its old files go back
                for file in sorted(backup.iterdir()) if backup.is_dir() else ():
                    os.replace(file, parent / file.name)
                discard(staging)


def _new_staging(parent: Path, name: str) -> Path:
    """Call under :func:`held` and keep the result in a variable that a ``finally`` discards."""
    parent.mkdir(parents=True, exist_ok=True)
    _tidy(parent, name)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.staging-{os.getpid()}-", dir=parent))
    os.chmod(staging, 0o777 & ~_umask())  # mkdtemp's folder is private (0o700); results need not be
    return staging


def discard(path: Path) -> None:
    """Delete the file or folder ``path`` if it is there, signals held."""
    with held():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


@contextlib.contextmanager
def staged_folder(target: str | os.PathLike, replaced: Callable[[], None] | None = None) -> Iterator[Path]:
    """A fresh folder next to ``target`` to write into; on success it replaces ``target`` whole.

    If the block raises (or a signal arrives), the staging folder is deleted
    and ``target`` is left exactly as it was. ``replaced()`` is called once
    the new folder is in place, before a signal that waited is raised.
    """
    target = Path(target)
    staging = None
    try:
        with held():  # a signal that waited is raised once `staging` is set, so the finally sees it
            staging = _new_staging(target.parent, target.name)
        yield staging
        _swap_folder(staging, target, replaced)
    finally:
        if staging is not None:
            discard(staging)


def _swap_folder(staging: Path, target: Path, replaced: Callable[[], None] | None) -> None:
    old = staging.with_name(staging.name.replace(".staging-", ".old-", 1))
    with held():
        moved = False
        try:
            if os.path.lexists(target):
                os.rename(target, old)
                moved = True
            os.rename(staging, target)
        except OSError as error:
            if moved:
                os.rename(old, target)
            raise OSError(error.errno, f"could not replace {target}: {error.strerror or error}") from error
        if replaced is not None:
            replaced()
        if moved:
            discard(old)


@contextlib.contextmanager
def staged_files(
    folder: str | os.PathLike, names: Sequence[str], stem: str, replaced: Callable[[], None] | None = None
) -> Iterator[Path]:
    """A staging folder for the files ``names``; on success they all replace ``folder / name``.

    The block writes each of ``names`` into the staging folder it is given.
    Only when all of them are there are they moved into ``folder``; if a move
    fails, the files moved so far are taken back and the old ones put back.
    ``replaced()`` is called once the new set is in place.
    """
    folder = Path(folder)
    staging = None
    try:
        with held():
            staging = _new_staging(folder, stem)
        yield staging
        missing = [name for name in names if not (staging / name).is_file()]
        if missing:
            raise FileNotFoundError(f"the staged set lacks {', '.join(missing)}")
        _swap_files(staging, folder, names, replaced)
    finally:
        if staging is not None:
            discard(staging)


def _swap_files(
    staging: Path, folder: Path, names: Sequence[str], replaced: Callable[[], None] | None
) -> None:
    backup = staging / ".old"
    with held():
        backup.mkdir()
        saved, placed = [], []
        try:
            for name in names:
                if os.path.lexists(folder / name):
                    os.rename(folder / name, backup / name)
                    saved.append(name)
            for name in names:
                os.rename(staging / name, folder / name)
                placed.append(name)
        except OSError as error:
            for name in reversed(placed):
                os.rename(folder / name, staging / name)
            for name in reversed(saved):
                os.rename(backup / name, folder / name)
            message = f"could not replace the files in {folder}: {error.strerror or error}"
            raise OSError(error.errno, message) from error
        if replaced is not None:
            replaced()
