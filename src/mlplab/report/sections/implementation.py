"""Section 2.1: the MLP class, its layout, initialisation, forward and backward pass, and its code.

A listing of the public API on XOR (shown in the PDF and run in the
notebook), then the implementation's own code: the sheet's methods, the
layers' forward and backward passes, the initialisers and the mini-batch
loop, each read from the source with :func:`inspect.getsource` when the
report is built, so the listing cannot drift from the code. No experiment is
needed. The heading of task 2.2 closes the section: the experiments'
sections follow under it.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from pathlib import Path

from ...mlp import MLP
from ...nn import activations, initializers, losses, network, training
from ..blocks import Code, Equation, Heading, Para
from .base import Section

__all__ = ["LISTINGS", "SECTION", "listing", "source_of", "where"]

# The API on the sheet's XOR example: a listing for the reader, not the xor experiment
# (which has its own section and its own settings).
API_CODE = """\
from mlplab import MLP
from mlplab.datasets import make_xor

X, y = make_xor()
model = MLP([2, 4, 1], activation="sigmoid", learning_rate=0.5, seed=0)
history = model.train(X, y, epochs=5000, batch_size=None)   # full batch
print(model.predict(X), model.score(X, y), f"{history.train_loss[-1]:.4f}")

y_hat = model._forward(X)                          # keeps every layer's input and output
weight_grads, bias_grads = model._backward(X, y)   # ∂L/∂W, ∂L/∂b of the mean loss
[w.shape for w in model.weights], [g.shape for g in weight_grads]
"""


def _shorten_docstring(lines: list[str], node: ast.AST) -> list[str]:
    """``lines`` with the docstring of ``node`` (if any) cut to its summary line."""
    body = getattr(node, "body", None)
    if not body or not (isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)):
        return lines
    if not isinstance(body[0].value.value, str):
        return lines
    doc = body[0]
    first, last = doc.lineno - 1, doc.end_lineno - 1
    if first == last:
        return lines
    indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
    summary = inspect.cleandoc(doc.value.value).splitlines()[0]
    return [*lines[:first], f'{indent}"""{summary}"""', *lines[last + 1 :]]


def source_of(obj) -> str:
    """The source of function or method ``obj``, dedented, with its docstring cut to the summary line."""
    source = textwrap.dedent(inspect.getsource(obj))
    lines = source.splitlines()
    return "\n".join(_shorten_docstring(lines, ast.parse(source).body[0]))


def where(obj) -> str:
    """Where ``obj`` is defined: ``mlplab/nn/network.py: Linear.forward (line 112)``."""
    parts = Path(inspect.getsourcefile(obj)).resolve().parts
    start = len(parts) - 1 - parts[::-1].index("mlplab")
    return f"{'/'.join(parts[start:])}: {obj.__qualname__} (line {inspect.getsourcelines(obj)[1]})"


#: the pieces of code the section shows, in groups, each with the key of its explaining paragraph:
#: (paragraph key, (function, ...))
LISTINGS: tuple[tuple[str, tuple], ...] = (
    (
        "impl_code_sheet",
        (MLP._initialize_weights, MLP._forward, MLP._backward, MLP.train),
    ),
    (
        "impl_code_layers",
        (
            network.Linear.forward,
            network.Linear.backward,
            network.ActivationLayer.forward,
            network.ActivationLayer.backward,
            activations._sigmoid_backward,
            activations._tanh_backward,
            activations._relu_backward,
            losses.BinaryCrossEntropy.value_and_gradient,
            network.Network.forward,
            network.Network.backward,
            network.Network.objective,
        ),
    ),
    ("impl_code_init", (initializers.xavier_uniform, initializers.he_normal)),
    ("impl_code_loop", (training.fit,)),
)


def listing(functions) -> str:
    """One listing of ``functions``, each headed by a comment saying where it is defined."""
    return "\n\n".join(f"# {where(f)}\n{source_of(f)}" for f in functions)


def _listing_blocks() -> list:
    blocks: list = []
    for key, pieces in LISTINGS:
        blocks += [Para(key), Code(listing(pieces), listing=True, run=False)]
    return blocks


SECTION = Section(
    "implementation",
    (
        Heading(1, "h_implementation"),
        Heading(2, "h_class"),
        Para("impl_intro"),
        Code(API_CODE, listing=True),
        Para("impl_layout"),
        Para("impl_init"),
        Equation("init_rules"),
        Para("impl_forward_backward"),
        Para("impl_training"),
        Heading(2, "h_code"),
        Para("impl_code_intro"),
        *_listing_blocks(),
        Para("impl_quality"),
        Heading(2, "h_experiments"),
    ),
)
