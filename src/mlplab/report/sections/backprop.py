"""Section 1: backpropagation, derived (task 1.1) and on the sheet's numbers (task 1.2).

The numbers come from :func:`mlplab.trace.sheet_trace` and the library's
gradient check at report time, never typed by hand; no experiment is needed.
"""

from __future__ import annotations

import numpy as np

from ...mlp import MLP, gradient_check
from ...trace import SHEET_EXAMPLE, sheet_trace
from ..blocks import Cell, Code, Equation, Heading, Para, Table, TableData
from ..text import fmt_num, fmt_sci
from .base import Section, header

__all__ = ["SECTION", "sheet_gradient_check"]

#: the layer sizes of the sheet's network, [2, 3, 2, 1], read off its weights
SHEET_SIZES = [len(SHEET_EXAMPLE["x"])] + [len(w) for w in SHEET_EXAMPLE["weights"]]

TRACE_CODE = """\
from mlplab.trace import format_trace, sheet_trace

trace = sheet_trace()          # the library's own layers, one sample of the sheet
print(format_trace(trace))     # task 1.2 (a), (b), (c)
"""

GRADCHECK_CODE = f"""\
from mlplab import MLP, gradient_check
from mlplab.trace import SHEET_EXAMPLE as ex

model = MLP({SHEET_SIZES}).set_weights(ex["weights"], ex["biases"])
check = gradient_check(model, [ex["x"]], [ex["y"]])
{{name: f"{{error:.1e}}" for name, error in check.errors.items()}}
"""


def sheet_gradient_check():
    """The finite-difference check of the sheet's network on its example."""
    ex = SHEET_EXAMPLE
    model = MLP(SHEET_SIZES).set_weights(ex["weights"], ex["biases"])
    return gradient_check(model, [ex["x"]], [ex["y"]])


def facts(data, lang: str) -> dict[str, str]:
    """The output, loss and output error of the trace, and the gradient check's largest error."""
    trace = sheet_trace()
    return {
        "trace_yhat": fmt_num(trace["y_hat"], 6, lang),
        "trace_loss": fmt_num(trace["loss"], 6, lang),
        "trace_dz3": fmt_num(trace["dL_dz3"], 6, lang),
        "gradcheck_max": fmt_sci(sheet_gradient_check().max_error, lang),
    }


# ------------------------------------------------------------------ tables
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
    """A number, vector or matrix of the trace as text and as maths."""
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


def _task(key: str) -> str:
    """The part of task 1.2 that asks for the trace's entry ``key``."""
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


def _trace_rows(keys, text, lang: str) -> list[list[Cell]]:
    trace = sheet_trace()
    return [[Cell(text[f"trace_task_{_task(k)}"]), _symbol(k), _value(trace[k], 6, lang)] for k in keys]


def trace_forward(data, text, lang: str) -> TableData:
    """Task 1.2 (a) and (b): every quantity of the forward pass, and the loss."""
    keys = ["z1", "a1", "z2", "a2", "z3", "y_hat", "loss"]
    return TableData(header(text, "col_task", "col_quantity", "col_value"), _trace_rows(keys, text, lang))


def trace_backward(data, text, lang: str) -> TableData:
    """Task 1.2 (c): every gradient, with the finite-difference error of each parameter's."""
    keys = [k for k in sheet_trace() if k.startswith("dL_")]
    check = sheet_gradient_check()
    rows = []
    for row, key in zip(_trace_rows(keys, text, lang), keys):
        param = _parameter_of(key)
        error = check.errors.get(param) if param else None
        rows.append([*row, Cell(fmt_sci(error, lang) if error is not None else "")])
    return TableData(header(text, "col_task", "col_quantity", "col_value", "col_fd_error"), rows)


# ------------------------------------------------------------------ blocks
DERIVATION = (
    Heading(1, "h_backprop"),
    Heading(2, "h_derivation"),
    Para("derivation_intro"),
    Equation("architecture"),
    Equation("bce"),
    Para("derivation_sigmoid"),
    Equation("sigmoid_derivative"),
    Heading(3, "h_task_a"),
    Para("derivation_a"),
    Equation("dL_dyhat"),
    Equation("dL_dz3"),
    Para("derivation_a_note"),
    Heading(3, "h_task_b"),
    Para("derivation_b"),
    Equation("dL_dw3"),
    Heading(3, "h_task_c"),
    Para("derivation_c"),
    Equation("dL_da2"),
    Heading(3, "h_task_d"),
    Para("derivation_d"),
    Equation("dL_dz2"),
    Para("derivation_d2"),
    Equation("dL_dW2"),
    Heading(3, "h_task_e"),
    Para("derivation_e"),
    Equation("dL_da1"),
    Equation("dL_dW1"),
    Para("derivation_general"),
    Equation("recursion"),
    Heading(3, "h_batch"),
    Para("derivation_batch"),
    Equation("batch_forward"),
    Equation("batch_backward"),
    Para("derivation_batch_note"),
)

NUMERIC = (
    Heading(2, "h_numeric"),
    Para("numeric_intro"),
    Code(TRACE_CODE),
    Table(trace_forward, "cap_trace_forward"),
    Para("numeric_forward_note"),
    Table(trace_backward, "cap_trace_backward"),
    Para("numeric_backward_note"),
    Code(GRADCHECK_CODE),
)

SECTION = Section("backprop", DERIVATION + NUMERIC, facts)
