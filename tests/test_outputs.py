"""Outputs as one unit: after a failure at any point, a folder holds its whole old set or its whole new set.

A failure is injected after the k-th file of an experiment's (or the
report's) writes, for every k, and into every rename of the final swap; the
folder is then compared with the old and the new set, and the message must
say which it holds. ``xor`` runs for real (its own plotting and metrics
code); every experiment's file set, taken from its module's name constants,
goes through the real command line and staging with a stand-in ``run``.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

pytest.importorskip("matplotlib", reason="the lab needs the 'lab' extra")

from _leftovers import leftovers
from mlplab import lab
from mlplab.cli import main
from mlplab.lab._common import atomic_write
from mlplab.lab._words import LANGS, figure_stem


def snapshot(folder: Path) -> dict[str, bytes] | None:
    """``{relative path: content}`` of every file under ``folder``; ``None`` if there is no folder."""
    if not folder.exists():
        return None
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def files_of(name: str) -> list[str]:
    """The files experiment ``name`` writes, from its module's name constants."""
    module = lab.load(name)
    files = []
    for attr, value in vars(module).items():
        if attr.startswith("FIG_") and isinstance(value, str):  # each figure in every language
            files += [f"{figure_stem(value, lang)}.{suffix}" for lang in LANGS for suffix in ("png", "svg")]
        elif attr.startswith(("CSV_FILE", "GIF_")) and isinstance(value, str) and "." in value:
            files.append(value)
    return [*files, "metrics.json"]


class Faults:
    """Fail the ``n``-th staged file write (``os.replace`` into a staging folder) or the ``n``-th rename."""

    def __init__(self, monkeypatch, kind: str, n: int):
        self.kind, self.n, self.count = kind, n, 0
        real_replace, real_rename = os.replace, os.rename

        def replace(src, dst, *args, **kwargs):
            if kind == "write" and ".staging-" in Path(dst).parent.name:
                self.count += 1
                if self.count == n:
                    raise OSError(errno.ENOSPC, "No space left on device")
            return real_replace(src, dst, *args, **kwargs)

        def rename(src, dst, *args, **kwargs):
            if kind == "rename":
                self.count += 1
                if self.count == n:
                    raise OSError(errno.EIO, "Input/output error")
            return real_rename(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "rename", rename)


def fault_plan(n_files: int, n_renames: int) -> list[tuple[str, int]]:
    """A failure after the k-th file for k = 0 … n_files - 1, then in each rename of the swap."""
    return [("write", k + 1) for k in range(n_files)] + [("rename", j + 1) for j in range(n_renames)]


def check_whole(folder: Path, old, new, err: str, failed: bool) -> None:
    state = snapshot(folder)
    assert state in (old, new), sorted(state or {})
    assert leftovers(folder.parent) == []
    if failed:
        assert state == old
        if old is None:
            assert f"{folder}/: not written (there was none before)." in err
        else:
            assert f"{folder}/: the earlier complete set is unchanged" in err
    else:
        assert state == new


def stand_in(name: str, tag: bytes):
    """A ``run`` that writes experiment ``name``'s files, each tagged, through ``ctx.out``."""

    def run(ctx, config):
        for file in files_of(name):
            with atomic_write(ctx.out / file, "wb") as handle:
                handle.write(tag + file.encode())
        return {}

    return run


@pytest.mark.parametrize("name", lab.EXPERIMENTS)
def test_every_experiments_folder_is_wholly_old_or_new_after_a_fault_at_any_point(
    name, tmp_path, monkeypatch, capsys
):
    module = lab.load(name)
    argv = [name, "--quick", "--out", str(tmp_path), "--no-progress"]
    folder = tmp_path / name
    expected = {file: b"new " + file.encode() for file in files_of(name)}
    with monkeypatch.context() as patch:
        patch.setattr(module, "run", stand_in(name, b"old "))
        assert main(argv) == 0
    old = snapshot(folder)
    assert sorted(old) == sorted(files_of(name))
    monkeypatch.setattr(module, "run", stand_in(name, b"new "))
    # a swap over an old folder renames twice: old -> backup, staging -> folder
    for kind, n in fault_plan(len(expected), 2):
        with monkeypatch.context() as patch:
            Faults(patch, kind, n)
            code = main(argv)
        err = capsys.readouterr().err
        assert code == 1, (kind, n)
        assert "Traceback" not in err
        check_whole(folder, old, expected, err, failed=True)
    assert main(argv) == 0
    assert "done" in capsys.readouterr().out
    check_whole(folder, old, expected, "", failed=False)


def test_a_first_run_that_fails_leaves_no_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(lab.load("xor"), "run", stand_in("xor", b"new "))
    for kind, n in fault_plan(len(files_of("xor")), 1):  # no old folder: one rename
        with monkeypatch.context() as patch:
            Faults(patch, kind, n)
            assert main(["xor", "--out", str(tmp_path), "--no-progress"]) == 1
        check_whole(tmp_path / "xor", None, None, capsys.readouterr().err, failed=True)


@pytest.mark.slow
def test_real_xor_run_fails_after_every_file_and_keeps_the_old_set(tmp_path, monkeypatch, capsys):
    """xor's own code (figures by save_figure, metrics.json by write_metrics), failing at each step."""
    common = ["xor", "--quick", "--seeds", "1", "--out", str(tmp_path), "--no-progress"]
    assert main(common) == 0
    folder = tmp_path / "xor"
    old = snapshot(folder)
    assert sorted(old) == sorted(files_of("xor"))  # the name constants are the whole set
    argv = [*common, "--seed", "7"]
    for kind, n in fault_plan(len(old), 2):
        with monkeypatch.context() as patch:
            faults = Faults(patch, kind, n)
            assert main(argv) == 1, (kind, n)
        assert faults.count >= n  # the fault was reached (a rollback renames again)
        check_whole(folder, old, None, capsys.readouterr().err, failed=True)
    assert main(argv) == 0
    new = snapshot(folder)
    assert new.keys() == old.keys()
    assert new != old
    assert leftovers(tmp_path) == []


# ------------------------------------------------------------------ the report
REPORT_FILES = ("report.typ", "report.pdf", "report.ipynb")


@pytest.fixture
def quick_report(monkeypatch):
    """``build_report`` with stand-ins for the sections, Typst and the kernel: only the writes are real."""
    pytest.importorskip("nbformat", reason="the report needs the 'report' extra")
    import nbformat

    import mlplab.report
    from mlplab.report import render_notebook, render_typst, sections

    class Contents:
        blocks, facts, tables = [], {}, {}

    tag = {"value": "new"}
    monkeypatch.setattr(mlplab.report, "load_metrics", lambda out: {key: {} for key in lab.EXPERIMENTS})
    monkeypatch.setattr(sections, "assemble", lambda metrics, text, lang: Contents())
    monkeypatch.setattr(render_typst, "render", lambda *args: f"typ {tag['value']}")
    monkeypatch.setattr(render_typst, "compile_pdf", lambda source, root: f"%PDF- {tag['value']}".encode())

    def notebook(*args):
        nb = nbformat.v4.new_notebook()
        nb.metadata["tag"] = tag["value"]
        return nb

    monkeypatch.setattr(render_notebook, "render", notebook)
    monkeypatch.setattr(render_notebook, "execute", lambda nb, cwd, timeout, progress=None: nb)
    return tag


def report_state(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in REPORT_FILES if (out / name).exists()}


def test_the_reports_files_are_wholly_old_or_new_after_a_fault_at_any_point(
    tmp_path, monkeypatch, capsys, quick_report
):
    argv = ["report", "--out", str(tmp_path), "--no-progress"]
    quick_report["value"] = "old"
    assert main(argv) == 0
    old = report_state(tmp_path)
    assert sorted(old) == sorted(REPORT_FILES)
    quick_report["value"] = "new"
    # three files written, then three moved aside and three moved in
    for kind, n in fault_plan(len(REPORT_FILES), 2 * len(REPORT_FILES)):
        with monkeypatch.context() as patch:
            Faults(patch, kind, n)
            code = main(argv)
        err = capsys.readouterr().err
        assert code == 1, (kind, n)
        assert report_state(tmp_path) == old, (kind, n)
        assert f"{tmp_path / 'report.pdf'}, report.ipynb, report.typ: the earlier complete set" in err
        assert leftovers(tmp_path) == []
    assert main(argv) == 0
    new = report_state(tmp_path)
    assert sorted(new) == sorted(REPORT_FILES)
    assert all(b"new" in content for content in new.values())
    assert leftovers(tmp_path) == []


def test_sigterm_during_the_typst_compile_leaves_no_scratch_file(tmp_path, monkeypatch, capsys, quick_report):
    """compile_pdf writes ``.report.typ`` next to the results; a signal then must not leave it behind."""
    import signal
    import time

    from mlplab.report import render_typst

    argv = ["report", "--out", str(tmp_path), "--no-progress"]
    quick_report["value"] = "old"
    assert main(argv) == 0
    old = report_state(tmp_path)

    def compile_pdf(source, root):
        (root / ".report.typ").write_text(source)  # as the real one does, then the compile is cut short
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
        raise AssertionError("SIGTERM was not delivered")

    monkeypatch.setattr(render_typst, "compile_pdf", compile_pdf)
    assert main(argv) == 143
    err = capsys.readouterr().err
    assert "interrupted. Stopped by SIGTERM." in err
    assert "the earlier complete set is unchanged" in err
    assert report_state(tmp_path) == old
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_all_stopped_at_any_step_keeps_each_folder_whole_and_says_which(
    tmp_path, monkeypatch, capsys, quick_report
):
    """``mlplab all`` stopped by SIGTERM in the k-th experiment (or in the report), for every k."""
    import signal

    from mlplab.lab._signals import Interrupted
    from mlplab.report import render_typst

    names = list(lab.available())  # in the order `all` runs them
    argv = ["all", "--quick", "--jobs", "1", "--out", str(tmp_path), "--no-progress"]  # in this process
    quick_report["value"] = "old"
    with monkeypatch.context() as patch:
        for name in names:
            patch.setattr(lab.load(name), "run", stand_in(name, b"old "))
        assert main(argv) == 0
    old = {name: snapshot(tmp_path / name) for name in names}
    old_report = report_state(tmp_path)
    quick_report["value"] = "new"

    def stopped(*args, **kwargs):
        raise Interrupted(signal.SIGTERM)

    for k in range(len(names) + 1):
        with monkeypatch.context() as patch:
            for i, name in enumerate(names):
                run = stand_in(name, f"new {k} ".encode()) if i < k else stopped
                patch.setattr(lab.load(name), "run", run)
            patch.setattr(render_typst, "compile_pdf", stopped)
            assert main(argv) == 143
        err = capsys.readouterr().err
        assert "mlplab all: interrupted. Stopped by SIGTERM." in err
        new = [name for i, name in enumerate(names) if i < k]
        for name in names:
            state = snapshot(tmp_path / name)
            if name in new:
                assert state == {file: f"new {k} {file}".encode() for file in files_of(name)}, (k, name)
            else:
                assert state == old[name], (k, name)
        if new:
            assert "New and complete: " + ", ".join(f"{tmp_path / name}/" for name in new) + "." in err
        if k < len(names):
            assert f"{tmp_path / names[k]}/: the earlier complete set is unchanged" in err
        else:
            assert "report.ipynb, report.typ: the earlier complete set is unchanged" in err
            assert "The earlier report does not show these new results" in err
        assert report_state(tmp_path) == old_report
        assert leftovers(tmp_path) == []


# ------------------------------------------------------------------ --out, checked before any work
@pytest.mark.parametrize("command", ["xor", "all", "report"])
def test_an_out_that_cannot_be_written_is_a_usage_error_before_any_work(
    command, tmp_path, monkeypatch, capsys
):
    def never(*args, **kwargs):
        raise AssertionError("ran although --out cannot be written")

    for name in lab.EXPERIMENTS:
        monkeypatch.setattr(lab.load(name), "run", never)
    a_file = tmp_path / "afile.txt"
    a_file.write_text("x")
    cases = {
        "": "must name a folder, got ''",
        str(a_file): f"{str(a_file)!r} is not a folder",
        str(a_file / "sub"): f"cannot write into {str(a_file / 'sub')!r}: Not a directory",
    }
    for out, message in cases.items():
        with pytest.raises(SystemExit) as info:
            main([command, "--quick", "--out", out, "--no-progress"])
        assert info.value.code == 2
        assert f"argument --out: {message}" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile.txt"]


# ------------------------------------------------------------------ after a SIGKILL
def dead_pid() -> int:
    import subprocess

    proc = subprocess.Popen(["true"])
    proc.wait(timeout=60)
    return proc.pid


def test_what_a_killed_process_left_is_put_right_by_the_next_run(tmp_path, monkeypatch, capsys):
    """Killed between the two renames: no ``xor/``, the old set in a backup; the next run restores it."""
    monkeypatch.setattr(lab.load("xor"), "run", stand_in("xor", b"new "))
    dead, alive = dead_pid(), os.getppid()
    backup = tmp_path / f".xor.old-{dead}-abcd"
    backup.mkdir()
    (backup / "metrics.json").write_text("old")
    (tmp_path / f".xor.staging-{dead}-abcd").mkdir()  # the killed process's complete new set
    someone_elses = tmp_path / f".xor.staging-{alive}-efgh"  # a live process's: not ours to touch
    someone_elses.mkdir()
    with monkeypatch.context() as patch:
        Faults(patch, "write", 1)
        assert main(["xor", "--out", str(tmp_path), "--no-progress"]) == 1
    assert snapshot(tmp_path / "xor") == {"metrics.json": b"old"}
    assert "xor/: the earlier complete set is unchanged" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["xor", someone_elses.name])
    # a backup next to a folder that is in place: the swap had finished, the backup goes
    (tmp_path / f".xor.old-{dead}-ijkl").mkdir()
    assert main(["xor", "--out", str(tmp_path), "--no-progress"]) == 0
    assert snapshot(tmp_path / "xor") == {file: b"new " + file.encode() for file in files_of("xor")}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["xor", someone_elses.name])


def test_a_report_swap_cut_short_by_a_kill_gets_its_old_files_back(tmp_path, monkeypatch, quick_report):
    staging = tmp_path / f".report.staging-{dead_pid()}-abcd"
    (staging / ".old").mkdir(parents=True)
    for name in REPORT_FILES:  # all three moved aside, one new one moved in, then the kill
        (staging / ".old" / name).write_text(f"old {name}")
    (tmp_path / "report.typ").write_text("new report.typ")
    with monkeypatch.context() as patch:
        Faults(patch, "write", 1)
        assert main(["report", "--out", str(tmp_path), "--no-progress"]) == 1
    assert report_state(tmp_path) == {name: f"old {name}".encode() for name in REPORT_FILES}
    assert leftovers(tmp_path) == []
