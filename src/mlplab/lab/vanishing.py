r"""Task 3.1 (a): vanishing gradients in deep sigmoid networks, and how ReLU helps.

Backpropagation multiplies the error by one activation derivative per layer,
``δ^(l) = f′(z^(l)) ⊙ W^(l+1)ᵀ δ^(l+1)``, and the weight gradient of layer
``l`` is ``∂L/∂W^(l) = δ^(l) a^(l−1)ᵀ``. For the sigmoid
``σ′(z) = σ(z)(1 − σ(z)) ≤ 1/4`` (equality at ``z = 0``, where
``σ″(z) = σ′(z)(1 − 2σ(z))`` vanishes), so every sigmoid layer scales the error
down by at least a factor of four (the weights aside): after ``D`` hidden layers
the first layer sees at most ``0.25^D`` of it. ``tanh′ ≤ 1`` (at ``z = 0``) and
``relu′ = 1`` for every ``z > 0``, so those layers need not shrink it.

What the command measures:

1. σ′, tanh′ and relu′ on a fine grid (step 1e-4 on [−10, 10], ``z = 0``
   on the grid) and the maximum of σ′ with its position.
2. ``‖∂L/∂W^(l)‖`` (Frobenius norm; ``L`` is the mean binary cross-entropy on
   the whole training set) for every layer of a deep network, by default 8
   hidden layers of width 16 on the sheet's spirals (inputs standardised), for
   sigmoid, tanh and relu, each with its default initialisation (Xavier for
   sigmoid and tanh, He for relu), at initialisation and during and after
   training with the sheet's mini-batch gradient descent. Several seeds; the
   summaries are geometric means over seeds (the norms span many decades).
3. The ratio ``‖∂L/∂W^(1)‖ / ‖∂L/∂W^(L)‖`` (first over last layer) against the
   ``0.25^D`` bound of the σ′ factors, and at initialisation for 1 to 12
   hidden layers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..datasets import make_spirals
from ..mlp import MLP
from ..nn.activations import get_activation
from ..nn.initializers import default_initializer
from . import plotting
from ._common import Context
from ._options import option, positive_float, positive_int

NAME = "vanishing"
HELP = "task 3.1 (a): max of σ′, per-layer gradient norms of deep sigmoid/tanh/relu nets"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_DERIVATIVES = "vanishing_derivatives"
FIG_GRADIENTS = "vanishing_gradients"
FIG_DEPTH = "vanishing_depth"
FIG_TRAINING = "vanishing_training"

ACTIVATIONS = ("sigmoid", "tanh", "relu")
COLORS = {"sigmoid": "#2166ac", "tanh": "#1b7837", "relu": "#d6604d"}
SIGMOID_BOUND = 0.25  # max σ′(z), the factor per sigmoid layer
Z_STEP = 1e-4
Z_LIMIT = 10.0


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab vanishing``."""

    hidden_layers: int = option(8, parse=positive_int, help="hidden layers of the deep network")
    width: int = option(16, parse=positive_int, help="units per hidden layer")
    epochs: int = option(1000, quick=60, parse=positive_int, help="training epochs")
    batch_size: int = option(32, parse=positive_int, help="mini-batch size")
    seeds: int = option(5, quick=2, parse=positive_int, help="networks per activation, averaged")
    max_depth: int = option(
        12, quick=6, parse=positive_int, help="depth sweep at initialisation: 1..MAX hidden layers"
    )
    learning_rate: float = option(0.1, parse=positive_float, help="SGD step size α")


# ------------------------------------------------------------------ helpers
def derivative_maxima(z: np.ndarray) -> dict:
    """f′ on the grid ``z`` for every activation, and where its maximum lies.

    Parameters
    ----------
    z : ndarray of shape (n,)
        Increasing grid.

    Returns
    -------
    dict
        ``{name: {"max": max f′, "argmax_z": z of the first maximum}}``.
    """
    maxima = {}
    for name in ACTIVATIONS:
        derivative = get_activation(name).derivative(z)  # (n,)
        index = int(np.argmax(derivative))
        maxima[name] = {"max": float(derivative[index]), "argmax_z": float(z[index])}
    return maxima


def weight_gradient_norms(model: MLP, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``‖∂L/∂W^(l)‖_F`` for l = 1..L, by the sheet's ``_forward`` and ``_backward``.

    Returns
    -------
    ndarray of shape (n_layers,)
        Layer 1 is next to the input, layer L is the output layer.
    """
    model._forward(X)
    weight_grads, _ = model._backward(X, y)
    return np.array([np.linalg.norm(grad) for grad in weight_grads])


def geometric_mean(values, axis: int = 0) -> np.ndarray:
    """Geometric mean along ``axis`` (0 if any value is 0)."""
    with np.errstate(divide="ignore"):
        return np.exp(np.mean(np.log(np.asarray(values, dtype=float)), axis=axis))


def _ratio(norms: np.ndarray) -> np.ndarray:
    """First layer's norm over the last layer's, along the last axis."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return norms[..., 0] / norms[..., -1]


def _standardised_spirals(seed: int) -> tuple[np.ndarray, np.ndarray]:
    X, y = make_spirals(200, 0.1, seed=seed)
    return (X - X.mean(axis=0)) / X.std(axis=0), y  # (200, 2)


def _train_and_record(sizes, activation, training, seed, X, y) -> dict:
    """Train one network; gradient norms at epoch 0 and every ``record_every`` epochs."""
    model = MLP(sizes, activation, training["learning_rate"], seed=seed)
    epochs, norms = [0], [weight_gradient_norms(model, X, y)]

    def record(epoch, history):
        if epoch % training["record_every"] == 0 or epoch == training["epochs"]:
            epochs.append(epoch)
            norms.append(weight_gradient_norms(model, X, y))

    history = model.train(
        X, y, epochs=training["epochs"], batch_size=training["batch_size"], callbacks=[record]
    )
    return {"epochs": epochs, "norms": np.array(norms), "loss": history.train_loss,
            "accuracy": model.score(X, y)}  # fmt: skip


def _norms_at_init(ctx: Context, activation: str, depth: int, width: int, n_seeds: int, X, y) -> np.ndarray:
    """Gradient norms per layer of fresh ``depth``-hidden-layer networks, shape ``(n_seeds, depth + 1)``."""
    sizes = [2] + [width] * depth + [1]
    return np.array([weight_gradient_norms(MLP(sizes, activation, seed=ctx.seed_for(2, depth, s)), X, y)
                     for s in range(n_seeds)])  # fmt: skip


# ---------------------------------------------------------------------- run
def run(ctx: Context, config: Config) -> dict:
    """Measure the derivatives and the gradient norms, draw them, write ``metrics.json``."""
    epochs, n_seeds, max_depth = config.epochs, config.seeds, config.max_depth
    sizes = [2] + [config.width] * config.hidden_layers + [1]
    training = {"epochs": epochs, "learning_rate": config.learning_rate, "batch_size": config.batch_size,
                "record_every": max(1, epochs // 100)}  # fmt: skip
    settings = {
        "z_grid": {"low": -Z_LIMIT, "high": Z_LIMIT, "step": Z_STEP},
        "layer_sizes": sizes,
        "hidden_layers": config.hidden_layers,
        "initialisation": {name: default_initializer(name) for name in ACTIVATIONS},
        "data": "make_spirals(200, 0.1), standardised to zero mean and unit variance",
        "gradient": "Frobenius norm of dL/dW^(l), L = mean BCE over the whole training set",
        "optimizer": "sgd",
        **training,
        "seeds": n_seeds,
        "summary": "geometric mean over seeds",
        "depth_sweep_hidden_layers": list(range(1, max_depth + 1)),
    }

    # 1. the derivatives and the maximum of σ′
    n_half = round(Z_LIMIT / Z_STEP)
    z = np.arange(-n_half, n_half + 1) * Z_STEP  # (200001,), exactly 0 in the middle
    maxima = derivative_maxima(z)

    # 2. per-layer gradient norms before, during and after training
    X, y = _standardised_spirals(ctx.seed_for(0))
    runs = {}
    bar = ctx.bar(len(ACTIVATIONS) * n_seeds, "training")
    for activation in ACTIVATIONS:
        with ctx.timed(f"train_{activation}"):
            runs[activation] = []
            for s in range(n_seeds):
                seed = ctx.seed_for(1, s)  # the same seeds for every activation
                runs[activation].append(_train_and_record(sizes, activation, training, seed, X, y))
                bar.update()
    bar.close()

    # 3. depth sweep at initialisation
    with ctx.timed("depth_sweep"):
        depth_norms = {
            activation: [_norms_at_init(ctx, activation, depth, config.width, n_seeds, X, y)
                         for depth in range(1, max_depth + 1)]
            for activation in ACTIVATIONS
        }  # fmt: skip

    results = _summarise(maxima, runs, depth_norms, config.hidden_layers)
    _plot_derivatives(ctx, z, maxima)
    _plot_gradient_profiles(ctx, results, epochs)
    _plot_depth(ctx, results)
    _plot_training(ctx, results, runs, settings)
    ctx.write_metrics(config, settings, results)
    return results


def _summarise(maxima: dict, runs: dict, depth_norms: dict, hidden_layers: int) -> dict:
    """The metrics: maxima, per-layer norms, first/last ratios and curves (geometric means over seeds)."""
    bound = SIGMOID_BOUND**hidden_layers
    gradients, ratios, training = {}, {}, {}
    for activation, seeds in runs.items():
        norms = np.stack([r["norms"] for r in seeds])  # (seeds, checkpoints, layers)
        ratio = _ratio(norms)  # (seeds, checkpoints)
        gradients[activation] = {
            "init": geometric_mean(norms[:, 0]),
            "trained": geometric_mean(norms[:, -1]),
            "init_per_seed": norms[:, 0],
            "trained_per_seed": norms[:, -1],
        }
        ratios[activation] = {
            "init": float(geometric_mean(ratio[:, 0])),
            "trained": float(geometric_mean(ratio[:, -1])),
            "init_per_seed": ratio[:, 0],
            "trained_per_seed": ratio[:, -1],
            "init_over_bound": float(geometric_mean(ratio[:, 0]) / bound),
            "decay_per_layer_init": float(geometric_mean(ratio[:, 0]) ** (1 / hidden_layers)),
        }
        losses = np.array([r["loss"] for r in seeds])  # (seeds, epochs)
        training[activation] = {
            "final_loss": losses[:, -1],
            "final_accuracy": [r["accuracy"] for r in seeds],
            "final_loss_median": float(np.median(losses[:, -1])),
            "loss_curve_median": np.median(losses, axis=0),
            "checkpoints": seeds[0]["epochs"],
            "ratio_curve": geometric_mean(ratio),
        }
    depths = list(range(1, len(next(iter(depth_norms.values()))) + 1))
    sweep = {"hidden_layers": depths, "bound": [SIGMOID_BOUND**d for d in depths]}
    for activation, per_depth in depth_norms.items():
        sweep[activation] = [float(geometric_mean(_ratio(norms))) for norms in per_depth]
    return {
        "max_sigmoid_derivative": maxima["sigmoid"]["max"],
        "argmax_sigmoid_derivative_z": maxima["sigmoid"]["argmax_z"],
        "derivative_maxima": maxima,
        "relu_derivative": "1 for every z > 0, 0 for z <= 0 (argmax_z is the first grid point above 0)",
        "bound_first_over_last": bound,
        "first_over_last_ratio": ratios,
        "gradient_norms": gradients,
        "training": training,
        "depth_sweep": sweep,
    }


# ------------------------------------------------------------------ figures
def _layer_axis(ax, n_layers: int) -> None:
    ax.set_xticks(range(1, n_layers + 1), [f"$W^{{({i})}}$" for i in range(1, n_layers + 1)])
    ax.set_xlabel("layer (1 = next to the input)")


def _plot_derivatives(ctx: Context, z: np.ndarray, maxima: dict) -> None:
    """σ′, tanh′ and relu′ over z, the maximum 1/4 of σ′ marked."""
    fig, ax = plotting.new_figure(1, width=5.4, height=3.6)
    shown = np.abs(z) <= 6.0
    labels = {"sigmoid": "σ′(z) = σ(z)(1 − σ(z))", "tanh": "tanh′(z) = 1 − tanh²(z)",
              "relu": "relu′(z) = 1 if z > 0 else 0"}  # fmt: skip
    for name in ACTIVATIONS:
        derivative = get_activation(name).derivative(z[shown])
        ax.plot(z[shown], derivative, color=COLORS[name], lw=1.8, label=labels[name])
    top, where = maxima["sigmoid"]["max"], maxima["sigmoid"]["argmax_z"]
    ax.axhline(top, color=COLORS["sigmoid"], lw=0.8, ls=":")
    ax.plot([where], [top], "o", color=COLORS["sigmoid"], ms=6, zorder=4)
    ax.annotate(f"max σ′ = {top:.4g} at z = {where:g}", xy=(where, top), xytext=(1.2, 0.42),
                arrowprops={"arrowstyle": "->", "color": "0.3"}, fontsize=9)  # fmt: skip
    ax.set_xlim(-6, 6)
    ax.set_ylim(-0.05, 1.12)
    ax.set_xlabel("pre-activation z")
    ax.set_ylabel("derivative f′(z)")
    ax.set_title("activation derivatives: σ′ never exceeds 1/4")
    ax.legend(loc="upper left", fontsize=8.5)
    plotting.save_figure(fig, ctx.out / FIG_DERIVATIVES)


def _plot_gradient_profiles(ctx: Context, results: dict, epochs: int) -> None:
    """Per-layer gradient norms (log scale) at initialisation and after training, with 0.25^(L−l)."""
    fig, axes = plotting.new_figure(2, width=4.6, height=3.8, sharey=True)
    gradients = results["gradient_norms"]
    n_layers = len(gradients["sigmoid"]["init"])
    layers = np.arange(1, n_layers + 1)
    panels = {"init": "at initialisation", "trained": f"after {epochs} epochs of SGD"}
    for ax, (when, title) in zip(axes, panels.items()):
        for name in ACTIVATIONS:
            per_seed = np.asarray(gradients[name][f"{when}_per_seed"])  # (seeds, layers)
            low, high = per_seed.min(axis=0), per_seed.max(axis=0)
            ax.fill_between(layers, low, high, color=COLORS[name], alpha=0.15, lw=0)
            ratio = results["first_over_last_ratio"][name][when]
            ax.plot(layers, gradients[name][when], "o-", color=COLORS[name], ms=4, lw=1.6,
                    label=f"{name}  (first/last {ratio:.1e})")  # fmt: skip
        anchor = gradients["sigmoid"][when][-1]
        ax.plot(layers, anchor * SIGMOID_BOUND ** (n_layers - layers), "k--", lw=1.1,
                label="$0.25^{L-l}$ · sigmoid's last layer")  # fmt: skip
        ax.set_yscale("log")
        _layer_axis(ax, n_layers)
        ax.set_title(title)
        ax.legend(loc="lower right", fontsize=8)
    axes[0].set_ylabel(r"$\|\partial L/\partial W^{(l)}\|$  (geometric mean over seeds)")
    fig.suptitle(f"gradient norm per layer, {n_layers - 1} hidden layers (band: min–max over seeds)")
    plotting.save_figure(fig, ctx.out / FIG_GRADIENTS)


def _plot_depth(ctx: Context, results: dict) -> None:
    """First/last gradient ratio at initialisation against the number of hidden layers."""
    sweep = results["depth_sweep"]
    fig, ax = plotting.new_figure(1, width=5.0, height=3.6)
    depths = sweep["hidden_layers"]
    for name in ACTIVATIONS:
        ax.plot(depths, sweep[name], "o-", color=COLORS[name], ms=4, lw=1.6, label=name)
    ax.plot(depths, sweep["bound"], "k--", lw=1.1, label="$0.25^D$ (max σ′ per layer)")
    ax.set_yscale("log")
    ax.set_xticks(depths)
    ax.set_xlabel("hidden layers D")
    ax.set_ylabel(r"$\|\partial L/\partial W^{(1)}\| \,/\, \|\partial L/\partial W^{(L)}\|$")
    ax.set_title("first-layer over last-layer gradient at initialisation")
    ax.legend(loc="lower left")
    plotting.save_figure(fig, ctx.out / FIG_DEPTH)


def _plot_training(ctx: Context, results: dict, runs: dict, settings: dict) -> None:
    """Training loss (every seed, and the median) and the first/last gradient ratio over the epochs."""
    fig, (ax_loss, ax_ratio) = plotting.new_figure(2, width=4.6, height=3.6)
    training = results["training"]
    for name in ACTIVATIONS:
        for run in runs[name]:
            epochs = np.arange(1, len(run["loss"]) + 1)
            ax_loss.plot(epochs, run["loss"], color=COLORS[name], lw=0.6, alpha=0.35)
    plotting.loss_curves(ax_loss, {name: training[name]["loss_curve_median"] for name in ACTIVATIONS},
                         styles={name: {"color": COLORS[name]} for name in ACTIVATIONS},
                         title=f"training loss ({settings['seeds']} seeds, bold: median)")  # fmt: skip
    ax_loss.set_ylabel("binary cross-entropy")
    for name in ACTIVATIONS:
        ax_ratio.plot(training[name]["checkpoints"], training[name]["ratio_curve"], color=COLORS[name],
                      lw=1.4, label=name)  # fmt: skip
    ax_ratio.axhline(results["bound_first_over_last"], color="k", ls="--", lw=1.1,
                     label=f"$0.25^{{{settings['hidden_layers']}}}$")  # fmt: skip
    ax_ratio.set_yscale("log")
    ax_ratio.set_xlabel("epoch")
    ax_ratio.set_ylabel(r"$\|\partial L/\partial W^{(1)}\| \,/\, \|\partial L/\partial W^{(L)}\|$")
    ax_ratio.set_title("first over last layer (geometric mean of seeds)")
    ax_ratio.legend(loc="center right")
    fig.suptitle(f"{settings['hidden_layers']} hidden layers of width {settings['layer_sizes'][1]}, "
                 f"SGD α = {settings['learning_rate']:g}, batch {settings['batch_size']}")  # fmt: skip
    plotting.save_figure(fig, ctx.out / FIG_TRAINING)
