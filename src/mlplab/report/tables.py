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
            total = sum(v for v in m.get("timings", {}).values() if isinstance(v, (int, float)))
            rows.append([Cell(name), Cell(str(m.get("seed"))), Cell(fmt_num(total, 1, self.lang) + " s")])
        return self._h("col_experiment", "col_seed", "col_time"), rows, ["left", "right", "right"]

    # ---------------------------------------------------------- XOR
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
