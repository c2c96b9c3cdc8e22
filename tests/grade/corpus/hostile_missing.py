# Aufgabe 2.1 -- ich habe es mit Funktionen statt einer Klasse gemacht
# (corpus: hostile -- no class MLP at all, only functions)
import numpy as np


def init_params(layer_sizes):
    return [np.random.randn(o, i) * np.sqrt(1 / i) for i, o in zip(layer_sizes[:-1], layer_sizes[1:])], \
           [np.zeros(o) for o in layer_sizes[1:]]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward(weights, biases, X):
    a = X
    for W, b in zip(weights, biases):
        a = sigmoid(a @ W.T + b)
    return a


def predict(weights, biases, X):
    return (forward(weights, biases, X)[:, 0] > 0.5).astype(int)
