"""Section 3.1 (b), tied to 2.2 (c): does the initialisation study explain the sweep's tanh cells?

The initialisation study trains one tanh network with Xavier and with He
weights; the sweep repeats its tanh cells with He-scaled weights. This
section reads both results and says whether they point the same way.
"""

from __future__ import annotations

from ...lab import initialization as init_lab
from ...lab import sweep as sweep_lab
from ..blocks import Claim
from ..text import fmt_pct
from .base import DEEPER, THEORY, Section
from .init import ACCURACY_MARGIN, _accuracy
from .sweep import he_pairs

__all__ = ["LEARNS", "SECTION", "choose_link"]

#: the mean test accuracy at which the He-scaled tanh cells count as learning the spirals
LEARNS = 0.9


def _gains(metrics: dict) -> tuple[float, float, float | None, float | None, int]:
    """Init study: tanh with Xavier and He; sweep: mean tanh cell by default and He-scaled; their count."""
    init = metrics[init_lab.NAME]
    xavier, he = _accuracy(init, "tanh", "xavier"), _accuracy(init, "tanh", "he")
    pairs = he_pairs(metrics[sweep_lab.NAME], "tanh")
    if not pairs:
        return xavier, he, None, None, 0
    default = sum(a["test_accuracy_mean"] for a, _ in pairs) / len(pairs)
    scaled = sum(b["test_accuracy_mean"] for _, b in pairs) / len(pairs)
    return xavier, he, default, scaled, len(pairs)


def choose_link(metrics: dict) -> str:
    """Both studies gain with He-scaled tanh weights (and the sweep's cells then learn, or still do not),
    only the initialisation study gains, or it does not."""
    xavier, he, default, scaled, _ = _gains(metrics)
    if he < xavier + ACCURACY_MARGIN:
        return "link_init_none"
    if default is None:
        return "link_sweep_none"
    if scaled < default + ACCURACY_MARGIN:
        return "link_init_only"
    return "link_both" if scaled >= LEARNS else "link_partial"


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The accuracies both claims quote, and how many tanh cells the sweep repeated."""
    xavier, he, default, scaled, n = _gains(metrics)
    return {
        "link_init_xavier": fmt_pct(max(xavier, 0.0), lang),
        "link_init_he": fmt_pct(max(he, 0.0), lang),
        "link_sweep_default": fmt_pct(default, lang),
        "link_sweep_he": fmt_pct(scaled, lang),
        "link_sweep_n": str(n),
    }


LINK = Claim(
    ("link_both", "link_partial", "link_init_only", "link_init_none", "link_sweep_none"), choose_link
)

SECTION = Section(
    "init_sweep", (LINK,), facts, parents=(DEEPER, THEORY), needs=(init_lab.NAME, sweep_lab.NAME)
)
