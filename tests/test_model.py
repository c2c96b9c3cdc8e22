"""The one wiring (:class:`mlplab.Model`): streams, hold-out, regression, faces, old model files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import mlplab
from mlplab import MLP, Model
from mlplab.datasets import make_spirals
from mlplab.nn import EarlyStopping, IdentityHead, MeanSquaredError
from mlplab.nn.heads import get_head
from mlplab.nn.losses import get_loss

DATA = Path(__file__).parent / "data"


def spirals(n=80):
    X, y = make_spirals(n, 0.1, seed=3)
    return X / 12.0, y


# ------------------------------------------------------------- hold-out
def test_float32_with_early_stopping_keeps_float32_data(monkeypatch):
    """The hold-out splits row indices: the float32 network trains on float32 data (0.1 upcast it)."""
    import mlplab.model as model_module

    seen = []

    def spy(network, loss, optimizer, X, targets, **kwargs):
        seen.append((X.dtype, targets.dtype, kwargs["validation"][0].dtype, kwargs["validation"][1].dtype))
        return original(network, loss, optimizer, X, targets, **kwargs)

    original = model_module.fit
    monkeypatch.setattr(model_module, "fit", spy)
    X, y = spirals()
    model = MLP([2, 8, 1], "tanh", 0.1, seed=0, dtype=np.float32, early_stopping=True, patience=3)
    model.train(X, y, epochs=5, batch_size=16)
    assert seen == [(np.float32,) * 4]


def test_repeated_train_validates_on_the_same_rows():
    X, y = spirals()
    model = MLP([2, 8, 1], "tanh", 0.1, seed=0, early_stopping=True, patience=50)
    rows = [model.model.holdout(y) for _ in range(2)]
    np.testing.assert_array_equal(rows[0][1], rows[1][1])
    assert set(rows[0][0]).isdisjoint(rows[0][1])
    assert len(rows[0][0]) + len(rows[0][1]) == len(y)
    # training twice: the second call's validation loss starts where the first one's ended
    first = model.train(X, y, epochs=4, batch_size=16)
    X_val, y_val = X[rows[0][1]], y[rows[0][1]]
    penalty = 0.0  # no L2
    assert first.val_loss[-1] == pytest.approx(model.model.data_loss(X_val, y_val) + penalty, rel=1e-12)
    second = model.train(X, y, epochs=1, batch_size=16)
    assert len(second.val_loss) == 1
    # another model of the same seed holds out the same rows; another seed other rows
    same = MLP([2, 8, 1], "tanh", 0.1, seed=0, early_stopping=True).model.holdout(y)[1]
    other = MLP([2, 8, 1], "tanh", 0.1, seed=1, early_stopping=True).model.holdout(y)[1]
    np.testing.assert_array_equal(same, rows[0][1])
    assert not np.array_equal(np.sort(other), np.sort(rows[0][1]))


def test_early_stopping_can_be_passed_whole():
    X, y = spirals()
    stopper = EarlyStopping(patience=2, min_delta=0.5, restore_best=True)  # demands a huge improvement
    model = Model([2, 8, 1], "tanh", optimizer="adam", learning_rate=0.01, seed=0, early_stopping=stopper)
    history = model.fit(X, y, epochs=100, batch_size=16)
    assert history.stopped_epoch == 3
    assert history.best_epoch == 1
    assert history.restored_best
    with pytest.raises(TypeError, match="early_stopping must be None or an EarlyStopping, got True"):
        Model([2, 1], early_stopping=True)
    face = MLP([2, 8, 1], "tanh", 0.01, optimizer="adam", seed=0, early_stopping=stopper)
    assert face.early_stopping
    assert (face.patience, face.min_delta, face.restore_best_weights) == (2, 0.5, True)
    assert face.train(X, y, epochs=100, batch_size=16).stopped_epoch == 3


# ---------------------------------------------------------------- streams
def test_learning_rate_is_one_value():
    model = MLP([2, 3, 1], learning_rate=0.5, seed=0)
    model.optimizer.learning_rate = 0.25
    assert model.learning_rate == 0.25
    model.learning_rate = 0.125
    assert model.optimizer.learning_rate == 0.125
    with pytest.raises(ValueError, match=r"learning_rate must be a finite number > 0, got -1.0"):
        model.learning_rate = -1.0
    assert model.learning_rate == 0.125


def test_random_state_round_trip_gives_the_same_training():
    X, y = spirals()
    a = Model([2, 6, 1], "relu", seed=5)
    a.fit(X, y, epochs=2, batch_size=10)
    state, params = a.random_state(), a.network.params.copy()
    b = Model([2, 6, 1], "relu", seed=99)
    b.network.params[...] = params
    b.set_random_state(state)
    b.fitted = True
    a.fit(X, y, epochs=3, batch_size=10)
    b.fit(X, y, epochs=3, batch_size=10)
    np.testing.assert_array_equal(a.network.params, b.network.params)
    with pytest.raises(ValueError, match="random state must be a dict with keys"):
        b.set_random_state({"init": state["init"]})


# ------------------------------------------------------------- regression
def smooth_function(n=64, seed=0):
    x = np.linspace(-1.0, 1.0, n).reshape(-1, 1)
    return x, np.sin(3.0 * x[:, 0]) + 0.5 * x[:, 0] ** 2


def test_regression_trains_on_a_smooth_function():
    X, y = smooth_function()
    model = Model([1, 32, 32, 1], "tanh", head="identity", optimizer="adam", learning_rate=0.01, seed=0)
    assert isinstance(model.head, IdentityHead)
    assert isinstance(model.loss, MeanSquaredError)
    before = model.data_loss(X, y)
    history = model.fit(X, y, epochs=1500, batch_size=16)
    assert history.train_metrics == {}  # a regression head reports no accuracy: the loss is its metric
    after = model.data_loss(X, y)
    assert after < 1e-3 < before
    prediction = model.predict(X)
    assert prediction.shape == (64,)
    np.testing.assert_allclose(after, 0.5 * np.mean((prediction - y) ** 2), rtol=1e-12)
    assert model.score(X, y) > 0.99  # R²
    with pytest.raises(AttributeError, match="predict_proba needs a classifier head"):
        model.predict_proba(X)


def test_regression_gradient_check_two_outputs_and_l2():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(9, 3))
    Y = rng.normal(size=(9, 2))
    model = Model([3, 5, 2], "sigmoid", head="identity", l2=0.01, seed=2)
    result = model.gradient_check(X, Y)
    assert result.max_error < 1e-8, result.errors
    # the loss is ½ mean over all entries, as scikit-learn's squared_error
    logits = model.network.predict_logits(X)
    assert model.data_loss(X, Y) == pytest.approx(0.5 * np.mean((logits - Y) ** 2), rel=1e-14)


def test_regression_saves_and_loads(tmp_path):
    X, y = smooth_function(32)
    model = Model([1, 8, 1], "tanh", head="identity", optimizer="adam", learning_rate=0.01, seed=0)
    model.fit(X, y, epochs=20, batch_size=8)
    from mlplab.serialization.model_codec import decode_model, encode_model

    document, arrays = encode_model(model)
    assert (document["head"], document["loss"]) == ("identity", "mean_squared_error")
    again = decode_model(json.loads(json.dumps(document)), arrays, head=document["head"],
                         loss=document["loss"], fields=json.loads(json.dumps(document["model"])))  # fmt: skip
    np.testing.assert_array_equal(again.predict(X), model.predict(X))
    model.fit(X, y, epochs=3, batch_size=8)
    again.fit(X, y, epochs=3, batch_size=8)
    np.testing.assert_array_equal(again.network.params, model.network.params)


def test_a_regression_model_is_refused_by_the_sheets_classifier_face():
    with pytest.raises(ValueError, match="the sheet's MLP is a classifier"):
        MLP.from_model(Model([1, 2, 1], head="identity"))


@pytest.mark.parametrize(
    ("kwargs", "error", "pattern"),
    [
        (
            {"head": "gaussian"},
            ValueError,
            r"head must be one of \['binary', 'identity', 'multilabel', 'softmax'\], got 'gaussian'",
        ),
        (
            {"head": "softmax"},
            ValueError,
            r"head='softmax': the softmax head needs at least 2 output units, got 1",
        ),
        ({"head": 3}, TypeError, r"head must be one of .* or a Head, got 3"),
        ({"loss": "hinge"}, ValueError, r"loss must be one of .*, got 'hinge'"),
        (
            {"loss": "mean_squared_error"},
            ValueError,
            r"loss 'mean_squared_error' does not fit the 'binary' head",
        ),
        (
            {"validation_fraction": 1.0},
            ValueError,
            r"validation_fraction must lie strictly between 0 and 1, got 1.0",
        ),
    ],
)
def test_bad_model_settings_name_the_argument(kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        Model([2, 3, 1], **kwargs)


def test_heads_and_losses_are_tables():
    assert get_head(None, 1).default_loss == "binary_cross_entropy"
    assert get_head(None, 3).default_loss == "softmax_cross_entropy"
    assert get_loss(get_head("identity", 2).default_loss).name == "mean_squared_error"


# ------------------------------------------------------------ old model files
EXPECTED = json.loads((DATA / "v1_expected.json").read_text())
PROBE = np.array(EXPECTED["probe"])


def test_format_1_mlp_loads_and_predicts_as_mlplab_0_1_did():
    model = mlplab.load(DATA / "v1_mlp_adam.mlplab")
    expected = EXPECTED["files"]["v1_mlp_adam.mlplab"]
    np.testing.assert_array_equal(model.predict_proba(PROBE), np.array(expected["proba"]))
    assert model.optimizer.n_steps == expected["n_steps"]
    assert model.history.n_epochs == expected["epochs"]
    assert model.early_stopping
    assert model.patience == 5
    assert (model.head.name, model.loss.name) == ("binary", "binary_cross_entropy")


def test_format_1_mlp_trains_on_exactly_as_mlplab_0_1_did():
    """Optimiser state and the shuffle stream come back: three more epochs give 0.1's numbers, bit for bit."""
    X, _ = make_spirals(60, 0.1, seed=1)
    model = mlplab.load(DATA / "v1_mlp_momentum_softmax.mlplab")
    model.train(X / 12, np.arange(60) % 3, epochs=3, batch_size=8)
    expected = EXPECTED["files"]["v1_mlp_momentum_softmax.mlplab"]["proba_after_3_more_epochs"]
    np.testing.assert_array_equal(model.predict_proba(PROBE), np.array(expected))


def test_format_1_classifier_loads():
    pytest.importorskip("sklearn")
    model = mlplab.load(DATA / "v1_classifier.mlplab")
    expected = EXPECTED["files"]["v1_classifier.mlplab"]
    np.testing.assert_array_equal(model.predict_proba(PROBE), np.array(expected["proba"]))
    assert model.classes_.tolist() == expected["classes"]
    assert model.loss_curve_ == expected["loss_curve"]
    assert len(model.validation_loss_curve_) == len(model.loss_curve_)
