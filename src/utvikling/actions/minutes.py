"""Minutes: the lifecycle (approve, acknowledge, report, amend) and the two documents.

Draft → approved by the panel → acknowledged by the chief executive (who may add a remark) →
reported to the council. Once reported, the minutes are locked: the report stores a checksum
of everything the public minutes print (``records/integrity``), ``check`` flags any later
change (and, where git holds the history, compares with the reporting commit), and the only
way to change them is a dated amendment, chained to the checksum before it. Each step holds a
lock on the minutes file, re-reads it under the lock, and commits exactly that file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.actions.documents import (
    DocumentOptions,
    internal_marking,
    label,
    parties,
    withheld,
    write_documents,
)
from utvikling.actions.recording import Recorded, Recording
from utvikling.checklist import approval_blockers
from utvikling.errors import UsageError, UtviklingError
from utvikling.findings import Finding
from utvikling.models import Meeting, Minutes, Plan
from utvikling.models.conversation import Amendment, Reported
from utvikling.records.git import minutes_tag_prefix
from utvikling.records.integrity import (
    CHECKSUM_VERSION,
    amendment_hash,
    locked_hash,
    locked_parts,
    minutes_sources,
    next_amendment_hash,
    stored_matches,
)
from utvikling.records.layout import resolve_conversation
from utvikling.records.loaded import Conversation, RepositoryContext
from utvikling.records.repository import settings_language
from utvikling.records.roundtrip import EditRefused, edit_top_level
from utvikling.render.documents import Source
from utvikling.render.writing import DocumentSpec


class MinutesError(UtviklingError):
    """A lifecycle step that cannot be taken now; may carry the findings that explain why."""

    def __init__(
        self,
        message: str,
        *,
        findings: list[Finding] | None = None,
        lang: str = "nb",
        **place: Any,
    ):
        super().__init__(message, **place)
        self.findings = findings or []
        self.lang = lang
        """The language the findings are printed in (their severity words)."""


def _fail(code: str, lang: str, path: Path | None = None, **params: Any) -> MinutesError:
    message, hint = texts.message(code, lang, params)
    return MinutesError(message, hint=hint, file=path)


def find_conversation(root: Path, reference: str, context: RepositoryContext) -> Conversation:
    """Return the loaded conversation for a date or folder.

    Raises:
        MinutesError: there is no such conversation (so no minutes).
    """
    folder, _ = resolve_conversation(root, reference)
    for conversation in context.conversations:
        if conversation.folder == folder.name:
            return conversation
    raise _fail("L006", context.language, folder / "minutes.yaml", folder=folder.name)


def _path(root: Path, reference: str) -> tuple[Path, str]:
    folder, _ = resolve_conversation(root, reference)
    return folder / "minutes.yaml", folder.name


def _load(root: Path, reference: str, lang: str) -> tuple[Path, Minutes, str]:
    path, folder = _path(root, reference)
    if not (path.exists() or path.is_symlink()):
        raise _fail("L006", lang, path, folder=folder)
    from utvikling.records.load import load_record

    record, found = load_record(path, "minutes", path.as_posix(), lang, root=root)
    if record is None:
        raise MinutesError(
            found[0].message, hint=found[0].hint, file=path, findings=found, lang=lang
        )
    assert isinstance(record.model, Minutes)
    return path, record.model, folder


def _edit(path: Path, changes: dict[str, Any], lang: str) -> None:
    try:
        edit_top_level(path, changes)
    except EditRefused:
        raise _fail("L005", lang, path) from None


def _unlocked(minutes: Minutes, path: Path, folder: str, context: RepositoryContext) -> None:
    if minutes.reported and minutes.reported.date:
        council = context.terms()["council"]
        raise _fail(
            "L001",
            context.language,
            path,
            council=council,
            date=minutes.reported.date.isoformat(),
            folder=folder,
        )


def _about(findings: list[Finding], folder: str, codes: frozenset[str]) -> list[Finding]:
    marker = f"conversations/{folder}/minutes.yaml"
    return [f for f in findings if f.code in codes and f.file and f.file.endswith(marker)]


def blocking(findings: list[Finding], folder: str) -> list[Finding]:
    """The findings about these minutes that stop approval and final rendering."""
    return _about(findings, folder, approval_blockers())


def _intact(findings: list[Finding], folder: str, path: Path, lang: str) -> None:
    """Refuse to go on with minutes whose lock is broken (the findings say how)."""
    broken = _about(findings, folder, LOCK_BROKEN)
    if broken:
        message, hint = texts.message("L008", lang)
        raise MinutesError(message, hint=hint, file=path, findings=broken, lang=lang)


LOCK_BROKEN = frozenset({"C209", "C211", "C212", "C213", "C214"})
"""Findings that say reported minutes were changed: no lifecycle step goes on from there."""


@dataclass(frozen=True)
class Step:
    """A lifecycle step that was recorded: the minutes file, the language, the commit."""

    path: Path
    lang: str
    recorded: Recorded = Recorded("skipped")


def _checked(
    root: Path, day: dt.date, base: Path | None
) -> tuple[RepositoryContext, list[Finding]]:
    result = check_repository(root, CheckOptions(today=day), base=base)
    assert result.loaded is not None
    return result.loaded.context, result.findings


@contextlib.contextmanager
def _step(
    root: Path, reference: str, day: dt.date, base: Path | None, commit: bool
) -> Iterator[tuple[Recording, RepositoryContext, list[Finding]]]:
    """Lock the minutes file, refuse uncommitted edits to it, then check under the lock."""
    path, _ = _path(root, reference)
    lang = settings_language(root)
    recording = Recording(root, lang, commit=commit, base=base)
    with recording.locked([path]):
        recording.refuse_uncommitted([path])
        context, findings = _checked(root, day, base)
        yield recording, context, findings


def approve(
    root: Path,
    reference: str,
    *,
    body: str,
    day: dt.date,
    base: Path | None = None,
    commit: bool = True,
) -> Step:
    """Record that the panel approved the minutes.

    Raises:
        MinutesError: locked, or required elements missing (the findings say which).
        UncommittedChangesError: the minutes have edits git has not committed.
    """
    with _step(root, reference, day, base, commit) as (recording, context, findings):
        lang = context.language
        path, minutes, folder = _load(root, reference, lang)
        _intact(findings, folder, path, lang)
        _unlocked(minutes, path, folder, context)
        missing = blocking(findings, folder)
        if missing:
            message, hint = texts.message("L004", lang)
            raise MinutesError(message, hint=hint, file=path, findings=missing, lang=lang)
        _edit(path, {"approved": {"body": body, "date": day}}, lang)
        recorded = recording.save([path], "minutes_approved", folder=folder, body=body)
    return Step(path, lang, recorded)


def acknowledge(
    root: Path,
    reference: str,
    *,
    day: dt.date,
    remark: str | None,
    base: Path | None = None,
    commit: bool = True,
) -> Step:
    """Record that the chief executive has read the approved minutes (with a remark, if any)."""
    with _step(root, reference, day, base, commit) as (recording, context, findings):
        lang = context.language
        path, minutes, folder = _load(root, reference, lang)
        _intact(findings, folder, path, lang)
        _unlocked(minutes, path, folder, context)
        if not (minutes.approved and minutes.approved.date):
            raise _fail("L002", lang, path, folder=folder)
        _edit(path, {"acknowledged": {"date": day, "remark": remark}}, lang)
        ce = parties(context)["ce"]
        recorded = recording.save([path], "minutes_acknowledged", folder=folder, ce=ce)
    return Step(path, lang, recorded)


def _locked_files(context: RepositoryContext, folder: str, root: Path) -> list[Path]:
    """The other files the lock covers: the meeting, the plan and ``utvikling.yaml``."""
    conversation = context.conversation(folder)
    files = [root / "utvikling.yaml", root / "conversations" / folder / "meeting.yaml"]
    if conversation is not None:
        plan = context.plan_for(conversation)
        if plan is not None:
            files.append(root / "plans" / Path(plan.path).name)
    return [f for f in files if f.exists()]


def _lock_hash(context: RepositoryContext, folder: str, minutes: Minutes) -> str:
    conversation = context.conversation(folder)
    assert conversation is not None
    sources = minutes_sources(context, conversation)
    assert sources is not None
    return locked_hash(locked_parts(replace(sources, minutes=minutes)))


def _chained(minutes: Minutes, previous: str) -> list[dict[str, Any]]:
    """The amendments with their chained checksums (recorded anew)."""
    chained = []
    for amendment in minutes.amendments or []:
        previous = amendment_hash(previous, amendment)
        chained.append(
            {**amendment.model_dump(mode="python", exclude_none=True), "content_sha256": previous}
        )
    return chained


def report(
    root: Path,
    reference: str,
    *,
    day: dt.date,
    case_number: str,
    body: str | None = None,
    base: Path | None = None,
    commit: bool = True,
) -> Step:
    """Record that the minutes were reported to the council, lock them, commit and tag."""
    with _step(root, reference, day, base, commit) as (recording, context, findings):
        lang = context.language
        path, minutes, folder = _load(root, reference, lang)
        _intact(findings, folder, path, lang)
        _unlocked(minutes, path, folder, context)
        if not (minutes.approved and minutes.approved.date):
            raise _fail("L002", lang, path, folder=folder)
        if not (minutes.acknowledged and minutes.acknowledged.date):
            raise _fail("L007", lang, path, folder=folder, **context.terms())
        recording.refuse_uncommitted(_locked_files(context, folder, root), code="G002")
        council = context.terms()["council"]
        reported: dict[str, Any] = {
            "body": body or council[0].upper() + council[1:],
            "case_number": case_number,
            "date": day,
        }
        locked = minutes.model_copy(update={"reported": Reported.model_validate(reported)})
        reported["content_sha256"] = _lock_hash(context, folder, locked)
        reported["checksum_version"] = CHECKSUM_VERSION
        _edit(path, {"reported": reported}, lang)
        tag = f"{minutes_tag_prefix(recording.repo, root)}{folder}"
        recorded = recording.save(
            [path], "minutes_reported", tag=tag, folder=folder, council=council, case=case_number
        )
    return Step(path, lang, recorded)


def case_required(root: Path) -> UsageError:
    """The error for ``minutes report`` without ``--case`` (exit code 2)."""
    from utvikling.models import Settings
    from utvikling.records.load import load_record

    lang = settings_language(root)
    record, _ = load_record(root / "utvikling.yaml", "settings", "utvikling.yaml", lang, root=root)
    settings = record.model if record is not None else None
    municipality = settings.municipality if isinstance(settings, Settings) else None
    council = texts.terms(municipality.kind if municipality else None, lang)["council"]
    message, hint = texts.message("L012", lang, {"council": council})
    return UsageError(message, hint=hint)


def repair(
    root: Path, reference: str, *, day: dt.date, base: Path | None = None, commit: bool = True
) -> Step:
    """Lock reported minutes that carry no checksum (or one by the first recipe) as they stand.

    The checksum is marked as added afterwards (``checksum_added_later``), and amendments get
    their chained checksums.

    Raises:
        MinutesError: not reported, already locked, or a checksum that does not match.
    """
    with _step(root, reference, day, base, commit) as (recording, context, findings):
        lang = context.language
        path, minutes, folder = _load(root, reference, lang)
        reported = minutes.reported
        council = context.terms()["council"]
        if not (reported and reported.date):
            raise _fail("L011", lang, path, council=council, folder=folder)
        _intact(findings, folder, path, lang)
        conversation = context.conversation(folder)
        sources = minutes_sources(context, conversation) if conversation else None
        assert sources is not None
        matches = stored_matches(replace(sources, minutes=minutes))
        if matches is False:
            raise _fail("L010", lang, path)
        if matches and reported.checksum_version == CHECKSUM_VERSION:
            raise _fail("L009", lang, path)
        recording.refuse_uncommitted(_locked_files(context, folder, root), code="G002")
        values = reported.model_dump(mode="python", exclude_none=True)
        values.update(
            {
                "content_sha256": _lock_hash(context, folder, minutes),
                "checksum_version": CHECKSUM_VERSION,
                "checksum_added_later": day,
            }
        )
        changes: dict[str, Any] = {"reported": values}
        if minutes.amendments:
            changes["amendments"] = _chained(minutes, values["content_sha256"])
        _edit(path, changes, lang)
        recorded = recording.save([path], "minutes_repaired", folder=folder)
    return Step(path, lang, recorded)


def amend(
    root: Path,
    reference: str,
    *,
    day: dt.date,
    text: str,
    reason: str,
    base: Path | None = None,
    commit: bool = True,
) -> Step:
    """Add a dated amendment to minutes that were reported, chained to the ones before."""
    with _step(root, reference, day, base, commit) as (recording, context, findings):
        lang = context.language
        path, minutes, folder = _load(root, reference, lang)
        if not (minutes.reported and minutes.reported.date):
            council = context.terms()["council"]
            raise _fail("L003", lang, path, council=council)
        _intact(findings, folder, path, lang)
        amendment = Amendment(date=day, text=text, reason=reason)
        existing = [
            a.model_dump(mode="python", exclude_none=True) for a in minutes.amendments or []
        ]
        added = {
            "date": day,
            "text": text,
            "reason": reason,
            "content_sha256": next_amendment_hash(minutes, amendment),
        }
        _edit(path, {"amendments": [*existing, added]}, lang)
        recorded = recording.save([path], "minutes_amended", folder=folder, date=day.isoformat())
    return Step(path, lang, recorded)


@dataclass
class RenderedMinutes:
    """The public minutes and the internal record."""

    public: Path
    internal: Path
    files: list[Path]
    lang: str


def minutes_context(
    conversation: Conversation, context: RepositoryContext, *, public_only: bool
) -> dict[str, Any]:
    """What the minutes templates see; the public variant gets the public projection only."""
    from utvikling.render.projection import public, withheld_count

    lang = context.language
    minutes = conversation.minutes
    meeting = conversation.meeting
    assert minutes is not None
    plan = context.plan_for(conversation)
    titles = {}
    if plan is not None and isinstance(plan.model, Plan):
        titles = {g.id: g.title for g in plan.model.goals or [] if g.id}
    words = parties(context)
    withheld = withheld_count(minutes)
    if public_only:
        minutes = public(minutes)
        meeting = public(meeting) if isinstance(meeting, Meeting) else None
    people = minutes.participants or (meeting.participants if meeting else [])
    return {
        **words,
        "minutes": minutes,
        "meeting": meeting,
        "participants": [
            {
                "name": p.name,
                "role": words["ce_title"]
                if p.role == "chief_executive"
                else words["terms"].get(f"{p.role}_title") or label("role", p.role, lang)
                if p.role
                else "",
            }
            for p in people or []
        ],
        "goal_titles": titles,
        "status": lambda key: label("status", key, lang) if key else "",
        "deviation_text": label("deviation", minutes.deviation.status, lang)
        if minutes.deviation and minutes.deviation.status
        else "",
        "withheld": withheld,
        "legal_basis": minutes.confidential.legal_basis if minutes.confidential else None,
        "conversation_date": conversation.date,
    }


def minutes_specs(
    root: Path,
    conversation: Conversation,
    context: RepositoryContext,
    options: DocumentOptions,
    *,
    draft: bool,
) -> list[DocumentSpec]:
    """The public minutes and the internal record of ``conversation`` (which has minutes)."""
    lang = context.language
    missing = draft
    names = texts.data_file("conversation.yaml")["files"]
    source = Source.of(root, f"conversations/{conversation.folder}/minutes.yaml")
    specs = []
    for kind in ("public", "internal"):
        template_context = minutes_context(conversation, context, public_only=kind == "public")
        template_context["draft"] = missing
        name = texts.fill(
            texts.localized(names[f"minutes_{kind}"], lang), {"date": conversation.folder}
        )
        specs.append(
            DocumentSpec(
                options.folder(root) / name,
                f"documents/{lang}/minutes-{kind}.md.j2",
                template_context,
                [source],
                marking=internal_marking(lang) if kind == "internal" else "",
                public_title=conversation.minutes.public_title if conversation.minutes else None,
                withheld=withheld(conversation.minutes, lang, template_context["legal_basis"]),
            )
        )
    return specs


def render_minutes(
    root: Path,
    reference: str,
    options: DocumentOptions,
    *,
    draft: bool = False,
    base: Path | None = None,
) -> RenderedMinutes:
    """Write the public minutes and the internal record for one conversation.

    Raises:
        MinutesError: no minutes, or required elements missing (unless ``draft``).
        FileExistsRefusedError: a document was edited by hand (without ``force``).
    """
    context, findings = _checked(root, options.day, base)
    conversation = find_conversation(root, reference, context)
    lang = context.language
    record = conversation.records.get("minutes")
    marker = f"conversations/{conversation.folder}/minutes.yaml"
    problems = [f for f in findings if f.file and f.file.endswith(marker) and f.severity == "error"]
    if record is None and "minutes" in conversation.failed and problems:
        first = problems[0]
        raise MinutesError(
            first.message, hint=first.hint, file=first.file, findings=problems, lang=lang
        )
    if record is None:
        path = root / "conversations" / conversation.folder / "minutes.yaml"
        raise _fail("L006", lang, path, folder=conversation.folder)
    missing = blocking(findings, conversation.folder)
    if missing and not draft:
        message, hint = texts.message("L004", lang)
        raise MinutesError(message, hint=hint, file=record.path, findings=missing, lang=lang)
    specs = minutes_specs(root, conversation, context, options, draft=bool(missing))
    written = write_documents(root, context, specs, options)
    return RenderedMinutes(specs[0].target, specs[1].target, written.files, lang)


__all__ = [
    "MinutesError",
    "case_required",
    "RenderedMinutes",
    "acknowledge",
    "amend",
    "approve",
    "find_conversation",
    "minutes_specs",
    "render_minutes",
    "repair",
    "report",
]
