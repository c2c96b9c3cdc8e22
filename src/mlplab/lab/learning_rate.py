"""Task 3.2 (b): the learning rate, from far too small to far too large.

One network, [2, 128, 128, 1] with ReLU, from the same initial weights and the
same mini-batch order, is trained with plain SGD (``--optimizer``) on the sheet's spirals
(``make_spirals(200, 0.1)``, scaled by 1/(4π)) at learning rates on a log grid
from 1e-4 to 10. Each run is put in one of three classes:

* ``'diverges'``: training raised :class:`~mlplab.DivergenceError` (a
  non-finite or exploding loss), or the final loss is not below the initial
  one, or the run ended without getting anywhere (a fall of less than the
  crawl threshold) after its loss had risen more than 10 % above the initial
  loss: it shot up and fell back to chance, typically because its ReLUs died;
* ``'crawls'``: the loss fell steadily, but by less than the crawl threshold
  (default one half) of its initial value within the epoch budget. The
  threshold is a half, not a tenth: the initial loss is a little above the
  chance level ln 2 ≈ 0.693, so reaching mere chance is already a fall of
  5–10 %;
* ``'works'``: everything else.

The final loss is measured on the whole training set with the final weights
(the per-epoch curve averages the mini-batch losses seen during the epoch).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..mlp import MLP
from ..nn.training import DivergenceError
from . import plotting
from ._common import Context, data_loss
from ._data import scaled_spirals
from ._options import HIDDEN_ACTIVATIONS, OPTIMIZERS, float_range, option, positive_float, positive_int

NAME = "lr"
HELP = "task 3.2 (b): SGD at learning rates from 1e-4 to 10: which crawl, which work, which diverge"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_CURVES = "lr_curves"
FIG_SUMMARY = "lr_summary"

RATES = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1.0, 3.0, 10.0]
CLASS_COLORS = {"works": "#1b7837", "crawls": "#e08214", "diverges": "#b2182b"}
#: a run whose loss peaked above this multiple of the initial loss and did not learn counts as diverged
PEAK_FACTOR = 1.1

QUICK_RATES = (1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0)


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab lr``."""

    rates: tuple[float, ...] = option(
        tuple(RATES),
        quick=QUICK_RATES,
        parse=positive_float,
        nargs="+",
        metavar="RATE",
        help="learning rates to try",
    )
    epochs: int = option(1000, quick=150, parse=positive_int, help="epochs per rate")
    batch_size: int = option(32, parse=positive_int, help="mini-batch size")
    activation: str = option("relu", choices=HIDDEN_ACTIVATIONS, help="hidden activation")
    crawl_threshold: float = option(
        0.5,
        parse=float_range(0.0, 1.0, low_open=True, high_open=True),
        help="a run whose loss fell by less than this share of the initial loss crawls",
    )
    optimizer: str = option("sgd", choices=OPTIMIZERS, help="optimiser of every run")


def classify(initial: float, final: float | None, peak: float, diverged: bool, threshold: float) -> str:
    """``'diverges'``, ``'crawls'`` or ``'works'`` (see the module docstring).

    Parameters
    ----------
    initial : float
        Loss of the initial weights on the training set.
    final : float or None
        Loss of the final weights; ``None`` or non-finite when training blew up.
    peak : float
        Highest per-epoch training loss during the run.
    diverged : bool
        Whether training raised :class:`~mlplab.DivergenceError`.
    threshold : float
        The crawl threshold, a share of ``initial``.
    """
    if diverged or final is None or not math.isfinite(final) or final >= initial:
        return "diverges"
    if 1.0 - final / initial < threshold:
        return "diverges" if peak > PEAK_FACTOR * initial else "crawls"
    return "works"


def dead_unit_fraction(model: MLP, X: np.ndarray) -> float:
    """Share of hidden ReLU units that output 0 for every row of ``X`` (they no longer learn)."""
    a, dead, total = X, 0, 0
    for weight, bias in zip(model.weights[:-1], model.biases[:-1]):
        a = np.maximum(a @ weight.T + bias, 0.0)  # (n, n_out)
        dead += int(np.count_nonzero(~a.any(axis=0)))
        total += a.shape[1]
    return dead / total


def _run_rate(rate: float, X: np.ndarray, y: np.ndarray, config: dict, seed: int, threshold: float) -> dict:
    """Train one model at ``rate`` and describe what happened."""
    model = MLP(config["layer_sizes"], config["activation"], rate, optimizer=config["optimizer"], seed=seed)
    initial = data_loss(model, X, y)
    diverged_at, message = None, None
    try:
        history = model.train(X, y, epochs=config["epochs"], batch_size=config["batch_size"])
    except DivergenceError as error:  # the model keeps its last finite weights
        history = error.history if error.history is not None else model.history
        diverged_at, message = error.epoch, str(error)
    curve = list(history.train_loss) if history is not None else []
    with np.errstate(over="ignore", invalid="ignore"):  # the weights of a blown-up run may be huge
        final = data_loss(model, X, y)
        accuracy = model.score(X, y)
        dead = dead_unit_fraction(model, X) if config["activation"] == "relu" else None
    final = final if math.isfinite(final) else None
    peak = max(curve, default=initial)
    run = {
        "learning_rate": rate,
        "class": classify(initial, final, peak, diverged_at is not None, threshold),
        "initial_loss": initial,
        "final_loss": final,
        "loss_reduction": None if final is None else 1.0 - final / initial,
        "peak_loss": peak,
        "accuracy": accuracy,
        "epochs_run": len(curve),
        "diverged_at_epoch": diverged_at,
        "divergence_message": message,
        "loss_curve": curve,
    }
    if dead is not None:
        run["dead_unit_fraction"] = dead
    return run


def run(ctx: Context, config: Config) -> dict:
    """Train at every rate, classify the runs, draw the curves and the summary, write ``metrics.json``.

    Returns
    -------
    dict
        The ``results`` part of ``metrics.json``.
    """
    rates = sorted(set(config.rates))
    training = {
        "layer_sizes": [2, 128, 128, 1],
        "activation": config.activation,
        "optimizer": config.optimizer,
        "epochs": config.epochs,
        "batch_size": config.batch_size,
    }
    settings = {
        **training,
        "learning_rates": rates,
        "crawl_threshold": config.crawl_threshold,
        "data": "make_spirals(200, 0.1) / (4π)",
        "same_initial_weights_and_batch_order": True,
    }
    X, y = scaled_spirals(200, 0.1, ctx.seed_for(0))
    model_seed = ctx.seed_for(1)  # the same for every rate: only the rate differs

    runs = []
    bar = ctx.bar(len(rates), "rates")
    for rate in rates:
        with ctx.timed(f"rate_{rate:g}"):
            runs.append(_run_rate(rate, X, y, training, model_seed, config.crawl_threshold))
        bar.update()
    bar.close()

    by_class = {name: [r["learning_rate"] for r in runs if r["class"] == name] for name in CLASS_COLORS}
    finite = [r for r in runs if r["final_loss"] is not None and r["class"] != "diverges"]
    best = min(finite, key=lambda r: r["final_loss"]) if finite else None
    results = {
        "initial_loss": runs[0]["initial_loss"],
        "runs": runs,
        "by_class": by_class,
        "best_learning_rate": best["learning_rate"] if best else None,
        "best_final_loss": best["final_loss"] if best else None,
        "rule": (
            f"diverges: DivergenceError, final loss >= initial, or a fall of less than "
            f"{config.crawl_threshold:.0%} after a peak above {PEAK_FACTOR:g} x initial; "
            f"crawls: the loss fell by less than {config.crawl_threshold:.0%} of the initial loss; "
            "works: otherwise"
        ),
    }
    with ctx.timed("figures"):
        _plot_curves(ctx, runs, training)
        _plot_summary(ctx, runs, results["initial_loss"], training)
    ctx.write_metrics(config, settings, results)
    return results


# ---------------------------------------------------------------- figures
def _optimizer_text(training: dict) -> str:
    return "plain SGD" if training["optimizer"] == "sgd" else training["optimizer"]


def _rate_label(rate: float) -> str:
    return f"α = {rate:g}"


def _plot_curves(ctx: Context, runs: list[dict], config: dict) -> None:
    """The loss curves on a log scale, one panel per class; a cross where training blew up."""
    classes = [name for name in ("crawls", "works", "diverges") if any(r["class"] == name for r in runs)]
    fig, axes = plotting.new_figure(len(classes), width=4.0, height=3.6, squeeze=False)
    for ax, name in zip(axes[0], classes):
        for run in (r for r in runs if r["class"] == name):
            curve = np.asarray(run["loss_curve"], dtype=float)
            epochs = np.arange(1, curve.size + 1)
            (line,) = ax.plot(epochs, curve, lw=1.1, label=_rate_label(run["learning_rate"]))
            if run["diverged_at_epoch"] is not None and curve.size:
                ax.plot(epochs[-1], curve[-1], marker="x", ms=9, mew=2, color=line.get_color(), ls="none")
        ax.axhline(runs[0]["initial_loss"], color="0.3", lw=1.0, ls="-.", label="initial loss")
        ax.set_yscale("log")
        low, high = ax.get_ylim()
        if high / low < 10:  # less than a decade: label the ticks 0.6, 0.7 rather than 6×10⁻¹
            for axis_formatter in (ax.yaxis.set_major_formatter, ax.yaxis.set_minor_formatter):
                axis_formatter(lambda v, _: f"{v:g}")
        ax.set_xlabel("epoch")
        ax.set_title(name, color=CLASS_COLORS[name], fontweight="bold")
        ax.legend(loc="best", fontsize=8)
    axes[0][0].set_ylabel("training loss (binary cross-entropy)")
    fig.suptitle(
        f"{_optimizer_text(config)} on the spirals: {config['layer_sizes']} {config['activation']}, "
        f"batch size {config['batch_size']}, the same initial weights for every rate"
    )
    plotting.save_figure(fig, ctx.out / FIG_CURVES)


def _plot_summary(ctx: Context, runs: list[dict], initial: float, config: dict) -> None:
    """Final loss (log-log) and accuracy against the learning rate, coloured by class.

    A run stopped by :class:`~mlplab.DivergenceError` is a cross, drawn at the loss
    of the weights it kept (at the initial loss if even those are not finite).
    """
    fig, (ax_loss, ax_acc) = plotting.new_figure(2, width=4.4, height=3.6)
    rates = np.array([r["learning_rate"] for r in runs])
    point = {"s": 46, "zorder": 3, "edgecolors": "white", "linewidths": 0.6}
    cross = {"s": 64, "zorder": 4, "marker": "x", "linewidths": 2.0}
    for name, color in CLASS_COLORS.items():
        for stopped, style in ((False, point), (True, cross)):
            members = [
                r for r in runs if r["class"] == name and (r["diverged_at_epoch"] is not None) == stopped
            ]
            if not members:
                continue
            label = f"{name} (DivergenceError)" if stopped else name
            x = [r["learning_rate"] for r in members]
            loss = [initial if r["final_loss"] is None else r["final_loss"] for r in members]
            ax_loss.scatter(x, loss, color=color, label=label, **style)
            ax_acc.scatter(x, [r["accuracy"] for r in members], color=color, label=label, **style)
    ax_loss.axhline(initial, color="0.4", lw=1.0, ls="-.", label="initial loss")
    ax_loss.plot(
        rates,
        np.array([np.nan if r["final_loss"] is None else r["final_loss"] for r in runs]),
        color="0.7",
        lw=1.0,
        zorder=1,
    )
    ax_loss.set_xscale("log")
    ax_loss.set_yscale("log")
    ax_loss.set_xlabel("learning rate α")
    ax_loss.set_ylabel("final training loss")
    ax_loss.set_title(f"final loss ({config['epochs']} epochs)")
    ax_loss.legend(loc="best")

    ax_acc.plot(rates, [r["accuracy"] for r in runs], color="0.7", lw=1.0, zorder=1)
    ax_acc.axhline(0.5, color="0.4", lw=1.0, ls="-.", label="chance")
    ax_acc.set_xscale("log")
    ax_acc.set_ylim(min(0.4, min(r["accuracy"] for r in runs) - 0.05), 1.04)
    ax_acc.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax_acc.set_xlabel("learning rate α")
    ax_acc.set_ylabel("training accuracy")
    ax_acc.set_title("accuracy")
    ax_acc.legend(loc="best")
    plotting.save_figure(fig, ctx.out / FIG_SUMMARY)
