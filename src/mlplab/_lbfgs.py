r"""Full-batch training with SciPy's L-BFGS-B over the flat parameter vector.

The objective is scikit-learn's (``MLPClassifier``/``MLPRegressor`` with
``solver='lbfgs'``):

.. math::

    J(θ) = L(θ) + \frac{α}{2\,s} \sum_l \lVert W^{(l)} \rVert_F^2, \qquad
    \frac{∂J}{∂W^{(l)}} = \frac{∂L}{∂W^{(l)}} + \frac{α}{s} W^{(l)}

with ``L`` the batch loss (the sample-weighted mean when weights ``w`` are
given), the penalty on the weights only (not the biases) and
``s = n_samples`` without weights, ``s = Σ_i w_i`` with them (scikit-learn's
``sw_sum``). The gradient is one forward and one backward pass of the
:class:`~mlplab.nn.network.Network`; ``θ`` is its flat ``params`` vector, so
SciPy sees the parameters exactly as the network stores them
(``W1, b1, W2, b2, …``; scikit-learn packs all weights first, the order does
not change the optimisation).

The options are scikit-learn 1.9.1's ``_fit_lbfgs``: ``maxiter=max_iter``,
``maxfun=max_fun``, ``gtol=tol`` (the projected-gradient tolerance), SciPy's
defaults for the rest (``ftol``, ``maxcor=10``, ``maxls=20``). The number of
iterations reported is ``min(nit, max_iter)``, and the run has converged when
SciPy's ``status`` is 0; warning about a run that has not (a
``ConvergenceWarning``) is the estimator's business, :func:`fit_lbfgs` only
returns the message to warn with.

The passes run in evaluation mode (``network.forward(X)``, no dropout):
L-BFGS's line search needs a deterministic objective, so a face that offers
dropout should refuse it with ``solver='lbfgs'``. ``X`` must be dense (the
backward pass writes ``δᵀ X`` into a dense buffer).

This module sits on the estimator's floor: SciPy is imported inside
:func:`fit_lbfgs`, so that importing it needs NumPy alone.
"""

from __future__ import annotations

import inspect
import numbers

import numpy as np

from .nn.checks import check_nonnegative_float, check_positive_int, short_repr
from .nn.losses import Loss
from .nn.network import Network

__all__ = ["fit_lbfgs", "lbfgs_objective"]


def fit_lbfgs(
    network: Network,
    loss: Loss,
    X,
    targets: np.ndarray,
    *,
    alpha: float,
    max_iter: int,
    max_fun: int,
    tol: float,
    sample_weight: np.ndarray | None = None,
    verbose: bool = False,
) -> tuple[int, float, bool, str]:
    r"""Minimise ``J(θ) = L + α Σ‖W‖² / (2s)`` over ``network.params`` with L-BFGS-B, in place.

    Parameters
    ----------
    network : Network
        Trained from its current parameters; left at the solution SciPy returns.
    loss : Loss
        The batch loss on the logits (e.g. ``MeanSquaredError``, ``SoftmaxCrossEntropy``).
    X : ndarray or sparse matrix of shape (n_samples, n_inputs)
        Already checked and of the network's dtype (passed to ``network.forward`` as is).
    targets : ndarray of shape (n_samples, n_outputs)
        As made by the head's ``encode``.
    alpha : float
        α ≥ 0 of scikit-learn's L2 term ``0.5 α Σ‖W‖² / s``.
    max_iter : int
        Most L-BFGS iterations (SciPy's ``maxiter``), ≥ 1.
    max_fun : int
        Most evaluations of the objective (SciPy's ``maxfun``), ≥ 1.
    tol : float
        SciPy's ``gtol`` ≥ 0: stop when the largest projected gradient entry is at most ``tol``.
    sample_weight : ndarray of shape (n_samples,), optional
        Non-negative weights with a positive sum; passed to the loss
        (``loss.value_and_gradient(..., sample_weight=w)``, the weighted mean)
        and used as ``s`` of the penalty. ``None`` weighs every sample 1.
    verbose : bool
        Print ``Iteration i, loss = …`` after each iteration (scikit-learn's
        line format; its own lbfgs progress comes from SciPy's ``iprint``,
        which SciPy ≥ 1.15 no longer has).

    Returns
    -------
    n_iter : int
        ``min(nit, max_iter)``, scikit-learn's ``n_iter_``.
    final_loss : float
        ``J`` at the solution, scikit-learn's ``loss_``.
    converged : bool
        Whether SciPy reported success (``status == 0``); ``False`` when it
        stopped at ``max_iter`` or ``max_fun``, or the line search failed.
    message : str
        SciPy's message if converged; else the text of scikit-learn's
        ``ConvergenceWarning`` (``lbfgs failed to converge after …``), ready for
        ``warnings.warn(message, ConvergenceWarning)``.

    Raises
    ------
    TypeError, ValueError
        For a bad argument, naming it, before any work.
    NotImplementedError
        For ``sample_weight`` with a loss that takes none.
    """
    X, targets, sample_weight = _check(
        network, loss, X, targets, sample_weight, alpha, max_iter, max_fun, tol, verbose
    )
    import scipy.optimize  # the estimator's floor: SciPy comes with the sklearn extra

    objective = lbfgs_objective(network, loss, X, targets, alpha, sample_weight)
    callback = None
    if verbose:

        def callback(intermediate_result):
            callback.iteration += 1
            print(f"Iteration {callback.iteration}, loss = {intermediate_result.fun:.8f}", flush=True)

        callback.iteration = 0
    result = scipy.optimize.minimize(
        objective,
        network.params.astype(np.float64),  # a copy: SciPy works in float64 on its own vector
        method="L-BFGS-B",
        jac=True,
        callback=callback,
        options={"maxfun": max_fun, "maxiter": max_iter, "gtol": tol},
    )
    network.params[...] = result.x  # the solution, not necessarily the last point evaluated
    n_iter = min(int(result.nit), max_iter)
    converged = int(result.status) == 0
    text = result.message if isinstance(result.message, str) else str(result.message)
    if not converged:
        text = _warning_text(n_iter, max_iter, int(result.status), text)
    return n_iter, float(result.fun), converged, text


def lbfgs_objective(network, loss, X, targets, alpha=0.0, sample_weight=None):
    """``objective(θ) -> (J, ∂J/∂θ)`` as SciPy's ``jac=True`` wants it (both float64).

    Writes ``θ`` into ``network.params`` (the network's dtype), runs one
    forward and one backward pass and returns a copy of the gradient. The
    arguments are not checked here (see :func:`fit_lbfgs`).
    """
    scale = float(X.shape[0] if sample_weight is None else sample_weight.sum())
    weighted = {} if sample_weight is None else {"sample_weight": sample_weight}
    mask = network.weight_mask

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        network.params[...] = theta
        logits = network.forward(X)  # (n, n_outputs)
        value, grad_logits = loss.value_and_gradient(logits, targets, **weighted)
        network.backward(grad_logits)
        grad = network.grads.astype(np.float64)  # a copy, whatever the network's dtype
        if alpha:
            weights = theta[mask]
            value += 0.5 * alpha * float(np.dot(weights, weights)) / scale
            grad[mask] += (alpha / scale) * weights
        return float(value), grad

    return objective


def _warning_text(n_iter: int, max_iter: int, status: int, message: str) -> str:
    """scikit-learn's ``_check_optimize_result`` warning, word for word."""
    text = f"lbfgs failed to converge after {n_iter} iteration(s) (status={status}):\n{message}\n"
    if n_iter == max_iter:
        text += f"\nIncrease the number of iterations to improve the convergence (max_iter={max_iter})."
    return text + (
        "\nYou might also want to scale the data as shown in:\n"
        "    https://scikit-learn.org/stable/modules/preprocessing.html"
    )


def _check(network, loss, X, targets, sample_weight, alpha, max_iter, max_fun, tol, verbose):
    if not isinstance(network, Network):
        raise TypeError(f"network must be an mlplab Network, got {short_repr(network)}")
    if not isinstance(loss, Loss):
        raise TypeError(f"loss must be an mlplab Loss, got {short_repr(loss)}")
    check_nonnegative_float(alpha, "alpha")
    check_positive_int(max_iter, "max_iter")
    check_positive_int(max_fun, "max_fun")
    check_nonnegative_float(tol, "tol")
    if not isinstance(verbose, (bool, np.bool_, numbers.Integral)):
        raise TypeError(f"verbose must be a bool or an int, got {short_repr(verbose)}")
    shape = getattr(X, "shape", None)
    if shape is None or len(shape) != 2 or shape[1] != network.n_inputs or shape[0] < 1:
        raise ValueError(
            f"X must have shape (n_samples >= 1, {network.n_inputs}), got "
            f"{shape if shape is not None else short_repr(X)}"
        )
    n_samples = shape[0]
    if not isinstance(targets, np.ndarray) or targets.shape != (n_samples, network.n_outputs):
        raise ValueError(
            f"targets must be an array of shape ({n_samples}, {network.n_outputs}), got "
            f"{getattr(targets, 'shape', short_repr(targets))}"
        )
    if sample_weight is not None:
        sample_weight = np.asarray(sample_weight, dtype=np.float64)
        if sample_weight.shape != (n_samples,):
            raise ValueError(f"sample_weight must have shape ({n_samples},), got {sample_weight.shape}")
        if not np.isfinite(sample_weight).all() or (sample_weight < 0).any() or sample_weight.sum() <= 0:
            raise ValueError(
                "sample_weight must be finite and non-negative with a positive sum, got "
                f"{short_repr(sample_weight)}"
            )
        if "sample_weight" not in inspect.signature(loss.value_and_gradient).parameters:
            raise NotImplementedError(
                f"sample_weight needs a loss that takes sample_weight=, {type(loss).__name__} does not"
            )
    return X, targets, sample_weight
