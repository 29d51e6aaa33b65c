"""The loaded repository: records already parsed and validated, with their positions.

Nothing here reads the disk; :mod:`utvikling.records.repository` builds these objects. The
checklist, the renderers and the use cases work on them, and ask them the questions every one
of them needs answered the same way: the settings, the agreement in force, the plan a
conversation reviews, whether a conversation is still ahead.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from utvikling import texts
from utvikling.models import Agreement, Meeting, Minutes, Plan, Settings
from utvikling.yamlsafe import Document

FieldPath = tuple[str | int, ...]

REVIEW_AFTER_DAYS = 90
"""A plan in force for less than this is not yet reviewed: a January conversation reviews the
plan of the year that just ended (and may adopt the new one)."""


@dataclass
class LoadedRecord:
    """One record file that parsed and validated."""

    path: str
    """How the file is shown to the user (relative to where the command was run)."""
    kind: str
    model: BaseModel
    document: Document

    @functools.cached_property
    def stem(self) -> str:
        """The file name without ``.yaml``: an agreement's or a plan's name.

        Kept once made: the rules ask it of every plan for every conversation.
        """
        return PurePosixPath(self.path).stem

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


def supplements_another(model: BaseModel) -> bool:
    """Tell whether an agreement names an agreement it supplements (a blank block names none)."""
    named = model.supplements if isinstance(model, Agreement) else None
    return named is not None and bool(named.file or named.date or named.title)


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

    @property
    def meeting(self) -> Meeting | None:
        """The meeting record's model, if it loaded."""
        model = self.model("meeting")
        return model if isinstance(model, Meeting) else None

    @property
    def minutes(self) -> Minutes | None:
        """The minutes' model, if they loaded."""
        model = self.model("minutes")
        return model if isinstance(model, Minutes) else None

    @property
    def is_follow_up(self) -> bool:
        """Tell whether this is a follow-up (``kind: follow_up``), not the annual conversation."""
        meeting = self.meeting
        return meeting is not None and meeting.kind == "follow_up"

    def held(self, today: dt.date) -> bool:
        """Tell whether the conversation took place: dated, not ahead, not cancelled or planned."""
        if self.date is None or self.date > today:
            return False
        meeting = self.meeting
        return not (meeting is not None and meeting.status in ("cancelled", "planned"))

    def upcoming(self, today: dt.date) -> bool:
        """Tell whether the conversation is still ahead (or planned), so preparation matters."""
        meeting = self.meeting
        if meeting is not None and meeting.status in ("held", "cancelled"):
            return False
        return (
            self.date is None
            or self.date >= today
            or (meeting is not None and meeting.status == "planned")
        )


@dataclass(frozen=True)
class LockedVersion:
    """Reported minutes as git holds them at the commit that locked them (``records/history``)."""

    commit: str
    """The locking commit's hash."""
    date: str
    parts: dict[str, str]
    """A checksum per part of the locked content (see ``records/integrity``) at that commit."""
    files: dict[str, str]
    """The file each part came from, as the user sees it."""
    stored: str | None
    """The checksum the minutes stored at that commit."""
    dropped_amendment: str | None = None
    """A later commit whose amendments are no longer all there, if any."""


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
    locked_versions: dict[str, LockedVersion] = field(default_factory=dict)
    """Per conversation folder, the minutes as git holds them at their locking commit (only
    where the repository is in git)."""
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Answers computed once from the records above and kept for the rules that ask again
    (the yearly cycle's late steps, see :func:`utvikling.records.cycle.late_steps`). Emptied
    when the checklist starts, so it holds what was computed from the records as they are."""

    @property
    def settings_model(self) -> Settings | None:
        """The repository's settings, if they loaded."""
        model = self.settings.model if self.settings else None
        return model if isinstance(model, Settings) else None

    @property
    def kind(self) -> str:
        """``kommune`` or ``fylkeskommune`` (``kommune`` when the settings do not say)."""
        settings = self.settings_model
        kind = settings.municipality.kind if settings and settings.municipality else None
        return kind or "kommune"

    @property
    def municipality_name(self) -> str:
        """The municipality's (or county's) name, or an empty string."""
        settings = self.settings_model
        return (settings.municipality.name if settings and settings.municipality else "") or ""

    @property
    def chief_title(self) -> str | None:
        """The chief executive's title as the settings give it (kommunedirektør, rådmann …)."""
        settings = self.settings_model
        return settings.chief_executive.title if settings and settings.chief_executive else None

    def terms(self) -> dict[str, str]:
        """The glossary's words for this repository's kind, language and chief executive's title."""
        return texts.terms(self.kind, self.language, self.chief_title)

    def current_agreement(self) -> LoadedRecord | None:
        """The agreement in force: the latest one that is not superseded.

        An employment agreement that a leader agreement supplements is not a candidate: the
        leader agreement holds the procedures and stands for the pair.
        """
        supplemented = self.supplemented_agreements()
        candidates = [
            r
            for r in self.agreements
            if isinstance(r.model, Agreement)
            and not r.model.superseded_by
            and r.path not in supplemented
        ]
        candidates.sort(key=lambda r: (getattr(r.model, "start_date", None) or dt.date.min, r.path))
        return candidates[-1] if candidates else None

    def supplemented_agreement(self, record: LoadedRecord) -> LoadedRecord | None:
        """The employment agreement that the leader agreement ``record`` supplements.

        Found by its file name (``supplements.file``), else by its start date
        (``supplements.date``); None when it names none or none is in ``agreements/``.
        """
        model = record.model
        named = model.supplements if isinstance(model, Agreement) else None
        if not supplements_another(model):
            return None
        assert named is not None
        others = [r for r in self.agreements if r is not record and isinstance(r.model, Agreement)]
        if named.file:
            wanted = PurePosixPath(named.file).stem
            return next((r for r in others if r.stem == wanted), None)
        if named.date:
            return next(
                (r for r in others if getattr(r.model, "start_date", None) == named.date), None
            )
        return None

    def supplemented_agreements(self) -> frozenset[str]:
        """The paths of the agreements some leader agreement in the repository supplements."""
        found = (self.supplemented_agreement(r) for r in self.agreements)
        return frozenset(r.path for r in found if r is not None)

    def started_agreement(self, day: dt.date) -> LoadedRecord | None:
        """The latest agreement not superseded that has started by ``day`` (its end aside).

        An agreement signed in advance, starting after ``day``, does not count yet; when no
        agreement has started, the one that starts first is returned.
        """

        def start(record: LoadedRecord) -> dt.date | None:
            return record.model.start_date if isinstance(record.model, Agreement) else None

        supplemented = self.supplemented_agreements()
        candidates = sorted(
            (
                r
                for r in self.agreements
                if isinstance(r.model, Agreement)
                and not r.model.superseded_by
                and r.path not in supplemented
            ),
            key=lambda r: (start(r) or dt.date.min, r.path),
        )
        started = [r for r in candidates if (start(r) or dt.date.min) <= day]
        if started:
            return started[-1]
        return candidates[0] if candidates else None

    def held_conversations(self, day: dt.date, *, follow_ups: bool = True) -> list[Conversation]:
        """Conversations held by ``day``, earliest first (without follow-ups if asked)."""
        held = [c for c in self.conversations if c.held(day) and (follow_ups or not c.is_follow_up)]
        return sorted(held, key=lambda c: (c.date or dt.date.min, c.folder))

    def last_conversation(self, day: dt.date) -> Conversation | None:
        """The latest development conversation held by ``day`` (follow-ups not counted)."""
        held = self.held_conversations(day, follow_ups=False)
        return held[-1] if held else None

    def conversation(self, folder: str) -> Conversation | None:
        """The conversation in ``conversations/<folder>/``, if there is one."""
        return next((c for c in self.conversations if c.folder == folder), None)

    def plan_named(self, name: str) -> LoadedRecord | None:
        """The plan in ``plans/<name>.yaml``."""
        return next((r for r in self.plans if r.stem == name), None)

    def plan_covering(self, day: dt.date | None) -> LoadedRecord | None:
        """The plan whose period covers ``day``."""
        for record in self.plans:
            period = record.model.period if isinstance(record.model, Plan) else None
            if day and period and period.start and period.end and period.start <= day <= period.end:
                return record
        return None

    def plan_for(self, conversation: Conversation) -> LoadedRecord | None:
        """The plan a conversation reviews: the one it names, else the one covering its date."""
        meeting = conversation.meeting
        wanted = meeting.plan_under_review if meeting else None
        if wanted:
            return self.plan_named(str(wanted))
        return self.plan_covering(conversation.date)

    def plan_to_review(self, day: dt.date) -> LoadedRecord | None:
        """The plan a new conversation on ``day`` reviews (one in force long enough)."""
        started = sorted(
            (
                (record.model.period.start, record)
                for record in self.plans
                if isinstance(record.model, Plan)
                and record.model.period
                and record.model.period.start
                and record.model.period.start <= day
            ),
            key=lambda pair: pair[0],
        )
        settled = [r for start, r in started if (day - start).days >= REVIEW_AFTER_DAYS]
        if settled:
            return settled[-1]
        return started[-1][1] if started else None

    def conversations_before(self, day: dt.date | None) -> list[Conversation]:
        """Dated conversations before ``day``, latest first."""
        earlier = [c for c in self.conversations if c.date and day and c.date < day]
        return sorted(earlier, key=lambda c: c.date or dt.date.min, reverse=True)

    @property
    def records(self) -> list[LoadedRecord]:
        """All loaded records, settings first."""
        found = [r for r in [self.settings, *self.agreements, *self.plans] if r]
        return found + [r for c in self.conversations for r in c.records.values()]
