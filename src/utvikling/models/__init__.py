"""Record models: one record kind per module, all strict (unknown keys are errors).

``RECORD_KINDS`` maps each kind's id to its model; :mod:`utvikling.models.kinds` is the one
registry that says where each kind's files live.
"""

from __future__ import annotations

from pydantic import BaseModel

from utvikling.models.agreement import Agreement
from utvikling.models.conversation import (
    GroupInput,
    Meeting,
    Minutes,
    PanelEvaluation,
    SelfEvaluation,
)
from utvikling.models.kinds import KINDS, RecordKind  # noqa: E402  (after the models)
from utvikling.models.plan import Plan
from utvikling.models.settings import Settings

RECORD_KINDS: dict[str, type[BaseModel]] = {kind.id: kind.model for kind in KINDS}

__all__ = [
    "KINDS",
    "RECORD_KINDS",
    "RecordKind",
    "Agreement",
    "GroupInput",
    "Meeting",
    "Minutes",
    "PanelEvaluation",
    "Plan",
    "SelfEvaluation",
    "Settings",
]
