"""Task 3.2 (b): the learning rate, from far too small to far too large, over several seeds.

One network, [2, 128, 128, 1] with ReLU, is trained with plain SGD
(``--optimizer``) on the sheet's spirals (``make_spirals(200, 0.1)``, scaled by
1/(4π)) at learning rates on a log grid from 1e-4 to 10, from ``--seeds``
initial weights and batch orders per rate (seed *i* gives the same initial
weights and batch order at every rate, so within a seed only the rate differs).

Each run is described by numbers that do not hang on one noisy epoch:

* the **smoothed final loss**: the mean training loss of the last
  :data:`SMOOTH_SHARE` of the epochs (the per-epoch loss averages the
  mini-batch losses seen during the epoch);
* the **spikes**: epochs whose loss exceeds :data:`SPIKE_FACTOR` × the running
  minimum of the epochs before, the minimum floored at :data:`SPIKE_FLOOR`
  (below it the training set is all but fitted, and the ratio of two tiny
  losses says nothing about stability), as a share of the epochs run;
* the **dead units**: the share of hidden ReLU units that output 0 on every
  training point at the end (they receive no gradient again).

A rate's verdict comes from the medians over its seeds (:func:`verdict`), with
the thresholds written once below:

* ``'diverges'``: most seeds raised :class:`~mlplab.DivergenceError`, or the
  smoothed loss is not below the initial loss, or the loss fell by less than the
  crawl threshold after it had shot up (peak above :data:`PEAK_FACTOR` × the
  initial loss) or after :data:`DEAD_LIMIT` of the units had died;
* ``'too_small'``: the loss fell steadily, but by less than the crawl threshold
  (default one half) of its initial value within the epoch budget. The
  threshold is a half, not a tenth: the initial loss is a little above the
  chance level ln 2 ≈ 0.693, so reaching mere chance is already a fall of 5–10 %;
* ``'too_large'``: it learned, but :data:`SPIKE_LIMIT` or more of its epochs
  are spikes, or :data:`DEAD_LIMIT` or more of its units died;
* ``'good'``: everything else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..mlp import MLP, train_many
from ..nn.training import DivergenceError
from . import plotting
from ._common import Context, data_loss
from ._data import scaled_spirals
from ._options import HIDDEN_ACTIVATIONS, OPTIMIZERS, float_range, option, positive_float, positive_int
from ._words import word

NAME = "lr"
HELP = "task 3.2 (b): SGD at learning rates from 1e-4 to 10 over several seeds: too small, good, too large"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_CURVES = "lr_curves"
FIG_SUMMARY = "lr_summary"

RATES = [1e-4, 1e-3, 1e-2, 1e-1, 3e-1, 1.0, 3.0, 10.0]
QUICK_RATES = (1e-4, 1e-2, 3e-1, 1.0, 10.0)
#: the verdicts, from the smallest rates to the largest, and their colours
VERDICTS = ("too_small", "good", "too_large", "diverges")
VERDICT_COLORS = {"too_small": "#e08214", "good": "#1b7837", "too_large": "#762a83", "diverges": "#b2182b"}

#: the smoothed final loss is the mean of the last this share of the epochs
SMOOTH_SHARE = 0.1
#: a spike: an epoch whose loss exceeds SPIKE_FACTOR × max(running minimum, SPIKE_FLOOR)
SPIKE_FACTOR = 2.0
SPIKE_FLOOR = 0.05
#: a rate whose median spike share reaches this is too large
SPIKE_LIMIT = 0.1
#: a rate whose median share of dead units reaches this is too large (or diverged, if it did not learn)
DEAD_LIMIT = 0.1
#: a run whose loss peaked above this multiple of the initial loss and did not learn counts as diverged
PEAK_FACTOR = 1.1


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
    epochs: int = option(500, quick=150, parse=positive_int, help="epochs per run")
    seeds: int = option(3, quick=2, parse=positive_int, help="runs per rate, each from its own seed")
    batch_size: int = option(32, parse=positive_int, help="mini-batch size")
    activation: str = option("relu", choices=HIDDEN_ACTIVATIONS, help="hidden activation")
    crawl_threshold: float = option(
        0.5,
        parse=float_range(0.0, 1.0, low_open=True, high_open=True),
        help="a run whose loss fell by less than this share of the initial loss has too small a rate",
    )
    optimizer: str = option("sgd", choices=OPTIMIZERS, help="optimiser of every run")


def smoothed_loss(curve) -> float | None:
    """Mean of the last :data:`SMOOTH_SHARE` of the epochs of ``curve`` (at least one); ``None`` if empty."""
    curve = np.asarray(curve, dtype=float)
    if not curve.size:
        return None
    tail = max(1, math.ceil(SMOOTH_SHARE * curve.size))
    value = float(curve[-tail:].mean())
    return value if math.isfinite(value) else None


def spikes(curve) -> int:
    """Epochs whose loss exceeds :data:`SPIKE_FACTOR` × max(minimum of the epochs before, the floor)."""
    curve = np.asarray(curve, dtype=float)
    if curve.size < 2:
        return 0
    floor = np.maximum(np.minimum.accumulate(curve)[:-1], SPIKE_FLOOR)  # the running minimum before each
    return int(np.count_nonzero(curve[1:] > SPIKE_FACTOR * floor))


def verdict(
    initial: float,
    smoothed: float | None,
    peak: float,
    diverged_share: float,
    spike_share: float,
    dead: float | None,
    threshold: float,
) -> str:
    """``'too_small'``, ``'good'``, ``'too_large'`` or ``'diverges'`` (see the module docstring).

    Parameters
    ----------
    initial : float
        Loss of the initial weights on the training set.
    smoothed : float or None
        Smoothed final loss; ``None`` when training blew up.
    peak : float
        Highest per-epoch training loss.
    diverged_share : float
        Share of the seeds that raised :class:`~mlplab.DivergenceError` (0 or 1 for one run).
    spike_share : float
        Share of the epochs that are spikes.
    dead : float or None
        Share of dead hidden units (``None``: not ReLU, counts as none).
    threshold : float
        The crawl threshold, a share of ``initial``.
    """
    dead = 0.0 if dead is None else dead
    if diverged_share > 0.5 or smoothed is None or smoothed >= initial:
        return "diverges"
    if 1.0 - smoothed / initial < threshold:
        return "diverges" if peak > PEAK_FACTOR * initial or dead >= DEAD_LIMIT else "too_small"
    if spike_share >= SPIKE_LIMIT or dead >= DEAD_LIMIT:
        return "too_large"
    return "good"


def dead_unit_fraction(model: MLP, X: np.ndarray) -> float:
    """Share of hidden ReLU units that output 0 for every row of ``X`` (they no longer learn)."""
    a, dead, total = X, 0, 0
    for weight, bias in zip(model.weights[:-1], model.biases[:-1]):
        a = np.maximum(a @ weight.T + bias, 0.0)  # (n, n_out)
        dead += int(np.count_nonzero(~a.any(axis=0)))
        total += a.shape[1]
    return dead / total


def _describe_run(
    model: MLP, initial: float, outcome, X: np.ndarray, y: np.ndarray, threshold: float
) -> dict:
    """What happened in one trained run: ``outcome`` is its History or its DivergenceError."""
    diverged_at, message = None, None
    history = outcome
    if isinstance(outcome, DivergenceError):  # the model keeps its last finite weights
        history = outcome.history if outcome.history is not None else model.history
        diverged_at, message = outcome.epoch, str(outcome)
    curve = list(history.train_loss) if history is not None else []
    with np.errstate(over="ignore", invalid="ignore"):  # the weights of a blown-up run may be huge
        final = data_loss(model, X, y)
        accuracy = model.score(X, y)
        dead = dead_unit_fraction(model, X) if model.activation == "relu" else None
    final = final if math.isfinite(final) else None
    smoothed = None if diverged_at is not None else smoothed_loss(curve)
    peak = max(curve, default=initial)
    n_spikes = spikes(curve)
    share = n_spikes / len(curve) if curve else 0.0
    return {
        "initial_loss": initial,
        "final_loss": final,
        "smoothed_loss": smoothed,
        "loss_reduction": None if smoothed is None else 1.0 - smoothed / initial,
        "peak_loss": peak,
        "spikes": n_spikes,
        "spike_share": share,
        "dead_unit_fraction": dead,
        "accuracy": accuracy,
        "epochs_run": len(curve),
        "diverged_at_epoch": diverged_at,
        "divergence_message": message,
        "verdict": verdict(initial, smoothed, peak, float(diverged_at is not None), share, dead, threshold),
        "loss_curve": curve,
    }


def train_runs(rates: list[float], seeds: list[int], X: np.ndarray, y: np.ndarray, config: dict,
               threshold: float) -> list[list[dict]]:  # fmt: skip
    """Train one model per rate and seed, all together (:func:`mlplab.train_many`: each as if alone).

    Returns
    -------
    list of list of dict
        Per rate, per seed: what happened (see :func:`_describe_run`).
    """
    models = [MLP(config["layer_sizes"], config["activation"], rate, optimizer=config["optimizer"], seed=seed)
              for rate in rates for seed in seeds]  # fmt: skip
    initial = [data_loss(model, X, y) for model in models]
    outcomes = train_many(models, X, y, epochs=config["epochs"], batch_size=config["batch_size"])
    described = [_describe_run(*run, X, y, threshold) for run in zip(models, initial, outcomes)]
    return [described[i : i + len(seeds)] for i in range(0, len(described), len(seeds))]


def _median(values) -> float | None:
    values = [v for v in values if v is not None]
    return float(np.median(values)) if values else None


def spread(values) -> dict:
    """Median, lowest and highest of the values that are not ``None`` (all ``None`` if none is)."""
    values = [v for v in values if v is not None]
    if not values:
        return {"median": None, "min": None, "max": None}
    return {"median": float(np.median(values)), "min": float(min(values)), "max": float(max(values))}


def describe_rate(rate: float, seeds: list[dict], threshold: float) -> dict:
    """A rate's medians and ranges over its seeds, and its verdict from the medians."""
    diverged = sum(s["diverged_at_epoch"] is not None for s in seeds)
    initial = _median(s["initial_loss"] for s in seeds)
    summary = {
        "learning_rate": rate,
        "initial_loss": initial,
        "smoothed_loss": spread(s["smoothed_loss"] for s in seeds),
        "final_loss": spread(s["final_loss"] for s in seeds),
        "loss_reduction": spread(s["loss_reduction"] for s in seeds),
        "peak_loss": spread(s["peak_loss"] for s in seeds),
        "spike_share": spread(s["spike_share"] for s in seeds),
        "spikes": spread(s["spikes"] for s in seeds),
        "dead_unit_fraction": spread(s["dead_unit_fraction"] for s in seeds),
        "accuracy": spread(s["accuracy"] for s in seeds),
        "diverged": diverged,
        "seed_verdicts": [s["verdict"] for s in seeds],
    }
    summary["verdict"] = verdict(
        initial,
        summary["smoothed_loss"]["median"],
        summary["peak_loss"]["median"],
        diverged / len(seeds),
        summary["spike_share"]["median"],
        summary["dead_unit_fraction"]["median"],
        threshold,
    )
    summary["seeds"] = seeds
    return summary


def run(ctx: Context, config: Config) -> dict:
    """Train every rate from every seed, give each rate its verdict, draw the figures, write ``metrics.json``.

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
    thresholds = {
        "crawl_threshold": config.crawl_threshold,
        "smooth_share": SMOOTH_SHARE,
        "spike_factor": SPIKE_FACTOR,
        "spike_floor": SPIKE_FLOOR,
        "spike_limit": SPIKE_LIMIT,
        "dead_limit": DEAD_LIMIT,
        "peak_factor": PEAK_FACTOR,
    }
    settings = {
        **training,
        "learning_rates": rates,
        "seeds": config.seeds,
        **thresholds,
        "data": "make_spirals(200, 0.1) / (4π)",
        "same_initial_weights_and_batch_order_per_seed": True,
    }
    X, y = scaled_spirals(200, 0.1, ctx.seed_for(0))
    model_seeds = [ctx.seed_for(1, i) for i in range(config.seeds)]  # seed i is the same at every rate

    bar = ctx.bar(len(rates) * config.seeds, "runs")
    with ctx.timed("training"):
        per_rate = train_runs(rates, model_seeds, X, y, training, config.crawl_threshold)
    bar.update(len(rates) * config.seeds)
    bar.close()
    runs = [describe_rate(rate, seeds, config.crawl_threshold) for rate, seeds in zip(rates, per_rate)]

    by_verdict = {name: [r["learning_rate"] for r in runs if r["verdict"] == name] for name in VERDICTS}
    good = [r for r in runs if r["verdict"] == "good"] or [r for r in runs if r["verdict"] == "too_large"]
    best = min(good, key=lambda r: r["smoothed_loss"]["median"]) if good else None
    results = {
        "initial_loss": _median(r["initial_loss"] for r in runs),
        "runs": runs,
        "by_verdict": by_verdict,
        "best_learning_rate": best["learning_rate"] if best else None,
        "best_smoothed_loss": best["smoothed_loss"]["median"] if best else None,
        "unanimous_rates": sum(len(set(r["seed_verdicts"])) == 1 for r in runs),
        "rule": (
            f"smoothed loss: mean of the last {SMOOTH_SHARE:.0%} of the epochs; spike: an epoch above "
            f"{SPIKE_FACTOR:g} x max(running minimum, {SPIKE_FLOOR:g}); per rate, medians over the seeds: "
            f"diverges: most seeds DivergenceError, smoothed >= initial, or a fall of less than "
            f"{config.crawl_threshold:.0%} after a peak above {PEAK_FACTOR:g} x initial or with "
            f">= {DEAD_LIMIT:.0%} dead units; too small: a fall of less than {config.crawl_threshold:.0%}; "
            f"too large: >= {SPIKE_LIMIT:.0%} of the epochs spikes or >= {DEAD_LIMIT:.0%} dead units; "
            "good: otherwise"
        ),
    }
    with ctx.timed("figures"):
        _plot_curves(ctx, runs, training)
        _plot_summary(ctx, runs, results["initial_loss"], training)
    ctx.write_metrics(config, settings, results)
    return results


# ---------------------------------------------------------------- figures
#: this experiment's figure words (same shape as :data:`~mlplab.lab._words.WORDS`)
LR_WORDS: dict[str, dict[str, str]] = {
    "too_small": {"en": "too small", "de": "zu klein"},
    "good": {"en": "good", "de": "gut"},
    "too_large": {"en": "too large", "de": "zu groß"},
    "diverges": {"en": "diverges", "de": "divergiert"},
    "initial_loss": {"en": "initial loss", "de": "Anfangsverlust"},
    "smoothed": {"en": "smoothed final loss", "de": "geglätteter Endverlust"},
    "spikes": {"en": "spikes (% of epochs)", "de": "Spitzen (% der Epochen)"},
    "dead": {"en": "dead ReLU units (%)", "de": "tote ReLU-Neuronen (%)"},
    "rate": {"en": "learning rate α", "de": "Lernrate α"},
}


def _lw(key: str, lang: str) -> str:
    return LR_WORDS[key][lang] if key in LR_WORDS else word(key, lang)


def rate_text(rate: float, lang: str) -> str:
    """A rate as printed in the figures: ``0.3`` (``0,3``), or ``10⁻⁴`` for a power of ten below 0.01."""
    exponent = math.log10(rate)
    if rate < 0.01 and abs(exponent - round(exponent)) < 1e-9:
        return "10" + plotting.superscript(round(exponent))
    text = f"{rate:g}"
    return text.replace(".", ",") if lang == "de" else text


def _rate_axis(ax, rates: list[float], lang: str) -> None:
    """A log axis of the learning rates, labelled at the decades in plain text (no maths exponents)."""
    from matplotlib.ticker import NullLocator

    ax.set_xscale("log")
    decades = [
        10.0**k for k in range(math.floor(math.log10(min(rates))), math.ceil(math.log10(max(rates))) + 1)
    ]
    ax.set_xticks(decades, [rate_text(d, lang) if i % 2 == 0 else "" for i, d in enumerate(decades)])
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xlabel(_lw("rate", lang))


def _plot_curves(ctx: Context, runs: list[dict], config: dict) -> None:
    """The loss curves of every seed on a log scale, one panel per verdict; a cross where training blew up."""
    present = [name for name in VERDICTS if any(r["verdict"] == name for r in runs)]
    n_rows = math.ceil(len(present) / 2)
    initial = runs[0]["initial_loss"]

    def draw(lang: str):
        fig, axes = plotting.new_figure(
            2, n_rows, width=plotting.TEXT_WIDTH_IN / 2, height=2.2, squeeze=False, sharex=True
        )
        flat = list(axes.ravel())
        for ax in flat[len(present) :]:
            ax.set_visible(False)
        for ax, name in zip(flat, present):
            for index, rate in enumerate(r for r in runs if r["verdict"] == name):
                color = f"C{index}"
                for k, seed in enumerate(rate["seeds"]):
                    curve = np.asarray(seed["loss_curve"], dtype=float)
                    epochs = np.arange(1, curve.size + 1)
                    label = f"α = {rate_text(rate['learning_rate'], lang)}" if k == 0 else None
                    ax.plot(epochs, curve, lw=0.9, color=color, alpha=0.85, label=label)
                    if seed["diverged_at_epoch"] is not None and curve.size:
                        ax.plot(epochs[-1], curve[-1], marker="x", ms=7, mew=1.8, color=color, ls="none")
            ax.axhline(initial, color="0.3", lw=1.0, ls="-.")
            ax.set_yscale("log")
            plotting.plain_log_ticks(ax.yaxis)
            ax.set_title(_lw(name, lang), color=VERDICT_COLORS[name], fontweight="bold")
            ax.legend(loc="best", fontsize=8, ncol=1)
        for ax in axes[-1]:
            ax.set_xlabel(word("epoch", lang))
        for ax in axes[:, 0]:
            ax.set_ylabel(word("training_loss", lang))
        return fig

    plotting.each_language(ctx.out / FIG_CURVES, draw)


def _plot_summary(ctx: Context, runs: list[dict], initial: float, config: dict) -> None:
    """Smoothed final loss, spikes and dead units against the rate: medians over the seeds with their range.

    Each point is coloured by its rate's verdict; a smoothed loss that does not exist (every seed blew up)
    is drawn at the initial loss as a cross.
    """
    rates = [r["learning_rate"] for r in runs]
    panels = (
        ("smoothed", "smoothed_loss", 1.0),
        ("spikes", "spike_share", 100.0),
        ("dead", "dead_unit_fraction", 100.0),
    )

    def draw(lang: str):
        fig, axes = plotting.new_figure(3, width=plotting.TEXT_WIDTH_IN / 3, height=2.5)
        for ax, (title, key, scale) in zip(axes, panels):
            line = [np.nan if r[key]["median"] is None else scale * r[key]["median"] for r in runs]
            ax.plot(rates, line, color="0.7", lw=1.0, zorder=1)
            for name in VERDICTS:
                members = [r for r in runs if r["verdict"] == name and r[key]["median"] is not None]
                if members:
                    med = np.array([scale * r[key]["median"] for r in members])
                    low = med - np.array([scale * r[key]["min"] for r in members])
                    high = np.array([scale * r[key]["max"] for r in members]) - med
                    ax.errorbar([r["learning_rate"] for r in members], med, yerr=[low, high], fmt="o", ms=5,
                                color=VERDICT_COLORS[name], capsize=2, lw=1.2, label=_lw(name, lang),
                                zorder=3)  # fmt: skip
                missing = [r for r in runs if r["verdict"] == name and r[key]["median"] is None]
                if missing and key == "smoothed_loss":
                    ax.plot([r["learning_rate"] for r in missing], [initial] * len(missing), "x", ms=7,
                            mew=2, color=VERDICT_COLORS[name], zorder=3)  # fmt: skip
            _rate_axis(ax, rates, lang)
            ax.set_title(_lw(title, lang), fontsize=9)
        axes[0].axhline(initial, color="0.4", lw=1.0, ls="-.", label=_lw("initial_loss", lang))
        axes[0].set_yscale("log")
        plotting.plain_log_ticks(axes[0].yaxis)
        handles = {}
        for ax in axes:
            handles.update(zip(*reversed(ax.get_legend_handles_labels())))
        fig.legend(list(handles.values()), list(handles), loc="outside lower center", ncol=5, fontsize=8)
        return fig

    plotting.each_language(ctx.out / FIG_SUMMARY, draw)
