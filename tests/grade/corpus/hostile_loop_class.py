# Task 2.1 -- MLP
# (corpus: hostile -- an endless loop in the class body: it runs while the class is being defined)
import numpy as np


class MLP:
    # "warm up" before defining the methods
    while True:
        pass

    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01):
        self.layer_sizes = layer_sizes
