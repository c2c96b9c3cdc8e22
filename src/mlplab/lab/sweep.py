"""Task 2.2 (c): hyperparameter study on the two spirals.

Grid (the sheet's): hidden layers [8], [16, 8], [32, 16, 8] (input 2 and one
sigmoid output added) × learning rates 0.001, 0.01, 0.1 × activations
sigmoid, relu, tanh, with several seeds per cell. Every run trains on the same
``make_spirals(200, 0.1)`` training set (inputs scaled by 1/(4π), the same data
as ``mlplab spirals`` with the same ``--seed``) and is scored on an independent
test draw. The sheet's method is plain mini-batch gradient descent, so the
optimiser is ``sgd`` unless ``--optimizer`` says otherwise.

Per cell the table gives mean ± sample standard deviation over the seeds of
the final training loss (mean BCE of the final weights on the whole training
set), the training and test accuracy, and the epoch after which every training
point is classified correctly (averaged over the runs that got there; the
count of those runs is a column of its own). The best cell has the highest
mean test accuracy; ties go to the lower mean final training loss.

Every run has its own seed, derived with ``numpy.random.SeedSequence`` from
``--seed`` and the run's configuration (hidden layers, activation, learning
rate, seed index), so a run's result does not depend on the grid around it,
on the order in which runs finish or on the number of workers. Runs go to all
local cores with joblib (one BLAS thread each) or, with ``--backend dask
--scheduler tcp://HOST:PORT``, to a Dask cluster. A run that raises is
recorded as failed with its reason while the others go on; a failure that may
be transient (a lost worker, an unexpected error) is retried once with the
same seed. Divergence is not retried: with the same seed it would diverge
again at the same step.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np

from ..mlp import MLP
from ..nn.training import DivergenceError
from . import plotting
from ._common import Context, EpochAccuracy, atomic_write, layer_list, positive_int
from .spirals import N_SAMPLES, NOISE, SCALE_TEXT, positive_float, spiral_data

NAME = "sweep"
HELP = "task 2.2 (c): hidden layers × learning rates × activations on the spirals, in parallel"

#: output files (figure stems: a .png and a .svg each); the report imports these names
CSV_FILE = "sweep.csv"
FIG_HEATMAP = "sweep_heatmap"
FIG_CURVES = "sweep_curves"

HIDDEN_LAYERS = ([8], [16, 8], [32, 16, 8])
LEARNING_RATES = (0.001, 0.01, 0.1)
ACTIVATIONS = ("sigmoid", "relu", "tanh")

#: columns of sweep.csv (and keys of each entry of results["cells"])
CSV_COLUMNS = (
    "hidden_layers",
    "activation",
    "learning_rate",
    "runs",
    "failed",
    "final_train_loss_mean",
    "final_train_loss_std",
    "train_accuracy_mean",
    "train_accuracy_std",
    "test_accuracy_mean",
    "test_accuracy_std",
    "reached_100_percent",
    "epochs_to_100_percent_mean",
    "epochs_to_100_percent_std",
)
_METRICS = ("final_train_loss", "train_accuracy", "test_accuracy")
_FAILURE_FIELDS = ("hidden_layers", "activation", "learning_rate", "seed_index", "seed", "attempts", "error")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--hidden",
        type=layer_list,
        nargs="+",
        default=None,
        metavar="N,N,...",
        help="hidden-layer architectures, each comma-separated (default: 8 16,8 32,16,8)",
    )
    parser.add_argument(
        "--learning-rates",
        type=positive_float,
        nargs="+",
        default=None,
        metavar="RATE",
        help="learning rates (default: 0.001 0.01 0.1)",
    )
    parser.add_argument(
        "--activations",
        choices=list(ACTIVATIONS),
        nargs="+",
        default=None,
        metavar="NAME",
        help="hidden activations among sigmoid, relu, tanh (default: all three)",
    )
    parser.add_argument(
        "--seeds", type=positive_int, default=None, help="runs per cell (default: 3; 2 with --quick)"
    )
    parser.add_argument(
        "--epochs", type=positive_int, default=None, help="epochs per run (default: 1000; 100 with --quick)"
    )
    parser.add_argument("--batch-size", type=positive_int, default=32, help="default: 32")
    parser.add_argument(
        "--optimizer",
        choices=["sgd", "momentum", "rmsprop", "adam"],
        default="sgd",
        help="default: sgd, the sheet's plain mini-batch gradient descent",
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=-1,
        help="local worker processes (loky backend): -1 means all cores, 1 runs here (default: -1)",
    )
    parser.add_argument(
        "--backend",
        choices=["loky", "dask"],
        default="loky",
        help="loky: local processes via joblib (default); dask: a Dask cluster, see --scheduler",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="tcp://HOST:PORT",
        help="address of the Dask scheduler (with --backend dask)",
    )


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a non-zero integer, got {text!r}") from None
    if value == 0:
        raise argparse.ArgumentTypeError("must be -1 (all cores), a positive number, or -k (all but k-1)")
    return value


# ------------------------------------------------------------------ the worker
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
) -> dict:
    """Train one network of the sweep and score it.

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
        Seeds of the training and test spirals (see :func:`~mlplab.lab.spirals.spiral_data`).

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
    X, y, X_test, y_test = spiral_data(train_seed, test_seed)
    model = MLP([2, *hidden, 1], activation, learning_rate, optimizer=optimizer, seed=seed)
    tracker = EpochAccuracy(model, X, y)
    history = model.train(X, y, epochs=epochs, batch_size=batch_size, callbacks=[tracker])
    logits = model.network.predict_logits(X)
    return {
        "final_train_loss": model.loss.value(logits, model.loss.prepare_targets(y)),
        "train_accuracy": model.score(X, y),
        "test_accuracy": model.score(X_test, y_test),
        "epochs_to_100_percent": tracker.first_perfect_epoch,
        "loss_curve": history.train_loss,
    }


def _run_task(task: dict) -> dict:
    """Worker entry point: one run, its failure caught and described, one BLAS thread.

    ``task`` holds plain values only (it travels to other processes): ``key``
    (cell index, seed index) and the keyword arguments of :func:`train_run`.
    Returns ``{"key", "status", "seconds", ...}`` with the results of
    :func:`train_run` or ``error`` and ``retryable``.
    """
    from threadpoolctl import threadpool_limits

    start = time.perf_counter()
    try:
        with threadpool_limits(1):  # the matrices are tiny: threads would only fight over the cores
            record = {"status": "ok", **train_run(**task["params"])}
    except Exception as error:
        record = {
            "status": "failed",
            "error": f"{type(error).__name__}: {error}",
            "retryable": not isinstance(error, DivergenceError),  # deterministic: it would diverge again
        }
    record["key"] = task["key"]
    record["seconds"] = time.perf_counter() - start
    return record


# ----------------------------------------------------------------- executors
def _serial(tasks: Sequence[dict], attempt: int = 1) -> Iterator[dict]:
    return map(WORKER, tasks)


#: The function each worker runs on a task (a module-level name, so that it pickles by reference;
#: tests swap it for one that kills its process).
WORKER: Callable[[dict], dict] = _run_task


def _worker_died(task: dict, error: BaseException) -> dict:
    return {
        "key": task["key"],
        "seconds": 0.0,
        "status": "failed",
        "error": f"worker process died: {type(error).__name__}: {error}",
        "retryable": True,
    }


def _processes(jobs: int) -> Callable[..., Iterator[dict]]:
    """Worker processes (joblib's loky), one future per run.

    A run that raises is caught inside its worker (:func:`_run_task`). A worker
    that *dies* (a crash, the out-of-memory killer) breaks the pool and fails
    every run still pending in it; each is recorded as failed with that reason
    and retried. Retries run one at a time, so that a run that kills its worker
    again takes no other run down with it.
    """
    from concurrent.futures import as_completed

    from joblib import cpu_count
    from joblib.externals.loky import get_reusable_executor

    workers = jobs if jobs > 0 else max(1, cpu_count() + 1 + jobs)

    def run(tasks: Sequence[dict], attempt: int = 1) -> Iterator[dict]:
        if attempt > 1:  # isolate the retries
            for task in tasks:
                future = get_reusable_executor(max_workers=1).submit(WORKER, task)
                try:
                    yield future.result()
                except Exception as error:
                    yield _worker_died(task, error)
            return
        executor = get_reusable_executor(max_workers=workers)
        futures = {executor.submit(WORKER, task): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as error:  # the process running it died
                yield _worker_died(futures[future], error)

    return run


@contextlib.contextmanager
def _executor(backend: str, jobs: int, scheduler: str | None) -> Iterator[Callable]:
    """A function ``run(tasks)`` yielding results as they finish, for the chosen backend."""
    if backend == "dask":
        if not scheduler:
            raise SystemExit(
                "mlplab sweep: --backend dask needs --scheduler tcp://HOST:PORT, "
                "the address of a running Dask scheduler"
            )
        try:
            from dask.distributed import Client, as_completed
        except ImportError as error:
            raise SystemExit(
                f"mlplab sweep: --backend dask needs {error.name!r}; install it with: "
                "pip install 'mlplab[dask]'"
            ) from None

        def run(tasks: Sequence[dict], attempt: int = 1) -> Iterator[dict]:
            # pure=False: a retry must run again, not fetch the cached failure
            futures = client.map(WORKER, list(tasks), pure=False)
            keys = {future.key: task["key"] for future, task in zip(futures, tasks)}
            for future in as_completed(futures, loop=client.loop):
                try:
                    yield future.result()
                except Exception as error:  # the worker itself was lost
                    record = {
                        "status": "failed",
                        "error": f"{type(error).__name__}: {error}",
                        "retryable": True,
                    }
                    yield {**record, "key": keys[future.key], "seconds": 0.0}

        with Client(scheduler, set_as_default=False) as client:
            yield run
    elif jobs == 1:
        yield _serial
    else:
        yield _processes(jobs)


# ------------------------------------------------------------------- the lab
def _run_seed(ctx: Context, hidden: Sequence[int], activation: str, learning_rate: float, index: int) -> int:
    """The seed of one run, from ``--seed`` and the run's configuration (not its position)."""
    config = f"{list(hidden)}|{activation}|{learning_rate!r}".encode()
    return ctx.seed_for(2, int.from_bytes(config, "little"), index)


def _grid(args: argparse.Namespace) -> tuple[list[list[int]], list[float], list[str]]:
    hidden = [list(h) for h in (args.hidden or HIDDEN_LAYERS)]
    rates = list(args.learning_rates or LEARNING_RATES)
    activations = list(args.activations or ACTIVATIONS)
    for name, values in (
        ("--hidden", [tuple(h) for h in hidden]),
        ("--learning-rates", rates),
        ("--activations", activations),
    ):
        if len(set(values)) != len(values):
            raise SystemExit(f"mlplab sweep: {name} lists a value twice: {values}")
    return hidden, rates, activations


def run(ctx: Context, args: argparse.Namespace) -> dict:
    """Run the grid, write ``metrics.json``, ``sweep.csv`` and the figures into ``ctx.out``."""
    hidden_grid, rates, activations = _grid(args)
    n_seeds = args.seeds or (2 if ctx.quick else 3)
    epochs = args.epochs or (100 if ctx.quick else 1000)
    train_seed, test_seed = ctx.seed_for(0), ctx.seed_for(1)
    cells = [
        {"hidden_layers": hidden, "activation": activation, "learning_rate": rate}
        for hidden in hidden_grid
        for activation in activations
        for rate in rates
    ]
    tasks = []
    for c, cell in enumerate(cells):
        for s in range(n_seeds):
            params = {
                "hidden": cell["hidden_layers"],
                "activation": cell["activation"],
                "learning_rate": cell["learning_rate"],
                "optimizer": args.optimizer,
                "epochs": epochs,
                "batch_size": args.batch_size,
                "seed": _run_seed(ctx, cell["hidden_layers"], cell["activation"], cell["learning_rate"], s),
                "train_seed": train_seed,
                "test_seed": test_seed,
            }
            tasks.append({"key": (c, s), "params": params})
    settings = {
        "data": {
            "train": f"make_spirals({N_SAMPLES}, {NOISE}, seed={train_seed})",
            "test": f"make_spirals({N_SAMPLES}, {NOISE}, seed={test_seed})",
            "input_scaling": SCALE_TEXT,
        },
        "hidden_layers": hidden_grid,
        "learning_rates": rates,
        "activations": activations,
        "seeds_per_cell": n_seeds,
        "epochs": epochs,
        "batch_size": args.batch_size,
        "optimizer": args.optimizer,
        "std": "sample standard deviation over the seeds (ddof = 1); null for a single run",
        "execution": {"backend": args.backend, "jobs": args.jobs, "scheduler": args.scheduler},
    }

    records = _execute(ctx, tasks, args)
    runs = [_run_row(cells[task["key"][0]], task, records[task["key"]]) for task in tasks]
    table = [_cell_row(cell, [r for r in runs if r["cell"] == c]) for c, cell in enumerate(cells)]
    best = _best(table)
    failures = [{k: r[k] for k in _FAILURE_FIELDS} for r in runs if r["status"] == "failed"]
    ranking = sorted((row for row in table if row["test_accuracy_mean"] is not None), key=_rank_key)
    results = {
        "best": best,
        "top5": [_summary(row) for row in ranking[:5]],
        "cells": table,
        "runs": runs,
        "failures": failures,
        "n_runs": len(runs),
        "n_failed": len(failures),
    }
    with ctx.timed("figures"):
        _write_csv(ctx.out / CSV_FILE, table)
        _plot_heatmaps(ctx.out / FIG_HEATMAP, table, hidden_grid, activations, rates, settings, best)
        curves = {key: record.get("loss_curve") for key, record in records.items()}
        _plot_curves(ctx.out / FIG_CURVES, cells, curves, n_seeds, hidden_grid, activations, rates, settings)
    ctx.write_metrics(settings, results)
    return results


def _execute(ctx: Context, tasks: list[dict], args: argparse.Namespace) -> dict:
    """Run every task (retrying the retryable failures once): ``{key: record}``."""
    records: dict[tuple, dict] = {}
    seconds = 0.0
    with ctx.timed("runs"), _executor(args.backend, args.jobs, args.scheduler) as execute:
        pending, attempt = tasks, 1
        while pending and attempt <= 2:
            bar = ctx.bar(len(pending), "runs" if attempt == 1 else "retries")
            failed = 0
            for record in execute(pending, attempt):
                key = tuple(record.pop("key"))
                seconds += record.pop("seconds")
                record["attempts"] = attempt
                records[key] = record
                failed += record["status"] == "failed"
                bar.update()
                if failed:
                    bar.set_postfix_str(f"{failed} failed")
            bar.close()
            pending = [
                t for t in tasks if records[t["key"]]["status"] == "failed" and records[t["key"]]["retryable"]
            ]
            attempt += 1
    ctx.timings["run_seconds_summed"] = round(seconds, 4)  # over all runs: the serial cost
    return records


def _run_row(cell: dict, task: dict, record: dict) -> dict:
    ok = record["status"] == "ok"
    key = task["key"]
    return {
        "cell": key[0],
        **cell,
        "seed_index": key[1],
        "seed": task["params"]["seed"],
        "status": record["status"],
        "attempts": record["attempts"],
        **{name: record[name] if ok else None for name in (*_METRICS, "epochs_to_100_percent")},
        "error": None if ok else record["error"],
    }


def _mean_std(values: Sequence[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    values = np.asarray(values, dtype=float)
    return float(values.mean()), (float(values.std(ddof=1)) if values.size > 1 else None)


def _cell_row(cell: dict, runs: list[dict]) -> dict:
    ok = [r for r in runs if r["status"] == "ok"]
    row = {**cell, "runs": len(runs), "failed": len(runs) - len(ok)}
    for name in _METRICS:
        row[f"{name}_mean"], row[f"{name}_std"] = _mean_std([r[name] for r in ok])
    reached = [r["epochs_to_100_percent"] for r in ok if r["epochs_to_100_percent"] is not None]
    row["reached_100_percent"] = len(reached)
    row["epochs_to_100_percent_mean"], row["epochs_to_100_percent_std"] = _mean_std(reached)
    return row


def _rank_key(row: dict) -> tuple:
    """Cells without failures first, then by mean test accuracy (high), then final loss (low)."""
    return (row["failed"] > 0, -row["test_accuracy_mean"], row["final_train_loss_mean"])


def _best(table: list[dict]) -> dict | None:
    candidates = [row for row in table if row["test_accuracy_mean"] is not None]
    if not candidates:
        return None
    best = min(candidates, key=_rank_key)
    return {**best, "summary": _summary(best)}


def _pm(mean: float | None, std: float | None, digits: int = 3) -> str:
    if mean is None:
        return "n/a"
    return f"{mean:.{digits}f}" + (f" ± {std:.{digits}f}" if std is not None else "")


def _summary(row: dict) -> str:
    """One line naming a cell and its numbers."""
    reached = row["reached_100_percent"]
    ok = row["runs"] - row["failed"]
    if reached:
        after = _pm(row["epochs_to_100_percent_mean"], row["epochs_to_100_percent_std"], 0)
        epochs = f"100 % training accuracy reached by {reached}/{ok} runs, first after {after} epochs"
    else:
        epochs = "100 % training accuracy never reached"
    runs = f"{row['runs']} seeds" + (f", {row['failed']} failed" if row["failed"] else "")
    return (
        f"{[2, *row['hidden_layers'], 1]}, {row['activation']}, α = {row['learning_rate']} ({runs}): "
        f"test accuracy {_pm(row['test_accuracy_mean'], row['test_accuracy_std'])}, "
        f"training accuracy {_pm(row['train_accuracy_mean'], row['train_accuracy_std'])}, "
        f"final training loss {_pm(row['final_train_loss_mean'], row['final_train_loss_std'], 4)}; "
        f"{epochs}"
    )


def _write_csv(path: Path, table: list[dict]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in table:
        values = {name: row[name] for name in CSV_COLUMNS}
        values["hidden_layers"] = "-".join(map(str, row["hidden_layers"]))
        writer.writerow(
            {k: "" if v is None else (repr(v) if isinstance(v, float) else v) for k, v in values.items()}
        )
    with atomic_write(path) as handle:
        handle.write(buffer.getvalue())


# ------------------------------------------------------------------- figures
def _plot_heatmaps(stem: Path, table, hidden_grid, activations, rates, settings, best) -> None:
    """One panel per architecture: activation × learning rate, colour = mean test accuracy."""
    from matplotlib import colormaps

    lookup = {(tuple(r["hidden_layers"]), r["activation"], r["learning_rate"]): r for r in table}
    n = len(hidden_grid)
    width = 0.7 * max(len(rates), 2) + 0.75  # 0.7 inch per cell, 2.85 inches for three rates
    height = 0.6 * max(len(activations), 2) + 1.1
    fig, axes = plotting.new_figure(n, width=width, height=height, squeeze=False)
    cmap = colormaps["viridis"].with_extremes(bad="0.85")
    image = None
    for ax, hidden in zip(axes[0], hidden_grid):
        values = np.full((len(activations), len(rates)), np.nan)
        for i, activation in enumerate(activations):
            for j, rate in enumerate(rates):
                row = lookup[(tuple(hidden), activation, rate)]
                mean = row["test_accuracy_mean"]
                values[i, j] = np.nan if mean is None else mean
                text = _pm(mean, row["test_accuracy_std"], 2).replace(" ± ", "\n±")
                if row["failed"]:
                    text += f"\n{row['failed']}/{row['runs']} failed"
                if best is not None and _same_cell(row, best):
                    ax.add_patch(_frame(j, i))
                dark = mean is not None and mean < 0.8
                ax.text(j, i, text, ha="center", va="center", fontsize=9, color="white" if dark else "black")
        image = ax.imshow(values, cmap=cmap, vmin=0.5, vmax=1.0, aspect="auto")
        ax.set_xticks(range(len(rates)), [f"{rate:g}" for rate in rates])
        ax.set_yticks(range(len(activations)), activations if ax is axes[0][0] else [])
        ax.set_xlabel("learning rate α")
        ax.set_title(f"hidden {hidden}")
        ax.grid(False)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
    axes[0][0].set_ylabel("activation")
    fig.colorbar(image, ax=axes[0].tolist(), label="mean test accuracy", shrink=0.9)
    fig.suptitle(
        f"two spirals: test accuracy, mean ± std over {settings['seeds_per_cell']} seeds\n"
        f"{settings['optimizer']}, {settings['epochs']} epochs, batch {settings['batch_size']}; "
        "best cell framed"
    )
    plotting.save_figure(fig, stem)


def _same_cell(a: dict, b: dict) -> bool:
    return all(a[k] == b[k] for k in ("hidden_layers", "activation", "learning_rate"))


def _frame(x: float, y: float):
    from matplotlib.patches import Rectangle

    return Rectangle(
        (x - 0.47, y - 0.47), 0.94, 0.94, fill=False, edgecolor="#e31a1c", linewidth=2.5, zorder=4
    )


def _plot_curves(stem: Path, cells, curves, n_seeds, hidden_grid, activations, rates, settings) -> None:
    """Mean training loss over the seeds: one panel per architecture, colour = activation, style = rate."""
    from matplotlib.lines import Line2D

    colours = dict(zip(ACTIVATIONS, ["#1b9e77", "#d95f02", "#7570b3"]))
    styles = ["-", "--", ":", "-.", (0, (5, 1, 1, 1, 1, 1))]
    fig, axes = plotting.new_figure(len(hidden_grid), width=2.8, height=2.9, sharey=True, squeeze=False)
    low, high = np.inf, 0.0
    for ax, hidden in zip(axes[0], hidden_grid):
        for c, cell in enumerate(cells):
            if cell["hidden_layers"] != hidden:
                continue
            runs = [curves[(c, s)] for s in range(n_seeds) if curves.get((c, s)) is not None]
            if not runs:
                continue
            mean = np.mean(np.asarray(runs, dtype=float), axis=0)
            low, high = min(low, mean.min()), max(high, mean.max())
            ax.plot(
                np.arange(1, mean.size + 1),
                mean,
                color=colours[cell["activation"]],
                lw=1.6,
                ls=styles[rates.index(cell["learning_rate"]) % len(styles)],
            )
        ax.set_xlabel("epoch")
        ax.set_title(f"hidden {hidden}")
    if low > 0 and high > 10 * low:  # a log scale only where the losses span more than a decade
        axes[0][0].set_yscale("log")
    axes[0][0].set_ylabel("training loss (BCE)")
    handles = [Line2D([], [], color=colours[a], lw=2, label=a) for a in activations]
    handles += [
        Line2D([], [], color="0.3", ls=styles[i % len(styles)], label=f"α = {rate:g}")
        for i, rate in enumerate(rates)
    ]
    fig.legend(handles=handles, loc="outside right center", frameon=False)
    fig.suptitle(
        f"two spirals: training loss, mean over {n_seeds} seeds "
        f"({settings['optimizer']}, batch {settings['batch_size']})"
    )
    plotting.save_figure(fig, stem)
