"""Ctrl-C and SIGTERM as one clean stop: an exception that unwinds, never a kill in mid-write.

:func:`handled` (the command line installs it first thing) turns SIGINT and
SIGTERM into :class:`Interrupted`, a ``KeyboardInterrupt`` that carries the
signal, so that every ``finally`` runs: staging folders are removed and the
results folder keeps a complete set of files. The first signal decides the
exit code (``128 + signum``: 130 for SIGINT, 143 for SIGTERM).

A few steps must not be cut in two (swapping a folder into place, removing a
staging folder, printing the final message): inside :func:`held` a signal
only waits, and is raised when the block ends. After :func:`stopping` every
further signal is only noted, so a second Ctrl-C while the command cleans up
cannot interrupt the clean-up.

While :func:`handled` is active, the training loop's own first-Ctrl-C flag
(:func:`mlplab.nn.training.fit`) stays out of the way: it takes over only
from Python's default handler.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator

__all__ = ["Interrupted", "handled", "held", "stopping"]

SIGNALS = (signal.SIGINT, signal.SIGTERM)
NAMES = {signal.SIGINT: "Ctrl-C (SIGINT)", signal.SIGTERM: "SIGTERM"}


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived; ``exit_code`` is ``128 + signum``."""

    def __init__(self, signum: int):
        super().__init__(NAMES.get(signum, f"signal {signum}"))
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def description(self) -> str:
        return NAMES.get(self.signum, f"signal {self.signum}")


class _State:
    def __init__(self):
        self.first: int | None = None  # the first signal received: it decides the exit code
        self.pending: int | None = None  # a signal that arrived inside held()
        self.depth = 0  # how many held() blocks are open
        self.stopping = False


_state = _State()


def _note(text: str) -> None:
    """Write to stderr from a signal handler (``print`` may re-enter a busy stream)."""
    with contextlib.suppress(OSError):
        os.write(2, text.encode())


def _handler(signum, frame) -> None:
    if _state.first is None:
        _state.first = signum
    if _state.stopping:
        _note(f"\n{NAMES.get(signum, 'A signal')}: already stopping, the files are being put in order\n")
        return
    if _state.depth:
        _state.pending = _state.pending or signum
        return
    raise Interrupted(signum)


def first_signal() -> int | None:
    """The first signal received under :func:`handled`, or ``None``."""
    return _state.first


@contextlib.contextmanager
def handled(restore: bool = True) -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`Interrupted` inside the block (main thread only).

    With ``restore=False`` (the process is about to end) both signals are
    ignored after the block: Python puts the default handlers back while it
    shuts down, and a late Ctrl-C would then kill the process by the signal
    instead of letting it exit with the code already decided.
    """
    global _state
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _state = _State()
    previous = {signum: signal.signal(signum, _handler) for signum in SIGNALS}
    try:
        yield
    finally:
        if restore:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        else:
            _state.stopping = True
            for signum in SIGNALS:
                signal.signal(signum, signal.SIG_IGN)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """A signal that arrives inside the block waits, and is raised when the block ends."""
    _state.depth += 1
    try:
        yield
    finally:
        _state.depth -= 1
        if not _state.depth and _state.pending is not None and not _state.stopping:
            signum, _state.pending = _state.pending, None
            raise Interrupted(signum)


def stopping() -> None:
    """From now on signals are only noted: the command is cleaning up and about to exit."""
    _state.stopping = True
