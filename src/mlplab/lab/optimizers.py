"""Task 4 (bonus): momentum, RMSprop and Adam against plain SGD, and L2 regularisation.

**Optimisers.** The same network ([2, 128, 128, 1], ReLU) from the same
initial weights and with the same mini-batch order learns the sheet's spirals
(``make_spirals(200, 0.1)`` scaled by 1/(4π)) with SGD, momentum, RMSprop and
Adam. Momentum is the sheet's form ``v = βv + (1−β)g``, ``θ = θ − αv``
(eq. 9–10): an average of gradients, so at a steady gradient it steps exactly
as far as SGD at the same α. Its fair baseline is therefore SGD at the same α:
both run at α = 0.1 and at α = 1 (:data:`FAIR_PAIRS`). RMSprop and Adam run at
a rate suited to them, with the optimiser objects' own ρ, β₁, β₂ and ε, which
``metrics.json`` records (``config`` of each run).

**Timings.** One run's wall time is noise (two runs of identical work differ by
a third on a shared machine), so the cost of each update rule is measured
apart: every optimiser trains ``timing_epochs`` epochs, ``timing_repeats``
times, the optimisers taking turns (the order rotates each round so that none
always runs first). ``timings["per_optimizer"]["optimizers"][name]`` of ``metrics.json``
holds the milliseconds per epoch of every repeat with their median, minimum
and maximum (wall clock and CPU); ``timings`` is the only part not reproduced
bit for bit.

**L2 regularisation** (sheet eq. 11, ``L + λ Σ‖W‖²``, weights only): Adam, from the
comparison's weights and batches (its λ = 0 run is the comparison's Adam run), with
several λ. Per λ the weight norm ``Σ‖W‖²``, the penalty ``λ Σ‖W‖²``, the data
loss and the accuracies; and ``kept_fit_objective``, what the previous λ's fit
would cost under this λ (its data loss + λ × its ``Σ‖W‖²``), next to
``constant_loss``, the loss of the best constant prediction (W = 0 pays no
penalty). Where the first exceeds the second, giving up the fit is cheaper:
that is where the network collapses to one class.
"""

from __future__ import annotations

import itertools
import math
import statistics
import time
from dataclasses import dataclass

import numpy as np

from ..mlp import MLP, train_many
from ..nn.training import DivergenceError
from . import plotting
from ._common import Context, data_loss
from ._data import scaled_spirals
from ._options import float_range, option, positive_int
from ._words import percent, significant, word

NAME = "optimizers"
HELP = "task 4: SGD vs momentum (fair: the same α) vs RMSprop vs Adam, repeated timings; L2 with several λ"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_CURVES = "optimizers"
FIG_L2_BOUNDARIES = "optimizers_l2_boundaries"
FIG_L2_NORMS = "optimizers_l2_norms"

#: (key, optimiser, learning rate, English label), in the order of the report's table
RUNS = [
    ("sgd", "sgd", 0.1, "SGD (α = 0.1)"),
    ("momentum_sgd_rate", "momentum", 0.1, "momentum (α = 0.1)"),
    ("sgd_momentum_rate", "sgd", 1.0, "SGD (α = 1)"),
    ("momentum", "momentum", 1.0, "momentum (α = 1)"),
    ("rmsprop", "rmsprop", 0.003, "RMSprop (α = 0.003)"),
    ("adam", "adam", 0.01, "Adam (α = 0.01)"),
]
#: (momentum run, its fair baseline: SGD at the same α), for α = 0.1 and α = 1
FAIR_PAIRS = (("momentum_sgd_rate", "sgd"), ("momentum", "sgd_momentum_rate"))
#: the optimisers whose cost per epoch is timed, each at the rate of its first run
TIMED = tuple(dict.fromkeys(optimizer for _, optimizer, _, _ in RUNS))
L2_VALUES = [0.0, 1e-4, 1e-3, 3e-3, 1e-2]
#: Adam's rate in the L2 study (that of its run in :data:`RUNS`, whose model is the λ = 0 run)
L2_RATE = 0.01
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
    timing_repeats: int = option(
        5, quick=3, parse=positive_int, help="timed runs per optimiser (their median and range are reported)"
    )
    timing_epochs: int = option(40, quick=10, parse=positive_int, help="epochs of each timed run")


def first_epoch_below(curve, target: float) -> int | None:
    """The first (1-based) epoch whose loss is below ``target``, or ``None``."""
    hits = np.flatnonzero(np.asarray(curve) < target)
    return int(hits[0]) + 1 if hits.size else None


def spread(values) -> dict:
    """``values`` with their median, minimum and maximum (rounded to 4 decimals)."""
    values = [round(float(v), 4) for v in values]
    return {
        "median": round(statistics.median(values), 4),
        "min": min(values),
        "max": max(values),
        "runs": values,
    }


def constant_loss(y: np.ndarray) -> float:
    """The cross-entropy of the best constant prediction (the class share): its entropy, ln 2 if balanced."""
    share = float(np.mean(y))
    return -sum(p * math.log(p) for p in (share, 1.0 - share) if p > 0)


def _data(ctx: Context) -> dict:
    return {
        "train": scaled_spirals(200, 0.1, ctx.seed_for(0, 0)),
        "test": scaled_spirals(1000, 0.1, ctx.seed_for(0, 1)),
    }


def _rate(optimizer: str) -> float:
    return next(rate for _, name, rate, _ in RUNS if name == optimizer)


def train_together(
    specs: list[tuple[str, float, float]], X: np.ndarray, y: np.ndarray, seed: int, epochs: int,
    batch_size: int,
) -> list[tuple[MLP, object]]:  # fmt: skip
    """One model per ``(optimizer, learning rate, λ)``, all from the same initial weights and batch order.

    The models of one optimiser are trained together (:func:`mlplab.train_many`:
    each exactly as if alone). Returns ``(model, history)`` per spec, in order.

    Raises
    ------
    DivergenceError
        If any of them diverges (none does with the study's settings).
    """
    sizes = [2, *HIDDEN, 1]
    models = [MLP(sizes, "relu", rate, optimizer=name, l2=l2, seed=seed) for name, rate, l2 in specs]
    histories: list = [None] * len(specs)
    for name in dict.fromkeys(spec[0] for spec in specs):
        members = [i for i, spec in enumerate(specs) if spec[0] == name]
        for i, outcome in zip(members, train_many([models[i] for i in members], X, y, epochs, batch_size)):
            if isinstance(outcome, DivergenceError):
                raise outcome
            histories[i] = outcome
    return list(zip(models, histories))


def _compare_optimizers(data: dict, trained: list[tuple[MLP, object]]) -> dict:
    """The results of the runs of :data:`RUNS`, trained (in that order) by :func:`train_together`."""
    X, y = data["train"]
    runs = {}
    for (key, optimizer, rate, label), (model, history) in zip(RUNS, trained):
        curve = np.asarray(history.train_loss)
        runs[key] = {
            "optimizer": optimizer,
            "learning_rate": rate,
            "label": label,
            "config": model.optimizer.config(),  # every setting (β, ρ, β₁, β₂, ε) as the object holds it
            "final_loss": data_loss(model, X, y),
            "final_epoch_loss": history.train_loss[-1],
            "min_epoch_loss": min(history.train_loss),
            "epochs_to_loss": {f"{t:g}": first_epoch_below(curve, t) for t in LOSS_TARGETS},
            "loss_rises": int(np.sum(np.diff(curve) > 0)),  # epochs whose loss is above the one before
            "train_accuracy": model.score(X, y),
            "test_accuracy": model.score(*data["test"]),
            "loss_curve": history.train_loss,
        }
    return runs


def _time_optimizers(ctx: Context, data: dict, batch_size: int, repeats: int, epochs: int) -> dict:
    """Milliseconds per epoch of every optimiser of :data:`TIMED`, ``repeats`` times each, taking turns."""
    X, y = data["train"]
    seed = ctx.seed_for(1)
    warm = MLP(
        [2, *HIDDEN, 1], "relu", 0.1, seed=ctx.seed_for(3)
    )  # so that the first timed run pays no warm-up
    warm.train(X, y, epochs=3, batch_size=batch_size)
    wall: dict[str, list[float]] = {name: [] for name in TIMED}
    cpu: dict[str, list[float]] = {name: [] for name in TIMED}
    bar = ctx.bar(repeats, "timings")
    for repeat in range(repeats):
        turn = repeat % len(TIMED)
        for name in TIMED[turn:] + TIMED[:turn]:  # each round another optimiser goes first
            model = MLP([2, *HIDDEN, 1], "relu", _rate(name), optimizer=name, seed=seed)
            start, cpu_start = time.perf_counter(), time.process_time()
            model.train(X, y, epochs=epochs, batch_size=batch_size)
            wall[name].append(1000 * (time.perf_counter() - start) / epochs)
            cpu[name].append(1000 * (time.process_time() - cpu_start) / epochs)
        bar.update()
    bar.close()
    return {
        "epochs": epochs,
        "repeats": repeats,
        "optimizers": {
            name: {"wall_ms_per_epoch": spread(wall[name]), "cpu_ms_per_epoch": spread(cpu[name])}
            for name in TIMED
        },
    }


def _l2_study(data: dict, l2_values: list[float], trained: list[tuple[MLP, object]]) -> list[dict]:
    """One row per λ from its Adam run (the comparison's weights and batches; see :func:`train_together`)."""
    X, y = data["train"]
    rows = []
    for l2, (model, history) in zip(l2_values, trained):
        norm = model.network.l2_penalty()  # Σ_l ‖W^(l)‖², biases excluded
        rows.append(
            {
                "l2": l2,
                "weight_norm": norm,
                "penalty": l2 * norm,
                "data_loss": data_loss(model, X, y),
                "final_objective": history.train_loss[-1],
                "train_accuracy": model.score(X, y),
                "test_accuracy": model.score(*data["test"]),
            }
        )
    for before, row in itertools.pairwise(rows):
        # what keeping the previous λ's weights would cost under this λ
        row["kept_fit_objective"] = before["data_loss"] + row["l2"] * before["weight_norm"]
    rows[0]["kept_fit_objective"] = None
    return rows


def _train_all(ctx: Context, data: dict, config: Config, l2_values: list[float]) -> tuple[list, list]:
    """The comparison's runs and the L2 study's, each ``(model, history)``; all from one seed.

    The comparison's Adam run *is* the λ = 0 run of the L2 study when both run as
    many epochs (same weights, batches, optimiser and rate): it is trained once,
    and the study's other λ are trained with the comparison.
    """
    X, y = data["train"]
    seed = ctx.seed_for(1)  # the same initial weights and batch order for every run
    comparison = [(optimizer, rate, 0.0) for _, optimizer, rate, _ in RUNS]
    penalised = [("adam", L2_RATE, l2) for l2 in l2_values]
    bar = ctx.bar(len(RUNS) + len(l2_values), "runs")
    if config.l2_epochs != config.epochs:
        trained = train_together(comparison, X, y, seed, config.epochs, config.batch_size)
        l2_trained = train_together(penalised, X, y, seed, config.l2_epochs, config.batch_size)
    else:
        extra = [spec for spec in penalised if spec[2] != 0]
        both = train_together(comparison + extra, X, y, seed, config.epochs, config.batch_size)
        trained, others = both[: len(RUNS)], iter(both[len(RUNS) :])
        adam = comparison.index(("adam", L2_RATE, 0.0))
        l2_trained = [trained[adam] if l2 == 0 else next(others) for l2 in l2_values]
    bar.update(len(RUNS) + len(l2_values))
    bar.close()
    return trained, l2_trained


def run(ctx: Context, config: Config) -> dict:
    """Compare the optimisers, time them, run the L2 study, draw all, write ``metrics.json``.

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
        "fair_pairs": [list(pair) for pair in FAIR_PAIRS],
        "momentum_form": "sheet eq. 9-10: v = beta v + (1 - beta) g, theta -= alpha v, beta = 0.9",
        "l2_values": l2_values,
        "l2_epochs": l2_epochs,
        "l2_optimizer": {"name": "adam", "learning_rate": L2_RATE},
    }
    data = _data(ctx)
    with ctx.timed("training"):
        trained, l2_trained = _train_all(ctx, data, config, l2_values)
        runs = _compare_optimizers(data, trained)
        l2_rows = _l2_study(data, l2_values, l2_trained)
    l2_models = [model for model, _ in l2_trained]
    with ctx.timed("timing_runs"):
        clocks = _time_optimizers(ctx, data, config.batch_size, config.timing_repeats, config.timing_epochs)

    norms = [row["weight_norm"] for row in l2_rows]
    results = {
        "optimizers": runs,
        "l2": l2_rows,
        "constant_loss": constant_loss(data["train"][1]),
        "weight_norm_decreases_with_l2": all(a > b for a, b in itertools.pairwise(norms)),
        "note": (
            "momentum uses the sheet's form v = βv + (1−β)g: at a steady gradient it steps α·g like SGD at "
            "the same α, its fair baseline (fair_pairs). Wall times are in timings.per_optimizer: "
            "per optimiser the milliseconds per epoch of `repeats` runs of `epochs` epochs: median, min, max."
        ),
    }
    with ctx.timed("figures"):
        _plot_optimizers(ctx, runs, clocks, epochs)
        _plot_l2(ctx, data, l2_rows, l2_models, results["constant_loss"])
    ctx.timings["per_optimizer"] = clocks  # nested: the top-level numbers are seconds of the sections
    ctx.write_metrics(config, settings, results)
    return results


# ---------------------------------------------------------------- figures
#: this experiment's own figure words (same shape as :data:`~mlplab.lab._words.WORDS`)
FIGURE_WORDS = {
    "momentum": {"en": "momentum", "de": "Momentum"},
    "ms_per_epoch": {"en": "time per epoch (ms)", "de": "Zeit pro Epoche (ms)"},
    "timing_title": {"en": "median and range, {n} runs", "de": "Median und Spanne, {n} Läufe"},
    "loss_title": {"en": "training loss ({epochs} epochs)", "de": "Trainingsverlust ({epochs} Epochen)"},
    "norm": {"en": "Σ‖W‖² after training", "de": "Σ‖W‖² nach dem Training"},
    "norm_title": {"en": "weight norm", "de": "Gewichtsnorm"},
    "objective_title": {"en": "objective per λ", "de": "Zielfunktion je λ"},
    "data_loss": {"en": "data loss", "de": "Datenverlust"},
    "penalty": {"en": "penalty λΣ‖W‖²", "de": "Strafterm λΣ‖W‖²"},
    "kept_fit": {"en": "previous λ's weights kept", "de": "Gewichte des vorigen λ behalten"},
    "constant": {"en": "constant prediction", "de": "konstante Vorhersage"},
}

OPTIMIZER_STYLES = {
    "sgd": {"color": "#9a9a9a"},
    "momentum_sgd_rate": {"color": "#92c5de", "ls": "--"},
    "sgd_momentum_rate": {"color": "#404040"},
    "momentum": {"color": "#2166ac", "ls": "--"},
    "rmsprop": {"color": "#e08214"},
    "adam": {"color": "#b2182b"},
}


def _w(key: str, lang: str, **fields) -> str:
    return word(key, lang, FIGURE_WORDS).format(**fields)


def run_label(optimizer: str, rate: float, lang: str) -> str:
    """``SGD (α = 0.1)`` / ``Momentum (α = 0,1)``."""
    name = (
        _w("momentum", lang)
        if optimizer == "momentum"
        else {"sgd": "SGD", "rmsprop": "RMSprop", "adam": "Adam"}[optimizer]
    )
    return f"{name} (α = {_rate_text(rate, lang)})"


def _rate_text(rate: float, lang: str) -> str:
    text = f"{rate:g}"
    return text.replace(".", ",") if lang == "de" else text


def lambda_label(value: float) -> str:
    """λ as a power of ten in plain Unicode (no maths, which prints small): ``0``, ``10⁻⁴``, ``3·10⁻³``."""
    if value == 0:
        return "0"
    exponent = math.floor(math.log10(value) + 1e-9)
    mantissa = round(value / 10**exponent, 2)
    power = "10" + str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return power if mantissa == 1 else f"{mantissa:g}·{power}"


def _plot_optimizers(ctx: Context, runs: dict, clocks: dict, epochs: int) -> None:
    """Training loss over epochs, one line per run; the time per epoch of each optimiser, median and range."""

    def draw(lang: str):
        fig, (ax_loss, ax_time) = plotting.new_figure(2, width=3.25, height=2.9)
        for key, run in runs.items():
            curve = np.asarray(run["loss_curve"])
            label = run_label(run["optimizer"], run["learning_rate"], lang)
            style = OPTIMIZER_STYLES.get(key, {})
            ax_loss.plot(np.arange(1, curve.size + 1), curve, lw=1.3, label=label, **style)
        ax_loss.set_yscale("log")
        ax_loss.set_xlabel(word("epoch", lang))
        ax_loss.set_ylabel(word("bce", lang))
        ax_loss.set_title(_w("loss_title", lang, epochs=epochs))
        names = list(clocks["optimizers"])
        for row, name in enumerate(names):
            ms = clocks["optimizers"][name]["wall_ms_per_epoch"]
            color = OPTIMIZER_STYLES[name if name != "sgd" else "sgd_momentum_rate"]["color"]
            ax_time.scatter(ms["runs"], [row] * len(ms["runs"]), s=14, color=color, alpha=0.45, zorder=2)
            ax_time.errorbar(
                ms["median"], row, xerr=[[ms["median"] - ms["min"]], [ms["max"] - ms["median"]]],
                fmt="D", color=color, markeredgecolor="black", capsize=4, zorder=3,
            )  # fmt: skip
        ax_time.set_yticks(range(len(names)), [run_label(n, _rate(n), lang).split(" (")[0] for n in names])
        ax_time.set_ylim(len(names) - 0.5, -0.5)
        ax_time.set_xlim(left=0)
        ax_time.set_xlabel(_w("ms_per_epoch", lang))
        ax_time.set_title(_w("timing_title", lang, n=clocks["repeats"]))
        fig.legend(*ax_loss.get_legend_handles_labels(), loc="outside lower center", ncol=3)
        return fig

    plotting.each_language(ctx.out / FIG_CURVES, draw)


def _plot_l2(ctx: Context, data: dict, rows: list[dict], models: list[MLP], constant: float) -> None:
    """Decision boundaries for every λ; the weight norm and the parts of the objective per λ."""
    from matplotlib.lines import Line2D

    X, y = data["train"]
    resolution = 120
    _, _, points = plotting.grid_over(X, resolution)
    fields = [model.predict_proba(points) for model in models]  # once, for both languages
    ncols = 3
    nrows = math.ceil((len(rows) + 1) / ncols)

    def boundaries(lang: str):
        fig, axes = plotting.new_figure(ncols, nrows, width=2.18, height=2.25, squeeze=False)
        flat = axes.ravel()
        accuracy = word("test_accuracy", lang)
        for ax, row, field in zip(flat, rows, fields):
            plotting.decision_boundary(
                ax, lambda _, field=field: field, X, y, resolution=resolution, lang=lang, point_size=7,
                title=f"λ = {lambda_label(row['l2'])}\n{accuracy} {percent(row['test_accuracy'], lang)}",
            )  # fmt: skip
            ax.get_legend().remove()
        handles, labels = flat[0].get_legend_handles_labels()
        handles.append(Line2D([], [], color="k", lw=1.2))
        labels.append(word("decision_boundary", lang))
        for ax in flat[len(rows) :]:
            ax.axis("off")
        flat[len(rows)].legend(handles, labels, loc="center", frameon=False)
        return fig

    plotting.each_language(ctx.out / FIG_L2_BOUNDARIES, boundaries)

    def norms(lang: str):
        fig, (ax_norm, ax_obj) = plotting.new_figure(2, width=3.25, height=2.9)
        labels = [lambda_label(row["l2"]) for row in rows]
        x = np.arange(len(rows))
        bars = ax_norm.bar(x, [row["weight_norm"] for row in rows], color="#4393c3")
        ax_norm.bar_label(bars, labels=[significant(row["weight_norm"], lang) for row in rows], fontsize=8)
        ax_norm.set_yscale("log")
        ax_norm.set_ylim(top=max(row["weight_norm"] for row in rows) * 8)
        ax_norm.set_xticks(x, labels)
        ax_norm.set_xlabel("λ")
        ax_norm.set_ylabel(_w("norm", lang))
        ax_norm.set_title(_w("norm_title", lang))
        width = 0.38
        ax_obj.bar(x - width / 2, [row["data_loss"] for row in rows], width, color="#92c5de",
                   label=_w("data_loss", lang))  # fmt: skip
        penalised = [i for i, row in enumerate(rows) if row["penalty"] > 0]
        ax_obj.bar(x[penalised] + width / 2, [rows[i]["penalty"] for i in penalised], width, color="#f4a582",
                   label=_w("penalty", lang))  # fmt: skip
        kept = [i for i, row in enumerate(rows) if row["kept_fit_objective"] is not None]
        ax_obj.scatter(x[kept], [rows[i]["kept_fit_objective"] for i in kept], marker="v", s=36,
                       color="black", zorder=3, label=_w("kept_fit", lang))  # fmt: skip
        ax_obj.axhline(
            constant,
            color="0.3",
            ls="-.",
            lw=1.0,
            label=f"{_w('constant', lang)}: {significant(constant, lang)}",
        )
        ax_obj.set_ylim(0, 1.25 * max(constant, *(row["kept_fit_objective"] or 0 for row in rows)))
        ax_obj.set_xticks(x, labels)
        ax_obj.set_xlabel("λ")
        ax_obj.set_ylabel(word("loss", lang))
        ax_obj.set_title(_w("objective_title", lang))
        fig.legend(*ax_obj.get_legend_handles_labels(), loc="outside lower center", ncol=2)
        return fig

    plotting.each_language(ctx.out / FIG_L2_NORMS, norms)
