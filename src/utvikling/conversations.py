"""Preparing a development conversation: its files, its readiness, and its agenda.

``prepare-conversation`` in the CLI calls :func:`prepare` and :func:`render_agenda`; everything
can be done from Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.agreements import current_agreement, definite, settings_of, terms
from utvikling.checklist import Conversation, Finding, LoadedRecord, RepositoryContext
from utvikling.checklist.predicates import plan_for
from utvikling.errors import InputError
from utvikling.models import Agreement, Meeting, Minutes, Plan, Settings
from utvikling.records import layout
from utvikling.records.files import create_file

FILES = {
    "meeting": "meeting.yaml",
    "input": "input.yaml",
    "self_evaluation": "self-evaluation.yaml",
    "evaluation": "evaluation.yaml",
}
ELECTED = ("mayor", "deputy_mayor", "opposition_leader", "group_leader", "member")


def words(key: str, lang: str) -> Any:
    """Return an entry of ``data/conversation.yaml`` in ``lang``."""
    entry = texts.data_file("conversation.yaml")[key]
    return entry.get(lang) or entry["nb"]


def label(section: str, key: str, lang: str) -> str:
    """Return the label of ``key`` (a status or theme id) in ``lang``."""
    return texts.localized(texts.data_file("conversation.yaml")[section][key], lang)


def resolve(root: Path, reference: str) -> tuple[Path, dt.date]:
    """Find the conversation folder for a date (``2026-09-15``) or a folder path.

    Raises:
        InputError: neither a date nor a folder named after one.
    """
    candidate = Path(reference)
    name = candidate.name if candidate.name else reference
    day = layout.folder_date(name)
    if day is None:
        message, hint = texts.message("K001", "nb", {"reference": reference})
        raise InputError(message, hint=hint)
    return root / "conversations" / name, day


@dataclass
class Prepared:
    """What :func:`prepare` did."""

    folder: Path
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def _participants(settings: Settings | None) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    body = settings.employer_body if settings else None
    for member in body.members or [] if body else []:
        people.append({"name": member.name, "role": member.role, "party": member.party})
    chief = settings.chief_executive if settings else None
    if chief and chief.name:
        people.append({"name": chief.name, "role": "chief_executive", "party": None})
    return people


def _groups(settings: Settings | None) -> list[dict[str, Any]]:
    """One input entry per party among the employer body's members, led by its leader there."""
    groups: dict[str, dict[str, Any]] = {}
    body = settings.employer_body if settings else None
    for member in body.members or [] if body else []:
        if member.party and member.role in ELECTED:
            groups.setdefault(member.party, {"group": member.party, "leader": member.name})
    return list(groups.values())


def _goals(plan: LoadedRecord | None) -> list[dict[str, Any]]:
    if plan is None or not isinstance(plan.model, Plan):
        return []
    return [
        {
            "id": goal.id,
            "title": goal.title,
            "indicators": [i.name for i in goal.indicators or [] if i.name],
        }
        for goal in plan.model.goals or []
        if goal.id
    ]


REVIEW_AFTER_DAYS = 90
"""A plan in force for less than this is not yet reviewed: a January conversation reviews the
plan of the year that just ended (and may adopt the new one)."""


def plan_to_review(context: RepositoryContext, day: dt.date) -> LoadedRecord | None:
    """Pick the plan a new conversation on ``day`` reviews."""
    started = sorted(
        (
            (record.model.period.start, record)
            for record in context.plans
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


def _is_salary_conversation(agreement: LoadedRecord | None, day: dt.date) -> bool | None:
    if agreement is None or not isinstance(agreement.model, Agreement):
        return None
    followup = agreement.model.procedures.followup if agreement.model.procedures else None
    month = followup.salary_talk_month if followup else None
    return None if month is None else month == day.month


def prepare(root: Path, reference: str, context: RepositoryContext) -> Prepared:
    """Create what a conversation needs for preparation; never overwrite anything.

    Creates, when missing, ``meeting.yaml`` (participants from the employer body),
    ``input.yaml`` (one entry per party group), ``self-evaluation.yaml`` and
    ``evaluation.yaml`` (one entry per goal of the plan under review). The two evaluations are
    created empty and apart: neither is filled from the other.
    """
    from utvikling.render import render_skeleton

    folder, day = resolve(root, reference)
    lang = context.language
    settings = settings_of(context)
    conversation = next(
        (c for c in context.conversations if c.folder == folder.name),
        Conversation(folder.name, day),
    )
    plan = plan_for(context, conversation) if "meeting" in conversation.records else None
    plan = plan or plan_to_review(context, day)
    plan_name = Path(plan.path).stem if plan else None
    chief_title = (
        settings.chief_executive.title if settings and settings.chief_executive else None
    ) or "kommunedirektør"
    body = settings.employer_body.name if settings and settings.employer_body else None
    mayor = next((p["name"] for p in _participants(settings) if p["role"] == "mayor"), None)
    values = {
        "date": day.isoformat(),
        "public_title": texts.fill(words("public_title", lang), {"ce": definite(chief_title)}),
        "body": body,
        "salary_conversation": _is_salary_conversation(current_agreement(context), day),
        "participants": _participants(settings),
        "closed_basis": words("closed_basis", lang),
        "plan": plan_name,
        "groups": _groups(settings),
        "collected_by": mayor,
        "goals": _goals(plan),
    }
    result = Prepared(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in FILES.values():
        path = folder / name
        if path.exists():
            result.kept.append(path)
            continue
        text = render_skeleton(f"{lang}/{name}.j2", values)
        try:
            create_file(path, text)
        except FileExistsError:
            result.kept.append(path)
        else:
            result.created.append(path)
    return result


@dataclass
class Agenda:
    """The two agenda variants that were written."""

    internal: Path
    public: Path
    files: list[Path] = field(default_factory=list)


def _status(value: str | None, lang: str) -> str:
    return label("status", value, lang) if value else ""


def agenda_context(conversation: Conversation, context: RepositoryContext) -> dict[str, Any]:
    """Everything the internal preparation pack shows, goal by goal and side by side."""
    lang = context.language
    settings = settings_of(context)
    meeting = conversation.model("meeting")
    plan = plan_for(context, conversation)
    own = conversation.model("self_evaluation")
    panel = conversation.model("evaluation")
    own_by_goal = {g.goal: g for g in own.goals or []} if own else {}
    panel_by_goal = {g.goal: g for g in panel.goals or []} if panel else {}
    rows = []
    if plan is not None and isinstance(plan.model, Plan):
        for goal in plan.model.goals or []:
            mine = own_by_goal.get(goal.id)
            theirs = panel_by_goal.get(goal.id)
            values = {v.name: v for v in (mine.indicator_values or [] if mine else [])}
            rows.append(
                {
                    "goal": goal,
                    "theme": label("theme", goal.theme, lang) if goal.theme else "",
                    "indicators": [
                        {"indicator": i, "latest": values.get(i.name)}
                        for i in goal.indicators or []
                    ],
                    "own": mine,
                    "own_status": _status(mine.status if mine else None, lang),
                    "panel": theirs,
                    "panel_status": _status(theirs.status if theirs else None, lang),
                }
            )
    agreement = current_agreement(context)
    deviation = _open_deviation(context, conversation)
    title = (settings.chief_executive.title if settings and settings.chief_executive else None) or (
        "kommunedirektør"
    )
    return {
        "meeting": meeting,
        "conversation_date": conversation.date,
        "plan": plan.model if plan else None,
        "plan_name": Path(plan.path).stem if plan else None,
        "rows": rows,
        "own": own,
        "panel": panel,
        "inputs": conversation.model("input"),
        "agreement": agreement.model if agreement else None,
        "agreement_name": Path(agreement.path).stem if agreement else None,
        "deviation": deviation,
        "salary": bool(meeting and meeting.salary_conversation),
        "salary_criteria": words("salary_criteria", lang),
        "purposes": [texts.fill(p, {"ce": definite(title)}) for p in words("purposes", lang)],
        "terms": terms(settings, lang),
        "ce_title": title,
        "ce": definite(title),
        "municipality": settings.municipality.name if settings and settings.municipality else "",
    }


def _open_deviation(context: RepositoryContext, conversation: Conversation) -> Any:
    """Return the deviation status from the latest earlier minutes, when it is still open."""
    earlier = [
        c
        for c in context.conversations
        if c.date and conversation.date and c.date < conversation.date
    ]
    for previous in sorted(earlier, key=lambda c: c.date or dt.date.min, reverse=True):
        minutes = previous.model("minutes")
        if isinstance(minutes, Minutes) and minutes.deviation and minutes.deviation.status:
            return minutes.deviation if minutes.deviation.status in ("opened", "ongoing") else None
    return None


def public_context(conversation: Conversation, context: RepositoryContext) -> dict[str, Any]:
    """What the public agenda item may show: the meeting, never its confidential content."""
    from utvikling.privacy import public

    lang = context.language
    settings = settings_of(context)
    meeting = conversation.model("meeting")
    title = (settings.chief_executive.title if settings and settings.chief_executive else None) or (
        "kommunedirektør"
    )
    shown = public(meeting) if isinstance(meeting, Meeting) else None
    if shown is not None and not shown.public_title:
        default = texts.fill(words("public_title", lang), {"ce": definite(title)})
        shown = shown.model_copy(update={"public_title": default})
    return {
        "meeting": shown,
        "conversation_date": conversation.date,
        "terms": terms(settings, lang),
        "ce_title": title,
        "ce": definite(title),
        "municipality": settings.municipality.name if settings and settings.municipality else "",
    }


def render_agenda(
    root: Path,
    conversation: Conversation,
    context: RepositoryContext,
    *,
    day: dt.date,
    output: Path | None = None,
    force: bool = False,
    templates: Path | None = None,
    formats: tuple[str, ...] = ("md",),
) -> Agenda:
    """Write the internal preparation pack and the public agenda item.

    Raises:
        FileExistsRefusedError: a document exists and was edited by hand (without ``force``).
    """
    from utvikling.render.documents import (
        Source,
        refuse_hand_edited,
        render_document,
        search_path,
        write_formats,
    )

    lang = context.language
    folder = output or root / layout.OUTPUT_DIR
    names = texts.data_file("conversation.yaml")["files"]
    date = conversation.folder
    targets = {
        kind: folder / texts.fill(texts.localized(names[kind], lang), {"date": date})
        for kind in ("internal", "public")
    }
    refuse_hand_edited(list(targets.values()), force=force, lang=lang, formats=formats)
    sources = [
        Source.of(root, f"conversations/{date}/{FILES[kind]}")
        for kind in sorted(conversation.records)
        if kind in FILES
    ]
    search = search_path(root, templates)
    contexts = {
        "internal": agenda_context(conversation, context),
        "public": public_context(conversation, context),
    }
    rendered = {  # both rendered before either is written: a template error writes nothing
        kind: render_document(
            f"documents/{lang}/agenda-{kind}.md.j2",
            contexts[kind],
            lang=lang,
            root=contexts[kind],
            sources=sources if kind == "internal" else [s for s in sources if "meeting" in s.path],
            day=day,
            search_path=search,
        )
        for kind in targets
    }
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    author = str(contexts["public"]["municipality"] or "")
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
    return Agenda(targets["internal"], targets["public"], files)


def readiness(findings: list[Finding], conversation_folder: str) -> list[Finding]:
    """Findings about one conversation (its files), for the readiness report."""
    marker = f"conversations/{conversation_folder}/"
    return [f for f in findings if f.file and marker in f.file]
