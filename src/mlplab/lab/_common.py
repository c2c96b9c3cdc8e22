"""What every experiment shares: its output folder, seeds, atomic files, progress.

An experiment is a module in :mod:`mlplab.lab` with ``NAME``, ``HELP``, a
frozen dataclass ``Config`` of its options (see :mod:`mlplab.lab._options`)
and ``run(ctx, config) -> dict``. It writes into ``ctx.out`` a
``metrics.json`` and its figures. Under :meth:`Context.staged` (as the
command line runs it) ``ctx.out`` is a staging folder that replaces
``DIR/<experiment>/`` as a whole when the experiment has finished (see
:mod:`mlplab.lab._staging`); without it, ``ctx.out`` is ``DIR/<experiment>/``. ``metrics.json``
holds ``settings`` (every field of the ``Config`` that ran, and what the
experiment derived from it), ``results``, ``seed``, package ``versions`` and,
in a field of their own, ``timings``: with the same seed everything but
``timings`` is the same, bit for bit.

Progress, on a terminal: an experiment's loops show a bar (:meth:`Context.bar`),
and inside :meth:`Context.rendering` (as the command line runs every
experiment) each figure and GIF frame says on a status line that it is being
drawn (:func:`drawing`), so that no step of a run is silent.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import math
import os
import platform
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from .._io import atomic_write
from ._data import SPIRAL_SCALE, scaled_spirals  # re-exported: importable from here, as before
from ._staging import staged_folder

__all__ = [
    "SPIRAL_SCALE",
    "Context",
    "EpochAccuracy",
    "atomic_write",
    "data_loss",
    "derive_seed",
    "drawing",
    "package_versions",
    "scaled_spirals",
    "status_line",
    "write_json",
]


def derive_seed(seed: int, *key: int) -> int:
    """An independent 32-bit seed for ``key`` under ``seed`` (via ``SeedSequence``).

    The same ``(seed, key)`` always gives the same number, whatever the order
    or the process in which runs happen.
    """
    return int(np.random.SeedSequence([seed, *key]).generate_state(1)[0])


def _plain(value):
    """NumPy scalars and arrays as plain JSON values; non-finite floats as null."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, np.generic):
        return _plain(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def write_json(path: str | os.PathLike, data: dict) -> Path:
    """Atomically write ``data`` as indented JSON (NaN and inf become ``null``)."""
    with atomic_write(path) as handle:
        json.dump(_plain(data), handle, indent=2, allow_nan=False)
        handle.write("\n")
    return Path(path)


def package_versions() -> dict[str, str]:
    """Versions of Python, NumPy, mlplab and the lab's packages that are installed, and the machine."""
    from importlib import metadata

    versions = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
    }
    for name in ("mlplab", "matplotlib", "joblib", "dask", "distributed", "tqdm"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    return versions


#: told the name of what is drawn now, inside :meth:`Context.rendering`; None: nobody is shown it
_DRAWING: contextvars.ContextVar[Callable[[str], None] | None] = contextvars.ContextVar(
    "mlplab_drawing", default=None
)


def drawing(what: str) -> None:
    """Say that ``what`` (a figure in one language, a frame of a GIF) is being drawn now.

    Shown by :meth:`Context.rendering` on a terminal; nothing happens outside it.
    :func:`~mlplab.lab.plotting.each_language` says it of every figure.
    """
    listener = _DRAWING.get()
    if listener is not None:
        listener(what)


class _Status:
    """One line on standard error, ``<desc> [<elapsed>, <what is being done now>]``, gone when closed."""

    def __init__(self, desc: str, text: str = ""):
        from tqdm.auto import tqdm

        self._bar = tqdm(desc=desc, postfix=text, bar_format="{desc} [{elapsed}{postfix}]", leave=False,
                         file=sys.stderr)  # fmt: skip

    def show(self, text: str) -> None:
        self._bar.set_postfix_str(text)  # redrawn at once, however soon after the last

    def close(self) -> None:
        self._bar.close()


def status_line(desc: str, text: str = "") -> _Status:
    """A status line on standard error, ``desc [00:03, text]`` (tqdm's look).

    ``show(text)`` changes the text and the time at once; ``close()`` removes the line.
    """
    return _Status(desc, text)


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def set_postfix_str(self, text: str) -> None:
        pass


@dataclass
class Context:
    """Where and how an experiment runs.

    Attributes
    ----------
    name : str
        The experiment's name; its folder is ``root / name``.
    root : Path
        The output folder given by ``--out``.
    seed : int
        Every random draw of the experiment derives from it.
    quick : bool
        Small settings (for tests and a first look).
    progress : bool
        Show progress bars (on a terminal only, by default).
    """

    name: str
    root: Path
    seed: int = 0
    quick: bool = False
    progress: bool = field(default_factory=lambda: sys.stderr.isatty())
    timings: dict[str, object] = field(default_factory=dict)  # seconds, possibly nested
    started: float = field(default_factory=time.perf_counter)
    _staging: Path | None = field(default=None, init=False, repr=False)
    _after: list[Callable[[], None]] = field(default_factory=list, init=False, repr=False)

    @property
    def folder(self) -> Path:
        """``root / name``: where the experiment's files end up."""
        return Path(self.root) / self.name

    @property
    def out(self) -> Path:
        """The folder to write into: the staging folder under :meth:`staged`, else :attr:`folder`."""
        if self._staging is not None:
            return self._staging
        path = self.folder
        path.mkdir(parents=True, exist_ok=True)
        return path

    @contextlib.contextmanager
    def staged(self, replaced: Callable[[], None] | None = None) -> Iterator[Path]:
        """Inside the block ``out`` is a fresh staging folder; at its end it replaces ``folder`` whole.

        If the block raises (a failed write, Ctrl-C, SIGTERM), the staging
        folder is removed and ``folder`` keeps its earlier files, all of them.
        ``replaced()`` is called as soon as the new folder is in place, then
        every action given to :meth:`after_commit`.
        """
        self._after = []

        def in_place() -> None:
            if replaced is not None:
                replaced()
            for action in self._after:
                action()

        with staged_folder(self.folder, in_place) as staging:
            self._staging = staging
            try:
                yield staging
            finally:
                self._staging = None

    def after_commit(self, action: Callable[[], None]) -> None:
        """Run ``action()`` once the experiment's new files are in place.

        Under :meth:`staged` that is after the staging folder has replaced
        ``folder``, so what ``action`` discards (e.g. the sweep's resume records)
        is kept should the swap fail; without staging the files are in place
        already and ``action`` runs at once.
        """
        if self._staging is None:
            action()
        else:
            self._after.append(action)

    def seed_for(self, *key: int) -> int:
        return derive_seed(self.seed, *key)

    def bar(self, total: int, desc: str):
        """A tqdm progress bar on a terminal, a silent stand-in elsewhere."""
        if not self.progress:
            return _NoBar()
        from tqdm.auto import tqdm

        return tqdm(total=total, desc=f"{self.name}: {desc}", leave=False, file=sys.stderr)

    @contextlib.contextmanager
    def rendering(self) -> Iterator[None]:
        """Inside the block, each thing said to be drawn (:func:`drawing`) shows on a status line.

        ``<name>: drawing [00:04, spirals_boundary.de]``: the line appears with
        the first figure and is gone at the end of the block; only with
        :attr:`progress` (on a terminal).
        """
        if not self.progress:
            yield
            return
        status = None

        def show(what: str) -> None:
            nonlocal status
            if status is None:
                status = status_line(f"{self.name}: drawing", what)
            else:
                status.show(what)

        token = _DRAWING.set(show)
        try:
            yield
        finally:
            _DRAWING.reset(token)
            if status is not None:
                status.close()

    @contextlib.contextmanager
    def timed(self, label: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[label] = round(time.perf_counter() - start, 4)

    def write_metrics(self, config, settings: dict, results: dict) -> Path:
        """``metrics.json``: settings, results, seed, versions; timings kept apart.

        Parameters
        ----------
        config : dataclass instance
            The experiment's ``Config`` that ran: every field goes into ``settings``.
        settings : dict
            What the experiment derived from it (layer sizes, data, seeds...). Where
            a key is also a field's name, this value is kept.
        results : dict
        """
        settings = {**asdict(config), **settings}
        return write_json(
            self.out / "metrics.json",
            {
                "experiment": self.name,
                "seed": self.seed,
                "quick": self.quick,
                "settings": settings,
                "results": results,
                "versions": package_versions(),
                "timings": {**self.timings, "total": round(time.perf_counter() - self.started, 3)},
            },
        )


# ------------------------------------------------------------------ models
def data_loss(model, X: np.ndarray, y: np.ndarray) -> float:
    """The mean cross-entropy of an :class:`~mlplab.MLP` on ``(X, y)``, without any L2 term."""
    logits = model.network.predict_logits(np.asarray(X, dtype=model.network.dtype))  # (n, n_out)
    return float(model.loss.value(logits, model.head.encode(y, model.network.dtype)))


class EpochAccuracy:
    """Train callback: accuracy on ``(X, y)`` with the weights at the end of every epoch.

    ``History.train_accuracy`` counts each mini-batch *before* its update, so
    it lags one epoch behind the model; this callback scores the model itself.

    Attributes
    ----------
    accuracy : list of float
        One entry per epoch.
    first_perfect_epoch : int or None
        The first epoch after which every sample was classified correctly.
    """

    def __init__(self, model, X: np.ndarray, y: np.ndarray, until_perfect: bool = False):
        self.model, self.X, self.y = model, X, np.asarray(y)
        self.until_perfect = until_perfect  # stop scoring once every sample is right (saves time)
        self.accuracy: list[float] = []
        self.first_perfect_epoch: int | None = None

    def __call__(self, epoch: int, history) -> None:
        if self.until_perfect and self.first_perfect_epoch is not None:
            return
        labels = self.model.head.predict(self.model.network.predict_logits(self.X))
        accuracy = float(np.mean(labels == self.y))
        self.accuracy.append(accuracy)
        if accuracy == 1.0 and self.first_perfect_epoch is None:
            self.first_perfect_epoch = epoch
