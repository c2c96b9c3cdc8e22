"""The ``mlplab`` command line: ``mlplab trace``, one command per experiment, ``mlplab all``.

An experiment's flags are generated from its ``Config`` (see
:mod:`mlplab.lab._options`), so every option of every experiment is
validated the same way: a bad value is a usage error naming the flag, exit
code 2. ``--quick`` fills the quick values of the options not given.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .lab._options import int_range
from .nn.training import DivergenceError

EXIT_INTERRUPTED = 130


def _cmd_trace(args: argparse.Namespace) -> int:
    from .trace import format_trace, sheet_trace

    print(format_trace(sheet_trace(), args.format, args.digits))
    return 0


def _context(name: str, args: argparse.Namespace):
    from .lab._common import Context

    progress = sys.stderr.isatty() and not args.no_progress
    return Context(name=name, root=Path(args.out), seed=args.seed, quick=args.quick, progress=progress)


_completed: list[str] = []  # experiments finished in this invocation, for the Ctrl-C message


def _run_experiment(name: str, module, config, args: argparse.Namespace) -> dict:
    """Run experiment ``name`` with ``config`` and the common options of ``args``, on one BLAS thread."""
    from .lab._parallel import one_blas_thread

    start = time.perf_counter()
    with one_blas_thread():
        results = module.run(_context(name, args), config)
    _completed.append(name)
    print(f"{name}: done in {time.perf_counter() - start:.1f} s -> {Path(args.out) / name}", flush=True)
    return results


def _experiment_handler(name: str, module, parser: argparse.ArgumentParser):
    """Build the experiment's ``Config`` from the flags (a failed check is a usage error), then run it."""

    def handler(args: argparse.Namespace) -> int:
        from .lab._options import OptionError, config_from_args

        try:
            config = config_from_args(module.Config, args, args.quick)
        except OptionError as error:
            parser.error(f"argument {error.flag}: {error.message}")
        _run_experiment(name, module, config, args)
        return 0

    return handler


def _run_with_defaults(name: str, args: argparse.Namespace) -> None:
    """Run experiment ``name`` with its ``Config`` defaults (or quick values) and the common options."""
    from . import lab
    from .lab._options import config_from_args

    module = lab.load(name)
    _run_experiment(name, module, config_from_args(module.Config, quick=args.quick), args)


def _write_report(args: argparse.Namespace) -> None:
    from .report import build_report

    start = time.perf_counter()
    written = build_report(args.out, args.lang)
    paths = ", ".join(str(p) for key, p in written.items() if key != "typ")
    print(f"report: done in {time.perf_counter() - start:.1f} s -> {paths}", flush=True)


def _cmd_all(args: argparse.Namespace) -> int:
    from . import lab

    start = time.perf_counter()
    for name in lab.available():
        _run_with_defaults(name, args)
    _write_report(args)
    print(f"all: done in {time.perf_counter() - start:.1f} s -> {args.out}", flush=True)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from . import lab
    from .report import load_metrics

    present = load_metrics(Path(args.out))
    for name in lab.available():
        if name not in present:  # run what is missing, with the given seed and --quick
            _run_with_defaults(name, args)
    _write_report(args)
    return 0


def _escape(text: str) -> str:
    """``text`` for an argparse help, which argparse %-formats."""
    return text.replace("%", "%%")


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        default="results",
        metavar="DIR",
        help="output folder; each experiment writes DIR/<experiment>/ (default: results)",
    )
    parser.add_argument("--seed", type=int_range(0), default=0, help="master seed (default: 0)")
    parser.add_argument("--quick", action="store_true", help="small settings: seconds instead of minutes")
    parser.add_argument("--no-progress", action="store_true", help="no progress bars even on a terminal")


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["en", "de"], default="en", help="report language (default: en)")


def _broken(error: Exception):
    def handler(args: argparse.Namespace) -> int:
        print(f"mlplab {args.command}: the experiment could not be loaded: {error!r}", file=sys.stderr)
        return 1

    return handler


def _missing(extra: str, error: ImportError):
    def handler(args: argparse.Namespace) -> int:
        print(
            f"mlplab {args.command}: needs {error.name!r}; install it with: pip install 'mlplab[{extra}]'",
            file=sys.stderr,
        )
        return 1

    return handler


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command; an experiment's flags come from its ``Config``."""
    from . import lab
    from .lab._options import add_options

    parser = argparse.ArgumentParser(
        prog="mlplab",
        description="A verified NumPy multi-layer perceptron and the experiments of the MLP/backprop sheet.",
    )
    parser.add_argument("--version", action="version", version=f"mlplab {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    trace = commands.add_parser(
        "trace",
        help="print every number of the sheet's forward/backward example (task 1.2)",
        description="Forward and backward pass of the sheet's task 1.2 network on x = (0.5, 0.8), y = 1: "
        "(a) z1, a1, z2, a2, z3, y_hat; (b) the loss; (c) every gradient.",
    )
    trace.add_argument(
        "--format",
        choices=["table", "markdown", "latex", "json"],
        default="table",
        help="output format (default: table); json gives full precision",
    )
    trace.add_argument(
        "--digits", type=int_range(1, 17), default=6, help="decimals shown (default: 6; not for json)"
    )
    trace.set_defaults(handler=_cmd_trace)

    for name in lab.available():
        try:
            module = lab.load(name)
        except ImportError as error:  # the lab extra is not installed
            sub = commands.add_parser(name, help=f"(needs pip install 'mlplab[lab]') {name}")
            _add_common(sub)
            sub.set_defaults(handler=_missing("lab", error))
            continue
        except Exception as error:  # a broken experiment must not take `mlplab trace` down with it
            sub = commands.add_parser(name, help=f"(cannot be loaded: {type(error).__name__}) {name}")
            _add_common(sub)
            sub.set_defaults(handler=_broken(error))
            continue
        sub = commands.add_parser(
            name,
            help=_escape(module.HELP),
            description=(module.__doc__ or "").strip(),  # formatted only if it holds %(prog)
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _add_common(sub)
        add_options(sub, module.Config)
        sub.set_defaults(handler=_experiment_handler(name, module, sub))

    everything = commands.add_parser("all", help="run every experiment, then write the report")
    _add_common(everything)
    _add_lang(everything)
    everything.set_defaults(handler=_cmd_all)

    report = commands.add_parser(
        "report",
        help="write DIR/report.pdf and DIR/report.ipynb from the results (running missing experiments)",
    )
    _add_common(report)
    _add_lang(report)
    report.set_defaults(handler=_cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (130 after Ctrl-C)."""
    args = build_parser().parse_args(argv)
    _completed.clear()
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        out = getattr(args, "out", None)
        lines = [f"mlplab {args.command}: interrupted."]
        if _completed:
            lines.append(f"Complete and kept: {', '.join(_completed)} (in {out}/).")
        if out:
            lines.append(f"Files written earlier under {out}/ are unchanged; nothing was left half-written.")
        print("\n" + "\n".join(lines), file=sys.stderr)
        return EXIT_INTERRUPTED
    except DivergenceError as error:  # e.g. a --learning-rate far too large
        print(f"mlplab {args.command}: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # a full disk, a read-only folder: atomic writes kept the old files
        print(f"mlplab {args.command}: {error}; earlier files were left unchanged", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
