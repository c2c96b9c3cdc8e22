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

SPIRALS_CODE = """\
spirals = metrics("spirals")["results"]
{k: spirals[k] for k in ["train_accuracy", "test_accuracy", "epochs_to_100_percent", "n_params"]}
"""

SWEEP_CODE = """\
import csv

rows = list(csv.DictReader(open(RESULTS / "sweep" / "sweep.csv")))
print(len(rows), "cells; best:", metrics("sweep")["results"]["best"]["summary"])
"""

VANISHING_CODE = """\
from mlplab.nn.activations import get_activation

z = np.linspace(-10, 10, 200001)
d = get_activation("sigmoid").derivative(z)
print(f"max σ'(z) = {d.max()} at z = {z[d.argmax()]:.4f}")
{a: f"{r['init']:.1e}" for a, r in metrics("vanishing")["results"]["first_over_last_ratio"].items()}
"""

LR_CODE = """\
lr = metrics("lr")["results"]
lr["by_class"]
"""

OPT_CODE = """\
from mlplab import MLP
from mlplab.datasets import make_spirals

X, y = make_spirals(200, 0.1, seed=0)
X = X / (4 * np.pi)
for name, rate in [("sgd", 0.1), ("momentum", 1.0), ("rmsprop", 0.003), ("adam", 0.01)]:
    model = MLP([2, 32, 16, 8, 1], "relu", rate, optimizer=name, seed=0)
    history = model.train(X, y, epochs=100, batch_size=32)
    print(f"{name:9s} loss after 100 epochs: {history.train_loss[-1]:.4f}")
"""

REPRO_CODE = """\
import platform
{"python": platform.python_version(), "numpy": np.__version__, "mlplab": mlplab.__version__,
 "seeds": {p.parent.name: json.loads(p.read_text())["seed"] for p in sorted(RESULTS.glob("*/metrics.json"))}}
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
    if "spirals" in available:
        blocks += [
            Heading(3, "h_spirals"),
            Para("spirals_setup"),
            Figure("spirals", "spirals_data", "cap_spirals_data", width="62%"),
            Para("spirals_result"),
            Figure("spirals", "spirals_boundary", "cap_spirals_boundary"),
            Figure("spirals", "spirals_curves", "cap_spirals_curves"),
            Para("spirals_discussion"),
            Code(SPIRALS_CODE),
        ]
    if "sweep" in available:
        blocks += [
            Heading(3, "h_sweep"),
            Para("sweep_setup"),
            Figure("sweep", "sweep_heatmap", "cap_sweep_heatmap"),
            Para("sweep_result"),
            Table("sweep", "cap_sweep_table"),
            Figure("sweep", "sweep_curves", "cap_sweep_curves"),
            Para("sweep_discussion"),
            Code(SWEEP_CODE),
        ]
    if "vanishing" in available or "init" in available:
        blocks += [Heading(1, "h_deeper"), Heading(2, "h_theory")]
    if "vanishing" in available:
        blocks += [
            Heading(3, "h_vanishing"),
            Para("van_theory"),
            Equation("vanishing_product"),
            Para("van_max_text"),
            Equation("sigmoid_max"),
            Figure("vanishing", "vanishing_derivatives", "cap_van_derivatives"),
            Para("van_measured"),
            Figure("vanishing", "vanishing_gradients", "cap_van_gradients"),
            Figure("vanishing", "vanishing_depth", "cap_van_depth", width="70%"),
            Para("van_training"),
            Figure("vanishing", "vanishing_training", "cap_van_training"),
            Para("van_relu"),
            Code(VANISHING_CODE),
        ]
    if "init" in available:
        blocks += [
            Heading(3, "h_init"),
            Para("init_theory"),
            Equation("variance"),
            Para("init_xavier"),
            Equation("xavier"),
            Para("init_he"),
            Equation("he"),
            Para("init_measured"),
            Figure("init", "init_variance", "cap_init_variance"),
            Para("init_training_text"),
            Table("init_training", "cap_init_training"),
            Figure("init", "init_training", "cap_init_training_fig"),
            Para("init_symmetry"),
            Figure("init", "init_symmetry", "cap_init_symmetry"),
        ]
    if "overfit" in available or "lr" in available:
        blocks += [Heading(2, "h_practical")]
    if "overfit" in available:
        blocks += [
            Heading(3, "h_overfit"),
            Para("of_setup"),
            Figure("overfit", "overfit_curves", "cap_of_curves"),
            Table("overfit", "cap_of_table"),
            Para("of_result"),
            Figure("overfit", "overfit_boundaries", "cap_of_boundaries"),
            Figure("overfit", "overfit_repeats", "cap_of_repeats", width="70%"),
            Para("of_discussion"),
        ]
    if "lr" in available:
        blocks += [
            Heading(3, "h_lr"),
            Para("lr_setup"),
            Figure("lr", "lr_curves", "cap_lr_curves"),
            Table("lr", "cap_lr_table"),
            Figure("lr", "lr_summary", "cap_lr_summary", width="70%"),
            Para("lr_discussion"),
            Code(LR_CODE),
        ]
    if "optimizers" in available:
        blocks += [
            Heading(1, "h_bonus"),
            Heading(2, "h_momentum"),
            Equation("momentum"),
            Para("opt_momentum"),
            Heading(2, "h_adaptive"),
            Equation("rmsprop"),
            Equation("adam"),
            Para("opt_adaptive"),
            Figure("optimizers", "optimizers", "cap_opt_curves"),
            Table("optimizers", "cap_opt_table"),
            Para("opt_result"),
            Heading(2, "h_l2"),
            Equation("l2"),
            Para("opt_l2_text"),
            Table("l2", "cap_l2_table"),
            Figure("optimizers", "optimizers_l2_boundaries", "cap_l2_boundaries"),
            Figure("optimizers", "optimizers_l2_norms", "cap_l2_norms", width="60%"),
            Para("opt_l2_discussion"),
            Code(OPT_CODE),
        ]
    blocks += [
        Heading(1, "h_reproducibility"),
        Para("repro_text"),
        Table("seeds", "cap_seeds"),
        Table("versions", "cap_versions"),
        Code(REPRO_CODE),
    ]
    return blocks
