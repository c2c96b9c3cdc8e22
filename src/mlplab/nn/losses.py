r"""Losses on logits: a value and its gradient with respect to the logits.

A loss knows two things (Nielsen's ``fn`` and ``delta``): :meth:`Loss.value`
and :meth:`Loss.value_and_gradient`. What the logits *mean* (class
probabilities, predicted labels, accuracy) is the business of a head
(:mod:`mlplab.nn.heads`); which loss goes with which head is a row of
:data:`LOSSES`.

The network outputs *logits* ``z``; each classification loss applies its own
output activation (sigmoid or softmax) inside, in a numerically stable way.
Fusing them is what makes the gradient simple: for all three losses here

    ∂L/∂z = (ŷ − y) / n        (for each sample)

with ``ŷ = σ(z)``, ``softmax(z)`` or ``z`` itself (each loss is the canonical
one of its output activation). For binary cross-entropy this is the sheet's
task 1.1 (a): the σ'(z) factor of the output sigmoid is cancelled by the
1/(ŷ(1−ŷ)) of the cross-entropy, so the output layer's error never vanishes,
however saturated ŷ is.

All losses are *averaged* over the batch, ``L = (1/n) Σ_i ℓ_i``, so their
gradients carry a factor ``1/n`` (PyTorch's default ``reduction='mean'`` and
scikit-learn's convention); learning rates therefore do not depend on the
batch size. Targets are arrays of the logits' shape, made once per data set
by the head (a float column for binary labels, one-hot rows for softmax).

Unchecked: ``value`` and ``value_and_gradient`` are the hot path and take
logits and targets of matching shape and dtype as the caller made them; only
:func:`get_loss` checks its argument (see the rule in :mod:`mlplab.nn`).
"""

from __future__ import annotations

import numpy as np

from .activations import sigmoid_fast
from .checks import short_repr

__all__ = ["LOSSES", "BinaryCrossEntropy", "Loss", "MeanSquaredError", "SoftmaxCrossEntropy", "get_loss"]


class Loss:
    """Interface of a loss on logits: its value and its gradient ``∂L/∂z``.

    Shape:
        - logits: ``(n, k)``
        - targets: ``(n, k)``, as made by a head's ``encode``
    """

    name = "loss"

    def value(self, logits: np.ndarray, targets: np.ndarray) -> float:
        """Mean loss over the batch."""
        raise NotImplementedError

    def value_and_gradient(self, logits: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
        """Mean loss and its gradient ``∂L/∂z`` (a new array of the logits' shape)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class BinaryCrossEntropy(Loss):
    r"""Binary cross-entropy on one logit per sample, ``ŷ = σ(z)``.

    .. math::

        L = -\frac1n \sum_i \big[y_i \log ŷ_i + (1-y_i)\log(1-ŷ_i)\big]
          = \frac1n \sum_i \big[\log(1 + e^{z_i}) - y_i z_i\big]

    The right-hand form, evaluated with ``np.logaddexp(0, z)``, never takes the
    log of 0 and never overflows. Its gradient is ``∂L/∂z_i = (σ(z_i) − y_i)/n``.

    Shape:
        - logits: ``(n, 1)``
        - targets: ``(n, 1)`` floats in {0, 1}
    """

    name = "binary_cross_entropy"

    def value(self, logits, targets):
        n = logits.shape[0]
        return float((np.logaddexp(0.0, logits).sum() - np.vdot(targets, logits)) / n)

    def value_and_gradient(self, logits, targets):
        n = logits.shape[0]
        value = (np.logaddexp(0.0, logits).sum() - np.vdot(targets, logits)) / n
        grad = sigmoid_fast(logits)  # ŷ (absolute accuracy is what a gradient needs)
        grad -= targets  # ŷ − y: the sheet's ∂L/∂z3 (task 1.1 a)
        grad *= 1.0 / n  # the batch mean
        return float(value), grad


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """``z − log Σ e^z`` per row, after subtracting the row maximum (never overflows)."""
    shifted = logits - logits.max(axis=1, keepdims=True)  # (n, k), row max is 0
    shifted -= np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return shifted


class SoftmaxCrossEntropy(Loss):
    r"""Categorical cross-entropy on ``k >= 2`` logits, ``ŷ = softmax(z)``.

    .. math::

        L = -\frac1n \sum_i \sum_c y_{ic} \log ŷ_{ic}, \qquad
        \log ŷ_{ic} = z_{ic} - \log\sum_{c'} e^{z_{ic'}}

    The log-sum-exp is taken after subtracting the row maximum, so it never
    overflows. Gradient: ``∂L/∂z_i = (ŷ_i − y_i)/n`` with one-hot ``y_i``.

    Shape:
        - logits: ``(n, k)``
        - targets: ``(n, k)`` one-hot rows
    """

    name = "softmax_cross_entropy"

    def value(self, logits, targets):
        return float(-np.vdot(targets, log_softmax(logits)) / logits.shape[0])

    def value_and_gradient(self, logits, targets):
        n = logits.shape[0]
        log_p = log_softmax(logits)  # (n, k)
        value = -np.vdot(targets, log_p) / n
        grad = np.exp(log_p, out=log_p)  # ŷ
        grad -= targets
        grad *= 1.0 / n
        return float(value), grad


class MeanSquaredError(Loss):
    r"""Half the mean squared error on an identity output, ``ŷ = z`` (regression).

    .. math::

        L = \frac{1}{2nk} \sum_i \sum_c (z_{ic} - y_{ic})^2, \qquad
        ∂L/∂z_{ic} = \frac{z_{ic} - y_{ic}}{nk}

    The mean runs over all ``n·k`` entries and the ½ cancels the 2 of the
    derivative: scikit-learn's ``squared_error`` of ``MLPRegressor``. (PyTorch's
    ``MSELoss`` has no ½, so its gradient is twice this one.) With one output
    the gradient is ``(ŷ − y)/n``, the same form as the cross-entropies'.

    Shape:
        - logits: ``(n, k)``
        - targets: ``(n, k)`` real values
    """

    name = "mean_squared_error"

    def value(self, logits, targets):
        diff = logits - targets
        return float(0.5 * np.vdot(diff, diff) / diff.size)

    def value_and_gradient(self, logits, targets):
        grad = logits - targets  # ŷ − y
        value = 0.5 * np.vdot(grad, grad) / grad.size
        grad *= 1.0 / grad.size
        return float(value), grad


#: name -> loss class; the heads name their default loss by these keys
LOSSES: dict[str, type[Loss]] = {
    BinaryCrossEntropy.name: BinaryCrossEntropy,
    SoftmaxCrossEntropy.name: SoftmaxCrossEntropy,
    MeanSquaredError.name: MeanSquaredError,
}


def get_loss(loss: object, argument: str = "loss") -> Loss:
    """A loss from its name in :data:`LOSSES`, or a :class:`Loss` passed through."""
    if isinstance(loss, Loss):
        return loss
    if not isinstance(loss, str):
        raise TypeError(f"{argument} must be one of {sorted(LOSSES)} or a Loss, got {short_repr(loss)}")
    try:
        return LOSSES[loss.lower()]()
    except KeyError:
        raise ValueError(f"{argument} must be one of {sorted(LOSSES)}, got {short_repr(loss)}") from None
