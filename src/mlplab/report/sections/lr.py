"""Section 3.2 (b): learning rates from crawling to diverging."""

from __future__ import annotations

from ...lab import learning_rate as lr_lab
from ..blocks import Cell, Code, Figure, Heading, Para, Table, TableData
from ..text import fmt_g, fmt_layers, fmt_num, fmt_pct, fmt_rate, fmt_sci
from .base import DEEPER, PRACTICAL, Section, header

__all__ = ["SECTION"]

LR_CODE = f"""\
lr = metrics("{lr_lab.NAME}")["results"]
lr["by_class"]
"""

#: the outcomes a rate is classified into, as the prose names them
_CLASSES = ("works", "crawls", "diverges")


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The network, the range of rates, the rates of each outcome, and the best rate."""
    settings, results = metrics["settings"], metrics["results"]
    rates = settings["learning_rates"]
    f = {
        "lr_layers": fmt_layers(settings["layer_sizes"]),
        "lr_activation": settings["activation"],
        "lr_epochs": str(settings["epochs"]),
        "lr_min": fmt_rate(min(rates), lang),
        "lr_max": fmt_rate(max(rates), lang),
        "lr_count": str(len(rates)),
        "lr_threshold": fmt_pct(settings["crawl_threshold"], lang, 0),
        "lr_best": fmt_rate(results["best_learning_rate"], lang),
        "lr_best_loss": fmt_sci(results["best_final_loss"], lang),
        "lr_initial": fmt_num(results["initial_loss"], 3, lang),
    }
    for outcome in _CLASSES:
        values = results["by_class"][outcome]
        f[f"lr_{outcome}"] = ", ".join(fmt_rate(v, lang) for v in values) if values else "–"
    return f


def runs(metrics: dict, text, lang: str) -> TableData:
    """Every rate: its outcome, final and peak loss, training accuracy."""
    rows = []
    for run in metrics["results"]["runs"]:
        final = run["final_loss"]
        rows.append([
            Cell(fmt_g(run["learning_rate"], lang)),
            Cell(text[f"lr_class_{run['class']}"]),
            Cell(fmt_sci(final, lang) if final is not None else "–"),
            Cell(fmt_num(run["peak_loss"], 3, lang)),
            Cell(fmt_pct(run["accuracy"], lang, 0)),
        ])  # fmt: skip
    head = header(text, "col_lr", "col_class", "col_final_loss", "col_peak_loss", "col_train_acc")
    return TableData(head, rows, ["right", "left", "right", "right", "right"])


SECTION = Section(
    "lr",
    (
        Heading(3, "h_lr"),
        Para("lr_setup"),
        Figure(lr_lab.NAME, lr_lab.FIG_CURVES, "cap_lr_curves"),
        Table(runs, "cap_lr_table"),
        Figure(lr_lab.NAME, lr_lab.FIG_SUMMARY, "cap_lr_summary", width="70%"),
        Para("lr_discussion"),
        Code(LR_CODE),
    ),
    facts,
    experiment=lr_lab.NAME,
    parents=(DEEPER, PRACTICAL),
)
