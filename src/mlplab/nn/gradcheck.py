r"""Finite-difference gradient check.

Compares the analytic gradient of ``L_reg = L + λΣ‖W‖²`` (one backward pass)
with finite differences, one parameter at a time, in float64.

The plain central difference ``D(h) = [L(θ + h e_i) − L(θ − h e_i)] / 2h`` has a
truncation error ``c h² + O(h⁴)`` and a rounding error of about
``ε_mach |L| / h``. Richardson extrapolation cancels the ``h²`` term,

.. math::

    \frac{∂L}{∂θ_i} ≈ \frac{4 D(h/2) − D(h)}{3} + O(h^4),

so a large step (default ``h = 1e-3``) gives both a tiny truncation error and
a tiny rounding error: a correct backward pass shows relative errors around
1e-10 even for the minute first-layer gradients of a deep sigmoid network,
where the plain difference at ``h = 1e-6`` only reaches 1e-7.

ReLU is not differentiable at 0. If a step moves any pre-activation of a
non-smooth layer across 0, the difference quotient is wrong, not the backward
pass. The check detects this (the pattern of active units differs between the
evaluation points) and retries that parameter with steps ``h/100`` and
``h/10⁴``. If even those cross a kink, θ_i sits on one (a unit with exactly
``z = 0``, common when biases start at zero and the layer below is silent),
and the check takes the one-sided derivative from the side that matches the
backward pass's convention ``ReLU'(0) = 0``.

Dropout draws a new mask per pass, so the objective it defines is not a
function of θ alone. With the masks fixed
(:meth:`~mlplab.nn.network.Network.set_dropout_masks`, or ``dropout_masks=``
here) it is: every evaluation is then a training pass with the same masks,
``L(θ) = loss(f(X; θ, m))``, and the backward pass must match its finite
differences like any other (the mask scales each kept unit by ``1/(1 − p)``
and cuts the gradient of each dropped one). Without fixed masks a network with
dropout is checked as at inference (no dropout), as before.

The relative error of an array of gradients is
``‖g_analytic − g_numeric‖₂ / max(‖g_analytic‖₂, ‖g_numeric‖₂, 1e-6)``; the
floor keeps a vanishing gradient from making rounding noise look like an error.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .checks import check_positive_float
from .losses import Loss
from .network import ActivationLayer, Network

__all__ = ["EPS_RANGE", "GradientCheckResult", "check_gradients", "numerical_gradient", "relative_error"]

#: The steps ``eps`` a check accepts. Below 1e-6 the rounding error ``ε_mach |L| / h``
#: (at ``h = 1e-300`` every difference is 0) and above 1e-2 the truncation error
#: would make a correct backward pass look broken (measured on sigmoid, tanh and
#: ReLU networks: relative errors below 1e-6 throughout this range).
EPS_RANGE = (1e-6, 1e-2)


def relative_error(analytic: np.ndarray, numeric: np.ndarray, floor: float = 1e-6) -> float:
    """``‖a − n‖ / max(‖a‖, ‖n‖, floor)``, and 0 when both are zero.

    The ``floor`` keeps a vanishing gradient (a dead ReLU unit, a balanced
    batch) from turning the finite differences' absolute rounding noise of
    about 1e-13 into a "relative error" of 1: arrays whose gradient norm is
    below ``floor`` are compared in absolute terms, relative to ``floor``.
    """
    scale = max(float(np.linalg.norm(analytic)), float(np.linalg.norm(numeric)), floor)
    if not (analytic.any() or numeric.any()):
        return 0.0
    return float(np.linalg.norm(analytic - numeric) / scale)


@dataclass(frozen=True, repr=False)
class GradientCheckResult:
    """Result of :func:`check_gradients`.

    Attributes
    ----------
    errors : dict of str to float
        Relative error per parameter array, keyed ``'W1', 'b1', ...``.
    overall : float
        Relative error over all parameters at once.
    analytic, numeric : ndarray of shape (n_params,)
        The two gradients, flat, in the network's parameter order.
    """

    errors: dict[str, float]
    overall: float
    analytic: np.ndarray
    numeric: np.ndarray

    def __repr__(self) -> str:
        worst = max(self.errors, key=self.errors.get)
        return (
            f"GradientCheckResult(max_error={self.max_error:.3g} ({worst}), overall={self.overall:.3g}, "
            f"n_params={self.analytic.size})"
        )

    @property
    def max_error(self) -> float:
        """The largest per-array relative error."""
        return max(self.errors.values())

    def passed(self, tolerance: float = 1e-6) -> bool:
        return self.max_error < tolerance and self.overall < tolerance


def _objective_value(network: Network, loss: Loss, X, targets, l2: float, training: bool = False) -> float:
    logits = network.forward(X, training=True) if training else network.predict_logits(X)
    value = loss.value(logits, targets)
    return value + l2 * network.l2_penalty() if l2 else value


def _value_and_pattern(network: Network, loss: Loss, X, targets, l2: float, training: bool = False):
    """Objective and the on/off pattern of every non-smooth hidden unit."""
    logits = network.forward(X, training=training)
    value = loss.value(logits, targets) + (l2 * network.l2_penalty() if l2 else 0.0)
    pattern = [
        layer.kink_pattern()
        for layer in network.layers
        if isinstance(layer, ActivationLayer) and not layer.activation.smooth
    ]
    return value, pattern


def numerical_gradient(
    network: Network, loss: Loss, X, targets, l2: float = 0.0, eps: float = 1e-3, *, training: bool = False
) -> np.ndarray:
    """Richardson-extrapolated central differences, shape ``(n_params,)``.

    Parameters whose steps would cross a ReLU kink are retried with smaller
    steps (see the module docstring). With ``training``, every evaluation is
    a training pass with the network's fixed dropout masks
    (:meth:`~mlplab.nn.network.Network.set_dropout_masks`, which must be set).
    The parameters are restored exactly afterwards. Unchecked:
    :func:`check_gradients` checks ``eps``, the dtype and the masks; this works
    on whatever it is given.
    """
    params = network.params
    saved = params.copy()
    numeric = np.empty_like(params)
    smooth = network.activation.smooth

    def at(i: int, step: float):
        params[i] = saved[i] + step
        if smooth:
            return _objective_value(network, loss, X, targets, l2, training), None
        return _value_and_pattern(network, loss, X, targets, l2, training)

    def same_pattern(points) -> bool:
        return all(np.array_equal(a, b) for _, pattern in points for a, b in zip(pattern, base_pattern))

    try:
        base_value, base_pattern = at(0, 0.0)
        for i in range(params.shape[0]):
            numeric[i] = np.nan
            for step in (eps, eps * 1e-2, eps * 1e-4):  # shrink the step until no kink is crossed
                points = [at(i, d) for d in (step, -step, step / 2, -step / 2)]
                if smooth or same_pattern(points):
                    (f1, _), (f2, _), (f3, _), (f4, _) = points
                    wide = (f1 - f2) / (2.0 * step)
                    narrow = (f3 - f4) / step
                    numeric[i] = (4.0 * narrow - wide) / 3.0
                    break
            else:
                numeric[i] = _one_sided(at, i, base_value, eps * 1e-2, same_pattern)
            params[i] = saved[i]
    finally:
        params[...] = saved
    return numeric


def _one_sided(at, i: int, base_value: float, step: float, same_pattern) -> float:
    """θ_i sits on a kink: the one-sided derivative from the side the backward pass describes.

    The backward pass takes ReLU'(0) = 0, i.e. it treats a unit with z = 0 as
    off, which is the pattern at θ; so the side on which that pattern holds
    is the one its gradient belongs to. Richardson on forward differences:
    ``2 D(h/2) − D(h)`` with ``D(h) = (L(θ + s h) − L(θ)) / (s h)``.
    """
    for sign in (1.0, -1.0):
        points = [at(i, sign * step), at(i, sign * step / 2)]
        if same_pattern(points):
            wide = (points[0][0] - base_value) / (sign * step)
            narrow = (points[1][0] - base_value) / (sign * step / 2)
            return 2.0 * narrow - wide
    # Kinks on both sides closer than the step: plain central difference.
    tiny = step * 1e-3
    return (at(i, tiny)[0] - at(i, -tiny)[0]) / (2.0 * tiny)


def check_gradients(
    network: Network,
    loss: Loss,
    X: np.ndarray,
    targets: np.ndarray,
    l2: float = 0.0,
    eps: float = 1e-3,
    *,
    dropout_masks=None,
) -> GradientCheckResult:
    """Compare the backward pass with central differences, per parameter array.

    Parameters
    ----------
    network : Network
        Must be float64: float32 rounding (1e-7) would swamp the comparison.
    loss : Loss
    X : ndarray of shape (n_samples, n_features)
    targets : ndarray
        As made by a head's ``encode`` (:mod:`mlplab.nn.heads`).
    l2 : float
        λ of the L2 penalty included in the objective.
    eps : float
        Step ``h`` of the extrapolated central differences, within :data:`EPS_RANGE`.
    dropout_masks : sequence of (ndarray or None), optional
        Keep masks, one per hidden layer, as for
        :meth:`~mlplab.nn.network.Network.set_dropout_masks` (``X.shape[0]``
        rows): the check then runs training passes with them. Without it, the
        masks already fixed on the network are used, and if there are none the
        check runs without dropout. The network's own fixed masks are as
        before afterwards.

    The network's layer caches are overwritten (the check runs forward passes).
    ``X`` and ``targets`` come checked from the caller (see :mod:`mlplab.nn`).

    Examples
    --------
    >>> import numpy as np
    >>> from mlplab.nn import Network, get_loss
    >>> rng = np.random.default_rng(0)
    >>> net = Network([3, 5, 1], "tanh", dropout=0.5)
    >>> net.initialize(rng)
    >>> X, y = rng.normal(size=(4, 3)), rng.integers(0, 2, size=(4, 1)).astype(float)
    >>> masks = [rng.random((4, 5)) >= 0.5]
    >>> check_gradients(net, get_loss("binary_cross_entropy"), X, y, dropout_masks=masks).passed()
    True
    """
    eps = check_positive_float(eps, "eps")
    if not EPS_RANGE[0] <= eps <= EPS_RANGE[1]:
        raise ValueError(
            f"eps must lie in [{EPS_RANGE[0]:g}, {EPS_RANGE[1]:g}] (smaller steps drown in rounding "
            f"error, larger ones in truncation error), got {eps!r}"
        )
    if network.dtype != np.float64:
        raise ValueError(f"gradient checks need a float64 network, got dtype {network.dtype}")
    before = network.dropout_masks
    if dropout_masks is not None:
        network.set_dropout_masks(dropout_masks)  # checked there: shapes, one per hidden layer, 0/1
    try:
        training = before is not None or dropout_masks is not None  # forward checks the rows
        network.objective(X, targets, loss, l2, training=training)
        analytic = network.grads.copy()
        numeric = numerical_gradient(network, loss, X, targets, l2, eps, training=training)
    finally:
        network.set_dropout_masks(before)
    errors = {}
    offset = 0
    for name, view in zip(network.parameter_names(), network.parameter_views()):
        size = view.size
        errors[name] = relative_error(analytic[offset : offset + size], numeric[offset : offset + size])
        offset += size
    return GradientCheckResult(errors, relative_error(analytic, numeric), analytic, numeric)
