"""Task 2.2 (a): XOR with a [2, 4, 1] network.

The loss over epochs, the decision boundary with the four points, 100 %
accuracy, and, since one lucky seed proves little, the share of 20 seeds that
reach 100 % for each activation (with the dead ReLU units of each seed). The
per-unit pictures, as in TensorFlow Playground: each hidden unit as its line
w·x + b = 0 over the four points, and each unit's activation over the plane
next to the output's. Every figure is drawn in English and German.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..datasets import make_xor
from ..mlp import MLP, train_many
from ..nn.training import DivergenceError
from . import plotting
from ._common import Context
from ._options import HIDDEN_ACTIVATIONS, option, positive_float, positive_int
from ._words import percent, word

NAME = "xor"
HELP = "task 2.2 (a): XOR with [2, 4, 1]: loss curve, decision boundary, success rate over seeds"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_MAIN = "xor"
FIG_SUCCESS = "xor_success"
FIG_LINES = "xor_lines"  # the hidden units as lines w·x + b = 0 over the points
FIG_UNITS = "xor_units"  # each hidden unit's activation over the plane, and the output

#: the activations of the success rate, in this order (it keys their seeds)
ACTIVATIONS = ("sigmoid", "tanh", "relu")


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab xor``."""

    activation: str = option("sigmoid", choices=HIDDEN_ACTIVATIONS, help="activation of the shown run")
    learning_rate: float = option(0.5, parse=positive_float, help="SGD step size α")
    epochs: int = option(5000, quick=500, parse=positive_int, help="full-batch epochs")
    seeds: int = option(20, quick=3, parse=positive_int, help="seeds per activation for the success rate")


def hidden_layer(model: MLP, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pre-activations ``z = X Wᵀ + b`` and activations ``a`` of the first hidden layer, ``(n, units)``."""
    weight, bias = model.weights[0], model.biases[0]
    z = X @ weight.T + bias  # (n, n_units)
    return z, model.network.activation.forward(z.copy())


def _dead_units(model: MLP, X: np.ndarray) -> int:
    """Hidden units with ``z ≤ 0`` on every point: a dead ReLU unit, which no gradient reaches."""
    z, _ = hidden_layer(model, X)
    return int(np.sum(np.all(z <= 0, axis=0)))


def run(ctx: Context, config: Config) -> dict:
    """Train the shown run and the success-rate runs, draw the figures, write ``metrics.json``."""
    epochs, n_seeds = config.epochs, config.seeds
    X, y = make_xor()
    settings = {
        "layer_sizes": [2, 4, 1],
        "activation": config.activation,
        "learning_rate": config.learning_rate,
        "epochs": epochs,
        "batch_size": None,
        "optimizer": "sgd",
        "seeds_per_activation": n_seeds,
    }

    # the runs of one activation are trained together (train_many: each exactly as if alone),
    # the shown run with those of its activation
    shown = MLP([2, 4, 1], config.activation, config.learning_rate, seed=ctx.seed_for(0))
    seeds = {activation: [MLP([2, 4, 1], activation, config.learning_rate, seed=ctx.seed_for(1, a_index, s))
                          for s in range(n_seeds)]
             for a_index, activation in enumerate(ACTIVATIONS)}  # fmt: skip
    success = {}
    bar = ctx.bar(3 * n_seeds + 1, "runs")
    with ctx.timed("training"):
        for activation, candidates in seeds.items():
            with_shown = activation == config.activation
            histories = train_many([*candidates, shown] if with_shown else candidates, X, y, epochs=epochs)
            if with_shown:
                history = histories.pop()
            success[activation] = _success(activation, candidates, histories, X, y)
            bar.update(len(candidates) + with_shown)
    bar.close()
    if isinstance(history, DivergenceError):
        raise history
    model = shown
    accuracy = accuracy_after_each_epoch(history, model.score(X, y))
    z, a = hidden_layer(model, X)
    main = {
        "accuracy": accuracy[-1],
        "final_loss": history.train_loss[-1],
        "epochs_to_100_percent": _first_perfect(accuracy),
        "perfect_from_epoch": _perfect_from(accuracy),
        "predictions": model.predict(X).tolist(),
        "probabilities": model.predict_proba(X)[:, 1].tolist(),
        "loss_curve": history.train_loss,
        "inputs": X.tolist(),
        "targets": y.tolist(),
        # the trained network, for the per-unit pictures: W1 (4, 2), b1 (4,), w2 (4,), b2
        "hidden_weights": model.weights[0].tolist(),
        "hidden_biases": model.biases[0].tolist(),
        "output_weights": model.weights[1][0].tolist(),
        "output_bias": float(model.biases[1][0]),
        "hidden_preactivations": z.tolist(),  # (4 points, 4 units)
        "hidden_activations": a.tolist(),
    }

    with ctx.timed("figures"):
        plotting.each_language(
            ctx.out / FIG_MAIN, lambda lang: _draw_main(model, history, X, y, main, config, lang)
        )
        plotting.each_language(ctx.out / FIG_SUCCESS, lambda lang: _draw_success(success, config, lang))
        plotting.each_language(ctx.out / FIG_LINES, lambda lang: _draw_lines(model, X, y, lang))
        plotting.each_language(ctx.out / FIG_UNITS, lambda lang: _draw_units(model, X, y, config, lang))

    results = {"main_run": main, "success_rate": success}
    ctx.write_metrics(config, settings, results)
    return results


def _success(activation: str, models: list[MLP], histories: list, X: np.ndarray, y: np.ndarray) -> dict:
    """The success rate of one activation from its trained seeds (a diverged run counts as not solved)."""
    solved, epochs_needed, per_seed, dead = 0, [], [], []
    for model, history in zip(models, histories):
        if isinstance(history, DivergenceError):
            per_seed.append(False)
            dead.append(None)
            continue
        accuracy = accuracy_after_each_epoch(history, model.score(X, y))
        ok = accuracy[-1] == 1.0
        per_seed.append(ok)
        dead.append(_dead_units(model, X) if activation == "relu" else None)
        if ok:
            solved += 1
            epochs_needed.append(_first_perfect(accuracy))
    return {
        "solved": solved,
        "seeds": len(models),
        "rate": solved / len(models),
        "median_epochs_to_100_percent": float(np.median(epochs_needed)) if epochs_needed else None,
        "solved_per_seed": per_seed,
        # ReLU only: units with z ≤ 0 on all four points after training (None: other activations)
        "dead_units_per_seed": dead,
    }


def accuracy_after_each_epoch(history, final: float) -> list[float]:
    """The accuracy of the weights after each epoch of a full-batch run, from its history.

    With one batch per epoch, the history's accuracy of epoch e + 1 is scored on
    the weights before that epoch's update, i.e. after epoch e; ``final`` scores
    the weights after the last one. So no callback has to score the model again
    (the same numbers as :class:`~mlplab.lab._common.EpochAccuracy`, at no cost).
    """
    return [*history.train_accuracy[1:], final]


def _first_perfect(accuracy: list[float]) -> int | None:
    """The first epoch (1-based) after which every point is right, or None."""
    return next((epoch for epoch, value in enumerate(accuracy, start=1) if value == 1.0), None)


def _perfect_from(accuracy: list[float]) -> int | None:
    """The epoch from which every later epoch has 100 % accuracy, or None if the last one has not."""
    if not accuracy or accuracy[-1] != 1.0:
        return None
    below = [i for i, value in enumerate(accuracy) if value != 1.0]
    return (below[-1] + 2) if below else 1


def _w(key: str, lang: str, **values) -> str:
    return word(key, lang, _WORDS).format(**values)


def _draw_main(model: MLP, history, X, y, main: dict, config: Config, lang: str):
    fig, (ax_loss, ax_boundary) = plotting.new_figure(2, width=3.2, height=2.8)
    plotting.loss_curves(
        ax_loss,
        {word("training_loss", lang): history.train_loss},
        title=_w("loss_title", lang, activation=config.activation, lr=_g(config.learning_rate, lang)),
        ylabel=word("bce", lang),
        lang=lang,
    )
    if ax_loss.get_yscale() == "log":
        plotting.plain_log_ticks(ax_loss.yaxis)
    plotting.decision_boundary(
        ax_boundary,
        model.predict_proba,
        X,
        y,
        padding=0.35,
        resolution=120,  # smooth enough for a field of four units (and 4× fewer grid points than the default)
        show_colorbar=True,
        legend_loc="lower center",
        title=_w("boundary_title", lang, accuracy=percent(main["accuracy"], lang, 0)),
        lang=lang,
        point_size=POINT_SIZE,
    )
    ax_boundary.get_legend().remove()  # under the panels: inside, it would hide a point
    fig.legend(*ax_boundary.get_legend_handles_labels(), loc="outside lower center", ncol=2, frameon=False)
    return fig


def _g(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "de" else text


def _draw_success(success: dict, config: Config, lang: str):
    fig, ax = plotting.new_figure(1, width=3.9, height=2.6)
    names = list(success)
    rates = [success[n]["rate"] for n in names]
    labels = [_w(f"name_{n}", lang) for n in names]
    bars = ax.bar(labels, rates, color=["#4393c3", "#92c5de", "#f4a582"])
    ax.bar_label(bars, labels=[f"{success[n]['solved']}/{success[n]['seeds']}" for n in names])
    ax.set_ylim(0, 1.15)
    ax.set_ylabel(_w("share_solved", lang))
    fig.suptitle(_w("success_title", lang, seeds=config.seeds, epochs=config.epochs), fontsize=10.5)
    return fig


#: the view of the per-unit pictures: the unit square and a margin
VIEW = (-0.35, 1.35)
POINT_SIZE = 70
UNIT_COLORS = ["#e08214", "#1b7837", "#762a83", "#4d4d4d", "#8c510a", "#01665e"]


def _line_segment(weight, bias, low: float, high: float):
    """The part of the line ``w·x + b = 0`` inside the square ``[low, high]²``, or None."""
    w1, w2 = weight
    points = []
    for x in (low, high):  # crossings of the vertical edges
        if abs(w2) > 1e-12:
            yv = -(bias + w1 * x) / w2
            if low <= yv <= high:
                points.append((x, yv))
    for yv in (low, high):  # crossings of the horizontal edges
        if abs(w1) > 1e-12:
            x = -(bias + w2 * yv) / w1
            if low <= x <= high:
                points.append((x, yv))
    if len(points) < 2:
        return None
    points = sorted(set(points))
    return np.array([points[0], points[-1]])


def _draw_lines(model: MLP, X, y, lang: str):
    """The hidden units as lines ``w·x + b = 0`` over the four points, an arrow towards ``z > 0``."""
    fig, ax = plotting.new_figure(1, width=4.3, height=2.9)
    low, high = VIEW
    weight, bias = np.asarray(model.weights[0]), np.asarray(model.biases[0])
    for unit, (w, b) in enumerate(zip(weight, bias)):
        color = UNIT_COLORS[unit % len(UNIT_COLORS)]
        label = f"{_w('unit', lang)} {unit + 1}"
        segment = _line_segment(w, b, low, high)
        if segment is None:
            ax.plot([], [], color=color, lw=1.8, label=f"{label} ({_w('outside', lang)})")
            continue
        ax.plot(*segment.T, color=color, lw=1.8, label=label)
        middle = segment.mean(axis=0)
        normal = w / np.linalg.norm(w) * 0.16
        ax.annotate(
            "", xy=middle + normal, xytext=middle, arrowprops={"arrowstyle": "->", "color": color, "lw": 1.5}
        )
    plotting.scatter_classes(ax, X, y, lang, size=POINT_SIZE)
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_xticks([0, 0.5, 1])
    ax.set_yticks([0, 0.5, 1])
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    ax.set_title(_w("lines_title", lang))
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), frameon=False)
    return fig


def _draw_units(model: MLP, X, y, config: Config, lang: str):
    """One panel per hidden unit (its activation over the plane, its line) and one for the output ŷ."""
    n_units = model.layer_sizes[1]
    width = plotting.TEXT_WIDTH_IN / (n_units + 1)
    fig, axes = plotting.new_figure(n_units + 1, width=width, height=1.75, sharex=True, sharey=True)
    low, high = VIEW
    grid = np.linspace(low, high, 81)
    xx, yy = np.meshgrid(grid, grid)
    points = np.column_stack([xx.ravel(), yy.ravel()])  # (81², 2)
    z, a = hidden_layer(model, points)
    output = model.predict_proba(points)[:, 1]
    panels = [(a[:, j], z[:, j], f"{_w('unit', lang)} {j + 1}") for j in range(n_units)]
    panels.append((output, output - 0.5, _w("output", lang)))
    for index, (ax, (field, level, title)) in enumerate(zip(axes, panels)):
        is_output = index == n_units
        ax.imshow(
            field.reshape(xx.shape),
            extent=(low, high, low, high),
            origin="lower",
            cmap="RdBu_r" if is_output else "Greys",
            vmin=0.0 if is_output else None,
            vmax=1.0 if is_output else None,
            alpha=0.55 if is_output else 0.7,
            interpolation="bilinear",
        )
        if level.min() < 0 < level.max():
            ax.contour(xx, yy, level.reshape(xx.shape), levels=[0.0], colors="k", linewidths=1.0)
        for label in (0, 1):
            members = y == label
            ax.scatter(
                *X[members].T,
                s=26,
                c=plotting.CLASS_COLORS[label],
                marker=plotting.MARKERS[label],
                edgecolors="black",
                linewidths=0.7,
                zorder=3,
            )
        ax.set_title(title, fontsize=9)
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.tick_params(labelsize=8)
        ax.grid(False)
        ax.set_aspect("equal")
        ax.set_xlabel("x₁", fontsize=8)
    axes[0].set_ylabel("x₂", fontsize=8)
    return fig


#: this experiment's figure words (same shape as :data:`mlplab.lab._words.WORDS`)
_WORDS = {
    "loss_title": {"en": "[2, 4, 1], {activation}, α = {lr}", "de": "[2, 4, 1], {activation}, α = {lr}"},
    "boundary_title": {"en": "accuracy {accuracy}", "de": "Genauigkeit {accuracy}"},
    "share_solved": {"en": "share of seeds with 100 %", "de": "Anteil der Startwerte mit 100 %"},
    "success_title": {
        "en": "{seeds} seeds per activation, {epochs} epochs",
        "de": "{seeds} Startwerte je Aktivierung, {epochs} Epochen",
    },
    "unit": {"en": "unit", "de": "Neuron"},
    "outside": {"en": "outside", "de": "außerhalb"},
    "lines_title": {"en": "hidden units: lines z = 0", "de": "verdeckte Neuronen: Geraden z = 0"},
    "output": {"en": "output ŷ", "de": "Ausgabe ŷ"},
    "name_sigmoid": {"en": "sigmoid", "de": "Sigmoid"},
    "name_tanh": {"en": "tanh", "de": "tanh"},
    "name_relu": {"en": "ReLU", "de": "ReLU"},
}
