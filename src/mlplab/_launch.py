"""The ``mlplab`` program: Ctrl-C and SIGTERM handled before anything heavy is imported.

Importing what a command needs takes up to a few tenths of a second (NumPy
and the library for ``trace``, the lab for an experiment; ``--help`` needs
neither). :func:`main` installs a handler first, so a signal in that time
ends the program with its exit code (130 for SIGINT, 143 for SIGTERM) and a
one-line message, as it does later on, instead of a traceback from the middle
of an import. Only Python's own start-up, before this module runs, is uncovered.
"""

from __future__ import annotations

import os
import signal
import sys

__all__ = ["main"]

_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_NAMES = {signal.SIGINT: "Ctrl-C (SIGINT)", signal.SIGTERM: "SIGTERM"}


class _StartUpInterrupted(KeyboardInterrupt):
    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _early(signum, frame) -> None:
    for each in _SIGNALS:  # a second press while the message is written is only ignored
        signal.signal(each, signal.SIG_IGN)
    raise _StartUpInterrupted(signum)


def main() -> int:
    """Run ``mlplab`` (the console script and ``python -m mlplab``); the exit code."""
    previous = {signum: signal.signal(signum, _early) for signum in _SIGNALS}
    try:
        from .cli import main as cli_main

        return cli_main()  # installs the command line's own handlers as its first step
    except _StartUpInterrupted as stop:
        by = _NAMES.get(stop.signum, f"signal {stop.signum}")
        os.write(2, f"mlplab: interrupted. Stopped by {by}.\nNothing was written.\n".encode())  # as cli says
        return 128 + stop.signum
    finally:
        for signum, handler in previous.items():
            if signal.getsignal(signum) is _early:
                signal.signal(signum, handler)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
