# Task 2.1 -- MLP
# (corpus: hostile -- a syntax error: a missing colon and an unclosed bracket)
import numpy as np


class MLP:
    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01)
        self.layer_sizes = layer_sizes
        self.weights = [np.random.randn(o, i) for i, o in zip(layer_sizes[:-1], layer_sizes[1:]]

    def _forward(self, X):
        return X
