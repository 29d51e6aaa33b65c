"""The finding: one thing to tell the user about a record, with where it is and how to fix it.

The ground floor: every layer may use this module, and it uses nothing above it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from utvikling import texts

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One thing to tell the user about a record, with where it is and how to fix it."""

    code: str
    severity: Severity
    message: str
    hint: str = ""
    file: str | None = None
    line: int | None = None
    column: int | None = None
    references: tuple[str, ...] = ()
    field: str | None = None

    def location(self) -> str:
        """Return ``file:line:col``."""
        parts = [self.file or "."]
        if self.line is not None:
            parts += [str(self.line), str(self.column or 1)]
        return ":".join(parts)

    def format(self, lang: str = "nb") -> str:
        """Return the finding as the line(s) ``check`` prints."""
        refs = f" ({'; '.join(self.references)})" if self.references else ""
        word = texts.word(f"severity.{self.severity}", lang)
        text = f"{self.location()}: {self.code} {word}: {self.message}{refs}"
        return f"{text}\n    {self.hint}" if self.hint else text

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as plain data for ``--json``."""
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "references": list(self.references),
        }
