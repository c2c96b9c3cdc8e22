"""The outputs of ``mlplab grade``: a terminal table, JSON, Markdown, Gradescope's ``results.json``, CSV.

Every producer here takes *result dicts*, one per submission, whose
feedback is already rendered in the chosen language::

    {"submission": "alice.py", "score": 33.5, "max_score": 35.0,
     "bonus_score": 5.0, "bonus_max": 15.0, "status": "graded",      # or "failed"
     "checks": [{"id": "backward.gradients", "criterion": "backward", "score": 6.0,
                 "max_score": 9.0, "passed": False, "bonus": False,
                 "feedback": "one line", "details": ["more lines", ...]}, ...],
     "conventions": {"weights": "...", ...}, "notes": ["...", ...], "seconds": 3.2}

``score`` includes the bonus points earned (extra credit, like the sheet's
"+15"); ``max_score`` is the 35 of task 2.1 without the bonus. ``status`` is
``"failed"`` when the submission could not be loaded (a syntax error, no
``MLP`` class, killed at import); its ``notes`` say why.

The producers return strings (or a dict); writing files is the caller's.
They are deterministic: the order of checks and submissions is kept, points
are rounded to :data:`DECIMALS` places, and timings are left out, so grading
the same submissions twice gives identical output.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import textwrap
from collections.abc import Iterable, Mapping, Sequence

from mlplab.grade.base import BONUS, CRITERIA, LANGS

#: decimal places points are rounded to in every output (partial credit such as 2/3 of a point)
DECIMALS = 4

#: the words of the headings, per language
HEADINGS: dict[str, dict[str, str]] = {
    "points": {"en": "Points", "de": "Punkte"},
    "check": {"en": "Check", "de": "Prüfung"},
    "submission": {"en": "Submission", "de": "Abgabe"},
    "criterion": {"en": "Criterion", "de": "Kriterium"},
    "result": {"en": "Result", "de": "Ergebnis"},
    "feedback": {"en": "Feedback", "de": "Rückmeldung"},
    "title": {"en": "Feedback", "de": "Rückmeldung"},
    "checks": {"en": "Checks", "de": "Prüfungen"},
    "details": {"en": "Details", "de": "Einzelheiten"},
    "total": {"en": "Total", "de": "Gesamt"},
    "bonus_part": {"en": "bonus", "de": "Bonus"},
    "bonus": {"en": "bonus", "de": "Bonus"},
    "bonus_legend": {
        "en": "+ bonus check (extra credit, beyond the {max_score} points)",
        "de": "+ Bonusprüfung (Zusatzpunkte, über die {max_score} Punkte hinaus)",
    },
    "passed": {"en": "passed", "de": "bestanden"},
    "partial": {"en": "partly", "de": "teilweise"},
    "failed": {"en": "failed", "de": "nicht bestanden"},
    "conventions": {"en": "Conventions found", "de": "Gefundene Konventionen"},
    "no_conventions": {"en": "none found", "de": "keine gefunden"},
    "notes": {"en": "Notes", "de": "Hinweise"},
    "no_checks": {"en": "No check was run.", "de": "Es wurde keine Prüfung ausgeführt."},
    "status_graded": {"en": "graded", "de": "bewertet"},
    "status_failed": {
        "en": "could not be graded (see the notes)",
        "de": "konnte nicht bewertet werden (siehe Hinweise)",
    },
}

_CHECK_KEYS = ("id", "criterion", "score", "max_score", "passed", "feedback")
#: keys of a check beyond the issue's contract, written to JSON as documented extras
CHECK_EXTRAS = ("bonus", "details")
#: keys of a result beyond the issue's contract, written to JSON as documented extras ("seconds" is not:
#: a timing would make two gradings of one file differ)
RESULT_EXTRAS = ("status", "bonus_score", "bonus_max", "conventions", "notes")
_VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")


def heading(word: str, lang: str) -> str:
    """The heading ``word`` (a key of :data:`HEADINGS`) in ``lang``."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return HEADINGS[word][lang]


# ---------------------------------------------------------------- the input, checked once


def _number(value: object, name: str) -> float:
    if isinstance(value, bool) or (not isinstance(value, (int, float)) and not hasattr(value, "__float__")):
        raise TypeError(f"{name} must be a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value!r}")
    rounded = round(number, DECIMALS)
    return rounded + 0.0  # -0.0 -> 0.0


def _normal_check(check: Mapping, where: str) -> dict:
    if not isinstance(check, Mapping):
        raise TypeError(f"{where} must be a dict, got {type(check).__name__}")
    missing = [key for key in _CHECK_KEYS if key not in check]
    if missing:
        raise ValueError(f"{where} lacks {', '.join(missing)}: got keys {sorted(check)}")
    details = check.get("details") or ()
    if isinstance(details, str):
        details = (details,)
    return {
        "id": str(check["id"]),
        "criterion": str(check["criterion"]),
        "score": _number(check["score"], f"{where}['score']"),
        "max_score": _number(check["max_score"], f"{where}['max_score']"),
        "passed": bool(check["passed"]),
        "feedback": str(check["feedback"]),
        "bonus": bool(check.get("bonus", check["criterion"] in BONUS)),
        "details": [str(line) for line in details],
    }


def _normal(result: Mapping) -> dict:
    """The result with the contract's keys checked, numbers rounded and the optional keys filled in."""
    if not isinstance(result, Mapping):
        raise TypeError(f"result must be a dict, got {type(result).__name__}")
    missing = [key for key in ("submission", "score", "max_score", "checks") if key not in result]
    if missing:
        raise ValueError(f"result lacks {', '.join(missing)}: got keys {sorted(result)}")
    name = str(result["submission"])
    checks = [_normal_check(check, f"{name}: checks[{i}]") for i, check in enumerate(result["checks"])]
    notes = result.get("notes") or ()
    if isinstance(notes, str):
        notes = (notes,)
    return {
        "submission": name,
        "score": _number(result["score"], f"{name}: score"),
        "max_score": _number(result["max_score"], f"{name}: max_score"),
        "checks": checks,
        "status": str(result.get("status", "graded")),
        "bonus_score": _number(result.get("bonus_score", 0.0), f"{name}: bonus_score"),
        "bonus_max": _number(result.get("bonus_max", 0.0), f"{name}: bonus_max"),
        "conventions": {str(key): str(value) for key, value in (result.get("conventions") or {}).items()},
        "notes": [str(note) for note in notes],
    }


def points(value: float, lang: str = "en") -> str:
    """Points as a student reads them: ``6``, ``4.5``, ``2.33`` (German ``4,5``)."""
    text = f"{round(float(value), 2):.2f}".rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if lang == "de" else text


def _fraction(score: float, max_score: float, lang: str) -> str:
    return f"{points(score, lang)}/{points(max_score, lang)}"


def _core(result: dict) -> float:
    """The points of the task itself, out of ``max_score`` (``score`` holds the bonus too)."""
    return result["score"] - result["bonus_score"]


def _total_line(result: dict, lang: str) -> str:
    """``Total: 28.5/35 + bonus 5/15``: the task's points, then the extra credit apart."""
    line = f"{heading('total', lang)}: {_fraction(_core(result), result['max_score'], lang)}"
    if result["bonus_max"] or result["bonus_score"]:
        bonus = _fraction(result["bonus_score"], result["bonus_max"], lang)
        line += f" + {heading('bonus_part', lang)} {bonus}"
    return line


def _status(result: dict, lang: str) -> str:
    key = f"status_{result['status']}"
    return heading(key, lang) if key in HEADINGS else result["status"]


def _one_line(text: str) -> str:
    """``text`` on one line, control characters (a student's ANSI escapes, say) shown as ``\\x1b``."""
    text = " ".join(text.split())
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, an ellipsis marking what was cut."""
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + "…" if width > 0 else ""


# ---------------------------------------------------------------- JSON


def _json_result(result: dict) -> dict:
    return {
        "submission": result["submission"],
        "score": result["score"],
        "max_score": result["max_score"],
        "checks": [{key: check[key] for key in _CHECK_KEYS + CHECK_EXTRAS} for check in result["checks"]],
        **{key: result[key] for key in RESULT_EXTRAS},
    }


def to_json(result_or_results: Mapping | Sequence[Mapping]) -> str:
    """The issue's JSON contract: one object for a submission, a list of them for a folder.

    ``{"submission", "score", "max_score", "checks": [{"id", "criterion",
    "score", "max_score", "passed", "feedback"}]}``, plus the documented
    extras :data:`RESULT_EXTRAS` and, per check, :data:`CHECK_EXTRAS`.
    Checks and submissions keep their order; points are rounded to
    :data:`DECIMALS` places; timings (``seconds``) are left out. UTF-8
    (``ensure_ascii=False``), indented by 2, with a trailing newline.
    """
    if isinstance(result_or_results, Mapping):
        data: object = _json_result(_normal(result_or_results))
    else:
        data = [_json_result(_normal(result)) for result in result_or_results]
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# ---------------------------------------------------------------- terminal table


def to_table(result: Mapping, lang: str = "en", width: int = 100) -> str:
    """A terminal table: per check its points (``6/9``; ``4,5/9`` in German), id and one line of feedback.

    Lines are at most ``width`` characters: the feedback is cut to fit,
    with an ellipsis. Bonus checks are marked ``+``. Below the rows: the
    total, the conventions found and the notes (wrapped to ``width``).
    """
    heading("total", lang)  # checks lang
    if width < 20:
        raise ValueError(f"width must be at least 20, got {width!r}")
    result = _normal(result)
    checks = result["checks"]
    lines = [_cut(f"{_one_line(result['submission'])}: {_status(result, lang)}", width)]
    if checks:
        point_texts = [_fraction(c["score"], c["max_score"], lang) for c in checks]
        points_width = max(len(heading("points", lang)), *map(len, point_texts))
        id_width = min(max(len(heading("check", lang)), *(len(c["id"]) for c in checks)), 32)
        feedback_width = max(width - points_width - id_width - 5, 0)

        def row(mark: str, pts: str, check_id: str, feedback: str) -> str:
            line = f"{pts:>{points_width}} {mark} {_cut(check_id, id_width):<{id_width}}  {feedback}"
            return _cut(line.rstrip(), width)

        lines.append(row(" ", heading("points", lang), heading("check", lang), heading("feedback", lang)))
        lines.append(_cut(f"{'-' * points_width}   {'-' * id_width}  {'-' * feedback_width}", width))
        for check, pts in zip(checks, point_texts):
            feedback = _cut(_one_line(check["feedback"]), feedback_width)
            lines.append(row("+" if check["bonus"] else " ", pts, check["id"], feedback))
    else:
        lines.append(heading("no_checks", lang))
    lines.append(_cut(_total_line(result, lang), width))
    if any(check["bonus"] for check in checks):
        lines.append(
            _cut(heading("bonus_legend", lang).format(max_score=points(result["max_score"], lang)), width)
        )
    lines.append("")
    lines.append(f"{heading('conventions', lang)}:")
    if result["conventions"]:
        for key, value in result["conventions"].items():
            lines.extend(
                textwrap.wrap(
                    f"{key}: {_one_line(value)}", width, initial_indent="  ", subsequent_indent="    "
                )
            )
    else:
        lines.append(f"  {heading('no_conventions', lang)}")
    if result["notes"]:
        lines.append(f"{heading('notes', lang)}:")
        for note in result["notes"]:
            lines.extend(
                textwrap.wrap(_one_line(note), width, initial_indent="  - ", subsequent_indent="    ")
            )
    return "\n".join(lines) + "\n"


def to_summary_table(results: Iterable[Mapping], lang: str = "en", width: int = 100) -> str:
    """A folder at a glance: one line per submission (points, bonus, status, name), in the order given."""
    heading("total", lang)
    rows = [_normal(result) for result in results]
    texts = [
        (
            _fraction(_core(r), r["max_score"], lang),
            "+" + _fraction(r["bonus_score"], r["bonus_max"], lang)
            if r["bonus_max"] or r["bonus_score"]
            else "",
            r,
        )
        for r in rows
    ]
    points_width = max([len(heading("points", lang)), *(len(t[0]) for t in texts)])
    bonus_width = max([len(heading("bonus", lang)), *(len(t[1]) for t in texts)])
    lines = [
        f"{heading('points', lang):>{points_width}}  {heading('bonus', lang):>{bonus_width}}  "
        f"{heading('submission', lang)}"
    ]
    for pts, bonus, r in texts:
        line = f"{pts:>{points_width}}  {bonus:>{bonus_width}}  {_one_line(r['submission'])}"
        if r["status"] != "graded":
            line += f": {_status(r, lang)}"
        lines.append(line)
    return "\n".join(_cut(line.rstrip(), width) for line in lines) + "\n"


# ---------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    """``text`` safe in Markdown prose: characters that would start emphasis, HTML or code escaped."""
    for char in "\\`*<>[]":
        text = text.replace(char, "\\" + char)
    return text


def _md_cell(text: str) -> str:
    return _md(_one_line(text)).replace("|", "\\|")


def to_markdown(result: Mapping, lang: str = "en") -> str:
    """A feedback file for the student: title, total, a table of the checks, then each check's feedback.

    After the table, one section per check with its feedback and details,
    then the conventions found and the notes. Headings in ``lang``.
    """
    heading("total", lang)
    result = _normal(result)
    out = [f"# {heading('title', lang)}: {_md(result['submission'])}", ""]
    out.append(f"**{_total_line(result, lang)}**")
    out.append("")
    if result["status"] != "graded":
        out.append(f"> **{_md(_status(result, lang))}**")
        out.append("")
    checks = result["checks"]
    out.append(f"## {heading('checks', lang)}")
    out.append("")
    if checks:
        out.append(
            f"| {heading('check', lang)} | {heading('criterion', lang)} | {heading('points', lang)} "
            f"| {heading('result', lang)} |"
        )
        out.append("|---|---|---:|---|")
        for check in checks:
            mark = f" ({heading('bonus', lang)})" if check["bonus"] else ""
            verdict = "passed" if check["passed"] else "partial" if check["score"] > 0 else "failed"
            out.append(
                f"| `{check['id']}`{mark} | {_md_cell(check['criterion'])} "
                f"| {_fraction(check['score'], check['max_score'], lang)} | {heading(verdict, lang)} |"
            )
        out.append("")
        out.append(f"## {heading('details', lang)}")
        for check in checks:
            mark = f" ({heading('bonus', lang)})" if check["bonus"] else ""
            out.append("")
            out.append(f"### `{check['id']}`{mark}: {_fraction(check['score'], check['max_score'], lang)}")
            out.append("")
            out.append(_md(_one_line(check["feedback"])))
            if check["details"]:
                out.append("")
                out.extend(f"- {_md(_one_line(line))}" for line in check["details"])
    else:
        out.append(heading("no_checks", lang))
    out.append("")
    out.append(f"## {heading('conventions', lang)}")
    out.append("")
    if result["conventions"]:
        out.extend(
            f"- **{_md(key)}**: {_md(_one_line(value))}" for key, value in result["conventions"].items()
        )
    else:
        out.append(heading("no_conventions", lang))
    if result["notes"]:
        out.append("")
        out.append(f"## {heading('notes', lang)}")
        out.append("")
        out.extend(f"- {_md(_one_line(note))}" for note in result["notes"])
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- Gradescope


def to_gradescope(
    result: Mapping, lang: str = "en", visibility: str = "visible", stdout_visibility: str = "hidden"
) -> dict:
    """Gradescope's autograder ``results.json`` for one submission, as a dict.

    Follows Gradescope's "Autograder Specifications" (output format): the
    top-level ``score`` (which overrides the sum of the tests; here equal to
    it), ``output`` (the total, the status, the conventions found and the
    notes), ``visibility`` and ``stdout_visibility`` (one of ``hidden``,
    ``after_due_date``, ``after_published``, ``visible``; the grader's own
    standard output stays hidden from students by default), ``extra_data``
    (``max_score``, ``bonus_score``, ``bonus_max``, ``status``, stored, not
    shown), and ``tests``: one per check with ``name``, ``number`` (the
    criterion's place in the sheet's order and the check's within it, e.g.
    ``"5.1"``), ``score``, ``max_score``, ``status`` (``passed``/``failed``,
    set explicitly: a partly right check is "failed" although it earns
    points), ``output`` (feedback and details) and ``tags`` (the criterion).
    A submission that could not be graded gets a first, informational test
    without points (``"number": "0"``, status failed) whose output is the notes.

    Extra credit: the specification has no field for it. A bonus test keeps
    its own ``max_score`` (so a student reads "3/5" for momentum), its name
    says "bonus" and it is tagged ``"extra credit"``; its points are in the
    top-level ``score``. Set the assignment's autograder points on
    Gradescope to ``max_score`` (35): Gradescope then shows e.g. 40/35.
    No ``execution_time``: the output is the same for every grading run.
    """
    for name, value in (("visibility", visibility), ("stdout_visibility", stdout_visibility)):
        if value not in _VISIBILITIES:
            raise ValueError(f"{name} must be one of {_VISIBILITIES}, got {value!r}")
    heading("total", lang)
    result = _normal(result)
    tests = []
    if result["status"] != "graded":
        # an informational test without points, as the specification allows: a red line the student sees
        tests.append(
            {
                "name": f"{result['submission']}: {_status(result, lang)}",
                "number": "0",
                "status": "failed",
                "output": "\n".join(result["notes"]),
                "visibility": visibility,
            }
        )
    within: dict[str, int] = {}
    for check in result["checks"]:
        criterion = check["criterion"]
        within[criterion] = within.get(criterion, 0) + 1
        place = CRITERIA.index(criterion) + 1 if criterion in CRITERIA else len(CRITERIA) + 1
        name = check["id"] + (f" ({heading('bonus', lang)})" if check["bonus"] else "")
        output = "\n".join([check["feedback"], *(f"- {line}" for line in check["details"])])
        tests.append(
            {
                "name": name,
                "number": f"{place}.{within[criterion]}",
                "score": check["score"],
                "max_score": check["max_score"],
                "status": "passed" if check["passed"] else "failed",
                "output": output,
                "tags": [criterion, "extra credit"] if check["bonus"] else [criterion],
                "visibility": visibility,
            }
        )
    lines = [f"{result['submission']}: {_status(result, lang)}", _total_line(result, lang)]
    if result["conventions"]:
        lines.append(f"{heading('conventions', lang)}:")
        lines.extend(f"- {key}: {value}" for key, value in result["conventions"].items())
    if result["notes"]:
        lines.append(f"{heading('notes', lang)}:")
        lines.extend(f"- {note}" for note in result["notes"])
    return {
        "score": result["score"],
        "output": "\n".join(lines),
        "output_format": "text",
        "visibility": visibility,
        "stdout_visibility": stdout_visibility,
        "extra_data": {
            "submission": result["submission"],
            "status": result["status"],
            "max_score": result["max_score"],
            "bonus_score": result["bonus_score"],
            "bonus_max": result["bonus_max"],
        },
        "tests": tests,
    }


def to_gradescope_json(result: Mapping, lang: str = "en", **options: str) -> str:
    """:func:`to_gradescope` as the text of ``results.json`` (UTF-8, indented, trailing newline)."""
    data = to_gradescope(result, lang, **options)
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# ---------------------------------------------------------------- CSV summary

#: the CSV summary's first columns; one column per criterion (its points) follows, in the sheet's order
CSV_COLUMNS = ("submission", "status", "score", "max_score", "bonus_score")


def _csv_number(value: float) -> str:
    return repr(round(value, DECIMALS) + 0.0)


def _write_csv(results: Iterable[Mapping], stream) -> None:
    writer = csv.writer(stream)
    writer.writerow([*CSV_COLUMNS, *CRITERIA])
    for raw in results:
        result = _normal(raw)
        per_criterion: dict[str, float] = {}
        for check in result["checks"]:
            per_criterion[check["criterion"]] = per_criterion.get(check["criterion"], 0.0) + check["score"]
        writer.writerow(
            [
                result["submission"],
                result["status"],
                _csv_number(result["score"]),
                _csv_number(result["max_score"]),
                _csv_number(result["bonus_score"]),
                # a criterion with no check in the result (a failed submission) is left empty, not 0
                *(_csv_number(per_criterion[c]) if c in per_criterion else "" for c in CRITERIA),
            ]
        )


def summary_csv_text(results: Iterable[Mapping]) -> str:
    """The CSV summary of a folder: a header, then one row per submission in the order given.

    Columns :data:`CSV_COLUMNS`, then one per criterion of
    :data:`~mlplab.grade.base.CRITERIA` with the points earned there
    (empty where the submission has no check of it). Numbers with a
    decimal point, whatever the feedback's language.
    """
    stream = io.StringIO(newline="")
    _write_csv(results, stream)
    return stream.getvalue()


def summary_csv(results: Iterable[Mapping], path_or_file: str | os.PathLike | io.TextIOBase) -> None:
    """Write :func:`summary_csv_text` to a path (UTF-8) or to an open text file."""
    text = summary_csv_text(results)
    if isinstance(path_or_file, (str, os.PathLike)):
        with open(path_or_file, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    else:
        path_or_file.write(text)
