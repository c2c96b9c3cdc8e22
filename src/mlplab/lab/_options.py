"""An experiment's options: declared once on its ``Config``, turned into command-line flags here.

Every experiment has a frozen dataclass ``Config`` whose fields are declared
with :func:`option`: the default, the help text, the validator that turns the
command-line text into a value, and optionally the value ``--quick`` uses::

    @dataclass(frozen=True)
    class Config:
        epochs: int = option(1000, quick=100, parse=positive_int, help="training epochs")

From it, :func:`add_options` makes the flags (``--epochs``) and
:func:`config_from_args` the ``Config`` that runs. The rule is the same for
every option of every experiment: a value the user gave always wins;
otherwise ``--quick`` fills the field's quick value, if it has one;
otherwise the field keeps its default.

A validator takes the text of one value and returns the value or raises
:class:`argparse.ArgumentTypeError`; argparse turns that into a usage error
naming the flag (exit code 2). Checks that need several fields live in an
optional ``Config.check()`` that raises :class:`OptionError`, which the
command line reports the same way.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
from collections.abc import Callable, Sequence
from typing import Any

__all__ = [
    "HIDDEN_ACTIVATIONS",
    "OPTIMIZERS",
    "Option",
    "OptionError",
    "add_options",
    "address",
    "config_from_args",
    "flag",
    "float_range",
    "int_range",
    "layer_widths",
    "no_repeats",
    "nonzero_int",
    "option",
    "options_of",
    "positive_float",
    "positive_int",
    "worker_count",
]

#: the sheet's hidden activations and optimisers, as command-line choices
HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu")  # the sheet's three (the library also has identity)
OPTIMIZERS: tuple[str, ...]  # every optimiser of the library, in its table's order: see __getattr__

_KEY = "mlplab.option"  # where a field's metadata keeps its Option


@dataclasses.dataclass(frozen=True)
class Option:
    """What the command line needs to know of one ``Config`` field (see :func:`option`)."""

    help: str
    parse: Callable[[str], Any]
    quick: Any = dataclasses.MISSING
    choices: tuple | None = None
    nargs: str | None = None
    metavar: str | None = None

    @property
    def has_quick(self) -> bool:
        return self.quick is not dataclasses.MISSING


def option(
    default: Any,
    *,
    help: str,
    quick: Any = dataclasses.MISSING,
    parse: Callable[[str], Any] | None = None,
    choices: Sequence | None = None,
    nargs: str | None = None,
    metavar: str | None = None,
) -> Any:
    """A ``Config`` field that is also a command-line option.

    Parameters
    ----------
    default : immutable value
        The value without ``--quick`` (a tuple for several values).
    help : str
        One line for ``--help``; the default and the quick value are appended.
    quick : optional
        The value under ``--quick`` when the option is not given.
    parse : callable str -> value, optional
        Validator of one value's text, raising :class:`argparse.ArgumentTypeError`;
        ``str`` when only ``choices`` are given.
    choices : sequence, optional
        The allowed values (checked after ``parse``).
    nargs : {'+'}, optional
        ``'+'``: the option takes one or more values; the field holds a tuple.
    metavar : str, optional
        The value's name in ``--help``.

    Returns
    -------
    dataclasses.Field
    """
    if parse is None and choices is None:
        raise TypeError("option() needs parse= or choices=")
    if nargs not in (None, "+"):
        raise ValueError(f"nargs must be None or '+', got {nargs!r}")
    spec = Option(
        help=help,
        parse=parse or str,
        quick=quick,
        choices=tuple(choices) if choices is not None else None,
        nargs=nargs,
        metavar=metavar,
    )
    return dataclasses.field(default=default, metadata={_KEY: spec})


def options_of(config_class: type) -> list[tuple[dataclasses.Field, Option]]:
    """The fields of ``config_class`` declared with :func:`option`, in order, with their :class:`Option`."""
    return [(f, f.metadata[_KEY]) for f in dataclasses.fields(config_class) if _KEY in f.metadata]


def flag(name: str) -> str:
    """The command-line flag of field ``name``: ``learning_rate`` -> ``--learning-rate``."""
    return "--" + name.replace("_", "-")


class OptionError(ValueError):
    """A value that is wrong only together with others (raised by ``Config.check()``).

    Parameters
    ----------
    name : str
        The field to blame; the command line names its flag.
    message : str
    """

    def __init__(self, name: str, message: str):
        super().__init__(f"{flag(name)}: {message}")
        self.name, self.message = name, message

    @property
    def flag(self) -> str:
        return flag(self.name)


# ------------------------------------------------------------------ argparse
def _show_one(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple):  # layer widths, as typed: 32,16,8
        return ",".join(_show_one(v) for v in value)
    return str(value)


def show(value: Any, spec: Option) -> str:
    """``value`` as one would type it after the flag."""
    if spec.nargs and isinstance(value, tuple):
        return " ".join(_show_one(v) for v in value)
    return _show_one(value)


def _help(field: dataclasses.Field, spec: Option) -> str:
    text = f"{spec.help} (default: {show(field.default, spec)}"
    if spec.has_quick:
        text += f"; --quick: {show(spec.quick, spec)}"
    return (text + ")").replace("%", "%%")  # argparse %-formats help texts


def add_options(parser: argparse.ArgumentParser, config_class: type) -> None:
    """Add one ``--kebab-case`` flag per option of ``config_class`` to ``parser``.

    Every flag stores ``None`` unless it is given, so that :func:`config_from_args`
    can tell a value the user gave from one it fills in.
    """
    for field, spec in options_of(config_class):
        parser.add_argument(
            flag(field.name),
            dest=field.name,
            type=spec.parse,
            choices=spec.choices,
            nargs=spec.nargs,
            metavar=spec.metavar,
            default=None,
            help=_help(field, spec),
        )


def config_from_args(config_class: type, args: argparse.Namespace | None = None, quick: bool = False):
    """The ``Config`` to run: given values, else quick values under ``--quick``, else defaults.

    Parameters
    ----------
    config_class : type
        An experiment's ``Config``.
    args : argparse.Namespace, optional
        Parsed flags of :func:`add_options` (``None`` where not given); none: every
        field is filled in.
    quick : bool
        Whether ``--quick`` was given.

    Returns
    -------
    Config
        Checked with its ``check()`` method, if it has one.

    Raises
    ------
    OptionError
        From ``Config.check()``.
    """
    values = {}
    for field, spec in options_of(config_class):
        given = getattr(args, field.name, None) if args is not None else None
        if given is not None:
            values[field.name] = tuple(given) if spec.nargs else given
        elif quick and spec.has_quick:
            values[field.name] = spec.quick
    config = config_class(**values)
    check = getattr(config, "check", None)
    if check is not None:
        check()
    return config


def no_repeats(config, *names: str) -> None:
    """Raise :class:`OptionError` if one of the tuple fields ``names`` lists a value twice."""
    for name in names:
        values = getattr(config, name)
        if len(set(values)) != len(values):
            repeated = sorted({_show_one(v) for v in values if values.count(v) > 1})
            raise OptionError(name, f"lists a value twice: {', '.join(repeated)}")


# ---------------------------------------------------------------- validators
def int_range(low: int, high: int | None = None) -> Callable[[str], int]:
    """Validator: an integer from ``low`` to ``high`` (no upper bound if ``None``)."""
    bounds = f">= {low}" if high is None else f"from {low} to {high}"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be an integer {bounds}, got {text!r}") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"must be an integer {bounds}, got {text!r}")
        return value

    parse.__name__ = "int"
    return parse


#: a count of epochs, seeds, samples…: bounded by the library's cap on every count (see __getattr__)
positive_int: Callable[[str], int]


def __getattr__(name: str):
    """The names made from the library's tables, built on first use (PEP 562).

    ``OPTIMIZERS``: every optimiser of the library, in its table's order (command-line choices);
    ``positive_int``: the validator of a count of epochs, seeds, samples…, bounded by the library's
    cap on every count. The command line imports this module to build ``mlplab --help``, which
    needs neither the library nor NumPy; an experiment that uses these names imports both anyway.
    """
    if name == "OPTIMIZERS":
        from ..nn.optimizers import OPTIMIZERS as table

        value = tuple(table)
    elif name == "positive_int":
        from ..nn.checks import MAX_COUNT

        value = int_range(1, MAX_COUNT)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # built once: the next lookup is a plain attribute, the same object
    return value


def nonzero_int(text: str) -> int:
    """Validator: a non-zero integer (a number of worker processes, -1 for every core)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value == 0:
        raise argparse.ArgumentTypeError(
            f"must be -1 (all cores), a positive number, or -k (all but k-1), got {text!r}"
        )
    return value


def float_range(
    low: float = -math.inf, high: float = math.inf, *, low_open: bool = False, high_open: bool = False
) -> Callable[[str], float]:
    """Validator: a finite number between ``low`` and ``high`` (excluding an open end)."""
    if math.isinf(low) and math.isinf(high):
        bounds = "a finite number"
    elif math.isinf(high):
        bounds = f"a number {'>' if low_open else '>='} {low:g}"
    elif math.isinf(low):
        bounds = f"a number {'<' if high_open else '<='} {high:g}"
    else:
        bounds = f"a number in {'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be {bounds}, got {text!r}") from None
        if (
            not math.isfinite(value)
            or value < low
            or value > high
            or (low_open and value == low)
            or (high_open and value == high)
        ):
            raise argparse.ArgumentTypeError(f"must be {bounds}, got {text!r}")
        return value

    parse.__name__ = "float"
    return parse


positive_float = float_range(0.0, low_open=True)


def layer_widths(text: str) -> tuple[int, ...]:
    """Validator: hidden-layer widths, ``"32,16,8"`` -> ``(32, 16, 8)``."""
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        sizes = ()
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"must be comma-separated positive integers, got {text!r}")
    return sizes


def address(text: str) -> str:
    """Validator: a scheduler address ``tcp://HOST:PORT`` (see ``_parallel.scheduler_address``)."""
    from ._parallel import scheduler_address

    try:
        return scheduler_address(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def worker_count(text: str) -> int:
    """Validator: a number of local worker processes, at most the CPUs here (see
    :func:`~mlplab.lab._parallel.resolve_jobs`): 1 to N, or -1 (all N) down to -N (one)."""
    from ._parallel import resolve_jobs, usable_cpus

    n = usable_cpus()
    try:
        resolve_jobs(int(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be an integer from 1 to {n} (the CPUs here), or from -1 (all) down to -{n} (one), "
            f"got {text!r}"
        ) from None
    return int(text)
