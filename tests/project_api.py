"""The project names that the rule, privacy, minutes and loader tests use, in one place.

When a module moves, only the imports here change.
"""

from __future__ import annotations

from utvikling import yamlsafe
from utvikling.actions.agreement import draft_context
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.actions.conversation import agenda_context, public_context
from utvikling.actions.minutes import (
    MinutesError,
    acknowledge,
    amend,
    approve,
    minutes_context,
    render_minutes,
    report,
)
from utvikling.checklist import rule_codes, rules
from utvikling.cli import app
from utvikling.errors import FileExistsRefusedError
from utvikling.models import RECORD_KINDS, Minutes
from utvikling.models._types import is_confidential
from utvikling.records.emit import emit
from utvikling.records.integrity import minutes_content_hash
from utvikling.render.projection import public, withheld_count

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
