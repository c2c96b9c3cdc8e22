"""Section 3.1 (b): initialisation: the variance argument derived, measured per layer, in training, symmetry.

Every comparing sentence is a :class:`~mlplab.report.blocks.Claim` whose
``choose_*`` function reads the numbers it rests on from ``metrics.json``.
"""

from __future__ import annotations

import math

import numpy as np

from ...lab import initialization as init_lab
from ..blocks import Cell, Claim, Equation, Figure, Heading, Para, Table, TableData
from ..text import fmt_g, fmt_num, fmt_pct, fmt_sci
from .base import DEEPER, THEORY, Section, header

__all__ = [
    "SECTION",
    "choose_linear_start",
    "choose_measured",
    "choose_sigmoid",
    "choose_symmetry",
    "choose_tanh_scale",
    "choose_training",
]

#: (activation, scheme) pairs whose measured and predicted variances the prose quotes
_QUOTED = (("relu", "he"), ("tanh", "xavier"), ("relu", "xavier"), ("relu", "small"), ("relu", "large"))
#: measured within this factor of predicted counts as "as predicted"
AGREE_FACTOR = 2.0
#: a difference in mean accuracy of at least this much counts as one scheme winning
ACCURACY_MARGIN = 0.05
#: a mean accuracy of at least this much counts as "trains" (the spirals are separable)
TRAINS = 0.9
#: a hidden layer with ‖f(z) − z‖/‖z‖ below this starts practically linear
LINEAR_GAP = 0.1
#: a loss within this of ln 2 is the plateau of a network that predicts ½ everywhere
PLATEAU = 0.01


# ------------------------------------------------------------------ claims
def choose_measured(metrics: dict) -> str:
    """Whether every quoted measurement lies within :data:`AGREE_FACTOR` of its prediction."""
    variance = metrics["results"]["variance"]
    ratios = [variance[a][s]["max_abs_log10_ratio"] for a, s in _QUOTED]
    if all(r is not None and r < math.log10(AGREE_FACTOR) for r in ratios):
        return "init_measured_agrees"
    return "init_measured_deviates"


def choose_sigmoid(metrics: dict) -> str:
    """How the back-propagated variance of sigmoid units changes per layer with Xavier and 16 × Xavier."""
    study = metrics["results"]["sigmoid"]
    plain, larger = study["xavier"]["backward_per_layer"], study["xavier16"]["backward_per_layer"]
    if larger <= plain:
        return "init_sigmoid_xavier_better"
    if 1 / AGREE_FACTOR <= larger <= AGREE_FACTOR:
        return "init_sigmoid_larger_keeps"
    return "init_sigmoid_larger_better"


def choose_training(metrics: dict) -> str:
    """Whether zero and tiny weights stay on the plateau at ln 2 for both activations."""
    runs = metrics["results"]["training"]
    stuck = all(
        loss is not None and abs(loss - math.log(2)) < PLATEAU
        for activation in init_lab.ACTIVATIONS
        for scheme in ("zeros", "small")
        for loss in runs[activation][scheme]["final_loss"]
    )
    return "init_training_plateau" if stuck else "init_training_moves"


def _accuracy(metrics: dict, activation: str, scheme: str) -> float:
    value = metrics["results"]["training"][activation][scheme]["accuracy_mean"]
    return -1.0 if value is None else value  # every run diverged: worse than any accuracy


def choose_tanh_scale(metrics: dict) -> str:
    """Which of Xavier and He trains the tanh network better on the spirals (mean accuracy)."""
    xavier, he = _accuracy(metrics, "tanh", "xavier"), _accuracy(metrics, "tanh", "he")
    if he >= xavier + ACCURACY_MARGIN:
        return "init_tanh_he_wins"
    if xavier >= he + ACCURACY_MARGIN:
        return "init_tanh_xavier_wins"
    return "init_tanh_tie"


def choose_linear_start(metrics: dict) -> str:
    """Does the starting point explain the tanh result: linear with Xavier, ReLU non-linear and training?

    ``init_linear_cause`` needs all of: every hidden tanh layer starts with
    ‖f(z) − z‖/‖z‖ < :data:`LINEAR_GAP` under Xavier and above it under He;
    tanh with He beats tanh with Xavier and trains (mean accuracy at least
    :data:`TRAINS`); and ReLU with Xavier, non-linear at any scale, trains too.
    """
    runs = metrics["results"]["training"]
    tanh_xavier = max(runs["tanh"]["xavier"]["initial_nonlinearity"])
    tanh_he = min(runs["tanh"]["he"]["initial_nonlinearity"])
    relu_xavier = min(runs["relu"]["xavier"]["initial_nonlinearity"])
    he_acc, xavier_acc = _accuracy(metrics, "tanh", "he"), _accuracy(metrics, "tanh", "xavier")
    relu_acc = _accuracy(metrics, "relu", "xavier")
    if (
        tanh_xavier < LINEAR_GAP < min(tanh_he, relu_xavier)
        and he_acc >= max(xavier_acc + ACCURACY_MARGIN, TRAINS)
        and relu_acc >= TRAINS
    ):
        return "init_linear_cause"
    return "init_linear_open"


def choose_symmetry(metrics: dict) -> str:
    """Whether the constant start kept one distinct unit per layer while the random one broke symmetry."""
    symmetry = metrics["results"]["symmetry"]
    kept = all(layer["distinct_units"] == 1 for layer in symmetry["constant"]["layers"])
    broken = all(layer["distinct_units"] > 1 for layer in symmetry["random"]["layers"])
    if kept and broken:
        return "init_symmetry_kept"
    return "init_symmetry_unclear"


# ------------------------------------------------------------------ facts
def _units(count: int, lang: str) -> str:
    """``1 distinct unit`` / ``16 distinct units``, with the plural by rule."""
    if lang == "de":
        return f"{count} verschiedenes Neuron" if count == 1 else f"{count} verschiedene Neuronen"
    return f"{count} distinct unit" if count == 1 else f"{count} distinct units"


def _range(values, digits: int, lang: str) -> str:
    """``0.03–0.05``: the smallest and the largest of ``values``."""
    low, high = float(np.min(values)), float(np.max(values))
    return f"{fmt_num(low, digits, lang)}–{fmt_num(high, digits, lang)}"


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The numbers of the variance, sigmoid, training and symmetry studies, formatted for ``lang``."""
    results = metrics["results"]
    variance, symmetry = results["variance"], results["symmetry"]
    f = {
        "init_depth": str(len(variance["relu"]["he"]["measured"])),
        "init_width": str(metrics["settings"]["variance"]["layer_sizes"][1]),
    }
    for activation, scheme in _QUOTED:
        entry = variance[activation][scheme]
        f[f"init_{activation}_{scheme}_first"] = fmt_sci(entry["measured"][0], lang)
        f[f"init_{activation}_{scheme}_last"] = fmt_sci(entry["measured"][-1], lang)
        f[f"init_{activation}_{scheme}_pred_last"] = fmt_sci(entry["predicted"][-1], lang)
    f["init_agree_factor"] = fmt_num(AGREE_FACTOR, 0, lang)

    sigmoid = results["sigmoid"]
    for name in init_lab.SIGMOID_SCHEMES:
        entry = sigmoid[name]
        f[f"init_sig_{name}_per_layer"] = fmt_num(entry["backward_per_layer"], 3, lang)
        f[f"init_sig_{name}_linear"] = fmt_g(entry["backward_per_layer_linear"], lang)
        f[f"init_sig_{name}_first"] = fmt_sci(entry["backward_measured"][0], lang)
        f[f"init_sig_{name}_z2"] = fmt_num(float(np.mean(entry["forward_measured"][1:])), 2, lang)
        f[f"init_sig_{name}_z2_pred"] = fmt_num(entry["forward_predicted"][-1], 2, lang)
    larger = sigmoid["xavier16"]
    gain = larger["backward_per_layer_linear"] / init_lab.SIGMOID_SLOPE_SQUARED  # fan_out · Var(w)
    f["init_sig_rms_slope"] = fmt_num(math.sqrt(larger["backward_per_layer"] / gain), 3, lang)
    f["init_sig_mean_output"] = _range(
        np.concatenate([sigmoid[name]["mean_output"] for name in init_lab.SIGMOID_SCHEMES]), 2, lang
    )

    runs = results["training"]
    for activation in init_lab.ACTIVATIONS:
        for scheme in ("xavier", "he"):
            entry = runs[activation][scheme]
            key = f"init_{activation}_{scheme}"
            f[f"{key}_acc"] = fmt_pct(entry["accuracy_mean"], lang, 1)
            f[f"{key}_loss"] = fmt_num(entry["final_loss_mean"], 3, lang)
            f[f"{key}_gap"] = _range(entry["initial_nonlinearity"], 2, lang)
            f[f"{key}_z2"] = _range(entry["initial_z2"][:-1], 3, lang)
            f[f"{key}_grad"] = _range(entry["initial_grad_norm"], 3, lang)
    large = [
        loss
        for activation in init_lab.ACTIVATIONS
        for loss in runs[activation]["large"]["initial_loss"]
        if loss is not None
    ]
    f["init_large_initial"] = _range(large, 2, lang) if large else "–"
    diverged = sum(runs[activation]["large"]["diverged"] for activation in init_lab.ACTIVATIONS)
    f["init_large_diverged"] = str(diverged)
    f["init_runs"] = str(len(runs["relu"]["large"]["diverged_at_epoch"]) * len(init_lab.ACTIVATIONS))

    constant, drawn = symmetry["constant"], symmetry["random"]
    spread = constant["max_incoming_spread"]
    f["init_sym_spread"] = "0" if spread == 0 else fmt_sci(spread, lang)
    f["init_sym_units"] = _units(constant["layers"][0]["distinct_units"], lang)
    f["init_sym_acc"] = fmt_pct(constant["accuracy"], lang, 1)
    f["init_rand_spread"] = fmt_num(drawn["max_incoming_spread"], 1, lang)
    f["init_rand_units"] = _units(drawn["layers"][0]["distinct_units"], lang)
    f["init_rand_acc"] = fmt_pct(drawn["accuracy"], lang, 1)
    return f


def training(metrics: dict, text, lang: str) -> TableData:
    """Final loss and accuracy per scheme (rows) and activation (column pairs), means over seeds."""
    runs = metrics["results"]["training"]
    rows = []
    for scheme in init_lab.SCHEMES:
        row = [Cell(text[f"init_scheme_{scheme}"])]
        for activation in init_lab.ACTIVATIONS:
            entry = runs[activation][scheme]
            loss = entry["final_loss_mean"]
            row.append(Cell(fmt_num(loss, 3, lang) if loss is not None else "–"))
            row.append(Cell(fmt_pct(entry["accuracy_mean"], lang, 1)))
        rows.append(row)
    columns = [f"col_{a}_{value}" for a in init_lab.ACTIVATIONS for value in ("loss", "acc")]
    return TableData(header(text, "col_init", *columns), rows, ["left"] + ["right"] * len(columns))


MEASURED = Claim(("init_measured_agrees", "init_measured_deviates"), choose_measured)
SIGMOID = Claim(
    ("init_sigmoid_larger_better", "init_sigmoid_larger_keeps", "init_sigmoid_xavier_better"), choose_sigmoid
)
TRAINING = Claim(("init_training_plateau", "init_training_moves"), choose_training)
TANH_SCALE = Claim(("init_tanh_he_wins", "init_tanh_xavier_wins", "init_tanh_tie"), choose_tanh_scale)
LINEAR_START = Claim(("init_linear_cause", "init_linear_open"), choose_linear_start)
SYMMETRY = Claim(("init_symmetry_kept", "init_symmetry_unclear"), choose_symmetry)

SECTION = Section(
    "init",
    (
        Heading(3, "h_init"),
        Para("init_theory"),
        Equation("variance"),
        Para("init_forward"),
        Equation("init_linear"),
        Para("init_backward"),
        Equation("init_backward"),
        Para("init_xavier"),
        Equation("xavier"),
        Para("init_uniform"),
        Equation("uniform_bound"),
        Para("init_he"),
        Equation("he_mean"),
        Equation("he"),
        Para("init_sigmoid_theory"),
        Equation("sigmoid_init"),
        Para("init_sigmoid_mean"),
        Equation("sigmoid_mean"),
        Para("init_sigmoid_convention"),
        MEASURED,
        Figure(init_lab.NAME, init_lab.FIG_VARIANCE, "cap_init_variance"),
        SIGMOID,
        Figure(init_lab.NAME, init_lab.FIG_SIGMOID, "cap_init_sigmoid"),
        TRAINING,
        Table(training, "cap_init_training"),
        Figure(init_lab.NAME, init_lab.FIG_TRAINING, "cap_init_training_fig"),
        TANH_SCALE,
        LINEAR_START,
        SYMMETRY,
        Figure(init_lab.NAME, init_lab.FIG_SYMMETRY, "cap_init_symmetry"),
    ),
    facts,
    experiment=init_lab.NAME,
    parents=(DEEPER, THEORY),
)
