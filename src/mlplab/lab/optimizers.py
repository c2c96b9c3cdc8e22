"""Task 4 (bonus): momentum, RMSprop and Adam against plain SGD, and L2 regularisation.

**Optimisers.** The same network ([2, 128, 128, 1], ReLU) from the same
initial weights and with the same mini-batch order learns the sheet's spirals
(``make_spirals(200, 0.1)`` scaled by 1/(4π)) with SGD, momentum, RMSprop and
Adam, each at a learning rate suited to it. Momentum is the sheet's form
``v = βv + (1−β)g``, ``θ = θ − αv`` (eq. 9–10): an average of gradients, so at
a steady gradient it moves exactly as fast as SGD at the same α. PyTorch's
``v = βv + g`` moves 1/(1−β) = 10 times faster, so the sheet's form needs
α = 10 × SGD's rate to gain anything; it runs at that rate, and once more at
SGD's rate to show the difference. Loss over epochs and over wall time; the
wall times (one per epoch, cumulative) go into ``timings["per_optimizer"]`` of
``metrics.json``: ``timings`` is the only part not reproduced bit for bit.

**L2 regularisation** (sheet eq. 11, ``L + λ Σ‖W‖²``, weights only): Adam with
several λ. The decision boundaries in a row, the weight norm ``Σ‖W‖²`` and the
test accuracy per λ: a larger λ gives smaller weights and a smoother boundary,
until the penalty outweighs the data and the network predicts one class.
Because ``Σ‖W‖²`` of this network is in the hundreds, λ = 1e-2 is already
that strong; the grid stops there.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

import numpy as np

from ..mlp import MLP
from . import plotting
from ._common import Context, data_loss
from ._data import scaled_spirals
from ._options import float_range, option, positive_int

NAME = "optimizers"
HELP = "task 4: SGD vs momentum vs RMSprop vs Adam (epochs and wall time); L2 with several λ"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_CURVES = "optimizers"
FIG_L2_BOUNDARIES = "optimizers_l2_boundaries"
FIG_L2_NORMS = "optimizers_l2_norms"

#: (key, optimiser, learning rate, legend label); each rate suits its optimiser
RUNS = [
    ("sgd", "sgd", 0.1, "SGD, α = 0.1"),
    ("momentum", "momentum", 1.0, "momentum, α = 1 = 0.1/(1−β)"),
    ("momentum_sgd_rate", "momentum", 0.1, "momentum, α = 0.1 (SGD's rate)"),
    ("rmsprop", "rmsprop", 0.003, "RMSprop, α = 0.003"),
    ("adam", "adam", 0.01, "Adam, α = 0.01"),
]
L2_VALUES = [0.0, 1e-4, 1e-3, 3e-3, 1e-2]
LOSS_TARGETS = (0.3, 0.1)
HIDDEN = [128, 128]


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab optimizers``."""

    epochs: int = option(1000, quick=150, parse=positive_int, help="epochs per optimiser")
    batch_size: int = option(32, parse=positive_int, help="mini-batch size")
    l2: tuple[float, ...] = option(
        tuple(L2_VALUES), parse=float_range(0.0), nargs="+", metavar="LAMBDA", help="λ values of the L2 study"
    )
    l2_epochs: int = option(1000, quick=150, parse=positive_int, help="epochs of each L2 run")


class EpochClock:
    """A training callback that notes the time since its creation after every epoch.

    Attributes
    ----------
    seconds : list of float
        Cumulative wall-clock seconds at the end of epoch 1, 2, ...
    cpu_seconds : list of float
        Cumulative CPU seconds of this process; on a busy machine they measure
        the work better than the wall clock, which also counts the waiting.
    """

    def __init__(self):
        self.seconds: list[float] = []
        self.cpu_seconds: list[float] = []
        self._start, self._cpu_start = time.perf_counter(), time.process_time()

    def __call__(self, epoch: int, history) -> None:
        self.seconds.append(time.perf_counter() - self._start)
        self.cpu_seconds.append(time.process_time() - self._cpu_start)


def first_epoch_below(curve, target: float) -> int | None:
    """The first (1-based) epoch whose loss is below ``target``, or ``None``."""
    hits = np.flatnonzero(np.asarray(curve) < target)
    return int(hits[0]) + 1 if hits.size else None


def _data(ctx: Context) -> dict:
    return {
        "train": scaled_spirals(200, 0.1, ctx.seed_for(0, 0)),
        "test": scaled_spirals(1000, 0.1, ctx.seed_for(0, 1)),
    }


def _compare_optimizers(ctx: Context, data: dict, epochs: int, batch_size: int) -> dict:
    """Train one model per entry of :data:`RUNS`; per-epoch wall times go to ``ctx.timings``."""
    X, y = data["train"]
    seed = ctx.seed_for(1)  # the same initial weights and batch order for every optimiser
    warm = MLP([2, *HIDDEN, 1], "relu", 0.1, seed=ctx.seed_for(3))  # so that the first run pays no warm-up
    warm.train(X, y, epochs=3, batch_size=batch_size)
    runs = {}
    bar = ctx.bar(len(RUNS), "optimisers")
    for key, optimizer, rate, label in RUNS:
        model = MLP([2, *HIDDEN, 1], "relu", rate, optimizer=optimizer, seed=seed)
        clock = EpochClock()
        history = model.train(X, y, epochs=epochs, batch_size=batch_size, callbacks=[clock])
        # A nested entry: the top-level numbers of `timings` are sections that add up to the run time.
        ctx.timings.setdefault("per_optimizer", {})[key] = {
            "seconds": round(clock.seconds[-1], 4),
            "cpu_seconds": round(clock.cpu_seconds[-1], 4),
            "epoch_seconds": [round(t, 5) for t in clock.seconds],  # cumulative, one per epoch
        }
        runs[key] = {
            "optimizer": optimizer,
            "learning_rate": rate,
            "label": label,
            "config": model.optimizer.config(),
            "final_loss": data_loss(model, X, y),
            "final_epoch_loss": history.train_loss[-1],
            "min_epoch_loss": min(history.train_loss),
            "epochs_to_loss": {f"{t:g}": first_epoch_below(history.train_loss, t) for t in LOSS_TARGETS},
            "train_accuracy": model.score(X, y),
            "test_accuracy": model.score(*data["test"]),
            "loss_curve": history.train_loss,
        }
        bar.update()
    bar.close()
    return runs


def _l2_study(ctx: Context, data: dict, l2_values: list[float], epochs: int, batch_size: int):
    """Adam with every λ from the same initial weights; the models are returned for the figure."""
    X, y = data["train"]
    seed = ctx.seed_for(2)
    rows, models = [], []
    bar = ctx.bar(len(l2_values), "L2")
    for l2 in l2_values:
        model = MLP([2, *HIDDEN, 1], "relu", 0.01, optimizer="adam", l2=l2, seed=seed)
        history = model.train(X, y, epochs=epochs, batch_size=batch_size)
        rows.append(
            {
                "l2": l2,
                "weight_norm": model.network.l2_penalty(),  # Σ_l ‖W^(l)‖², biases excluded
                "penalty": l2 * model.network.l2_penalty(),
                "data_loss": data_loss(model, X, y),
                "final_objective": history.train_loss[-1],
                "train_accuracy": model.score(X, y),
                "test_accuracy": model.score(*data["test"]),
            }
        )
        models.append(model)
        bar.update()
    bar.close()
    return rows, models


def run(ctx: Context, config: Config) -> dict:
    """Compare the optimisers, run the L2 study, draw both, write ``metrics.json``.

    Returns
    -------
    dict
        The ``results`` part of ``metrics.json``.
    """
    epochs, l2_epochs = config.epochs, config.l2_epochs
    l2_values = sorted(set(config.l2))
    settings = {
        "layer_sizes": [2, *HIDDEN, 1],
        "activation": "relu",
        "data": "make_spirals(200, 0.1) / (4π); test set make_spirals(1000, 0.1) / (4π)",
        "epochs": epochs,
        "batch_size": config.batch_size,
        "runs": [{"key": k, "optimizer": o, "learning_rate": r} for k, o, r, _ in RUNS],
        "momentum_form": "sheet eq. 9-10: v = beta v + (1 - beta) g, theta -= alpha v, beta = 0.9",
        "l2_values": l2_values,
        "l2_epochs": l2_epochs,
        "l2_optimizer": {"name": "adam", "learning_rate": 0.01},
    }
    data = _data(ctx)
    with ctx.timed("optimizers"):
        runs = _compare_optimizers(ctx, data, epochs, config.batch_size)
    with ctx.timed("l2"):
        l2_rows, l2_models = _l2_study(ctx, data, l2_values, l2_epochs, config.batch_size)

    norms = [row["weight_norm"] for row in l2_rows]
    results = {
        "optimizers": runs,
        "l2": l2_rows,
        "weight_norm_decreases_with_l2": all(a > b for a, b in itertools.pairwise(norms)),
        "note": (
            "momentum uses the sheet's form v = βv + (1−β)g: at a steady gradient it steps α·g like SGD, "
            "so it needs α/(1−β) = 10× SGD's rate to move as fast as PyTorch-style momentum v = βv + g. "
            "Wall times are in timings.per_optimizer.<key>: seconds and cpu_seconds in total, "
            "epoch_seconds cumulative per epoch."
        ),
    }
    with ctx.timed("figures"):
        _plot_optimizers(ctx, runs, epochs)
        _plot_l2(ctx, data, l2_rows, l2_models)
    ctx.write_metrics(config, settings, results)
    return results


# ---------------------------------------------------------------- figures
OPTIMIZER_STYLES = {
    "sgd": {"color": "#4d4d4d"},
    "momentum": {"color": "#2166ac"},
    "momentum_sgd_rate": {"color": "#92c5de", "ls": "--"},
    "rmsprop": {"color": "#e08214"},
    "adam": {"color": "#b2182b"},
}


def _number(value: float) -> str:
    """A weight norm for a label: 2,621 / 5.04 / 9.3e-04."""
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value >= 0.01 else f"{value:.1e}"


def _plot_optimizers(ctx: Context, runs: dict, epochs: int) -> None:
    """Training loss over epochs and over wall time, one line per optimiser."""
    fig, (ax_epoch, ax_time) = plotting.new_figure(2, width=4.8, height=3.8)
    for key, run in runs.items():
        curve = np.asarray(run["loss_curve"])
        style = {"lw": 1.3, **OPTIMIZER_STYLES.get(key, {})}
        clock = ctx.timings.get("per_optimizer", {}).get(key)
        label = run["label"]
        if clock:
            seconds = clock["epoch_seconds"]
            label += f": {clock['seconds']:.2f} s wall, {clock['cpu_seconds']:.2f} s CPU"
            ax_time.plot(seconds, curve, **style)
        ax_epoch.plot(np.arange(1, curve.size + 1), curve, label=label, **style)
    for ax, xlabel in ((ax_epoch, "epoch"), (ax_time, "wall time (s)")):
        ax.set_yscale("log")
        ax.set_xlabel(xlabel)
        ax.set_ylabel("training loss (binary cross-entropy)")
    ax_epoch.set_title(f"loss over epochs ({epochs} epochs, batch size 32)")
    ax_time.set_title("loss over wall time (one BLAS thread)")
    fig.legend(*ax_epoch.get_legend_handles_labels(), loc="outside lower center", ncol=2, fontsize=9)
    fig.suptitle(
        "spirals, [2, 128, 128, 1] ReLU, the same initial weights and batches for every optimiser\n"
        "momentum in the sheet's form v = βv + (1−β)g steps like SGD at the same α: "
        "it needs α/(1−β) = 10 × SGD's rate",
        fontsize=10,
    )
    plotting.save_figure(fig, ctx.out / FIG_CURVES)


def _plot_l2(ctx: Context, data: dict, rows: list[dict], models: list[MLP]) -> None:
    """Decision boundaries for every λ in a row, then the weight norm and test accuracy per λ."""
    X, y = data["train"]
    fig, axes = plotting.new_figure(len(rows), width=3.0, height=3.3, squeeze=False)
    for index, (ax, row, model) in enumerate(zip(axes[0], rows, models)):
        plotting.decision_boundary(
            ax,
            model.predict_proba,
            X,
            y,
            resolution=150,
            title=f"λ = {row['l2']:g}: Σ‖W‖² = {_number(row['weight_norm'])}\n"
            f"test accuracy {row['test_accuracy']:.1%}",
        )
        if index:
            ax.get_legend().remove()
            ax.set_ylabel("")
    fig.suptitle(
        "L2 regularisation L + λ Σ‖W‖² (Adam, α = 0.01): larger λ, smaller weights, smoother boundary"
    )
    plotting.save_figure(fig, ctx.out / FIG_L2_BOUNDARIES)

    fig, (ax_norm, ax_acc) = plotting.new_figure(2, width=4.0, height=3.3)
    labels = [f"{row['l2']:g}" for row in rows]
    bars = ax_norm.bar(labels, [row["weight_norm"] for row in rows], color="#4393c3")
    ax_norm.bar_label(bars, labels=[_number(row["weight_norm"]) for row in rows], fontsize=8)
    ax_norm.set_yscale("log")
    ax_norm.set_xlabel("λ")
    ax_norm.set_ylabel("Σ‖W‖² after training")
    ax_norm.set_title("weight norm")
    bars = ax_acc.bar(labels, [row["test_accuracy"] for row in rows], color="#92c5de")
    ax_acc.bar_label(bars, labels=[f"{row['test_accuracy']:.1%}" for row in rows], fontsize=8)
    ax_acc.axhline(0.5, color="0.4", lw=1.0, ls="-.", label="chance")
    ax_acc.set_ylim(0, 1.12)
    ax_acc.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax_acc.set_xlabel("λ")
    ax_acc.set_ylabel("test accuracy")
    ax_acc.set_title("test accuracy")
    ax_acc.legend(loc="lower left")
    plotting.save_figure(fig, ctx.out / FIG_L2_NORMS)
