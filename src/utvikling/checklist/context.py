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
        """Return the 1-based line and column of ``path`` in this file.

        A missing field is placed at the key it belongs under; a missing top-level field, which
        belongs under no key, at the field it follows in the record's order (see
        :func:`missing_top_level_anchor`).
        """
        if not path:
            return 1, 1
        anchor = missing_top_level_anchor(self.model, self.document.data, path)
        if anchor is not None:
            return self.document.position((anchor,), key=True)
        return self.document.position(path, key=key)


def missing_top_level_anchor(model: BaseModel, data: Any, path: FieldPath) -> str | None:
    """For a path whose top-level field is absent, the existing key it belongs next to.

    That is the nearest field before it in the model's field order that the file has, or
    failing that the nearest one after it. None when the top-level field is there (the
    document then finds the deepest existing parent itself) or nothing fits.
    """
    first = path[0] if path else None
    if not isinstance(first, str) or not isinstance(data, dict) or first in data:
        return None
    names = list(type(model).model_fields)
    if first not in names:
        return None
    index = names.index(first)
    before = [name for name in reversed(names[:index]) if name in data]
    after = [name for name in names[index + 1 :] if name in data]
    found = before or after
    return found[0] if found else None


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
