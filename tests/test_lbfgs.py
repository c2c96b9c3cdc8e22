"""fit_lbfgs against scikit-learn's lbfgs solver from the same weights, step for step.

scikit-learn stores ``coefs_[l]`` as ``(fan_in, fan_out)``, mlplab ``weights[l]``
as ``(n_out, n_in)``: the start is copied transposed. With the same start, the
same objective and the same SciPy options, ``k`` iterations must give the same
loss as scikit-learn's ``loss_`` for ``max_iter=k`` (to rounding, amplified a
little by the iterations).
"""

from __future__ import annotations

import inspect
import warnings

import numpy as np
import pytest
from sklearn.datasets import load_iris, make_regression
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor

from mlplab._lbfgs import fit_lbfgs, lbfgs_objective
from mlplab.nn.losses import BinaryCrossEntropy, MeanSquaredError, SoftmaxCrossEntropy
from mlplab.nn.network import Network


def _iris():
    X, y = load_iris(return_X_y=True)
    return (X - X.mean(0)) / X.std(0), y


def _regression():
    X, y = make_regression(n_samples=120, n_features=5, noise=5.0, random_state=0)
    return X, (y - y.mean()) / y.std()


def _sklearn_after(estimator_class, X, y, k, sample_weight=None, **settings):
    """scikit-learn's estimator started from its own ``max_iter=1`` weights, then ``k`` iterations."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start = estimator_class(solver="lbfgs", max_iter=1, **settings).fit(X, y, sample_weight)
        coefs = [c.copy() for c in start.coefs_]
        intercepts = [b.copy() for b in start.intercepts_]
        model = estimator_class(solver="lbfgs", max_iter=1, warm_start=True, **settings).fit(X, y)
        model.coefs_ = [c.copy() for c in coefs]
        model.intercepts_ = [b.copy() for b in intercepts]
        model.set_params(max_iter=k).fit(X, y, sample_weight)
    return coefs, intercepts, model


def _network(coefs, intercepts, activation):
    sizes = [coefs[0].shape[0], *(c.shape[1] for c in coefs)]
    network = Network(sizes, activation)
    for index, (coef, intercept) in enumerate(zip(coefs, intercepts)):
        network.weights[index] = coef.T  # (fan_in, fan_out) -> (n_out, n_in)
        network.biases[index] = intercept
    return network


SETTINGS = {"hidden_layer_sizes": (8,), "activation": "tanh", "alpha": 1e-3, "random_state": 0}


@pytest.mark.parametrize("k", [1, 5, 20])
def test_softmax_classification_matches_sklearn_iteration_for_iteration(k):
    X, y = _iris()
    coefs, intercepts, reference = _sklearn_after(MLPClassifier, X, y, k, **SETTINGS)
    network = _network(coefs, intercepts, "tanh")
    n_iter, loss, converged, message = fit_lbfgs(
        network, SoftmaxCrossEntropy(), X, np.eye(3)[y], alpha=1e-3, max_iter=k, max_fun=15000, tol=1e-4
    )
    assert loss == pytest.approx(reference.loss_, rel=1e-8)
    assert n_iter == reference.n_iter_ == k
    assert not converged
    assert "lbfgs failed to converge after" in message
    assert f"max_iter={k}" in message
    for index, coef in enumerate(reference.coefs_):
        np.testing.assert_allclose(network.weights[index], coef.T, rtol=1e-6, atol=1e-8)


def test_binary_classification_with_relu_matches_sklearn():
    X, y = _iris()
    y = (y == 2).astype(np.int64)
    settings = {**SETTINGS, "activation": "relu", "hidden_layer_sizes": (6, 5)}
    coefs, intercepts, reference = _sklearn_after(MLPClassifier, X, y, 10, **settings)
    network = _network(coefs, intercepts, "relu")
    targets = y[:, None].astype(np.float64)  # (n, 1): scikit-learn's one logistic output
    _, loss, _, _ = fit_lbfgs(
        network, BinaryCrossEntropy(), X, targets, alpha=1e-3, max_iter=10, max_fun=15000, tol=1e-4
    )
    assert loss == pytest.approx(reference.loss_, rel=1e-8)


@pytest.mark.parametrize("k", [1, 5, 20])
def test_regression_matches_sklearn_iteration_for_iteration(k):
    X, y = _regression()
    coefs, intercepts, reference = _sklearn_after(MLPRegressor, X, y, k, **SETTINGS)
    network = _network(coefs, intercepts, "tanh")
    n_iter, loss, _, _ = fit_lbfgs(
        network, MeanSquaredError(), X, y[:, None], alpha=1e-3, max_iter=k, max_fun=15000, tol=1e-4
    )
    assert loss == pytest.approx(reference.loss_, rel=1e-8)
    assert n_iter == reference.n_iter_


class _WeightedSquaredError(MeanSquaredError):
    """The sample-weight contract of ``Loss`` (Σ w_i ℓ_i / Σ w_i), for one output, made here."""

    def value_and_gradient(self, logits, targets, sample_weight=None):
        if sample_weight is None:
            return super().value_and_gradient(logits, targets)
        w = sample_weight[:, None] / sample_weight.sum()  # (n, 1)
        diff = logits - targets
        return float(0.5 * np.vdot(w * diff, diff) / diff.shape[1]), w * diff / diff.shape[1]


def test_sample_weight_matches_sklearn_with_the_penalty_over_the_weight_sum():
    X, y = _regression()
    weights = np.random.default_rng(0).uniform(0.2, 3.0, size=X.shape[0])
    coefs, intercepts, reference = _sklearn_after(MLPRegressor, X, y, 8, weights, **SETTINGS)
    network = _network(coefs, intercepts, "tanh")
    _, loss, _, _ = fit_lbfgs(
        network, _WeightedSquaredError(), X, y[:, None], alpha=1e-3, max_iter=8, max_fun=15000,
        tol=1e-4, sample_weight=weights,
    )  # fmt: skip
    assert loss == pytest.approx(reference.loss_, rel=1e-8)


def _takes_sample_weight(loss) -> bool:
    return "sample_weight" in inspect.signature(loss.value_and_gradient).parameters


@pytest.mark.skipif(
    not _takes_sample_weight(MeanSquaredError()), reason="the losses take sample_weight= from H1's branch on"
)
@pytest.mark.parametrize("task", ["regression", "softmax"])
def test_the_library_losses_with_sample_weight_match_sklearn(task):
    X, y = _regression() if task == "regression" else _iris()
    weights = np.random.default_rng(0).uniform(0.2, 3.0, size=X.shape[0])
    estimator, loss, targets = (
        (MLPRegressor, MeanSquaredError(), y[:, None])
        if task == "regression"
        else (MLPClassifier, SoftmaxCrossEntropy(), np.eye(3)[y])
    )
    coefs, intercepts, reference = _sklearn_after(estimator, X, y, 8, weights, **SETTINGS)
    network = _network(coefs, intercepts, "tanh")
    _, value, _, _ = fit_lbfgs(
        network, loss, X, targets, alpha=1e-3, max_iter=8, max_fun=15000, tol=1e-4, sample_weight=weights
    )
    assert value == pytest.approx(reference.loss_, rel=1e-8)


def test_a_converged_run_says_so_and_the_network_holds_the_solution():
    X, y = _regression()
    network = Network([5, 1], "identity")  # linear least squares: L-BFGS converges
    n_iter, loss, converged, message = fit_lbfgs(
        network, MeanSquaredError(), X, y[:, None], alpha=0.0, max_iter=500, max_fun=15000, tol=1e-10
    )
    assert converged
    assert n_iter < 500
    assert "failed" not in message
    solution, *_ = np.linalg.lstsq(np.column_stack([X, np.ones(len(X))]), y, rcond=None)
    np.testing.assert_allclose(network.params, solution, atol=1e-6)
    assert loss == pytest.approx(MeanSquaredError().value(network.forward(X), y[:, None]))


@pytest.mark.parametrize("alpha", [0.0, 0.3])
def test_the_objective_gradient_matches_finite_differences(alpha):
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(11, 3)), rng.integers(0, 3, size=11)
    network = Network([3, 5, 4, 3], "tanh")
    network.initialize(rng)
    network.biases[0] = rng.normal(size=5)
    objective = lbfgs_objective(network, SoftmaxCrossEntropy(), X, np.eye(3)[y], alpha)
    theta = network.params.copy()
    _, grad = objective(theta)
    numeric = np.empty_like(theta)
    h = 1e-5
    for i in range(theta.size):
        step = np.zeros_like(theta)
        step[i] = h
        numeric[i] = (objective(theta + step)[0] - objective(theta - step)[0]) / (2 * h)
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-9)


def test_max_iter_and_max_fun_are_honoured():
    X, y = _iris()
    calls = []

    class Counting(SoftmaxCrossEntropy):
        def value_and_gradient(self, logits, targets):
            calls.append(1)
            return super().value_and_gradient(logits, targets)

    network = Network([4, 8, 3], "tanh")
    network.initialize(np.random.default_rng(0))
    n_iter, _, converged, _ = fit_lbfgs(
        network, Counting(), X, np.eye(3)[y], alpha=1e-4, max_iter=3, max_fun=15000, tol=0.0
    )
    assert n_iter == 3
    assert not converged
    calls.clear()
    network.initialize(np.random.default_rng(0))
    n_iter, _, converged, message = fit_lbfgs(
        network, Counting(), X, np.eye(3)[y], alpha=1e-4, max_iter=1000, max_fun=7, tol=0.0
    )
    assert not converged
    assert n_iter < 1000
    assert "status=1" in message
    assert len(calls) <= 7 + 20  # SciPy finishes the line search it is in (maxls=20) before it stops


def test_verbose_prints_one_line_per_iteration(capsys):
    X, y = _regression()
    network = Network([5, 3, 1], "tanh")
    network.initialize(np.random.default_rng(0))
    fit_lbfgs(network, MeanSquaredError(), X, y[:, None], alpha=0, max_iter=4, max_fun=100, tol=0, verbose=1)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0] for line in lines] == [f"Iteration {i}" for i in range(1, 5)]


def _call(**changes):
    X, y = _regression()
    network = Network([5, 3, 1], "tanh")
    arguments = {"alpha": 0.0, "max_iter": 5, "max_fun": 100, "tol": 1e-4, **changes}
    targets = arguments.pop("targets", y[:, None])
    X = arguments.pop("X", X)
    loss = arguments.pop("loss", MeanSquaredError())
    return fit_lbfgs(network, loss, X, targets, **arguments)


@pytest.mark.parametrize(
    ("changes", "error", "named"),
    [
        ({"alpha": -1.0}, ValueError, "alpha"),
        ({"alpha": "0.1"}, TypeError, "alpha"),
        ({"max_iter": 0}, ValueError, "max_iter"),
        ({"max_iter": 2.5}, TypeError, "max_iter"),
        ({"max_fun": -3}, ValueError, "max_fun"),
        ({"tol": float("nan")}, ValueError, "tol"),
        ({"verbose": "yes"}, TypeError, "verbose"),
        ({"targets": np.zeros((120, 2))}, ValueError, "targets"),
        ({"X": np.zeros((120, 4))}, ValueError, "X"),
        ({"loss": "mean_squared_error"}, TypeError, "loss"),
        ({"sample_weight": np.ones(3)}, ValueError, "sample_weight"),
        ({"sample_weight": -np.ones(120)}, ValueError, "sample_weight"),
    ],
)
def test_bad_values_are_refused_naming_them(changes, error, named):
    with pytest.raises(error, match=named):
        _call(**changes)
