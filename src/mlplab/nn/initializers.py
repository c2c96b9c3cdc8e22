r"""Weight initialisers.

Each initialiser fills a weight matrix of shape ``(fan_out, fan_in)`` (the
sheet's ``W^{(l)}``) from a ``numpy.random.Generator``; biases start at zero.

The variance argument (sheet task 3.1 b): for ``z = W a + b`` with independent,
zero-mean weights and inputs, ``Var(z_j) = fan_in · Var(w) · E[a_i²]``.

* **Xavier / Glorot** (tanh, sigmoid): keep the variance of activations *and*
  of back-propagated gradients constant, i.e. ``fan_in Var(w) = 1`` forwards
  and ``fan_out Var(w) = 1`` backwards; the compromise is
  ``Var(w) = 2 / (fan_in + fan_out)``.
  Normal: ``σ = √(2/(fan_in+fan_out))``; uniform: ``U(−r, r)`` with
  ``r = √(6/(fan_in+fan_out))`` (a uniform on ``[−r, r]`` has variance ``r²/3``).
* **He / Kaiming** (ReLU): ReLU zeroes half of its inputs, so
  ``E[a²] = Var(z)/2``; keeping ``Var(z)`` constant needs ``Var(w) = 2/fan_in``.
  Normal: ``σ = √(2/fan_in)``; uniform: ``r = √(6/fan_in)``.

:func:`default_initializer` picks He for ReLU and Xavier (uniform, as in
Glorot & Bengio 2010 and Keras) otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .checks import check_call_form, short_repr

__all__ = [
    "INITIALIZERS",
    "default_initializer",
    "get_initializer",
    "he_normal",
    "he_uniform",
    "xavier_normal",
    "xavier_uniform",
    "zeros",
]

Initializer = Callable[[np.ndarray, np.random.Generator], None]


def xavier_uniform(weight: np.ndarray, rng: np.random.Generator) -> None:
    """Fill ``weight`` (fan_out, fan_in) from U(−r, r), r = √(6/(fan_in+fan_out))."""
    fan_out, fan_in = weight.shape
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    weight[...] = rng.uniform(-limit, limit, size=weight.shape)


def xavier_normal(weight: np.ndarray, rng: np.random.Generator) -> None:
    """Fill ``weight`` (fan_out, fan_in) from N(0, 2/(fan_in+fan_out))."""
    fan_out, fan_in = weight.shape
    weight[...] = rng.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=weight.shape)


def he_uniform(weight: np.ndarray, rng: np.random.Generator) -> None:
    """Fill ``weight`` (fan_out, fan_in) from U(−r, r), r = √(6/fan_in)."""
    fan_in = weight.shape[1]
    limit = np.sqrt(6.0 / fan_in)
    weight[...] = rng.uniform(-limit, limit, size=weight.shape)


def he_normal(weight: np.ndarray, rng: np.random.Generator) -> None:
    """Fill ``weight`` (fan_out, fan_in) from N(0, 2/fan_in)."""
    fan_in = weight.shape[1]
    weight[...] = rng.normal(0.0, np.sqrt(2.0 / fan_in), size=weight.shape)


def zeros(weight: np.ndarray, rng: np.random.Generator) -> None:
    """Fill ``weight`` with zeros (to show why symmetry must be broken)."""
    weight[...] = 0.0


INITIALIZERS: dict[str, Initializer] = {
    "xavier_uniform": xavier_uniform,
    "xavier_normal": xavier_normal,
    "glorot_uniform": xavier_uniform,
    "glorot_normal": xavier_normal,
    "he_uniform": he_uniform,
    "he_normal": he_normal,
    "zeros": zeros,
}


def default_initializer(activation: str) -> str:
    """He (normal) for ReLU, Xavier (uniform) for everything else."""
    return "he_normal" if activation == "relu" else "xavier_uniform"


def get_initializer(init: object, activation: str, argument: str = "init") -> Initializer:
    """Resolve ``init`` (``None``, a name, or a callable) to an initialiser.

    A callable must accept two positional arguments ``(weight, rng)``, checked
    by :func:`~mlplab.nn.checks.check_call_form` (``init=len`` and ``init=dict``
    are ``TypeError`` naming ``init``). What it fills is checked by
    :meth:`~mlplab.nn.network.Network.initialize`.
    """
    if init is None:
        return INITIALIZERS[default_initializer(activation)]
    if callable(init):
        check_call_form(init, argument, "init(weight, rng)", np.empty((1, 1)), None)
        return init
    if not isinstance(init, str):
        raise TypeError(
            f"{argument} must be None, a callable or one of {sorted(INITIALIZERS)}, got {short_repr(init)}"
        )
    try:
        return INITIALIZERS[init.lower()]
    except KeyError:
        raise ValueError(
            f"{argument} must be one of {sorted(INITIALIZERS)}, got {short_repr(init)}"
        ) from None
