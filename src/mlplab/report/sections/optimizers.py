"""Section 4 (bonus): momentum, RMSprop and Adam against SGD, and L2 regularisation."""

from __future__ import annotations

import numpy as np

from ...lab import _data as data_lab
from ...lab import optimizers as opt_lab
from ..blocks import Cell, Code, Equation, Figure, Heading, Para, Table, TableData
from ..text import fmt_g, fmt_num, fmt_pct, fmt_rate, fmt_sci
from .base import Section, header

__all__ = ["SECTION"]

#: the loss target whose first epoch the prose and the table quote (a key of ``epochs_to_loss``)
_TARGET = "0.1"

# one run per optimiser at the rate that suits it: the lab's runs named after their optimiser
_RATES = ", ".join(f'("{key}", {rate!r})' for key, optimizer, rate, _ in opt_lab.RUNS if key == optimizer)

OPT_CODE = f"""\
from mlplab import MLP
from mlplab.datasets import make_spirals

X, y = make_spirals({data_lab.N_SAMPLES}, {data_lab.NOISE}, seed=0)
X = X / ({data_lab.SPIRAL_SCALE / np.pi:g} * np.pi)
for name, rate in [{_RATES}]:
    model = MLP([2, 32, 16, 8, 1], "relu", rate, optimizer=name, seed=0)
    history = model.train(X, y, epochs=100, batch_size=32)
    print(f"{{name:9s}} loss after 100 epochs: {{history.train_loss[-1]:.4f}}")
"""


def _lambda(value: float, lang: str) -> str:
    return fmt_rate(value, lang) or "0"


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """Per optimiser its final loss, epochs to the target and rate; the λ grid and its extremes."""
    results = metrics["results"]
    f = {}
    for key, *_ in opt_lab.RUNS:
        run = results["optimizers"][key]
        f[f"opt_{key}_loss"] = fmt_sci(run["final_loss"], lang)
        epochs = run["epochs_to_loss"][_TARGET]
        f[f"opt_{key}_e01"] = str(epochs) if epochs is not None else "–"
        f[f"opt_{key}_lr"] = fmt_rate(run["learning_rate"], lang)
    l2 = results["l2"]
    f["opt_l2_values"] = ", ".join(_lambda(row["l2"], lang) for row in l2)
    f["opt_l2_norm_first"] = fmt_num(l2[0]["weight_norm"], 0, lang)
    f["opt_l2_norm_last"] = fmt_sci(l2[-1]["weight_norm"], lang)
    f["opt_l2_last"] = fmt_rate(l2[-1]["l2"], lang)
    f["opt_l2_last_acc"] = fmt_pct(l2[-1]["test_accuracy"], lang, 0)
    return f


def comparison(metrics: dict, text, lang: str) -> TableData:
    """Per optimiser: final loss, epochs to the target, test accuracy and wall time."""
    per_run = metrics.get("timings", {}).get("per_optimizer", {})  # timings are optional
    rows = []
    for key, *_ in opt_lab.RUNS:
        run = metrics["results"]["optimizers"][key]
        seconds = per_run.get(key, {}).get("seconds")
        epochs = run["epochs_to_loss"][_TARGET]
        rows.append([
            Cell(run["label"]),
            Cell(fmt_sci(run["final_loss"], lang)),
            Cell(str(epochs) if epochs is not None else "–"),
            Cell(fmt_pct(run["test_accuracy"], lang)),
            Cell(fmt_num(seconds, 2, lang) + " s" if seconds is not None else "–"),
        ])  # fmt: skip
    head = header(text, "col_optimizer", "col_final_loss", "col_epochs_01", "col_test_acc", "col_wall")
    return TableData(head, rows, ["left", "right", "right", "right", "right"])


def l2(metrics: dict, text, lang: str) -> TableData:
    """Per λ: the weight norm Σ‖W‖², the data loss and the accuracies."""
    rows = []
    for row in metrics["results"]["l2"]:
        norm = row["weight_norm"]
        rows.append([
            Cell(fmt_g(row["l2"], lang)),
            Cell(fmt_num(norm, 3, lang) if norm < 10 else fmt_num(norm, 0, lang)),
            Cell(fmt_sci(row["data_loss"], lang)),
            Cell(fmt_pct(row["train_accuracy"], lang)),
            Cell(fmt_pct(row["test_accuracy"], lang)),
        ])  # fmt: skip
    head = header(text, "col_lambda", "col_weight_norm", "col_data_loss", "col_train_acc", "col_test_acc")
    return TableData(head, rows, ["right", "right", "right", "right", "right"])


SECTION = Section(
    "optimizers",
    (
        Heading(1, "h_bonus"),
        Heading(2, "h_momentum"),
        Equation("momentum"),
        Para("opt_momentum"),
        Heading(2, "h_adaptive"),
        Equation("rmsprop"),
        Equation("adam"),
        Para("opt_adaptive"),
        Figure(opt_lab.NAME, opt_lab.FIG_CURVES, "cap_opt_curves"),
        Table(comparison, "cap_opt_table"),
        Para("opt_result"),
        Heading(2, "h_l2"),
        Equation("l2"),
        Para("opt_l2_text"),
        Table(l2, "cap_l2_table"),
        Figure(opt_lab.NAME, opt_lab.FIG_L2_BOUNDARIES, "cap_l2_boundaries"),
        Figure(opt_lab.NAME, opt_lab.FIG_L2_NORMS, "cap_l2_norms", width="60%"),
        Para("opt_l2_discussion"),
        Code(OPT_CODE),
    ),
    facts,
    experiment=opt_lab.NAME,
)
