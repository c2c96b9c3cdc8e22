"""Section 2.1: the MLP class, its layout, initialisation, forward and backward pass.

A listing of the public API on XOR (shown in the PDF and run in the
notebook); no experiment is needed. The heading of task 2.2 closes the
section: the experiments' sections follow under it.
"""

from __future__ import annotations

from ..blocks import Code, Equation, Heading, Para
from .base import Section

__all__ = ["SECTION"]

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

SECTION = Section(
    "implementation",
    (
        Heading(1, "h_implementation"),
        Heading(2, "h_class"),
        Para("impl_intro"),
        Code(API_CODE, listing=True),
        Para("impl_layout"),
        Para("impl_init"),
        Equation("xavier"),
        Equation("he"),
        Para("impl_forward_backward"),
        Para("impl_training"),
        Para("impl_quality"),
        Heading(2, "h_experiments"),
    ),
)
