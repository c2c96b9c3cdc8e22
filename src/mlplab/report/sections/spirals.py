"""Section 2.2 (b): the two spirals, their decision boundary, loss curves and hidden feature maps.

Every comparative sentence is a :class:`~mlplab.report.blocks.Claim` chosen
from ``metrics.json``: whether every training point ends correct (and from
which epoch on), training against test accuracy, whether the test loss rises
again and whether the test accuracy drops with it, where the test errors lie,
how close the test draw lies to the training draw, and how many units of the
last hidden layer are dead.
"""

from __future__ import annotations

import numpy as np

from ...lab import spirals as spirals_lab
from ..blocks import Claim, Code, Figure, Heading, Para
from ..text import fmt_layers, fmt_num, fmt_pct, fmt_rate, fmt_sci
from .base import Section

__all__ = ["SECTION"]

SPIRALS_CODE = f"""\
spirals = metrics("{spirals_lab.NAME}")["results"]
{{k: spirals[k] for k in ["train_accuracy", "test_accuracy", "epochs_to_100_percent", "n_params"]}}
"""

#: the test loss "rises again" if it ends more than this factor above its minimum
RISE = 1.1
#: the test draw "lies close" to the training draw if its median nearest distance is below this share
#: of the gap between the arms
CLOSE = 0.25


def _results(data: dict) -> dict:
    return data["results"]


def _perfect_from(accuracy: list[float]) -> int | None:
    """The epoch from which the training accuracy stays at 100 % to the end, or None."""
    if not accuracy or accuracy[-1] != 1.0:
        return None
    below = [i for i, value in enumerate(accuracy) if value != 1.0]
    return below[-1] + 2 if below else 1


def _test_minimum(results: dict) -> tuple[int, float]:
    """The epoch (1-based) and value of the lowest test loss."""
    curve = np.asarray(results["curves"]["test_loss"], dtype=float)
    index = int(np.nanargmin(curve))
    return index + 1, float(curve[index])


# ------------------------------------------------------------------ claims
def choose_result(data: dict) -> str:
    results = _results(data)
    first = results["epochs_to_100_percent"]
    if results["train_accuracy"] == 1.0:
        stable = _perfect_from(results["curves"]["train_accuracy"])
        return "spirals_result_all" if stable == first else "spirals_result_all_flicker"
    return "spirals_result_lost" if first is not None else "spirals_result_partial"


def choose_generalise(data: dict) -> str:
    results = _results(data)
    train, test = results["train_accuracy"], results["test_accuracy"]
    if test < train:
        return "spirals_test_below"
    return "spirals_test_equal" if test == train else "spirals_test_above"


def choose_loss_trend(data: dict) -> str:
    results = _results(data)
    epoch, lowest = _test_minimum(results)
    if results["final_test_loss"] <= RISE * lowest:
        return "spirals_loss_no_rise"
    accuracy = results["curves"]["test_accuracy"]
    return (
        "spirals_loss_rise_confident" if accuracy[-1] >= accuracy[epoch - 1] else "spirals_loss_rise_errors"
    )


def _errors_inner(results: dict) -> int:
    return sum(r < results["inner_radius"] for r in results["test_error_radii"])


def choose_errors(data: dict) -> str:
    results = _results(data)
    radii = results["test_error_radii"]
    if not radii:
        return "spirals_errors_none"
    return "spirals_errors_centre" if _errors_inner(results) > len(radii) / 2 else "spirals_errors_spread"


def choose_closeness(data: dict) -> str:
    results = _results(data)
    close = results["median_test_to_train_distance"] < CLOSE * results["arm_gap"]
    return "spirals_close" if close else "spirals_not_close"


def _dead(data: dict) -> int:
    return sum(share == 0 for share in _results(data)["last_hidden"]["positive_share"])


def choose_features(data: dict) -> str:
    if data["settings"]["activation"] != "relu":
        return "spirals_features_smooth"
    return "spirals_features_dead" if _dead(data) else "spirals_features_alive"


# ------------------------------------------------------------------ facts
_NAMES = {
    "en": {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU", "sgd": "SGD", "momentum": "momentum",
           "rmsprop": "RMSprop", "adam": "Adam"},
    "de": {"sigmoid": "Sigmoid", "tanh": "tanh", "relu": "ReLU", "sgd": "SGD", "momentum": "Momentum",
           "rmsprop": "RMSprop", "adam": "Adam"},
}  # fmt: skip


def _more_errors(count: int, lang: str) -> str:
    """``1 more error`` / ``3 more errors``; German ``1 Fehler mehr``."""
    if lang == "de":
        return f"{count} Fehler mehr"
    return f"{count} more error" if count == 1 else f"{count} more errors"


def _loss(value: float, lang: str) -> str:
    """A loss: three decimals, or in powers of ten below 0.01 (a trained network's loss is tiny)."""
    return fmt_num(value, 3, lang) if value >= 0.01 else fmt_sci(value, lang)


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The network, accuracies, losses, epochs at 100 %, the test loss's minimum, errors, feature maps."""
    settings, results = metrics["settings"], metrics["results"]
    e100 = results["epochs_to_100_percent"]
    stable = _perfect_from(results["curves"]["train_accuracy"])
    n_train, n_test = results["n_train"], results["n_test"]
    gap = 100 * (results["train_accuracy"] - results["test_accuracy"])
    min_epoch, min_loss = _test_minimum(results)
    train_loss, test_accuracy = results["curves"]["train_loss"], results["curves"]["test_accuracy"]
    radii = results["test_error_radii"]
    hidden = results["last_hidden"]
    shares = [hidden["positive_share"][u] for u in range(hidden["units"]) if hidden["positive_share"][u] > 0]
    n_dead = _dead(metrics)
    shown, units = len(hidden["shown"]), hidden["units"]
    if lang == "en":
        shown_text = (
            f"all {units} units" if shown == units else f"the {shown} of its {units} units that vary most"
        )
        dead_verb = "is" if n_dead == 1 else "are"
    else:
        shown_text = (
            f"alle {units} Neuronen"
            if shown == units
            else f"die {shown} ihrer {units} Neuronen, die am stärksten variieren"
        )
        dead_verb = "ist" if n_dead == 1 else "sind"
    return {
        "spirals_layers": fmt_layers(settings["layer_sizes"]),
        "spirals_activation": _NAMES[lang].get(settings["activation"], settings["activation"]),
        "spirals_optimizer": _NAMES[lang].get(settings["optimizer"], settings["optimizer"]),
        "spirals_lr": fmt_rate(settings["learning_rate"], lang),
        "spirals_batch": str(settings["batch_size"]),
        "spirals_epochs": str(settings["epochs"]),
        "spirals_train_acc": fmt_pct(results["train_accuracy"], lang),
        "spirals_test_acc": fmt_pct(results["test_accuracy"], lang),
        "spirals_n_train": str(n_train),
        "spirals_train_correct": str(round(results["train_accuracy"] * n_train)),
        "spirals_test_errors": str(round((1 - results["test_accuracy"]) * n_test)),
        "spirals_acc_gap": fmt_num(abs(gap), 1, lang),
        "spirals_epochs_to_100": str(e100) if e100 is not None else "–",
        "spirals_perfect_from": str(stable) if stable is not None else "–",
        "spirals_epochs_at_100": str(results["epochs_at_100_percent"]),
        "spirals_train_loss": _loss(results["final_train_loss"], lang),
        "spirals_test_loss": fmt_num(results["final_test_loss"], 3, lang),
        "spirals_params": str(results["n_params"]),
        "spirals_min_epoch": str(min_epoch),
        "spirals_min_test_loss": fmt_num(min_loss, 3, lang),
        "spirals_train_loss_at_min": _loss(train_loss[min_epoch - 1], lang),
        "spirals_test_acc_at_min": fmt_pct(test_accuracy[min_epoch - 1], lang),
        "spirals_test_acc_final": fmt_pct(test_accuracy[-1], lang),
        "spirals_more_errors": _more_errors(
            round((test_accuracy[min_epoch - 1] - test_accuracy[-1]) * n_test), lang
        ),
        "spirals_rise": fmt_pct(RISE - 1, lang, 0),
        "spirals_n_errors": str(len(radii)),
        "spirals_errors_inner": str(_errors_inner(results)),
        "spirals_inner_radius": fmt_num(results["inner_radius"], 2, lang),
        "spirals_share_inner": fmt_pct(results["test_share_inner"], lang, 0),
        "spirals_nearest": fmt_num(results["median_test_to_train_distance"], 3, lang),
        "spirals_arm_gap": fmt_num(results["arm_gap"], 2, lang),
        "spirals_layer": str(hidden["layer"]),
        "spirals_units_shown": shown_text,
        "spirals_units": str(units),
        "spirals_dead": "Eines" if (lang, n_dead) == ("de", 1) else str(n_dead),
        "spirals_dead_verb": dead_verb,
        "spirals_share_min": fmt_pct(min(shares), lang, 0) if shares else "–",
        "spirals_share_max": fmt_pct(max(shares), lang, 0) if shares else "–",
    }


RESULT = Claim(
    ("spirals_result_all", "spirals_result_all_flicker", "spirals_result_lost", "spirals_result_partial"),
    choose_result,
)
GENERALISE = Claim(("spirals_test_below", "spirals_test_equal", "spirals_test_above"), choose_generalise)
ERRORS = Claim(("spirals_errors_centre", "spirals_errors_spread", "spirals_errors_none"), choose_errors)
LOSS_TREND = Claim(
    ("spirals_loss_rise_confident", "spirals_loss_rise_errors", "spirals_loss_no_rise"), choose_loss_trend
)
CLOSENESS = Claim(("spirals_close", "spirals_not_close"), choose_closeness)
FEATURES = Claim(
    ("spirals_features_dead", "spirals_features_alive", "spirals_features_smooth"), choose_features
)

SECTION = Section(
    "spirals",
    (
        Heading(3, "h_spirals"),
        Para("spirals_setup"),
        Figure(spirals_lab.NAME, spirals_lab.FIG_DATA, "cap_spirals_data", width="80%"),
        RESULT,
        GENERALISE,
        Figure(spirals_lab.NAME, spirals_lab.FIG_BOUNDARY, "cap_spirals_boundary"),
        ERRORS,
        CLOSENESS,
        Figure(spirals_lab.NAME, spirals_lab.FIG_CURVES, "cap_spirals_curves"),
        LOSS_TREND,
        Figure(spirals_lab.NAME, spirals_lab.FIG_FEATURES, "cap_spirals_features"),
        FEATURES,
        Para("spirals_gif"),
        Code(SPIRALS_CODE),
    ),
    facts,
    experiment=spirals_lab.NAME,
)
