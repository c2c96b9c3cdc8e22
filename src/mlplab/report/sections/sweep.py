"""Section 2.2 (c): the sweep over hidden layers, learning rates and activations."""

from __future__ import annotations

from ...lab import sweep as sweep_lab
from ..blocks import Cell, Code, Figure, Heading, Para, Table, TableData
from ..text import fmt_g, fmt_layers, fmt_num, fmt_pct, fmt_pm, fmt_rate
from .base import Section, header

__all__ = ["SECTION"]

SWEEP_CODE = f"""\
import csv

with open(RESULTS / "{sweep_lab.NAME}" / "{sweep_lab.CSV_FILE}", newline="") as handle:
    rows = list(csv.DictReader(handle))
print(len(rows), "cells; best:", metrics("{sweep_lab.NAME}")["results"]["best"]["summary"])
"""

_BEST_KEYS = ("layers", "activation", "lr", "test", "test_std", "train", "loss", "reached", "e100")
_ACTIVATION_ORDER = {"sigmoid": 0, "tanh": 1, "relu": 2}  # the order of the table's rows


def _best_facts(best: dict | None, lang: str) -> dict[str, str]:
    """``sweep_best_*``: the best cell (``'–'`` everywhere if every run failed)."""
    if best is None:
        return {f"sweep_best_{key}": "–" for key in _BEST_KEYS}
    e100 = best["epochs_to_100_percent_mean"]
    return {
        "sweep_best_layers": fmt_layers([2, *best["hidden_layers"], 1]),
        "sweep_best_activation": best["activation"],
        "sweep_best_lr": fmt_rate(best["learning_rate"], lang),
        "sweep_best_test": fmt_pct(best["test_accuracy_mean"], lang),
        "sweep_best_test_std": fmt_pct(best["test_accuracy_std"], lang),
        "sweep_best_train": fmt_pct(best["train_accuracy_mean"], lang),
        "sweep_best_loss": fmt_num(best["final_train_loss_mean"], 4, lang),
        "sweep_best_reached": f"{best['reached_100_percent']}/{best['runs']}",
        "sweep_best_e100": fmt_num(e100, 0, lang) if e100 is not None else "–",
    }


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The grid, the best cell, the slowest rate's best loss and how the activations fared."""
    settings, results = metrics["settings"], metrics["results"]
    f = {
        "sweep_runs": str(results["n_runs"]),
        "sweep_failed": str(results["n_failed"]),
        "sweep_seeds": str(settings["seeds_per_cell"]),
        "sweep_epochs": str(settings["epochs"]),
        "sweep_optimizer": settings["optimizer"],
        "sweep_batch": str(settings["batch_size"]),
        **_best_facts(results["best"], lang),
    }
    cells = results["cells"]
    slowest = min(settings["learning_rates"])
    slow = [c["final_train_loss_mean"] for c in cells if c["learning_rate"] == slowest]
    f["sweep_slow_rate"] = fmt_rate(slowest, lang)
    f["sweep_slow_loss"] = fmt_num(min((v for v in slow if v is not None), default=None), 3, lang)
    finished = [c for c in cells if c["test_accuracy_mean"] is not None]
    smooth = [c["test_accuracy_mean"] for c in finished if c["activation"] in ("sigmoid", "tanh")]
    f["sweep_smooth_best"] = fmt_pct(max(smooth, default=None), lang)
    relu = [c for c in finished if c["activation"] == "relu"]
    f["sweep_relu_good"] = str(sum(c["test_accuracy_mean"] >= 0.9 for c in relu))
    return f


def _row_order(cell: dict) -> tuple:
    """Depth first, then sigmoid, tanh, relu, then the rate."""
    return (len(cell["hidden_layers"]), _ACTIVATION_ORDER.get(cell["activation"], 3), cell["learning_rate"])


def cells(metrics: dict, text, lang: str) -> TableData:
    """Every cell of the grid: mean ± std over seeds of accuracies and loss, runs at 100 %."""
    rows = []
    for c in sorted(metrics["results"]["cells"], key=_row_order):
        e100 = c["epochs_to_100_percent_mean"]
        rows.append([
            Cell(", ".join(str(h) for h in c["hidden_layers"])),
            Cell(c["activation"]),
            Cell(fmt_g(c["learning_rate"], lang)),
            Cell(fmt_pm(c["test_accuracy_mean"], c["test_accuracy_std"], lang)),
            Cell(fmt_pm(c["train_accuracy_mean"], c["train_accuracy_std"], lang)),
            Cell(fmt_pm(c["final_train_loss_mean"], c["final_train_loss_std"], lang, pct=False, digits=3)),
            Cell(f"{c['reached_100_percent']}/{c['runs']}"
                 + (f" ({fmt_num(e100, 0, lang)})" if e100 is not None else "")),
        ])  # fmt: skip
    head = header(text, "col_hidden", "col_activation", "col_lr", "col_test_acc", "col_train_acc",
                  "col_final_loss", "col_reached")  # fmt: skip
    return TableData(head, rows, ["left", "left", "right", "right", "right", "right", "right"])


SECTION = Section(
    "sweep",
    (
        Heading(3, "h_sweep"),
        Para("sweep_setup"),
        Figure(sweep_lab.NAME, sweep_lab.FIG_HEATMAP, "cap_sweep_heatmap"),
        Para("sweep_result"),
        Table(cells, "cap_sweep_table"),
        Figure(sweep_lab.NAME, sweep_lab.FIG_CURVES, "cap_sweep_curves"),
        Para("sweep_discussion"),
        Code(SWEEP_CODE),
    ),
    facts,
    experiment=sweep_lab.NAME,
)
