# Task 2.1 -- MLP
# (corpus: hostile -- __init__ appends 100 MB arrays to a list forever: unbounded memory)
import numpy as np


class MLP:
    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01):
        self.layer_sizes = layer_sizes
        self.activation = activation
        self.learning_rate = learning_rate
        self.cache = []
        while True:  # "cache" for later
            self.cache.append(np.ones(100 * 1024 * 1024 // 8))  # 100 MB, written, so really allocated

    def _initialize_weights(self):
        pass

    def _forward(self, X):
        return np.zeros((len(X), 1))

    def _backward(self, X, y):
        return [], []

    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        pass

    def predict(self, X):
        return np.zeros(len(X), dtype=int)

    def score(self, X, y):
        return 0.0
