"""Section 3.1 (a): vanishing gradients in deep sigmoid networks, and how ReLU helps.

Every qualitative sentence is a :class:`~mlplab.report.blocks.Claim` chosen by
one of the ``_claim_*`` functions below from the experiment's ``metrics.json``;
the measurements it rests on are computed once, in the ``_*`` helpers, and
formatted by :func:`facts`.
"""

from __future__ import annotations

import math

import numpy as np

from ...lab import vanishing as vanishing_lab
from ..blocks import Claim, Code, Equation, Figure, Heading, Para
from ..text import fmt_layers, fmt_num, fmt_pct, fmt_sci
from .base import DEEPER, THEORY, Section

__all__ = ["SECTION"]

_Z_POINTS = 2 * round(vanishing_lab.Z_LIMIT / vanishing_lab.Z_STEP) + 1  # the lab's grid, z = 0 on it

#: a first/last ratio within [1/NEAR_ONE, NEAR_ONE] does not vanish
NEAR_ONE = 10.0
#: sigmoid's ratio counts as far the smallest when below the others' by this factor
SMALLEST_BY = 100.0
#: a median final loss within this of ln 2 is the plateau of a constant prediction
PLATEAU = 0.01
#: the last hidden layer's spread below this share of the first's: the forward signal has vanished
COLLAPSED = 0.01
#: W⁽¹⁾ moved less than this share of W⁽ᴰ⁾'s relative change: the first layer stood still
STILL = 0.01
#: a median share of saturated tanh activations (most saturated layer) at the end of at least this
SATURATED = 0.05
#: a median final loss this many times the run's lowest: the loss did not settle
UNSETTLED = 1.1

_VAN = f'metrics("{vanishing_lab.NAME}")["results"]'

VANISHING_CODE = f"""\
from mlplab.nn.activations import get_activation

z = np.linspace({-vanishing_lab.Z_LIMIT:g}, {vanishing_lab.Z_LIMIT:g}, {_Z_POINTS})
d = get_activation("sigmoid").derivative(z)
print(f"max σ'(z) = {{d.max()}} at z = {{z[d.argmax()]:.4f}}")
profiles = {_VAN}["profiles"]
for a in ("sigmoid", "tanh", "relu"):
    ratio, bound = np.array(profiles[a]["delta_ratio"]), np.array(profiles[a]["bound"])
    print(f"{{a}}: {{(ratio <= bound).sum()}} of {{ratio.size}} ratios ‖δ1‖/‖δD‖ below their bound, "
          f"the closest at {{(ratio / bound).max():.1%}} of it")
"""


# ------------------------------------------------------------------ measurements
def _arr(values) -> np.ndarray:
    return np.asarray(values, dtype=float)


def _bound_check(results: dict) -> tuple[int, int, float]:
    """Measurements of ‖δ⁽¹⁾‖/‖δ⁽ᴰ⁾‖ (all activations, seeds, profiled epochs), how many lie at or
    below their bound, and the largest ratio/bound."""
    ratios, bounds = [], []
    for activation in vanishing_lab.ACTIVATIONS:
        entry = results["profiles"][activation]
        ratios.append(_arr(entry["delta_ratio"]).ravel())
        bounds.append(_arr(entry["bound"]).ravel())
    ratio, bound = np.concatenate(ratios), np.concatenate(bounds)
    return ratio.size, int(np.sum(ratio <= bound * (1 + 1e-12))), float(np.max(ratio / bound))


def _quarter(settings: dict) -> float:
    """(1/4)^(D−1), the σ′ part of the sigmoid's bound (D − 1 hidden layers)."""
    return vanishing_lab.SIGMOID_BOUND ** settings["hidden_layers"]


def _quarter_check(metrics: dict) -> tuple[int, int]:
    """The sigmoid's measurements of ‖δ⁽¹⁾‖/‖δ⁽ᴰ⁾‖ and how many lie below (1/4)^(D−1)."""
    ratio = _arr(metrics["results"]["profiles"]["sigmoid"]["delta_ratio"]).ravel()
    return ratio.size, int(np.sum(ratio < _quarter(metrics["settings"])))


def _solved(results: dict, activation: str) -> tuple[int, int]:
    accuracies = results["training"][activation]["final_accuracy"]
    return sum(a == 1.0 for a in accuracies), len(accuracies)


def _at_end(results: dict, activation: str, key: str) -> np.ndarray:
    """``key`` (saturated, dead, spread) at the last profiled epoch, shape (seeds, hidden layers)."""
    return _arr(results["profiles"][activation][key])[:, -1]


def _at_start(results: dict, activation: str, key: str) -> np.ndarray:
    return _arr(results["profiles"][activation][key])[:, 0]


def _moved(results: dict, activation: str) -> np.ndarray:
    """Relative weight change ‖W_end − W_0‖/‖W_0‖ per seed and layer, shape (seeds, D)."""
    return _arr(results["training"][activation]["weight_change"])


def _unsettled(results: dict, activation: str) -> float:
    """Median over seeds of final loss / lowest loss during training."""
    entry = results["training"][activation]
    return float(np.median(_arr(entry["final_loss"]) / _arr(entry["lowest_loss"])))


def _relu_dead(results: dict) -> tuple[list[float], list[float]]:
    """Dead share of each ReLU run's deadest layer at the end: (failed runs, solved runs)."""
    deadest = _at_end(results, "relu", "dead").max(axis=1)
    solved = [a == 1.0 for a in results["training"]["relu"]["final_accuracy"]]
    return (
        [float(d) for d, s in zip(deadest, solved) if not s],
        [float(d) for d, s in zip(deadest, solved) if s],
    )


# ------------------------------------------------------------------ claims
def _claim_bound(metrics: dict) -> str:
    n, below, _ = _bound_check(metrics["results"])
    return "van_bound_all" if below == n else "van_bound_some"


def _claim_quarter(metrics: dict) -> str:
    n, below = _quarter_check(metrics)
    return "van_quarter_all" if below == n else "van_quarter_none" if below == 0 else "van_quarter_some"


def _claim_smallest(metrics: dict) -> str:
    ratios = metrics["results"]["first_over_last_ratio"]
    others = min(ratios["tanh"]["init"], ratios["relu"]["init"])
    return (
        "van_sigmoid_smallest"
        if ratios["sigmoid"]["init"] * SMALLEST_BY < others
        else "van_sigmoid_not_smallest"
    )


def _claim_outcome(metrics: dict) -> str:
    training = metrics["results"]["training"]
    best = min(vanishing_lab.ACTIVATIONS, key=lambda a: training[a]["final_loss_median"])
    return f"van_outcome_{best}"


def _claim_sigmoid_plateau(metrics: dict) -> str:
    final = metrics["results"]["training"]["sigmoid"]["final_loss_median"]
    return "van_sigmoid_plateau" if abs(final - math.log(2)) < PLATEAU else "van_sigmoid_learns"


def _claim_sigmoid_forward(metrics: dict) -> str:
    spread = _at_end(metrics["results"], "sigmoid", "spread").mean(axis=0)  # (hidden layers,)
    return "van_sigmoid_collapsed" if spread[-1] < COLLAPSED * spread[0] else "van_sigmoid_spread_kept"


def _claim_sigmoid_still(metrics: dict) -> str:
    moved = np.median(_moved(metrics["results"], "sigmoid"), axis=0)  # (D,)
    return "van_sigmoid_first_still" if moved[0] < STILL * moved[-1] else "van_sigmoid_first_moves"


def _claim_tanh_ratio(metrics: dict) -> str:
    results = metrics["results"]
    ratio = results["first_over_last_ratio"]["tanh"]
    near = all(1 / NEAR_ONE <= ratio[when] <= NEAR_ONE for when in ("init", "trained"))
    solved, n = _solved(results, "tanh")
    if not near:
        return "van_tanh_vanishes"
    return "van_tanh_solved" if solved == n else "van_tanh_puzzle"


def _claim_tanh_saturation(metrics: dict) -> str:
    results = metrics["results"]
    end = float(np.median(_at_end(results, "tanh", "saturated").max(axis=1)))
    start = float(np.median(_at_start(results, "tanh", "saturated").max(axis=1)))
    return "van_tanh_saturates" if end >= SATURATED and end > start else "van_tanh_unsaturated"


def _claim_tanh_settles(metrics: dict) -> str:
    return "van_tanh_unsettled" if _unsettled(metrics["results"], "tanh") > UNSETTLED else "van_tanh_settled"


def _claim_relu_dead(metrics: dict) -> str:
    failed, solved = _relu_dead(metrics["results"])
    if not solved:
        return "van_relu_none_solved"
    if not failed:
        return "van_relu_all_solved"
    return "van_relu_dead_failed" if min(failed) > max(solved) else "van_relu_dead_not_failed"


# ------------------------------------------------------------------ facts
def _superscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _list(values, lang: str) -> str:
    """``0, 100, 250 and 1000`` (integers, so the commas are unambiguous)."""
    items = [str(v) for v in values]
    last = " und " if lang == "de" else " and "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + last + items[-1]


def _range(values, fmt, lang: str) -> str:
    low, high = min(values), max(values)
    return fmt(low, lang) if fmt(low, lang) == fmt(high, lang) else f"{fmt(low, lang)}–{fmt(high, lang)}"


_INIT_NAMES = {
    "xavier_uniform": {"en": "Xavier (uniform)", "de": "Xavier (gleichverteilt)"},
    "xavier_normal": {"en": "Xavier (normal)", "de": "Xavier (normalverteilt)"},
    "he_uniform": {"en": "He (uniform)", "de": "He (gleichverteilt)"},
    "he_normal": {"en": "He (normal)", "de": "He (normalverteilt)"},
}


def _init_name(name: str, lang: str) -> str:
    return _INIT_NAMES[name][lang] if name in _INIT_NAMES else name


def _pct(value: float, lang: str) -> str:
    """A share with the digits it needs: 23 %, 8.8 %, 0.04 %, 0 %."""
    return fmt_pct(value, lang, 0 if value >= 0.1 or value == 0 else 2 if value < 0.01 else 1)


def _num(value: float, lang: str, digits: int = 2) -> str:
    """A ratio or loss: fixed-point between 0.01 and 100, else scientific (4.2e-06)."""
    return fmt_num(value, digits, lang) if 0.01 <= abs(value) < 100 else fmt_sci(value, lang)


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The settings, the bound checks and per activation its ratios, training and profiles."""
    settings, results = metrics["settings"], metrics["results"]
    data = settings["data"]
    hidden, seeds = settings["hidden_layers"], settings["seeds"]
    f = {
        "van_max": fmt_num(results["max_sigmoid_derivative"], 6, lang),
        "van_argmax": fmt_num(results["argmax_sigmoid_derivative_z"], 4, lang),
        "van_samples": str(data["n_samples"]),
        # a Python call, so a decimal point in every language
        "van_call": f"{data['generator']}(n_samples={data['n_samples']}, noise={data['noise']!r})",
        "van_hidden": str(hidden),
        "van_depth": str(hidden + 1),
        "van_width": str(settings["layer_sizes"][1]),
        "van_layers": fmt_layers(settings["layer_sizes"]),
        "van_epochs": str(settings["epochs"]),
        "van_rate": fmt_num(settings["learning_rate"], 3, lang).rstrip("0").rstrip(",."),
        "van_batch": str(settings["batch_size"]),
        "van_seeds": str(seeds),
        "van_seeds_word": ("Startwert" if seeds == 1 else "Startwerten")
        if lang == "de"
        else ("seed" if seeds == 1 else "seeds"),
        "van_profile_epochs": _list(results["profiles"]["epochs"], lang),
        "van_sat_share": fmt_pct(settings["saturation"]["share_of_max_derivative"], lang, 0),
        "van_init_sigmoid": _init_name(settings["initialisation"]["sigmoid"], lang),
        "van_init_relu": _init_name(settings["initialisation"]["relu"], lang),
        "van_quarter_power": ("0,25" if lang == "de" else "0.25") + _superscript(hidden),
        "van_quarter": fmt_sci(_quarter(settings), lang),
    }
    n, below, closest = _bound_check(results)
    f |= {"van_bound_n": str(n), "van_bound_below": str(below), "van_bound_closest": _pct(closest, lang)}
    n, below = _quarter_check(metrics)
    sigmoid = results["profiles"]["sigmoid"]
    f |= {
        "van_quarter_n": str(n),
        "van_quarter_below": str(below),
        "van_quarter_above": str(n - below),
        "van_sigmoid_delta": _range(_arr(sigmoid["delta_ratio"]).ravel(), fmt_sci, lang),
        "van_sigmoid_wfactor": _range(
            _arr(sigmoid["weight_factor"]).ravel(), lambda v, g: fmt_num(v, 0, g), lang
        ),
        "van_sigmoid_bound": _range(_arr(sigmoid["bound"]).ravel(), fmt_sci, lang),
    }
    ratios = results["first_over_last_ratio"]
    for activation in vanishing_lab.ACTIVATIONS:
        f[f"van_{activation}_init"] = _num(ratios[activation]["init"], lang)
        f[f"van_{activation}_trained"] = _num(ratios[activation]["trained"], lang)
        f[f"van_{activation}_per_layer"] = fmt_num(ratios[activation]["decay_per_layer_init"], 2, lang)
        f[f"van_{activation}_loss"] = _num(results["training"][activation]["final_loss_median"], lang, 3)
        solved, total = _solved(results, activation)
        f[f"van_{activation}_solved"] = f"{solved}/{total}"
        f[f"van_{activation}_moved_first"] = _pct(float(np.median(_moved(results, activation)[:, 0])), lang)
        f[f"van_{activation}_moved_last"] = _pct(float(np.median(_moved(results, activation)[:, -1])), lang)
    f["van_ln2"] = fmt_num(math.log(2), 3, lang)
    spread = _at_end(results, "sigmoid", "spread").mean(axis=0)
    f |= {"van_spread_first": fmt_sci(spread[0], lang), "van_spread_last": fmt_sci(spread[-1], lang)}
    tanh_end = _at_end(results, "tanh", "saturated").max(axis=1)
    f |= {
        "van_tanh_sat_start": _pct(
            float(np.median(_at_start(results, "tanh", "saturated").max(axis=1))), lang
        ),
        "van_tanh_sat_end": _pct(float(np.median(tanh_end)), lang),
        "van_tanh_sat_range": _range(tanh_end, _pct, lang),
        "van_tanh_unsettled": fmt_num(_unsettled(results, "tanh"), 2, lang),
        "van_tanh_lowest": fmt_num(float(np.median(results["training"]["tanh"]["lowest_loss"])), 3, lang),
    }
    failed, solved = _relu_dead(results)
    f |= {
        "van_relu_dead_failed": _range(failed, _pct, lang) if failed else "–",
        "van_relu_dead_solved": _range(solved, _pct, lang) if solved else "–",
        "van_relu_dead_start": _pct(float(np.mean(_at_start(results, "relu", "dead"))), lang),
        "van_relu_dead_end": _pct(float(np.mean(_at_end(results, "relu", "dead"))), lang),
    }
    return f


_BOUND = Claim(("van_bound_all", "van_bound_some"), _claim_bound)
_QUARTER = Claim(("van_quarter_all", "van_quarter_some", "van_quarter_none"), _claim_quarter)
_SMALLEST = Claim(("van_sigmoid_smallest", "van_sigmoid_not_smallest"), _claim_smallest)
_OUTCOME = Claim(tuple(f"van_outcome_{a}" for a in vanishing_lab.ACTIVATIONS), _claim_outcome)
_PLATEAU = Claim(("van_sigmoid_plateau", "van_sigmoid_learns"), _claim_sigmoid_plateau)
_FORWARD = Claim(("van_sigmoid_collapsed", "van_sigmoid_spread_kept"), _claim_sigmoid_forward)
_STILL = Claim(("van_sigmoid_first_still", "van_sigmoid_first_moves"), _claim_sigmoid_still)
_TANH_RATIO = Claim(("van_tanh_puzzle", "van_tanh_solved", "van_tanh_vanishes"), _claim_tanh_ratio)
_TANH_SATURATION = Claim(("van_tanh_saturates", "van_tanh_unsaturated"), _claim_tanh_saturation)
_TANH_SETTLES = Claim(("van_tanh_unsettled", "van_tanh_settled"), _claim_tanh_settles)
_RELU_DEAD = Claim(("van_relu_dead_failed", "van_relu_dead_not_failed", "van_relu_all_solved",
                    "van_relu_none_solved"), _claim_relu_dead)  # fmt: skip

#: every claim of the section, for its tests
CLAIMS = (_BOUND, _QUARTER, _SMALLEST, _OUTCOME, _PLATEAU, _FORWARD, _STILL, _TANH_RATIO, _TANH_SATURATION,
          _TANH_SETTLES, _RELU_DEAD)  # fmt: skip

SECTION = Section(
    "vanishing",
    (
        Heading(3, "h_vanishing"),
        Para("van_theory"),
        Equation("vanishing_product"),
        Para("van_max_text"),
        Equation("sigmoid_max"),
        Figure(vanishing_lab.NAME, vanishing_lab.FIG_DERIVATIVES, "cap_van_derivatives"),
        Para("van_sigmoid_bound_text"),
        Equation("vanishing_sigmoid_bound"),
        Para("van_sigmoid_bound_after"),
        Para("van_setup"),
        Para("van_measured"),
        _BOUND,
        _QUARTER,
        _SMALLEST,
        Figure(vanishing_lab.NAME, vanishing_lab.FIG_GRADIENTS, "cap_van_gradients"),
        Figure(vanishing_lab.NAME, vanishing_lab.FIG_DEPTH, "cap_van_depth", width="70%"),
        _OUTCOME,
        Figure(vanishing_lab.NAME, vanishing_lab.FIG_TRAINING, "cap_van_training"),
        _PLATEAU,
        Para("van_forward_text"),
        Equation("vanishing_forward"),
        _FORWARD,
        _STILL,
        Figure(vanishing_lab.NAME, vanishing_lab.FIG_SPREAD, "cap_van_spread", width="60%"),
        _TANH_RATIO,
        _TANH_SATURATION,
        _TANH_SETTLES,
        Figure(vanishing_lab.NAME, vanishing_lab.FIG_SATURATION, "cap_van_saturation"),
        Para("van_relu"),
        _RELU_DEAD,
        Code(VANISHING_CODE),
    ),
    facts,
    experiment=vanishing_lab.NAME,
    parents=(DEEPER, THEORY),
)
