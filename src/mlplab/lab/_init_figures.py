"""The figures of ``mlplab init``: variance per layer, training per initialisation, symmetry."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import plotting


def plot_variance(stem: Path, variance: dict, settings: dict, schemes: dict) -> None:
    """Measured (markers) and predicted (dashed) Var(z_l) per layer, log scale."""
    fig, axes = plotting.new_figure(2, width=4.8, height=4.0)
    sizes = settings["variance"]["layer_sizes"]
    for ax, activation in zip(axes, variance):
        for name, scheme in schemes.items():
            entry = variance[activation][name]
            layers = np.arange(1, len(entry["measured"]) + 1)
            if not np.any(entry["measured"] > 0):
                continue  # zeros: off the log scale, said in the note below
            measured = np.asarray(entry["measured"])
            spread = [measured - entry["measured_min"], entry["measured_max"] - measured]
            ax.plot(layers, entry["predicted"], "--", color=scheme.color, lw=1.1)
            ax.errorbar(layers, measured, yerr=spread, fmt="o", color=scheme.color, ms=4.5, capsize=2,
                        elinewidth=1.0, label=scheme.label)  # fmt: skip
        ax.text(0.02, 0.02, "zeros: Var(z) = 0 in every layer", transform=ax.transAxes,
                fontsize=8, color="0.3")  # fmt: skip
        ax.set_yscale("log")
        ax.set_xticks(layers)
        ax.set_xlabel("layer l")
        ax.set_title(f"{activation}, {len(sizes) - 1} layers of width {sizes[0]}")
    axes[0].set_ylabel("Var($z_l$) of the pre-activations")
    handles, labels = axes[0].get_legend_handles_labels()
    handles.append(plotting.plt.Line2D([], [], color="0.3", ls="--", lw=1.1))
    labels.append("predicted: fan_in · Var(w) · E[$a^2$]")
    fig.legend(handles, labels, loc="outside lower center", ncols=3, fontsize=8.5)
    variance_settings = settings["variance"]
    fig.suptitle(f"pre-activation variance per layer: {variance_settings['n_samples']} inputs x ~ N(0, I), "
                 f"mean of {variance_settings['networks']} networks (bars: min–max)")  # fmt: skip
    plotting.save_figure(fig, stem)


def plot_training(stem: Path, spirals: dict, config: dict, schemes: dict) -> None:
    """Training loss per initialisation (median of the seeds that did not diverge, band min–max)."""
    fig, axes = plotting.new_figure(2, width=4.6, height=3.6, sharey=True)
    for ax, activation in zip(axes, spirals):
        notes, at_chance = [], []
        for name, scheme in schemes.items():
            entry = spirals[activation][name]
            median = np.asarray(entry["loss_curve_median"])
            if median.size and np.all(np.abs(median[-10:] - np.log(2)) < 0.01):
                at_chance.append(scheme.short)
            if entry["diverged"]:
                notes.append(f"{scheme.short}: {entry['diverged']} of {config['seeds']} runs diverged")
            epochs = np.arange(1, median.size + 1)
            ax.fill_between(epochs, entry["loss_curve_min"], entry["loss_curve_max"], color=scheme.color,
                            alpha=0.15, lw=0)  # fmt: skip
            ax.plot(epochs, median, color=scheme.color, lw=1.5, ls=":" if name == "zeros" else "-",
                    zorder=2 if name in ("zeros", "small") else 3, label=scheme.label)  # fmt: skip
        if len(at_chance) > 1:
            notes.append(f"{' and '.join(at_chance)}: stuck at ln 2 (lines coincide)")
        ax.text(0.98, 0.97, "\n".join(notes), transform=ax.transAxes, ha="right", va="top", fontsize=8,
                color="0.25")  # fmt: skip
        ax.set_yscale("log")
        ax.set_xlabel("epoch")
        ax.set_title(activation)
    axes[0].set_ylabel("training loss (BCE)")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=3, fontsize=8.5)
    seeds = f"{config['seeds']} seed" + ("s" if config["seeds"] != 1 else "")
    fig.suptitle(f"spirals, {config['layer_sizes']}, SGD α = {config['learning_rate']:g}, "
                 f"batch {config['batch_size']}: median of {seeds} (band: min–max)")  # fmt: skip
    plotting.save_figure(fig, stem)


def plot_symmetry(stem: Path, symmetric: dict, trajectories: dict, config: dict) -> None:
    """Layer-1 weights over the epochs and W2 after training: constant versus random init."""
    fig, axes = plotting.new_figure(2, 2, width=4.4, height=3.3)
    titles = {"constant": f"all weights {config['constant']:g} at the start",
              "random": f"random start ({symmetric['random']['init']})"}  # fmt: skip
    for column, name in enumerate(("constant", "random")):
        ax = axes[0, column]
        W1 = trajectories[name]["W1"]  # (epochs + 1, units, 2)
        epochs = np.arange(W1.shape[0])
        for unit in range(W1.shape[1]):
            ax.plot(epochs, W1[:, unit, 0], lw=1.0)
        spread = symmetric[name]["max_incoming_spread"]
        ax.set_title(f"{titles[name]}\nmax spread across units {spread:.2g}")
        ax.set_xlabel("epoch")
        ax.set_ylabel("$W^{(1)}_{j1}$ (weight from $x_1$ to unit j)")

        ax = axes[1, column]
        W2 = trajectories[name]["W2"]  # (units, units)
        limit = max(np.abs(W2).max(), 1e-12)
        image = ax.imshow(W2, cmap="RdBu_r", vmin=-limit, vmax=limit)
        ax.set_xticks(range(0, W2.shape[1], 5))
        ax.set_yticks(range(0, W2.shape[0], 5))
        fig.colorbar(image, ax=ax, shrink=0.9, label="weight")
        ax.grid(False)
        same = f", every entry {W2[0, 0]:.2g}" if np.ptp(W2) <= 1e-12 else ""
        ax.set_title(f"$W^{{(2)}}$ after training{same}\naccuracy {symmetric[name]['accuracy']:.0%}")
        ax.set_xlabel("unit of hidden layer 1")
        ax.set_ylabel("unit of hidden layer 2")
    fig.suptitle(f"symmetry: {config['layer_sizes']}, {config['activation']}, Adam, "
                 f"{config['epochs']} epochs ({W1.shape[1]} lines per top panel)")  # fmt: skip
    plotting.save_figure(fig, stem)
