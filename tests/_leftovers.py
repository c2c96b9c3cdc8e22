"""What a command must never leave behind: staging folders, backups, temporary and probe files."""

from __future__ import annotations

from pathlib import Path

LEFTOVER_MARKS = (".staging-", ".old-", ".tmp", ".mlplab-probe-", ".report.typ")


def leftovers(folder: Path) -> list[str]:
    """Staging folders, backups and temporary files anywhere under ``folder`` (relative paths)."""
    return [str(p.relative_to(folder)) for p in folder.rglob("*") if any(m in p.name for m in LEFTOVER_MARKS)]
