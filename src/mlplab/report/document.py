"""The report's structure, in the sheet's order, the same for every language."""

from __future__ import annotations

from .blocks import Code, Equation, Figure, Heading, Para, Table

TRACE_CODE = """\
from mlplab.trace import format_trace, sheet_trace

trace = sheet_trace()          # the library's own layers, one sample of the sheet
print(format_trace(trace))     # task 1.2 (a), (b), (c)
"""

GRADCHECK_CODE = """\
from mlplab import MLP, gradient_check
from mlplab.trace import SHEET_EXAMPLE as ex

model = MLP([2, 3, 2, 1]).set_weights(ex["weights"], ex["biases"])
check = gradient_check(model, [ex["x"]], [ex["y"]])
{name: f"{error:.1e}" for name, error in check.errors.items()}
"""

API_CODE = """\
from mlplab import MLP
from mlplab.datasets import make_xor

X, y = make_xor()
model = MLP([2, 4, 1], activation="sigmoid", learning_rate=0.5, seed=0)
history = model.train(X, y, epochs=5000, batch_size=None)   # full batch
print(model.predict(X), model.score(X, y), f"{history.train_loss[-1]:.4f}")

y_hat = model._forward(X)                          # keeps every layer's input and output
weight_grads, bias_grads = model._backward(X, y)   # ∂L/∂W, ∂L/∂b of the mean loss
[w.shape for w in model.weights], [g.shape for g in weight_grads]
"""

XOR_CODE = """\
xor = metrics("xor")["results"]
main = xor["main_run"]
print("accuracy:", main["accuracy"], "| epochs to 100 %:", main["epochs_to_100_percent"])
{a: f'{r["solved"]}/{r["seeds"]}' for a, r in xor["success_rate"].items()}
"""

REPRO_CODE = """\
import platform
{"python": platform.python_version(), "numpy": np.__version__, "mlplab": mlplab.__version__,
 "seeds": {name: metrics(name)["seed"] for name in ["xor"] if (RESULTS / name).exists()}}
"""


def document(available: set[str]) -> list:
    """The blocks of the report; sections of experiments not in ``available`` are left out."""
    blocks: list = [
        Heading(1, "h_backprop"),
        Heading(2, "h_derivation"),
        Para("derivation_intro"),
        Equation("architecture"),
        Equation("bce"),
        Para("derivation_sigmoid"),
        Equation("sigmoid_derivative"),
        Heading(3, "h_task_a"),
        Para("derivation_a"),
        Equation("dL_dyhat"),
        Equation("dL_dz3"),
        Para("derivation_a_note"),
        Heading(3, "h_task_b"),
        Para("derivation_b"),
        Equation("dL_dw3"),
        Heading(3, "h_task_c"),
        Para("derivation_c"),
        Equation("dL_da2"),
        Heading(3, "h_task_d"),
        Para("derivation_d"),
        Equation("dL_dz2"),
        Para("derivation_d2"),
        Equation("dL_dW2"),
        Heading(3, "h_task_e"),
        Para("derivation_e"),
        Equation("dL_da1"),
        Equation("dL_dW1"),
        Para("derivation_general"),
        Equation("recursion"),
        Heading(3, "h_batch"),
        Para("derivation_batch"),
        Equation("batch_forward"),
        Equation("batch_backward"),
        Para("derivation_batch_note"),
        Heading(2, "h_numeric"),
        Para("numeric_intro"),
        Code(TRACE_CODE),
        Table("trace_forward", "cap_trace_forward"),
        Para("numeric_forward_note"),
        Table("trace_backward", "cap_trace_backward"),
        Para("numeric_backward_note"),
        Code(GRADCHECK_CODE),
        Heading(1, "h_implementation"),
        Heading(2, "h_class"),
        Para("impl_intro"),
        Code(API_CODE, listing=True),
        Para("impl_layout"),
        Para("impl_init"),
        Equation("xavier"),
        Equation("he"),
        Para("impl_forward_backward"),
        Para("impl_training"),
        Para("impl_quality"),
        Heading(2, "h_experiments"),
    ]
    if "xor" in available:
        blocks += [
            Heading(3, "h_xor"),
            Para("xor_setup"),
            Figure("xor", "xor", "cap_xor"),
            Para("xor_result"),
            Table("xor_success", "cap_xor_success"),
            Figure("xor", "xor_success", "cap_xor_success_fig", width="60%"),
            Para("xor_discussion"),
            Code(XOR_CODE),
        ]
    blocks += [
        Heading(1, "h_reproducibility"),
        Para("repro_text"),
        Table("seeds", "cap_seeds"),
        Table("versions", "cap_versions"),
        Code(REPRO_CODE),
    ]
    return blocks
