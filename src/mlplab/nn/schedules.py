r"""Learning-rate schedules: scikit-learn's ``learning_rate='constant' | 'invscaling' | 'adaptive'``.

A schedule holds the current learning rate :attr:`Schedule.rate` and is told
two things by the training loop:

* :meth:`Schedule.after_step` with the number of samples seen so far
  (scikit-learn's ``t_``), returning the rate to use from then on. scikit-learn
  calls its ``SGDOptimizer.iteration_ends(t_)`` once per *epoch*, after
  ``t_ += n_samples``; a loop that wants its numbers calls this then too.
* :meth:`Schedule.after_stall` when training would stop for lack of
  improvement (``n_iter_no_change`` epochs without a gain of ``tol``),
  returning ``True`` when the schedule reacted and training should go on,
  ``False`` when it should stop (scikit-learn's ``trigger_stopping``, negated).

======================  ==================================================  =========================
schedule                rate after :meth:`after_step` (``t`` samples seen)  :meth:`after_stall`
======================  ==================================================  =========================
``Constant(α₀)``        ``α₀``                                              stop
``InvScaling(α₀, p)``   ``α₀ / (t + 1)^p``                                  stop
``Adaptive(α₀)``        unchanged                                           ``α ← α/5`` and go on,
                                                                            stop once ``α ≤ 1e−6``
======================  ==================================================  =========================

The loop hands :attr:`Schedule.rate` to the optimiser (its ``learning_rate``).
scikit-learn applies these schedules to ``solver='sgd'`` only; its Adam runs at
a constant ``learning_rate_init`` and stops at a stall.

:meth:`Schedule.state` and :meth:`Schedule.load_state` carry the current
rate over a warm start (an adaptive rate that was divided stays divided);
:meth:`Schedule.config` and :func:`schedule_from_config` the settings. The
constructors and :func:`get_schedule` check their arguments, naming them.
"""

from __future__ import annotations

import numbers

from .checks import check_nonnegative_float, check_positive_float, short_repr

__all__ = [
    "SCHEDULES",
    "Adaptive",
    "Constant",
    "InvScaling",
    "Schedule",
    "get_schedule",
    "schedule_from_config",
]

#: the adaptive schedule stops dividing (and training stops) once the rate is this small (scikit-learn's)
ADAPTIVE_MIN_RATE = 1e-6


def _check_samples_seen(samples_seen: object) -> int:
    if isinstance(samples_seen, bool) or not isinstance(samples_seen, numbers.Integral):
        raise TypeError(f"samples_seen must be an integer >= 0, got {short_repr(samples_seen)}")
    if samples_seen < 0:
        raise ValueError(f"samples_seen must be an integer >= 0, got {samples_seen!r}")
    return int(samples_seen)


class Schedule:
    """Base class: the current learning rate and how it changes.

    Parameters
    ----------
    rate : float
        The initial learning rate α₀ > 0 (scikit-learn's ``learning_rate_init``).

    Attributes
    ----------
    initial_rate : float
        α₀.
    rate : float
        The current learning rate α (read-only; changed by the schedule).
    """

    name = "schedule"

    def __init__(self, rate: float):
        self.initial_rate = check_positive_float(rate, "rate")
        self._rate = self.initial_rate

    @property
    def rate(self) -> float:
        """The current learning rate α."""
        return self._rate

    def after_step(self, samples_seen: int) -> float:
        """The rate once ``samples_seen`` samples have been trained on (an integer >= 0)."""
        _check_samples_seen(samples_seen)
        return self._rate

    def after_stall(self) -> bool:
        """React to a stall: ``True`` if training should go on (the schedule changed), ``False`` to stop."""
        return False

    def config(self) -> dict:
        """The settings (not the state) as plain values: ``name`` and ``learning_rate_init``."""
        return {"name": self.name, "learning_rate_init": self.initial_rate}

    def state(self) -> dict[str, float]:
        """What changes while training, for a warm start or a file: ``{"rate": α}``."""
        return {"rate": self._rate}

    def load_state(self, state: dict) -> None:
        """Put back what :meth:`state` gave; ``ValueError`` naming the field if it is not a rate."""
        if not isinstance(state, dict) or sorted(state) != ["rate"]:
            raise ValueError(f"{self.name} schedule state must be {{'rate': float}}, got {short_repr(state)}")
        self._rate = check_positive_float(state["rate"], "state['rate']")

    def __repr__(self) -> str:
        extra = "".join(
            f", {k}={v!r}" for k, v in self.config().items() if k not in ("name", "learning_rate_init")
        )
        return f"{type(self).__name__}({self.initial_rate!r}{extra})"


class Constant(Schedule):
    r"""A constant learning rate, :math:`α_t = α_0`; a stall stops training.

    Parameters
    ----------
    rate : float
        α₀ > 0.
    """

    name = "constant"


class InvScaling(Schedule):
    r"""Inverse scaling in the samples seen, :math:`α = α_0 / (t + 1)^{p}`; a stall stops training.

    ``t`` is the number of samples trained on so far, given to
    :meth:`after_step` (scikit-learn's ``SGDOptimizer.iteration_ends(t_)``,
    the same expression: ``float(α₀) / (t + 1) ** p`` with an integer ``t``).
    Until the first :meth:`after_step` the rate is α₀.

    Parameters
    ----------
    rate : float
        α₀ > 0.
    power_t : float
        The exponent ``p >= 0``, default 0.5 (``p = 0`` is a constant rate).
    """

    name = "invscaling"

    def __init__(self, rate: float, power_t: float = 0.5):
        super().__init__(rate)
        self.power_t = check_nonnegative_float(power_t, "power_t")

    def after_step(self, samples_seen):
        t = _check_samples_seen(samples_seen)
        self._rate = float(self.initial_rate) / (t + 1) ** self.power_t
        return self._rate

    def config(self):
        return {**super().config(), "power_t": self.power_t}


class Adaptive(Schedule):
    r"""Constant until a stall, then divided by 5: :math:`α ← α / 5`, stopping once :math:`α ≤ 10^{-6}`.

    scikit-learn's ``learning_rate='adaptive'``: each time ``n_iter_no_change``
    epochs in a row fail to improve by ``tol``, :meth:`after_stall` divides the
    rate by 5 and returns ``True`` (go on); if the rate is already at most
    ``1e-6`` it leaves it and returns ``False`` (stop).

    Parameters
    ----------
    rate : float
        α₀ > 0.
    """

    name = "adaptive"

    def after_stall(self):
        if self._rate <= ADAPTIVE_MIN_RATE:
            return False
        self._rate /= 5.0
        return True


#: name -> schedule class (scikit-learn's ``learning_rate`` values)
SCHEDULES: dict[str, type[Schedule]] = {
    Constant.name: Constant,
    InvScaling.name: InvScaling,
    Adaptive.name: Adaptive,
}


def get_schedule(name: object, learning_rate_init: float, power_t: float = 0.5) -> Schedule:
    """A schedule from scikit-learn's ``learning_rate`` name, or a :class:`Schedule` passed through.

    Parameters
    ----------
    name : {'constant', 'invscaling', 'adaptive'} or Schedule
        The schedule (a :class:`Schedule` is returned as it is, the other arguments unused).
    learning_rate_init : float
        α₀ > 0.
    power_t : float
        ``p >= 0`` of ``'invscaling'``; checked for every name, as scikit-learn does.

    Raises
    ------
    TypeError, ValueError
        Naming ``learning_rate``, ``learning_rate_init`` or ``power_t`` and the value.
    """
    if isinstance(name, Schedule):
        return name
    if not isinstance(name, str):
        raise TypeError(
            f"learning_rate must be one of {sorted(SCHEDULES)} or a Schedule, got {short_repr(name)}"
        )
    if name.lower() not in SCHEDULES:
        raise ValueError(f"learning_rate must be one of {sorted(SCHEDULES)}, got {short_repr(name)}")
    rate = check_positive_float(learning_rate_init, "learning_rate_init")
    power_t = check_nonnegative_float(power_t, "power_t")
    cls = SCHEDULES[name.lower()]
    return cls(rate, power_t) if cls is InvScaling else cls(rate)


def schedule_from_config(config: dict) -> Schedule:
    """Rebuild a schedule from :meth:`Schedule.config`, checking each setting."""
    if not isinstance(config, dict):
        raise TypeError(f"a schedule config must be a dict, got {short_repr(config)}")
    settings = dict(config)
    name = settings.pop("name", None)
    if name not in SCHEDULES:
        raise ValueError(f"schedule name must be one of {sorted(SCHEDULES)}, got {short_repr(name)}")
    expected = sorted(key for key in SCHEDULES[name](1.0).config() if key != "name")
    if sorted(settings) != expected:
        raise ValueError(f"a {name!r} schedule config needs {expected}, got {sorted(settings)}")
    rate = settings.pop("learning_rate_init")
    return SCHEDULES[name](rate, **settings)
