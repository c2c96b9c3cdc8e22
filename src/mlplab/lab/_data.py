"""The data the experiments share: the sheet's two spirals, scaled into about [−1, 1]².

The raw spirals of :func:`~mlplab.datasets.make_spirals` reach ±4π ≈ ±12.6,
where tanh and sigmoid units saturate at once, so the lab divides them by
:data:`SPIRAL_SCALE` = 4π, their largest radius.
"""

from __future__ import annotations

import numpy as np

from ..datasets import make_spirals

__all__ = [
    "NOISE",
    "N_SAMPLES",
    "SCALE_TEXT",
    "SPIRAL_SCALE",
    "scaled_spirals",
    "spiral_data",
    "spiral_settings",
]

#: The spirals' inputs are divided by this, their largest radius, to lie in about [−1, 1]².
SPIRAL_SCALE = 4.0 * np.pi
SCALE_TEXT = "1/(4π)"
#: the sheet's data set: make_spirals(200, 0.1)
N_SAMPLES, NOISE = 200, 0.1


def scaled_spirals(n_samples: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The sheet's spirals divided by :data:`SPIRAL_SCALE` (4π), so that they lie in about [−1, 1]².

    Returns
    -------
    X : ndarray of shape (2 * (n_samples // 2), 2)
    y : ndarray of shape (2 * (n_samples // 2),), int64
    """
    X, y = make_spirals(n_samples, noise, seed=seed)
    return X / SPIRAL_SCALE, y


def spiral_data(train_seed: int, test_seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Training and test spirals, scaled by 1/(4π).

    Parameters
    ----------
    train_seed, test_seed : int
        Seeds of two independent draws of ``make_spirals(200, 0.1)``.

    Returns
    -------
    X_train : ndarray of shape (200, 2)
    y_train : ndarray of shape (200,)
    X_test : ndarray of shape (200, 2)
    y_test : ndarray of shape (200,)
    """
    return (*scaled_spirals(N_SAMPLES, NOISE, train_seed), *scaled_spirals(N_SAMPLES, NOISE, test_seed))


def spiral_settings(train_seed: int, test_seed: int) -> dict[str, str]:
    """How :func:`spiral_data` made its sets, for ``settings["data"]`` of ``metrics.json``."""
    return {
        "train": f"make_spirals({N_SAMPLES}, {NOISE}, seed={train_seed})",
        "test": f"make_spirals({N_SAMPLES}, {NOISE}, seed={test_seed})",
        "input_scaling": SCALE_TEXT,
    }
