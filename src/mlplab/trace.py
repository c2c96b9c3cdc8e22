"""Every intermediate of one forward and backward pass (the sheet's task 1.2).

:func:`trace_pass` runs the library's own layers on one sample, layer by
layer, and records what each one computes: ``z^(l)``, ``a^(l)``, ``ŷ``, the
loss and every gradient in the order backpropagation produces them. The
numbers in the report and in ``mlplab trace`` come from here, so they are the
numbers the library computes, not a second implementation.

Key names follow the sheet: ``z1, a1, ..., zL, y_hat, loss, dL_dzL, ...``. A
one-unit output layer is written like the sheet's ``w^(3)``: ``zL``,
``y_hat``, ``dL_dzL`` and ``dL_dbL`` are numbers and ``dL_dwL`` (lower-case
``w``) is a vector; hidden layers have matrices ``dL_dW1`` shaped like ``W1``.
"""

from __future__ import annotations

import json
import numbers
from collections.abc import Sequence

import numpy as np

from .nn.activations import get_activation
from .nn.checks import as_real_array, check_labels, short_repr
from .nn.heads import get_head
from .nn.losses import get_loss
from .nn.network import Linear, Network

__all__ = ["SHEET_EXAMPLE", "format_trace", "sheet_trace", "trace_pass", "trace_to_json"]

#: The sheet's task 1.2: x, y and the weights of the [2, 3, 2, 1] sigmoid network.
SHEET_EXAMPLE: dict = {
    "x": [0.5, 0.8],
    "y": 1,
    "weights": [
        [[0.2, 0.1], [-0.3, 0.4], [0.6, -0.2]],
        [[0.4, -0.1, 0.3], [0.2, 0.5, -0.4]],
        [[0.6, -0.3]],
    ],
    "biases": [[0.1, -0.2, 0.3], [0.1, -0.1], [0.2]],
    "activation": "sigmoid",
}


def trace_pass(weights: Sequence, biases: Sequence, x, y, activation: str = "sigmoid") -> dict:
    """Forward and backward pass of one sample, with every intermediate.

    Parameters
    ----------
    weights : list of array-like
        ``weights[l]`` of shape ``(n_out, n_in)``; a one-unit output layer may
        be given as a vector (the sheet's ``w^(3)``).
    biases : list of array-like
        ``biases[l]`` of shape ``(n_out,)`` (a number for one unit).
    x : array-like of shape (n_features,)
    y : int
        The label (0/1 for one output unit).
    activation : str
        Activation of the hidden layers.

    Every argument is checked (finite real numbers, matching shapes) with an
    error naming it, e.g. ``weights[1]`` or ``x``.

    Returns
    -------
    dict
        ``{'z1': ..., 'a1': ..., 'y_hat': ..., 'loss': ..., 'dL_dz3': ..., ...}``,
        NumPy arrays (vectors and matrices) and floats, in the order computed.
    """
    for name, value in (("weights", weights), ("biases", biases)):
        if not isinstance(value, Sequence) or isinstance(value, (str, bytes)):
            raise TypeError(f"{name} must be a list of arrays, one per layer, got {short_repr(value)}")
    if len(weights) != len(biases):
        raise ValueError(
            f"weights and biases must be lists of the same length, got {len(weights)} and {len(biases)}"
        )
    if len(weights) == 0:
        raise ValueError("weights must hold at least one layer, got an empty list")
    mats = []
    for i, w in enumerate(weights):
        w = as_real_array(w, f"weights[{i}]")  # finite real numbers, or an error naming weights[i]
        if w.ndim not in (1, 2):
            raise ValueError(f"weights[{i}] must be a matrix (n_out, n_in) or a vector, got shape {w.shape}")
        mats.append(np.atleast_2d(w))
    x = as_real_array(x, "x")
    if x.ndim != 1:
        raise ValueError(f"x must be one sample, a 1-D array, got shape {x.shape}")
    sizes = [mats[0].shape[1]] + [m.shape[0] for m in mats]
    for i, m in enumerate(mats):
        if m.shape[1] != sizes[i]:
            raise ValueError(f"weights[{i}] must have {sizes[i]} columns, got shape {m.shape}")
    if x.shape[0] != sizes[0]:
        raise ValueError(f"x has {x.shape[0]} features, but weights[0] expects {sizes[0]}")
    network = Network(sizes, get_activation(activation).name)
    for i, (m, b) in enumerate(zip(mats, biases)):
        b = as_real_array(b, f"biases[{i}]").reshape(-1)
        if b.shape != (sizes[i + 1],):
            raise ValueError(f"biases[{i}] must have {sizes[i + 1]} entries, got shape {b.shape}")
        network.weights[i][...] = m
        network.biases[i][...] = b
    head = get_head(None, sizes[-1])
    loss = get_loss(head.default_loss)
    targets = head.encode(check_labels(np.array([y]), 1, sizes[-1], "y"))
    n_layers = len(mats)
    single = sizes[-1] == 1

    def scalar_or_vector(v: np.ndarray):
        return float(v[0]) if single else v.copy()

    record: dict = {}
    out = x.reshape(1, -1)  # (1, n_features): a batch of one
    layer_index = 0
    for layer in network.layers:
        out = layer.forward(out)
        if isinstance(layer, Linear):
            layer_index += 1
            key = f"z{layer_index}"
            record[key] = out[0].copy() if layer_index < n_layers else scalar_or_vector(out[0])
        else:
            record[f"a{layer_index}"] = out[0].copy()
    logits = out
    probabilities = head.probabilities(logits)[0]
    record["y_hat"] = float(probabilities[1]) if single else probabilities.copy()
    value, grad = loss.value_and_gradient(logits, targets)
    record["loss"] = value

    for layer in reversed(network.layers):
        if isinstance(layer, Linear):
            l_ = layer_index
            record[f"dL_dz{l_}"] = grad[0].copy() if l_ < n_layers else scalar_or_vector(grad[0])
            grad = layer.backward(grad)
            if l_ == n_layers and single:
                record[f"dL_dw{l_}"] = layer.grad_weight[0].copy()
                record[f"dL_db{l_}"] = float(layer.grad_bias[0])
            else:
                record[f"dL_dW{l_}"] = layer.grad_weight.copy()
                record[f"dL_db{l_}"] = layer.grad_bias.copy()
            layer_index -= 1
        else:
            record[f"dL_da{layer_index}"] = grad[0].copy()
            grad = layer.backward(grad)
    return record


def sheet_trace() -> dict:
    """:func:`trace_pass` on the sheet's example (task 1.2)."""
    ex = SHEET_EXAMPLE
    return trace_pass(ex["weights"], ex["biases"], ex["x"], ex["y"], ex["activation"])


def trace_to_json(trace: dict) -> str:
    """The trace as one JSON object (numbers and nested lists, full precision)."""
    plain = {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in trace.items()}
    return json.dumps(plain, indent=2)


# ---------------------------------------------------------------- formatting
_SUPERSCRIPT = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def _task(key: str) -> str:
    if key == "loss":
        return "(b) loss"
    return "(c) backward" if key.startswith("dL_") else "(a) forward"


def _symbol(key: str, latex: bool = False) -> str:
    """``'dL_dW2'`` → ``∂L/∂W⁽²⁾`` (or its LaTeX)."""
    if key == "loss":
        return "L"
    if key == "y_hat":
        return r"\hat{y}" if latex else "ŷ"
    grad = key.startswith("dL_d")
    name = key[4:] if grad else key
    letter, number = name[0], name[1:]
    if latex:
        bold = letter in "zabWw"
        base = rf"\mathbf{{{letter}}}" if bold else letter
        sym = f"{base}^{{({number})}}"
        return rf"\partial L/\partial {sym}" if grad else sym
    sym = f"{letter}{f'({number})'.translate(_SUPERSCRIPT)}"
    return f"∂L/∂{sym}" if grad else sym


def _fmt_value(value, digits: int, latex: bool = False) -> str:
    if not isinstance(value, np.ndarray):
        return f"{value:.{digits}f}"
    if value.ndim == 1:
        cells = [f"{v:.{digits}f}" for v in value]
        if latex:
            return r"\begin{pmatrix}" + r" \\ ".join(cells) + r"\end{pmatrix}"
        return "(" + ", ".join(cells) + ")ᵀ"
    rows = [[f"{v:.{digits}f}" for v in row] for row in value]
    if latex:
        return r"\begin{pmatrix}" + r" \\ ".join(" & ".join(r) for r in rows) + r"\end{pmatrix}"
    return "[" + "; ".join(", ".join(r) for r in rows) + "]"


def format_trace(trace: dict, fmt: str = "table", digits: int = 6) -> str:
    """Render a trace as ``'table'`` (plain text), ``'markdown'``, ``'latex'`` or ``'json'``.

    ``digits`` (decimals) is an integer from 0 to 17 (float64 holds no more).
    """
    if not isinstance(fmt, str):
        raise TypeError(f"fmt must be one of 'table', 'markdown', 'latex', 'json', got {short_repr(fmt)}")
    if isinstance(digits, bool) or not isinstance(digits, numbers.Integral):
        raise TypeError(f"digits must be an integer from 0 to 17, got {short_repr(digits)}")
    if not 0 <= digits <= 17:
        raise ValueError(f"digits must be an integer from 0 to 17, got {digits!r}")
    if fmt == "json":
        return trace_to_json(trace)
    if fmt not in ("table", "markdown", "latex"):
        raise ValueError(f"fmt must be one of 'table', 'markdown', 'latex', 'json', got {fmt!r}")
    rows = [(_task(k), k, v) for k, v in trace.items()]
    if fmt == "latex":
        lines = [r"\begin{tabular}{lll}", r"\hline", r"Task & Quantity & Value \\", r"\hline"]
        for task, key, value in rows:
            lines.append(
                f"{task} & ${_symbol(key, latex=True)}$ & ${_fmt_value(value, digits, latex=True)}$ \\\\"
            )
        lines += [r"\hline", r"\end{tabular}"]
        return "\n".join(lines)
    cells = [(task, _symbol(key), key, _fmt_value(value, digits)) for task, key, value in rows]
    header = ("Task", "Quantity", "Key", "Value")
    if fmt == "markdown":
        out = ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
        out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
        return "\n".join(out)
    widths = [max(len(r[i]) for r in [header, *cells]) for i in range(3)]
    out = ["  ".join(h.ljust(w) for h, w in zip(header[:3], widths)) + "  " + header[3]]
    out.append("-" * (sum(widths) + 6 + max(len(r[3]) for r in cells)))
    for row in cells:
        out.append("  ".join(c.ljust(w) for c, w in zip(row[:3], widths)) + "  " + row[3])
    return "\n".join(out)
