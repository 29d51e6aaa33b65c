"""The project names that the rule, privacy, minutes and loader tests use, in one place.

``src/`` is being reorganised into layers; when a module moves, only the imports here change.
"""

from __future__ import annotations

from utvikling.agreements import draft_context
from utvikling.checklist import rule_codes, rules
from utvikling.checklist.predicates import minutes_content_hash
from utvikling.cli import app
from utvikling.conversations import agenda_context, public_context
from utvikling.errors import FileExistsRefusedError
from utvikling.minutes import (
    MinutesError,
    acknowledge,
    amend,
    approve,
    minutes_context,
    render_minutes,
    report,
)
from utvikling.models import RECORD_KINDS, Minutes
from utvikling.models._types import is_confidential
from utvikling.privacy import public, withheld_count
from utvikling.records import CheckOptions, check_repository, yamlsafe
from utvikling.records.emit import emit

__all__ = [
    "RECORD_KINDS",
    "CheckOptions",
    "FileExistsRefusedError",
    "Minutes",
    "MinutesError",
    "acknowledge",
    "agenda_context",
    "amend",
    "app",
    "approve",
    "check_repository",
    "draft_context",
    "emit",
    "is_confidential",
    "minutes_content_hash",
    "minutes_context",
    "public",
    "public_context",
    "render_minutes",
    "report",
    "rule_codes",
    "rules",
    "withheld_count",
    "yamlsafe",
]
