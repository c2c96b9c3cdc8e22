"""Property tests: random shapes, batch sizes and seeds (derandomised on CI)."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from mlplab import MLP, gradient_check

widths = st.lists(st.integers(1, 6), min_size=0, max_size=3)


@given(
    n_in=st.integers(1, 4),
    hidden=widths,
    n_out=st.sampled_from([1, 2, 4]),
    activation=st.sampled_from(["sigmoid", "tanh", "relu"]),
    l2=st.sampled_from([0.0, 0.05]),
    n=st.integers(1, 9),
    seed=st.integers(0, 2**32 - 1),
)
def test_gradient_check_passes_for_any_shape(n_in, hidden, n_out, activation, l2, n, seed):
    sizes = [n_in, *hidden, n_out]
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, n_in))
    y = rng.integers(0, max(2, n_out), size=n)
    result = gradient_check(MLP(sizes, activation, l2=l2, seed=seed), X, y)
    assert result.overall < 1e-6, result.errors


@given(
    n=st.integers(1, 40),
    batch_size=st.one_of(st.none(), st.integers(1, 50)),
    epochs=st.integers(1, 4),
    seed=st.integers(0, 1000),
)
def test_training_is_deterministic_finite_and_shaped(n, batch_size, epochs, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 3))
    y = rng.integers(0, 2, size=n)

    def run():
        model = MLP([3, 5, 1], "tanh", learning_rate=0.1, seed=seed)
        history = model.train(X, y, epochs=epochs, batch_size=batch_size)
        return model, history

    (m1, h1), (m2, h2) = run(), run()
    assert len(h1) == epochs
    assert h1.train_loss == h2.train_loss
    np.testing.assert_array_equal(m1.network.params, m2.network.params)
    assert all(np.isfinite(h1.train_loss))
    assert all(0.0 <= a <= 1.0 for a in h1.train_accuracy)
    assert m1.predict(X).shape == (n,)
    proba = m1.predict_proba(X)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
