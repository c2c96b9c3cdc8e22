"""The sheet's data sets and the seeded split."""

import numpy as np
import pytest

from mlplab.datasets import make_spirals, make_xor, train_val_split


def sheet_make_spirals(n_samples, noise, randn):
    """The sheet's code (task 2.2 b) verbatim, with np.random.randn passed in."""
    t = np.linspace(0, 4 * np.pi, n_samples // 2)
    x1 = t * np.cos(t) + noise * randn(n_samples // 2)
    y1 = t * np.sin(t) + noise * randn(n_samples // 2)
    x2 = -t * np.cos(t) + noise * randn(n_samples // 2)
    y2 = -t * np.sin(t) + noise * randn(n_samples // 2)
    X = np.vstack([np.column_stack([x1, y1]), np.column_stack([x2, y2])])
    y = np.hstack([np.zeros(n_samples // 2), np.ones(n_samples // 2)])
    return X, y


@pytest.mark.parametrize(("n", "noise"), [(200, 0.1), (51, 0.5), (2, 0.0)])
def test_make_spirals_is_the_sheets_formula(n, noise):
    rng = np.random.default_rng(5)
    X_sheet, y_sheet = sheet_make_spirals(n, noise, rng.standard_normal)
    X, y = make_spirals(n, noise, seed=5)
    np.testing.assert_array_equal(X, X_sheet)
    np.testing.assert_array_equal(y, y_sheet)
    assert y.dtype == np.int64


def test_make_spirals_geometry_without_noise():
    X, _ = make_spirals(200, 0.0)
    radius = np.hypot(X[:, 0], X[:, 1])
    assert radius.max() == pytest.approx(4 * np.pi)
    np.testing.assert_allclose(X[:100], -X[100:])  # the second spiral is the first turned by π


def test_make_spirals_is_seeded_and_leaves_global_state_alone():
    legacy = np.random.mtrand._rand  # the global state the sheet's np.random.randn would use
    before = legacy.get_state()[1].copy()
    a, b, c = make_spirals(seed=1), make_spirals(seed=1), make_spirals(seed=2)
    np.testing.assert_array_equal(a[0], b[0])
    assert not np.array_equal(a[0], c[0])
    np.testing.assert_array_equal(legacy.get_state()[1], before)


def test_make_xor():
    X, y = make_xor()
    np.testing.assert_array_equal(y, np.logical_xor(X[:, 0], X[:, 1]).astype(int))


def test_train_val_split_is_stratified_disjoint_and_seeded():
    X, y = make_spirals(100, 0.1, seed=0)
    X_tr, X_val, y_tr, y_val = train_val_split(X, y, 0.2, seed=3)
    assert len(y_tr) == 80
    assert len(y_val) == 20
    assert np.bincount(y_val).tolist() == [10, 10]
    rows = {tuple(r) for r in X_tr} | {tuple(r) for r in X_val}
    assert len(rows) == 100  # disjoint and complete
    again = train_val_split(X, y, 0.2, seed=3)
    np.testing.assert_array_equal(again[1], X_val)
    plain = train_val_split(X, y, 0.3, seed=3, stratify=False)
    assert len(plain[3]) == 30
