"""Small student-style ``MLP`` classes for the training checks: one correct, and one mistake each.

All in the canonical layout of the sheet (lists ``weights`` (n_out, n_in) and
``biases`` (n_out,), ``_backward`` returning ``(dW list, db list)`` of the mean
loss), so that the stub :class:`~mlplab.grade.conventions.Student` sees them.
The bonus switches are constructor keywords: ``optimizer='sgd'|'momentum'|
'rmsprop'|'adam'``, ``beta``, ``l2``, ``beta1``, ``beta2``, ``eps``, ``rho``.
"""

from __future__ import annotations

import numpy as np

from mlplab import MLP
from mlplab.grade.conventions import Student


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


_ACTIVATIONS = {
    "sigmoid": (_sigmoid, lambda a: a * (1.0 - a)),
    "tanh": (np.tanh, lambda a: 1.0 - a * a),
    "relu": (lambda z: np.maximum(z, 0.0), lambda a: (a > 0).astype(float)),
}


class Sheet:
    """A correct sheet-style MLP (sigmoid output, mean BCE), trained by mini-batch descent."""

    methods = ("adam", "rmsprop")

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
        seed=0,
    ):
        self.layer_sizes = list(layer_sizes)
        self.activation = activation
        self.learning_rate = learning_rate
        self.optimizer, self.beta, self.l2 = optimizer, beta, l2
        self.beta1, self.beta2, self.eps, self.rho = beta1, beta2, eps, rho
        self.rng = np.random.default_rng(seed)
        self._act, self._dact = _ACTIVATIONS[activation]
        self._initialize_weights()

    def _initialize_weights(self):
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:], strict=True):
            limit = np.sqrt(6.0 / (n_in + n_out))
            self.weights.append(self.rng.uniform(-limit, limit, size=(n_out, n_in)))
            self.biases.append(np.zeros(n_out))
        self.state, self.t = None, 0

    def _forward(self, X):
        a = np.asarray(X, dtype=float)
        self.cache = [a]
        last = len(self.weights) - 1
        for index, (W, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            z = a @ W.T + b  # (n, n_out)
            a = _sigmoid(z) if index == last else self._act(z)
            self.cache.append(a)
        return a  # (n, 1)

    def _backward(self, X, y):
        y = np.asarray(y, dtype=float).reshape(-1, 1)  # (n, 1)
        delta = (self.cache[-1] - y) / len(y)  # ∂L/∂z of the mean loss
        n_layers = len(self.weights)
        weight_grads, bias_grads = [None] * n_layers, [None] * n_layers
        for index in reversed(range(n_layers)):
            weight_grads[index] = delta.T @ self.cache[index]  # (n_out, n_in)
            bias_grads[index] = delta.sum(axis=0)  # (n_out,)
            if index:
                delta = (delta @ self.weights[index]) * self._dact(self.cache[index])
        return self._regularise(weight_grads, bias_grads)

    def _regularise(self, weight_grads, bias_grads):
        if self.l2:
            weight_grads = [g + 2 * self.l2 * W for g, W in zip(weight_grads, self.weights, strict=True)]
        return weight_grads, bias_grads

    # ----------------------------------------------------------- training
    def _order(self, n):
        return self.rng.permutation(n)

    def _batches(self, n, batch_size):
        order = self._order(n)
        size = n if batch_size is None else batch_size
        return [order[start : start + size] for start in range(0, n, size)]

    def _step(self, g):
        """Δθ for the flat gradient ``g``."""
        alpha = self.learning_rate
        if self.optimizer == "momentum":
            self.state = self.beta * (0.0 if self.state is None else self.state) + (1 - self.beta) * g
            return -alpha * self.state
        if self.optimizer == "rmsprop":
            s = 0.0 if self.state is None else self.state
            self.state = self.rho * s + (1 - self.rho) * g * g
            return -alpha * g / (np.sqrt(self.state) + self.eps)
        if self.optimizer == "adam":
            self.t += 1
            m, v = (0.0, 0.0) if self.state is None else self.state
            m = self.beta1 * m + (1 - self.beta1) * g
            v = self.beta2 * v + (1 - self.beta2) * g * g
            self.state = (m, v)
            m_hat, v_hat = self._corrected(m, v)
            return -alpha * m_hat / (np.sqrt(v_hat) + self.eps)
        return -alpha * g

    def _corrected(self, m, v):
        return m / (1 - self.beta1**self.t), v / (1 - self.beta2**self.t)

    def _update(self, weight_grads, bias_grads):
        g = np.concatenate([a.ravel() for a in (*weight_grads, *bias_grads)])
        delta = self._step(g)
        at = 0
        for array in (*self.weights, *self.biases):
            array += delta[at : at + array.size].reshape(array.shape)
            at += array.size

    def _gradients(self, X, y):
        return self._backward(X, y)

    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float).reshape(-1)
        for _ in range(epochs):
            for rows in self._batches(len(X), batch_size):
                self._forward(X[rows])
                self._update(*self._gradients(X[rows], y[rows]))
        return self

    def predict(self, X):
        return (self._forward(X)[:, 0] >= 0.5).astype(int)

    def score(self, X, y):
        return float(np.mean(self.predict(X) == np.asarray(y).reshape(-1)))


# ------------------------------------------------------------------ training-loop bugs
class DropLast(Sheet):
    def _batches(self, n, batch_size):
        return [rows for rows in super()._batches(n, batch_size) if len(rows) == (batch_size or n)]


class IgnoresBatchSize(Sheet):
    def _batches(self, n, batch_size):
        return [self._order(n)]


class NoShuffle(Sheet):
    def _order(self, n):
        return np.arange(n)


class ShuffleOnce(Sheet):
    def _order(self, n):
        return np.random.default_rng(1).permutation(n)


class Unpaired(Sheet):
    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float).reshape(-1)
        for _ in range(epochs):
            Xs, ys = X[self.rng.permutation(len(X))], y[self.rng.permutation(len(y))]
            size = len(X) if batch_size is None else batch_size
            for start in range(0, len(X), size):
                self._forward(Xs[start : start + size])
                self._update(*self._backward(Xs[start : start + size], ys[start : start + size]))
        return self


class IgnoresLearningRate(Sheet):
    def _step(self, g):
        return -0.1 * g


class Ascent(Sheet):
    def _step(self, g):
        return self.learning_rate * g


class NeverLearns(Sheet):
    def _step(self, g):
        return 0.0 * g


class Hidden:
    """A mixin: train reaches the class's _backward directly, so the instance's recorder sees no call."""

    def _gradients(self, X, y):
        return type(self)._backward(self, X, y)


class HiddenSheet(Hidden, Sheet):
    pass


class HiddenDropLast(Hidden, DropLast):
    pass


class HiddenIgnoresBatchSize(Hidden, IgnoresBatchSize):
    pass


class HiddenNoShuffle(Hidden, NoShuffle):
    pass


class Crashes(Sheet):
    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        raise RuntimeError("not implemented yet")

    def predict(self, X):
        raise NotImplementedError("predict")


# ------------------------------------------------------------------ predict/score bugs
class Probabilities(Sheet):
    def predict(self, X):
        return self._forward(X)[:, 0]

    def score(self, X, y):
        return float(np.mean((self.predict(X) >= 0.5) == np.asarray(y).reshape(-1)))


class Column(Sheet):
    def predict(self, X):
        return (self._forward(X) >= 0.5).astype(int)  # (n, 1)

    def score(self, X, y):
        return float(np.mean(self.predict(X)[:, 0] == np.asarray(y).reshape(-1)))


class Percent(Sheet):
    def score(self, X, y):
        return 100.0 * super().score(X, y)


class ErrorRate(Sheet):
    def score(self, X, y):
        return 1.0 - super().score(X, y)


# ------------------------------------------------------------------ vectorisation bugs
class Looped(Sheet):
    """Forward and backward one sample at a time."""

    def _forward(self, X):
        X = np.asarray(X, dtype=float)
        outputs = []
        self.sample_caches = []
        for x in X:
            super()._forward(x[None, :])
            self.sample_caches.append(self.cache)
            outputs.append(self.cache[-1][0])
        self.cache = [
            np.concatenate([c[i] for c in self.sample_caches]) for i in range(len(self.sample_caches[0]))
        ]
        return np.array(outputs)

    def _backward(self, X, y):
        return self._looped_backward(X, y)

    def _looped_backward(self, X, y):
        y = np.asarray(y, dtype=float).reshape(-1)
        n = len(y)
        weight_grads = [np.zeros_like(W) for W in self.weights]
        bias_grads = [np.zeros_like(b) for b in self.biases]
        full = self.cache
        for i in range(n):
            self.cache = [c[i : i + 1] for c in full]
            dW, db = Sheet._backward(self, X[i : i + 1], y[i : i + 1])
            for total, g in zip(weight_grads + bias_grads, dW + db, strict=True):
                total += g / n
        self.cache = full
        return weight_grads, bias_grads


class LoopedBackward(Looped):
    """A vectorised forward pass, a backward pass one sample at a time."""

    def _forward(self, X):
        return Sheet._forward(self, X)


# ------------------------------------------------------------------ bonus bugs
class PyTorchMomentum(Sheet):
    def _step(self, g):
        if self.optimizer == "momentum":
            self.state = self.beta * (0.0 if self.state is None else self.state) + g
            return -self.learning_rate * self.state
        return super()._step(g)


class MomentumReset(Sheet):
    """The optimiser's state is thrown away at the start of every epoch."""

    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        for _ in range(epochs):
            self.state = None
            super().train(X, y, 1, batch_size)
        return self


class NoMomentum(Sheet):
    def _step(self, g):
        return -self.learning_rate * g


class HalfL2(Sheet):
    def _regularise(self, weight_grads, bias_grads):
        return [g + self.l2 * W for g, W in zip(weight_grads, self.weights, strict=True)], bias_grads


class BiasL2(Sheet):
    def _regularise(self, weight_grads, bias_grads):
        weight_grads, bias_grads = super()._regularise(weight_grads, bias_grads)
        return weight_grads, [g + 2 * self.l2 * b for g, b in zip(bias_grads, self.biases, strict=True)]


class L2InUpdate(Sheet):
    """The penalty's gradient added in the update (weight decay), not in _backward: also correct."""

    def _regularise(self, weight_grads, bias_grads):
        return weight_grads, bias_grads

    def _update(self, weight_grads, bias_grads):
        weight_grads = [g + 2 * self.l2 * W for g, W in zip(weight_grads, self.weights, strict=True)]
        super()._update(weight_grads, bias_grads)


class L2Twice(Sheet):
    """2λW in _backward, and the update adds it once more."""

    def _update(self, weight_grads, bias_grads):
        weight_grads = [g + 2 * self.l2 * W for g, W in zip(weight_grads, self.weights, strict=True)]
        super()._update(weight_grads, bias_grads)


class AdamEpsInside(Sheet):
    """Adam and RMSprop with ε under the root: an accepted variant."""

    def _step(self, g):
        if self.optimizer == "adam":
            self.t += 1
            m, v = (0.0, 0.0) if self.state is None else self.state
            m = self.beta1 * m + (1 - self.beta1) * g
            v = self.beta2 * v + (1 - self.beta2) * g * g
            self.state = (m, v)
            m_hat, v_hat = self._corrected(m, v)
            return -self.learning_rate * m_hat / np.sqrt(v_hat + self.eps)
        if self.optimizer == "rmsprop":
            s = 0.0 if self.state is None else self.state
            self.state = self.rho * s + (1 - self.rho) * g * g
            return -self.learning_rate * g / np.sqrt(self.state + self.eps)
        return super()._step(g)


class NoL2(Sheet):
    def _regularise(self, weight_grads, bias_grads):
        return weight_grads, bias_grads


class NoBiasCorrection(Sheet):
    def _corrected(self, m, v):
        return m, v


class OnlyRMSprop(Sheet):
    methods = ("rmsprop",)


class OnlyAdam(Sheet):
    methods = ("adam",)


# ------------------------------------------------------------------ how the checks see them
class CanonStudent(Student):
    """The stub Student plus the bonus keywords of these classes (what helper B's detection finds)."""

    def __init__(self, cls):
        super().__init__(cls=cls, found={"weights": "list `weights`"})
        self.bonus = {"momentum": {"beta": "beta"}, "l2": {"lam": "l2"}, "adaptive": {"methods": cls.methods}}

    def options(self, feature, **values):
        if feature == "momentum":
            return {"optimizer": "momentum", "beta": values.get("beta", 0.9)}
        if feature == "l2":
            return {"l2": values.get("lam", 0.01)}
        if feature == "adaptive":
            method = values.get("method", self.cls.methods[0])
            if method not in self.cls.methods:
                raise ValueError(f"no {method!r}")
            keys = ("beta1", "beta2", "eps") if method == "adam" else ("rho", "eps")
            return {"optimizer": method, **{k: values[k] for k in keys if k in values}}
        raise KeyError(feature)

    def defaults(self, feature):
        return {"beta": 0.9, "lam": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "rho": 0.9}


class MlplabStudent(Student):
    """mlplab's own MLP seen as a student: fixed β, ρ, ε (its string optimisers), weights via set_weights."""

    def __init__(self):
        super().__init__(cls=MLP, found={"weights": "list `weights`"})
        self.bonus = {"momentum": {}, "l2": {}, "adaptive": {}}

    def new(self, layer_sizes, activation="sigmoid", learning_rate=0.01, **options):
        return MLP(list(layer_sizes), activation, learning_rate, seed=0, **options)

    def set_params(self, model, weights, biases):
        model.set_weights(list(weights), list(biases))

    def options(self, feature, **values):
        fixed = {"beta": 0.9, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "rho": 0.9}
        if any(k in fixed and v != fixed[k] for k, v in values.items()):
            raise TypeError("mlplab's string optimisers have fixed hyperparameters")
        if feature == "momentum":
            return {"optimizer": "momentum"}
        if feature == "l2":
            return {"l2": values.get("lam", 0.01)}
        if feature == "adaptive":
            return {"optimizer": values.get("method", "adam")}
        raise KeyError(feature)

    def defaults(self, feature):
        return {"beta": 0.9, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "rho": 0.9}


# ------------------------------------------------------------------ another convention
class DictSheet:
    """Convention 2: ``params = {"W1": (n_in, n_out), "b1": (1, n_out), ...}``, ``_backward`` stores
    ``self.grads`` and returns None, y of shape (n, 1); bonus keywords ``momentum=β``, ``lambda_``."""

    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01, momentum=0.0, lambda_=0.0):
        self.sizes, self.lr, self.momentum, self.lambda_ = list(layer_sizes), learning_rate, momentum, lambda_
        self.act, self.dact = _ACTIVATIONS[activation]
        rng = np.random.default_rng(0)
        self.params, self.velocity = {}, {}
        for i, (n_in, n_out) in enumerate(zip(self.sizes[:-1], self.sizes[1:], strict=True), start=1):
            self.params[f"W{i}"] = rng.normal(0, np.sqrt(1 / n_in), size=(n_in, n_out))
            self.params[f"b{i}"] = np.zeros((1, n_out))
        self.L = len(self.sizes) - 1

    def _forward(self, X):
        a = np.asarray(X, dtype=float)
        self.a = [a]
        for i in range(1, self.L + 1):
            z = a @ self.params[f"W{i}"] + self.params[f"b{i}"]
            a = _sigmoid(z) if i == self.L else self.act(z)
            self.a.append(a)
        return a

    def _backward(self, X, y):
        y = np.asarray(y, dtype=float).reshape(-1, 1)
        delta = (self.a[-1] - y) / len(y)
        self.grads = {}
        for i in range(self.L, 0, -1):
            self.grads[f"dW{i}"] = self.a[i - 1].T @ delta + 2 * self.lambda_ * self.params[f"W{i}"]
            self.grads[f"db{i}"] = delta.sum(axis=0, keepdims=True)
            if i > 1:
                delta = (delta @ self.params[f"W{i}"].T) * self.dact(self.a[i - 1])

    def train(self, X, y, epochs=100, batch_size=None):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float).reshape(-1, 1)
        rng = np.random.default_rng()
        for _ in range(epochs):
            order = rng.permutation(len(X))
            size = batch_size or len(X)
            for start in range(0, len(X), size):
                rows = order[start : start + size]
                self._forward(X[rows])
                self._backward(X[rows], y[rows])
                for key, value in self.params.items():
                    g = self.grads["d" + key]
                    if self.momentum:
                        v = self.momentum * self.velocity.get(key, 0.0) + (1 - self.momentum) * g
                        self.velocity[key] = v
                        g = v
                    self.params[key] = value - self.lr * g

    def predict(self, X):
        return (self._forward(X) >= 0.5).astype(int).ravel()

    def score(self, X, y):
        return float(np.mean(self.predict(X) == np.asarray(y).ravel()))


class DictStudent(Student):
    """What helper B's detection does for :class:`DictSheet`, written out by hand."""

    def __init__(self, cls=DictSheet):
        super().__init__(cls=cls, found={"weights": "dict `params`, W of shape (n_in, n_out)"})
        self.bonus = {"momentum": {"beta": "momentum"}, "l2": {"lam": "lambda_"}}

    def options(self, feature, **values):
        if feature == "momentum":
            return {"momentum": values.get("beta", 0.9)}
        if feature == "l2":
            return {"lambda_": values.get("lam", 0.01)}
        raise KeyError(feature)

    def get_params(self, model):
        n = model.L
        return (
            [np.array(model.params[f"W{i}"], dtype=float).T for i in range(1, n + 1)],
            [np.array(model.params[f"b{i}"], dtype=float).reshape(-1) for i in range(1, n + 1)],
        )

    def set_params(self, model, weights, biases):
        for i, (W, b) in enumerate(zip(weights, biases, strict=True), start=1):
            model.params[f"W{i}"] = np.array(W, dtype=float).T.copy()
            model.params[f"b{i}"] = np.array(b, dtype=float).reshape(1, -1)

    def labels(self, y):
        return np.asarray(y, dtype=float).reshape(-1, 1)

    def gradients(self, model, X, y):
        model._forward(X)
        model._backward(X, self.labels(y))
        n = model.L
        return (
            [np.array(model.grads[f"dW{i}"], dtype=float).T for i in range(1, n + 1)],
            [np.array(model.grads[f"db{i}"], dtype=float).reshape(-1) for i in range(1, n + 1)],
        )
