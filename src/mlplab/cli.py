"""The ``mlplab`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__


def _cmd_trace(args: argparse.Namespace) -> int:
    from .trace import format_trace, sheet_trace

    print(format_trace(sheet_trace(), args.format, args.digits))
    return 0


def _digits(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be an integer from 1 to 17, got {text!r}") from None
    if not 1 <= value <= 17:
        raise argparse.ArgumentTypeError(f"must be an integer from 1 to 17, got {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
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
    trace.add_argument("--digits", type=_digits, default=6, help="decimals shown (default: 6; not for json)")
    trace.set_defaults(handler=_cmd_trace)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
