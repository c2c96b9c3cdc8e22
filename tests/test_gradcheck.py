"""Analytic gradients against finite differences, for every kind of network."""

import numpy as np
import pytest

from mlplab import MLP, gradient_check
from mlplab.nn import Linear, Network, check_gradients, numerical_gradient, relative_error
from mlplab.nn.heads import BinaryHead
from mlplab.nn.losses import BinaryCrossEntropy

ARCHITECTURES = {
    1: [[2, 4, 1], [2, 32, 16, 8, 1], [3, 16, 8, 1]],
    3: [[2, 4, 3], [2, 32, 16, 8, 3], [3, 16, 8, 3]],
}


def data(seed, n_in, n_out, n=12):
    rng = np.random.default_rng(1000 + seed)
    X = rng.normal(size=(n, n_in))
    y = rng.integers(0, max(2, n_out), size=n)
    return X, y


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("n_out", [1, 3], ids=["sigmoid-output", "softmax-3"])
@pytest.mark.parametrize("l2", [0.0, 0.01])
@pytest.mark.parametrize("arch_index", [0, 1, 2])
def test_backward_matches_finite_differences(activation, n_out, l2, arch_index):
    sizes = ARCHITECTURES[n_out][arch_index]
    for seed in range(3):
        model = MLP(sizes, activation, l2=l2, seed=seed)
        X, y = data(seed, sizes[0], n_out)
        result = gradient_check(model, X, y)
        assert set(result.errors) == {f"{k}{i}" for i in range(1, len(sizes)) for k in "Wb"}
        assert result.overall < 1e-7, result.errors
        assert result.max_error < 1e-7, result.errors


def test_gradient_check_after_training_and_with_saturation():
    # Trained weights are larger and sigmoid units saturate: still exact.
    X, y = data(0, 2, 1, n=40)
    model = MLP([2, 8, 8, 1], "sigmoid", learning_rate=0.5, seed=0)
    model.train(X, y, epochs=300)
    model.weights[0][...] *= 4.0
    assert gradient_check(model, X, y).max_error < 1e-7


def test_planted_bug_in_a_backward_pass_is_caught(monkeypatch):
    X, y = data(0, 2, 1)
    model = MLP([2, 32, 16, 8, 1], "tanh", seed=0)
    assert gradient_check(model, X, y).max_error < 1e-7

    original = Linear.backward

    def off_by_a_few_percent(self, grad_output):
        result = original(self, grad_output)
        if self.n_out == 16:
            self.grad_weight *= 1.02  # a wrong factor in one layer's ∂L/∂W
        return result

    monkeypatch.setattr(Linear, "backward", off_by_a_few_percent)
    result = gradient_check(model, X, y)
    assert result.errors["W2"] > 1e-3
    assert result.errors["W1"] < 1e-7  # the others are still right
    assert result.overall > 1e-4


def test_planted_bug_missing_derivative_factor_is_caught(monkeypatch):
    from mlplab.nn import activations

    X, y = data(1, 2, 1)
    model = MLP([2, 4, 1], "sigmoid", seed=0)
    # Forget the σ'(z) = a(1 − a) factor: a classic backprop mistake.
    broken = activations.Activation("sigmoid", activations.sigmoid, lambda a, g: g.copy())
    for layer in model.network.layers:
        if hasattr(layer, "activation"):
            monkeypatch.setattr(layer, "activation", broken)
    assert gradient_check(model, X, y).errors["W1"] > 0.1


def test_gradient_check_leaves_parameters_untouched():
    X, y = data(2, 2, 1)
    model = MLP([2, 8, 1], "relu", seed=3)
    before = model.network.params.copy()
    gradient_check(model, X, y)
    np.testing.assert_array_equal(model.network.params, before)


def test_numerical_gradient_of_a_known_function():
    # One linear layer, BCE, one sample x = (1, 2), y = 1, W = 0, b = 0:
    # z = 0, ŷ = 1/2, ∂L/∂W = (ŷ − y) x = (−0.5, −1), ∂L/∂b = −0.5.
    network = Network([2, 1], "identity")
    loss = BinaryCrossEntropy()
    X = np.array([[1.0, 2.0]])
    T = BinaryHead().encode(np.array([1]))
    numeric = numerical_gradient(network, loss, X, T)
    np.testing.assert_allclose(numeric, [-0.5, -1.0, -0.5], atol=1e-11)


def test_relu_kink_is_handled():
    # Put a pre-activation within 1e-5 of the kink: the fallback keeps it exact.
    network = Network([1, 2, 1], "relu")
    network.weights[0][...] = [[1.0], [-1.0]]
    network.biases[0][...] = [-1.0 + 2e-5, 0.5]
    network.weights[1][...] = [[0.7, -0.4]]
    loss = BinaryCrossEntropy()
    X = np.array([[1.0], [0.3]])
    T = BinaryHead().encode(np.array([1, 0]))
    result = check_gradients(network, loss, X, T)
    assert result.max_error < 1e-7, result.errors


def test_relative_error_definition():
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(np.array([3.0, 4.0]), np.array([3.0, 4.0])) == 0.0
    assert relative_error(np.array([1.0, 0.0]), np.array([0.0, 0.0])) == 1.0
    assert relative_error(np.array([2.0, 0.0]), np.array([1.0, 0.0])) == pytest.approx(0.5)


def test_gradient_check_rejects_float32_models_and_bad_eps():
    with pytest.raises(ValueError, match="float64"):
        gradient_check(MLP([2, 3, 1], dtype=np.float32, seed=0), [[0.0, 1.0]], [1])
    with pytest.raises(ValueError, match=r"eps must be a finite number > 0, got -1.0"):
        gradient_check(MLP([2, 3, 1], seed=0), [[0.0, 1.0]], [1], eps=-1.0)
    with pytest.raises(TypeError, match="model must be an mlplab MLP"):
        gradient_check(object(), [[0.0, 1.0]], [1])


def test_parameter_sitting_exactly_on_a_relu_kink():
    # Unit 1 is silent (w·x < 0), so unit 2's pre-activation is exactly b2 = 0: a kink.
    # The backward pass uses ReLU'(0) = 0; the check must take the matching one-sided slope.
    network = Network([1, 1, 1, 1], "relu")
    network.weights[0][...] = -1.0
    network.weights[1][...] = 0.8
    network.weights[2][...] = 0.5
    network.params[network.weight_mask == 0] = 0.0
    loss = BinaryCrossEntropy()
    X, T = np.array([[1.0]]), BinaryHead().encode(np.array([1]))
    result = check_gradients(network, loss, X, T)
    assert result.numeric[3] == 0.0  # ∂L/∂b2 from the silent side
    assert result.max_error < 1e-7, result.errors
