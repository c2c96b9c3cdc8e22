"""Small student-style ``MLP`` classes, one per storage convention, for the convention detector's tests.

They share the arithmetic (:func:`forward_pass`, :func:`backward_pass`, in the
sheet's canonical shapes: W (n_out, n_in), data batch-first) and differ only
in how they store weights and hand back gradients, which is all that
:func:`mlplab.grade.conventions.detect` looks at.
"""

from __future__ import annotations

import itertools

import numpy as np


def _act(name, z):
    return np.tanh(z) if name == "tanh" else np.maximum(z, 0) if name == "relu" else 1 / (1 + np.exp(-z))


def _act_grad(name, z, a):
    return 1 - a**2 if name == "tanh" else (z > 0).astype(float) if name == "relu" else a * (1 - a)


def forward_pass(weights, biases, X, activation):
    """zs, activations (activations[0] = X); weights (n_out, n_in), biases (n_out,)."""
    zs, activations = [], [np.asarray(X, dtype=float)]
    for layer, (W, b) in enumerate(zip(weights, biases)):
        z = activations[-1] @ W.T + b.reshape(1, -1)  # (n, n_out)
        last = layer == len(weights) - 1
        zs.append(z)
        activations.append(1 / (1 + np.exp(-z)) if last else _act(activation, z))
    return zs, activations


def backward_pass(weights, zs, activations, y_column, activation):
    """dW (n_out, n_in), db (n_out,) of the mean BCE; ``y_column`` is used as given (meant: (n, 1))."""
    n = activations[0].shape[0]
    delta = (activations[-1] - y_column) / n  # (n, 1); (n, n) if y_column is (n,)
    d_weights, d_biases = [], []
    for layer in range(len(weights) - 1, -1, -1):
        d_weights.insert(0, delta.T @ activations[layer])
        d_biases.insert(0, delta.sum(axis=0))
        if layer:
            delta = (delta @ weights[layer]) * _act_grad(activation, zs[layer - 1], activations[layer])
    return d_weights, d_biases


def _init(sizes, rng):
    weights = [rng.normal(0, 1 / np.sqrt(i), size=(o, i)) for i, o in itertools.pairwise(sizes)]
    return weights, [np.zeros(o) for o in sizes[1:]]


class ListsMLP:
    """Convention 1: lists ``weights``/``biases``, W (n_out, n_in), b (n_out,); returns (dW, db)."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.layer_sizes, self.activation, self.learning_rate = layer_sizes, activation, learning_rate
        self.weights, self.biases = _init(layer_sizes, np.random.default_rng(0))

    def _forward(self, X):
        self.zs, self.activations = forward_pass(self.weights, self.biases, X, self.activation)
        return self.activations[-1]  # (n, 1)

    def _backward(self, X, y):
        return backward_pass(self.weights, self.zs, self.activations, y.reshape(-1, 1), self.activation)


class DictMLP:
    """Convention 2: ``params`` dict, W (n_in, n_out), b (1, n_out); stores ``grads``; y (n, 1)."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.activation = activation
        weights, biases = _init(layer_sizes, np.random.default_rng(1))
        self.params = {}
        for k, (W, b) in enumerate(zip(weights, biases), 1):
            self.params[f"W{k}"] = W.T.copy()
            self.params[f"b{k}"] = b.reshape(1, -1)
        self.L = len(weights)

    def _canonical(self):
        weights = [self.params[f"W{k}"].T for k in range(1, self.L + 1)]
        return weights, [self.params[f"b{k}"].reshape(-1) for k in range(1, self.L + 1)]

    def _forward(self, X):
        zs, activations = forward_pass(*self._canonical(), X, self.activation)
        self.cache = {}
        for k in range(1, self.L + 1):
            self.cache[f"Z{k}"], self.cache[f"A{k}"] = zs[k - 1], activations[k]
        self.cache["A0"] = activations[0]
        self._zs, self._as = zs, activations
        return activations[-1]

    def _backward(self, X, y):
        d_weights, d_biases = backward_pass(self._canonical()[0], self._zs, self._as, y, self.activation)
        self.grads = {}
        for k, (dW, db) in enumerate(zip(d_weights, d_biases), 1):
            self.grads[f"dW{k}"], self.grads[f"db{k}"] = dW.T, db.reshape(1, -1)


class NotebookMLP:
    """Convention 3: lists ``W``/``b``, W (n_out, n_in), b (n_out, 1); stores lists ``dW``, ``db``."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.activation = activation
        weights, biases = _init(layer_sizes, np.random.default_rng(2))
        self.W, self.b = weights, [b.reshape(-1, 1) for b in biases]

    def _forward(self, X):
        self.Z, self.A = forward_pass(self.W, [b.reshape(-1) for b in self.b], X, self.activation)
        return self.A, self.A[-1]  # (activations, output)

    def _backward(self, X, y):
        d_weights, d_biases = backward_pass(self.W, self.Z, self.A, y.reshape(-1, 1), self.activation)
        self.dW, self.db = d_weights, [db.reshape(-1, 1) for db in d_biases]


class AttributesMLP:
    """Separate attributes W1, b1, ... (W (n_in, n_out), b (n,)); _backward returns {"dW1", "db1", ...}."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.activation, self.n_layers = activation, len(layer_sizes) - 1
        weights, biases = _init(layer_sizes, np.random.default_rng(3))
        for k, (W, b) in enumerate(zip(weights, biases), 1):
            setattr(self, f"W{k}", W.T.copy())
            setattr(self, f"b{k}", b)

    def _canonical(self):
        layers = range(1, self.n_layers + 1)
        return [getattr(self, f"W{k}").T for k in layers], [getattr(self, f"b{k}") for k in layers]

    def _forward(self, X):
        self._zs, self._as = forward_pass(*self._canonical(), X, self.activation)
        return self._as[-1].reshape(-1)  # (n,)

    def _backward(self, X, y):
        d_weights, d_biases = backward_pass(
            self._canonical()[0], self._zs, self._as, y.reshape(-1, 1), self.activation
        )
        out = {}
        for k, (dW, db) in enumerate(zip(d_weights, d_biases), 1):
            out[f"dW{k}"], out[f"db{k}"] = dW.T, db
        return out


class PairsMLP(ListsMLP):
    """Lists ``weights``/``biases``; _backward returns a list of (dW, db) pairs."""

    def _backward(self, X, y):
        return list(zip(*super()._backward(X, y)))


class FlatListMLP(ListsMLP):
    """_backward returns one flat list [dW1, db1, dW2, db2, ...]."""

    def _backward(self, X, y):
        d_weights, d_biases = super()._backward(X, y)
        return [g for pair in zip(d_weights, d_biases) for g in pair]


class Layer:
    def __init__(self, n_in, n_out, rng):
        self.W = rng.normal(0, 1 / np.sqrt(n_in), size=(n_out, n_in))
        self.b = np.zeros(n_out)


class LayerObjectsMLP:
    """A list of per-layer objects with .W (n_out, n_in) and .b; gradients stored as .dW, .db."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        rng = np.random.default_rng(4)
        self.activation = activation
        self.layers = [Layer(i, o, rng) for i, o in itertools.pairwise(layer_sizes)]

    def _forward(self, X):
        weights, biases = [layer.W for layer in self.layers], [layer.b for layer in self.layers]
        self.zs, self.acts = forward_pass(weights, biases, X, self.activation)
        return self.acts[-1]

    def _backward(self, X, y):
        weights = [layer.W for layer in self.layers]
        d_weights, d_biases = backward_pass(weights, self.zs, self.acts, y.reshape(-1, 1), self.activation)
        for layer, dW, db in zip(self.layers, d_weights, d_biases):
            layer.dW, layer.db = dW, db


class ColumnLabelsMLP(ListsMLP):
    """Like :class:`ListsMLP`, but y must be (n, 1): a (n,) y broadcasts into (n, n)."""

    def _backward(self, X, y):
        return backward_pass(self.weights, self.zs, self.activations, y, self.activation)


class TransposedGradientMLP(ListsMLP):
    """W (n_out, n_in), but dW returned as (n_in, n_out): the transposed outer product."""

    def _backward(self, X, y):
        d_weights, d_biases = super()._backward(X, y)
        return [dW.T for dW in d_weights], d_biases


class FlatVectorMLP:
    """All parameters in one flat vector ``theta`` (no per-layer arrays to find)."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.sizes, self.activation = list(layer_sizes), activation
        n = sum(i * o + o for i, o in zip(self.sizes[:-1], self.sizes[1:]))
        self.theta = np.random.default_rng(5).normal(0, 0.5, size=n)

    def _unpack(self):
        weights, biases, at = [], [], 0
        for i, o in zip(self.sizes[:-1], self.sizes[1:]):
            weights.append(self.theta[at : at + i * o].reshape(o, i))
            at += i * o
            biases.append(self.theta[at : at + o])
            at += o
        return weights, biases

    def _forward(self, X):
        self._zs, self._as = forward_pass(*self._unpack(), X, self.activation)
        return self._as[-1]

    def _backward(self, X, y):
        d_weights, d_biases = backward_pass(
            self._unpack()[0], self._zs, self._as, y.reshape(-1, 1), self.activation
        )
        return np.concatenate([g.ravel() for pair in zip(d_weights, d_biases) for g in pair])


class CopyPropertyMLP(ListsMLP):
    """``weights`` is a property handing out copies: writing it changes nothing; ``_W`` is the real store."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.activation = activation
        self._W, self.biases = _init(layer_sizes, np.random.default_rng(0))

    @property
    def weights(self):
        return [w.copy() for w in self._W]

    def _forward(self, X):
        self.zs, self.activations = forward_pass(self._W, self.biases, X, self.activation)
        return self.activations[-1]

    def _backward(self, X, y):
        return backward_pass(self._W, self.zs, self.activations, y.reshape(-1, 1), self.activation)


class LazyMLP(ListsMLP):
    """The weights appear only when ``_initialize_weights()`` is called."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.layer_sizes, self.activation, self.learning_rate = layer_sizes, activation, learning_rate

    def _initialize_weights(self):
        self.weights, self.biases = _init(self.layer_sizes, np.random.default_rng(6))


class PositionalMLP(ListsMLP):
    """A constructor that takes ``lr`` instead of ``learning_rate``: only positional calls work."""

    def __init__(self, layer_sizes, activation="sigmoid", lr=0.01):
        super().__init__(layer_sizes, activation, lr)


# ------------------------------------------------------------------ bonus styles
class OptimizerStringMLP(ListsMLP):
    """optimizer='sgd'|'momentum'|'rmsprop'|'adam', beta, l2, beta1, beta2, eps, rho; validated."""

    def __init__(
        self,
        layer_sizes,
        activation="sigmoid",
        learning_rate=0.01,
        optimizer="sgd",
        beta=0.9,
        l2=0.0,
        beta1=0.9,
        beta2=0.999,
        eps=1e-8,
        rho=0.9,
    ):
        if optimizer not in ("sgd", "momentum", "rmsprop", "adam"):
            raise ValueError(f"unknown optimizer {optimizer}")
        super().__init__(layer_sizes, activation, learning_rate)
        self.optimizer, self.beta, self.l2 = optimizer, beta, l2


class CapitalisedMLP(ListsMLP):
    """optimizer='SGD'|'Momentum'|'Adam' (not validated in __init__), momentum=0.9, lambda_, epsilon."""

    def __init__(
        self, layer_sizes, activation="sigmoid", learning_rate=0.01, optimizer="SGD", momentum=0.8,
        lambda_=0.0, epsilon=1e-7,
    ):  # fmt: skip
        super().__init__(layer_sizes, activation, learning_rate)
        self.optimizer, self.momentum, self.lambda_, self.epsilon = optimizer, momentum, lambda_, epsilon

    def step(self):
        if self.optimizer == "Momentum":
            return "momentum"
        if self.optimizer == "Adam":
            return "adam"
        return "sgd"


class SwitchesMLP(ListsMLP):
    """use_momentum=True with beta, reg_lambda, use_adam; no optimizer string."""

    def __init__(
        self, layer_sizes, activation="sigmoid", learning_rate=0.01, use_momentum=False, beta=0.9,
        reg_lambda=0.0, use_adam=False, beta1=0.9, beta2=0.999,
    ):  # fmt: skip
        super().__init__(layer_sizes, activation, learning_rate)


class MomentumValueMLP(ListsMLP):
    """momentum=0.0 (0 = off) and lam=0.0: the value is the switch."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01, momentum=0.0, lam=0.0):
        super().__init__(layer_sizes, activation, learning_rate)


class GradDictOfListsMLP(ListsMLP):
    """_backward returns {"dW": [...], "db": [...]}."""

    def _backward(self, X, y):
        d_weights, d_biases = super()._backward(X, y)
        return {"dW": d_weights, "db": d_biases}


class GradDictWbMLP(ListsMLP):
    """_backward returns {"W1": dW1, "b1": db1, ...} (named after the parameters)."""

    def _backward(self, X, y):
        d_weights, d_biases = super()._backward(X, y)
        out = {}
        for k, (dW, db) in enumerate(zip(d_weights, d_biases), 1):
            out[f"W{k}"], out[f"b{k}"] = dW, db
        return out


class ReversedGradientsMLP(ListsMLP):
    """_backward returns the lists built from the output layer back, never reversed."""

    def _backward(self, X, y):
        d_weights, d_biases = super()._backward(X, y)
        return d_weights[::-1], d_biases[::-1]


class LayerDictsMLP:
    """``self.layers = [{"W": (n_in, n_out), "b": (n_out,)}, ...]``; grads in ``self.grads`` [{"W", "b"}]."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.activation = activation
        weights, biases = _init(layer_sizes, np.random.default_rng(7))
        self.layers = [{"W": W.T.copy(), "b": b} for W, b in zip(weights, biases)]

    def _forward(self, X):
        weights = [layer["W"].T for layer in self.layers]
        self.zs, self.acts = forward_pass(weights, [layer["b"] for layer in self.layers], X, self.activation)
        return self.acts[-1]

    def _backward(self, X, y):
        weights = [layer["W"].T for layer in self.layers]
        d_weights, d_biases = backward_pass(weights, self.zs, self.acts, y.reshape(-1, 1), self.activation)
        self.grads = [{"W": dW.T, "b": db} for dW, db in zip(d_weights, d_biases)]


class VectorOutputWeightMLP:
    """Attributes W1, W2 (n_out, n_in), the output unit's w3 a vector (n_in,) and b3 a plain float."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        assert len(layer_sizes) == 4
        assert layer_sizes[-1] == 1
        self.activation = activation
        weights, _ = _init(layer_sizes, np.random.default_rng(8))
        self.W1, self.W2, self.w3 = weights[0], weights[1], weights[2].reshape(-1)
        self.b1, self.b2, self.b3 = np.zeros(layer_sizes[1]), np.zeros(layer_sizes[2]), 0.0

    def _canonical(self):
        weights = [self.W1, self.W2, np.reshape(self.w3, (1, -1))]
        return weights, [self.b1, self.b2, np.reshape(self.b3, 1)]

    def _forward(self, X):
        self._zs, self._as = forward_pass(*self._canonical(), X, self.activation)
        return self._as[-1]

    def _backward(self, X, y):
        weights = self._canonical()[0]
        d_weights, d_biases = backward_pass(weights, self._zs, self._as, y.reshape(-1, 1), self.activation)
        return [d_weights[0], d_weights[1], d_weights[2].reshape(-1)], [
            d_biases[0],
            d_biases[1],
            d_biases[2][0],
        ]


class FlatParamsMLP(ListsMLP):
    """``self.params = [W1, b1, W2, b2, ...]`` (one flat list), b of shape (1, n_out); grads grouped."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.activation = activation
        weights, biases = _init(layer_sizes, np.random.default_rng(9))
        self.params = [a for W, b in zip(weights, biases) for a in (W, b.reshape(1, -1))]

    def _forward(self, X):
        weights, biases = self.params[0::2], [b.reshape(-1) for b in self.params[1::2]]
        self.zs, self.activations = forward_pass(weights, biases, X, self.activation)
        return self.activations[-1]

    def _backward(self, X, y):
        weights = self.params[0::2]
        d_weights, d_biases = backward_pass(
            weights, self.zs, self.activations, y.reshape(-1, 1), self.activation
        )
        return [*d_weights, *d_biases]


class BestCopyMLP(ListsMLP):
    """Keeps ``best_biases`` (a copy for early stopping) before the real ``biases``."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        self.activation = activation
        self.best_biases = [np.zeros(o) for o in layer_sizes[1:]]
        self.weights, self.biases = _init(layer_sizes, np.random.default_rng(10))


class BoolSwitchesMLP(ListsMLP):
    """momentum=False with beta; use_l2=False with lambda_; adam=False."""

    def __init__(
        self, layer_sizes, activation="sigmoid", learning_rate=0.01, momentum=False, beta=0.9,
        use_l2=False, lambda_=0.01, adam=False, eps=1e-8,
    ):  # fmt: skip
        super().__init__(layer_sizes, activation, learning_rate)
