"""The figures of :mod:`mlplab.lab.vanishing`, each drawn in every language at its printed size.

Widths follow where the report places them: the full text width (6.5 in) unless
the section gives a narrower ``Figure.width`` (the depth sweep at 70 %, the
spread at 60 %). Exponents and indices are plain Unicode (``W⁽ˡ⁾``, ``0.25ᴰ⁻¹``),
which print at the text's size.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..nn.activations import get_activation
from . import plotting
from ._words import number, word

COLORS = {"sigmoid": "#2166ac", "tanh": "#1b7837", "relu": "#d6604d"}
NAMES = ("sigmoid", "tanh", "relu")
QUARTER = 0.25

#: this experiment's figure words: key -> {lang: text}
TEXT = {
    "layer_axis": {"en": "layer l (1 = next to the input)", "de": "Schicht l (1 = an der Eingabe)"},
    "pre_activation": {"en": "pre-activation z", "de": "Voraktivierung z"},
    "derivative": {"en": "derivative f′(z)", "de": "Ableitung f′(z)"},
    "derivatives_title": {
        "en": "activation derivatives: σ′ never exceeds 1/4",
        "de": "Ableitungen der Aktivierungen: σ′ ≤ 1/4",
    },
    "max_at": {"en": "max σ′ = {top} at z = {where}", "de": "max σ′ = {top} bei z = {where}"},
    "relu_label": {"en": "relu′(z) = 1 if z > 0, else 0", "de": "relu′(z) = 1 für z > 0, sonst 0"},
    "at_init": {"en": "at initialisation", "de": "bei der Initialisierung"},
    "after": {"en": "after {n} epochs of SGD", "de": "nach {n} Epochen SGD"},
    "first_last": {"en": "first/last", "de": "erste/letzte"},
    "quarter_line": {"en": "0.25ᴰ⁻ˡ · sigmoid's layer D", "de": "0,25ᴰ⁻ˡ · Sigmoid-Schicht D"},
    "grad_axis": {"en": "‖∂L/∂W⁽ˡ⁾‖ (geometric mean)", "de": "‖∂L/∂W⁽ˡ⁾‖ (geom. Mittel)"},
    "grad_title": {
        "en": "gradient norm per layer, {h} hidden layers (band: min–max of {n} seeds)",
        "de": "Gradientennorm je Schicht, {h} verdeckte Schichten (Band: Min.–Max. von {n} Startwerten)",
    },
    "hidden_layers": {"en": "hidden layers D − 1", "de": "verdeckte Schichten D − 1"},
    "ratio_axis": {"en": "‖∂L/∂W⁽¹⁾‖ / ‖∂L/∂W⁽ᴰ⁾‖", "de": "‖∂L/∂W⁽¹⁾‖ / ‖∂L/∂W⁽ᴰ⁾‖"},
    "depth_title": {
        "en": "first over last layer at initialisation",
        "de": "erste über letzte Schicht, Initialisierung",
    },
    "depth_bound": {"en": "0.25ᴰ⁻¹ (σ′ part only)", "de": "0,25ᴰ⁻¹ (nur der σ′-Anteil)"},
    "loss_title": {
        "en": "loss ({n} seeds, bold: median)",
        "de": "Verlust ({n} Startwerte, fett: Median)",
    },
    "ratio_title": {
        "en": "first/last layer, geom. mean",
        "de": "erste/letzte, geom. Mittel",
    },
    "training_title": {
        "en": "{h} hidden layers of width {w}, SGD α = {a}, batch {b}",
        "de": "{h} verdeckte Schichten der Breite {w}, SGD α = {a}, Mini-Batch {b}",
    },
    "saturated_title": {"en": "{name}: saturated", "de": "{name}: gesättigt"},
    "dead_title": {"en": "relu: dead units", "de": "ReLU: tote Neuronen"},
    "share_axis": {"en": "share (mean of seeds)", "de": "Anteil (Mittel der Startwerte)"},
    "hidden_layer": {"en": "hidden layer", "de": "verdeckte Schicht"},
    "epoch_n": {"en": "epoch {n}", "de": "Epoche {n}"},
    "saturation_title": {
        "en": "saturated: f′(z) < 2 % of max f′ (share of units × points); dead: inactive on all {n} points",
        "de": "gesättigt: f′(z) < 2 % von max f′ (Anteil an Neuronen × Punkten); "
        "tot: auf allen {n} Punkten inaktiv",
    },
    "spread_axis": {"en": "std. dev. over the points", "de": "Standardabw. über die Punkte"},
    "spread_title": {"en": "spread of the activations a⁽ˡ⁾", "de": "Streuung der Aktivierungen a⁽ˡ⁾"},
    "end": {"en": "end", "de": "Ende"},
    "sigma_part": {"en": "σ′ part", "de": "σ′-Anteil"},
    "start": {"en": "start", "de": "Start"},
}


def _t(key: str, lang: str, **values) -> str:
    return word(key, lang, TEXT).format(**values)


def sci(value: float, lang: str) -> str:
    """``1.2e-05``, with a decimal comma in German."""
    text = f"{value:.1e}"
    return text.replace(".", ",") if lang == "de" else text


def _decade(value: float, pos=None) -> str:
    """A log axis' tick label in plain Unicode, ``10⁻³`` (maths text would be slow and print at 70 %)."""
    exponent = round(np.log10(value)) if value > 0 else 0
    if value <= 0 or not np.isclose(value, 10.0**exponent):
        return ""
    return "1" if exponent == 0 else "10" + plotting.superscript(exponent)


def _log_axis(ax) -> None:
    """Log scale on ``ax``'s y-axis with Unicode decade labels.

    Minor ticks are labelled (``0.3``) only where the axis spans less than two decades.
    """
    from matplotlib.ticker import FuncFormatter

    def minor(value, pos=None) -> str:
        low, high = sorted(ax.yaxis.get_view_interval())
        if low <= 0 or high / low >= 100:
            return ""
        return f"{value:.2g}"

    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(_decade))
    ax.yaxis.set_minor_formatter(FuncFormatter(minor))


def draw_all(out: Path, stems: dict, z: np.ndarray, maxima: dict, results: dict, runs: dict,
             settings: dict) -> None:  # fmt: skip
    """Every figure of the experiment, in every language, into ``out``; ``stems``: figure -> file stem.

    The experiment passes its ``FIG_*`` names (they live with it, and this module imports no experiment).
    """
    draw = {
        "derivatives": lambda lang: derivatives(z, maxima, lang),
        "gradients": lambda lang: gradient_profiles(results, settings, lang),
        "depth": lambda lang: depth(results, lang),
        "training": lambda lang: training(results, runs, settings, lang),
        "saturation": lambda lang: saturation(results, lang),
        "spread": lambda lang: spread(results, lang),
    }
    for name, figure in draw.items():
        plotting.each_language(out / stems[name], figure)


def derivatives(z: np.ndarray, maxima: dict, lang: str):
    """σ′, tanh′ and relu′ over z, the maximum 1/4 of σ′ marked."""
    fig, ax = plotting.new_figure(1, width=6.4, height=3.0)
    shown = np.flatnonzero(np.abs(z) <= 6.0)[::50]  # every 50th point of the fine grid is smooth enough
    labels = {"sigmoid": "σ′(z) = σ(z)(1 − σ(z))", "tanh": "tanh′(z) = 1 − tanh²(z)",
              "relu": _t("relu_label", lang)}  # fmt: skip
    for name in NAMES:
        ax.plot(z[shown], get_activation(name).derivative(z[shown]), color=COLORS[name], lw=1.8,
                label=labels[name])  # fmt: skip
    top, where = maxima["sigmoid"]["max"], maxima["sigmoid"]["argmax_z"]
    ax.axhline(top, color=COLORS["sigmoid"], lw=0.8, ls=":")
    ax.plot([where], [top], "o", color=COLORS["sigmoid"], ms=6, zorder=4)
    label = _t("max_at", lang, top=number(top, 2, lang), where=number(abs(where), 0, lang))
    arrow = {"arrowstyle": "->", "color": "0.3"}
    ax.annotate(label, xy=(where, top), xytext=(1.2, 0.42), arrowprops=arrow)
    ax.set_xlim(-6, 6)
    ax.set_ylim(-0.05, 1.12)
    ax.set_xlabel(_t("pre_activation", lang))
    ax.set_ylabel(_t("derivative", lang))
    ax.set_title(_t("derivatives_title", lang))
    ax.legend(loc="upper left")
    return fig


def _layer_axis(ax, n_layers: int, lang: str) -> None:
    ax.set_xticks(range(1, n_layers + 1))
    ax.set_xlabel(_t("layer_axis", lang))


def gradient_profiles(results: dict, settings: dict, lang: str):
    """Per-layer gradient norms (log scale) at initialisation and after training, with 0.25^(D−l)."""
    fig, axes = plotting.new_figure(2, width=3.25, height=3.3, sharey=True)
    gradients = results["gradient_norms"]
    n_layers = len(gradients["sigmoid"]["init"])
    layers = np.arange(1, n_layers + 1)
    panels = {"init": _t("at_init", lang), "trained": _t("after", lang, n=settings["epochs"])}
    for ax, (when, title) in zip(axes, panels.items()):
        for name in NAMES:
            per_seed = np.asarray(gradients[name][f"{when}_per_seed"])  # (seeds, layers)
            ax.fill_between(layers, per_seed.min(axis=0), per_seed.max(axis=0), color=COLORS[name],
                            alpha=0.15, lw=0)  # fmt: skip
            ratio = results["first_over_last_ratio"][name][when]
            ax.plot(layers, gradients[name][when], "o-", color=COLORS[name], ms=3.5, lw=1.4,
                    label=f"{name} ({_t('first_last', lang)} {sci(ratio, lang)})")  # fmt: skip
        anchor = gradients["sigmoid"][when][-1]
        ax.plot(
            layers, anchor * QUARTER ** (n_layers - layers), "k--", lw=1.0, label=_t("quarter_line", lang)
        )
        _log_axis(ax)
        _layer_axis(ax, n_layers, lang)
        ax.set_title(title)
        ax.legend(loc="lower right", fontsize=8)
    axes[0].set_ylabel(_t("grad_axis", lang))
    fig.suptitle(_t("grad_title", lang, h=n_layers - 1, n=settings["seeds"]), fontsize=10)
    return fig


def depth(results: dict, lang: str):
    """First/last gradient ratio at initialisation against the number of hidden layers."""
    sweep = results["depth_sweep"]
    fig, ax = plotting.new_figure(1, width=4.5, height=3.2)
    depths = sweep["hidden_layers"]
    for name in NAMES:
        ax.plot(depths, sweep[name], "o-", color=COLORS[name], ms=4, lw=1.6, label=name)
    ax.plot(depths, sweep["bound"], "k--", lw=1.1, label=_t("depth_bound", lang))
    _log_axis(ax)
    ax.set_xticks(depths)
    ax.set_xlabel(_t("hidden_layers", lang))
    ax.set_ylabel(_t("ratio_axis", lang))
    ax.set_title(_t("depth_title", lang))
    ax.legend(loc="lower left")
    return fig


def training(results: dict, runs: dict, settings: dict, lang: str):
    """Training loss (every seed, and the median) and the first/last gradient ratio over the epochs."""
    fig, (ax_loss, ax_ratio) = plotting.new_figure(2, width=3.25, height=3.0)
    summary = results["training"]
    for name in NAMES:
        for run in runs[name]:
            ax_loss.plot(
                np.arange(1, len(run["loss"]) + 1), run["loss"], color=COLORS[name], lw=0.6, alpha=0.35
            )
    plotting.loss_curves(ax_loss, {name: summary[name]["loss_curve_median"] for name in NAMES},
                         styles={name: {"color": COLORS[name]} for name in NAMES}, lang=lang,
                         title=_t("loss_title", lang, n=settings["seeds"]))  # fmt: skip
    _log_axis(ax_loss)
    ax_loss.set_ylabel(word("bce", lang))
    for name in NAMES:
        ax_ratio.plot(summary[name]["checkpoints"], summary[name]["ratio_curve"], color=COLORS[name], lw=1.4,
                      label=name)  # fmt: skip
    hidden = settings["hidden_layers"]
    quarter = (
        ("0,25" if lang == "de" else "0.25") + plotting.superscript(hidden) + f" ({_t('sigma_part', lang)})"
    )
    ax_ratio.axhline(results["bound_first_over_last"], color="k", ls="--", lw=1.1, label=quarter)
    _log_axis(ax_ratio)
    ax_ratio.set_xlabel(word("epoch", lang))
    ax_ratio.set_ylabel(_t("ratio_axis", lang))
    ax_ratio.set_title(_t("ratio_title", lang))
    ax_ratio.legend(loc="center right")
    rate = number(settings["learning_rate"], 3, lang).rstrip("0").rstrip(",.")
    fig.suptitle(_t("training_title", lang, h=hidden, w=settings["layer_sizes"][1], a=rate,
                    b=settings["batch_size"]), fontsize=10)  # fmt: skip
    return fig


def _mean_over_seeds(per_seed) -> np.ndarray:
    return np.mean(np.asarray(per_seed, dtype=float), axis=0)  # (epochs, hidden layers)


def saturation(results: dict, lang: str):
    """Per hidden layer: saturated shares (sigmoid, tanh) and dead units (relu) at the profiled epochs."""
    from matplotlib.ticker import PercentFormatter

    profiles = results["profiles"]
    fig, axes = plotting.new_figure(3, width=2.17, height=2.7, sharey=True)
    epochs = profiles["epochs"]
    shades = np.linspace(0.3, 1.0, len(epochs))
    panels = (("sigmoid", "saturated"), ("tanh", "saturated"), ("relu", "dead"))
    for ax, (name, key) in zip(axes, panels):
        shares = _mean_over_seeds(profiles[name][key])
        layers = np.arange(1, shares.shape[1] + 1)
        for shade, epoch, row in zip(shades, epochs, shares):
            ax.plot(layers, row, "o-", ms=3, lw=1.2, color=COLORS[name], alpha=float(shade),
                    label=_t("epoch_n", lang, n=epoch))  # fmt: skip
        ax.set_title(_t("dead_title", lang) if key == "dead" else _t("saturated_title", lang, name=name))
        ax.set_xticks(layers)
        ax.set_xlabel(_t("hidden_layer", lang))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.legend(loc="upper left", fontsize=7.5, handlelength=1.2) if name == "sigmoid" else None
    axes[0].set_ylim(-0.02, max(0.1, 1.15 * max(np.max(_mean_over_seeds(profiles[n][k])) for n, k in panels)))
    axes[0].set_ylabel(_t("share_axis", lang))
    fig.suptitle(_t("saturation_title", lang, n=200), fontsize=8.5)
    return fig


def spread(results: dict, lang: str):
    """Spread of each hidden layer's activations over the points, at the start and the end (mean of seeds)."""
    profiles = results["profiles"]
    fig, ax = plotting.new_figure(1, width=3.9, height=2.9)
    for name in NAMES:
        values = _mean_over_seeds(profiles[name]["spread"])
        layers = np.arange(1, values.shape[1] + 1)
        ax.plot(layers, values[0], "--", color=COLORS[name], lw=1.1, label=f"{name}, {_t('start', lang)}")
        ax.plot(
            layers, values[-1], "o-", color=COLORS[name], ms=3, lw=1.4, label=f"{name}, {_t('end', lang)}"
        )
    _log_axis(ax)
    ax.set_xticks(layers)
    ax.set_xlabel(_t("hidden_layer", lang))
    ax.set_ylabel(_t("spread_axis", lang))
    ax.set_title(_t("spread_title", lang))
    ax.legend(loc="lower left", fontsize=7.5, ncol=2)
    return fig
