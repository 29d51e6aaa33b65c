"""What the rule engine and the predicates share: the hit, field access, dates.

Imported by both :mod:`~utvikling.checklist.engine` and :mod:`~utvikling.checklist.predicates`,
so that neither imports the other's internals.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from utvikling.checklist.ruledata import Rule, rule_file
from utvikling.records.loaded import Conversation, FieldPath, LoadedRecord, RepositoryContext

ELECTED_ROLES = frozenset({"mayor", "deputy_mayor", "opposition_leader", "group_leader", "member"})
"""The participant roles that are elected members (not the chief executive or a secretary)."""


@dataclass
class Hit:
    """A predicate's report: which record, which field, and values for the message."""

    record: LoadedRecord | None
    path: FieldPath | None = None
    params: dict[str, Any] = field(default_factory=dict)


Predicate = Callable[[RepositoryContext, Any, Rule], Iterable[Hit]]
"""A named check: the repository, the rule's subject, and the rule (for its ``params``)."""


def get(model: Any, path: FieldPath) -> Any:
    """Follow ``path`` through nested models, returning None where it stops."""
    value = model
    for part in path:
        if value is None:
            return None
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        else:
            value = getattr(value, part, None)
    return value


def is_blank(value: Any) -> bool:
    """Tell whether a value counts as not filled in."""
    if value is None:
        return True
    if isinstance(value, str | list | dict):
        return len(value) == 0
    if isinstance(value, BaseModel):
        return all(is_blank(getattr(value, name)) for name in type(value).model_fields)
    return False


def split(path: str) -> FieldPath:
    """Split a dotted field path from the rules data."""
    return tuple(path.split("."))


def is_current(day: dt.date | None, context: RepositoryContext) -> bool:
    """Tell whether a record dated ``day`` is recent enough to check without ``--history``."""
    if context.history or day is None:
        return True
    return (context.today - day).days <= rule_file().history_days


def conversation_record(conversation: Conversation, *kinds: str) -> LoadedRecord | None:
    """Return the first of ``kinds`` that the conversation has, to report a finding in."""
    for kind in kinds:
        if kind in conversation.records:
            return conversation.records[kind]
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved ``months`` ahead, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def months_between(start: dt.date, end: dt.date) -> int:
    """Return the number of whole months from ``start`` to ``end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if add_months(start, months) > end else months
