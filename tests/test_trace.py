"""Task 1.2: the trace equals an independent hand-written computation."""

import json
import subprocess
import sys

import numpy as np
import pytest

from mlplab.cli import main
from mlplab.trace import SHEET_EXAMPLE, format_trace, sheet_trace, trace_pass

CONTRACT_KEYS = [
    "z1", "a1", "z2", "a2", "z3", "y_hat", "loss",
    "dL_dz3", "dL_dw3", "dL_db3", "dL_da2", "dL_dz2", "dL_dW2", "dL_db2",
    "dL_da1", "dL_dz1", "dL_dW1", "dL_db1",
]  # fmt: skip


def hand_computed():
    """The sheet's equations (2)-(4) and task 1.1, one sample, column vectors.

    Written from the sheet, not from the library: plain NumPy, the logistic
    function via exp, the BCE via logs.
    """
    x = np.array([0.5, 0.8])
    y = 1.0
    W1 = np.array([[0.2, 0.1], [-0.3, 0.4], [0.6, -0.2]])
    b1 = np.array([0.1, -0.2, 0.3])
    W2 = np.array([[0.4, -0.1, 0.3], [0.2, 0.5, -0.4]])
    b2 = np.array([0.1, -0.1])
    w3 = np.array([0.6, -0.3])
    b3 = 0.2

    def s(v):
        return 1.0 / (1.0 + np.exp(-v))

    z1 = W1 @ x + b1
    a1 = s(z1)
    z2 = W2 @ a1 + b2
    a2 = s(z2)
    z3 = w3 @ a2 + b3
    y_hat = s(z3)
    loss = -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
    d3 = y_hat - y  # (a)
    dw3, db3 = d3 * a2, d3  # (b)
    da2 = d3 * w3  # (c)
    d2 = da2 * a2 * (1 - a2)  # (d)
    dW2, db2 = np.outer(d2, a1), d2
    da1 = W2.T @ d2  # (e)
    d1 = da1 * a1 * (1 - a1)
    dW1, db1 = np.outer(d1, x), d1
    return {"z1": z1, "a1": a1, "z2": z2, "a2": a2, "z3": z3, "y_hat": y_hat, "loss": loss,
            "dL_dz3": d3, "dL_dw3": dw3, "dL_db3": db3, "dL_da2": da2, "dL_dz2": d2, "dL_dW2": dW2,
            "dL_db2": db2, "dL_da1": da1, "dL_dz1": d1, "dL_dW1": dW1, "dL_db1": db1}  # fmt: skip


def test_sheet_trace_equals_hand_computation():
    trace = sheet_trace()
    expected = hand_computed()
    assert list(trace) == CONTRACT_KEYS
    for key in CONTRACT_KEYS:
        got, want = np.asarray(trace[key]), np.asarray(expected[key])
        assert got.shape == want.shape, key
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-10, err_msg=key)


def test_a_few_values_worked_by_hand():
    # z1 = W1 x + b1 by hand: 0.2·0.5 + 0.1·0.8 + 0.1 = 0.28, etc.
    trace = sheet_trace()
    np.testing.assert_allclose(trace["z1"], [0.28, -0.03, 0.44], atol=1e-15)
    assert trace["dL_dz3"] == pytest.approx(trace["y_hat"] - 1.0, abs=1e-15)
    assert trace["loss"] == pytest.approx(-np.log(trace["y_hat"]), abs=1e-15)


def test_trace_gradients_match_the_network_gradient_check():
    # The trace's gradients are the ones the finite-difference check confirms.
    from mlplab import MLP, gradient_check

    ex = SHEET_EXAMPLE
    model = MLP([2, 3, 2, 1]).set_weights(ex["weights"], ex["biases"])
    result = gradient_check(model, [ex["x"]], [ex["y"]])
    assert result.overall < 1e-9
    trace = sheet_trace()
    flat = np.concatenate([np.ravel(trace[k]) for k in
                           ["dL_dW1", "dL_db1", "dL_dW2", "dL_db2", "dL_dw3", "dL_db3"]])  # fmt: skip
    np.testing.assert_allclose(flat, result.numeric, rtol=1e-8, atol=1e-12)


def test_trace_softmax_output_and_other_activation():
    rng = np.random.default_rng(3)
    W = [rng.normal(size=(4, 3)), rng.normal(size=(3, 4))]
    b = [rng.normal(size=4), rng.normal(size=3)]
    x = rng.normal(size=3)
    trace = trace_pass(W, b, x, 2, activation="tanh")
    z1 = W[0] @ x + b[0]
    a1 = np.tanh(z1)
    z2 = W[1] @ a1 + b[1]
    p = np.exp(z2) / np.exp(z2).sum()
    onehot = np.array([0.0, 0.0, 1.0])
    np.testing.assert_allclose(trace["y_hat"], p, atol=1e-14)
    assert trace["loss"] == pytest.approx(-np.log(p[2]), abs=1e-14)
    np.testing.assert_allclose(trace["dL_dW2"], np.outer(p - onehot, a1), atol=1e-14)
    dz1 = (W[1].T @ (p - onehot)) * (1 - a1**2)
    np.testing.assert_allclose(trace["dL_dW1"], np.outer(dz1, x), atol=1e-14)


def test_trace_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match=r"x has 3 features"):
        trace_pass(SHEET_EXAMPLE["weights"], SHEET_EXAMPLE["biases"], [1.0, 2.0, 3.0], 1)
    with pytest.raises(ValueError, match=r"biases\[0\] must have 3 entries"):
        trace_pass(SHEET_EXAMPLE["weights"], [[0.0], [0.0, 0.0], [0.0]], [1.0, 2.0], 1)
    with pytest.raises(ValueError, match=r"y must hold labels 0 or 1"):
        trace_pass(SHEET_EXAMPLE["weights"], SHEET_EXAMPLE["biases"], [1.0, 2.0], 2)


def test_cli_trace_json_is_the_contract(capsys):
    assert main(["trace", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == CONTRACT_KEYS
    expected = hand_computed()
    for key in CONTRACT_KEYS:
        np.testing.assert_allclose(np.asarray(data[key]), expected[key], rtol=0, atol=1e-12, err_msg=key)
    assert np.shape(data["dL_dW1"]) == (3, 2)
    assert np.shape(data["dL_dW2"]) == (2, 3)
    assert np.shape(data["dL_dw3"]) == (2,)
    assert isinstance(data["dL_db3"], float)


@pytest.mark.parametrize("fmt", ["table", "markdown", "latex"])
def test_cli_trace_text_formats_show_every_quantity(capsys, fmt):
    assert main(["trace", "--format", fmt, "--digits", "4"]) == 0
    out = capsys.readouterr().out
    trace = sheet_trace()
    assert f"{trace['loss']:.4f}" in out
    assert f"{trace['y_hat']:.4f}" in out
    assert f"{trace['dL_dW1'][2, 1]:.4f}" in out
    assert out.count("\n") >= len(CONTRACT_KEYS)


def test_format_trace_rejects_unknown_format():
    with pytest.raises(ValueError, match=r"fmt must be one of .* got 'yaml'"):
        format_trace(sheet_trace(), "yaml")


@pytest.mark.slow
def test_cli_bad_arguments_exit_2():
    result = subprocess.run([sys.executable, "-m", "mlplab", "trace", "--format", "yaml"],
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 2
    assert "invalid choice: 'yaml'" in result.stderr
    result = subprocess.run([sys.executable, "-m", "mlplab", "trace", "--digits", "0"],
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 2
    assert "--digits" in result.stderr
