"""The sheet's MLP as a regression net: ``MLP(..., loss='squared_error')``."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import r2_score

from mlplab import MLP, gradient_check, load


def _sine(n=200):
    X = np.linspace(-3, 3, n).reshape(-1, 1)
    return X, np.sin(X[:, 0])


def _regressor(**settings):
    return MLP([1, 16, 1], activation="tanh", learning_rate=0.05, loss="squared_error", seed=0, **settings)


def test_it_fits_a_sine():
    X, y = _sine()
    model = _regressor()
    history = model.train(X, y, epochs=3000)
    assert model.score(X, y) > 0.95
    assert history.train_loss[-1] < history.train_loss[0] / 10
    assert not history.train_metrics  # no accuracy for a regression net


def test_it_is_the_identity_head_with_half_the_mean_squared_error():
    model = _regressor()
    assert (model.head.name, model.loss.name) == ("identity", "mean_squared_error")
    assert "loss='squared_error'" in repr(model)
    default = MLP([2, 3, 1], seed=0)
    assert (default.head.name, default.loss.name) == ("binary", "binary_cross_entropy")
    assert "loss=" not in repr(default)  # the classifier's repr is as before
    assert MLP([2, 3, 4], seed=0, loss="cross_entropy").head.name == "softmax"


def test_score_is_r2_like_scikit_learn():
    X, y = _sine()
    model = _regressor()
    model.train(X, y, epochs=200)
    assert model.score(X, y) == pytest.approx(r2_score(y, model.predict(X)), rel=1e-12)


def test_predict_shapes_one_output_and_several():
    X, y = _sine(30)
    model = _regressor()
    model.train(X, y, epochs=5)
    prediction = model.predict(X)
    assert prediction.shape == (30,)
    assert prediction.dtype == np.float64
    assert model._forward(X).shape == (30, 1)
    np.testing.assert_array_equal(model._forward(X)[:, 0], prediction)  # ŷ = z
    two = MLP([1, 8, 2], "tanh", learning_rate=0.05, loss="squared_error", seed=0)
    Y = np.column_stack([np.sin(X[:, 0]), np.cos(X[:, 0])])
    two.train(X, Y, epochs=5)
    assert two.predict(X).shape == (30, 2)
    assert two.score(X, Y) == pytest.approx(r2_score(Y, two.predict(X)), rel=1e-12)


def test_it_has_no_predict_proba():
    X, y = _sine(10)
    model = _regressor()
    model.train(X, y, epochs=1)
    with pytest.raises(AttributeError, match="classifier"):
        model.predict_proba(X)


@pytest.mark.parametrize("l2", [0.0, 0.01])
def test_its_gradients_pass_the_gradient_check(l2):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(13, 3)), rng.normal(size=(13, 2))
    model = MLP([3, 5, 4, 2], "tanh", loss="squared_error", l2=l2, seed=0)
    assert gradient_check(model, X, y).overall < 1e-7
    model._forward(X)
    weight_grads, _ = model._backward(X, y)
    result = gradient_check(model, X, y)
    assert result.overall < 1e-7
    assert len(weight_grads) == 3


@pytest.mark.parametrize(
    ("loss", "error"), [("mse", ValueError), ("mean_squared_error", ValueError), (3, TypeError)]
)
def test_bad_loss_names_are_refused_naming_loss(loss, error):
    with pytest.raises(error, match=r"loss must be one of \['cross_entropy', 'squared_error'\]"):
        MLP([1, 4, 1], loss=loss)


def test_labels_are_not_needed_but_targets_must_be_real_and_finite():
    X, _ = _sine(10)
    model = _regressor()
    with pytest.raises(ValueError, match="y"):
        model.train(X, np.full(10, np.nan), epochs=1)


def test_save_and_load_round_trip_predicts_and_trains_on_identically(tmp_path):
    X, y = _sine(50)
    model = _regressor(optimizer="adam")
    model.train(X, y, epochs=20, batch_size=8)
    model.save(tmp_path / "sine.mlplab")
    again = load(tmp_path / "sine.mlplab")
    assert isinstance(again, MLP)
    assert again.loss.name == "mean_squared_error"
    np.testing.assert_array_equal(again.predict(X), model.predict(X))
    assert again.score(X, y) == model.score(X, y)
    model.train(X, y, epochs=5, batch_size=8)
    again.train(X, y, epochs=5, batch_size=8)
    np.testing.assert_array_equal(again.network.params, model.network.params)


def test_early_stopping_and_verbose_work_without_accuracy(capsys):
    X, y = _sine(80)
    model = _regressor(early_stopping=True, patience=3)
    history = model.train(X, y, epochs=50, verbose=True)
    assert history.val_loss
    assert not history.val_metrics
    out = capsys.readouterr().out
    assert "loss" in out
    assert "accuracy" not in out
