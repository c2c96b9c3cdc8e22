"""The figures of ``mlplab sweep``, in every language: test-accuracy heat maps and training-loss curves.

Both draw from ``metrics.json``'s ``settings`` and ``results`` alone (the loss
curves from ``results["curves"]``, each cell's mean over its seeds), so the
notebook can draw them again from the results.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import plotting
from ._words import number, word

__all__ = ["SWEEP_WORDS", "plot_curves", "plot_heatmaps"]

#: the sweep's own figure terms (shape of :data:`~mlplab.lab._words.WORDS`)
SWEEP_WORDS = {
    "activation": {"en": "activation", "de": "Aktivierung"},
    "mean_test_pct": {"en": "mean test accuracy (%)", "de": "mittlere Testgenauigkeit (%)"},
    "heat_title": {
        "en": "{epochs} epochs, mean over {seeds} seeds; red frame: best cell",
        "de": "{epochs} Epochen, Mittel über {seeds} Startwerte; rot umrahmt: beste Zelle",
    },
    "curves_title": {
        "en": "training loss (BCE), mean over {seeds} seeds",
        "de": "Trainingsverlust (BCE), Mittel über {seeds} Startwerte",
    },
    "sgd": {"en": "SGD", "de": "SGD"},
    "momentum": {"en": "momentum", "de": "Momentum"},
    "rmsprop": {"en": "RMSprop", "de": "RMSprop"},
    "adam": {"en": "Adam", "de": "Adam"},
    "he": {"en": "He-scaled", "de": "He-skaliert"},
}
RATE_COLORS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e")
OPTIMIZER_STYLES = ("-", "--", "-.", (0, (5, 1, 1, 1)))


def _w(key: str, lang: str) -> str:
    return word(key, lang, SWEEP_WORDS)


def _layers(hidden) -> str:
    """The whole network, as the sheet writes it: ``[2, 16, 8, 1]``."""
    return "[" + ", ".join(str(h) for h in (2, *hidden, 1)) + "]"


def _rate(rate: float, lang: str) -> str:
    text = f"{rate:g}"
    return text.replace(".", ",") if lang == "de" else text


def _same(a: dict, b: dict) -> bool:
    keys = ("hidden_layers", "activation", "learning_rate", "optimizer", "init")
    return all(a[k] == b[k] for k in keys)


def plot_heatmaps(stem: Path, settings: dict, results: dict) -> None:
    """Per optimiser (rows) and architecture (columns): activation × rate, colour = test accuracy."""
    plotting.each_language(stem, lambda lang: _heatmaps(settings, results, lang))


def _heatmaps(settings: dict, results: dict, lang: str):
    from matplotlib import colormaps
    from matplotlib.patches import Rectangle

    hidden_grid, activations = settings["hidden_layers"], settings["activations"]
    rates, optimizers = settings["learning_rates"], settings["optimizers"]
    lookup = {
        (tuple(r["hidden_layers"]), r["activation"], r["learning_rate"], r["optimizer"]): r
        for r in results["cells"]
        if r["init"] == "default"
    }
    n_cols, n_rows = len(hidden_grid), len(optimizers)
    width = max(1.9, min(plotting.TEXT_WIDTH_IN - 0.9, 0.62 * len(rates) * n_cols + 0.55) / n_cols)
    fig, axes = plotting.new_figure(
        n_cols, n_rows, width=width, height=0.42 * max(len(activations), 2) + 0.75, squeeze=False
    )
    cmap = colormaps["viridis"].with_extremes(bad="0.85")
    image = None
    for i, optimizer in enumerate(optimizers):
        framed = results["best_by_optimizer"].get(optimizer)
        for ax, hidden in zip(axes[i], hidden_grid):
            values = np.full((len(activations), len(rates)), np.nan)
            for a, activation in enumerate(activations):
                for j, rate in enumerate(rates):
                    row = lookup[(tuple(hidden), activation, rate, optimizer)]
                    mean = row["test_accuracy_mean"]
                    if mean is None:
                        text = "–"
                    else:
                        values[a, j] = mean
                        text = number(100 * mean, 1, lang)
                    if row["failed"]:
                        text += f" ({row['failed']}✗)"
                    if framed is not None and _same(row, framed):
                        ax.add_patch(Rectangle((j - 0.46, a - 0.46), 0.92, 0.92, fill=False,
                                               edgecolor="#e31a1c", linewidth=2.2, zorder=4))  # fmt: skip
                    dark = mean is not None and mean < 0.8
                    ax.text(
                        j, a, text, ha="center", va="center", fontsize=9, color="white" if dark else "black"
                    )
            image = ax.imshow(values, cmap=cmap, vmin=0.5, vmax=1.0, aspect="auto")
            ax.set_xticks(range(len(rates)), [_rate(rate, lang) for rate in rates])
            ax.set_yticks(range(len(activations)), activations if ax is axes[i][0] else [])
            if i == n_rows - 1:
                ax.set_xlabel(word("learning_rate", lang) + " α")
            if i == 0:
                ax.set_title(_layers(hidden), fontsize=10)
            ax.grid(False)
            ax.tick_params(length=0)
            for spine in ax.spines.values():
                spine.set_visible(False)
        axes[i][0].set_ylabel(_w(optimizer, lang), fontsize=11, fontweight="bold")
    bar = fig.colorbar(image, ax=axes.ravel().tolist(), shrink=0.9)
    bar.set_label(_w("mean_test_pct", lang))
    bar.set_ticks([0.5, 0.6, 0.7, 0.8, 0.9, 1.0], labels=["50", "60", "70", "80", "90", "100"])
    title = _w("heat_title", lang).format(seeds=settings["seeds_per_cell"], epochs=settings["epochs"])
    fig.suptitle(title, fontsize=10)
    return fig


def plot_curves(stem: Path, settings: dict, results: dict) -> None:
    """Small multiples: one panel per activation (rows) and architecture (columns).

    In each, the mean training loss of every cell: colour = learning rate,
    line style = optimiser, dotted = the He-scaled repeat.
    """
    plotting.each_language(stem, lambda lang: _curves(settings, results, lang))


def _curves(settings: dict, results: dict, lang: str):
    from matplotlib.lines import Line2D

    hidden_grid, activations = settings["hidden_layers"], settings["activations"]
    rates, optimizers = settings["learning_rates"], settings["optimizers"]
    epochs = results["curves"]["epochs"]
    means = results["curves"]["mean_train_loss"]
    n_cols, n_rows = len(hidden_grid), len(activations)
    fig, axes = plotting.new_figure(
        n_cols, n_rows, width=min(2.05, (plotting.TEXT_WIDTH_IN - 0.1) / n_cols), height=1.5,
        sharex=True, sharey=True, squeeze=False,
    )  # fmt: skip
    values = [v for curve in means if curve is not None for v in curve if v > 0]
    for r, activation in enumerate(activations):
        for c, hidden in enumerate(hidden_grid):
            ax = axes[r][c]
            for cell, curve in zip(results["cells"], means):
                if curve is None or cell["hidden_layers"] != hidden or cell["activation"] != activation:
                    continue
                he = cell["init"] != "default"
                style = ":" if he else OPTIMIZER_STYLES[optimizers.index(cell["optimizer"]) % 4]
                colour = RATE_COLORS[rates.index(cell["learning_rate"]) % len(RATE_COLORS)]
                ax.plot(epochs, curve, color=colour, ls=style, lw=2.0 if he else 1.4)
            if r == 0:
                ax.set_title(_layers(hidden), fontsize=10)
            if c == n_cols - 1:
                ax.yaxis.set_label_position("right")
                ax.set_ylabel(activation, fontsize=10, fontweight="bold")
            if r == n_rows - 1:
                ax.set_xlabel(word("epoch", lang))
    # linear: the plateau at log 2 ≈ 0.69, where most cells stay, and the way down from it both show
    top = max(values, default=1.0)
    axes[0][0].set_ylim(0.0, max(0.8, min(top, 1.5)) * 1.02)
    fig.supylabel(word("training_loss", lang), fontsize=10)
    handles = [
        Line2D([], [], color=RATE_COLORS[i % len(RATE_COLORS)], lw=2, label=f"α = {_rate(rate, lang)}")
        for i, rate in enumerate(rates)
    ]
    handles += [Line2D([], [], color="0.3", ls=OPTIMIZER_STYLES[i % 4], lw=1.4, label=_w(o, lang))
                for i, o in enumerate(optimizers)]  # fmt: skip
    if settings["rescaled_activations"]:
        label = f"{_w(settings['rescaled_optimizer'], lang)}, {_w('he', lang)}"
        handles.append(Line2D([], [], color="0.3", ls=":", lw=2.0, label=label))
    fig.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False,
               fontsize=9, handlelength=2.2, columnspacing=1.0)  # fmt: skip
    fig.suptitle(_w("curves_title", lang).format(seeds=settings["seeds_per_cell"]), fontsize=10)
    return fig
