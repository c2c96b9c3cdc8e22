# Task 2.1 -- MLP
# (corpus: hostile -- __init__ prints 200 MB of output in many lines)
import numpy as np


class MLP:
    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01):
        self.layer_sizes = layer_sizes
        self.activation = activation
        self.learning_rate = learning_rate
        for i in range(200_000):  # debug output
            print("init", i, "x" * 1000)
        self.weights = [np.random.randn(o, n) for n, o in zip(layer_sizes[:-1], layer_sizes[1:])]
        self.biases = [np.zeros(o) for o in layer_sizes[1:]]

    def _initialize_weights(self):
        pass

    def _forward(self, X):
        return np.zeros((len(X), 1))

    def _backward(self, X, y):
        return [np.zeros_like(W) for W in self.weights], [np.zeros_like(b) for b in self.biases]

    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        pass

    def predict(self, X):
        return np.zeros(len(X), dtype=int)

    def score(self, X, y):
        return 0.0
