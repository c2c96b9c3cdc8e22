"""Many networks of one architecture trained at once: :func:`fit_many`.

The contract: ``fit_many(networks, loss, optimizers, X, targets, ...)[k]`` is
what ``fit(networks[k], loss, optimizers[k], X_k, targets_k, ..., rng=rngs[k],
l2=l2[k], validation=validation_k, callbacks=callbacks[k])`` returns, bit for
bit: the same final parameters, optimiser state, generator state and
:class:`~mlplab.nn.history.History`. A model that diverges does not stop the
others: its entry is the :class:`~mlplab.nn.training.DivergenceError` that
``fit`` would have raised (with its ``history``), and the network keeps the
parameters ``fit`` would have left.

Per-model arguments (``X``, ``targets``, ``rngs``, ``l2``, ``validation``,
``callbacks``) are either one value shared by every model or a sequence of
``len(networks)`` values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from .history import History
from .losses import Loss
from .network import Network
from .optimizers import Optimizer
from .training import DivergenceError, EarlyStopping, fit

__all__ = ["fit_many"]


def _per_model(value: object, k: int, name: str, is_single: Callable[[object], bool]) -> list:
    if is_single(value):
        return [value] * k
    values = list(value)  # type: ignore[call-overload]
    if len(values) != k:
        raise ValueError(f"{name} must be one value or {k} values (one per network), got {len(values)}")
    return values


def fit_many(
    networks: Sequence[Network],
    loss: Loss,
    optimizers: Sequence[Optimizer],
    X: np.ndarray | Sequence[np.ndarray],
    targets: np.ndarray | Sequence[np.ndarray],
    *,
    epochs: int,
    batch_size: int | None,
    rngs: Sequence[np.random.Generator],
    l2: float | Sequence[float] = 0.0,
    metrics: Mapping[str, Callable[[np.ndarray, np.ndarray], float]] | None = None,
    validation: tuple[np.ndarray, np.ndarray] | Sequence[tuple[np.ndarray, np.ndarray] | None] | None = None,
    early_stopping: EarlyStopping | None = None,
    callbacks: Sequence[Sequence[Callable]] | None = None,
    explode_factor: float | None = 1e4,
    histories: Sequence[History] | None = None,
) -> list[History | DivergenceError]:
    """Train every network in place; one result per network (see the module docstring)."""
    networks = list(networks)
    k = len(networks)
    optimizers = _per_model(optimizers, k, "optimizers", lambda v: isinstance(v, Optimizer))
    Xs = _per_model(X, k, "X", lambda v: isinstance(v, np.ndarray))
    Ts = _per_model(targets, k, "targets", lambda v: isinstance(v, np.ndarray))
    rng_list = _per_model(rngs, k, "rngs", lambda v: isinstance(v, np.random.Generator))
    l2s = _per_model(l2, k, "l2", lambda v: not isinstance(v, Sequence))
    vals = _per_model(validation, k, "validation", lambda v: v is None or isinstance(v, tuple))
    cbs = [()] * k if callbacks is None else _per_model(callbacks, k, "callbacks", lambda v: False)
    records = [None] * k if histories is None else _per_model(histories, k, "histories", lambda v: False)
    results: list[History | DivergenceError] = []
    for i in range(k):
        try:
            results.append(
                fit(networks[i], loss, optimizers[i], Xs[i], Ts[i], epochs=epochs, batch_size=batch_size,
                    rng=rng_list[i], l2=l2s[i], metrics=metrics, validation=vals[i],
                    early_stopping=early_stopping, callbacks=cbs[i], explode_factor=explode_factor,
                    history=records[i])
            )
        except DivergenceError as error:
            results.append(error)
    return results
