"""SIGTERM, a second Ctrl-C, Ctrl-C at start-up, a closed pipe: on a real ``mlplab`` process.

Each ends with its exit code (143, 130, 130, 141) and a message that says
what the results folder holds, which is the whole earlier set, with no
staging folder or temporary file left behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _leftovers import leftovers
from mlplab.lab import _signals

ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def start(*args: str, stdout=subprocess.PIPE) -> subprocess.Popen:
    # A shell that starts jobs in the background ignores SIGINT for them and the child would
    # inherit that; restore the default so that the command sees Ctrl-C as a terminal sends it.
    return subprocess.Popen(
        [sys.executable, "-m", "mlplab", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


@pytest.fixture
def earlier_xor(tmp_path) -> dict[str, bytes]:
    """A complete, quick xor folder under ``tmp_path``: the set an interrupted run must keep."""
    pytest.importorskip("matplotlib", reason="the lab needs the 'lab' extra")
    first = subprocess.run(
        [sys.executable, "-m", "mlplab", "xor", "--quick", "--seeds", "1", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr
    return snapshot(tmp_path / "xor")


def interrupt_training(tmp_path: Path, *signals: int) -> tuple[int, str]:
    """Start the full xor run (~10 s), send ``signals`` while it trains; its exit code and stderr."""
    proc = start("xor", "--seed", "3", "--out", str(tmp_path))
    time.sleep(3.5)
    assert proc.poll() is None, "the command ended before it could be interrupted"
    for signum in signals:
        proc.send_signal(signum)
        time.sleep(0.05)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err


@pytest.mark.slow
def test_sigterm_exits_143_and_keeps_the_earlier_set(tmp_path, earlier_xor):
    code, err = interrupt_training(tmp_path, signal.SIGTERM)
    assert code == 143, err
    assert "mlplab xor: interrupted. Stopped by SIGTERM." in err
    assert f"{tmp_path / 'xor'}/: the earlier complete set is unchanged" in err
    assert "Traceback" not in err
    assert snapshot(tmp_path / "xor") == earlier_xor
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_a_second_ctrl_c_exits_130_and_keeps_the_earlier_set(tmp_path, earlier_xor):
    code, err = interrupt_training(tmp_path, signal.SIGINT, signal.SIGINT)
    assert code == 130, err
    assert "mlplab xor: interrupted. Stopped by Ctrl-C (SIGINT)." in err
    assert "the earlier complete set is unchanged" in err
    assert "Traceback" not in err
    assert snapshot(tmp_path / "xor") == earlier_xor
    assert leftovers(tmp_path) == []


def wait_for_main(proc: subprocess.Popen) -> None:
    """Until ``main`` has installed its handlers: the process then catches SIGTERM (Linux's SigCgt)."""
    status = Path(f"/proc/{proc.pid}/status")
    if not status.exists():
        pytest.skip("needs /proc to see when the handlers are in")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        caught = next(line for line in status.read_text().splitlines() if line.startswith("SigCgt:"))
        if int(caught.split()[1], 16) >> (signal.SIGTERM - 1) & 1:
            return
        time.sleep(0.005)
    raise AssertionError("main never installed its signal handlers")


def test_ctrl_c_twice_during_start_up_exits_130_and_writes_nothing(tmp_path):
    """While the parser loads every experiment (about a second), before anything runs."""
    out = tmp_path / "results"
    proc = start("xor", "--out", str(out))
    wait_for_main(proc)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "mlplab: interrupted. Stopped by Ctrl-C (SIGINT).\nNothing was written." in err
    assert "Traceback" not in err
    assert not (out / "xor").exists()
    assert not out.exists() or leftovers(out) == []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_as_soon_as_the_program_catches_it_ends_cleanly(tmp_path, signum):
    """The launcher catches signals before it imports NumPy and the command line (PEP 562 package)."""
    out = tmp_path / "results"
    proc = start("xor", "--out", str(out))
    wait_for_main(proc)  # the first moment a handler is there: mostly still importing
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err
    assert f"mlplab: interrupted. Stopped by {_signals.NAMES[signum]}.\nNothing was written." in err
    assert "Traceback" not in err
    assert not out.exists() or leftovers(out) == []


def test_importing_mlplab_imports_nothing_heavy():
    code = (
        "import sys, mlplab, mlplab._launch; print([m for m in ('numpy', 'mlplab.cli') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


def test_ctrl_c_while_the_parser_is_built_exits_130(monkeypatch, capsys):
    import mlplab.cli

    real = mlplab.cli.build_parser

    def build_parser():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
        return real()

    monkeypatch.setattr(mlplab.cli, "build_parser", build_parser)
    assert mlplab.cli.main(["xor", "--quick"]) == 130
    err = capsys.readouterr().err
    assert "mlplab: interrupted. Stopped by Ctrl-C (SIGINT).\nNothing was written." in err


def test_a_closed_pipe_ends_quietly(tmp_path):
    proc = start("trace")
    proc.stdout.close()  # `mlplab trace | head -0`: the reader has gone before the first line
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 141
    assert err == ""


# ------------------------------------------------------------------ the handler itself
def _send_and_wait(signum: int) -> None:
    os.kill(os.getpid(), signum)
    time.sleep(5)


def test_sigterm_raises_interrupted_and_the_old_handlers_come_back():
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(_signals.Interrupted) as info, _signals.handled():
        _send_and_wait(signal.SIGTERM)
    assert info.value.signum == signal.SIGTERM
    assert info.value.exit_code == 143
    assert isinstance(info.value, KeyboardInterrupt)
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_signal_inside_held_waits_for_the_block_to_end():
    steps = []

    def held_block():
        with _signals.held():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
            steps.append("the block went on")
        steps.append("never")

    with pytest.raises(_signals.Interrupted) as info, _signals.handled():
        held_block()
    assert steps == ["the block went on"]
    assert info.value.exit_code == 130


def test_after_stopping_a_signal_is_only_noted(capfd):
    with _signals.handled():
        _signals.stopping()
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
    assert "already stopping" in capfd.readouterr().err
    assert _signals.first_signal() == signal.SIGINT


def test_a_real_sigterm_in_the_command_exits_143(tmp_path, monkeypatch, capsys):
    pytest.importorskip("matplotlib", reason="the lab needs the 'lab' extra")
    from mlplab import lab
    from mlplab.cli import main

    def run(ctx, config):
        (ctx.out / "metrics.json").write_text("{}")  # half of a set, in the staging folder
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)

    monkeypatch.setattr(lab.load("xor"), "run", run)
    assert main(["xor", "--out", str(tmp_path), "--no-progress"]) == 143
    err = capsys.readouterr().err
    assert "mlplab xor: interrupted. Stopped by SIGTERM." in err
    assert f"{tmp_path / 'xor'}/: not written (there was none before)." in err
    assert list(tmp_path.iterdir()) == []


def test_a_signal_while_the_staging_folder_is_made_leaves_none(tmp_path, monkeypatch):
    import tempfile

    from mlplab.lab._staging import staged_folder

    real = tempfile.mkdtemp

    def mkdtemp(*args, **kwargs):
        made = real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)  # waits for the held block, then is raised
        time.sleep(0.05)
        return made

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)

    def stage():
        with staged_folder(tmp_path / "xor"):
            raise AssertionError("the block must not start")

    with pytest.raises(_signals.Interrupted), _signals.handled():
        stage()
    assert list(tmp_path.iterdir()) == []
