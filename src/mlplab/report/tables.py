"""Tables of the report, made from the results and from the library's own code.

The task 1.2 tables come from :func:`mlplab.trace.sheet_trace` and the
gradient check at report time, never typed by hand; the experiment tables
from each experiment's ``metrics.json``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..mlp import MLP, gradient_check
from ..trace import SHEET_EXAMPLE, sheet_trace
from .text import fmt_num, fmt_pct, fmt_sci

__all__ = ["Cell", "Tables"]


@dataclass(frozen=True)
class Cell:
    """One table cell: plain text, or maths in both markups."""

    text: str = ""
    typst_math: str | None = None
    latex: str | None = None

    def markdown(self) -> str:
        if self.latex is not None:
            return f"${self.latex}$"
        return self.text.replace("|", "\\|")


def _symbol(key: str) -> Cell:
    """``'dL_dW2'`` → ∂L/∂W⁽²⁾ as maths."""
    if key == "loss":
        return Cell("L", "L", "L")
    if key == "y_hat":
        return Cell("ŷ", "hat(y)", r"\hat{y}")
    grad = key.startswith("dL_d")
    name = key[4:] if grad else key
    letter, number = name[0], name[1:]
    scalar = letter in "zb" and number == "3"  # the output unit's z and b are numbers
    typst_base = letter if scalar else f"bold({letter})"
    latex_base = letter if scalar else rf"\mathbf{{{letter}}}"
    typst_sym, latex_sym = f"{typst_base}^(({number}))", f"{latex_base}^{{({number})}}"
    if grad:
        return Cell(key, f"(partial L)/(partial {typst_sym})", rf"\partial L/\partial {latex_sym}")
    return Cell(key, typst_sym, latex_sym)


def _value(value, digits: int, lang: str) -> Cell:
    sep = "," if lang == "de" else "."

    def num(v: float) -> str:
        return f"{v:.{digits}f}".replace(".", sep)

    def typ(entry: str) -> str:  # quoted: a German decimal comma must not split a vector
        return '"' + entry.replace("-", "\u2212") + '"'

    if not isinstance(value, np.ndarray):
        text = num(float(value))
        return Cell(text, typ(text), text)
    if value.ndim == 1:
        entries = [num(v) for v in value]
        return Cell(
            "(" + "; ".join(entries) + ")ᵀ",
            "vec(" + ", ".join(typ(e) for e in entries) + ")",
            r"\begin{pmatrix}" + r" \\ ".join(entries) + r"\end{pmatrix}",
        )
    rows = [[num(v) for v in row] for row in value]
    return Cell(
        "[" + "; ".join(", ".join(r) for r in rows) + "]",
        "mat(" + "; ".join(", ".join(typ(e) for e in r) for r in rows) + ")",
        r"\begin{pmatrix}" + r" \\ ".join(" & ".join(r) for r in rows) + r"\end{pmatrix}",
    )


class Tables:
    """Makes each named table for one language from the results folder's metrics."""

    def __init__(self, metrics: dict[str, dict], text: dict[str, str], lang: str):
        self.metrics, self.text, self.lang = metrics, text, lang

    def make(self, name: str):
        """``(header, rows, align)`` of table ``name``."""
        return getattr(self, f"_table_{name}")()

    def _h(self, *keys: str) -> list[Cell]:
        return [Cell(self.text[k]) for k in keys]

    # ---------------------------------------------------------- task 1.2
    def _trace_rows(self, keys):
        trace = sheet_trace()
        return [[Cell(self.text[f"trace_task_{_task(k)}"]), _symbol(k), _value(trace[k], 6, self.lang)]
                for k in keys]  # fmt: skip

    def _table_trace_forward(self):
        keys = ["z1", "a1", "z2", "a2", "z3", "y_hat", "loss"]
        return self._h("col_task", "col_quantity", "col_value"), self._trace_rows(keys), None

    def _table_trace_backward(self):
        trace = sheet_trace()
        keys = [k for k in trace if k.startswith("dL_")]
        check = sheet_gradient_check()
        rows = []
        for row, key in zip(self._trace_rows(keys), keys):
            param = _parameter_of(key)
            error = check.errors.get(param) if param else None
            rows.append([*row, Cell(fmt_sci(error, self.lang) if error is not None else "")])
        header = self._h("col_task", "col_quantity", "col_value", "col_fd_error")
        return header, rows, None

    # ---------------------------------------------------------- versions
    def _table_versions(self):
        versions: dict[str, str] = {}
        for m in self.metrics.values():
            versions.update(m.get("versions", {}))
        rows = [[Cell(k), Cell(v)] for k, v in sorted(versions.items())]
        return self._h("col_package", "col_version"), rows, None

    def _table_seeds(self):
        rows = []
        for name, m in self.metrics.items():
            total = m.get("timings", {}).get("total")
            rows.append(
                [
                    Cell(name),
                    Cell(str(m.get("seed"))),
                    Cell(fmt_num(total, 1, self.lang) + " s" if total is not None else "–"),
                ]
            )
        return self._h("col_experiment", "col_seed", "col_time"), rows, ["left", "right", "right"]

    # ---------------------------------------------------------- experiments
    def _table_sweep(self):
        lang = self.lang
        order = {"sigmoid": 0, "tanh": 1, "relu": 2}
        cells = sorted(
            self.metrics["sweep"]["results"]["cells"],
            key=lambda c: (len(c["hidden_layers"]), order.get(c["activation"], 3), c["learning_rate"]),
        )
        rows = []
        for c in cells:
            e100 = c.get("epochs_to_100_percent_mean")
            rows.append([
                Cell(", ".join(str(h) for h in c["hidden_layers"])),
                Cell(c["activation"]),
                Cell(f"{c['learning_rate']:g}".replace(".", "," if lang == "de" else ".")),
                Cell(_pm(c["test_accuracy_mean"], c["test_accuracy_std"], lang)),
                Cell(_pm(c["train_accuracy_mean"], c["train_accuracy_std"], lang)),
                Cell(_pm(c["final_train_loss_mean"], c["final_train_loss_std"], lang, pct=False, digits=3)),
                Cell(f"{c['reached_100_percent']}/{c['runs']}"
                     + (f" ({fmt_num(e100, 0, lang)})" if e100 is not None else "")),
            ])  # fmt: skip
        header = self._h("col_hidden", "col_activation", "col_lr", "col_test_acc", "col_train_acc",
                         "col_final_loss", "col_reached")  # fmt: skip
        return header, rows, ["left", "left", "right", "right", "right", "right", "right"]

    def _table_init_training(self):
        training = self.metrics["init"]["results"]["training"]
        rows = []
        for scheme in ("xavier", "he", "zeros", "small", "large"):
            row = [Cell(self.text[f"init_scheme_{scheme}"])]
            for act in ("tanh", "relu"):
                entry = training[act][scheme]
                loss = entry.get("final_loss_mean")
                row.append(Cell(fmt_num(loss, 3, self.lang) if loss is not None else "–"))
                row.append(Cell(fmt_pct(entry.get("accuracy_mean"), self.lang, 0)))
            rows.append(row)
        header = self._h("col_init", "col_tanh_loss", "col_tanh_acc", "col_relu_loss", "col_relu_acc")
        return header, rows, ["left", "right", "right", "right", "right"]

    def _table_overfit(self):
        main = self.metrics["overfit"]["results"]["main_run"]
        rows = []
        for key in ("without_early_stopping", "early_stopping"):
            e = main[key]
            rows.append([
                Cell(self.text[f"of_{key}"]),
                Cell(str(e["epochs_run"])),
                Cell(fmt_sci(e["train_loss"], self.lang)),
                Cell(fmt_num(e["val_loss"], 3, self.lang)),
                Cell(fmt_num(e["test_loss"], 3, self.lang)),
                Cell(fmt_pct(e["test_accuracy"], self.lang)),
            ])  # fmt: skip
        header = self._h("col_model", "col_epochs", "col_train_loss", "col_val_loss", "col_test_loss",
                         "col_test_acc")  # fmt: skip
        return header, rows, ["left", "right", "right", "right", "right", "right"]

    def _table_lr(self):
        rows = []
        for run in self.metrics["lr"]["results"]["runs"]:
            final = run["final_loss"]
            rows.append([
                Cell(f"{run['learning_rate']:g}".replace(".", "," if self.lang == "de" else ".")),
                Cell(self.text[f"lr_class_{run['class']}"]),
                Cell(fmt_sci(final, self.lang) if final is not None else "–"),
                Cell(fmt_num(run.get("peak_loss"), 3, self.lang)),
                Cell(fmt_pct(run.get("accuracy"), self.lang, 0)),
            ])  # fmt: skip
        header = self._h("col_lr", "col_class", "col_final_loss", "col_peak_loss", "col_train_acc")
        return header, rows, ["right", "left", "right", "right", "right"]

    def _table_optimizers(self):
        m = self.metrics["optimizers"]
        per = m.get("timings", {}).get("per_optimizer", {})
        rows = []
        for key, run in m["results"]["optimizers"].items():
            seconds = per.get(key, {}).get("seconds")
            e = run["epochs_to_loss"].get("0.1")
            rows.append([
                Cell(run["label"]),
                Cell(fmt_sci(run["final_loss"], self.lang)),
                Cell(str(e) if e is not None else "–"),
                Cell(fmt_pct(run["test_accuracy"], self.lang)),
                Cell(fmt_num(seconds, 2, self.lang) + " s" if seconds is not None else "–"),
            ])  # fmt: skip
        header = self._h("col_optimizer", "col_final_loss", "col_epochs_01", "col_test_acc", "col_wall")
        return header, rows, ["left", "right", "right", "right", "right"]

    def _table_l2(self):
        rows = []
        for row in self.metrics["optimizers"]["results"]["l2"]:
            rows.append([
                Cell(f"{row['l2']:g}".replace(".", "," if self.lang == "de" else ".")),
                Cell(fmt_num(row["weight_norm"], 3, self.lang) if row["weight_norm"] < 10
                     else fmt_num(row["weight_norm"], 0, self.lang)),
                Cell(fmt_sci(row["data_loss"], self.lang)),
                Cell(fmt_pct(row["train_accuracy"], self.lang)),
                Cell(fmt_pct(row["test_accuracy"], self.lang)),
            ])  # fmt: skip
        header = self._h("col_lambda", "col_weight_norm", "col_data_loss", "col_train_acc", "col_test_acc")
        return header, rows, ["right", "right", "right", "right", "right"]

    def _table_xor_success(self):
        rates = self.metrics["xor"]["results"]["success_rate"]
        rows = []
        for activation, entry in rates.items():
            median = entry.get("median_epochs_to_100_percent")
            rows.append([
                Cell(activation),
                Cell(f"{entry['solved']}/{entry['seeds']}"),
                Cell(fmt_pct(entry["rate"], self.lang, 0)),
                Cell(fmt_num(median, 0, self.lang) if median is not None else "–"),
            ])  # fmt: skip
        header = self._h("col_activation", "col_solved", "col_rate", "col_median_epochs")
        return header, rows, ["left", "right", "right", "right"]


def _pm(mean, std, lang: str, pct: bool = True, digits: int = 1) -> str:
    if mean is None:
        return "–"
    if pct:
        text = fmt_pct(mean, lang, digits)
        return text if std is None else f"{text} ± {fmt_num(100 * std, digits, lang)}"
    text = fmt_num(mean, digits, lang)
    return text if std is None else f"{text} ± {fmt_num(std, digits, lang)}"


def _task(key: str) -> str:
    if key == "loss":
        return "b"
    return "c" if key.startswith("dL_") else "a"


def _parameter_of(key: str) -> str | None:
    """``'dL_dW2'`` → ``'W2'``; ``'dL_dw3'`` → ``'W3'``; activations' gradients → None."""
    name = key[4:]
    if name[0] in "Ww":
        return "W" + name[1:]
    if name[0] == "b":
        return name
    return None


def sheet_gradient_check():
    """The finite-difference check of the sheet's network on its example."""
    ex = SHEET_EXAMPLE
    model = MLP([2, 3, 2, 1]).set_weights(ex["weights"], ex["biases"])
    return gradient_check(model, [ex["x"]], [ex["y"]])
