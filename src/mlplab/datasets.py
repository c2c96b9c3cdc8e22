"""Toy data sets of the sheet, and a seeded, stratified train/validation split.

Every random draw comes from a ``numpy.random.Generator`` made from ``seed``
(an ``int``, a ``SeedSequence``, a ``Generator`` or ``None`` for fresh entropy);
the global NumPy random state is never touched.
"""

from __future__ import annotations

import numbers

import numpy as np

from .nn.checks import (
    as_plain_array,
    check_bool,
    check_features,
    check_nonnegative_float,
    rng_from_seed,
    short_repr,
)
from .nn.data import split_indices

__all__ = ["MAX_SAMPLES", "make_spirals", "make_xor", "train_val_split"]

#: The most points :func:`make_spirals` makes (checked before allocating: 10⁷ points are
#: 160 MB of float64 coordinates, plus as much again for temporaries).
MAX_SAMPLES = 10**7


def make_xor() -> tuple[np.ndarray, np.ndarray]:
    """The four XOR points.

    Returns
    -------
    X : ndarray of shape (4, 2)
        ``(0,0), (0,1), (1,0), (1,1)``.
    y : ndarray of shape (4,), int64
        ``0, 1, 1, 0``.
    """
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 1, 0], dtype=np.int64)
    return X, y


def make_spirals(
    n_samples: int = 200, noise: float = 0.1, seed: object = None
) -> tuple[np.ndarray, np.ndarray]:
    r"""Two interleaved spirals, exactly the sheet's ``make_spirals`` (task 2.2 b).

    With ``t = linspace(0, 4π, n_samples // 2)``, class 0 lies at
    ``(t cos t, t sin t)`` and class 1 at ``(−t cos t, −t sin t)``; every
    coordinate gets ``noise · N(0, 1)`` added. The noise is drawn in the
    sheet's order (x₁, y₁, x₂, y₂) from a seeded Generator instead of the
    global ``np.random`` state.

    Parameters
    ----------
    n_samples : int
        Total number of points, from 2 to :data:`MAX_SAMPLES` (an odd number gives ``n − 1``).
    noise : float
        Standard deviation of the Gaussian noise, >= 0.
    seed : int, SeedSequence, Generator or None

    Returns
    -------
    X : ndarray of shape (2 * (n_samples // 2), 2)
    y : ndarray of shape (2 * (n_samples // 2),), int64
        0 for the first spiral, 1 for the second.
    """
    if isinstance(n_samples, bool) or not isinstance(n_samples, numbers.Integral):
        raise TypeError(f"n_samples must be an integer >= 2, got {short_repr(n_samples)}")
    if not 2 <= n_samples <= MAX_SAMPLES:
        raise ValueError(
            f"n_samples must be an integer from 2 to mlplab.datasets.MAX_SAMPLES = {MAX_SAMPLES:,}, "
            f"got {short_repr(n_samples)}"
        )
    noise = check_nonnegative_float(noise, "noise")
    rng = rng_from_seed(seed)
    half = int(n_samples) // 2
    t = np.linspace(0.0, 4.0 * np.pi, half)
    with np.errstate(over="ignore"):  # a huge noise overflows: refused by name below
        x1 = t * np.cos(t) + noise * rng.standard_normal(half)
        y1 = t * np.sin(t) + noise * rng.standard_normal(half)
        x2 = -t * np.cos(t) + noise * rng.standard_normal(half)
        y2 = -t * np.sin(t) + noise * rng.standard_normal(half)
    X = np.vstack([np.column_stack([x1, y1]), np.column_stack([x2, y2])])  # (2·half, 2)
    if not np.isfinite(X).all():
        raise ValueError(f"noise={noise!r} is too large: the points overflow float64")
    y = np.concatenate([np.zeros(half, dtype=np.int64), np.ones(half, dtype=np.int64)])
    return X, y


def train_val_split(
    X, y, val_fraction: float = 0.2, seed: object = None, stratify: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split into training and validation parts, shuffled by a seeded Generator.

    With ``stratify=True`` every class is split in the same proportion (at
    least one sample of each class with two or more samples goes to each side).

    Returns
    -------
    X_train, X_val, y_train, y_val
        In scikit-learn's ``train_test_split`` order.
    """
    X = check_features(X)
    y = as_plain_array(y, "y")
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError(f"y must be 1-D with one label per row of X ({X.shape[0]}), got shape {y.shape}")
    stratify = check_bool(stratify, "stratify")
    train_idx, val_idx = split_indices(
        X.shape[0], val_fraction, rng_from_seed(seed), y if stratify else None, name="val_fraction"
    )
    return X[train_idx], X[val_idx], y[train_idx], y[val_idx]
