"""The checklist as a list for the terminal, or as the Markdown reference (docs/checklist.md)."""

from __future__ import annotations

from utvikling.checklist.reference import markdown_reference, rule_rows
from utvikling.errors import UsageError


def rule_table(lang: str) -> list[tuple[str, str, str]]:
    """Every rule as (code, severity, label) in ``lang``.

    Raises:
        UsageError: ``lang`` is neither nb nor nn.
    """
    if lang not in ("nb", "nn"):
        raise UsageError(
            "Skriv nb (bokmål) eller nn (nynorsk).", hint="For eksempel --language nn."
        )
    return list(rule_rows(lang))


__all__ = ["markdown_reference", "rule_table"]
