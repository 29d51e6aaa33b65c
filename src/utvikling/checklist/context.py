"""What the checklist sees: records already loaded and validated, with their positions.

Nothing here reads the disk; the records layer builds these objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from utvikling.records.yamlsafe import Document

FieldPath = tuple[str | int, ...]


@dataclass
class LoadedRecord:
    """One record file that parsed and validated."""

    path: str
    """How the file is shown to the user (relative to where the command was run)."""
    kind: str
    model: BaseModel
    document: Document

    def position(self, path: FieldPath | None, *, key: bool = True) -> tuple[int, int]:
        """Return the 1-based line and column of ``path`` in this file."""
        if not path:
            return 1, 1
        return self.document.position(path, key=key)


@dataclass
class Conversation:
    """One folder under ``conversations/``."""

    folder: str
    date: dt.date | None
    records: dict[str, LoadedRecord] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)
    """Kinds whose file is there but did not load (rules then say nothing about them)."""

    def model(self, kind: str) -> Any:
        """Return the model of ``kind`` in this conversation, or None."""
        record = self.records.get(kind)
        return record.model if record else None


@dataclass
class RepositoryContext:
    """All the records of one repository that loaded, and the day the check is made for."""

    root: str
    today: dt.date
    language: str = "nb"
    settings: LoadedRecord | None = None
    agreements: list[LoadedRecord] = field(default_factory=list)
    plans: list[LoadedRecord] = field(default_factory=list)
    conversations: list[Conversation] = field(default_factory=list)
    failed_kinds: set[str] = field(default_factory=set)
    """Kinds with a file that did not load: rules about their absence stay quiet."""
    history: bool = False
    """Check old records too (by default only the current ones are checked)."""
