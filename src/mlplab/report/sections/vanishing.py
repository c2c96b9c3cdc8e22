"""Section 3.1 (a): vanishing gradients in deep sigmoid networks, and how ReLU helps."""

from __future__ import annotations

from ...lab import vanishing as vanishing_lab
from ..blocks import Code, Equation, Figure, Heading, Para
from ..text import fmt_num, fmt_sci
from .base import DEEPER, THEORY, Section

__all__ = ["SECTION"]

_Z_POINTS = 2 * round(vanishing_lab.Z_LIMIT / vanishing_lab.Z_STEP) + 1  # the lab's grid, z = 0 on it

_RATIOS = f'metrics("{vanishing_lab.NAME}")["results"]["first_over_last_ratio"]'

VANISHING_CODE = f"""\
from mlplab.nn.activations import get_activation

z = np.linspace({-vanishing_lab.Z_LIMIT:g}, {vanishing_lab.Z_LIMIT:g}, {_Z_POINTS})
d = get_activation("sigmoid").derivative(z)
print(f"max σ'(z) = {{d.max()}} at z = {{z[d.argmax()]:.4f}}")
{{a: f"{{r['init']:.1e}}" for a, r in {_RATIOS}.items()}}
"""


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """σ′'s maximum, the network, and per activation its gradient ratio, decay and training."""
    settings, results = metrics["settings"], metrics["results"]
    f = {
        "van_max": fmt_num(results["max_sigmoid_derivative"], 6, lang),
        "van_argmax": fmt_num(results["argmax_sigmoid_derivative_z"], 4, lang),
        "van_hidden": str(settings["hidden_layers"]),
        "van_width": str(settings["layer_sizes"][1]),
        "van_bound": fmt_sci(results["bound_first_over_last"], lang),
    }
    ratios = results["first_over_last_ratio"]
    for activation in vanishing_lab.ACTIVATIONS:
        f[f"van_{activation}_init"] = fmt_sci(ratios[activation]["init"], lang)
        f[f"van_{activation}_per_layer"] = fmt_num(ratios[activation]["decay_per_layer_init"], 2, lang)
        training = results["training"][activation]
        f[f"van_{activation}_loss"] = fmt_sci(training["final_loss_median"], lang)
        solved = sum(a == 1.0 for a in training["final_accuracy"])
        f[f"van_{activation}_solved"] = f"{solved}/{len(training['final_accuracy'])}"
    return f


SECTION = Section(
    "vanishing",
    (
        Heading(3, "h_vanishing"),
        Para("van_theory"),
        Equation("vanishing_product"),
        Para("van_max_text"),
        Equation("sigmoid_max"),
        Figure(vanishing_lab.NAME, vanishing_lab.FIG_DERIVATIVES, "cap_van_derivatives"),
        Para("van_measured"),
        Figure(vanishing_lab.NAME, vanishing_lab.FIG_GRADIENTS, "cap_van_gradients"),
        Figure(vanishing_lab.NAME, vanishing_lab.FIG_DEPTH, "cap_van_depth", width="70%"),
        Para("van_training"),
        Figure(vanishing_lab.NAME, vanishing_lab.FIG_TRAINING, "cap_van_training"),
        Para("van_relu"),
        Code(VANISHING_CODE),
    ),
    facts,
    experiment=vanishing_lab.NAME,
    parents=(DEEPER, THEORY),
)
