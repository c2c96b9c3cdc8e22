"""Section 3.2 (a): overfitting on 50 samples, and early stopping."""

from __future__ import annotations

from ...lab import overfit as overfit_lab
from ..blocks import Cell, Figure, Heading, Para, Table, TableData
from ..text import fmt_layers, fmt_num, fmt_pct, fmt_sci
from .base import DEEPER, PRACTICAL, Section, header

__all__ = ["SECTION"]

#: the two runs of the main study, in the table's order
_RUNS = ("without_early_stopping", "early_stopping")


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The network and data, both runs of the main study, and the means over the repeats."""
    settings, results = metrics["settings"], metrics["results"]
    main = results["main_run"]
    long, early = main["without_early_stopping"], main["early_stopping"]
    summary = results["summary"]
    accuracy, loss = summary["test_accuracy"], summary["test_loss"]
    return {
        "of_layers": fmt_layers(settings["layer_sizes"]),
        "of_activation": settings["activation"],
        "of_params": str(main["n_params"]),
        "of_n": str(main["n_train"]),
        "of_per_sample": fmt_num(main["params_per_sample"], 0, lang),
        "of_noise": fmt_num(settings["noise"], 1, lang),
        "of_epochs": str(settings["epochs"]),
        "of_patience": str(settings["patience"]),
        "of_stop": str(early["stopped_epoch"]),
        "of_best": str(early["best_epoch"]),
        "of_long_train_loss": fmt_sci(long["final_train_loss"], lang),
        "of_long_val_loss": fmt_num(long["final_val_loss"], 3, lang),
        "of_min_val_loss": fmt_num(long["min_val_loss"], 3, lang),
        "of_long_test_acc": fmt_pct(long["test_accuracy"], lang),
        "of_early_test_acc": fmt_pct(early["test_accuracy"], lang),
        "of_long_test_loss": fmt_num(long["test_loss"], 3, lang),
        "of_early_test_loss": fmt_num(early["test_loss"], 3, lang),
        "of_repeats": str(summary["repeats"]),
        "of_rep_long_acc": fmt_pct(accuracy["without_early_stopping_mean"], lang),
        "of_rep_early_acc": fmt_pct(accuracy["early_stopping_mean"], lang),
        "of_rep_long_loss": fmt_num(loss["without_early_stopping_mean"], 3, lang),
        "of_rep_early_loss": fmt_num(loss["early_stopping_mean"], 3, lang),
        "of_rep_lower_loss": str(summary["early_stopping_lower_test_loss"]),
    }


def runs(metrics: dict, text, lang: str) -> TableData:
    """Epochs, losses and test accuracy of the main study with and without early stopping."""
    main = metrics["results"]["main_run"]
    rows = []
    for key in _RUNS:
        run = main[key]
        rows.append([
            Cell(text[f"of_{key}"]),
            Cell(str(run["epochs_run"])),
            Cell(fmt_sci(run["train_loss"], lang)),
            Cell(fmt_num(run["val_loss"], 3, lang)),
            Cell(fmt_num(run["test_loss"], 3, lang)),
            Cell(fmt_pct(run["test_accuracy"], lang)),
        ])  # fmt: skip
    head = header(text, "col_model", "col_epochs", "col_train_loss", "col_val_loss", "col_test_loss",
                  "col_test_acc")  # fmt: skip
    return TableData(head, rows, ["left", "right", "right", "right", "right", "right"])


SECTION = Section(
    "overfit",
    (
        Heading(3, "h_overfit"),
        Para("of_setup"),
        Figure(overfit_lab.NAME, overfit_lab.FIG_CURVES, "cap_of_curves"),
        Table(runs, "cap_of_table"),
        Para("of_result"),
        Figure(overfit_lab.NAME, overfit_lab.FIG_BOUNDARIES, "cap_of_boundaries"),
        Figure(overfit_lab.NAME, overfit_lab.FIG_REPEATS, "cap_of_repeats", width="70%"),
        Para("of_discussion"),
    ),
    facts,
    experiment=overfit_lab.NAME,
    parents=(DEEPER, PRACTICAL),
)
