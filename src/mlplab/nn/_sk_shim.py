"""TEMPORARY stand-ins for H1's library parts (issue 13); the lead deletes this file at merge.

NumPy only (it lives in ``mlplab.nn`` for the import floors). The estimators import
these names from here, in ONE place (the top of :mod:`mlplab.estimator`).
Each name prefers H1's real implementation when it
is present in ``mlplab.nn`` and falls back to a minimal stand-in that follows
the contract of /tmp/sk_rules.md otherwise. After the merge, replace the import
in ``mlplab/estimator.py``::

    from .nn._sk_shim import SGD, get_schedule, multilabel_head, weighted

by::

    from .nn.optimizers import SGD
    from .schedules import get_schedule
    # multilabel_head(k) -> get_head("multilabel", k); weighted(loss) -> loss

and delete this file.
"""

from __future__ import annotations

import inspect

import numpy as np

from . import heads as _heads
from . import losses as _losses
from . import optimizers as _optimizers

__all__ = ["HAVE_H1", "SGD", "get_schedule", "multilabel_head", "weighted"]

try:  # H1's schedules
    from .schedules import get_schedule  # type: ignore[import-not-found]

    _HAVE_SCHEDULES = True
except ImportError:
    _HAVE_SCHEDULES = False

_HAVE_SGD = "momentum" in inspect.signature(_optimizers.SGD.__init__).parameters
_HAVE_WEIGHTS = "sample_weight" in inspect.signature(_losses.Loss.value_and_gradient).parameters
_HAVE_MULTILABEL = "multilabel" in _heads.HEADS
#: True once every part of H1 is in the library
HAVE_H1 = _HAVE_SCHEDULES and _HAVE_SGD and _HAVE_WEIGHTS and _HAVE_MULTILABEL


# --------------------------------------------------------------- SGD with momentum
if _HAVE_SGD:
    SGD = _optimizers.SGD
else:

    class SGD(_optimizers.SGD):  # type: ignore[no-redef]
        """Stand-in: scikit-learn's ``v ← μv − αg; θ ← θ + v`` (Nesterov: ``θ ← θ + μv − αg``)."""

        state_names = ("velocity",)

        def __init__(self, learning_rate: float = 0.01, momentum: float = 0.0, nesterov: bool = False):
            super().__init__(learning_rate)
            self.momentum, self.nesterov = float(momentum), bool(nesterov)
            self.velocity = None

        def reset(self, n_params, dtype=np.float64):
            super().reset(n_params, dtype)
            self.velocity = np.zeros(n_params, dtype=dtype)

        def step(self, params, grads):
            if self.momentum == 0.0:
                super().step(params, grads)
                return
            self._ensure_state(params)
            v = self.velocity
            v *= self.momentum
            v -= self.learning_rate * grads
            if self.nesterov:
                params += self.momentum * v - self.learning_rate * grads
            else:
                params += v
            self.n_steps += 1

        def config(self):
            return {**super().config(), "momentum": self.momentum, "nesterov": self.nesterov}


# ---------------------------------------------------------------------- schedules
if not _HAVE_SCHEDULES:

    class _Schedule:
        def __init__(self, rate: float):
            self.initial = self.rate = float(rate)

        def after_step(self, samples_seen: int) -> float:
            return self.rate

        def after_stall(self) -> bool:
            return False

        def state(self) -> dict:
            return {"rate": self.rate}

        def load_state(self, state: dict) -> None:
            self.rate = float(state["rate"])

    class _InvScaling(_Schedule):
        def __init__(self, rate: float, power_t: float = 0.5):
            super().__init__(rate)
            self.power_t = float(power_t)

        def after_step(self, samples_seen: int) -> float:
            self.rate = self.initial / (samples_seen + 1) ** self.power_t
            return self.rate

    class _Adaptive(_Schedule):
        def after_stall(self) -> bool:
            if self.rate <= 1e-6:
                return False
            self.rate /= 5.0
            return True

    def get_schedule(name: str, learning_rate_init: float, power_t: float = 0.5):  # type: ignore[no-redef]
        """Stand-in for ``nn.schedules.get_schedule`` ('constant', 'invscaling', 'adaptive')."""
        if name == "invscaling":
            return _InvScaling(learning_rate_init, power_t)
        if name == "adaptive":
            return _Adaptive(learning_rate_init)
        if name == "constant":
            return _Schedule(learning_rate_init)
        raise ValueError(f"learning_rate must be 'constant', 'invscaling' or 'adaptive', got {name!r}")


# ------------------------------------------------------------------ sample weights
def _per_sample(loss, logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """ℓ_i of the three built-in losses (and the multilabel stand-in), shape (n,)."""
    if loss.name in ("binary_cross_entropy", "multilabel_cross_entropy"):
        return (np.logaddexp(0.0, logits) - targets * logits).sum(axis=1)
    if loss.name == "softmax_cross_entropy":
        return -(targets * _losses.log_softmax(logits)).sum(axis=1)
    if loss.name == "mean_squared_error":
        return 0.5 * ((logits - targets) ** 2).mean(axis=1)
    raise NotImplementedError(f"sample weights for the loss {loss.name!r} need H1's losses")


class _Weighted:
    """Stand-in: ``value = Σ w_i ℓ_i / Σ w_i`` and its gradient, for a mean-over-samples loss."""

    def __init__(self, loss):
        self.inner = loss
        self.name = loss.name

    def value(self, logits, targets, sample_weight=None):
        if sample_weight is None:
            return self.inner.value(logits, targets)
        w = sample_weight
        return float(np.dot(w, _per_sample(self.inner, logits, targets)) / w.sum())

    def value_and_gradient(self, logits, targets, sample_weight=None):
        if sample_weight is None:
            return self.inner.value_and_gradient(logits, targets)
        _, grad = self.inner.value_and_gradient(logits, targets)  # rows (∂ℓ_i/∂z_i)/n
        w = sample_weight
        grad *= (logits.shape[0] / w.sum()) * w[:, None]  # rows w_i (∂ℓ_i/∂z_i)/Σw
        return self.value(logits, targets, w), grad


def weighted(loss):
    """``loss`` itself once H1's losses take ``sample_weight``; a wrapper that does until then."""
    return loss if _HAVE_WEIGHTS else _Weighted(loss)


# ---------------------------------------------------------------------- multilabel
class _MultilabelLoss(_losses.Loss):
    """Stand-in: BCE summed over the k outputs, mean over samples (scikit-learn's binary_log_loss)."""

    name = "multilabel_cross_entropy"

    def value(self, logits, targets):
        return float((np.logaddexp(0.0, logits).sum() - np.vdot(targets, logits)) / logits.shape[0])

    def value_and_gradient(self, logits, targets):
        from .activations import sigmoid_fast

        grad = sigmoid_fast(logits)
        grad -= targets
        grad *= 1.0 / logits.shape[0]
        return self.value(logits, targets), grad


class _MultilabelHead(_heads.Head):
    """Stand-in: k independent sigmoid outputs, targets 0/1 of shape (n, k)."""

    name = "multilabel"
    default_loss = "multilabel_cross_entropy"
    losses = ("multilabel_cross_entropy",)
    is_classifier = True

    def check(self, y, n_samples, name="y"):
        return np.asarray(y, dtype=np.int64).reshape(n_samples, self.n_outputs)

    def encode(self, y, dtype=np.float64):
        return np.asarray(y, dtype=dtype)

    def predict(self, logits):
        return (logits > 0.0).astype(np.int64)

    def probabilities(self, logits):
        from .activations import sigmoid

        return sigmoid(logits)

    def log_probabilities(self, logits):
        return -np.logaddexp(0.0, -logits)

    def score(self, logits, y):
        return float(np.mean((self.predict(logits) == y).all(axis=1)))


def multilabel_head(n_outputs: int):
    """``(head, loss)`` for k independent sigmoid outputs: H1's when present, the stand-ins otherwise."""
    if _HAVE_MULTILABEL:
        head = _heads.get_head("multilabel", n_outputs)
        return head, _losses.get_loss(head.default_loss)
    return _MultilabelHead(n_outputs), _MultilabelLoss()
