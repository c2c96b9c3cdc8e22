"""Grade a file or a folder: read each submission, run its checks in the sandbox, render the feedback.

:func:`grade` is the one entry: ``grade("alice.py")`` or ``grade("submissions/", jobs=2)``
returns one result dict per submission in the contract of
:mod:`mlplab.grade.formats` (``{"submission", "score", "max_score", "checks": [...]}``
and its documented extras), feedback written in ``lang``.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .base import BONUS, LANGS, render
from .checks import BONUS_MAX, CHECKS, MAX_SCORE, MESSAGES
from .sandbox import Limits, RawResult, kill_all, run_submission
from .submission import MODES, find_submissions, read_source

__all__ = ["grade", "render_result"]


def grade(
    path: str | os.PathLike,
    *,
    lang: str = "en",
    limits: Limits | None = None,
    jobs: int = 1,
    mode: str = "definitions",
    checks: list[str] | None = None,
) -> list[dict]:
    """Grade every submission at ``path`` (a ``.py``, a ``.ipynb`` or a folder of them).

    Raises :class:`~mlplab.grade.submission.SubmissionError` (a ``ValueError``)
    when ``path`` holds nothing to grade, ``ValueError`` for a bad ``lang``,
    ``jobs``, ``mode`` or check id: all before any submission runs. A
    submission's own faults never raise: they are in its result.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= 256:
        raise ValueError(f"jobs must be an int in [1, 256], got {jobs!r}")
    known = [check.id for check in CHECKS]
    check_ids = known if checks is None else list(checks)
    unknown = [c for c in check_ids if c not in known]
    if unknown:
        raise ValueError(f"checks: unknown check id(s) {unknown}; known: {known}")
    limits = limits or Limits()
    path = Path(path)
    files = find_submissions(path)
    names = [str(f.relative_to(path)) if path.is_dir() else f.name for f in files]

    def one(index: int) -> dict:
        raw = run_submission(read_source(files[index], names[index]), check_ids, limits, mode)
        return render_result(raw, lang, check_ids)

    if jobs == 1 or len(files) == 1:
        try:
            return [one(i) for i in range(len(files))]
        except BaseException:
            kill_all()
            raise
    executor = ThreadPoolExecutor(max_workers=min(jobs, len(files)))
    try:
        return list(executor.map(one, range(len(files))))
    except BaseException:  # Ctrl-C: no worker outlives the grader
        executor.shutdown(wait=False, cancel_futures=True)
        kill_all()
        raise
    finally:
        executor.shutdown(wait=True)


def render_result(raw: RawResult, lang: str, check_ids: list[str] | None = None) -> dict:
    """The result dict of one submission, its feedback in ``lang``."""
    selected = [c for c in CHECKS if check_ids is None or c.id in check_ids]
    rows = []
    for check in selected:
        found = raw.checks.get(check.id)
        if found is None:
            found = {"score": 0.0, "key": "load.not_graded", "params": {}}
        score = round(float(found["score"]), 6)
        rows.append(
            {
                "id": check.id,
                "criterion": check.criterion,
                "score": score,
                "max_score": float(check.points),
                "passed": score >= check.points - 1e-9,
                "bonus": check.criterion in BONUS,
                "feedback": render(MESSAGES, found["key"], found["params"], lang),
                "details": [render(MESSAGES, key, params, lang) for key, params in found.get("details", ())],
            }
        )
    notes = [render(MESSAGES, key, params, lang) for key, params in raw.notes]
    if raw.load_error is not None:
        notes.insert(0, render(MESSAGES, *raw.load_error, lang))
    bonus_score = sum(row["score"] for row in rows if row["bonus"])
    return {
        "submission": raw.submission,
        "score": round(sum(row["score"] for row in rows), 6),
        "max_score": float(MAX_SCORE),
        "bonus_score": round(bonus_score, 6),
        "bonus_max": float(BONUS_MAX),
        "status": raw.status,
        "checks": rows,
        "conventions": dict(raw.conventions),
        "notes": notes,
        "output": raw.output,
        "seconds": round(raw.seconds, 3),
    }
