"""Work kept until the new files are in place: Context.after_commit, and the sweep's resume records."""

from __future__ import annotations

import json

import pytest

from mlplab.cli import main
from mlplab.lab import _staging, sweep
from mlplab.lab._common import Context


def test_after_commit_waits_for_the_swap_and_is_dropped_when_it_fails(tmp_path, monkeypatch):
    done = []
    ctx = Context("exp", tmp_path)
    with ctx.staged():
        ctx.after_commit(lambda: done.append("first"))
        assert done == []  # not yet: the staging folder is not in place
    assert done == ["first"]

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_staging.os, "rename", refuse)
    with pytest.raises(OSError, match="could not replace"), ctx.staged():
        ctx.after_commit(lambda: done.append("second"))
    assert done == ["first"]


def test_after_commit_without_staging_runs_at_once(tmp_path):
    done = []
    Context("exp", tmp_path).after_commit(lambda: done.append(1))
    assert done == [1]


@pytest.mark.slow
def test_a_sweep_whose_swap_fails_keeps_its_resume_records(tmp_path, monkeypatch):
    pytest.importorskip("matplotlib", reason="the lab needs the 'lab' extra")
    argv = ["sweep", "--quick", "--no-progress", "--jobs", "1", "--out", str(tmp_path)]
    real_rename = _staging.os.rename

    def fail_the_swap(src, dst):
        if ".staging-" in str(src) and str(dst).endswith("sweep"):
            raise OSError(28, "No space left on device")
        return real_rename(src, dst)

    monkeypatch.setattr(_staging.os, "rename", fail_the_swap)
    assert main(argv) == 1
    records = list((tmp_path / sweep.RESUME_FOLDER).glob("*.json"))
    assert records, "the finished runs were thrown away although their table never landed"
    assert not (tmp_path / "sweep").exists()

    monkeypatch.setattr(_staging.os, "rename", real_rename)
    assert main(argv) == 0  # resumes from the records, then forgets them
    assert not (tmp_path / sweep.RESUME_FOLDER).exists()
    metrics = json.loads((tmp_path / "sweep" / "metrics.json").read_text())
    assert metrics["results"]["n_runs"] == len(records)
