"""The lab: every experiment of the sheet, one module each, on top of the library.

The contract of an experiment module:

* ``NAME`` (its command) and ``HELP`` (one line for ``mlplab --help``);
* ``Config``, a frozen dataclass of its options, each field declared with
  :func:`~mlplab.lab._options.option` (help text, validator, ``--quick``
  value), optionally with a ``check()`` of the fields together;
* ``run(ctx, config) -> dict``, which writes ``metrics.json`` (whose
  ``settings`` hold every field of ``config``) and its figures into
  ``ctx.out`` and returns the ``results`` (see :mod:`mlplab.lab._common`).

The command line builds one sub-command per entry of :data:`EXPERIMENTS`, in
the order ``mlplab all`` runs them, with flags generated from its ``Config``
(:mod:`mlplab.lab._options`); it imports an experiment only when its command
is given (the list of commands takes each ``HELP`` from :func:`help_line`).
Shared data live in :mod:`mlplab.lab._data`, the parallel executor and the
BLAS thread limit in :mod:`mlplab.lab._parallel`; no experiment imports
another. Plotting libraries are imported here and in the report only, never
by the library, and only where a figure is drawn (:mod:`mlplab.lab.plotting`):
importing an experiment costs no matplotlib.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from types import ModuleType

#: experiment name -> module under mlplab.lab, in the order of the sheet
EXPERIMENTS: dict[str, str] = {
    "xor": "xor",  # 2.2 (a)
    "spirals": "spirals",  # 2.2 (b)
    "sweep": "sweep",  # 2.2 (c)
    "vanishing": "vanishing",  # 3.1 (a)
    "init": "initialization",  # 3.1 (b)
    "overfit": "overfit",  # 3.2 (a)
    "lr": "learning_rate",  # 3.2 (b)
    "optimizers": "optimizers",  # 4.1
}


def load(name: str) -> ModuleType:
    """The module of experiment ``name``."""
    return importlib.import_module(f"{__name__}.{EXPERIMENTS[name]}")


def available() -> list[str]:
    """Experiments whose modules exist, in the sheet's order."""
    names = []
    for name, module in EXPERIMENTS.items():
        if importlib.util.find_spec(f"{__name__}.{module}") is not None:
            names.append(name)
    return names


#: an experiment's ``HELP`` as its source writes it: one plain string literal on a line of its own
_HELP_LINE = re.compile(r'^HELP = "([^"\\\n]*)"$', re.MULTILINE)


def help_line(name: str) -> str:
    """Experiment ``name``'s ``HELP``, read from its source without importing the module if it can be.

    ``mlplab --help`` lists every experiment this way, without NumPy or the
    lab's plotting. A ``HELP`` written otherwise than as a plain double-quoted
    string on a line of its own is taken from the imported module.
    """
    spec = importlib.util.find_spec(f"{__name__}.{EXPERIMENTS[name]}")
    try:
        with open(spec.origin, encoding="utf-8") as handle:
            found = _HELP_LINE.search(handle.read())
    except (OSError, TypeError, ValueError):  # no source file (origin None, a zip, not UTF-8)
        found = None
    return found.group(1) if found else load(name).HELP


def run(name: str, out, *, seed: int = 0, quick: bool = False, progress: bool = False) -> dict:
    """Run experiment ``name`` as ``mlplab <name> [--quick] --seed SEED --out OUT`` does; its results.

    Every option at its default (or ``--quick``) value, one BLAS thread, and
    ``OUT/<name>/`` replaced whole once the run has finished (see
    :meth:`~mlplab.lab._common.Context.staged`). The notebook uses it to run
    what it does not find.
    """
    from pathlib import Path

    from ._common import Context
    from ._options import config_from_args
    from ._parallel import one_blas_thread

    module = load(name)
    config = config_from_args(module.Config, quick=quick)
    ctx = Context(name=name, root=Path(out), seed=seed, quick=quick, progress=progress)
    with one_blas_thread(), ctx.staged(), ctx.rendering():
        return module.run(ctx, config)
