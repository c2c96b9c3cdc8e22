"""Classification losses fused with their output activation.

The network outputs *logits* ``z``; each loss applies its own output
activation (sigmoid or softmax) inside, in a numerically stable way. Fusing
them is what makes the gradient simple: for both losses

    ∂L/∂z = ŷ − y        (per sample)

which is the sheet's task 1.1 (a). The σ'(z) factor of the output sigmoid is
cancelled by the 1/(ŷ(1−ŷ)) of the cross-entropy, so the output layer's error
never vanishes, however saturated ŷ is.

Both losses are *averaged* over the batch, ``L = (1/n) Σ_i ℓ_i``, so their
gradients carry a factor ``1/n`` (the convention of PyTorch's default
``reduction='mean'`` and of scikit-learn); learning rates therefore do not
depend on the batch size.

Targets are prepared once per data set by :meth:`prepare_targets` (a float
column for the binary loss, one-hot rows for softmax), so the hot loop only
slices them.
"""

from __future__ import annotations

import numpy as np

from .activations import sigmoid, sigmoid_fast

__all__ = ["BinaryCrossEntropy", "Loss", "SoftmaxCrossEntropy", "loss_for_outputs"]


class Loss:
    """Interface of a loss on logits. See the subclasses."""

    name = "loss"

    def prepare_targets(self, labels: np.ndarray, dtype=np.float64) -> np.ndarray:
        """Turn integer labels of shape ``(n,)`` into the target array ``T``."""
        raise NotImplementedError

    def value(self, logits: np.ndarray, targets: np.ndarray) -> float:
        """Mean loss over the batch."""
        raise NotImplementedError

    def value_and_gradient(self, logits: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
        """Mean loss and its gradient ``∂L/∂z`` (shape of ``logits``)."""
        raise NotImplementedError

    def probabilities(self, logits: np.ndarray) -> np.ndarray:
        """Class probabilities of shape ``(n_samples, n_classes)``."""
        raise NotImplementedError

    def log_probabilities(self, logits: np.ndarray) -> np.ndarray:
        """``log`` of :meth:`probabilities`, computed stably from the logits."""
        raise NotImplementedError

    def predict(self, logits: np.ndarray) -> np.ndarray:
        """Predicted class labels, ``int64`` of shape ``(n_samples,)``."""
        raise NotImplementedError

    def n_correct(self, logits: np.ndarray, targets: np.ndarray) -> int:
        """How many rows of ``logits`` predict the class encoded in ``targets``."""
        raise NotImplementedError


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
    n_outputs = 1

    def prepare_targets(self, labels, dtype=np.float64):
        return np.asarray(labels, dtype=dtype).reshape(-1, 1)  # (n, 1)

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

    def probabilities(self, logits):
        # σ(−z) rather than 1 − σ(z): keeps P(class 0) accurate where it is tiny
        return np.column_stack([sigmoid(-logits[:, 0]), sigmoid(logits[:, 0])])  # (n, 2)

    def log_probabilities(self, logits):
        z = logits[:, 0]
        return np.column_stack([-np.logaddexp(0.0, z), -np.logaddexp(0.0, -z)])  # log σ(−z), log σ(z)

    def predict(self, logits):
        return (logits[:, 0] > 0.0).astype(np.int64)  # σ(z) > 1/2  ⇔  z > 0

    def n_correct(self, logits, targets):
        return int(np.count_nonzero((logits > 0.0) == targets))  # bool == 0./1. compares as numbers


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

    def __init__(self, n_classes: int):
        self.n_outputs = int(n_classes)

    def prepare_targets(self, labels, dtype=np.float64):
        labels = np.asarray(labels, dtype=np.int64)
        onehot = np.zeros((labels.shape[0], self.n_outputs), dtype=dtype)  # (n, k)
        onehot[np.arange(labels.shape[0]), labels] = 1.0
        return onehot

    @staticmethod
    def _log_softmax(logits):
        shifted = logits - logits.max(axis=1, keepdims=True)  # (n, k), row max is 0
        shifted -= np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return shifted

    def value(self, logits, targets):
        return float(-np.vdot(targets, self._log_softmax(logits)) / logits.shape[0])

    def value_and_gradient(self, logits, targets):
        n = logits.shape[0]
        log_p = self._log_softmax(logits)  # (n, k)
        value = -np.vdot(targets, log_p) / n
        grad = np.exp(log_p, out=log_p)  # ŷ
        grad -= targets
        grad *= 1.0 / n
        return float(value), grad

    def probabilities(self, logits):
        return np.exp(self._log_softmax(logits))

    def log_probabilities(self, logits):
        return self._log_softmax(logits)

    def predict(self, logits):
        return np.argmax(logits, axis=1).astype(np.int64)

    def n_correct(self, logits, targets):
        return int(np.count_nonzero(np.argmax(logits, axis=1) == np.argmax(targets, axis=1)))


def loss_for_outputs(n_outputs: int) -> Loss:
    """Binary cross-entropy for one output unit, softmax cross-entropy for more."""
    return BinaryCrossEntropy() if n_outputs == 1 else SoftmaxCrossEntropy(n_outputs)
