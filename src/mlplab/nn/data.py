"""Hold-out splits by row index: the data are never copied or converted to split them."""

from __future__ import annotations

import numpy as np

from .checks import check_fraction

__all__ = ["split_indices"]


def split_indices(
    n_samples: int,
    fraction: float,
    rng: np.random.Generator,
    labels: np.ndarray | None = None,
    *,
    name: str = "validation_fraction",
) -> tuple[np.ndarray, np.ndarray]:
    """Shuffled row indices ``(train, validation)``, ``validation`` about ``fraction`` of the rows.

    With ``labels`` (one per row) the split is stratified: every class is split
    in the same proportion, and a class of two or more rows puts at least one
    row on each side. Without labels the rows are split as a whole. Indexing
    ``X[train]`` then keeps ``X``'s dtype (nothing is upcast).

    Parameters
    ----------
    n_samples : int
        Number of rows, at least 2.
    fraction : float
        Share of rows held out, in (0, 1).
    rng : numpy.random.Generator
        Source of the shuffle.
    labels : ndarray of shape (n_samples,), optional
        Class labels to stratify by.
    name : str
        The argument name ``fraction`` has in the caller's API, for messages.

    Returns
    -------
    train, validation : ndarray of intp
        Disjoint; together every row once.

    Raises
    ------
    ValueError
        If either side would be empty, naming ``fraction`` and ``n_samples``.
    """
    fraction = check_fraction(fraction, name)
    if n_samples < 2:
        raise ValueError(f"X needs at least 2 samples to hold out {name}={fraction}, got {n_samples}")
    if labels is not None:
        val_parts, train_parts = [], []
        for label in np.unique(labels):
            members = rng.permutation(np.flatnonzero(labels == label))
            n_val = round(fraction * members.size)
            if members.size >= 2:
                n_val = min(max(n_val, 1), members.size - 1)
            val_parts.append(members[:n_val])
            train_parts.append(members[n_val:])
        val_idx = rng.permutation(np.concatenate(val_parts))
        train_idx = rng.permutation(np.concatenate(train_parts))
    else:
        order = rng.permutation(n_samples)
        n_val = min(max(round(fraction * n_samples), 1), n_samples - 1)
        val_idx, train_idx = order[:n_val], order[n_val:]
    if train_idx.size == 0 or val_idx.size == 0:
        raise ValueError(
            f"{name}={fraction} of {n_samples} samples leaves "
            f"{train_idx.size} for training and {val_idx.size} for validation; both need at least one"
        )
    return train_idx, val_idx
