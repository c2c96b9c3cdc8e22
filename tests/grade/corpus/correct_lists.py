"""
Deep Learning, exercise sheet 2 -- task 2.1 (+ bonus)
MLP for binary classification, written from scratch with NumPy.

Author: Jonas Becker (group 7)

Conventions I use:
  weights[l] has shape (n_out, n_in) like W^(l) on the sheet, biases[l] has shape (n_out,)
  X is (n_samples, n_features), the output is one sigmoid unit, loss = mean BCE
"""
import numpy as np
import matplotlib.pyplot as plt


def sigmoid(z):
    z = np.clip(z, -500, 500)  # avoid overflow in exp
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    s = sigmoid(z)
    return s * (1.0 - s)


def relu(z):
    return np.maximum(0.0, z)


def relu_prime(z):
    return (z > 0).astype(float)


def tanh(z):
    return np.tanh(z)


def tanh_prime(z):
    return 1.0 - np.tanh(z) ** 2


ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_prime),
    "relu": (relu, relu_prime),
    "tanh": (tanh, tanh_prime),
}


class MLP:
    """Multi-layer perceptron with one sigmoid output unit.

    Bonus: optimizer='sgd' | 'momentum' | 'adam', L2 regularisation (eq. 11).
    """

    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01,
                 optimizer='sgd', beta=0.9, beta1=0.9, beta2=0.999, eps=1e-8, l2=0.0):
        if activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {activation}")
        if optimizer not in ("sgd", "momentum", "adam"):
            raise ValueError(f"unknown optimizer {optimizer}")
        self.layer_sizes = list(layer_sizes)
        self.activation = activation
        self.learning_rate = learning_rate
        self.optimizer = optimizer
        self.beta = beta
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.l2 = l2
        self.act, self.act_prime = ACTIVATIONS[activation]
        self.n_layers = len(self.layer_sizes) - 1
        self._initialize_weights()

    def _initialize_weights(self):
        self.weights = []
        self.biases = []
        for n_in, n_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:]):
            if self.activation == "relu":
                std = np.sqrt(2.0 / n_in)   # He
            else:
                std = np.sqrt(1.0 / n_in)   # Xavier (normal, Var = 1/n_in)
            self.weights.append(np.random.randn(n_out, n_in) * std)
            self.biases.append(np.zeros(n_out))
        # optimizer state (one entry per parameter array)
        self.v_w = [np.zeros_like(W) for W in self.weights]
        self.v_b = [np.zeros_like(b) for b in self.biases]
        self.m_w = [np.zeros_like(W) for W in self.weights]
        self.m_b = [np.zeros_like(b) for b in self.biases]
        self.t = 0

    def _forward(self, X):
        """Returns y_hat of shape (n, 1) and keeps z and a of every layer."""
        a = np.asarray(X, dtype=float)
        self.zs = []
        self.activations = [a]          # a^(0) = X
        for l in range(self.n_layers):
            z = a @ self.weights[l].T + self.biases[l]   # (n, n_out)
            if l == self.n_layers - 1:
                a = sigmoid(z)                          # output layer
            else:
                a = self.act(z)
            self.zs.append(z)
            self.activations.append(a)
        return a

    def _loss(self, y_hat, y):
        y = y.reshape(-1, 1)
        p = np.clip(y_hat, 1e-12, 1 - 1e-12)
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        if self.l2 > 0:
            loss += self.l2 * sum(np.sum(W ** 2) for W in self.weights)
        return loss

    def _backward(self, X, y):
        """Gradients of the mean loss over the batch. Needs _forward(X) first."""
        y = np.asarray(y, dtype=float).reshape(-1, 1)
        n = y.shape[0]
        dW = [None] * self.n_layers
        db = [None] * self.n_layers
        # sigmoid + BCE: dL/dz = (y_hat - y) / n
        delta = (self.activations[-1] - y) / n            # (n, 1)
        for l in reversed(range(self.n_layers)):
            dW[l] = delta.T @ self.activations[l]          # (n_out, n_in)
            db[l] = delta.sum(axis=0)                     # (n_out,)
            if self.l2 > 0:
                dW[l] = dW[l] + 2 * self.l2 * self.weights[l]
            if l > 0:
                delta = (delta @ self.weights[l]) * self.act_prime(self.zs[l - 1])
        return dW, db

    def _update(self, dW, db):
        lr = self.learning_rate
        if self.optimizer == "sgd":
            for l in range(self.n_layers):
                self.weights[l] -= lr * dW[l]
                self.biases[l] -= lr * db[l]
        elif self.optimizer == "momentum":
            # sheet eq. (9)-(10): v = beta*v + (1-beta)*g, theta = theta - lr*v
            for l in range(self.n_layers):
                self.v_w[l] = self.beta * self.v_w[l] + (1 - self.beta) * dW[l]
                self.v_b[l] = self.beta * self.v_b[l] + (1 - self.beta) * db[l]
                self.weights[l] -= lr * self.v_w[l]
                self.biases[l] -= lr * self.v_b[l]
        else:  # adam
            self.t += 1
            b1, b2 = self.beta1, self.beta2
            for l in range(self.n_layers):
                self.m_w[l] = b1 * self.m_w[l] + (1 - b1) * dW[l]
                self.m_b[l] = b1 * self.m_b[l] + (1 - b1) * db[l]
                self.v_w[l] = b2 * self.v_w[l] + (1 - b2) * dW[l] ** 2
                self.v_b[l] = b2 * self.v_b[l] + (1 - b2) * db[l] ** 2
                m_w_hat = self.m_w[l] / (1 - b1 ** self.t)
                m_b_hat = self.m_b[l] / (1 - b1 ** self.t)
                v_w_hat = self.v_w[l] / (1 - b2 ** self.t)
                v_b_hat = self.v_b[l] / (1 - b2 ** self.t)
                self.weights[l] -= lr * m_w_hat / (np.sqrt(v_w_hat) + self.eps)
                self.biases[l] -= lr * m_b_hat / (np.sqrt(v_b_hat) + self.eps)

    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float).reshape(-1)
        n = X.shape[0]
        if batch_size is None:
            batch_size = n
        history = []
        for epoch in range(epochs):
            perm = np.random.permutation(n)
            X_shuf, y_shuf = X[perm], y[perm]
            epoch_loss = 0.0
            for start in range(0, n, batch_size):
                Xb = X_shuf[start:start + batch_size]
                yb = y_shuf[start:start + batch_size]
                y_hat = self._forward(Xb)
                epoch_loss += self._loss(y_hat, yb) * len(yb)
                dW, db = self._backward(Xb, yb)
                self._update(dW, db)
            history.append(epoch_loss / n)
            if verbose and (epoch % 100 == 0 or epoch == epochs - 1):
                print(f"epoch {epoch:5d}  loss {history[-1]:.5f}")
        return history

    def predict(self, X):
        y_hat = self._forward(X)
        return (y_hat[:, 0] >= 0.5).astype(int)

    def score(self, X, y):
        y = np.asarray(y).reshape(-1)
        return float(np.mean(self.predict(X) == y))


if __name__ == "__main__":
    # XOR experiment
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([0, 1, 1, 0])
    np.random.seed(1)
    net = MLP([2, 4, 1], activation="tanh", learning_rate=0.5)
    losses = net.train(X, y, epochs=3000)
    print("XOR accuracy:", net.score(X, y))

    plt.plot(losses)
    plt.xlabel("epoch")
    plt.ylabel("BCE loss")
    plt.title("XOR, [2, 4, 1], tanh")
    plt.show()
