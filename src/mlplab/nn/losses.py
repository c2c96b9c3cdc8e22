r"""Losses on logits: a value and its gradient with respect to the logits.

A loss knows two things (Nielsen's ``fn`` and ``delta``): :meth:`Loss.value`
and :meth:`Loss.value_and_gradient`. What the logits *mean* (class
probabilities, predicted labels, accuracy) is the business of a head
(:mod:`mlplab.nn.heads`); which loss goes with which head is a row of
:data:`LOSSES`.

The network outputs *logits* ``z``; each classification loss applies its own
output activation (sigmoid or softmax) inside, in a numerically stable way.
Fusing them is what makes the gradient simple: for all four losses here

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

**Sample weights.** Every built-in loss takes ``sample_weight`` (``w``, shape
``(n,)``, ``w_i ≥ 0``, ``Σ w_i > 0``) and then is the *weighted mean*

.. math::

    L = \frac{\sum_i w_i ℓ_i}{\sum_i w_i}, \qquad
    \frac{∂L}{∂z_i} = \frac{w_i}{\sum_j w_j} \frac{∂ℓ_i}{∂z_i}

(scikit-learn's ``np.average(..., weights=sample_weight)`` in
``neural_network._base``): integer weights are duplicated rows, and weights
all equal are no weights. ``sample_weight=None`` runs the unweighted code,
bit for bit what it gave before weights existed. ``ℓ_i`` is
:meth:`Loss.per_sample`, its gradient :meth:`Loss.sample_gradient`.

Unchecked: ``value`` and ``value_and_gradient`` are the hot path and take
logits and targets of matching shape and dtype as the caller made them; only
:func:`get_loss` checks its argument (see the rule in :mod:`mlplab.nn`).
Sample weights are the exception, as cheap as they are (two reductions over
``n`` numbers): given ones are checked on every call, since a negative or
all-zero batch of weights would otherwise give a silently wrong or NaN
loss. :func:`check_sample_weight` is the full check for a public boundary.
"""

from __future__ import annotations

import numpy as np

from .activations import sigmoid_fast
from .checks import as_real_array, short_repr

__all__ = [
    "LOSSES",
    "BinaryCrossEntropy",
    "Loss",
    "MeanSquaredError",
    "MultilabelCrossEntropy",
    "SoftmaxCrossEntropy",
    "check_sample_weight",
    "get_loss",
]


def _sum(array: np.ndarray):
    """``array.sum()``, the same reduction without the method's Python wrapper."""
    return np.add.reduce(array, axis=None)


def check_sample_weight(
    sample_weight: object, n_samples: int, name: str = "sample_weight", dtype=np.float64
) -> np.ndarray | None:
    """Sample weights as a 1-D array of ``dtype``, or ``None`` for none.

    Parameters
    ----------
    sample_weight : array-like of shape (n_samples,) or None
        Finite weights ``w_i ≥ 0`` with ``Σ w_i > 0``.
    n_samples : int
        The number of samples the weights belong to.
    name : str
        The argument's name in error messages.
    dtype : numpy dtype
        The dtype of the result (the network's).

    Raises
    ------
    TypeError, ValueError
        Naming ``name`` and the bad value (its index where there is one): not an
        array of real numbers, non-finite, not of shape ``(n_samples,)``,
        negative, or summing to 0.
    """
    if sample_weight is None:
        return None
    weights = as_real_array(sample_weight, name, dtype)
    if weights.shape != (n_samples,):
        raise ValueError(f"{name} must have shape ({n_samples},), one weight per sample, got {weights.shape}")
    negative = weights < 0
    if negative.any():
        bad = int(np.argmax(negative))
        raise ValueError(f"{name} must be >= 0, got {weights[bad].item()!r} at index {bad}")
    with np.errstate(over="ignore"):
        total = weights.sum()
    if not np.isfinite(total):
        raise ValueError(f"{name} sums to {total.item()!r}, too large for {weights.dtype.name}")
    if not total > 0:
        raise ValueError(f"{name} must not be all zero (Σw is the loss's denominator), got {n_samples} zeros")
    return weights


def _weights(sample_weight: object, n_samples: int, dtype: np.dtype) -> tuple[np.ndarray, np.ndarray]:
    """``w`` and ``Σ w`` for a loss call: three reductions when fine, :func:`check_sample_weight` else.

    The quick path takes a plain array of the logits' dtype (what a training loop
    hands over); anything else (a list, another dtype, a bad value) is converted
    and checked in full, with the error naming ``sample_weight``.
    """
    weights = sample_weight
    # min ≥ 0 and max ≤ (largest float)/n: no weight negative, NaN or inf, and Σw cannot overflow
    if (
        type(weights) is np.ndarray
        and weights.dtype == dtype
        and weights.shape == (n_samples,)
        and n_samples
        and weights.min() >= 0
        and weights.max() <= np.finfo(dtype).max / n_samples
    ):
        total = weights.sum()
        if total > 0:
            return weights, total
    weights = check_sample_weight(sample_weight, n_samples, dtype=dtype)  # raises, naming what is wrong
    return weights, weights.sum()


class Loss:
    r"""Interface of a loss on logits: its value and its gradient ``∂L/∂z``.

    .. math::

        L = \frac{\sum_i w_i ℓ_i(z_i, y_i)}{\sum_i w_i}, \qquad w_i = 1 \text{ without weights}

    A subclass defines :meth:`value` and :meth:`value_and_gradient` (the mean
    over the batch); to take ``sample_weight`` it also defines
    :meth:`per_sample` and :meth:`sample_gradient`, from which the weighted
    mean is made here.

    Shape:
        - logits: ``(n, k)``
        - targets: ``(n, k)``, as made by a head's ``encode``
        - sample_weight: ``(n,)`` or ``None``
    """

    name = "loss"

    def value(self, logits: np.ndarray, targets: np.ndarray, sample_weight=None) -> float:
        """Mean loss over the batch (weighted by ``sample_weight`` if given)."""
        raise NotImplementedError

    def value_and_gradient(
        self, logits: np.ndarray, targets: np.ndarray, sample_weight=None
    ) -> tuple[float, np.ndarray]:
        """Mean loss and its gradient ``∂L/∂z`` (a new array of the logits' shape)."""
        raise NotImplementedError

    def per_sample(self, logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """``ℓ_i`` of each sample, shape ``(n,)``: the loss is their (weighted) mean."""
        raise NotImplementedError(
            f"{type(self).__name__} does not take sample_weight: it defines no per_sample and sample_gradient"
        )

    def sample_gradient(self, logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """``∂ℓ_i/∂z_i`` of each sample, shape ``(n, k)`` (a new array): the mean's gradient times ``n``."""
        raise NotImplementedError(
            f"{type(self).__name__} does not take sample_weight: it defines no per_sample and sample_gradient"
        )

    def _weighted_value(self, logits, targets, sample_weight) -> float:
        weights, total = _weights(sample_weight, logits.shape[0], logits.dtype)
        return float(np.dot(weights, self.per_sample(logits, targets)) / total)

    def _weighted_value_and_gradient(self, logits, targets, sample_weight) -> tuple[float, np.ndarray]:
        weights, total = _weights(sample_weight, logits.shape[0], logits.dtype)
        rows, grad = self._rows_and_gradient(logits, targets)  # (n,), (n, k)
        value = np.dot(weights, rows) / total
        grad *= (weights / total)[:, None]  # w_i / Σw instead of 1/n
        return float(value), grad

    def _rows_and_gradient(self, logits, targets) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`per_sample` and :meth:`sample_gradient` at once (a loss may share their work)."""
        return self.per_sample(logits, targets), self.sample_gradient(logits, targets)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class BinaryCrossEntropy(Loss):
    r"""Binary cross-entropy on one logit per sample, ``ŷ = σ(z)``.

    .. math::

        L = -\frac1n \sum_i \big[y_i \log ŷ_i + (1-y_i)\log(1-ŷ_i)\big]
          = \frac1n \sum_i \big[\log(1 + e^{z_i}) - y_i z_i\big]

    The right-hand form, evaluated with ``np.logaddexp(0, z)``, never takes the
    log of 0 and never overflows. Its gradient is ``∂L/∂z_i = (σ(z_i) − y_i)/n``.
    With ``sample_weight`` the mean is weighted (see :class:`Loss`).

    Shape:
        - logits: ``(n, 1)``
        - targets: ``(n, 1)`` floats in {0, 1}
    """

    name = "binary_cross_entropy"

    def value(self, logits, targets, sample_weight=None):
        if sample_weight is not None:
            return self._weighted_value(logits, targets, sample_weight)
        n = logits.shape[0]
        return float((_sum(np.logaddexp(0.0, logits)) - np.vdot(targets, logits)) / n)

    def value_and_gradient(self, logits, targets, sample_weight=None):
        if sample_weight is not None:
            return self._weighted_value_and_gradient(logits, targets, sample_weight)
        n = logits.shape[0]
        value = (_sum(np.logaddexp(0.0, logits)) - np.vdot(targets, logits)) / n
        grad = sigmoid_fast(logits)  # ŷ (absolute accuracy is what a gradient needs)
        grad -= targets  # ŷ − y: the sheet's ∂L/∂z3 (task 1.1 a)
        grad *= 1.0 / n  # the batch mean
        return float(value), grad

    def per_sample(self, logits, targets):
        """``ℓ_i = Σ_c [log(1 + e^{z_ic}) − y_ic z_ic]``, shape ``(n,)``."""
        per = np.logaddexp(0.0, logits)  # (n, k)
        per -= targets * logits
        return per.sum(axis=1)  # (n,)

    def sample_gradient(self, logits, targets):
        """``σ(z_i) − y_i``, shape ``(n, k)``."""
        grad = sigmoid_fast(logits)
        grad -= targets
        return grad


class MultilabelCrossEntropy(BinaryCrossEntropy):
    r"""Binary cross-entropy of ``k`` independent labels, summed over the labels, mean over samples.

    .. math::

        L = -\frac1n \sum_i \sum_c \big[y_{ic} \log σ(z_{ic}) + (1-y_{ic}) \log(1-σ(z_{ic}))\big]
          = \frac1n \sum_i \sum_c \big[\log(1 + e^{z_{ic}}) - y_{ic} z_{ic}\big]

    scikit-learn's ``binary_log_loss`` of ``MLPClassifier`` on multi-label
    targets (which clips ``ŷ`` to ``[ε, 1−ε]``; here the logits' form needs no
    clip). The gradient is again ``∂L/∂z_i = (σ(z_i) − y_i)/n`` per label; with
    ``sample_weight`` the mean over samples is weighted (see :class:`Loss`).
    With ``k = 1`` it is :class:`BinaryCrossEntropy`.

    Shape:
        - logits: ``(n, k)``
        - targets: ``(n, k)`` floats in {0, 1}, one column per label
    """

    name = "multilabel_cross_entropy"


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
    With ``sample_weight`` the mean is weighted (see :class:`Loss`).

    Shape:
        - logits: ``(n, k)``
        - targets: ``(n, k)`` one-hot rows
    """

    name = "softmax_cross_entropy"

    def value(self, logits, targets, sample_weight=None):
        if sample_weight is not None:
            return self._weighted_value(logits, targets, sample_weight)
        return float(-np.vdot(targets, log_softmax(logits)) / logits.shape[0])

    def value_and_gradient(self, logits, targets, sample_weight=None):
        if sample_weight is not None:
            return self._weighted_value_and_gradient(logits, targets, sample_weight)
        n = logits.shape[0]
        log_p = log_softmax(logits)  # (n, k)
        value = -np.vdot(targets, log_p) / n
        grad = np.exp(log_p, out=log_p)  # ŷ
        grad -= targets
        grad *= 1.0 / n
        return float(value), grad

    def per_sample(self, logits, targets):
        """``ℓ_i = −Σ_c y_ic log ŷ_ic``, shape ``(n,)``."""
        log_p = log_softmax(logits)
        log_p *= targets
        return -log_p.sum(axis=1)  # (n,)

    def sample_gradient(self, logits, targets):
        """``softmax(z_i) − y_i``, shape ``(n, k)``."""
        return self._rows_and_gradient(logits, targets)[1]

    def _rows_and_gradient(self, logits, targets):
        log_p = log_softmax(logits)  # (n, k), once for both
        rows = -np.einsum("ij,ij->i", targets, log_p)  # (n,)
        grad = np.exp(log_p, out=log_p)
        grad -= targets
        return rows, grad


class MeanSquaredError(Loss):
    r"""Half the mean squared error on an identity output, ``ŷ = z`` (regression).

    .. math::

        L = \frac{1}{2nk} \sum_i \sum_c (z_{ic} - y_{ic})^2, \qquad
        ∂L/∂z_{ic} = \frac{z_{ic} - y_{ic}}{nk}

    The mean runs over all ``n·k`` entries and the ½ cancels the 2 of the
    derivative: scikit-learn's ``squared_error`` of ``MLPRegressor``. (PyTorch's
    ``MSELoss`` has no ½, so its gradient is twice this one.) With one output
    the gradient is ``(ŷ − y)/n``, the same form as the cross-entropies'.
    With ``sample_weight`` the mean over samples is weighted, of the per-sample
    ``ℓ_i = (1/2k) Σ_c (z_ic − y_ic)²`` (see :class:`Loss`), as scikit-learn's
    ``0.5 * np.average((y − ŷ)², weights=w, axis=0).mean()``.

    Shape:
        - logits: ``(n, k)``
        - targets: ``(n, k)`` real values
    """

    name = "mean_squared_error"

    def value(self, logits, targets, sample_weight=None):
        if sample_weight is not None:
            return self._weighted_value(logits, targets, sample_weight)
        diff = logits - targets
        return float(0.5 * np.vdot(diff, diff) / diff.size)

    def value_and_gradient(self, logits, targets, sample_weight=None):
        if sample_weight is not None:
            return self._weighted_value_and_gradient(logits, targets, sample_weight)
        grad = logits - targets  # ŷ − y
        value = 0.5 * np.vdot(grad, grad) / grad.size
        grad *= 1.0 / grad.size
        return float(value), grad

    def per_sample(self, logits, targets):
        """``ℓ_i = (1/2k) Σ_c (z_ic − y_ic)²``, shape ``(n,)``."""
        diff = logits - targets  # (n, k)
        diff *= diff
        return diff.sum(axis=1) * (0.5 / diff.shape[1])  # (n,)

    def sample_gradient(self, logits, targets):
        """``(z_i − y_i)/k``, shape ``(n, k)``."""
        grad = logits - targets
        grad *= 1.0 / grad.shape[1]
        return grad


#: name -> loss class; the heads name their default loss by these keys
LOSSES: dict[str, type[Loss]] = {
    BinaryCrossEntropy.name: BinaryCrossEntropy,
    SoftmaxCrossEntropy.name: SoftmaxCrossEntropy,
    MeanSquaredError.name: MeanSquaredError,
    MultilabelCrossEntropy.name: MultilabelCrossEntropy,
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
