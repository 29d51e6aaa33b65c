"""The one registry of record kinds: each kind is declared here once.

The layout (which file holds which kind), loading, the generated records reference, the
skeletons a command creates and the scope the checklist's rules apply to are all driven by this
table. Adding a record kind means a model and one entry here.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class RecordKind:
    """A kind of record: its model and where its files live."""

    id: str
    model: type[BaseModel]
    folder: str | None
    """``agreements``, ``plans``, ``conversations`` (one subfolder per conversation), or None
    for a file at the repository root."""
    stem: str | None
    """The fixed file name without ``.yaml`` (``meeting``), or None where each file is named
    after its date or year."""
    pattern: str
    """How the docs show where the file lives."""
    skeleton: str | None = None
    """The record skeleton (``templates/records/<lang>/<skeleton>``) a command creates."""

    @property
    def in_conversation(self) -> bool:
        """Tell whether this kind lives in a conversation's folder."""
        return self.folder == "conversations"

    @property
    def file_name(self) -> str:
        """The fixed file name (``meeting.yaml``); only for kinds with a fixed name."""
        assert self.stem is not None
        return f"{self.stem}.yaml"


KINDS: tuple[RecordKind, ...] = (
    RecordKind("settings", Settings, None, "utvikling", "utvikling.yaml", "utvikling.yaml.j2"),
    RecordKind("agreement", Agreement, "agreements", None, "agreements/<startdato>.yaml"),
    RecordKind("plan", Plan, "plans", None, "plans/<år>.yaml"),
    RecordKind(
        "meeting",
        Meeting,
        "conversations",
        "meeting",
        "conversations/<dato>/meeting.yaml",
        "meeting.yaml.j2",
    ),
    RecordKind(
        "input",
        GroupInput,
        "conversations",
        "input",
        "conversations/<dato>/input.yaml",
        "input.yaml.j2",
    ),
    RecordKind(
        "self_evaluation",
        SelfEvaluation,
        "conversations",
        "self-evaluation",
        "conversations/<dato>/self-evaluation.yaml",
        "self-evaluation.yaml.j2",
    ),
    RecordKind(
        "evaluation",
        PanelEvaluation,
        "conversations",
        "evaluation",
        "conversations/<dato>/evaluation.yaml",
        "evaluation.yaml.j2",
    ),
    RecordKind("minutes", Minutes, "conversations", "minutes", "conversations/<dato>/minutes.yaml"),
)

BY_ID: dict[str, RecordKind] = {kind.id: kind for kind in KINDS}
CONVERSATION_KINDS: tuple[RecordKind, ...] = tuple(k for k in KINDS if k.in_conversation)
