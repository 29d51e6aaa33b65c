"""Checksums that lock what was reported to the council.

Two recipes. Version 1 (stored without ``checksum_version``) covered the minutes' own text only.
Version 2 (``checksum_version: 2``) covers everything the public minutes print, wherever it
lives, and the lifecycle itself:

- ``minutes``: the whole record (confidential parts too; a field added to the model later is
  left out while it is empty, so older checksums still hold) with ``approved``, ``acknowledged``
  and ``reported`` (but not the checksum fields), without ``amendments`` and ``suppress``;
- ``meeting``: the body, the closed meeting and its basis, and the participants when the minutes
  list none (the public minutes print them from the meeting then);
- ``plan``: the plan's file and the titles of the goals the results review names;
- ``settings``: the municipality's name and kind (which decides the council's name), the
  language and the chief executive's title.

Each amendment carries a checksum chained to the one before it (the first to the report's), so
an amendment edited or removed in the middle breaks the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from utvikling.models import Meeting, Minutes, Plan, Settings
from utvikling.models._types import stable_dump
from utvikling.models.conversation import Amendment
from utvikling.records.loaded import Conversation, RepositoryContext

CHECKSUM_VERSION = 2
"""The recipe ``minutes report`` uses now."""

LOCK_FIELDS = frozenset({"content_sha256", "checksum_version", "checksum_added_later"})
"""Fields of ``reported`` that describe the lock itself, so they are not part of it."""


def _digest(data: Any) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def minutes_content_hash(minutes: Minutes) -> str:
    """Recipe 1: a checksum of what the minutes say, without the report and later amendments."""
    data = stable_dump(minutes, exclude={"reported", "amendments", "suppress"})
    return _digest(data)


@dataclass(frozen=True)
class Sources:
    """The records the public minutes print from, as they are (or were, at a commit)."""

    minutes: Minutes
    meeting: Meeting | None = None
    plan: Plan | None = None
    plan_file: str | None = None
    """The plan's path in the repository (``plans/2026.yaml``)."""
    settings: Settings | None = None


def minutes_sources(context: RepositoryContext, conversation: Conversation) -> Sources | None:
    """The sources of a conversation's minutes as they are loaded now (None without minutes)."""
    minutes = conversation.minutes
    if minutes is None:
        return None
    plan = context.plan_for(conversation)
    model = plan.model if plan is not None and isinstance(plan.model, Plan) else None
    return Sources(
        minutes,
        conversation.meeting,
        model,
        f"plans/{plan.path.rsplit('/', 1)[-1]}" if plan is not None else None,
        context.settings_model,
    )


def locked_parts(sources: Sources) -> dict[str, Any]:
    """Recipe 2's content, part by part (``minutes``, ``meeting``, ``plan``, ``settings``)."""
    minutes = sources.minutes
    data = stable_dump(minutes, exclude={"amendments", "suppress"})
    if isinstance(data.get("reported"), dict):
        data["reported"] = {k: v for k, v in data["reported"].items() if k not in LOCK_FIELDS}
    meeting = sources.meeting
    meeting_part: dict[str, Any] = {}
    if meeting is not None:
        meeting_part = meeting.model_dump(mode="json", include={"body", "closed_meeting"})
        if not minutes.participants:
            meeting_part["participants"] = meeting.model_dump(
                mode="json", include={"participants"}
            )["participants"]
    named = (
        {g.goal for g in (minutes.results_review.goals or [])} if minutes.results_review else set()
    )
    titles = {}
    if sources.plan is not None:
        titles = {g.id: g.title for g in sources.plan.goals or [] if g.id and g.id in named}
    settings = sources.settings
    municipality = settings.municipality if settings else None
    chief = settings.chief_executive if settings else None
    return {
        "minutes": data,
        "meeting": meeting_part,
        "plan": {"file": sources.plan_file, "goal_titles": titles},
        "settings": {
            "name": municipality.name if municipality else None,
            "kind": municipality.kind if municipality else None,
            "language": settings.language if settings else None,
            "chief_executive_title": chief.title if chief else None,
        },
    }


def locked_hash(parts: Mapping[str, Any]) -> str:
    """Recipe 2: one checksum over all the parts."""
    return _digest({"version": CHECKSUM_VERSION, **parts})


def part_hashes(parts: Mapping[str, Any]) -> dict[str, str]:
    """A checksum per part, to tell which of them changed."""
    return {name: _digest(value) for name, value in parts.items()}


def stored_matches(sources: Sources) -> bool | None:
    """Tell whether the stored checksum matches the content (None when none is stored)."""
    reported = sources.minutes.reported
    stored = reported.content_sha256 if reported else None
    if not stored or reported is None:
        return None
    if reported.checksum_version is None:
        return stored == minutes_content_hash(sources.minutes)
    if reported.checksum_version != CHECKSUM_VERSION:
        return False
    return stored == locked_hash(locked_parts(sources))


def amendment_hash(previous: str, amendment: Amendment) -> str:
    """The checksum of an amendment, chained to the checksum before it."""
    data = amendment.model_dump(mode="json", include={"date", "text", "reason"})
    return _digest({"previous": previous, "amendment": data})


def broken_amendments(minutes: Minutes) -> list[int]:
    """The amendments (by index) whose chained checksum is missing or does not match.

    Only minutes locked with recipe 2 chain their amendments; once one link is broken, the
    ones after it are not reported again.
    """
    reported = minutes.reported
    if reported is None or reported.checksum_version != CHECKSUM_VERSION:
        return []
    previous = reported.content_sha256 or ""
    for index, amendment in enumerate(minutes.amendments or []):
        expected = amendment_hash(previous, amendment)
        if amendment.content_sha256 != expected:
            return [index]
        previous = expected
    return []


def next_amendment_hash(minutes: Minutes, amendment: Amendment) -> str:
    """The checksum a new amendment gets, after those the minutes already have."""
    reported = minutes.reported
    previous = reported.content_sha256 if reported and reported.content_sha256 else ""
    for existing in minutes.amendments or []:
        previous = existing.content_sha256 or amendment_hash(previous, existing)
    return amendment_hash(previous, amendment)
