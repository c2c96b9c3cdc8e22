# Task 2.1 -- MLP
# (corpus: hostile -- os._exit(3) in the class body, so the interpreter ends while the class is defined)
import os

import numpy as np


class MLP:
    os._exit(3)

    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01):
        self.layer_sizes = layer_sizes
