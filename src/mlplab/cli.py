"""The ``mlplab`` command line: ``trace``, one command per experiment, ``all``, ``report``, ``grade``.

An experiment's flags are generated from its ``Config`` (see
:mod:`mlplab.lab._options`), so every option of every experiment is
validated the same way: a bad value is a usage error naming the flag, exit
code 2. ``--quick`` fills the quick values of the options not given.

Outputs and faults: every experiment writes into a staging folder that
replaces ``DIR/<experiment>/`` whole when it has finished, and the report's
three files are moved into place together (see :mod:`mlplab.lab._staging`).
So after a failed write, Ctrl-C or SIGTERM each folder holds its complete
old set or its complete new set, and the message says which: exit 1 after a
failure, 130 after Ctrl-C, 143 after SIGTERM (:mod:`mlplab.lab._signals`).
``--out`` is checked for being a writable folder before anything runs (a
usage error, exit 2). A closed standard output (``mlplab trace | head -1``)
ends the command quietly, exit 141, as a Unix tool killed by SIGPIPE.

Start-up: building the parser imports no experiment (an experiment's
command gets its options from its ``Config`` when it is the command given,
or its help is asked for), so ``mlplab --help`` and ``--version`` need
neither NumPy nor the lab, ``mlplab trace`` needs NumPy and the library
only, and matplotlib is imported when a figure is drawn.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .lab import _signals
from .lab._options import int_range

EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130; SIGTERM gives 128 + 15 = 143
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE  # 141, what a shell shows for a tool killed by SIGPIPE


class _StdoutClosed(Exception):
    """The reader of standard output went away (``| head``)."""


class _NeverRaised(Exception):
    """Stands for an error class whose module is not loaded: then nothing can have raised it."""


def _error_of(module: str, name: str) -> type[Exception]:
    """The error class ``name`` of ``module`` if that module is loaded, else one that nothing raises.

    Looked up when an error reaches :func:`main`, so that starting imports
    neither the library (NumPy) nor the report.
    """
    loaded = sys.modules.get(module)
    return getattr(loaded, name) if loaded is not None else _NeverRaised


def _say(text: str) -> None:
    """``print`` to standard output; a closed pipe ends the command quietly."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        raise _StdoutClosed from None


class _Outputs:
    """Which output sets this command has replaced, and which one it was writing: for the last message."""

    def __init__(self):
        self.replaced: list[str] = []
        self.current: str | None = None  # being written, not yet in place
        self.paths: tuple[Path, ...] = ()  # its files: after a failure they hold the earlier set, if any
        self.is_report = False

    def start(self, label: str, *paths: Path, is_report: bool = False) -> None:
        self.current, self.paths, self.is_report = label, paths, is_report

    def finish(self) -> None:
        self.replaced.append(self.current)
        self.current = None

    def lines(self) -> list[str]:
        lines = []
        existed = any(os.path.lexists(path) for path in self.paths)
        if self.current is not None:
            if existed:
                lines.append(
                    f"{self.current}: the earlier complete set is unchanged (nothing of this run is in it)."
                )
            else:
                lines.append(f"{self.current}: not written (there was none before).")
        if self.replaced:
            lines.append(f"New and complete: {', '.join(self.replaced)}.")
            if self.current is not None and self.is_report and existed:
                lines.append("The earlier report does not show these new results; run `mlplab report`.")
        elif self.current is None:
            lines.append("Nothing was written.")
        return lines


_outputs = _Outputs()


def _cmd_trace(args: argparse.Namespace) -> int:
    from .trace import format_trace, sheet_trace

    _say(format_trace(sheet_trace(), args.format, args.digits))
    return 0


def _progress(args: argparse.Namespace) -> bool:
    """Whether to show bars and status lines: on a terminal, without ``--no-progress``, with tqdm there."""
    return sys.stderr.isatty() and not args.no_progress and importlib.util.find_spec("tqdm") is not None


def _context(name: str, args: argparse.Namespace):
    from .lab._common import Context

    return Context(name=name, root=Path(args.out), seed=args.seed, quick=args.quick, progress=_progress(args))


def _check_out(args: argparse.Namespace) -> None:
    """``--out`` must be a folder this process can write into: a usage error before anything runs."""
    out = Path(args.out)
    if os.path.lexists(out) and not out.is_dir():
        args.parser.error(f"argument --out: {args.out!r} is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with _signals.held():
            handle, probe = tempfile.mkstemp(prefix=".mlplab-probe-", dir=out)
            os.close(handle)
            os.unlink(probe)
    except OSError as error:
        args.parser.error(f"argument --out: cannot write into {args.out!r}: {error.strerror or error}")


def _run_experiment(name: str, module, config, args: argparse.Namespace) -> dict:
    """Run experiment ``name`` with ``config`` and the common options of ``args``, on one BLAS thread.

    Its files are staged and replace ``DIR/<name>/`` whole at the end. On a
    terminal its bars show the training, and a status line each figure drawn.
    """
    from .lab._parallel import one_blas_thread

    start = time.perf_counter()
    ctx = _context(name, args)
    _outputs.start(f"{ctx.folder}/", ctx.folder)
    with one_blas_thread(), ctx.staged(replaced=_outputs.finish), ctx.rendering():
        results = module.run(ctx, config)
    _say(f"{name}: done in {time.perf_counter() - start:.1f} s -> {ctx.folder}")
    return results


def _experiment_handler(name: str, module, parser: argparse.ArgumentParser):
    """Build the experiment's ``Config`` from the flags (a failed check is a usage error), then run it."""

    def handler(args: argparse.Namespace) -> int:
        from .lab._options import OptionError, config_from_args

        try:
            config = config_from_args(module.Config, args, args.quick)
        except OptionError as error:
            parser.error(f"argument {error.flag}: {error.message}")
        if _lab_missing(args):
            return 1
        _check_out(args)
        _run_experiment(name, module, config, args)
        return 0

    return handler


#: what every run of an experiment imports from the lab extra (matplotlib only when it draws, after
#: training): looked for before anything runs
_LAB_PACKAGES = ("matplotlib", "threadpoolctl")


def _lab_missing(args: argparse.Namespace) -> bool:
    """Whether a package of the lab extra is not installed; if so, say which and how to install it."""
    for package in _LAB_PACKAGES:
        if importlib.util.find_spec(package) is None:
            _missing("lab", ImportError(name=package))(args)
            return True
    return False


def _run_with_defaults(name: str, args: argparse.Namespace) -> None:
    """Run experiment ``name`` with its ``Config`` defaults (or quick values) and the common options."""
    from . import lab
    from .lab._options import config_from_args

    module = lab.load(name)
    _run_experiment(name, module, config_from_args(module.Config, quick=args.quick), args)


def _write_report(args: argparse.Namespace, command: str) -> None:
    from .report import build_report

    start = time.perf_counter()
    out = Path(args.out)
    files = [out / name for name in ("report.pdf", "report.ipynb", "report.typ")]
    _outputs.start(f"{files[0]}, {files[1].name}, {files[2].name}", *files, is_report=True)
    status = None
    if _progress(args):  # what it does, on a status line: never silent
        from .lab._common import status_line

        status = status_line("report: writing", "reading the results")
    try:
        written = build_report(args.out, args.lang, replaced=_outputs.finish, command=command,
                               progress=status.show if status is not None else None)  # fmt: skip
    finally:
        if status is not None:
            status.close()
    paths = ", ".join(str(p) for key, p in written.items() if key != "typ")
    _say(f"report: done in {time.perf_counter() - start:.1f} s -> {paths}")


def _cmd_all(args: argparse.Namespace) -> int:
    from . import lab
    from .lab._parallel import resolve_jobs

    if _lab_missing(args):
        return 1
    _check_out(args)
    start = time.perf_counter()
    names = lab.available()
    jobs = min(resolve_jobs(args.jobs), len(names))
    if jobs == 1:
        for name in names:
            _run_with_defaults(name, args)
    else:
        _run_in_children(names, args, jobs)
    _write_report(args, "all")
    _say(f"all: done in {time.perf_counter() - start:.1f} s -> {args.out}")
    return 0


class _ChildFailed(Exception):
    """An experiment's own ``mlplab`` process ended with an error (it has said which itself)."""


def _run_in_children(names: Sequence[str], args: argparse.Namespace, jobs: int) -> None:
    """Every experiment as its own ``mlplab <experiment>`` process, ``jobs`` at a time.

    Each child is the experiment's command with the defaults (or ``--quick``
    values) and this command's ``--out`` and ``--seed``, so it writes what the
    same command alone would, staged and swapped whole, and prints its own
    messages. The children run in sessions of their own: a Ctrl-C or SIGTERM
    reaches this process, which passes it on to each running child once and
    waits for it to put its folder in order. After a failure no further child
    starts; those running finish. What ended complete is listed in the last
    message.
    """
    import subprocess

    def command(name: str) -> list[str]:
        flags = ["--out", str(args.out), "--seed", str(args.seed), "--no-progress"]
        return [sys.executable, "-m", "mlplab", name, *flags, *(["--quick"] if args.quick else [])]

    waiting, running, failed = list(names), {}, []
    show = sys.stderr.isatty() and not args.no_progress
    try:
        while waiting or running:
            while waiting and len(running) < jobs and not failed:
                name = waiting.pop(0)
                running[name] = subprocess.Popen(command(name), start_new_session=True)
                if show:  # the children draw no bars (two would overwrite each other): a line each
                    _tell_line(f"all: {name} started ({len(names) - len(waiting)} of {len(names)})")
            if not running:
                break
            _wait_any(running.values())
            for name, child in list(running.items()):
                if child.returncode is None:
                    continue
                del running[name]
                if child.returncode == 0:
                    _outputs.replaced.append(f"{Path(args.out) / name}/")
                elif child.returncode == EXIT_BROKEN_PIPE:
                    raise _StdoutClosed
                else:
                    failed.append(f"{name} (exit {child.returncode})")
    except BaseException as stop:
        signum = getattr(stop, "signum", signal.SIGTERM)
        if isinstance(stop, KeyboardInterrupt):
            _signals.stopping()  # a second Ctrl-C is only noted while the children clean up
        for child in running.values():  # once each: they stop cleanly and exit
            with contextlib.suppress(ProcessLookupError):
                child.send_signal(signum)
        with _signals.held():
            for name, child in running.items():
                if child.wait() == 0:
                    _outputs.replaced.append(f"{Path(args.out) / name}/")
        raise
    if failed:
        not_started = ", ".join(waiting) or "none"
        raise _ChildFailed(f"{', '.join(failed)} failed (said above); not started: {not_started}")


def _wait_any(children) -> None:
    """Until one of ``children`` has ended (a signal interrupts the wait)."""
    while all(child.poll() is None for child in children):
        time.sleep(0.05)


def _tell_line(text: str) -> None:
    """A line of progress on stderr."""
    with contextlib.suppress(OSError):
        print(text, file=sys.stderr, flush=True)


def _cmd_report(args: argparse.Namespace) -> int:
    from . import lab
    from .report import load_metrics

    _check_out(args)
    present = load_metrics(Path(args.out))
    if any(name not in present for name in lab.available()) and _lab_missing(args):
        return 1
    for name in lab.available():
        if name not in present:  # run what is missing, with the given seed and --quick
            _run_with_defaults(name, args)
    _write_report(args, "report")
    return 0


#: marks a folder written by ``mlplab grade --out``: only such a folder (or a new or empty one) is replaced
_GRADE_MARK = ".mlplab-grade"


def _check_grade_out(args: argparse.Namespace) -> Path | None:
    """``--out`` of ``grade``: new, empty, or an earlier grading's folder (it is replaced whole)."""
    if args.out is None:
        return None
    out = Path(args.out)
    if os.path.lexists(out):
        if not out.is_dir():
            args.parser.error(f"argument --out: {args.out!r} is not a folder")
        if any(out.iterdir()) and not (out / _GRADE_MARK).exists():
            args.parser.error(
                f"argument --out: {args.out!r} holds files that no earlier `mlplab grade` wrote; "
                "give a new or an empty folder (it is replaced whole)"
            )
    parent = out.resolve().parent
    if not os.access(parent, os.W_OK):
        args.parser.error(f"argument --out: cannot write into {str(parent)!r}")
    return out


def _cmd_grade(args: argparse.Namespace) -> int:
    from .grade import formats
    from .grade.grader import grade
    from .grade.sandbox import Limits
    from .grade.submission import SubmissionError, find_submissions

    try:
        files = find_submissions(args.path)
    except SubmissionError as error:
        args.parser.error(f"argument PATH: {error}")
    out = _check_grade_out(args)
    limits = Limits(timeout=args.timeout, total=args.total_timeout, memory=args.memory * 2**20)
    jobs = args.jobs or min(os.cpu_count() or 1, len(files))
    if sys.stderr.isatty() and not args.no_progress:
        print(f"grading {len(files)} submission(s) on {jobs} worker(s) ...", file=sys.stderr, flush=True)
    results = grade(args.path, lang=args.lang, limits=limits, jobs=jobs, mode=args.execute)
    single = Path(args.path).is_file()
    if args.format == "json":
        _say(formats.to_json(results[0] if single else results).rstrip("\n"))
    elif args.format == "gradescope":
        if single:
            _say(formats.to_gradescope_json(results[0], args.lang).rstrip("\n"))
        else:
            import json

            payload = [formats.to_gradescope(result, args.lang) for result in results]
            _say(json.dumps(payload, indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        _say("\n\n".join(formats.to_markdown(result, args.lang).rstrip("\n") for result in results))
    else:  # a file: its checks; a folder: one line per submission (the checks are in --out's feedback)
        width = shutil.get_terminal_size((100, 24)).columns
        if single:
            _say(formats.to_table(results[0], args.lang, width).rstrip("\n"))
        else:
            _say(formats.to_summary_table(results, args.lang, width).rstrip("\n"))
    if out is not None:
        _write_grades(out, results, single, args.lang)
    return 0


def _write_grades(out: Path, results: list[dict], single: bool, lang: str) -> None:
    """``--out``: feedback, Gradescope results, the JSON and a CSV summary, replacing ``out`` whole."""
    from .grade import formats
    from .lab._staging import staged_folder

    _outputs.start(f"{out}/", out)
    with staged_folder(out, replaced=_outputs.finish) as staging:
        (staging / _GRADE_MARK).write_text("written by mlplab grade; replaced whole by the next run\n")
        (staging / "grades.json").write_text(formats.to_json(results[0] if single else results), "utf-8")
        with open(staging / "summary.csv", "w", newline="", encoding="utf-8") as handle:
            formats.summary_csv(results, handle)
        if single:
            gradescope, feedback = {"results.json": results[0]}, {"feedback.md": results[0]}
        else:
            (staging / "gradescope").mkdir()
            (staging / "feedback").mkdir()
            flat = {result["submission"]: result["submission"].replace(os.sep, "__") for result in results}
            gradescope = {f"gradescope/{flat[r['submission']]}.json": r for r in results}
            feedback = {f"feedback/{flat[r['submission']]}.md": r for r in results}
        for name, result in gradescope.items():
            (staging / name).write_text(formats.to_gradescope_json(result, lang), "utf-8")
        for name, result in feedback.items():
            (staging / name).write_text(formats.to_markdown(result, lang), "utf-8")
    _say(f"grade: feedback written -> {out}")


def _escape(text: str) -> str:
    """``text`` for an argparse help, which argparse %-formats."""
    return text.replace("%", "%%")


def _out_folder(text: str) -> str:
    """``--out``: a folder's name; the empty string would quietly mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError(f"must name a folder, got {text!r}")
    return text


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(parser=parser)  # for the --out check's usage error
    parser.add_argument(
        "--out",
        type=_out_folder,
        default="results",
        metavar="DIR",
        help="output folder; each experiment writes DIR/<experiment>/ (default: results)",
    )
    parser.add_argument("--seed", type=int_range(0), default=0, help="master seed (default: 0)")
    parser.add_argument("--quick", action="store_true", help="small settings: seconds instead of minutes")
    parser.add_argument("--no-progress", action="store_true", help="no progress bars even on a terminal")


def _worker_count(text: str) -> int:
    from .lab._options import worker_count

    return worker_count(text)


def _add_lang(parser: argparse.ArgumentParser, what: str = "report") -> None:
    parser.add_argument("--lang", choices=["en", "de"], default="en", help=f"{what} language (default: en)")


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


def _add_grade(commands) -> None:
    from .lab._options import float_range

    grade = commands.add_parser(
        "grade",
        help="check a student's own MLP class (.py, .ipynb or a folder of them) against the sheet",
        description="Grade a student's MLP (task 2.1 and the bonus) in a sandbox: points per check, "
        "feedback that names the faulty layer or the mistake. Student code runs in a subprocess "
        "with limits on time, memory, processes and output. Exit 0 when grading ran, whatever the scores.",
    )
    grade.set_defaults(parser=grade, handler=_cmd_grade)
    grade.add_argument("path", metavar="PATH", help="a student's .py file, a .ipynb notebook, or a folder")
    grade.add_argument(
        "--format",
        choices=["table", "json", "markdown", "gradescope"],
        default="table",
        help="what to print (default: table); gradescope prints Gradescope's results.json",
    )
    _add_lang(grade, what="feedback")
    grade.add_argument(
        "--timeout",
        type=float_range(0, 3600, low_open=True),
        default=30.0,
        metavar="SECONDS",
        help="time limit of each check, and of loading the code (default: 30)",
    )
    grade.add_argument(
        "--total-timeout",
        type=float_range(0, 86400, low_open=True),
        default=300.0,
        metavar="SECONDS",
        help="time limit of one submission, all checks together (default: 300)",
    )
    grade.add_argument(
        "--memory",
        type=int_range(256, 1 << 20),
        default=2048,
        metavar="MB",
        help="address-space limit of a submission's process in MB (default: 2048)",
    )
    grade.add_argument(
        "--jobs",
        type=int_range(1, 256),
        default=None,
        metavar="N",
        help="submissions graded at once (default: one per core)",
    )
    grade.add_argument(
        "--out",
        type=_out_folder,
        default=None,
        metavar="DIR",
        help="also write feedback (Markdown), Gradescope results, grades.json and summary.csv into DIR "
        "(a new folder, or one an earlier grade wrote: it is replaced whole)",
    )
    grade.add_argument(
        "--execute",
        choices=["definitions", "all"],
        default="definitions",
        help="run only the code's definitions (imports, functions, classes and what they use; default) "
        "or all of it, as an import would",
    )
    grade.add_argument("--no-progress", action="store_true", help="no progress line even on a terminal")


class _Deferred(argparse.ArgumentParser):
    """A sub-command's parser that adds its options when it is first used: to parse, or to show its help.

    ``complete(parser)`` adds them. ``mlplab --help`` lists every experiment
    with its help line, and only the command given imports its experiment.
    """

    def __init__(self, *args, complete=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._complete = complete

    def _completed(self) -> None:
        complete, self._complete = self._complete, None
        if complete is not None:
            complete(self)

    def parse_known_args(self, args=None, namespace=None):
        self._completed()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._completed()
        return super().format_usage()

    def format_help(self) -> str:
        self._completed()
        return super().format_help()


def _experiment_options(name: str):
    """``complete(parser)`` of experiment ``name``'s command: its module imported, its flags added."""

    def complete(sub: argparse.ArgumentParser) -> None:
        from . import lab
        from .lab._options import add_options

        try:
            module = lab.load(name)
        except ImportError as error:  # a package the experiment imports is not installed
            _add_common(sub)
            sub.set_defaults(handler=_missing("lab", error))
            return
        except Exception as error:  # a broken experiment must not take `mlplab trace` down with it
            _add_common(sub)
            sub.set_defaults(handler=_broken(error))
            return
        sub.description = (module.__doc__ or "").strip()  # formatted only if it holds %(prog)
        _add_common(sub)
        add_options(sub, module.Config)
        sub.set_defaults(handler=_experiment_handler(name, module, sub))

    return complete


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command; an experiment's flags come from its ``Config``.

    Building it imports no experiment: each one's command is completed when it
    is used (see :class:`_Deferred`), and its help line is read from its source
    (:func:`mlplab.lab.help_line`).
    """
    from . import lab

    parser = argparse.ArgumentParser(
        prog="mlplab",
        description="A verified NumPy multi-layer perceptron and the experiments of the MLP/backprop sheet.",
    )
    parser.add_argument("--version", action="version", version=f"mlplab {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Deferred)

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
            help_line = _escape(lab.help_line(name))
        except Exception as error:  # its HELP is not plain text and the module cannot be loaded
            help_line = f"(cannot be loaded: {type(error).__name__}) {name}"
        commands.add_parser(
            name,
            help=help_line,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            complete=_experiment_options(name),
        )

    everything = commands.add_parser("all", help="run every experiment, then write the report")
    _add_common(everything)
    _add_lang(everything)
    everything.add_argument(
        "--jobs",
        type=_worker_count,
        default=-1,
        metavar="N",
        help="experiments run at once, each in its own process (default -1: one per CPU here); "
        "1 runs them one after another in this process",
    )
    everything.set_defaults(handler=_cmd_all)

    _add_grade(commands)

    report = commands.add_parser(
        "report",
        help="write DIR/report.pdf and DIR/report.ipynb from the results (running missing experiments)",
    )
    _add_common(report)
    _add_lang(report)
    report.set_defaults(handler=_cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit code: 1 failure, 2 usage, 130 Ctrl-C, 143 SIGTERM, 141 closed pipe.

    SIGINT and SIGTERM are handled from the first line on, start-up included.
    Run as the program (``argv`` None), both are ignored once the command has
    ended, so that a late Ctrl-C cannot kill the process on its way out.
    """
    global _outputs
    _outputs = _Outputs()
    command = "mlplab"
    with _signals.handled(restore=argv is not None):
        try:
            parser = build_parser()
            try:
                args = parser.parse_args(argv)
            except BrokenPipeError:  # --help or --version into a closed pipe
                raise _StdoutClosed from None
            command = f"mlplab {args.command}"
            return args.handler(args)
        except KeyboardInterrupt as stop:  # Interrupted (SIGINT, SIGTERM) or Python's own Ctrl-C
            _signals.stopping()  # a second signal from here on is only noted
            signum = _signals.first_signal() or getattr(stop, "signum", signal.SIGINT)
            by = _signals.NAMES.get(signum, "a signal")
            _tell(f"{command}: interrupted. Stopped by {by}.", *_outputs.lines())
            return 128 + signum
        except _StdoutClosed:
            _signals.stopping()
            with contextlib.suppress(OSError):  # no second error when Python flushes stdout at exit
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_BROKEN_PIPE
        except _error_of("mlplab.report", "ResultsError") as error:  # a damaged metrics.json, by its path
            _signals.stopping()
            _tell(f"{command}: {error}", *_outputs.lines())
            return 1
        except _ChildFailed as error:  # an experiment's own process has said what failed
            _signals.stopping()
            _tell(f"{command}: {error}", *_outputs.lines())
            return 1
        except _error_of("mlplab.nn.training", "DivergenceError") as error:  # a --learning-rate far too large
            _signals.stopping()
            _tell(f"{command}: {error}", *_outputs.lines())
            return 1
        except OSError as error:  # a full disk, a read-only folder: the staged set was dropped whole
            _signals.stopping()
            text = error.strerror if error.strerror and error.filename is None else error
            _tell(f"{command}: {text}", *_outputs.lines())
            return 1


def _tell(*lines: str) -> None:
    """The last message, on stderr (which may be closed too)."""
    with contextlib.suppress(OSError):
        print("\n" + "\n".join(lines), file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
