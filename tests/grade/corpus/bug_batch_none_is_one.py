# corpus: bug_batch_none_is_one.py = correct_attrs.py with exactly one mistake (batch_size=None treated as batch size 1 (n updates per epoch instead of one full-batch step)); see the line marked BUG
# Task 2.1 - Multilayer Perceptron
# Tim Hoffmann & Sara Yilmaz
#
# Every layer gets its own attributes: self.W1, self.b1, self.W2, self.b2, ...
# W_l has shape (n_out, n_in), b_l has shape (n_out,)

import numpy as np
import matplotlib.pyplot as plt


class MLP:

    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01):
        self.layer_sizes = layer_sizes
        self.activation = activation
        self.learning_rate = learning_rate
        self.num_layers = len(layer_sizes) - 1
        self._initialize_weights()

    def _initialize_weights(self):
        for i in range(1, self.num_layers + 1):
            fan_in, fan_out = self.layer_sizes[i - 1], self.layer_sizes[i]
            if self.activation == 'relu':
                limit = np.sqrt(6.0 / fan_in)             # He uniform, Var = 2/fan_in
            else:
                limit = np.sqrt(6.0 / (fan_in + fan_out))  # Xavier uniform
            setattr(self, f"W{i}", np.random.uniform(-limit, limit, size=(fan_out, fan_in)))
            setattr(self, f"b{i}", np.zeros(fan_out))

    @staticmethod
    def _sigmoid(z):
        return 1.0 / (1.0 + np.exp(-np.clip(z, -60, 60)))

    def _g(self, z):
        if self.activation == 'relu':
            return np.maximum(z, 0)
        if self.activation == 'tanh':
            return np.tanh(z)
        return self._sigmoid(z)

    def _g_prime(self, z):
        if self.activation == 'relu':
            return np.where(z > 0, 1.0, 0.0)
        if self.activation == 'tanh':
            return 1.0 - np.tanh(z) ** 2
        s = self._sigmoid(z)
        return s * (1 - s)

    def _forward(self, X):
        self.a0 = np.asarray(X, dtype=float)
        a = self.a0
        for i in range(1, self.num_layers + 1):
            W, b = getattr(self, f"W{i}"), getattr(self, f"b{i}")
            z = a @ W.T + b
            a = self._sigmoid(z) if i == self.num_layers else self._g(z)
            setattr(self, f"z{i}", z)
            setattr(self, f"a{i}", a)
        return a.ravel()  # probabilities, shape (n,)

    def _backward(self, X, y):
        y = np.asarray(y, dtype=float).reshape(-1, 1)
        n = len(y)
        L = self.num_layers
        grads = {}
        delta = (getattr(self, f"a{L}") - y) / n     # dL/dz for sigmoid + cross entropy (mean)
        for i in range(L, 0, -1):
            a_prev = getattr(self, f"a{i - 1}")
            grads[f"dW{i}"] = delta.T @ a_prev           # (n_out, n_in)
            grads[f"db{i}"] = np.sum(delta, axis=0)      # (n_out,)
            if i > 1:
                W = getattr(self, f"W{i}")
                delta = (delta @ W) * self._g_prime(getattr(self, f"z{i - 1}"))
        return grads

    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float).ravel()
        n = len(X)
        if batch_size is None:
            batch_size = 1  # BUG: None must mean full batch (all n samples), not batch size 1
        losses = []
        for ep in range(epochs):
            order = np.random.permutation(n)
            total = 0.0
            for k in range(0, n, batch_size):
                rows = order[k:k + batch_size]
                xb, yb = X[rows], y[rows]
                p = np.clip(self._forward(xb), 1e-12, 1 - 1e-12)
                total += -np.sum(yb * np.log(p) + (1 - yb) * np.log(1 - p))
                grads = self._backward(xb, yb)
                for i in range(1, self.num_layers + 1):
                    setattr(self, f"W{i}", getattr(self, f"W{i}") - self.learning_rate * grads[f"dW{i}"])
                    setattr(self, f"b{i}", getattr(self, f"b{i}") - self.learning_rate * grads[f"db{i}"])
            losses.append(total / n)
            if verbose:
                print(ep, losses[-1])
        return losses

    def predict(self, X):
        return np.where(self._forward(X) >= 0.5, 1, 0)

    def score(self, X, y):
        return (self.predict(X) == np.ravel(y)).mean()


# ---- quick test on XOR ----
X_xor = np.array([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
y_xor = np.array([0, 1, 1, 0])
np.random.seed(0)
model = MLP([2, 4, 1], 'tanh', 0.5)
loss_curve = model.train(X_xor, y_xor, epochs=300)
print("train accuracy after 300 epochs:", model.score(X_xor, y_xor))

plt.figure()
plt.plot(loss_curve)
plt.title("XOR loss")
plt.show()
