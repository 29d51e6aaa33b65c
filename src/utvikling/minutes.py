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
from utvikling.agreements import definite, settings_of, terms
from utvikling.checklist import Conversation, Finding, RepositoryContext
from utvikling.checklist.predicates import minutes_content_hash, plan_for
from utvikling.conversations import label, resolve
from utvikling.errors import UtviklingError
from utvikling.models import Meeting, Minutes, Plan
from utvikling.records import layout
from utvikling.records.roundtrip import EditRefused, edit_top_level

REQUIRED = ("C201", "C202", "C203", "C206")
"""Findings that stop the minutes from being approved or rendered (except as a draft)."""


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
    folder, _ = resolve(root, reference)
    for conversation in context.conversations:
        if conversation.folder == folder.name:
            return conversation
    raise _fail("L006", context.language, folder / "minutes.yaml", folder=folder.name)


def _load(root: Path, reference: str, lang: str) -> tuple[Path, Minutes, str]:
    folder, _ = resolve(root, reference)
    path = folder / "minutes.yaml"
    if not path.is_file():
        raise _fail("L006", lang, path, folder=folder.name)
    from utvikling.records.load import parse_record

    record, found = parse_record(path.read_bytes(), "minutes", path.as_posix(), lang)
    if record is None:
        raise MinutesError(
            found[0].message, hint=found[0].hint, file=path, findings=found, lang=lang
        )
    assert isinstance(record.model, Minutes)
    return path, record.model, folder.name


def _edit(path: Path, changes: dict[str, Any], lang: str) -> None:
    try:
        edit_top_level(path, changes)
    except EditRefused:
        raise _fail("L005", lang, path) from None


def _unlocked(minutes: Minutes, path: Path, folder: str, context: RepositoryContext) -> None:
    if minutes.reported and minutes.reported.date:
        council = terms(settings_of(context), context.language)["council"]
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
    return [f for f in findings if f.code in REQUIRED and f.file and f.file.endswith(marker)]


def approve(
    root: Path,
    reference: str,
    context: RepositoryContext,
    findings: list[Finding],
    *,
    body: str,
    day: dt.date,
) -> Path:
    """Record that the panel approved the minutes.

    Raises:
        MinutesError: locked, or required elements missing (the findings say which).
    """
    lang = context.language
    path, minutes, folder = _load(root, reference, lang)
    _unlocked(minutes, path, folder, context)
    missing = blocking(findings, folder)
    if missing:
        message, hint = texts.message("L004", lang)
        raise MinutesError(message, hint=hint, file=path, findings=missing, lang=lang)
    _edit(path, {"approved": {"body": body, "date": day}}, lang)
    return path


def acknowledge(
    root: Path, reference: str, context: RepositoryContext, *, day: dt.date, remark: str | None
) -> Path:
    """Record that the chief executive has read the approved minutes (with a remark, if any)."""
    lang = context.language
    path, minutes, folder = _load(root, reference, lang)
    _unlocked(minutes, path, folder, context)
    if not (minutes.approved and minutes.approved.date):
        raise _fail("L002", lang, path, folder=folder)
    _edit(path, {"acknowledged": {"date": day, "remark": remark}}, lang)
    return path


def report(
    root: Path,
    reference: str,
    context: RepositoryContext,
    *,
    day: dt.date,
    case_number: str,
    body: str | None = None,
) -> Path:
    """Record that the minutes were reported to the council, and lock them."""
    lang = context.language
    path, minutes, folder = _load(root, reference, lang)
    _unlocked(minutes, path, folder, context)
    if not (minutes.approved and minutes.approved.date):
        raise _fail("L002", lang, path, folder=folder)
    if not (minutes.acknowledged and minutes.acknowledged.date):
        raise _fail("L007", lang, path, folder=folder)
    council = terms(settings_of(context), lang)["council"]
    reported = {
        "body": body or council[0].upper() + council[1:],
        "case_number": case_number,
        "date": day,
        "content_sha256": minutes_content_hash(minutes),
    }
    _edit(path, {"reported": reported}, lang)
    return path


def amend(
    root: Path,
    reference: str,
    context: RepositoryContext,
    *,
    day: dt.date,
    text: str,
    reason: str,
) -> Path:
    """Add a dated amendment to minutes that were reported."""
    lang = context.language
    path, minutes, folder = _load(root, reference, lang)
    if not (minutes.reported and minutes.reported.date):
        council = terms(settings_of(context), lang)["council"]
        raise _fail("L003", lang, path, council=council)
    existing = [a.model_dump(mode="python", exclude_none=True) for a in minutes.amendments or []]
    _edit(path, {"amendments": [*existing, {"date": day, "text": text, "reason": reason}]}, lang)
    return path


@dataclass
class RenderedMinutes:
    """The public minutes and the internal record."""

    public: Path
    internal: Path
    files: list[Path]


def minutes_context(
    conversation: Conversation, context: RepositoryContext, *, public_only: bool
) -> dict[str, Any]:
    """What the minutes templates see; the public variant gets the public projection only."""
    from utvikling.privacy import public, withheld_count

    lang = context.language
    settings = settings_of(context)
    minutes = conversation.model("minutes")
    meeting = conversation.model("meeting")
    assert isinstance(minutes, Minutes)
    plan = plan_for(context, conversation)
    titles = {}
    if plan is not None and isinstance(plan.model, Plan):
        titles = {g.id: g.title for g in plan.model.goals or [] if g.id}
    title = (settings.chief_executive.title if settings and settings.chief_executive else None) or (
        "kommunedirektør"
    )
    withheld = withheld_count(minutes)
    if public_only:
        minutes = public(minutes)
        meeting = public(meeting) if isinstance(meeting, Meeting) else None
    people = minutes.participants or (meeting.participants if isinstance(meeting, Meeting) else [])
    return {
        "minutes": minutes,
        "meeting": meeting,
        "participants": [
            {
                "name": p.name,
                "role": title
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
        "terms": terms(settings, lang),
        "ce_title": title,
        "ce": definite(title),
        "municipality": settings.municipality.name if settings and settings.municipality else "",
        "conversation_date": conversation.date,
    }


def render_minutes(
    root: Path,
    conversation: Conversation,
    context: RepositoryContext,
    findings: list[Finding],
    *,
    day: dt.date,
    draft: bool = False,
    output: Path | None = None,
    force: bool = False,
    templates: Path | None = None,
    formats: tuple[str, ...] = ("md",),
) -> RenderedMinutes:
    """Write the public minutes and the internal record for one conversation.

    Raises:
        MinutesError: no minutes, or required elements missing (unless ``draft``).
        FileExistsRefusedError: a document was edited by hand (without ``force``).
    """
    from utvikling.render.documents import (
        Source,
        refuse_hand_edited,
        render_document,
        search_path,
        write_formats,
    )

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
    names = texts.data_file("conversation.yaml")["files"]
    folder = output or root / layout.OUTPUT_DIR
    targets = {
        kind: folder
        / texts.fill(texts.localized(names[f"minutes_{kind}"], lang), {"date": conversation.folder})
        for kind in ("public", "internal")
    }
    refuse_hand_edited(list(targets.values()), force=force, lang=lang, formats=formats)
    source = Source.of(root, f"conversations/{conversation.folder}/minutes.yaml")
    search = search_path(root, templates)
    rendered = {}
    for kind in targets:  # render both before writing either: a template error writes nothing
        template_context = minutes_context(conversation, context, public_only=kind == "public")
        template_context["draft"] = bool(missing)
        rendered[kind] = render_document(
            f"documents/{lang}/minutes-{kind}.md.j2",
            template_context,
            lang=lang,
            root=template_context,
            sources=[source],
            day=day,
            search_path=search,
        )
    author = str(template_context["municipality"] or "")
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for kind, target in targets.items():
        files += write_formats(
            target,
            rendered[kind],
            formats=formats,
            lang=lang,
            author=author,
            day=day,
            search_path=search,
        )
    return RenderedMinutes(targets["public"], targets["internal"], files)


__all__ = [
    "MinutesError",
    "find_conversation",
    "RenderedMinutes",
    "acknowledge",
    "amend",
    "approve",
    "render_minutes",
    "report",
]
