"""Student-style ``MLP`` classes in mlplab's canonical layout, for the model checks' tests.

:class:`Good` is a correct, vectorised implementation written the way a
student would (NumPy's global generator, lists ``weights``/``biases``, W of
shape (n_out, n_in), ``_backward`` returning (dW list, db list)). Each buggy
class overrides one small hook of it and so carries exactly one classic
mistake. :class:`Delegating` hands everything to mlplab's own ``MLP``.
"""

from __future__ import annotations

import numpy as np

from mlplab import MLP


class Good:
    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.layer_sizes = list(layer_sizes)
        self.activation = activation
        self.learning_rate = learning_rate
        self._initialize_weights()

    # ----------------------------------------------------------- hooks
    def _init_variance(self, n_in, n_out):
        return 2.0 / n_in if self.activation == "relu" else 2.0 / (n_in + n_out)

    def _init_layer(self, n_in, n_out):
        weight = np.random.randn(n_out, n_in) * np.sqrt(self._init_variance(n_in, n_out))  # noqa: NPY002 (students draw from the global generator)
        return weight, np.zeros(n_out)

    def _act(self, z):
        if self.activation == "tanh":
            return np.tanh(z)
        if self.activation == "relu":
            return np.maximum(0, z)
        return 1 / (1 + np.exp(-z))

    def _act_derivative(self, z, a):
        if self.activation == "tanh":
            return 1 - np.tanh(z) ** 2
        if self.activation == "relu":
            return (z > 0).astype(float)
        s = 1 / (1 + np.exp(-z))
        return s * (1 - s)

    def _linear(self, a, weight, bias):
        return a @ weight.T + bias

    def _output(self, z):
        return 1 / (1 + np.exp(-z))

    def _output_delta(self, y_hat, y):
        return y_hat - y

    def _hidden_delta(self, layer, back, z, a):
        return back * self._act_derivative(z, a)

    def _weight_grad(self, delta, a_prev, n):
        return delta.T @ a_prev / n

    def _bias_grad(self, delta, n):
        return delta.sum(axis=0) / n

    # ----------------------------------------------------------- the sheet
    def _initialize_weights(self):
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:]):
            weight, bias = self._init_layer(n_in, n_out)
            self.weights.append(weight)
            self.biases.append(bias)

    def _forward(self, X):
        self.zs, self.activations = [], [X]
        a = X
        for index, (weight, bias) in enumerate(zip(self.weights, self.biases)):
            z = self._linear(a, weight, bias)
            a = self._output(z) if index == len(self.weights) - 1 else self._act(z)
            self.zs.append(z)
            self.activations.append(a)
        return a

    def _backward(self, X, y):
        n = X.shape[0]
        y = np.asarray(y, dtype=float).reshape(-1, 1)
        delta = self._output_delta(self.activations[-1], y)
        weight_grads = [None] * len(self.weights)
        bias_grads = [None] * len(self.weights)
        for index in reversed(range(len(self.weights))):
            weight_grads[index] = self._weight_grad(delta, self.activations[index], n)
            bias_grads[index] = self._bias_grad(delta, n)
            if index > 0:
                back = delta @ self.weights[index]
                delta = self._hidden_delta(index, back, self.zs[index - 1], self.activations[index])
        return weight_grads, bias_grads

    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        for _ in range(epochs):
            self._forward(X)
            weight_grads, bias_grads = self._backward(X, y)
            for index in range(len(self.weights)):
                self.weights[index] -= self.learning_rate * weight_grads[index]
                self.biases[index] -= self.learning_rate * bias_grads[index]

    def predict(self, X):
        return (self._forward(X).reshape(-1) >= 0.5).astype(int)

    def score(self, X, y):
        return float(np.mean(self.predict(X) == np.asarray(y)))


class Delegating:
    """Everything done by mlplab's own ``MLP``: the canonical attributes are its views."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.mlp = MLP(layer_sizes, activation, learning_rate)
        self.weights = self.mlp.weights
        self.biases = self.mlp.biases

    def _initialize_weights(self):
        self.mlp._initialize_weights()

    def _forward(self, X):
        return self.mlp._forward(X)

    def _backward(self, X, y):
        return self.mlp._backward(X, np.asarray(y).astype(int))

    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        return self.mlp.train(X, y, epochs, batch_size, verbose)

    def predict(self, X):
        return self.mlp.predict(X)

    def score(self, X, y):
        return self.mlp.score(X, y)


class WithLoss(Good):
    def compute_loss(self, y, y_hat):
        y = np.asarray(y, dtype=float).reshape(-1)
        y_hat = np.asarray(y_hat, dtype=float).reshape(-1)
        return float(-np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)))


class WrongLoss(Good):
    def compute_loss(self, y, y_hat):  # the log of the wrong class
        y = np.asarray(y, dtype=float).reshape(-1)
        y_hat = np.asarray(y_hat, dtype=float).reshape(-1)
        return float(-np.mean(y * np.log(1 - y_hat) + (1 - y) * np.log(y_hat)))


# ------------------------------------------------------------------ api bugs
class TrainDefaults(Good):
    def train(self, X, y, epochs=100, batch_size=32, verbose=False):
        return super().train(X, y, epochs, batch_size, verbose)


class NoScore(Good):
    score = None


class RenamedInput(Good):
    def _forward(self, inputs):
        return super()._forward(inputs)


class RequiredExtra(Good):
    def predict(self, X, threshold):
        return super().predict(X)


# ------------------------------------------------------- initialisation bugs
class XavierForRelu(Good):
    def _init_variance(self, n_in, n_out):
        return 1.0 / n_in


class HeForAll(Good):
    def _init_variance(self, n_in, n_out):
        return 2.0 / n_in


class SmallRandom(Good):
    def _init_variance(self, n_in, n_out):
        return 1e-4  # randn * 0.01


class StdForVariance(Good):
    def _init_layer(self, n_in, n_out):
        if self.activation == "relu":
            return super()._init_layer(n_in, n_out)
        return np.random.randn(n_out, n_in) * (1 / n_in), np.zeros(n_out)  # noqa: NPY002 (students draw from the global generator)


class SeedKeyword(Good):
    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01, seed=0):
        self.seed = seed
        super().__init__(layer_sizes, activation, learning_rate)

    def _initialize_weights(self):
        np.random.seed(self.seed)  # noqa: NPY002 (students draw from the global generator)
        super()._initialize_weights()


class SeedIgnored(SeedKeyword):
    def _initialize_weights(self):
        np.random.seed(42)  # noqa: NPY002 (students draw from the global generator)
        super(SeedKeyword, self)._initialize_weights()


class RandomBiases(Good):
    def _init_layer(self, n_in, n_out):
        weight, _ = super()._init_layer(n_in, n_out)
        return weight, np.random.randn(n_out)  # noqa: NPY002 (students draw from the global generator)


class SameRows(Good):
    def _init_layer(self, n_in, n_out):
        row = np.random.randn(1, n_in) * np.sqrt(self._init_variance(n_in, n_out))  # noqa: NPY002 (students draw from the global generator)
        return np.repeat(row, n_out, axis=0), np.zeros(n_out)


class FixedSeed(Good):
    def _initialize_weights(self):
        np.random.seed(42)  # noqa: NPY002 (students draw from the global generator)
        super()._initialize_weights()


# -------------------------------------------------------------- forward bugs
class NoBias(Good):
    def _linear(self, a, weight, bias):
        return a @ weight.T


class NoBiasLayer1(Good):
    def _forward(self, X):
        saved = self.biases[0]
        self.biases[0] = np.zeros_like(saved)
        try:
            return super()._forward(X)
        finally:
            self.biases[0] = saved


class ReturnsZ(Good):
    def _output(self, z):
        return z


class HiddenOnOutput(Good):
    def _output(self, z):
        return self._act(z)


class AlwaysSigmoid(Good):
    def _act(self, z):
        return 1 / (1 + np.exp(-z))

    def _act_derivative(self, z, a):
        return a * (1 - a)


# ------------------------------------------------------------- backward bugs
class Summed(Good):
    def _weight_grad(self, delta, a_prev, n):
        return delta.T @ a_prev

    def _bias_grad(self, delta, n):
        return delta.sum(axis=0)


class BiasSummed(Good):
    def _bias_grad(self, delta, n):
        return delta.sum(axis=0)


class NoDerivativeLayer2(Good):
    def _hidden_delta(self, layer, back, z, a):
        return back if layer == 2 else super()._hidden_delta(layer, back, z, a)


class Transposed(Good):
    def _weight_grad(self, delta, a_prev, n):
        return a_prev.T @ delta / n


class BiasWrongAxis(Good):
    def _bias_grad(self, delta, n):
        return delta.sum(axis=1) / n


class BiasMeanOfAll(Good):
    def _bias_grad(self, delta, n):
        return np.mean(delta)


class ReluDerivativeForTanh(Good):
    def _act_derivative(self, z, a):
        return (z > 0).astype(float) if self.activation == "tanh" else super()._act_derivative(z, a)


class DerivativeOfA(Good):
    def _act_derivative(self, z, a):
        return super()._act_derivative(a, self._act(a))


class SignFlipped(Good):
    def _output_delta(self, y_hat, y):
        return y - y_hat


class FactorTwo(Good):
    def _output_delta(self, y_hat, y):
        return 2 * (y_hat - y)


class OutputDerivative(Good):
    def _output_delta(self, y_hat, y):
        return (y_hat - y) * y_hat * (1 - y_hat)


class BackwardCrashes(Good):
    def _backward(self, X, y):
        raise RuntimeError("not done yet")


class CanonicalStudent:
    """The Student interface (mlplab.grade.conventions) for classes in the canonical layout only.

    A test double, so that these tests do not depend on how the detection
    works: lists ``weights``/``biases``, W (n_out, n_in), ``_backward``
    returning (dW list, db list); no shape checks (a wrong shape reaches the
    check as it is).
    """

    def __init__(self, cls):
        self.cls = cls
        self.found = {"weights": "list `weights`, W of shape (n_out, n_in)"}
        self.missing = {}

    def has(self, feature):
        return feature not in self.missing and feature in ("params", "gradients")

    def new(self, layer_sizes, activation="sigmoid", learning_rate=0.01, **options):
        return self.cls(list(layer_sizes), activation=activation, learning_rate=learning_rate, **options)

    def get_params(self, model):
        weights = [np.array(w, dtype=float) for w in model.weights]
        return weights, [np.array(b, dtype=float).reshape(-1) for b in model.biases]

    def set_params(self, model, weights, biases):
        for index, (weight, bias) in enumerate(zip(weights, biases)):
            model.weights[index] = np.array(weight, dtype=float)
            model.biases[index] = np.array(bias, dtype=float)

    def labels(self, y):
        return np.asarray(y, dtype=float)

    def forward(self, model, X):
        return np.asarray(model._forward(X), dtype=float).reshape(-1)

    def gradients(self, model, X, y):
        model._forward(X)
        weight_grads, bias_grads = model._backward(X, self.labels(y))
        return [np.array(g, dtype=float) for g in weight_grads], [
            np.array(g, dtype=float).reshape(-1) for g in bias_grads
        ]

    def intermediates(self, model):
        return {}
