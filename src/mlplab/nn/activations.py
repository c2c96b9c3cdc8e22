"""Element-wise activation functions and their derivatives.

Each activation is a small table entry: ``forward(z)`` and
``backward(a, grad_a)``, where the derivative is written in terms of the
*output* ``a = f(z)``. That is what a layer caches anyway, and it is cheaper
than recomputing ``f(z)``:

=========  ======================  ============================
name       f(z)                    f'(z) in terms of a = f(z)
=========  ======================  ============================
sigmoid    1 / (1 + e^{-z})        a (1 - a)
tanh       tanh z                  1 - a^2
relu       max(z, 0)               1 if a > 0 else 0
identity   z                       1
=========  ======================  ============================

For ReLU the derivative at exactly ``z = 0`` is taken as 0 (the convention of
PyTorch and scikit-learn).

Unchecked: ``forward`` and ``backward`` are the hot path and take float
arrays as the caller made them; only :func:`get_activation` checks its
argument (see the rule in :mod:`mlplab.nn`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .checks import short_repr

__all__ = ["ACTIVATIONS", "Activation", "get_activation", "sigmoid", "sigmoid_fast"]


def sigmoid(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Logistic function σ(z) = 1 / (1 + e^{−z}), accurate and warning-free everywhere.

    For very negative ``z`` the intermediate ``e^{−z}`` overflows to ``inf``
    and ``1 / (1 + inf) = 0`` is the correctly rounded answer, so the overflow
    is expected and silenced. Elsewhere every step keeps its relative accuracy
    (there is no ``1 − small`` cancellation), so tiny values such as
    ``σ(−700) ≈ 1e−304`` come out to a few units in the last place. Four
    in-place ufunc calls: as fast as the ``(1 + tanh(z/2))/2`` identity, which
    loses relative accuracy for negative ``z``.

    Parameters
    ----------
    z : ndarray
        Pre-activations, any shape.
    out : ndarray, optional
        Where to write the result (may be ``z`` itself).
    """
    if out is None:
        z = np.asarray(z)
        out = np.empty(z.shape, dtype=np.result_type(z, 1.0))  # float32 stays float32, ints -> float64
    with np.errstate(over="ignore"):
        np.negative(z, out=out)
        np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)


#: e^{x} overflows beyond these; the hot-path sigmoid caps −z just below them
_EXP_CAP = {np.dtype(np.float64): 708.0, np.dtype(np.float32): 88.0}


def sigmoid_fast(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """σ(z) for the training loop: :func:`sigmoid` without the cost of ``np.errstate``.

    ``−z`` is capped at 708 (88 in float32) before ``exp``, so nothing
    overflows and no warning state needs switching (1.2 µs per call, a tenth of
    a small network's step). The result differs from :func:`sigmoid` only
    where σ(z) < 1e−307 (1e−38 in float32), by less than that: irrelevant for
    activations and gradients, which only need absolute accuracy.
    """
    if out is None:
        z = np.asarray(z)
        out = np.empty(z.shape, dtype=np.result_type(z, 1.0))
    np.negative(z, out=out)
    np.minimum(out, _EXP_CAP.get(out.dtype, 708.0), out=out)
    np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)


def _sigmoid_backward(a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
    grad_a *= a  # ∂L/∂a · a
    t = np.subtract(1.0, a)
    grad_a *= t  # ∂L/∂a · a (1 − a) = ∂L/∂a · σ'(z)
    return grad_a


def _tanh_forward(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    return np.tanh(z, out=out)


def _tanh_backward(a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
    t = np.multiply(a, a)
    np.subtract(1.0, t, out=t)  # 1 − a²
    grad_a *= t
    return grad_a


def _relu_forward(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    return np.maximum(z, 0.0, out=out)


def _relu_backward(a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
    grad_a *= a > 0.0
    return grad_a


def _identity_forward(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    if out is None or out is z:
        return z
    np.copyto(out, z)
    return out


def _identity_backward(a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
    return grad_a


@dataclass(frozen=True)
class Activation:
    """An element-wise activation: its name, forward map and derivative.

    Attributes
    ----------
    name : str
    forward : callable
        ``forward(z, out=None) -> a``; ``out`` may be ``z`` (in place).
    backward : callable
        ``backward(a, grad_a) -> grad_z = grad_a * f'(z)``, with ``a = f(z)``;
        it overwrites and returns ``grad_a``.
    """

    name: str
    forward: Callable[..., np.ndarray]
    backward: Callable[[np.ndarray, np.ndarray], np.ndarray]
    smooth: bool = True  # False where f' jumps (ReLU at 0)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        """f'(z), evaluated through the output (for plots and tests)."""
        a = self.forward(np.array(z, dtype=np.float64))
        return self.backward(a, np.ones_like(a))


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation("sigmoid", sigmoid_fast, _sigmoid_backward),
    "tanh": Activation("tanh", _tanh_forward, _tanh_backward),
    "relu": Activation("relu", _relu_forward, _relu_backward, smooth=False),
    "identity": Activation("identity", _identity_forward, _identity_backward),
}


def get_activation(name: object, argument: str = "activation") -> Activation:
    """Look up an activation by name, or raise naming the argument and value."""
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(f"{argument} must be one of {sorted(ACTIVATIONS)}, got {short_repr(name)}")
    try:
        return ACTIVATIONS[name.lower()]
    except KeyError:
        raise ValueError(f"{argument} must be one of {sorted(ACTIVATIONS)}, got {short_repr(name)}") from None
