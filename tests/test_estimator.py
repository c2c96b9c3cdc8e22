"""The scikit-learn drop-ins: scikit-learn's own checks, its names and algorithm, mlplab's additions.

scikit-learn's check suite runs on a classifier and a regressor, every check,
none skipped by us and none marked as an expected failure. The array-API checks
run for the namespaces installed here (NumPy and array-api-strict, the dev
extra); the ones for libraries that are not installed (PyTorch, CuPy, dpnp)
are not generated, instead of being collected only to skip. The array-API
check needs ``SCIPY_ARRAY_API=1`` before SciPy is first imported, which
tests/conftest.py sets; the pandas checks need pandas.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import re
import subprocess
import sys
import types
import warnings
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sparse
from sklearn.base import clone
from sklearn.datasets import load_digits, load_iris, make_blobs, make_regression
from sklearn.exceptions import ConvergenceWarning, NotFittedError
from sklearn.model_selection import GridSearchCV, cross_val_score, train_test_split
from sklearn.neural_network import MLPClassifier as SkClassifier
from sklearn.neural_network import MLPRegressor as SkRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import parametrize_with_checks

import mlplab
from mlplab import MLPClassifier, MLPRegressor, StopTraining

ROOT = Path(__file__).resolve().parents[1]

# Short fits on purpose: scikit-learn warns when max_iter ends a fit; the checks below test the warning.
pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

CHECKED = [
    MLPClassifier(hidden_layer_sizes=(16,), learning_rate_init=0.01, max_iter=300, tol=1e-2,
                  n_iter_no_change=3, random_state=0),
    MLPRegressor(hidden_layer_sizes=(16,), learning_rate_init=0.01, max_iter=300, tol=1e-2,
                 n_iter_no_change=3, random_state=0),
]  # fmt: skip


def _installed(check) -> bool:
    """Whether every array namespace a check would use is installed here."""
    keywords = getattr(check, "keywords", {})
    names = [keywords.get("array_namespace")]
    names += [getattr(keywords.get(key), "xp", None) for key in ("X_ns_and_device", "other_ns_and_device")]
    return all(importlib.util.find_spec(name.split(".")[0]) is not None for name in names if name)


_ALL = parametrize_with_checks(CHECKED).mark
_PAIRS = [pair for pair in _ALL.args[1] if _installed(pair[1])]


@pytest.mark.parametrize(_ALL.args[0], _PAIRS, **_ALL.kwargs)
@pytest.mark.filterwarnings("error::sklearn.exceptions.ConvergenceWarning")
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


def test_the_array_api_checks_run():
    names = [getattr(check, "keywords", {}).get("array_namespace") for _, check in _PAIRS]
    assert "array_api_strict" in names
    assert os.environ.get("SCIPY_ARRAY_API") == "1"


def blobs(n_classes=3, n_samples=150, seed=0):
    X, y = make_blobs(n_samples=n_samples, centers=n_classes, cluster_std=1.0, random_state=seed)
    return StandardScaler().fit_transform(X), y


def regression(n_samples=120, n_targets=1, seed=0):
    X, y = make_regression(
        n_samples=n_samples, n_features=4, n_targets=n_targets, noise=1.0, random_state=seed
    )
    return StandardScaler().fit_transform(X), y / np.abs(y).max()


def small(cls=MLPClassifier, **params):
    settings = {"hidden_layer_sizes": (16,), "learning_rate_init": 0.01, "max_iter": 60, "random_state": 0}
    return cls(**{**settings, **params})


# ------------------------------------------------------------ the package
def test_import_mlplab_does_not_import_sklearn_and_mlp_works_without_it():
    code = """
import sys
sys.modules["sklearn"] = None  # make any import of scikit-learn fail
import mlplab
assert "sklearn" not in [m.split(".")[0] for m in sys.modules if sys.modules[m] is not None]
for name in ("MLPClassifier", "MLPRegressor"):
    try:
        getattr(mlplab, name)
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


def test_both_are_reachable_from_the_package():
    from mlplab.estimator import MLPClassifier as direct_classifier
    from mlplab.estimator import MLPRegressor as direct_regressor

    assert mlplab.MLPClassifier is direct_classifier
    assert mlplab.MLPRegressor is direct_regressor
    assert {"MLPClassifier", "MLPRegressor"} <= set(dir(mlplab))


# ------------------------------------------------------- scikit-learn's names
@pytest.mark.parametrize(("ours", "theirs"), [(MLPClassifier, SkClassifier), (MLPRegressor, SkRegressor)])
def test_scikit_learns_parameters_names_and_defaults(ours, theirs):
    mine, sk = ours().get_params(), theirs().get_params()
    assert {name: mine[name] for name in sk} == sk  # every one of scikit-learn's, with its default
    own = set(mine) - set(sk)
    assert own == {"l2", "optimizer", "dtype", "callbacks", "dropout"} | (
        {"class_weight"} if ours is MLPClassifier else set()
    )


def test_constructor_only_stores_parameters():
    bad = MLPClassifier(hidden_layer_sizes="lots", learning_rate_init=-1, solver="magic")  # no error yet
    assert bad.get_params()["learning_rate_init"] == -1
    assert not [name for name in vars(bad) if name.endswith("_")]


def test_fitted_attributes_as_scikit_learn_names_and_shapes_them():
    X, y = blobs(3)
    model = small(hidden_layer_sizes=(16, 8), max_iter=25, tol=0.0).fit(X, y)
    reference = SkClassifier((16, 8), learning_rate_init=0.01, max_iter=25, tol=0.0, random_state=0).fit(X, y)
    assert (
        [c.shape for c in model.coefs_] == [c.shape for c in reference.coefs_] == [(2, 16), (16, 8), (8, 3)]
    )
    assert [b.shape for b in model.intercepts_] == [b.shape for b in reference.intercepts_]
    for name in ("n_features_in_", "n_iter_", "n_layers_", "n_outputs_", "out_activation_", "t_"):
        assert getattr(model, name) == getattr(reference, name), name
    assert model.loss_ == model.loss_curve_[-1]
    assert len(model.loss_curve_) == 25
    assert model.best_loss_ == min(model.loss_curve_)
    assert model.validation_scores_ is None
    assert model.best_validation_score_ is None
    np.testing.assert_array_equal(model.classes_, reference.classes_)
    # coefs_ are views of the network's weights, as (fan_in, fan_out)
    assert all(np.shares_memory(c, model.network_.params) for c in model.coefs_)
    np.testing.assert_array_equal(model.coefs_[0], model.network_.weights[0].T)


def test_the_loss_is_scikit_learns_objective():
    """One full-batch epoch: loss_ is the mean loss + alpha/(2n) Σ‖W‖² at the initial weights."""
    X, y = blobs(3)
    model = small(max_iter=1, alpha=0.5, batch_size=150)
    model.fit(X, y)
    start = small(max_iter=1, alpha=0.5, batch_size=150, learning_rate_init=1e-300).fit(X, y)
    network = start.model_.network
    logits = network.predict_logits(X)
    targets = np.eye(3)[y]
    expected = start.model_.loss.value(logits, targets) + 0.25 / 150 * network.l2_penalty()
    assert model.loss_ == pytest.approx(expected, rel=1e-10)
    assert model.t_ == 150


def test_verbose_prints_scikit_learns_lines(capsys):
    small(max_iter=3, verbose=True).fit(*blobs(2))
    lines = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"Iteration 1, loss = \d+\.\d{8}", lines[0])
    assert len([line for line in lines if line.startswith("Iteration")]) == 3


def test_max_iter_warns_as_scikit_learn_and_tol_stops():
    X, y = blobs(2)
    with pytest.warns(ConvergenceWarning, match=r"Maximum iterations \(5\) reached"):
        small(max_iter=5).fit(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        model = small(max_iter=500, tol=1e9, n_iter_no_change=2).fit(X, y)
    assert model.n_iter_ == 4  # epoch 1 sets the best loss; 3 epochs without improvement > 2


def test_early_stopping_on_the_validation_score_with_a_loss_curve_next_to_it():
    X, y = blobs(3, n_samples=200)
    model = small(max_iter=200, early_stopping=True, n_iter_no_change=3, validation_fraction=0.2).fit(X, y)
    assert model.n_iter_ < 200
    assert len(model.validation_scores_) == len(model.loss_curve_) == len(model.validation_loss_curve_)
    assert model.best_validation_score_ == max(model.validation_scores_)
    assert model.best_loss_ is None  # as scikit-learn
    regressor = small(MLPRegressor, max_iter=200, early_stopping=True, n_iter_no_change=3).fit(*regression())
    assert regressor.best_validation_score_ == max(regressor.validation_scores_)  # R²
    assert regressor.best_validation_score_ > 0.0


@pytest.mark.parametrize("solver", ["adam", "sgd"])
@pytest.mark.parametrize("data", ["iris", "digits"])
def test_drop_in_comparable_to_scikit_learn(solver, data):
    load = load_iris if data == "iris" else load_digits
    X, y = load(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
    scores = {}
    for name, cls in (("mlplab", MLPClassifier), ("sklearn", SkClassifier)):
        runs = []
        for seed in (0, 1):
            model = make_pipeline(StandardScaler(), cls(hidden_layer_sizes=(32,), solver=solver,
                                  learning_rate_init=0.01, max_iter=80, random_state=seed))  # fmt: skip
            runs.append(model.fit(X_train, y_train).score(X_test, y_test))
        scores[name] = np.mean(runs)
    assert abs(scores["mlplab"] - scores["sklearn"]) <= 0.04, scores


def test_regressor_comparable_to_scikit_learn():
    X, y = regression(300)
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    r2 = []
    for cls in (MLPRegressor, SkRegressor):
        runs = [cls(hidden_layer_sizes=(32,), learning_rate_init=0.01, max_iter=200, random_state=seed)
                .fit(X_train, y_train).score(X_test, y_test) for seed in (0, 1, 2)]  # fmt: skip
        r2.append(np.mean(runs))
    assert abs(r2[0] - r2[1]) < 0.02, r2


# ------------------------------------------------ partial_fit and warm_start
@pytest.mark.parametrize("cls", [MLPClassifier, MLPRegressor])
def test_partial_fit_over_one_epochs_batches_equals_one_epoch_of_fit(cls):
    X, y = blobs(3, n_samples=90) if cls is MLPClassifier else regression(90)
    settings = {"shuffle": False, "alpha": 1e-3}
    fitted = small(cls, max_iter=1, batch_size=20, **settings).fit(X, y)
    stepped = small(cls, **settings)
    for start in range(0, 90, 20):
        extra = {"classes": np.unique(y)} if cls is MLPClassifier and start == 0 else {}
        stepped.partial_fit(X[start : start + 20], y[start : start + 20], **extra)
    np.testing.assert_allclose(
        stepped.model_.network.params, fitted.model_.network.params, rtol=0, atol=1e-12
    )
    assert stepped.t_ == fitted.t_ == 90
    assert stepped.model_.optimizer.n_steps == fitted.model_.optimizer.n_steps == 5


def test_partial_fit_needs_classes_first_and_refuses_new_ones():
    X, y = blobs(3)
    with pytest.raises(ValueError, match="classes must be passed on the first call to partial_fit"):
        small().partial_fit(X, y)
    model = small().partial_fit(X[y < 2], y[y < 2], classes=[0, 1, 2])
    assert model.n_outputs_ == 3
    with pytest.raises(ValueError, match=re.escape("not in `self.classes_`")):
        model.partial_fit(X, y + 1)
    with pytest.raises(ValueError, match="partial_fit does not support early_stopping"):
        small(early_stopping=True).partial_fit(X, y, classes=[0, 1, 2])


@pytest.mark.parametrize("solver", ["adam", "sgd"])
@pytest.mark.parametrize("cls", [MLPClassifier, MLPRegressor])
def test_warm_start_continues_with_the_optimisers_state(cls, solver):
    """Unlike scikit-learn (which starts a new optimiser), fit(k) + fit(k) == fit(2k), moments and all."""
    X, y = blobs(3) if cls is MLPClassifier else regression()
    settings = {"solver": solver, "shuffle": False, "tol": 0.0, "n_iter_no_change": 1000, "batch_size": 32}
    once = small(cls, max_iter=10, **settings).fit(X, y)
    twice = small(cls, max_iter=5, warm_start=True, **settings).fit(X, y)
    steps = twice.model_.optimizer.n_steps
    twice.fit(X, y)
    assert twice.model_.optimizer.n_steps == 2 * steps
    np.testing.assert_array_equal(twice.model_.network.params, once.model_.network.params)
    assert twice.loss_curve_ == once.loss_curve_
    assert twice.t_ == once.t_
    assert twice.n_iter_ == 5


def test_warm_start_with_new_optimiser_settings_starts_a_new_optimiser():
    X, y = blobs(3)
    model = small(max_iter=5, warm_start=True).fit(X, y)
    model.set_params(learning_rate_init=0.002).fit(X, y)
    assert model.model_.optimizer.n_steps == 5  # 150 samples, batch 150: one step per epoch, fresh Adam
    assert model.model_.optimizer.learning_rate == 0.002


# ----------------------------------------------------- the solvers and rates
@pytest.mark.parametrize("rate", ["constant", "invscaling", "adaptive"])
def test_sgd_schedules(rate):
    model = small(solver="sgd", learning_rate=rate, learning_rate_init=0.1, max_iter=40).fit(*blobs(3))
    assert model.score(*blobs(3)) > 0.8
    if rate == "invscaling":
        assert model.model_.optimizer.learning_rate == pytest.approx(0.1 / (model.t_ + 1) ** 0.5)


def test_adaptive_rate_divides_by_five_on_a_stall():
    model = small(solver="sgd", learning_rate="adaptive", learning_rate_init=0.1, tol=1e9, n_iter_no_change=1,
                  max_iter=6).fit(*blobs(3))  # fmt: skip
    assert model.model_.optimizer.learning_rate == pytest.approx(0.1 / 5**2)


def test_sgd_momentum_is_scikit_learns_form():
    X, y = blobs(2, n_samples=20)
    model = small(solver="sgd", momentum=0.5, nesterovs_momentum=False, max_iter=1, batch_size=20,
                  alpha=0.0, shuffle=False)  # fmt: skip
    start = clone(model).set_params(learning_rate_init=1e-300).fit(X, y).model_.network.params.copy()
    model.fit(X, y)
    network = model.model_.network
    network.params[...] = start
    _, grad_logits = model.model_.loss.value_and_gradient(network.forward(X), y.reshape(-1, 1).astype(float))
    network.backward(grad_logits)
    np.testing.assert_allclose(model.model_.optimizer.velocity, -0.01 * network.grads, rtol=1e-12)


def test_lbfgs_calls_h4s_solver(monkeypatch):
    """H4's ``fit_lbfgs`` is not in this branch: a stand-in records the contract's call."""
    calls = []

    def fit_lbfgs(
        network, loss, X, targets, *, alpha, max_iter, max_fun, tol, sample_weight=None, verbose=False
    ):
        calls.append((X.shape, targets.shape, alpha, max_iter, max_fun, tol, sample_weight is None, verbose))
        return 7, 0.125, True, "CONVERGENCE"

    monkeypatch.setitem(sys.modules, "mlplab._lbfgs", types.SimpleNamespace(fit_lbfgs=fit_lbfgs))
    model = small(solver="lbfgs", max_iter=50, max_fun=99).fit(*blobs(3))
    assert calls == [((150, 2), (150, 3), 1e-4, 50, 99, 1e-4, True, False)]
    assert (model.n_iter_, model.loss_) == (7, 0.125)
    with pytest.raises(ValueError, match="partial_fit is only available for stochastic optimizers"):
        model.partial_fit(*blobs(3))


@pytest.mark.parametrize("optimizer", ["momentum", "rmsprop"])
def test_mlplabs_own_optimisers_override_the_solver(optimizer):
    model = small(optimizer=optimizer, learning_rate_init=0.1 if optimizer == "momentum" else 0.01).fit(
        *blobs(3)
    )
    assert model.model_.optimizer.name == optimizer
    assert model.score(*blobs(3)) > 0.85


def test_l2_is_the_sheets_penalty_on_the_mean_loss():
    X, y = blobs(3)
    a = small(alpha=0.0, l2=0.01, max_iter=1, batch_size=150).fit(X, y)
    b = small(alpha=0.01 * 2 * 150, max_iter=1, batch_size=150).fit(X, y)  # alpha/(2n) = l2
    np.testing.assert_allclose(a.model_.network.params, b.model_.network.params, rtol=1e-12)


# -------------------------------------------- targets, weights, sparse input
def test_multilabel_classification():
    X, _ = blobs(3)
    Y = np.column_stack([X[:, 0] > 0, X[:, 1] > 0, X[:, 0] + X[:, 1] > 0]).astype(int)
    model = small(max_iter=200).fit(X, Y)
    assert model.out_activation_ == "logistic"
    assert model.n_outputs_ == 3
    assert model.predict(X).shape == (150, 3)
    assert set(np.unique(model.predict(X))) <= {0, 1}
    assert model.predict_proba(X).shape == (150, 3)
    assert model.score(X, Y) > 0.85  # subset accuracy
    np.testing.assert_array_equal(model.classes_, [0, 1, 2])


def test_multi_output_regression():
    X, Y = regression(n_targets=3)
    model = small(MLPRegressor, max_iter=300).fit(X, Y)
    assert model.predict(X).shape == (120, 3)
    assert model.n_outputs_ == 3
    assert model.score(X, Y) > 0.9
    assert small(MLPRegressor).fit(X, Y[:, 0]).predict(X).shape == (120,)


@pytest.mark.parametrize("cls", [MLPClassifier, MLPRegressor])
def test_sample_weight_two_is_a_repeated_sample(cls):
    X, y = blobs(3, n_samples=40) if cls is MLPClassifier else regression(40)
    weights = np.where(np.arange(40) < 10, 2.0, 1.0)
    settings = {"batch_size": "auto", "shuffle": False, "max_iter": 5, "alpha": 1e-2}
    weighted = small(cls, **settings).fit(X, y, sample_weight=weights)
    repeated = small(cls, **settings).fit(np.vstack([X, X[:10]]), np.concatenate([y, y[:10]]))
    np.testing.assert_allclose(weighted.model_.network.params, repeated.model_.network.params, rtol=1e-10)
    again = small(cls, **settings)
    extra = {"classes": np.unique(y)} if cls is MLPClassifier else {}
    again.partial_fit(X, y, sample_weight=weights, **extra)
    assert again.t_ == 40


def test_class_weight_balanced_is_sample_weights():
    X, y = blobs(2, n_samples=60)
    keep = (y == 0) | (np.arange(60) % 4 == 0)
    X, y = X[keep], y[keep]
    settings = {"batch_size": "auto", "max_iter": 3}
    from sklearn.utils.class_weight import compute_sample_weight

    a = small(class_weight="balanced", **settings).fit(X, y)
    b = small(**settings).fit(X, y, sample_weight=compute_sample_weight("balanced", y))
    np.testing.assert_array_equal(a.model_.network.params, b.model_.network.params)
    c = small(class_weight={0: 1.0, 1: 3.0}, **settings).fit(X, y)
    d = small(**settings).fit(X, y, sample_weight=np.where(y == 1, 3.0, 1.0))
    np.testing.assert_array_equal(c.model_.network.params, d.model_.network.params)


@pytest.mark.parametrize("cls", [MLPClassifier, MLPRegressor])
@pytest.mark.parametrize("form", [sparse.csr_matrix, sparse.csc_matrix, sparse.csr_array])
def test_sparse_input_gives_the_dense_models_numbers(cls, form):
    X, y = blobs(3) if cls is MLPClassifier else regression()
    X = np.where(np.abs(X) < 0.5, 0.0, X)
    dense = small(cls, max_iter=5).fit(X, y)
    thin = small(cls, max_iter=5).fit(form(X), y)
    np.testing.assert_allclose(thin.model_.network.params, dense.model_.network.params, rtol=1e-12)
    np.testing.assert_allclose(thin.predict(form(X)), dense.predict(X))


# ---------------------------------------------------------- mlplab's extras
def test_callbacks_see_each_epoch_and_may_stop():
    seen = []

    def stop_at_three(epoch, history):
        seen.append((epoch, len(history.train_loss)))
        if epoch == 3:
            raise StopTraining

    model = small(max_iter=50, callbacks=[stop_at_three]).fit(*blobs(2))
    assert seen == [(1, 1), (2, 2), (3, 3)]
    assert model.n_iter_ == 3


def test_float32_computes_in_float32():
    X, y = blobs(3)
    model = small(dtype="float32").fit(X, y)
    assert model.network_.params.dtype == np.float32
    assert model.predict_proba(X).dtype == np.float32


# ------------------------------------------------------------ scikit-learn
def test_pipeline_grid_search_and_cross_validation_on_iris():
    X, y = load_iris(return_X_y=True)
    pipeline = make_pipeline(StandardScaler(), small(max_iter=100))
    assert cross_val_score(pipeline, X, y, cv=3).mean() > 0.85
    search = GridSearchCV(pipeline, {"mlpclassifier__alpha": [1e-4, 1e-2]}, cv=3).fit(X, y)
    assert search.best_params_["mlpclassifier__alpha"] in [1e-4, 1e-2]


@pytest.mark.parametrize("cls", [MLPClassifier, MLPRegressor])
def test_pickle_and_joblib_round_trip(tmp_path, cls):
    import joblib

    X, y = blobs(3) if cls is MLPClassifier else regression()
    model = small(cls).fit(X, y)
    for copy in (
        pickle.loads(pickle.dumps(model)),
        joblib.load(joblib.dump(model, tmp_path / "m.joblib")[0]),
    ):
        np.testing.assert_array_equal(copy.predict(X), model.predict(X))
        assert all(np.shares_memory(c, copy.network_.params) for c in copy.coefs_)  # still views
        copy.set_params(warm_start=True, max_iter=2).fit(X, y)  # trains on, optimiser state included


@pytest.mark.parametrize("cls", [MLPClassifier, MLPRegressor])
def test_model_files_round_trip_and_train_on(tmp_path, cls):
    X, y = blobs(3) if cls is MLPClassifier else regression()
    model = small(cls, max_iter=5, warm_start=True).fit(X, y)
    model.save(tmp_path / "m.mlplab")
    loaded = mlplab.load(tmp_path / "m.mlplab")
    assert type(loaded) is cls
    assert loaded.get_params() == model.get_params()
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
    for name in ("loss_curve_", "t_", "n_iter_", "best_loss_", "n_layers_", "out_activation_"):
        assert getattr(loaded, name) == getattr(model, name), name
    np.testing.assert_array_equal(
        loaded.fit(X, y).model_.network.params, model.fit(X, y).model_.network.params
    )


def test_old_classifier_file_loads_with_todays_names():
    model = mlplab.load(ROOT / "tests" / "data" / "v1_classifier.mlplab")
    params = model.get_params()
    assert "epochs" not in params
    assert params["max_iter"] >= 1
    assert params["alpha"] == 0.0
    assert model.coefs_[0].shape[0] == model.n_features_in_


def test_predict_before_fit_raises_sklearns_not_fitted_error():
    for method in ("predict", "predict_proba", "predict_log_proba", "decision_function"):
        with pytest.raises(NotFittedError):
            getattr(MLPClassifier(), method)(np.zeros((1, 2)))
    with pytest.raises(NotFittedError):
        MLPRegressor().predict(np.zeros((1, 2)))


def test_digits_example_reaches_96_percent_with_small_settings():
    namespace = {"__name__": "digits_example"}
    exec(compile((ROOT / "examples" / "digits.py").read_text(), "digits.py", "exec"), namespace)
    result = namespace["run"](epochs=60, grid={"mlp__alpha": [0.0, 1e-4]}, cv=2)
    assert result["test_accuracy"] >= 0.96
    assert result["search_test_accuracy"] >= 0.95
    assert result["saved_model_predicts_the_same"]


# -------------------------------------------------------------- bad input
BAD_PARAMETERS = [
    ("hidden_layer_sizes", "100"), ("hidden_layer_sizes", (10, 0)), ("hidden_layer_sizes", (10, 2.5)),
    ("hidden_layer_sizes", -3), ("activation", "softmax"), ("activation", "sigmoid"), ("solver", "rmsprop"),
    ("alpha", -1.0), ("batch_size", 0), ("batch_size", "full"), ("learning_rate", "cosine"),
    ("learning_rate_init", 0.0), ("learning_rate_init", "0.1"), ("power_t", -0.5), ("max_iter", 0),
    ("max_iter", 1.5), ("shuffle", "yes"), ("random_state", "seed"), ("tol", -1e-3), ("warm_start", 2),
    ("momentum", 1.5), ("nesterovs_momentum", "no"), ("early_stopping", "yes"), ("validation_fraction", 1.0),
    ("beta_1", 1.0), ("beta_2", -0.1), ("epsilon", 0.0), ("n_iter_no_change", 0), ("max_fun", 0),
    ("l2", -1.0), ("optimizer", "adagrad"), ("dtype", "float16"), ("dtype", "banana"), ("callbacks", "print"),
    ("callbacks", [1]), ("dropout", 1.5), ("dropout", [0.1, 0.2]), ("class_weight", "even"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "value"), BAD_PARAMETERS, ids=[f"{n}={v!r}" for n, v in BAD_PARAMETERS])
def test_every_bad_parameter_is_refused_naming_it(name, value):
    cls = MLPClassifier
    model = cls(**{name: value})
    X, y = blobs(2, n_samples=20)
    with pytest.raises((ValueError, TypeError), match=re.escape(name)) as info:
        model.fit(X, y)
    assert re.escape(str(value if not isinstance(value, list) else value[0])) or info
    assert not [attr for attr in vars(model) if attr.endswith("_")]  # still unfitted


def test_bad_regressor_parameters_are_refused_too():
    with pytest.raises(ValueError, match="'loss' parameter of MLPRegressor"):
        MLPRegressor(loss="poisson").fit(*regression())
    with pytest.raises(ValueError, match="'alpha' parameter of MLPRegressor"):
        MLPRegressor(alpha=-1).fit(*regression())


def test_bad_data_is_refused_in_fit():
    X, y = blobs(2, n_samples=20)
    with pytest.raises(ValueError, match=r"at least 2 classes.*1 class"):
        small().fit(X, np.zeros(20))
    with pytest.raises(ValueError, match="validation set is too small"):
        small(early_stopping=True, validation_fraction=0.01).fit(X, y)
    with pytest.raises(ValueError, match="Unknown label type"):
        small().fit(X, np.linspace(0, 1, 20))
    with pytest.raises(ValueError, match="NaN"):
        small().fit(np.where(X > 1, np.nan, X), y)
    with pytest.raises(ValueError, match="X has 3 features, but MLPClassifier is expecting 2"):
        small().fit(X, y).predict(np.zeros((1, 3)))
    with pytest.raises(ValueError, match="warm_start/partial_fit"):
        small(warm_start=True).fit(X, y).fit(X, y + 5)


def test_divergence_ends_in_scikit_learns_error():
    X, y = blobs(2)
    with pytest.raises(ValueError, match="Solver produced non-finite parameter weights"):
        small(solver="sgd", learning_rate_init=1e300, max_iter=3).fit(X * 1e300, y)


@pytest.mark.parametrize(
    "settings",
    [
        {"solver": "sgd"},
        {"solver": "sgd", "nesterovs_momentum": False},
        {"solver": "sgd", "momentum": 0.0},
        {"solver": "sgd", "learning_rate": "adaptive"},
        {"solver": "sgd", "learning_rate": "invscaling"},
    ],
    ids=["nesterov", "momentum", "plain", "adaptive", "invscaling"],
)
def test_a_saved_sgd_model_loads_and_warm_starts_exactly_like_the_original(tmp_path, settings):
    """The velocity, the momentum form and the schedule's rate are in the file: training goes on alike."""
    from sklearn.datasets import load_iris

    import mlplab

    X, y = load_iris(return_X_y=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = MLPClassifier((8,), max_iter=20, random_state=0, **settings).fit(X, y)
        model.save(tmp_path / "m.mlplab")
        loaded = mlplab.load(tmp_path / "m.mlplab")
        for estimator in (model, loaded):
            estimator.set_params(warm_start=True, max_iter=5).fit(X, y)
    for a, b in zip(model.coefs_, loaded.coefs_):
        np.testing.assert_array_equal(a, b)


def test_dropout_trains_reproducibly_and_survives_a_file(tmp_path):
    import mlplab

    X, y = load_iris(return_X_y=True)
    models = [MLPClassifier((16,), dropout=0.2, max_iter=30, random_state=0).fit(X, y) for _ in range(2)]
    for a, b in zip(models[0].coefs_, models[1].coefs_):
        np.testing.assert_array_equal(a, b)
    plain = MLPClassifier((16,), max_iter=30, random_state=0).fit(X, y)
    assert not np.array_equal(plain.coefs_[0], models[0].coefs_[0])  # the masks changed the steps
    models[0].save(tmp_path / "d.mlplab")
    loaded = mlplab.load(tmp_path / "d.mlplab")
    assert loaded.model_.network.dropout == (0.2,)
    np.testing.assert_array_equal(loaded.predict_proba(X), models[0].predict_proba(X))


def test_a_custom_activation_object_trains_and_is_refused_by_save_naming_it(tmp_path):
    from mlplab.nn.activations import Activation

    softplus = Activation.from_functions(
        "softplus",
        lambda z: np.logaddexp(0.0, z),
        lambda z: 0.5 + 0.5 * np.tanh(z / 2),  # σ(z) = f′
    )
    X, y = load_iris(return_X_y=True)
    model = MLPClassifier((16,), activation=softplus, learning_rate_init=0.01, max_iter=200, random_state=0)
    assert model.fit(X, y).score(X, y) > 0.9
    with pytest.raises(ValueError, match="softplus"):
        model.save(tmp_path / "c.mlplab")
