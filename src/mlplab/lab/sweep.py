"""Task 2.2 (c): hyperparameter study on the two spirals.

Grid (the sheet's): hidden layers [8], [16, 8], [32, 16, 8] (input 2 and one
sigmoid output added) × learning rates 0.001, 0.01, 0.1 × activations
sigmoid, relu, tanh, with several seeds per cell, trained with each of
``--optimizers``: by default the sheet's plain mini-batch gradient descent
(``sgd``) and Adam, with the same budget of epochs and mini-batches, so that
whether an adaptive optimiser helps, and in which cells, is measured. Then the
``--rescaled`` activations (default sigmoid and tanh, whose default is Xavier)
are trained once more with the first optimiser at the largest rate, with
He-scaled initial weights (``he_uniform``: the same random draws as Xavier's
uniform, scaled by √((fan_in + fan_out)/fan_in)), so that the initial weight
scale is the only change. Every run trains on the same ``make_spirals(200, 0.1)``
training set (inputs scaled by 1/(4π), the same data as ``mlplab spirals``
with the same ``--seed``) and is scored on an independent test draw. The
tables are described in :mod:`mlplab.lab._sweep_table`.

Every run has its own seed, derived with ``numpy.random.SeedSequence`` from
``--seed`` and the run's hidden layers, activation, learning rate and seed
index, so a run's result does not depend on the grid around it, on the order
in which runs finish or on the number of workers. The optimiser and the
initialisation are not part of it: the runs of one cell with SGD, with Adam
and with He scaling start from the same random draws and see the mini-batches
in the same order, so they are compared in pairs.

Runs are trained in groups: the runs of one architecture, activation and
optimiser (every rate, seed and initialisation of it) are one task, trained
together by :func:`mlplab.train_many`, which gives each run exactly the
result it would have alone (:func:`train_run`), so no number depends on the
grouping. Tasks go to local worker processes (one BLAS thread each;
``--jobs`` at most the CPUs here) or, with ``--backend dask --scheduler
tcp://HOST:PORT``, to a Dask cluster. A run that diverges is recorded as
failed with its reason while the others of its group go on; divergence is not
retried: with the same seed it would diverge again at the same step. A task
that fails as a whole (a worker process that died, a task over
``--run-timeout``, an unexpected error) records each of its runs as failed
with that reason, and is retried once with the same seeds, in parallel with
the other retries.

Resuming: every finished run (and every deterministic failure) is kept at
once in ``DIR/.sweep-resume/`` (see :mod:`mlplab.lab._sweep_records`). A
sweep started again with the same ``--out`` reads the records of its runs
from there and runs only the others, so an interrupted sweep (Ctrl-C,
SIGTERM, a crash) resumes where it stopped, with the same results, bit for
bit, as a sweep that was never interrupted. A sweep that completes removes
its records (and the folder, once empty) after it has written its files. The
folder lies outside ``DIR/sweep/`` and its name starts with a dot, so it is
no experiment's and the report never reads it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..mlp import MLP, train_many
from ..nn.training import DivergenceError
from ._common import Context, EpochAccuracy
from ._data import N_SAMPLES, spiral_data, spiral_settings
from ._options import (
    OPTIMIZERS,
    OptionError,
    address,
    layer_widths,
    no_repeats,
    option,
    positive_float,
    positive_int,
    worker_count,
)
from ._parallel import BACKENDS, TASK_TIMEOUT, guarded, run_tasks, usable_cpus
from ._sweep_records import forget_records, kept_record
from ._sweep_records import keep_record as _keep_record  # a name of this module: the tests wrap it
from ._sweep_table import CSV_COLUMNS as CSV_COLUMNS  # sweep.csv's columns, named here for readers
from ._sweep_table import FAILURE_FIELDS, best, cell_row, ranking, run_row, summary, write_csv

# The figures (and matplotlib) are imported where they are drawn, so that a worker process starts light.

NAME = "sweep"
HELP = "task 2.2 (c): hidden layers × learning rates × activations × SGD/Adam on the spirals, in parallel"

#: output files (figure stems: a .png and a .svg each); the report imports these names
CSV_FILE = "sweep.csv"
FIG_HEATMAP = "sweep_heatmap"
FIG_CURVES = "sweep_curves"
#: the folder under ``--out`` where the finished runs of an unfinished sweep are kept
RESUME_FOLDER = ".sweep-resume"

HIDDEN_LAYERS = ([8], [16, 8], [32, 16, 8])
LEARNING_RATES = (0.001, 0.01, 0.1)
ACTIVATIONS = ("sigmoid", "relu", "tanh")
#: the optimisers of the grid: the sheet's plain gradient descent and an adaptive one
SWEEP_OPTIMIZERS = ("sgd", "adam")
#: the activations whose default is Xavier, repeated with He-scaled weights ("none": no repeat)
RESCALED = ("sigmoid", "tanh")
#: the initialisation of the repeat, and the name of the library's default in the tables
HE_SCALED, DEFAULT_INIT = "he_uniform", "default"


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab sweep``: the grid, the training of each run, where the runs go."""

    hidden: tuple[tuple[int, ...], ...] = option(
        tuple(tuple(h) for h in HIDDEN_LAYERS),
        parse=layer_widths,
        nargs="+",
        metavar="N,N,...",
        help="hidden-layer architectures, each comma-separated",
    )
    learning_rates: tuple[float, ...] = option(
        LEARNING_RATES, parse=positive_float, nargs="+", metavar="RATE", help="learning rates"
    )
    activations: tuple[str, ...] = option(
        ACTIVATIONS,
        choices=ACTIVATIONS,
        nargs="+",
        metavar="NAME",
        help="hidden activations among sigmoid, relu, tanh",
    )
    optimizers: tuple[str, ...] = option(
        SWEEP_OPTIMIZERS,
        choices=OPTIMIZERS,
        nargs="+",
        metavar="NAME",
        help="optimisers, each over the whole grid; sgd is the sheet's plain mini-batch gradient descent",
    )
    rescaled: tuple[str, ...] = option(
        RESCALED,
        choices=(*RESCALED, "none"),
        nargs="+",
        metavar="NAME",
        help="activations trained again with He-scaled weights (first optimiser, largest rate); "
        "none: no repeat",
    )
    seeds: int = option(2, parse=positive_int, help="runs per cell")
    epochs: int = option(600, quick=40, parse=positive_int, help="epochs per run")
    batch_size: int = option(32, parse=positive_int, help="mini-batch size")
    jobs: int = option(
        -1,
        parse=worker_count,
        help=f"local worker processes, at most the CPUs here ({usable_cpus()}): -1 means all, "
        "-k all but k-1, 1 runs here",
    )
    backend: str = option(
        "local",
        choices=BACKENDS,
        help="local: worker processes on this machine; dask: a Dask cluster, see --scheduler",
    )
    scheduler: str | None = option(
        None,
        parse=address,
        metavar="tcp://HOST:PORT",
        help="address of the Dask scheduler, for --backend dask",
    )
    run_timeout: float = option(
        TASK_TIMEOUT,
        parse=positive_float,
        metavar="SECONDS",
        help="a task (the runs of one architecture, activation and optimiser) on a worker process "
        "taking longer is stopped and its runs recorded as failed "
        "(dask: no task finishing for that long; --jobs 1 runs here, unbounded)",
    )

    def check(self) -> None:
        """No value listed twice; ``--backend dask`` needs ``--scheduler`` and the dask extra."""
        no_repeats(self, "hidden", "learning_rates", "activations", "optimizers", "rescaled")
        if "none" in self.rescaled and len(self.rescaled) > 1:
            raise OptionError("rescaled", "none means no repeat: give it alone")
        if self.backend == "dask":
            if self.scheduler is None:
                raise OptionError(
                    "scheduler", "is needed with --backend dask: the address of a running scheduler"
                )
            if importlib.util.find_spec("distributed") is None:
                raise OptionError(
                    "backend", "dask needs 'distributed'; install it with: pip install 'mlplab[dask]'"
                )
        elif self.scheduler is not None:
            raise OptionError("scheduler", "applies only with --backend dask")


#: training points (2 · (200 // 2))
N_TRAIN = 2 * (N_SAMPLES // 2)


# ------------------------------------------------------------------ the worker
def _model(hidden: Sequence[int], activation: str, learning_rate: float, optimizer: str, seed: int,
           init: str) -> MLP:  # fmt: skip
    chosen = None if init == DEFAULT_INIT else init
    return MLP([2, *hidden, 1], activation, learning_rate, optimizer=optimizer, seed=seed, init=chosen)


def _scores(model: MLP, history, tracker: EpochAccuracy, data: tuple) -> dict:
    """What a finished run reports (see :func:`train_run`)."""
    X, y, X_test, y_test = data
    logits = model.network.predict_logits(X)
    return {
        "final_train_loss": model.loss.value(logits, model.head.encode(y)),
        "train_accuracy": model.score(X, y),
        "test_accuracy": model.score(X_test, y_test),
        "epochs_to_100_percent": tracker.first_perfect_epoch,
        "loss_curve": history.train_loss,
    }


def train_run(
    hidden: Sequence[int],
    activation: str,
    learning_rate: float,
    optimizer: str,
    epochs: int,
    batch_size: int,
    seed: int,
    train_seed: int,
    test_seed: int,
    init: str = DEFAULT_INIT,
) -> dict:
    """Train one network of the sweep alone and score it (what :func:`train_group` gives each run).

    Parameters
    ----------
    hidden : sequence of int
        Hidden-layer widths; the network is ``[2, *hidden, 1]``.
    activation : str
    learning_rate : float
    optimizer : str
    epochs, batch_size : int
    seed : int
        Seeds weight initialisation and shuffling.
    train_seed, test_seed : int
        Seeds of the training and test spirals (see :func:`~mlplab.lab._data.spiral_data`).
    init : str
        ``'default'`` (the library's: Xavier uniform, He normal for ReLU) or an initialiser's name.

    Returns
    -------
    dict
        ``final_train_loss``, ``train_accuracy``, ``test_accuracy``,
        ``epochs_to_100_percent`` (``None`` if never) and ``loss_curve``
        (the per-epoch training loss).

    Raises
    ------
    DivergenceError
        If training diverges.
    """
    data = spiral_data(train_seed, test_seed)
    model = _model(hidden, activation, learning_rate, optimizer, seed, init)
    tracker = EpochAccuracy(model, data[0], data[1], until_perfect=True)
    history = model.train(data[0], data[1], epochs=epochs, batch_size=batch_size, callbacks=[tracker])
    return _scores(model, history, tracker, data)


def train_group(
    hidden: Sequence[int],
    activation: str,
    optimizer: str,
    epochs: int,
    batch_size: int,
    train_seed: int,
    test_seed: int,
    runs: Sequence[dict],
) -> dict:
    """Train the runs of one architecture, activation and optimiser together (:func:`mlplab.train_many`).

    Parameters
    ----------
    hidden, activation, optimizer, epochs, batch_size, train_seed, test_seed
        As :func:`train_run`, shared by the runs.
    runs : sequence of dict
        Each with ``key``, ``learning_rate``, ``seed`` and ``init`` (as :func:`train_run`).

    Returns
    -------
    dict
        ``{"runs": [...]}``, one record per run, in order: ``status`` ``'ok'``
        with exactly the results of :func:`train_run` for that run, or
        ``'failed'`` with ``error`` and ``retryable=False`` where it diverged
        (the other runs go on).
    """
    data = spiral_data(train_seed, test_seed)
    X, y = data[0], data[1]
    models = [_model(hidden, activation, r["learning_rate"], optimizer, r["seed"], r["init"]) for r in runs]
    trackers = [EpochAccuracy(model, X, y, until_perfect=True) for model in models]
    outcomes = train_many(models, X, y, epochs, batch_size, callbacks=[[tracker] for tracker in trackers])
    records = []
    for run, model, tracker, outcome in zip(runs, models, trackers, outcomes):
        if isinstance(outcome, DivergenceError):
            record = {"status": "failed", "error": f"DivergenceError: {outcome}", "retryable": False}
        else:
            record = {"status": "ok", **_scores(model, outcome, tracker, data)}
        records.append({"key": run["key"], **record})
    return {"runs": records}


def _run_task(task: dict) -> dict:
    """Worker entry point: one group of :func:`train_group` (see :func:`~mlplab.lab._parallel.guarded`).

    ``task`` holds plain values only (it travels to other processes): ``key``
    (the group's index) and the keyword arguments of :func:`train_group`.
    """
    return guarded(train_group, task)


#: The function each worker runs on a task (a module-level name, so that it pickles by reference;
#: tests swap it for one that kills its process).
WORKER = _run_task


# ------------------------------------------------------------------- the lab
def _run_seed(ctx: Context, hidden: Sequence[int], activation: str, learning_rate: float, index: int) -> int:
    """The seed of one run, from ``--seed`` and the run's configuration (not its position)."""
    run_config = f"{list(hidden)}|{activation}|{learning_rate!r}".encode()
    return ctx.seed_for(2, int.from_bytes(run_config, "little"), index)


def grid_cells(config: Config) -> list[dict]:
    """The cells of the sweep, in order: each optimiser over the grid, then the He-scaled repeat."""
    hidden_grid = [list(h) for h in config.hidden]

    def cell(hidden, activation, rate, optimizer, init=DEFAULT_INIT):
        return {"hidden_layers": hidden, "activation": activation, "learning_rate": rate,
                "optimizer": optimizer, "init": init}  # fmt: skip

    cells = [
        cell(hidden, activation, rate, optimizer)
        for optimizer in config.optimizers
        for hidden in hidden_grid
        for activation in config.activations
        for rate in config.learning_rates
    ]
    rescaled = [a for a in config.activations if a in config.rescaled]
    top = max(config.learning_rates)
    cells += [cell(h, a, top, config.optimizers[0], HE_SCALED) for h in hidden_grid for a in rescaled]
    return cells


#: what the runs of one task share, and what each of them has of its own
GROUP_PARAMS = ("hidden", "activation", "optimizer", "epochs", "batch_size", "train_seed", "test_seed")
RUN_PARAMS = ("learning_rate", "seed", "init")


def group_tasks(tasks: Sequence[dict]) -> list[dict]:
    """The runs of ``tasks`` as tasks of :func:`train_group`: one per architecture, activation and optimiser.

    Groups are numbered (their ``key``) in the order of their first run; a
    group's runs keep the order of ``tasks``.
    """
    members: dict[tuple, list[dict]] = {}
    for task in tasks:
        shared = tuple(repr(task["params"][name]) for name in GROUP_PARAMS)  # lists are not hashable
        members.setdefault(shared, []).append(task)
    groups = []
    for index, runs in enumerate(members.values()):
        shared = {name: runs[0]["params"][name] for name in GROUP_PARAMS}
        own = [{"key": run["key"], **{name: run["params"][name] for name in RUN_PARAMS}} for run in runs]
        groups.append({"key": index, "params": {**shared, "runs": own}})
    return groups


def run_records(group: dict, record: dict) -> list[tuple]:
    """``(run key, run record)`` for each run of ``group`` from the group's ``record``.

    A group that ran gives each run its own record; a group that failed (its
    worker died, it timed out, it raised) gives each run the group's failure.
    Each run gets the group's ``attempts`` and an equal share of its ``seconds``.
    """
    runs = group["params"]["runs"]
    shared = {"attempts": record["attempts"], "seconds": record["seconds"] / len(runs)}
    if record["status"] == "ok":
        return [(run["key"], {**{k: v for k, v in run.items() if k != "key"}, **shared})
                for run in record["runs"]]  # fmt: skip
    failure = {name: record[name] for name in ("status", "error", "retryable")}
    return [(run["key"], {**failure, **shared}) for run in runs]


def mean_curves(cells: Sequence[dict], curves: dict, n_seeds: int, epochs: int, points: int = 100) -> dict:
    """Each cell's training loss, the mean over its seeds, at about ``points`` epochs (for the figure)."""
    step = max(1, epochs // points)
    at = list(range(step, epochs + 1, step))
    means = []
    for c in range(len(cells)):
        runs = [curves[(c, s)] for s in range(n_seeds) if curves.get((c, s)) is not None]
        means.append(None if not runs else [float(v) for v in np.mean(runs, axis=0)[np.asarray(at) - 1]])
    return {"epochs": at, "mean_train_loss": means}


def run(ctx: Context, config: Config) -> dict:
    """Run the grid, write ``metrics.json``, ``sweep.csv`` and the figures into ``ctx.out``."""
    n_seeds, epochs = config.seeds, config.epochs
    train_seed, test_seed = ctx.seed_for(0), ctx.seed_for(1)
    cells = grid_cells(config)
    tasks = []
    for c, cell in enumerate(cells):
        for s in range(n_seeds):
            params = {
                "hidden": cell["hidden_layers"],
                "activation": cell["activation"],
                "learning_rate": cell["learning_rate"],
                "optimizer": cell["optimizer"],
                "init": cell["init"],
                "epochs": epochs,
                "batch_size": config.batch_size,
                "seed": _run_seed(ctx, cell["hidden_layers"], cell["activation"], cell["learning_rate"], s),
                "train_seed": train_seed,
                "test_seed": test_seed,
            }
            tasks.append({"key": (c, s), "params": params})
    settings = {
        "data": spiral_settings(train_seed, test_seed),
        "hidden_layers": [list(h) for h in config.hidden],
        "learning_rates": list(config.learning_rates),
        "activations": list(config.activations),
        "optimizers": list(config.optimizers),
        "rescaled_init": HE_SCALED,
        "rescaled_activations": [a for a in config.activations if a in config.rescaled],
        "rescaled_rate": max(config.learning_rates),
        "rescaled_optimizer": config.optimizers[0],
        "seeds_per_cell": n_seeds,
        "epochs": epochs,
        "batch_size": config.batch_size,
        "updates_per_run": epochs * -(-N_TRAIN // config.batch_size),
        "std": "sample standard deviation over the seeds (ddof = 1); null for a single run",
        "execution": {"backend": config.backend, "jobs": config.jobs, "scheduler": config.scheduler},
    }

    resume = Path(ctx.root) / RESUME_FOLDER
    records = {task["key"]: record for task in tasks if (record := kept_record(resume, task)) is not None}
    groups = group_tasks([task for task in tasks if task["key"] not in records])
    by_key = {task["key"]: task for task in tasks}

    def keep(group: dict, record: dict) -> None:
        for key, run_record in run_records(group, record):
            _keep_record(resume, by_key[key], run_record)

    with ctx.timed("runs"):
        if groups:
            done = run_tasks(
                groups,
                WORKER,
                backend=config.backend,
                jobs=config.jobs,
                scheduler=config.scheduler,
                task_timeout=config.run_timeout,
                bar=ctx.bar,
                label=f"runs ({len(records)} resumed)" if records else "runs",
                on_record=keep,
                units=lambda group: len(group["params"]["runs"]),
            )
            for group in groups:
                records.update(run_records(group, done[group["key"]]))
    ctx.timings["run_seconds_summed"] = round(
        sum(r["seconds"] for r in records.values()), 4
    )  # the serial cost
    runs = [run_row(cells[task["key"][0]], task, records[task["key"]]) for task in tasks]
    table = [cell_row(cell, [r for r in runs if r["cell"] == c]) for c, cell in enumerate(cells)]
    failures = [{k: r[k] for k in FAILURE_FIELDS} for r in runs if r["status"] == "failed"]
    grid = [row for row in table if row["init"] == DEFAULT_INIT]
    curves = {key: record.get("loss_curve") for key, record in records.items()}
    results = {
        "best": best(table),
        "best_by_optimizer": {o: best([r for r in grid if r["optimizer"] == o]) for o in config.optimizers},
        "top5": [summary(row) for row in ranking(table)[:5]],
        "cells": table,
        "curves": mean_curves(cells, curves, n_seeds, epochs),
        "runs": runs,
        "failures": failures,
        "n_runs": len(runs),
        "n_failed": len(failures),
    }
    from ._sweep_figures import plot_curves, plot_heatmaps

    with ctx.timed("figures"):
        write_csv(ctx.out / CSV_FILE, table)
        plot_heatmaps(ctx.out / FIG_HEATMAP, settings, results)
        plot_curves(ctx.out / FIG_CURVES, settings, results)
    ctx.write_metrics(config, settings, results)
    ctx.after_commit(lambda: forget_records(resume, tasks))  # kept should the swap into place fail
    return results
