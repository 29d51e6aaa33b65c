"""Minutes: the lifecycle (approve, acknowledge, report, amend) and the two documents.

Draft → approved by the panel → acknowledged by the chief executive (who may add a remark) →
reported to the council. Once reported, the minutes are locked: the report stores a checksum
of the content, ``check`` flags any later change, and the only way to change them is a dated
amendment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.actions.documents import DocumentOptions, label, parties, write_documents
from utvikling.checklist import approval_blockers
from utvikling.errors import UtviklingError
from utvikling.findings import Finding
from utvikling.models import Meeting, Minutes, Plan
from utvikling.records.integrity import minutes_content_hash
from utvikling.records.layout import resolve_conversation
from utvikling.records.loaded import Conversation, RepositoryContext
from utvikling.records.roundtrip import EditRefused, edit_top_level
from utvikling.render.documents import Source
from utvikling.render.writing import DocumentSpec


class MinutesError(UtviklingError):
    """A lifecycle step that cannot be taken now; may carry the findings that explain why."""

    def __init__(self, message: str, *, findings: list[Finding] | None = None, **place: Any):
        super().__init__(message, **place)
        self.findings = findings or []


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


def _load(root: Path, reference: str, lang: str) -> tuple[Path, Minutes, str]:
    folder, _ = resolve_conversation(root, reference)
    path = folder / "minutes.yaml"
    if not (path.exists() or path.is_symlink()):
        raise _fail("L006", lang, path, folder=folder.name)
    from utvikling.records.load import load_record

    record, found = load_record(path, "minutes", path.as_posix(), lang, root=root)
    if record is None:
        raise MinutesError(found[0].message, hint=found[0].hint, file=path, findings=found)
    assert isinstance(record.model, Minutes)
    return path, record.model, folder.name


def _edit(path: Path, changes: dict[str, Any], lang: str) -> None:
    try:
        edit_top_level(path, changes)
    except EditRefused:
        raise _fail("L005", lang, path) from None


def _unlocked(minutes: Minutes, path: Path, folder: str, context: RepositoryContext) -> None:
    if minutes.reported and minutes.reported.date:
        council = texts.terms(context.kind, context.language)["council"]
        raise _fail(
            "L001",
            context.language,
            path,
            council=council,
            date=minutes.reported.date.isoformat(),
            folder=folder,
        )


def blocking(findings: list[Finding], folder: str) -> list[Finding]:
    """The findings about these minutes that stop approval and final rendering."""
    marker = f"conversations/{folder}/minutes.yaml"
    blockers = approval_blockers()
    return [f for f in findings if f.code in blockers and f.file and f.file.endswith(marker)]


@dataclass(frozen=True)
class Step:
    """A lifecycle step that was recorded: the minutes file, and the repository's language."""

    path: Path
    lang: str


def _checked(
    root: Path, day: dt.date, base: Path | None
) -> tuple[RepositoryContext, list[Finding]]:
    result = check_repository(root, CheckOptions(today=day), base=base)
    assert result.loaded is not None
    return result.loaded.context, result.findings


def approve(
    root: Path, reference: str, *, body: str, day: dt.date, base: Path | None = None
) -> Step:
    """Record that the panel approved the minutes.

    Raises:
        MinutesError: locked, or required elements missing (the findings say which).
    """
    context, findings = _checked(root, day, base)
    lang = context.language
    path, minutes, folder = _load(root, reference, lang)
    _unlocked(minutes, path, folder, context)
    missing = blocking(findings, folder)
    if missing:
        message, hint = texts.message("L004", lang)
        raise MinutesError(message, hint=hint, file=path, findings=missing)
    _edit(path, {"approved": {"body": body, "date": day}}, lang)
    return Step(path, lang)


def acknowledge(
    root: Path, reference: str, *, day: dt.date, remark: str | None, base: Path | None = None
) -> Step:
    """Record that the chief executive has read the approved minutes (with a remark, if any)."""
    context, _ = _checked(root, day, base)
    lang = context.language
    path, minutes, folder = _load(root, reference, lang)
    _unlocked(minutes, path, folder, context)
    if not (minutes.approved and minutes.approved.date):
        raise _fail("L002", lang, path, folder=folder)
    _edit(path, {"acknowledged": {"date": day, "remark": remark}}, lang)
    return Step(path, lang)


def report(
    root: Path,
    reference: str,
    *,
    day: dt.date,
    case_number: str,
    body: str | None = None,
    base: Path | None = None,
) -> Step:
    """Record that the minutes were reported to the council, and lock them."""
    context, _ = _checked(root, day, base)
    lang = context.language
    path, minutes, folder = _load(root, reference, lang)
    _unlocked(minutes, path, folder, context)
    if not (minutes.approved and minutes.approved.date):
        raise _fail("L002", lang, path, folder=folder)
    if not (minutes.acknowledged and minutes.acknowledged.date):
        raise _fail("L007", lang, path, folder=folder)
    council = texts.terms(context.kind, lang)["council"]
    reported = {
        "body": body or council[0].upper() + council[1:],
        "case_number": case_number,
        "date": day,
        "content_sha256": minutes_content_hash(minutes),
    }
    _edit(path, {"reported": reported}, lang)
    return Step(path, lang)


def amend(
    root: Path,
    reference: str,
    *,
    day: dt.date,
    text: str,
    reason: str,
    base: Path | None = None,
) -> Step:
    """Add a dated amendment to minutes that were reported."""
    context, _ = _checked(root, day, base)
    lang = context.language
    path, minutes, folder = _load(root, reference, lang)
    if not (minutes.reported and minutes.reported.date):
        council = texts.terms(context.kind, lang)["council"]
        raise _fail("L003", lang, path, council=council)
    existing = [a.model_dump(mode="python", exclude_none=True) for a in minutes.amendments or []]
    _edit(path, {"amendments": [*existing, {"date": day, "text": text, "reason": reason}]}, lang)
    return Step(path, lang)


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
                else label("role", p.role, lang)
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
        raise MinutesError(first.message, hint=first.hint, file=first.file, findings=problems)
    if record is None:
        path = root / "conversations" / conversation.folder / "minutes.yaml"
        raise _fail("L006", lang, path, folder=conversation.folder)
    missing = blocking(findings, conversation.folder)
    if missing and not draft:
        message, hint = texts.message("L004", lang)
        raise MinutesError(message, hint=hint, file=record.path, findings=missing)
    names = texts.data_file("conversation.yaml")["files"]
    source = Source.of(root, f"conversations/{conversation.folder}/minutes.yaml")
    specs = []
    for kind in ("public", "internal"):
        template_context = minutes_context(conversation, context, public_only=kind == "public")
        template_context["draft"] = bool(missing)
        name = texts.fill(
            texts.localized(names[f"minutes_{kind}"], lang), {"date": conversation.folder}
        )
        specs.append(
            DocumentSpec(
                options.folder(root) / name,
                f"documents/{lang}/minutes-{kind}.md.j2",
                template_context,
                [source],
            )
        )
    written = write_documents(root, context, specs, options)
    return RenderedMinutes(specs[0].target, specs[1].target, written.files, lang)


__all__ = [
    "MinutesError",
    "RenderedMinutes",
    "acknowledge",
    "amend",
    "approve",
    "find_conversation",
    "render_minutes",
    "report",
]
