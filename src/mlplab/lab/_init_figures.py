"""The figures of ``mlplab init`` in every language: variance per layer, sigmoid, training, symmetry.

Each is drawn at print size (the report places them at the full text width)
with plain Unicode sub- and superscripts, so no text prints below 7 pt.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import plotting
from ._words import number, percent, word

#: the words of these figures: key -> {lang: text}
INIT_WORDS: dict[str, dict[str, str]] = {
    "scheme_xavier": {"en": "Xavier", "de": "Xavier"},  # the formulas are in the text; no "_" in a label
    "scheme_he": {"en": "He", "de": "He"},
    "scheme_zeros": {"en": "zeros", "de": "Nullen"},
    "scheme_small": {"en": "too small N(0, {small}²)", "de": "zu klein N(0, {small}²)"},
    "scheme_large": {"en": "too large N(0, 1)", "de": "zu groß N(0, 1)"},
    "zeros_note": {"en": "zeros: Var(z) = 0 in every layer", "de": "Nullen: Var(z) = 0 in jeder Schicht"},
    "var_z": {"en": "Var(z) of the pre-activations", "de": "Var(z) der Voraktivierungen"},
    "predicted": {"en": "predicted by the recursion", "de": "von der Rekursion vorhergesagt"},
    "variance_panel": {"en": "{act}, {depth} layers of {width}", "de": "{act}, {depth} Schichten zu {width}"},
    "layer_l": {"en": "layer l", "de": "Schicht l"},
    "sig_forward": {"en": "forward: E[z²]", "de": "vorwärts: E[z²]"},
    "sig_backward": {"en": "backward: E[δ²] (last layer: 1)", "de": "rückwärts: E[δ²] (letzte Schicht: 1)"},
    "sig_xavier": {"en": "sigmoid, Xavier", "de": "Sigmoid, Xavier"},
    "sig_xavier16": {"en": "sigmoid, 16 × Xavier", "de": "Sigmoid, 16 × Xavier"},
    "measured_pred": {
        "en": "markers: measured, dashed: predicted",
        "de": "Punkte: gemessen, gestrichelt: vorhergesagt",
    },
    "diverged": {
        "en": "{name}: {n} of {seeds} runs diverged",
        "de": "{name}: {n} von {seeds} Läufen divergiert",
    },
    "at_chance": {"en": "{names}: stuck at ln 2", "de": "{names}: bleiben bei ln 2"},
    "and": {"en": " and ", "de": " und "},
    "bce_axis": {"en": "training loss (BCE)", "de": "Trainingsverlust (BCE)"},
    "sym_constant": {"en": "all weights {c} at the start", "de": "alle Gewichte am Anfang {c}"},
    "sym_random": {"en": "random start ({init})", "de": "zufälliger Start ({init})"},
    "sym_spread": {"en": "largest spread {s}", "de": "größter Abstand {s}"},
    "sym_w1": {"en": "W⁽¹⁾ⱼ₁ (from x₁ to unit j)", "de": "W⁽¹⁾ⱼ₁ (von x₁ zu Neuron j)"},
    "sym_w2": {"en": "W⁽²⁾ after training", "de": "W⁽²⁾ nach dem Training"},
    "sym_every": {"en": "every entry {v}", "de": "jeder Eintrag {v}"},
    "sym_unit1": {"en": "unit of hidden layer 1", "de": "Neuron der verdeckten Schicht 1"},
    "sym_unit2": {"en": "unit of layer 2", "de": "Neuron der Schicht 2"},
    "weight": {"en": "weight", "de": "Gewicht"},
}


def _w(key: str, lang: str, **fields) -> str:
    return word(key, lang, INIT_WORDS).format(**fields)


def scheme_label(name: str, lang: str) -> str:
    """The legend entry of an initialisation scheme."""
    return _w(f"scheme_{name}", lang, small=number(0.01, 2, lang))


def _dashed_key():
    """The legend's key of the dashed lines: what theory predicts."""
    from matplotlib.lines import Line2D

    return Line2D([], [], color="0.3", ls="--", lw=1.1)


def plot_variance(stem: Path, variance: dict, settings: dict, schemes: dict) -> None:
    """Measured (markers) and predicted (dashed) Var(z_l) per layer, log scale."""
    sizes = settings["variance"]["layer_sizes"]

    def draw(lang: str):
        fig, axes = plotting.new_figure(2, width=3.25, height=3.1)
        for ax, activation in zip(axes, variance):
            for name, scheme in schemes.items():
                entry = variance[activation][name]
                measured = np.asarray(entry["measured"])
                layers = np.arange(1, measured.size + 1)
                if not np.any(measured > 0):
                    continue  # zeros: off the log scale, said in the note below
                spread = [measured - entry["measured_min"], np.asarray(entry["measured_max"]) - measured]
                ax.plot(layers, entry["predicted"], "--", color=scheme.color, lw=1.1)
                ax.errorbar(layers, measured, yerr=spread, fmt="o", color=scheme.color, ms=4, capsize=2,
                            elinewidth=1.0, label=scheme_label(name, lang))  # fmt: skip
            ax.text(0.02, 0.02, _w("zeros_note", lang), transform=ax.transAxes, fontsize=8, color="0.3")
            ax.set_yscale("log")
            ax.set_xticks(layers[::3])
            ax.set_xlabel(_w("layer_l", lang))
            ax.set_title(_w("variance_panel", lang, act=activation, depth=len(sizes) - 1, width=sizes[0]),
                         fontsize=9.5)  # fmt: skip
        axes[0].set_ylabel(_w("var_z", lang))
        handles, labels = axes[0].get_legend_handles_labels()
        handles.append(_dashed_key())
        labels.append(_w("predicted", lang))
        fig.legend(handles, labels, loc="outside lower center", ncols=2, fontsize=8)
        return fig

    plotting.each_language(stem, draw)


def plot_sigmoid(stem: Path, sigmoid: dict, settings: dict) -> None:
    """Sigmoid units, Xavier and 16 × Xavier: E[z²] forwards and E[δ²] backwards per layer."""
    colors = {"xavier": "#1b7837", "xavier16": "#762a83"}

    def draw(lang: str):
        fig, axes = plotting.new_figure(2, width=3.25, height=2.9)
        for name, entry in sigmoid.items():
            for ax, key in zip(axes, ("forward", "backward")):
                measured = np.asarray(entry[f"{key}_measured"])
                layers = np.arange(1, measured.size + 1)
                ax.plot(layers, entry[f"{key}_predicted"], "--", color=colors[name], lw=1.1)
                ax.plot(layers, measured, "o", color=colors[name], ms=4, label=_w(f"sig_{name}", lang))
        for ax, key in zip(axes, ("forward", "backward")):
            ax.set_yscale("log")
            ax.set_xlabel(_w("layer_l", lang))
            ax.set_title(_w(f"sig_{key}", lang), fontsize=9.5)
            ax.set_xticks(layers[::3])
        handles, labels = axes[0].get_legend_handles_labels()
        handles.append(_dashed_key())
        labels.append(_w("measured_pred", lang))
        fig.legend(handles, labels, loc="outside lower center", ncols=3, fontsize=8)
        return fig

    plotting.each_language(stem, draw)


def plot_training(stem: Path, spirals: dict, config: dict, schemes: dict) -> None:
    """Training loss per initialisation (median of the seeds that did not diverge, band min–max)."""

    def draw(lang: str):
        fig, axes = plotting.new_figure(2, width=3.25, height=3.0, sharey=True)
        for ax, activation in zip(axes, spirals):
            notes, at_chance = [], []
            for name, scheme in schemes.items():
                entry = spirals[activation][name]
                median = np.asarray(entry["loss_curve_median"])
                if median.size and np.all(np.abs(median[-10:] - np.log(2)) < 0.01):
                    at_chance.append(scheme_label(name, lang).split(" N(")[0])
                if entry["diverged"]:
                    notes.append(_w("diverged", lang, name=scheme_label(name, lang).split(" N(")[0],
                                    n=entry["diverged"], seeds=config["seeds"]))  # fmt: skip
                epochs = np.arange(1, median.size + 1)
                ax.fill_between(epochs, entry["loss_curve_min"], entry["loss_curve_max"], color=scheme.color,
                                alpha=0.15, lw=0)  # fmt: skip
                ax.plot(epochs, median, color=scheme.color, lw=1.5, ls=":" if name == "zeros" else "-",
                        zorder=2 if name in ("zeros", "small") else 3,
                        label=scheme_label(name, lang))  # fmt: skip
            if len(at_chance) > 1:
                notes.append(_w("at_chance", lang, names=_w("and", lang).join(at_chance)))
            ax.text(0.98, 0.97, "\n".join(notes), transform=ax.transAxes, ha="right", va="top", fontsize=8,
                    color="0.25")  # fmt: skip
            ax.set_yscale("log")
            ax.set_xlabel(word("epoch", lang))
            ax.set_title(activation)
        axes[0].set_ylabel(_w("bce_axis", lang))
        handles, labels = axes[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside lower center", ncols=2, fontsize=8)
        return fig

    plotting.each_language(stem, draw)


def plot_symmetry(stem: Path, symmetric: dict, trajectories: dict, config: dict) -> None:
    """Layer-1 weights over the epochs and W2 after training: constant versus random init."""

    def draw(lang: str):
        fig, axes = plotting.new_figure(2, 2, width=3.25, height=2.75)
        random_init = symmetric["random"]["init"].replace("_", " ")  # he_normal: no "_" in a label
        titles = {"constant": _w("sym_constant", lang, c=number(config["constant"], 1, lang)),
                  "random": _w("sym_random", lang, init=random_init)}  # fmt: skip
        for column, name in enumerate(("constant", "random")):
            ax = axes[0, column]
            W1 = trajectories[name]["W1"]  # (epochs + 1, units, 2)
            epochs = np.arange(W1.shape[0])
            for unit in range(W1.shape[1]):
                ax.plot(epochs, W1[:, unit, 0], lw=1.0)
            spread = symmetric[name]["max_incoming_spread"]
            spread_text = (
                "0" if spread == 0 else number(spread, 2, lang) if spread >= 0.005 else f"{spread:.0e}"
            )
            ax.set_title(f"{titles[name]}\n{_w('sym_spread', lang, s=spread_text)}", fontsize=9)
            ax.set_xlabel(word("epoch", lang))
            ax.set_ylabel(_w("sym_w1", lang), fontsize=8.5)

            ax = axes[1, column]
            W2 = trajectories[name]["W2"]  # (units, units)
            limit = max(np.abs(W2).max(), 1e-12)
            image = ax.imshow(W2, cmap="RdBu_r", vmin=-limit, vmax=limit)
            ax.set_xticks(range(0, W2.shape[1], 5))
            ax.set_yticks(range(0, W2.shape[0], 5))
            fig.colorbar(image, ax=ax, shrink=0.9, label=_w("weight", lang))
            ax.grid(False)
            same = f", {_w('sym_every', lang, v=number(W2[0, 0], 2, lang))}" if np.ptp(W2) <= 1e-12 else ""
            accuracy = percent(symmetric[name]["accuracy"], lang, 1)
            ax.set_title(f"{_w('sym_w2', lang)}{same}\n{word('accuracy', lang)} {accuracy}", fontsize=9)
            ax.set_xlabel(_w("sym_unit1", lang), fontsize=8.5)
            ax.set_ylabel(_w("sym_unit2", lang), fontsize=8.5)
        return fig

    plotting.each_language(stem, draw)
