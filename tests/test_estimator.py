"""The scikit-learn estimator: scikit-learn's own checks, label handling, the core underneath, bad input.

scikit-learn's check suite runs on two configurations, every check, none
skipped by us and none marked as an expected failure. Two of its checks depend
on the environment: the pandas checks need pandas, and the array-API check
needs ``SCIPY_ARRAY_API=1`` before SciPy is first imported, which tests/conftest.py sets.
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import load_iris, make_blobs
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import parametrize_with_checks

import mlplab
from mlplab import DivergenceError, MLPClassifier
from mlplab.nn import Network

ROOT = Path(__file__).resolve().parents[1]

CHECKED = [
    MLPClassifier(hidden_layer_sizes=(16,), learning_rate=0.01, epochs=100, random_state=0),
    MLPClassifier(hidden_layer_sizes=(8, 8), activation="tanh", solver="momentum", learning_rate=0.1,
                  batch_size=16, epochs=60, early_stopping=True, validation_fraction=0.2, patience=5,
                  random_state=0, dtype="float32"),
]  # fmt: skip


@parametrize_with_checks(CHECKED)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


def blobs(n_classes=3, n_samples=150, seed=0):
    X, y = make_blobs(n_samples=n_samples, centers=n_classes, cluster_std=1.0, random_state=seed)
    return StandardScaler().fit_transform(X), y


def small(**params) -> MLPClassifier:
    settings = {"hidden_layer_sizes": (16,), "learning_rate": 0.01, "epochs": 60, "random_state": 0}
    return MLPClassifier(**{**settings, **params})


# ------------------------------------------------------------ the package
def test_import_mlplab_does_not_import_sklearn_and_mlp_works_without_it(tmp_path):
    code = f"""
import sys
sys.modules["sklearn"] = None  # make any import of scikit-learn fail
import mlplab
assert "sklearn" not in [m.split(".")[0] for m in sys.modules if sys.modules[m] is not None]
from mlplab.datasets import make_xor
X, y = make_xor()
model = mlplab.MLP([2, 4, 1], "tanh", 0.5, seed=0)
model.train(X, y, epochs=2000)
model.save({str(tmp_path / "xor.npz")!r})
assert (mlplab.load({str(tmp_path / "xor.npz")!r}).predict(X) == y).all()
try:
    from mlplab import MLPClassifier
except ImportError as error:
    print(error)
else:
    raise SystemExit("no ImportError")
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "mlplab[sklearn]" in result.stdout
    assert "scikit-learn" in result.stdout


def test_mlpclassifier_is_reachable_from_the_package():
    from mlplab.estimator import MLPClassifier as direct

    assert mlplab.MLPClassifier is direct
    assert "MLPClassifier" in dir(mlplab)
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = mlplab.no_such_name


# --------------------------------------------------------------- behaviour
def test_constructor_only_stores_parameters():
    bad = MLPClassifier(hidden_layer_sizes="lots", learning_rate=-1, solver="magic")  # no error yet
    assert bad.get_params()["learning_rate"] == -1
    assert not [name for name in vars(bad) if name.endswith("_")]


def test_fit_uses_the_core_training_loop(monkeypatch):
    import mlplab.model as model_module  # the one wiring: the estimator trains through Model.fit

    calls = []

    def spy(network, loss, optimizer, X, targets, **kwargs):
        calls.append(
            (type(network), type(loss).__name__, type(optimizer).__name__, X.shape, kwargs["epochs"])
        )
        return original(network, loss, optimizer, X, targets, **kwargs)

    original = model_module.fit
    monkeypatch.setattr(model_module, "fit", spy)
    X, y = blobs(3)
    small(solver="rmsprop").fit(X, y)
    small().fit(X, y == 1)
    assert calls == [
        (Network, "SoftmaxCrossEntropy", "RMSprop", (150, 2), 60),
        (Network, "BinaryCrossEntropy", "Adam", (150, 2), 60),
    ]


@pytest.mark.parametrize(
    ("labels", "n_outputs"),
    [
        (np.array(["cat", "dog"]), 1),
        (np.array([-1, 1]), 1),
        (np.array([False, True]), 1),
        (np.array([1.0, 2.0]), 1),
        (np.array(["b", "a", "c"], dtype=object), 3),
        (np.array([10, 20, 30]), 3),
    ],
)
def test_any_label_type_is_learnt_and_given_back(labels, n_outputs):
    X, y = blobs(labels.size)
    y_named = labels[y]
    model = small().fit(X, y_named)
    assert model.network_.layer_sizes[-1] == n_outputs  # one sigmoid unit, or softmax
    np.testing.assert_array_equal(model.classes_, np.unique(labels))
    assert model.classes_.dtype == np.unique(y_named).dtype
    predicted = model.predict(X)
    assert predicted.dtype == model.classes_.dtype
    assert set(predicted) <= set(labels)
    assert model.score(X, y_named) > 0.9


def test_binary_outputs_agree_with_each_other():
    X, y = blobs(2)
    model = small().fit(X, np.array(["no", "yes"])[y])
    z = model.decision_function(X)
    assert z.shape == (150,)
    proba = model.predict_proba(X)
    assert proba.shape == (150, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(proba[:, 1], 1 / (1 + np.exp(-z)), rtol=1e-14)
    np.testing.assert_array_equal(model.predict(X), np.where(z > 0, "yes", "no"))
    np.testing.assert_allclose(model.predict_log_proba(X), np.log(proba), rtol=1e-12, atol=1e-15)


def test_binary_probabilities_keep_their_relative_accuracy():
    model = small().fit(*blobs(2))
    model.network_.params[...] = 0.0
    model.network_.biases[-1][0] = 50.0  # z = 50 for every sample: p(class 0) = σ(−50) ≈ 1.9e-22
    proba = model.predict_proba(np.zeros((1, 2)))
    assert proba[0, 0] == pytest.approx(1 / (1 + np.exp(50.0)), rel=1e-14)
    assert model.predict_log_proba(np.zeros((1, 2)))[0, 0] == pytest.approx(-50.0, rel=1e-14)


def test_multiclass_outputs_agree_with_each_other():
    X, y = blobs(4)
    model = small().fit(X, y)
    logits = model.decision_function(X)
    assert logits.shape == (150, 4)
    proba = model.predict_proba(X)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-14)
    np.testing.assert_array_equal(model.predict(X), np.argmax(logits, axis=1))
    np.testing.assert_allclose(np.exp(model.predict_log_proba(X)), proba, rtol=1e-14)


def test_fitted_attributes():
    X, y = blobs(3)
    model = small(epochs=25).fit(X, y)
    assert model.n_features_in_ == 2
    assert model.n_iter_ == 25 == len(model.loss_curve_)
    assert model.loss_ == model.loss_curve_[-1]
    assert model.best_loss_ == min(model.loss_curve_)
    assert model.validation_loss_curve_ is None
    assert model.best_validation_loss_ is None
    assert model.loss_curve_[-1] < model.loss_curve_[0]
    assert [w.shape for w in model.network_.weights] == [(16, 2), (3, 16)]


def test_early_stopping_keeps_the_best_epoch():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, 20))
    y = rng.integers(0, 2, size=80)  # pure noise: the validation loss soon rises
    model = MLPClassifier((64,), learning_rate=0.01, epochs=500, early_stopping=True, patience=5,
                          validation_fraction=0.25, random_state=0).fit(X, y)  # fmt: skip
    assert model.n_iter_ < 500
    assert len(model.validation_loss_curve_) == model.n_iter_ == len(model.loss_curve_)
    assert model.best_validation_loss_ == min(model.validation_loss_curve_)
    assert model.best_loss_ is None


@pytest.mark.parametrize("batch_size", ["auto", None, 7, 1000])
def test_batch_sizes(batch_size):
    X, y = blobs(2, n_samples=40)
    assert small(batch_size=batch_size, epochs=30).fit(X, y).score(X, y) > 0.9


def test_same_random_state_same_model_and_refit_starts_afresh():
    X, y = blobs(3)
    a, b = small().fit(X, y), small().fit(X, y)
    np.testing.assert_array_equal(a.network_.params, b.network_.params)
    assert a.loss_curve_ == b.loss_curve_
    c = small(random_state=1).fit(X, y)
    assert not np.array_equal(a.network_.params, c.network_.params)
    a.fit(X, y)
    np.testing.assert_array_equal(a.network_.params, b.network_.params)


def test_float32_computes_in_float32():
    X, y = blobs(3)
    model = small(dtype="float32").fit(X, y)
    assert model.network_.params.dtype == np.float32
    assert model.predict_proba(X).dtype == np.float32
    assert model.score(X, y) > 0.9


def test_logistic_is_an_alias_for_sigmoid():
    model = small(activation="logistic").fit(*blobs(2))
    assert model.network_.activation.name == "sigmoid"
    assert model.get_params()["activation"] == "logistic"


def test_divergence_keeps_the_estimator_usable():
    X, y = blobs(2)
    model = MLPClassifier((8,), solver="sgd", learning_rate=1e12, epochs=50, random_state=0)
    with pytest.raises(DivergenceError, match="learning_rate"):
        model.fit(X * 1e3, y)
    assert np.isfinite(model.network_.params).all()
    assert model.predict(X).shape == (150,)
    assert np.isfinite(model.predict_proba(X)).all()


def test_predict_before_fit_raises_sklearns_not_fitted_error():
    for method in ("predict", "predict_proba", "predict_log_proba", "decision_function"):
        with pytest.raises(NotFittedError):
            getattr(MLPClassifier(), method)(np.zeros((1, 2)))


# ------------------------------------------------------------ scikit-learn
def test_pipeline_grid_search_and_cross_validation_on_iris():
    X, y = load_iris(return_X_y=True)
    pipeline = make_pipeline(StandardScaler(), small(epochs=100))
    scores = cross_val_score(pipeline, X, y, cv=3)
    assert scores.mean() > 0.85
    search = GridSearchCV(pipeline, {"mlpclassifier__hidden_layer_sizes": [(4,), (16,)]}, cv=3).fit(X, y)
    assert search.best_params_["mlpclassifier__hidden_layer_sizes"] in [(4,), (16,)]
    assert search.score(X, y) > 0.9


def test_clone_and_pickle_round_trip():
    X, y = blobs(3)
    model = small().fit(X, np.array(["a", "b", "c"])[y])
    copy = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(copy.predict_proba(X), model.predict_proba(X))
    np.testing.assert_array_equal(copy.predict(X), model.predict(X))
    assert copy.loss_curve_ == model.loss_curve_
    network = copy.network_
    assert all(np.shares_memory(w, network.params) for w in network.weights)  # still views
    network.params[...] = 0.0
    assert (copy.decision_function(X) == 0.0).all()  # the layers see the flat vector
    fresh = clone(model)
    assert fresh.get_params() == model.get_params()
    assert not hasattr(fresh, "classes_")


def test_digits_example_reaches_96_percent_with_small_settings():
    namespace = {"__name__": "digits_example"}
    exec(compile((ROOT / "examples" / "digits.py").read_text(), "digits.py", "exec"), namespace)
    result = namespace["run"](epochs=60, grid={"mlp__l2": [0.0, 1e-4]}, cv=2)
    assert result["test_accuracy"] >= 0.96
    assert result["search_test_accuracy"] >= 0.95
    assert result["best_params"]["mlp__l2"] in (0.0, 1e-4)
    assert result["n_candidates"] == 2
    assert result["saved_model_predicts_the_same"]


# -------------------------------------------------------------- bad input
def message(name: str, value: str) -> str:
    """The parameter ``name`` as a whole word, later the offending ``value`` literally."""
    return r"(?s)(?<![\w.])" + re.escape(name) + r"(?!\w).*" + re.escape(value)


BAD_PARAMETERS = [
    ({"hidden_layer_sizes": "100"}, TypeError, "hidden_layer_sizes", "'100'"),
    ({"hidden_layer_sizes": None}, TypeError, "hidden_layer_sizes", "None"),
    ({"hidden_layer_sizes": True}, TypeError, "hidden_layer_sizes", "True"),
    ({"hidden_layer_sizes": (10, 0)}, ValueError, "hidden_layer_sizes[1]", "0"),
    ({"hidden_layer_sizes": -3}, ValueError, "hidden_layer_sizes[0]", "-3"),
    ({"hidden_layer_sizes": (10, 2.5)}, TypeError, "hidden_layer_sizes[1]", "2.5"),
    ({"hidden_layer_sizes": np.ones((2, 2), dtype=int)}, ValueError, "hidden_layer_sizes", "(2, 2)"),
    ({"activation": "softmax"}, ValueError, "activation", "'softmax'"),
    ({"activation": None}, TypeError, "activation", "None"),
    ({"solver": "lbfgs"}, ValueError, "solver", "'lbfgs'"),
    ({"solver": 3}, TypeError, "solver", "3"),
    ({"learning_rate": 0.0}, ValueError, "learning_rate", "0.0"),
    ({"learning_rate": -0.1}, ValueError, "learning_rate", "-0.1"),
    ({"learning_rate": float("nan")}, ValueError, "learning_rate", "nan"),
    ({"learning_rate": float("inf")}, ValueError, "learning_rate", "inf"),
    ({"learning_rate": "0.1"}, TypeError, "learning_rate", "'0.1'"),
    ({"learning_rate": True}, TypeError, "learning_rate", "True"),
    ({"l2": -1.0}, ValueError, "l2", "-1.0"),
    ({"l2": "strong"}, TypeError, "l2", "'strong'"),
    ({"batch_size": 0}, ValueError, "batch_size", "0"),
    ({"batch_size": 2.5}, TypeError, "batch_size", "2.5"),
    ({"batch_size": "full"}, ValueError, "batch_size", "'full'"),
    ({"batch_size": True}, TypeError, "batch_size", "True"),
    ({"epochs": 0}, ValueError, "epochs", "0"),
    ({"epochs": 1.5}, TypeError, "epochs", "1.5"),
    ({"epochs": None}, TypeError, "epochs", "None"),
    ({"early_stopping": "yes"}, TypeError, "early_stopping", "'yes'"),
    ({"early_stopping": 1}, TypeError, "early_stopping", "1"),
    ({"validation_fraction": 0.0}, ValueError, "validation_fraction", "0.0"),
    ({"validation_fraction": 1.5}, ValueError, "validation_fraction", "1.5"),
    ({"validation_fraction": "0.1"}, TypeError, "validation_fraction", "'0.1'"),
    ({"patience": 0}, ValueError, "patience", "0"),
    ({"patience": 2.0}, TypeError, "patience", "2.0"),
    ({"min_delta": -1e-3}, ValueError, "min_delta", "-0.001"),
    ({"random_state": -1}, ValueError, "random_state", "-1"),
    ({"random_state": "seed"}, TypeError, "random_state", "'seed'"),
    ({"random_state": 1.5}, TypeError, "random_state", "1.5"),
    ({"dtype": "float16"}, ValueError, "dtype", "'float16'"),
    ({"dtype": "int64"}, ValueError, "dtype", "'int64'"),
    ({"dtype": "banana"}, ValueError, "dtype", "'banana'"),
    ({"dtype": object()}, TypeError, "dtype", "object"),
]


def _stable_id(params: dict) -> str:
    """A test id without memory addresses, so that every xdist worker collects the same tests."""
    return re.sub(r" at 0x[0-9a-f]+", "", f"{params}")


@pytest.mark.parametrize(
    ("params", "error", "name", "value"), BAD_PARAMETERS, ids=[_stable_id(p) for p, *_ in BAD_PARAMETERS]
)
def test_bad_hyperparameters_are_refused_in_fit(params, error, name, value):
    model = MLPClassifier(**params)  # the constructor accepts anything
    X, y = blobs(2, n_samples=20)
    with pytest.raises(error, match=message(name, value)) as info:
        model.fit(X, y)
    assert type(info.value) is error
    assert not [attr for attr in vars(model) if attr.endswith("_")]  # still unfitted


def test_bad_data_is_refused_in_fit():
    X, y = blobs(2, n_samples=20)
    with pytest.raises(ValueError, match=r"at least 2 classes.*1 class"):
        small().fit(X, np.zeros(20))
    with pytest.raises(ValueError, match=message("validation_fraction", "0.01")):
        small(early_stopping=True, validation_fraction=0.01).fit(X, y)
    with pytest.raises(ValueError, match="Unknown label type"):
        small().fit(X, np.linspace(0, 1, 20))
    with pytest.raises(ValueError, match="NaN"):
        small().fit(np.where(X > 1, np.nan, X), y)
    with pytest.raises(ValueError, match="X has 3 features, but MLPClassifier is expecting 2"):
        small().fit(X, y).predict(np.zeros((1, 3)))
    with pytest.raises(ValueError, match=r"X holds 1e\+300 at index \(0, 0\), too large for float32"):
        small(dtype="float32").fit(np.full((20, 2), 1e300), y)


def test_array_api_check_is_enabled():
    # tests/conftest.py sets it before SciPy is imported, so the array-API check runs, not skips.
    assert os.environ.get("SCIPY_ARRAY_API") == "1"


@pytest.mark.parametrize(
    ("hidden", "n_features", "names"),
    [((10**7, 10**7), 2, "(with one input)"), ((9000, 9000), 20000, "with 20000 features and 1 output")],
    ids=["huge-alone", "too-large-with-the-data"],
)
def test_too_many_parameters_name_hidden_layer_sizes_before_any_allocation(hidden, n_features, names):
    X = np.zeros((4, n_features), dtype=np.float32)
    with pytest.raises(ValueError, match=re.escape(f"hidden_layer_sizes={list(hidden)} {names} needs")):
        MLPClassifier(hidden_layer_sizes=hidden, dtype=np.float64).fit(X, [0, 1, 0, 1])
