"""Faults lose nothing: Ctrl-C on a command, a full disk, a failed write."""

import errno
import os
import signal
import subprocess
import sys
import time

import pytest

from _leftovers import leftovers
from mlplab._io import atomic_write


def test_atomic_write_keeps_the_old_file_when_the_disk_is_full(tmp_path, monkeypatch):
    target = tmp_path / "metrics.json"
    target.write_text("old content")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with (
        pytest.raises(OSError, match=r"could not write .*metrics\.json: No space left on device") as info,
        atomic_write(target) as handle,
    ):
        handle.write("new content that never lands")
    assert info.value.errno == errno.ENOSPC
    assert target.read_text() == "old content"
    assert leftovers(tmp_path) == []


def test_atomic_write_keeps_the_old_file_when_the_writer_fails(tmp_path):
    target = tmp_path / "figure.png"
    target.write_bytes(b"old")

    def write_half_then_fail():
        with atomic_write(target, "wb") as handle:
            handle.write(b"half")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        write_half_then_fail()
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_atomic_write_into_a_folder_that_cannot_be_written(tmp_path, monkeypatch):
    import tempfile

    def read_only(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with (
        pytest.raises(OSError, match=r"could not write .*out\.json: Permission denied"),
        atomic_write(tmp_path / "out.json") as handle,
    ):
        handle.write("x")
    assert not (tmp_path / "out.json").exists()


@pytest.mark.slow
def test_command_on_a_full_disk_exits_1_and_keeps_earlier_results(tmp_path, monkeypatch, capsys):
    pytest.importorskip("matplotlib")
    from mlplab.cli import main

    assert main(["xor", "--quick", "--seeds", "1", "--out", str(tmp_path), "--no-progress"]) == 0
    before = {p: p.read_bytes() for p in (tmp_path / "xor").iterdir()}

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    code = main(["xor", "--quick", "--seeds", "1", "--seed", "5", "--out", str(tmp_path), "--no-progress"])
    assert code == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err
    assert f"{tmp_path / 'xor'}/: the earlier complete set is unchanged" in err
    assert {p: p.read_bytes() for p in (tmp_path / "xor").iterdir()} == before
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_ctrl_c_on_a_running_command_exits_130_and_keeps_earlier_results(tmp_path):
    pytest.importorskip("matplotlib")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    first = subprocess.run(
        [sys.executable, "-m", "mlplab", "xor", "--quick", "--seeds", "1", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr
    metrics = tmp_path / "xor" / "metrics.json"
    earlier = metrics.read_bytes()

    # A run far longer than the test waits; it is interrupted once it has begun the experiment
    # (its staging folder exists), however long the start took on a loaded machine.
    # A shell that starts jobs in the background ignores SIGINT for them and the child
    # would inherit that; restore the default so Python installs its Ctrl-C handler.
    long_run = ["xor", "--seed", "3", "--epochs", "1000000", "--seeds", "100", "--out", str(tmp_path)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "mlplab", *long_run],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".xor.staging-*")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # into its training
    assert proc.poll() is None, "the command ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted. Stopped by Ctrl-C (SIGINT)." in err
    assert f"{tmp_path / 'xor'}/: the earlier complete set is unchanged" in err
    assert "Traceback" not in err
    assert metrics.read_bytes() == earlier
    assert leftovers(tmp_path) == []


def test_atomic_write_gives_normal_permissions(tmp_path):
    import stat

    fresh = tmp_path / "new.json"
    with atomic_write(fresh) as handle:
        handle.write("{}")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # not mkstemp's private 0o600
    kept = tmp_path / "kept.json"
    kept.write_text("x")
    kept.chmod(0o640)
    with atomic_write(kept) as handle:
        handle.write("y")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640  # a replaced file keeps its mode
