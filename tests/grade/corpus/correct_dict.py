# Übungsblatt 2, Aufgabe 2.1 -- MLP von Hand (mit Bonus: Momentum, L2, RMSprop)
# Lena Schäfer, Matrikelnr. 7654321
#
# Parameter liegen in einem Dictionary: params["W1"] hat die Form (n_in, n_out),
# params["b1"] die Form (1, n_out). Damit ist der Forward-Pass einfach X @ W + b.

import numpy as np


class MLP:
    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01,
                 momentum=0.0, lambda_=0.0, optimizer='sgd', rho=0.9, eps=1e-8, seed=0):
        self.layer_sizes = layer_sizes
        self.activation = activation
        self.learning_rate = learning_rate
        self.momentum = momentum      # beta; 0 = normales SGD
        self.lambda_ = lambda_        # L2-Stärke (nur Gewichte, Gl. 11)
        self.optimizer = optimizer    # 'sgd' oder 'rmsprop'
        self.rho = rho
        self.eps = eps
        self.L = len(layer_sizes) - 1  # Anzahl der Schichten mit Gewichten
        self.rng = np.random.default_rng(seed)
        self.params = {}
        self.grads = {}
        self.cache = {}
        self._initialize_weights()

    # ---------- Aktivierungsfunktionen ----------
    def _act(self, z):
        if self.activation == 'sigmoid':
            return 1 / (1 + np.exp(-np.clip(z, -500, 500)))
        elif self.activation == 'relu':
            return np.maximum(0, z)
        elif self.activation == 'tanh':
            return np.tanh(z)
        raise ValueError("Unbekannte Aktivierung: " + str(self.activation))

    def _act_deriv(self, z):
        # Ableitung nach z (nicht nach a!)
        if self.activation == 'sigmoid':
            s = 1 / (1 + np.exp(-np.clip(z, -500, 500)))
            return s * (1 - s)
        elif self.activation == 'relu':
            return (z > 0).astype(float)
        else:
            return 1 - np.tanh(z) ** 2

    def _initialize_weights(self):
        for l in range(1, self.L + 1):
            n_in = self.layer_sizes[l - 1]
            n_out = self.layer_sizes[l]
            if self.activation == 'relu':
                std = np.sqrt(2 / n_in)               # He
            else:
                std = np.sqrt(2 / (n_in + n_out))     # Xavier/Glorot (Normalverteilung)
            self.params['W' + str(l)] = self.rng.normal(0, std, size=(n_in, n_out))
            self.params['b' + str(l)] = np.zeros((1, n_out))
        # Zustände für Momentum bzw. RMSprop
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.sq_avg = {k: np.zeros_like(v) for k, v in self.params.items()}

    def _forward(self, X):
        A = np.asarray(X, dtype=float)
        self.cache['A0'] = A
        for l in range(1, self.L + 1):
            Z = A @ self.params['W' + str(l)] + self.params['b' + str(l)]
            if l < self.L:
                A = self._act(Z)
            else:
                A = 1 / (1 + np.exp(-np.clip(Z, -500, 500)))   # Ausgabe: Sigmoid
            self.cache['Z' + str(l)] = Z
            self.cache['A' + str(l)] = A
        return A   # (n, 1)

    def _compute_loss(self, y_hat, y):
        y = y.reshape(-1, 1)
        y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
        bce = -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
        reg = self.lambda_ * sum(np.sum(self.params['W' + str(l)] ** 2) for l in range(1, self.L + 1))
        return bce + reg

    def _backward(self, X, y):
        # Gradienten des MITTLEREN Verlusts, landen in self.grads
        m = X.shape[0]
        y = np.asarray(y, dtype=float).reshape(-1, 1)
        dZ = (self.cache['A' + str(self.L)] - y) / m      # Sigmoid + BCE
        for l in range(self.L, 0, -1):
            A_prev = self.cache['A' + str(l - 1)]
            self.grads['dW' + str(l)] = A_prev.T @ dZ + 2 * self.lambda_ * self.params['W' + str(l)]
            self.grads['db' + str(l)] = np.sum(dZ, axis=0, keepdims=True)
            if l > 1:
                dA = dZ @ self.params['W' + str(l)].T
                dZ = dA * self._act_deriv(self.cache['Z' + str(l - 1)])

    def _update_parameters(self):
        for key in self.params:
            g = self.grads['d' + key]
            if self.optimizer == 'rmsprop':
                self.sq_avg[key] = self.rho * self.sq_avg[key] + (1 - self.rho) * g ** 2
                self.params[key] -= self.learning_rate * g / (np.sqrt(self.sq_avg[key]) + self.eps)
            elif self.momentum > 0:
                # Momentum wie auf dem Blatt: v = beta*v + (1-beta)*g
                self.velocity[key] = self.momentum * self.velocity[key] + (1 - self.momentum) * g
                self.params[key] -= self.learning_rate * self.velocity[key]
            else:
                self.params[key] -= self.learning_rate * g

    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float).reshape(-1, 1)
        n = X.shape[0]
        bs = n if batch_size is None else batch_size
        self.loss_history = []
        for epoch in range(epochs):
            idx = self.rng.permutation(n)   # jede Epoche neu mischen
            losses = []
            for i in range(0, n, bs):
                batch = idx[i:i + bs]       # letzter Batch darf kleiner sein
                y_hat = self._forward(X[batch])
                losses.append(self._compute_loss(y_hat, y[batch]) * len(batch))
                self._backward(X[batch], y[batch])
                self._update_parameters()
            self.loss_history.append(sum(losses) / n)
            if verbose and epoch % 100 == 0:
                print("Epoche", epoch, "Loss", round(self.loss_history[-1], 4))
        return self.loss_history

    def predict(self, X):
        probs = self._forward(X)
        return (probs > 0.5).astype(int).flatten()

    def score(self, X, y):
        return np.mean(self.predict(X) == np.asarray(y).flatten())


if __name__ == "__main__":
    import matplotlib.pyplot as plt

    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    y = np.array([0, 1, 1, 0])
    for act in ['sigmoid', 'tanh', 'relu']:
        mlp = MLP([2, 4, 1], activation=act, learning_rate=0.5)
        hist = mlp.train(X, y, epochs=5000)
        print(act, "Genauigkeit:", mlp.score(X, y))
        plt.plot(hist, label=act)
    plt.legend()
    plt.xlabel("Epoche")
    plt.ylabel("Loss")
    plt.show()
