"""Record models: one record kind per module, all strict (unknown keys are errors).

``RECORD_KINDS`` maps each kind's id to its model; the records layer decides which file holds
which kind.
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
from utvikling.models.plan import Plan
from utvikling.models.settings import Settings

RECORD_KINDS: dict[str, type[BaseModel]] = {
    "settings": Settings,
    "agreement": Agreement,
    "plan": Plan,
    "meeting": Meeting,
    "input": GroupInput,
    "self_evaluation": SelfEvaluation,
    "evaluation": PanelEvaluation,
    "minutes": Minutes,
}

__all__ = [
    "RECORD_KINDS",
    "Agreement",
    "GroupInput",
    "Meeting",
    "Minutes",
    "PanelEvaluation",
    "Plan",
    "SelfEvaluation",
    "Settings",
]
