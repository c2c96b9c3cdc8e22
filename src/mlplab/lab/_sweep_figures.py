"""The figures of ``mlplab sweep``: test-accuracy heat maps and mean loss curves."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import plotting

ACTIVATION_COLORS = {"sigmoid": "#1b9e77", "relu": "#d95f02", "tanh": "#7570b3"}


def plus_minus(mean: float | None, std: float | None, digits: int = 3) -> str:
    """``mean ± std`` with ``digits`` decimals; ``n/a`` without a mean, no ``±`` without a std."""
    if mean is None:
        return "n/a"
    return f"{mean:.{digits}f}" + (f" ± {std:.{digits}f}" if std is not None else "")


def plot_heatmaps(stem: Path, table, hidden_grid, activations, rates, settings, best) -> None:
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
                text = plus_minus(mean, row["test_accuracy_std"], 2).replace(" ± ", "\n±")
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


def plot_curves(stem: Path, cells, curves, n_seeds, hidden_grid, activations, rates, settings) -> None:
    """Mean training loss over the seeds: one panel per architecture, colour = activation, style = rate."""
    from matplotlib.lines import Line2D

    colours = ACTIVATION_COLORS
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
