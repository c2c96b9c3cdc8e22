"""The exercise sheet in a dozen calls of mlplab's API (no plotting, NumPy only).

Task 1.2: every number of the forward/backward example, checked by finite
differences. Task 2.1/2.2: the sheet's MLP class on XOR and on the two spirals,
with the sheet's method names. Task 3.1: the largest derivative of the sigmoid.
Task 4.1: the same spirals with momentum in the sheet's form and with Adam.

Run it with ``python examples/sheet.py`` (a few seconds); ``mlplab all``
does all of this and more, with figures and the report.
"""

from __future__ import annotations

import numpy as np

from mlplab import MLP, gradient_check
from mlplab.datasets import make_spirals, make_xor
from mlplab.nn.activations import get_activation
from mlplab.trace import SHEET_EXAMPLE, format_trace, sheet_trace


def main(epochs: int = 3000) -> dict:
    results = {}

    # Task 1.2: the sheet's network, one sample, every intermediate and gradient.
    trace = sheet_trace()
    print(format_trace(trace, "table", 6))
    sheet_net = MLP([2, 3, 2, 1]).set_weights(SHEET_EXAMPLE["weights"], SHEET_EXAMPLE["biases"])
    check = gradient_check(sheet_net, [SHEET_EXAMPLE["x"]], [SHEET_EXAMPLE["y"]])
    print(f"\nfinite-difference check, largest relative error: {check.max_error:.1e}")
    results["loss"], results["gradcheck"] = trace["loss"], check.max_error

    # Task 2.2 (a): XOR with [2, 4, 1].
    X, y = make_xor()
    xor = MLP([2, 4, 1], activation="sigmoid", learning_rate=0.5, seed=0)
    history = xor.train(X, y, epochs=5000)
    print(f"XOR: accuracy {xor.score(X, y):.0%}, final loss {history.train_loss[-1]:.4f}")
    results["xor"] = xor.score(X, y)

    # Task 2.2 (b): the sheet's spirals, inputs scaled by 1/(4π), an independent test draw.
    X, y = make_spirals(200, 0.1, seed=0)
    X_test, y_test = make_spirals(200, 0.1, seed=1)
    X, X_test = X / (4 * np.pi), X_test / (4 * np.pi)
    for optimizer, rate in [("momentum", 0.1), ("adam", 0.01)]:
        model = MLP([2, 32, 16, 8, 1], "relu", rate, optimizer=optimizer, seed=0)
        model.train(X, y, epochs=epochs, batch_size=32)
        train, test = model.score(X, y), model.score(X_test, y_test)
        print(f"spirals, {optimizer:8s}: training accuracy {train:.1%}, test accuracy {test:.1%}")
        results[f"spirals_{optimizer}"] = (train, test)

    # Task 3.1 (a): σ'(z) = σ(z)(1 − σ(z)) is largest at z = 0, where it is 1/4.
    z = np.linspace(-10, 10, 200001)
    derivative = get_activation("sigmoid").derivative(z)
    print(f"max σ'(z) = {derivative.max()} at z = {z[derivative.argmax()]:.4f}")
    results["max_sigmoid_derivative"] = float(derivative.max())
    return results


if __name__ == "__main__":
    main()
