"""Section 3.2 (a): overfitting on 50 samples; early stopping and L2 against it.

Every comparative sentence is a :class:`~mlplab.report.blocks.Claim`: a small
function below reads the repeats and picks the version the numbers support,
and the facts give the counts (k of n repeats) and the differences it rests on.
"""

from __future__ import annotations

from ...lab import overfit as overfit_lab
from ..blocks import Cell, Claim, Figure, Heading, Para, Table, TableData
from ..text import fmt_layers, fmt_num, fmt_pct, fmt_sci
from .base import DEEPER, PRACTICAL, Section, header

__all__ = ["SECTION"]

#: the three runs of every repeat, in the table's order
_RUNS = overfit_lab.RUNS
#: the long run overfits a repeat when its final test loss is this much above its lowest one
RISE_FACTOR = 1.1


# ------------------------------------------------------------------ the claims' numbers
def _summary(data: dict) -> dict:
    return data["results"]["summary"]


def overfit_count(data: dict) -> int:
    """Repeats whose long run ends with a test loss above :data:`RISE_FACTOR` × its lowest and a risen
    validation loss."""
    return sum(
        r["test_loss"] > RISE_FACTOR * r["min_test_loss"] and r["final_val_loss"] > r["min_val_loss"]
        for r in (p["without_early_stopping"] for p in data["results"]["repeats"])
    )


def val_in_scatter(data: dict) -> int:
    """Repeats in which the chosen validation loss lies within the losses of the test groups of 50."""
    return sum(
        min(p["early_stopping"]["test_group_losses"]) <= p["early_stopping"]["val_loss"]
        for p in data["results"]["repeats"]
    )


def _wins(data: dict, name: str) -> tuple[int, int]:
    entry = _summary(data)[name]
    return entry["count"], entry["of"]


def _all_most_not(count: int, of: int, prefix: str) -> str:
    if count == of:
        return f"{prefix}_always"
    return f"{prefix}_mostly" if 2 * count > of else f"{prefix}_not"


# ------------------------------------------------------------------ the claims
def choose_overfit(data: dict) -> str:
    """Does the long run overfit: in every repeat, in some, in none?"""
    k, n = overfit_count(data), _summary(data)["repeats"]
    return "of_overfit_all" if k == n else ("of_overfit_some" if k else "of_overfit_none")


def choose_es_loss(data: dict) -> str:
    """Early stopping against the long run, by test loss."""
    return _all_most_not(*_wins(data, "early_stopping_vs_long_test_loss"), "of_es_loss")


def choose_l2_loss(data: dict) -> str:
    """L2 against the long run, by test loss."""
    return _all_most_not(*_wins(data, "l2_vs_long_test_loss"), "of_l2_loss")


def choose_l2_vs_es(data: dict) -> str:
    """Which remedy has the lower test loss in more repeats."""
    k, n = _wins(data, "l2_vs_early_stopping_test_loss")
    return "of_l2_vs_es_l2" if 2 * k > n else ("of_l2_vs_es_es" if 2 * k < n else "of_l2_vs_es_tie")


def choose_confidence(data: dict) -> str:
    """Overconfidence: early stopping cuts the confident test errors, while the accuracy does not rise?"""
    k_err, n = _wins(data, "early_stopping_vs_long_test_confident_errors")
    k_acc, _ = _wins(data, "early_stopping_vs_long_test_accuracy")
    if 2 * k_err > n:
        return "of_conf_not_acc" if 2 * k_acc <= n else "of_conf_and_acc"
    return "of_conf_no"


def choose_val(data: dict) -> str:
    """Is the chosen validation loss below the test loss in every repeat, and within 50-point scatter?"""
    summary = _summary(data)
    n = summary["repeats"]
    if summary["val_below_test"] < n:
        return "of_val_not_below"
    return "of_val_below_scatter" if val_in_scatter(data) == n else "of_val_below_selection"


CLAIMS = {
    "overfit": Claim(("of_overfit_all", "of_overfit_some", "of_overfit_none"), choose_overfit),
    "es_loss": Claim(("of_es_loss_always", "of_es_loss_mostly", "of_es_loss_not"), choose_es_loss),
    "confidence": Claim(("of_conf_not_acc", "of_conf_and_acc", "of_conf_no"), choose_confidence),
    "l2_loss": Claim(("of_l2_loss_always", "of_l2_loss_mostly", "of_l2_loss_not"), choose_l2_loss),
    "l2_vs_es": Claim(("of_l2_vs_es_l2", "of_l2_vs_es_es", "of_l2_vs_es_tie"), choose_l2_vs_es),
    "val": Claim(("of_val_below_scatter", "of_val_below_selection", "of_val_not_below"), choose_val),
}


# ------------------------------------------------------------------ facts and tables
def _range(entry: dict, lang: str, digits: int = 3, pct: bool = False) -> str:
    """``median (min–max)`` of a spread."""
    if pct:  # 84.2 % (81.5–88.1): the unit once, so that the cell stays narrow
        low, high = (fmt_num(100 * entry[k], 1, lang) for k in ("min", "max"))
        return f"{fmt_pct(entry['median'], lang)} ({low}–{high})"
    low, median, high = (fmt_num(entry[k], digits, lang) for k in ("min", "median", "max"))
    return f"{median} ({low}–{high})"


def _to(low: str, high: str, lang: str) -> str:
    """A range in words (its ends may be negative): ``-0.011 to 0.240``, ``-0,011 bis 0,240``."""
    return low if low == high else f"{low} {'bis' if lang == 'de' else 'to'} {high}"


def _points(value: float, lang: str) -> str:
    """A difference of two accuracies in percentage points."""
    return fmt_num(100.0 * value, 1, lang)


def _plural(n: int, lang: str) -> str:
    if lang == "de":
        return "Wiederholung" if n == 1 else "Wiederholungen"
    return "repeat" if n == 1 else "repeats"


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The network and data, the drawn repeat, and the counts, medians and ranges over the repeats."""
    settings, results = metrics["settings"], metrics["results"]
    main = results["main_run"]
    long, early, l2 = (main[name] for name in _RUNS)
    summary = results["summary"]
    n = summary["repeats"]
    groups = summary["test_group_loss"]
    f = {
        "of_layers": fmt_layers(settings["layer_sizes"]),
        "of_activation": settings["activation"],
        "of_params": str(main["n_params"]),
        "of_n": str(main["n_train"]),
        "of_n_val": str(settings["n_val"]),
        "of_n_test": str(settings["n_test"]),
        "of_per_sample": fmt_num(main["params_per_sample"], 0, lang),
        "of_noise": fmt_num(settings["noise"], 1, lang),
        "of_epochs": str(settings["epochs"]),
        "of_patience": str(settings["patience"]),
        "of_lambda": overfit_lab.lambda_text(settings["l2"], lang),
        "of_test_every": str(settings["test_every"]),
        "of_stop": str(early["stopped_epoch"]) if early["stopped_epoch"] is not None else "–",
        "of_best": str(early["best_epoch"]),
        "of_long_train_loss": fmt_sci(long["final_train_loss"], lang),
        "of_long_val_loss": fmt_num(long["final_val_loss"], 3, lang),
        "of_min_val_loss": fmt_num(long["min_val_loss"], 3, lang),
        "of_min_val_epoch": str(long["min_val_epoch"]),
        "of_min_test_loss": fmt_num(long["min_test_loss"], 3, lang),
        "of_min_test_epoch": str(long["min_test_epoch"]),
        "of_long_test_loss": fmt_num(long["test_loss"], 3, lang),
        "of_early_test_loss": fmt_num(early["test_loss"], 3, lang),
        "of_l2_test_loss": fmt_num(l2["test_loss"], 3, lang),
        "of_long_test_acc": fmt_pct(long["test_accuracy"], lang),
        "of_early_test_acc": fmt_pct(early["test_accuracy"], lang),
        "of_l2_test_acc": fmt_pct(l2["test_accuracy"], lang),
        "of_repeats": str(n),
        "of_repeats_word": _plural(n, lang),
        "of_overfit_count": str(overfit_count(metrics)),
        "of_rise_pct": fmt_num(100 * (RISE_FACTOR - 1), 0, lang),
        "of_test_rise": _range(summary["long_test_rise"], lang),
        "of_val_rise": _range(summary["long_val_rise"], lang),
        "of_chosen_val": _range(summary["chosen_val_loss"], lang),
        "of_es_test": _range(summary["test_loss"]["early_stopping"], lang),
        "of_val_below": str(summary["val_below_test"]),
        "of_groups": str(summary["test_groups"]),
        "of_group_size": str(settings["n_val"]),
        "of_group_range": _to(fmt_num(groups["min"], 3, lang), fmt_num(groups["max"], 3, lang), lang),
        "of_group_median": fmt_num(groups["median"], 3, lang),
        "of_val_in_scatter": str(val_in_scatter(metrics)),
        "of_val_in_scatter_other": str(n - val_in_scatter(metrics)),
        "of_confident": fmt_pct(overfit_lab.CONFIDENT, lang, 0),
    }
    for name, key in (
        ("es_loss", "early_stopping_vs_long_test_loss"),
        ("es_acc", "early_stopping_vs_long_test_accuracy"),
        ("es_err", "early_stopping_vs_long_test_confident_errors"),
        ("l2_loss", "l2_vs_long_test_loss"),
        ("l2_acc", "l2_vs_long_test_accuracy"),
        ("l2_es", "l2_vs_early_stopping_test_loss"),
    ):
        entry = summary[key]
        diff = entry["difference"]
        f[f"of_{name}_k"] = str(entry["count"])
        f[f"of_{name}_other"] = str(entry["of"] - entry["count"])
        if key.endswith("accuracy") or key.endswith("errors"):
            f[f"of_{name}_diff"] = _points(diff["median"], lang)
            f[f"of_{name}_range"] = _to(_points(diff["min"], lang), _points(diff["max"], lang), lang)
        else:
            f[f"of_{name}_diff"] = fmt_num(diff["median"], 3, lang)
            f[f"of_{name}_range"] = _to(fmt_num(diff["min"], 3, lang), fmt_num(diff["max"], 3, lang), lang)
    errors = summary["test_confident_errors"]
    f["of_long_err"] = fmt_pct(errors["without_early_stopping"]["median"], lang)
    f["of_es_err"] = fmt_pct(errors["early_stopping"]["median"], lang)
    return f


def runs(metrics: dict, text, lang: str) -> TableData:
    """Epochs, losses and test accuracy of the drawn repeat's three runs."""
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
    head = header(text, "col_model", "col_epochs", "of_col_train_loss", "of_col_val_loss", "of_col_test_loss",
                  "of_col_test_acc")  # fmt: skip
    return TableData(head, rows, ["left", "right", "right", "right", "right", "right"])


def repeats(metrics: dict, text, lang: str) -> TableData:
    """Over the repeats: median (range) of test loss and accuracy per run, and its wins over the long run."""
    summary = metrics["results"]["summary"]
    rows = []
    for key in _RUNS:
        wins = "–"
        if key != "without_early_stopping":
            entry = summary[f"{key}_vs_long_test_loss"]
            wins = f"{entry['count']}/{entry['of']}"
        rows.append([
            Cell(text[f"of_{key}"]),
            Cell(_range(summary["test_loss"][key], lang)),
            Cell(_range(summary["test_accuracy"][key], lang, pct=True)),
            Cell(fmt_pct(summary["test_confident_errors"][key]["median"], lang)),
            Cell(wins),
        ])  # fmt: skip
    head = header(text, "col_model", "of_col_test_loss", "of_col_test_acc", "of_col_confident", "of_col_wins")
    return TableData(head, rows, ["left", "right", "right", "right", "right"])


SECTION = Section(
    "overfit",
    (
        Heading(3, "h_overfit"),
        Para("of_setup"),
        Figure(overfit_lab.NAME, overfit_lab.FIG_CURVES, "cap_of_curves"),
        Table(runs, "cap_of_table"),
        Para("of_result"),
        CLAIMS["overfit"],
        Figure(overfit_lab.NAME, overfit_lab.FIG_BOUNDARIES, "cap_of_boundaries"),
        Table(repeats, "cap_of_repeats_table"),
        Figure(overfit_lab.NAME, overfit_lab.FIG_REPEATS, "cap_of_repeats"),
        CLAIMS["es_loss"],
        CLAIMS["confidence"],
        CLAIMS["l2_loss"],
        CLAIMS["l2_vs_es"],
        CLAIMS["val"],
    ),
    facts,
    experiment=overfit_lab.NAME,
    parents=(DEEPER, PRACTICAL),
)
