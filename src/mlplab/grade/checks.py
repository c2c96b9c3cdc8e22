"""Every check, in the sheet's order, and every feedback message, in English and German.

The checks live beside what they test (:mod:`~mlplab.grade.check_model`:
API, initialisation, forward pass, the numerical example, backward pass;
:mod:`~mlplab.grade.check_training`: training loop, predict/score,
vectorisation and the bonus optimisers). This module puts them in one list,
joins their message tables with the grader's own (loading, the runner,
conventions), and says when a check cannot run.

Points follow the sheet's scheme: task 2.1 is worth 35 points, the bonus
section 15 more; bonus points are extra credit, not part of ``max_score``.
"""

from __future__ import annotations

from . import check_model, check_training
from .base import BONUS, CRITERIA, Check

__all__ = ["BONUS_MAX", "CHECKS", "MAX_SCORE", "MESSAGES", "POINTS", "unmet_needs"]

#: points per criterion: the sheet's 35 for task 2.1, and its +15 for the bonus
POINTS = {
    "api": 3,
    "initialization": 5,
    "forward": 3,
    "numeric_example": 4,
    "backward": 9,
    "training_loop": 6,
    "predict_score": 3,
    "vectorization": 2,
    "momentum": 5,
    "l2": 5,
    "adaptive": 5,
}
MAX_SCORE = sum(points for criterion, points in POINTS.items() if criterion not in BONUS)
BONUS_MAX = sum(POINTS[criterion] for criterion in BONUS)

CHECKS: list[Check] = sorted(
    [*check_model.CHECKS, *check_training.CHECKS], key=lambda check: CRITERIA.index(check.criterion)
)

_OWN_MESSAGES = {
    "load.too_big": {
        "en": "The file has {size} bytes, more than the grader reads ({limit}).",
        "de": "Die Datei hat {size} Bytes, mehr als der Bewerter liest ({limit}).",
    },
    "load.unreadable": {
        "en": "The file could not be read: {error}",
        "de": "Die Datei konnte nicht gelesen werden: {error}",
    },
    "load.needs_nbformat": {
        "en": "Reading a notebook needs nbformat: pip install 'mlplab[grade]'.",
        "de": "Zum Lesen eines Notebooks wird nbformat gebraucht: pip install 'mlplab[grade]'.",
    },
    "load.bad_notebook": {
        "en": "The notebook is not a valid .ipynb file: {error}",
        "de": "Das Notebook ist keine gültige .ipynb-Datei: {error}",
    },
    "load.magics_skipped": {
        "en": "{count} IPython lines (magics, shell commands) were skipped.",
        "de": "{count} IPython-Zeilen (Magics, Shell-Befehle) wurden übersprungen.",
    },
    "load.statements_skipped": {
        "en": "{count} top-level statements that no class or function uses (experiments, plots) "
        "were not run; only the definitions were.",
        "de": "{count} Anweisungen auf oberster Ebene, die keine Klasse und keine Funktion braucht "
        "(Experimente, Plots), wurden nicht ausgeführt, nur die Definitionen.",
    },
    "load.import_failed": {
        "en": "The import in line {line} failed ({error}); the grader went on without it.",
        "de": "Der Import in Zeile {line} schlug fehl ({error}); der Bewerter machte ohne ihn weiter.",
    },
    "load.class_renamed": {
        "en": "There is no class MLP; the class {name} has _forward and _backward and was graded instead.",
        "de": "Es gibt keine Klasse MLP; die Klasse {name} hat _forward und _backward und wurde "
        "stattdessen bewertet.",
    },
    "load.timeout": {
        "en": "Loading the code took longer than {seconds} s and was stopped (an endless loop at import?).",
        "de": "Das Laden des Codes dauerte länger als {seconds} s und wurde abgebrochen "
        "(eine Endlosschleife beim Import?).",
    },
    "load.syntax": {
        "en": "The code does not parse: line {line}: {error}.",
        "de": "Der Code ist kein gültiges Python: Zeile {line}: {error}.",
    },
    "load.raised": {
        "en": "Loading the code raised {error} (line {line}).",
        "de": "Beim Laden des Codes trat {error} auf (Zeile {line}).",
    },
    "load.no_class": {
        "en": "There is no class MLP (classes found: {names}).",
        "de": "Es gibt keine Klasse MLP (gefundene Klassen: {names}).",
    },
    "load.not_graded": {
        "en": "Not graded: the code could not be loaded.",
        "de": "Nicht bewertet: Der Code konnte nicht geladen werden.",
    },
    "load.killed": {
        "en": "The process ended while loading the code ({how}).",
        "de": "Der Prozess endete beim Laden des Codes ({how}).",
    },
    "conventions.timeout": {
        "en": "Constructing the class to find how it stores its weights took longer than {seconds} s; "
        "the checks that need the weights were skipped.",
        "de": "Die Klasse zu konstruieren, um herauszufinden, wie sie ihre Gewichte speichert, dauerte "
        "länger als {seconds} s; die Prüfungen, die die Gewichte brauchen, wurden übersprungen.",
    },
    "conventions.killed": {
        "en": "The process ended while the class was constructed to find its weights ({how}); "
        "the checks that need the weights were skipped.",
        "de": "Der Prozess endete, als die Klasse konstruiert wurde, um ihre Gewichte zu finden ({how}); "
        "die Prüfungen, die die Gewichte brauchen, wurden übersprungen.",
    },
    "conventions.raised": {
        "en": "Constructing the class to find how it stores its weights raised {error}; "
        "the checks that need the weights were skipped.",
        "de": "Beim Konstruieren der Klasse, um ihre Gewichte zu finden, trat {error} auf; "
        "die Prüfungen, die die Gewichte brauchen, wurden übersprungen.",
    },
    "runner.timeout": {
        "en": "Stopped after {seconds} s: the check took too long (an endless loop, or far too slow).",
        "de": "Nach {seconds} s abgebrochen: Die Prüfung dauerte zu lange (eine Endlosschleife oder viel "
        "zu langsam).",
    },
    "runner.killed": {
        "en": "The process ended during this check ({how}).",
        "de": "Der Prozess endete während dieser Prüfung ({how}).",
    },
    "runner.raised": {
        "en": "Your code raised {error}.",
        "de": "Ihr Code löste {error} aus.",
    },
    "runner.raised_at": {
        "en": "Your code raised {error} (line {line}).",
        "de": "Ihr Code löste {error} aus (Zeile {line}).",
    },
    "runner.not_run": {
        "en": "Not run: the submission's time limit of {seconds} s was used up.",
        "de": "Nicht ausgeführt: Das Zeitlimit der Abgabe von {seconds} s war aufgebraucht.",
    },
    "runner.skipped": {
        "en": "Skipped: {why}",
        "de": "Übersprungen: {why}",
    },
    "runner.no_feature": {
        "en": "Not found: no constructor keyword switches on this bonus feature.",
        "de": "Nicht gefunden: Kein Konstruktor-Argument schaltet diese Bonusfunktion ein.",
    },
    "runner.no_conventions": {
        "en": "Skipped: the grader could not find how the class stores its weights.",
        "de": "Übersprungen: Der Bewerter fand nicht heraus, wie die Klasse ihre Gewichte speichert.",
    },
    "output.truncated": {
        "en": "The submission printed {printed} bytes; the first {kept} were kept.",
        "de": "Die Abgabe gab {printed} Bytes aus; die ersten {kept} wurden behalten.",
    },
    "output.file_limit": {
        "en": "The submission's output reached the file-size limit of {limit} bytes.",
        "de": "Die Ausgabe der Abgabe erreichte die Dateigrößen-Grenze von {limit} Bytes.",
    },
}


def _joined(*tables: dict) -> dict:
    joined: dict = {}
    for table in tables:
        for key, texts in table.items():
            if key in joined:
                raise ValueError(f"message {key!r} is defined twice")
            joined[key] = texts
    return joined


MESSAGES = _joined(_OWN_MESSAGES, check_model.MESSAGES, check_training.MESSAGES)


def unmet_needs(check: Check, student) -> tuple[str, dict] | None:
    """Why ``check`` cannot run for ``student`` (a message key and params), or ``None`` if it can."""
    for need in check.needs:
        if student is None:
            return "runner.no_conventions", {}
        if need in BONUS:
            if not student.has(need):
                return "runner.no_feature", {}
        elif not student.has(need):
            return "runner.skipped", {"why": student.missing.get(need, need)}
    return None


def _check_points() -> None:
    """The checks of each criterion add up to the criterion's points (a programming error otherwise)."""
    totals = dict.fromkeys(CRITERIA, 0.0)
    for check in CHECKS:
        totals[check.criterion] += check.points
    wrong = {c: t for c, t in totals.items() if abs(t - POINTS[c]) > 1e-9}
    if wrong:
        raise ValueError(f"the checks' points do not add up to the sheet's: {wrong} vs {POINTS}")
    ids = [check.id for check in CHECKS]
    if len(set(ids)) != len(ids):
        raise ValueError(f"check ids must be unique: {ids}")


_check_points()
