"""Numbers for the prose, read from the results and formatted for one language.

Every number that the discussion mentions is a fact computed here from the
experiments' ``metrics.json`` (or from the library, for task 1.2), so the text
and the results cannot disagree.
"""

from __future__ import annotations

from .. import __version__
from ..trace import sheet_trace
from .tables import sheet_gradient_check
from .text import fmt_num, fmt_pct, fmt_sci

__all__ = ["facts"]


def facts(metrics: dict[str, dict], lang: str) -> dict[str, str]:
    """All placeholders the prose may use, as formatted strings."""
    f: dict[str, str] = {"version": __version__}
    seeds = sorted({str(m.get("seed")) for m in metrics.values()})
    f["seed"] = ", ".join(seeds) if seeds else "0"
    f["quick_note"] = ""
    if any(m.get("quick") for m in metrics.values()):
        f["quick_note"] = "quick"

    trace = sheet_trace()
    f["trace_yhat"] = fmt_num(trace["y_hat"], 6, lang)
    f["trace_loss"] = fmt_num(trace["loss"], 6, lang)
    f["trace_dz3"] = fmt_num(trace["dL_dz3"], 6, lang)
    check = sheet_gradient_check()
    f["gradcheck_max"] = fmt_sci(check.max_error, lang)
    f["gradcheck_overall"] = fmt_sci(check.overall, lang)

    if "xor" in metrics:
        m = metrics["xor"]
        main, settings = m["results"]["main_run"], m["settings"]
        f["xor_accuracy"] = fmt_pct(main["accuracy"], lang, 0)
        f["xor_epochs"] = str(settings["epochs"])
        f["xor_lr"] = fmt_num(settings["learning_rate"], 2, lang)
        f["xor_activation"] = settings["activation"]
        f["xor_final_loss"] = fmt_num(main["final_loss"], 4, lang)
        e100 = main["epochs_to_100_percent"]
        f["xor_epochs_to_100"] = str(e100) if e100 is not None else "–"
        rates = m["results"]["success_rate"]
        for activation, entry in rates.items():
            f[f"xor_solved_{activation}"] = f"{entry['solved']}/{entry['seeds']}"
        f["xor_seeds"] = str(settings["seeds_per_activation"])
    return f
