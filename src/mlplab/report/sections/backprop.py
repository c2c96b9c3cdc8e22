"""Section 1: backpropagation, derived (task 1.1) and on the sheet's numbers (task 1.2).

The numbers come from :func:`mlplab.trace.sheet_trace` and the library's
gradient check at report time, never typed by hand; no experiment is needed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ...mlp import MLP, gradient_check
from ...trace import SHEET_EXAMPLE, sheet_trace
from ..blocks import Cell, Claim, Code, Equation, Heading, Para, Table, TableData
from ..text import fmt_num, fmt_sci
from .base import Section, header

__all__ = [
    "SECTION",
    "WORKED_STEPS",
    "Operand",
    "Step",
    "error_factors",
    "evaluate",
    "sheet_gradient_check",
    "worked_path",
]

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
    f = {
        "trace_yhat": fmt_num(trace["y_hat"], 6, lang),
        "trace_loss": fmt_num(trace["loss"], 6, lang),
        "trace_dz3": fmt_num(trace["dL_dz3"], 6, lang),
        "gradcheck_max": fmt_sci(sheet_gradient_check().max_error, lang),
        "trace_norm_dz3": _significant(abs(trace["dL_dz3"]), lang),
        "trace_norm_dz2": _significant(float(np.linalg.norm(trace["dL_dz2"])), lang),
        "trace_norm_dz1": _significant(float(np.linalg.norm(trace["dL_dz1"])), lang),
    }
    factors = error_factors(trace)
    for position, layer in enumerate((2, 1)):  # layer l: from δ⁽ˡ⁺¹⁾ to δ⁽ˡ⁾
        f[f"trace_factor_{layer}"] = fmt_num(factors["total"][position], 2, lang)
        f[f"trace_factor_w_{layer}"] = fmt_num(factors["weights"][position], 2, lang)
        f[f"trace_factor_s_{layer}"] = fmt_num(factors["sigmoid"][position], 2, lang)
        f[f"trace_sp_max_{layer}"] = fmt_num(factors["sigma_prime_max"][position], 4, lang)
    return f


# ------------------------------------------------------------------ one path, worked
@dataclass(frozen=True)
class Operand:
    """A number of the worked path and where it comes from.

    ``source`` names an entry of the trace (``'a1'``, ``'dL_dz2'``) or a given of
    the sheet (``'x'``, ``'y'``, ``'W1'``, ``'b1'``, …, ``'w3'``, ``'b3'``);
    ``index`` picks the element. Givens are shown as the sheet writes them, the
    trace's numbers to four significant digits.
    """

    source: str
    index: tuple[int, ...] = ()

    @property
    def given(self) -> bool:
        return self.source in _GIVENS

    def value(self, trace: dict) -> float:
        """The full-precision number: from the sheet's example or from ``trace``."""
        ex = SHEET_EXAMPLE
        if self.source in _GIVENS:
            layer = int(self.source[1:]) - 1 if self.source[0] in "Wwb" else None
            raw = {
                "x": ex["x"],
                "y": ex["y"],
                "W": None if layer is None else ex["weights"][layer],
                "w": None if layer is None else ex["weights"][layer][0],
                "b": None if layer is None else ex["biases"][layer],
            }[self.source[0]]
        else:
            raw = trace[self.source]
        return float(np.asarray(raw, dtype=float)[self.index])


_GIVENS = ("x", "y", "W1", "b1", "W2", "b2", "w3", "b3")


@dataclass(frozen=True)
class Step:
    """One line of the worked path: ``symbol = formula = numbers = result``.

    ``kind`` says how ``result`` follows from ``operands`` (see :func:`evaluate`);
    ``symbol`` and ``formula`` are (Typst, LaTeX) pairs; ``result`` is the
    trace's entry that the step computes.
    """

    symbol: tuple[str, str]
    formula: tuple[str, str]
    kind: str
    operands: tuple[Operand, ...]
    result: Operand


def evaluate(kind: str, values) -> float:
    """The right-hand side of a step of ``kind`` from its operands' values.

    ``affine``: w₁a₁ + … + wₖaₖ + b; ``sigmoid``: σ(z); ``bce``: −[y ln ŷ + (1 − y) ln(1 − ŷ)]
    for (y, ŷ); ``difference``: u − v; ``product``: u · v; ``dot``: w₁δ₁ + … + wₖδₖ for
    (w₁, δ₁, …); ``sigmoid_delta``: g · a(1 − a) for (g, a), the error through σ′ = a(1 − a).
    """
    v = [float(x) for x in values]
    if kind == "affine":
        return sum(w * a for w, a in zip(v[:-1:2], v[1:-1:2])) + v[-1]
    if kind == "sigmoid":
        return 1.0 / (1.0 + math.exp(-v[0]))
    if kind == "bce":
        y, y_hat = v
        return -(y * math.log(y_hat) + (1.0 - y) * math.log(1.0 - y_hat))
    if kind == "difference":
        return v[0] - v[1]
    if kind == "product":
        return v[0] * v[1]
    if kind == "dot":
        return sum(w * d for w, d in zip(v[::2], v[1::2]))
    if kind == "sigmoid_delta":
        return v[0] * v[1] * (1.0 - v[1])
    raise ValueError(f"unknown step kind {kind!r}")


def _sym(letter: str, layer: int | None, *index: int, bold: bool = False) -> tuple[str, str]:
    """``z``, layer 1, unit 1 → z₁⁽¹⁾ as (Typst, LaTeX)."""
    sub = "".join(str(i) for i in index)
    typst, latex = letter, letter
    if sub:
        typst, latex = f"{letter}_({sub})", f"{letter}_{{{sub}}}"
    if layer is not None:
        typst, latex = f"{typst}^(({layer}))", f"{latex}^{{({layer})}}"
    return typst, latex


def _grad(symbol: tuple[str, str]) -> tuple[str, str]:
    return f"(partial L)/(partial {symbol[0]})", rf"\frac{{\partial L}}{{\partial {symbol[1]}}}"


def _grad_inline(symbol: tuple[str, str]) -> tuple[str, str]:
    """∂L/∂a as a slash fraction, to stay on one line inside a product."""
    return f"partial L \\/ partial {symbol[0]}", rf"\partial L/\partial {symbol[1]}"


def _sum(*parts: tuple[str, str], sep: str = " + ") -> tuple[str, str]:
    return sep.join(p[0] for p in parts), sep.join(p[1] for p in parts)


def _times(*parts: tuple[str, str]) -> tuple[str, str]:
    return " ".join(p[0] for p in parts), " ".join(p[1] for p in parts)


def _affine_formula(
    weight: str, layer: int, unit: int | None, inputs: list[tuple[str, str]], bias_layer: int
):
    w_unit = () if unit is None else (unit,)
    terms = [_times(_sym(weight, layer, *w_unit, j + 1), a) for j, a in enumerate(inputs)]
    return _sum(*terms, _sym("b", bias_layer, *w_unit))


def _sig_formula(z: tuple[str, str]) -> tuple[str, str]:
    return f"sigma({z[0]})", rf"\sigma({z[1]})"


def _one_minus(a: tuple[str, str]) -> tuple[str, str]:
    return f"(1 - {a[0]})", f"(1 - {a[1]})"


_BCE_FORMULA = (r"-[y ln hat(y) + (1 - y) ln(1 - hat(y))]", r"-[y \ln\hat{y} + (1-y)\ln(1-\hat{y})]")


def _steps() -> tuple[tuple[Step, ...], tuple[Step, ...]]:
    """The worked path: unit 1 of every layer forwards, the matching gradients backwards."""
    x = [_sym("x", None, j) for j in (1, 2)]
    a1 = [_sym("a", 1, j) for j in (1, 2, 3)]
    a2 = [_sym("a", 2, j) for j in (1, 2)]
    z11, z21, z3 = _sym("z", 1, 1), _sym("z", 2, 1), _sym("z", 3)
    d3, d21, d11 = _sym("delta", 3), _sym("delta", 2, 1), _sym("delta", 1, 1)
    y_hat, y = ("hat(y)", r"\hat{y}"), ("y", "y")
    # written as sums, so that the rows fit the page next to their numbers
    back = ("scripts(sum)_(i=1)^2 W_(i 1)^((2)) delta_(i)^((2))",
            r"\sum\nolimits_{i=1}^{2} W_{i1}^{(2)} \delta_{i}^{(2)}")  # fmt: skip
    z2_sum = ("scripts(sum)_(j=1)^3 W_(1 j)^((2)) a_(j)^((1)) + b_(1)^((2))",
              r"\sum\nolimits_{j=1}^{3} W_{1j}^{(2)} a_{j}^{(1)} + b_{1}^{(2)}")  # fmt: skip
    o = Operand
    forward = (
        Step(z11, _affine_formula("W", 1, 1, x, 1), "affine",
             (o("W1", (0, 0)), o("x", (0,)), o("W1", (0, 1)), o("x", (1,)), o("b1", (0,))), o("z1", (0,))),
        Step(a1[0], _sig_formula(z11), "sigmoid", (o("z1", (0,)),), o("a1", (0,))),
        Step(z21, z2_sum, "affine",
             (o("W2", (0, 0)), o("a1", (0,)), o("W2", (0, 1)), o("a1", (1,)), o("W2", (0, 2)), o("a1", (2,)),
              o("b2", (0,))), o("z2", (0,))),
        Step(a2[0], _sig_formula(z21), "sigmoid", (o("z2", (0,)),), o("a2", (0,))),
        Step(z3, _affine_formula("w", 3, None, a2, 3), "affine",
             (o("w3", (0,)), o("a2", (0,)), o("w3", (1,)), o("a2", (1,)), o("b3", (0,))), o("z3")),
        Step(y_hat, _sig_formula(z3), "sigmoid", (o("z3"),), o("y_hat")),
        Step(("L", "L"), _BCE_FORMULA, "bce", (o("y"), o("y_hat")), o("loss")),
    )  # fmt: skip
    backward = (
        Step(d3, _sum(y_hat, y, sep=" - "), "difference", (o("y_hat"), o("y")), o("dL_dz3")),
        Step(_grad(_sym("w", 3, 1)), _times(d3, a2[0]), "product", (o("dL_dz3"), o("a2", (0,))),
             o("dL_dw3", (0,))),
        Step(_grad(a2[0]), _times(d3, _sym("w", 3, 1)), "product", (o("dL_dz3"), o("w3", (0,))),
             o("dL_da2", (0,))),
        Step(d21, _times(_grad_inline(a2[0]), a2[0], _one_minus(a2[0])), "sigmoid_delta",
             (o("dL_da2", (0,)), o("a2", (0,))), o("dL_dz2", (0,))),
        Step(_grad(_sym("W", 2, 1, 1)), _times(d21, a1[0]), "product", (o("dL_dz2", (0,)), o("a1", (0,))),
             o("dL_dW2", (0, 0))),
        Step(_grad(a1[0]), back, "dot",
             (o("W2", (0, 0)), o("dL_dz2", (0,)), o("W2", (1, 0)), o("dL_dz2", (1,))), o("dL_da1", (0,))),
        Step(d11, _times(_grad_inline(a1[0]), a1[0], _one_minus(a1[0])), "sigmoid_delta",
             (o("dL_da1", (0,)), o("a1", (0,))), o("dL_dz1", (0,))),
        Step(_grad(_sym("W", 1, 1, 1)), _times(d11, x[0]), "product", (o("dL_dz1", (0,)), o("x", (0,))),
             o("dL_dW1", (0, 0))),
    )  # fmt: skip
    return forward, backward


#: the worked path of task 1.2: (forward steps, backward steps)
WORKED_STEPS = _steps()


def shown(value: float, given: bool) -> float:
    """The number as the worked path prints it: a given as is, a computed one to 4 significant digits."""
    return value if given else float(_digits_text(value))


def _significant(value: float, lang: str) -> str:
    """Four significant digits, with a decimal comma in German."""
    text = _digits_text(value)
    return text.replace(".", ",") if lang == "de" else text


def _digits_text(value: float) -> str:
    if value == 0:
        return "0"
    decimals = max(0, 3 - math.floor(math.log10(abs(value))))
    return f"{value:.{decimals}f}"


def _number(value: float, given: bool, lang: str, paren: bool) -> tuple[str, str]:
    """A number of the worked path as (Typst, LaTeX); negative ones in brackets where ``paren``."""
    text = f"{value:g}" if given else _digits_text(value)
    typst_text = text.replace("-", "\u2212")
    latex_text = text
    if lang == "de":
        typst_text, latex_text = typst_text.replace(".", ","), latex_text.replace(".", "{,}")
    typst, latex = f'"{typst_text}"', latex_text
    if paren and value < 0:
        typst, latex = f"({typst})", f"({latex})"
    return typst, latex


def _substituted(step: Step, trace: dict, lang: str) -> tuple[str, str]:
    """The step's right-hand side with its operands' numbers (as printed) in the places of the symbols."""
    nums = [_number(op.value(trace), op.given, lang, paren=True) for op in step.operands]
    first = [_number(op.value(trace), op.given, lang, paren=False) for op in step.operands]
    dot = (" dot ", r" \cdot ")

    def prod(*parts):
        return tuple(dot[i].join(p[i] for p in parts) for i in (0, 1))

    def plus(*parts):
        return tuple(" + ".join(p[i] for p in parts) for i in (0, 1))

    if step.kind in ("affine", "dot"):
        pairs = list(zip(nums[0::2], nums[1::2]))
        terms = [prod(first[0] if i == 0 else w, a) for i, (w, a) in enumerate(pairs)]
        return plus(*terms) if step.kind == "dot" else plus(*terms, nums[-1])  # zip leaves out the bias
    if step.kind == "sigmoid":
        return f"sigma({first[0][0]})", rf"\sigma({first[0][1]})"
    if step.kind == "bce":
        (yt, yl), (ht, hl) = first[0], first[1]
        return (f"-[{yt} dot ln {ht} + (1 - {yt}) dot ln(1 - {ht})]",
                rf"-[{yl} \cdot \ln {hl} + (1 - {yl}) \cdot \ln(1 - {hl})]")  # fmt: skip
    if step.kind == "difference":
        return f"{first[0][0]} - {nums[1][0]}", f"{first[0][1]} - {nums[1][1]}"
    if step.kind == "product":
        return prod(first[0], nums[1])
    if step.kind == "sigmoid_delta":
        g, a = first[0], nums[1]
        return prod(g, a, (f"(1 - {a[0]})", f"(1 - {a[1]})"))
    raise ValueError(f"unknown step kind {step.kind!r}")


def worked_path(trace: dict | None = None) -> list[dict]:
    """Every step of the worked path with its numbers: operands and result in full and as printed.

    Returns
    -------
    list of dict
        ``kind``, ``operands`` (full precision), ``shown_operands`` (as printed),
        ``result`` (the trace's entry) and ``shown_result``, in the order of the table.
    """
    trace = sheet_trace() if trace is None else trace
    out = []
    for step in (*WORKED_STEPS[0], *WORKED_STEPS[1]):
        values = [op.value(trace) for op in step.operands]
        result = step.result.value(trace)
        out.append({
            "kind": step.kind,
            "operands": values,
            "shown_operands": [shown(v, op.given) for v, op in zip(values, step.operands)],
            "result": result,
            "shown_result": shown(result, False),
        })  # fmt: skip
    return out


def _worked_rows(steps: tuple[Step, ...], lang: str) -> list[list[Cell]]:
    trace = sheet_trace()
    rows = []
    for step in steps:
        result = _number(step.result.value(trace), False, lang, paren=False)
        numbers = _substituted(step, trace, lang)
        rows.append([
            Cell(step.symbol[1], f"{step.symbol[0]} = {step.formula[0]}",
                 f"{step.symbol[1]} = {step.formula[1]}"),
            Cell("", f"= {numbers[0]} = {result[0]}", f"= {numbers[1]} = {result[1]}"),
        ])  # fmt: skip
    return rows


def worked_forward(data, text, lang: str) -> TableData:
    """Task 1.2 (a), (b) for one path: unit 1 of each layer, with the sheet's numbers substituted."""
    return TableData(header(text, "col_formula", "col_numbers"), _worked_rows(WORKED_STEPS[0], lang))


def worked_backward(data, text, lang: str) -> TableData:
    """Task 1.2 (c) for the same path: δ⁽³⁾, one gradient entry of every layer."""
    return TableData(header(text, "col_formula", "col_numbers"), _worked_rows(WORKED_STEPS[1], lang))


# ------------------------------------------------------------------ the error, layer by layer
def error_factors(trace: dict | None = None) -> dict[str, list[float]]:
    """How the error shrinks on its way back, per layer, split into the weights' and the sigmoid's part.

    For l = 2, 1: ``total[l]`` = ‖δ⁽ˡ⁺¹⁾‖/‖δ⁽ˡ⁾‖ (the sheet's δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾),
    ``weights`` = ‖δ⁽ˡ⁺¹⁾‖/‖∂L/∂a⁽ˡ⁾‖ (back through W⁽ˡ⁺¹⁾ᵀ) and ``sigmoid`` =
    ‖∂L/∂a⁽ˡ⁾‖/‖δ⁽ˡ⁾‖ (through σ′(z⁽ˡ⁾)); total = weights · sigmoid. Lists from
    the top layer down; ``sigma_prime_max`` is the largest σ′(z⁽ˡ⁾) of each layer.
    """
    trace = sheet_trace() if trace is None else trace
    out: dict[str, list[float]] = {"total": [], "weights": [], "sigmoid": [], "sigma_prime_max": []}
    for layer in (2, 1):
        upper = np.linalg.norm(np.atleast_1d(trace[f"dL_dz{layer + 1}"]))
        through_w = np.linalg.norm(trace[f"dL_da{layer}"])
        lower = np.linalg.norm(trace[f"dL_dz{layer}"])
        a = np.asarray(trace[f"a{layer}"])
        out["total"].append(float(upper / lower))
        out["weights"].append(float(upper / through_w))
        out["sigmoid"].append(float(through_w / lower))
        out["sigma_prime_max"].append(float(np.max(a * (1 - a))))
    return out


def choose_error_trend(factors: dict[str, list[float]]) -> str:
    """``numeric_error_shrinks`` if the error shrinks at every layer, ``_grows`` if it grows at every one."""
    total = factors["total"]
    if all(f > 1 for f in total):
        return "numeric_error_shrinks"
    if all(f < 1 for f in total):
        return "numeric_error_grows"
    return "numeric_error_mixed"


def choose_error_cause(factors: dict[str, list[float]]) -> str:
    """Which part shrinks the error more in every layer: the sigmoid's derivative or the weights."""
    if all(s > w for s, w in zip(factors["sigmoid"], factors["weights"])):
        return "numeric_cause_sigmoid"
    if all(w > s for s, w in zip(factors["sigmoid"], factors["weights"])):
        return "numeric_cause_weights"
    return "numeric_cause_both"


def _error_trend(data) -> str:
    return choose_error_trend(error_factors())  # the trace, not the results: the same for every run


def _error_cause(data) -> str:
    return choose_error_cause(error_factors())


ERROR_TREND = Claim(("numeric_error_shrinks", "numeric_error_grows", "numeric_error_mixed"), _error_trend)
ERROR_CAUSE = Claim(("numeric_cause_sigmoid", "numeric_cause_weights", "numeric_cause_both"), _error_cause)


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
    Para("numeric_worked_intro"),
    Table(worked_forward, "cap_worked_forward"),
    Table(worked_backward, "cap_worked_backward"),
    ERROR_TREND,
    ERROR_CAUSE,
    Code(GRADCHECK_CODE),
)

SECTION = Section("backprop", DERIVATION + NUMERIC, facts)
