"""Section 2.2 (b): the two spirals, their decision boundary and loss curves."""

from __future__ import annotations

from ...lab import _data as data_lab
from ...lab import spirals as spirals_lab
from ..blocks import Code, Figure, Heading, Para
from ..text import fmt_layers, fmt_num, fmt_pct, fmt_rate, fmt_sci
from .base import Section

__all__ = ["SECTION"]

SPIRALS_CODE = f"""\
spirals = metrics("{spirals_lab.NAME}")["results"]
{{k: spirals[k] for k in ["train_accuracy", "test_accuracy", "epochs_to_100_percent", "n_params"]}}
"""


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The network and its training settings, accuracies, losses and epochs to 100 %."""
    settings, results = metrics["settings"], metrics["results"]
    e100 = results["epochs_to_100_percent"]
    return {
        "spirals_layers": fmt_layers(settings["layer_sizes"]),
        "spirals_activation": settings["activation"],
        "spirals_optimizer": settings["optimizer"],
        "spirals_lr": fmt_rate(settings["learning_rate"], lang),
        "spirals_batch": str(settings["batch_size"]),
        "spirals_epochs": str(settings["epochs"]),
        "spirals_train_acc": fmt_pct(results["train_accuracy"], lang),
        "spirals_test_acc": fmt_pct(results["test_accuracy"], lang),
        # the test draw is make_spirals(N_SAMPLES, NOISE), like the training draw
        "spirals_test_errors": str(round((1 - results["test_accuracy"]) * data_lab.N_SAMPLES)),
        "spirals_epochs_to_100": str(e100) if e100 is not None else "–",
        "spirals_train_loss": fmt_sci(results["final_train_loss"], lang),
        "spirals_test_loss": fmt_num(results["final_test_loss"], 3, lang),
        "spirals_params": str(results["n_params"]),
    }


SECTION = Section(
    "spirals",
    (
        Heading(3, "h_spirals"),
        Para("spirals_setup"),
        Figure(spirals_lab.NAME, spirals_lab.FIG_DATA, "cap_spirals_data", width="62%"),
        Para("spirals_result"),
        Figure(spirals_lab.NAME, spirals_lab.FIG_BOUNDARY, "cap_spirals_boundary"),
        Figure(spirals_lab.NAME, spirals_lab.FIG_CURVES, "cap_spirals_curves"),
        Para("spirals_discussion"),
        Code(SPIRALS_CODE),
    ),
    facts,
    experiment=spirals_lab.NAME,
)
