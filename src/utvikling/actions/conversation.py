"""Preparing a development conversation: its files, its readiness, and its agenda.

``prepare-conversation`` calls :func:`prepare_conversation`; everything can be done from Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.actions.documents import (
    DocumentOptions,
    internal_marking,
    label,
    parties,
    phrase,
    withheld,
    write_documents,
)
from utvikling.actions.recording import Recorded, Recording
from utvikling.actions.schema import modeline
from utvikling.checklist.common import ELECTED_ROLES
from utvikling.files import create_file
from utvikling.findings import Finding
from utvikling.models import Agreement, Plan, Settings
from utvikling.models.kinds import CONVERSATION_KINDS
from utvikling.records.layout import resolve_conversation
from utvikling.records.loaded import Conversation, LoadedRecord, RepositoryContext
from utvikling.records.repository import load_settings
from utvikling.render.documents import Source
from utvikling.render.writing import DocumentSpec

FILES = {kind.id: kind.file_name for kind in CONVERSATION_KINDS if kind.skeleton}
_KIND_OF = {name: kind for kind, name in FILES.items()}
"""The records ``prepare-conversation`` creates from skeletons, by kind."""


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
        if member.party and member.role in ELECTED_ROLES:
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
    from utvikling.render.environment import render_skeleton

    folder, day = resolve_conversation(root, reference)
    lang = context.language
    settings = context.settings_model
    conversation = context.conversation(folder.name) or Conversation(folder.name, day)
    plan = context.plan_for(conversation) if "meeting" in conversation.records else None
    plan = plan or context.plan_to_review(day)
    plan_name = plan.stem if plan else None
    chief = parties(context)["ce"]
    body = settings.employer_body.name if settings and settings.employer_body else None
    mayor = next((p["name"] for p in _participants(settings) if p["role"] == "mayor"), None)
    values = {
        "date": day.isoformat(),
        "public_title": texts.fill(phrase("public_title", lang), {"ce": chief}),
        "body": body,
        "salary_conversation": _is_salary_conversation(context.current_agreement(), day),
        "participants": _participants(settings),
        "closed_basis": phrase("closed_basis", lang),
        "plan": plan_name,
        "groups": _groups(settings),
        "collected_by": mayor,
        "goals": _goals(plan),
        "terms": context.terms(),
    }
    result = Prepared(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in FILES.values():
        path = folder / name
        if path.exists():
            result.kept.append(path)
            continue
        text = render_skeleton(f"{lang}/{name}.j2", values)
        text = modeline(_KIND_OF[name], f"conversations/{folder.name}/{name}") + text
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
    meeting = conversation.model("meeting")
    plan = context.plan_for(conversation)
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
    agreement = context.current_agreement()
    words = parties(context)
    return {
        **words,
        "meeting": meeting,
        "conversation_date": conversation.date,
        "plan": plan.model if plan else None,
        "plan_name": plan.stem if plan else None,
        "rows": rows,
        "own": own,
        "panel": panel,
        "inputs": conversation.model("input"),
        "agreement": agreement.model if agreement else None,
        "agreement_name": agreement.stem if agreement else None,
        "deviation": _open_deviation(context, conversation),
        "salary": bool(meeting and meeting.salary_conversation),
        "salary_criteria": [
            texts.fill(p, {"ce": words["ce"], "authority": words["terms"]["authority"]})
            for p in phrase("salary_criteria", lang)
        ],
        "purposes": [texts.fill(p, {"ce": words["ce"]}) for p in phrase("purposes", lang)],
    }


def _open_deviation(context: RepositoryContext, conversation: Conversation) -> Any:
    """Return the deviation status from the latest earlier minutes, when it is still open."""
    for previous in context.conversations_before(conversation.date):
        minutes = previous.minutes
        if minutes and minutes.deviation and minutes.deviation.status:
            return minutes.deviation if minutes.deviation.status in ("opened", "ongoing") else None
    return None


def public_context(conversation: Conversation, context: RepositoryContext) -> dict[str, Any]:
    """What the public agenda item may show: the meeting, never its confidential content."""
    from utvikling.render.projection import public

    words = parties(context)
    meeting = conversation.meeting
    shown = public(meeting) if meeting is not None else None
    if shown is not None and not shown.public_title:
        default = texts.fill(phrase("public_title", context.language), {"ce": words["ce"]})
        shown = shown.model_copy(update={"public_title": default})
    return {**words, "meeting": shown, "conversation_date": conversation.date}


def render_agenda(
    root: Path,
    conversation: Conversation,
    context: RepositoryContext,
    options: DocumentOptions,
) -> Agenda:
    """Write the internal preparation pack and the public agenda item.

    Raises:
        FileExistsRefusedError: a document exists and was edited by hand (without ``force``).
    """
    specs = agenda_specs(root, conversation, context, options)
    written = write_documents(root, context, list(specs.values()), options)
    return Agenda(specs["internal"].target, specs["public"].target, written.files)


def agenda_specs(
    root: Path,
    conversation: Conversation,
    context: RepositoryContext,
    options: DocumentOptions,
) -> dict[str, DocumentSpec]:
    """The internal preparation pack and the public agenda item of ``conversation``."""
    lang = context.language
    names = texts.data_file("conversation.yaml")["files"]
    date = conversation.folder
    sources = [
        Source.of(root, f"conversations/{date}/{FILES[kind]}")
        for kind in sorted(conversation.records)
        if kind in FILES
    ]
    contexts = {
        "internal": agenda_context(conversation, context),
        "public": public_context(conversation, context),
    }
    specs = {
        kind: DocumentSpec(
            options.folder(root) / texts.fill(texts.localized(names[kind], lang), {"date": date}),
            f"documents/{lang}/agenda-{kind}.md.j2",
            contexts[kind],
            sources if kind == "internal" else [s for s in sources if "meeting" in s.path],
            marking=internal_marking(lang) if kind == "internal" else "",
            public_title=contexts["public"]["meeting"].public_title
            if contexts["public"]["meeting"] is not None
            else None,
            withheld=withheld(conversation.meeting, lang),
        )
        for kind in ("internal", "public")
    }
    return specs


def readiness(findings: list[Finding], conversation_folder: str) -> list[Finding]:
    """Findings about one conversation (its files), for the readiness report."""
    marker = f"conversations/{conversation_folder}/"
    return [f for f in findings if f.file and marker in f.file]


@dataclass
class Preparation:
    """What :func:`prepare_conversation` did and what is still missing."""

    prepared: Prepared
    agenda: Agenda
    readiness: list[Finding]
    lang: str
    recorded: Recorded = Recorded("skipped")


def prepare_conversation(
    root: Path,
    reference: str,
    options: DocumentOptions,
    *,
    base: Path | None = None,
    commit: bool = True,
) -> Preparation:
    """Create a conversation's forms, render its agenda, and report its readiness.

    Raises:
        InputError: the settings do not load, or ``reference`` names no date.
        FileExistsRefusedError: an agenda document was edited by hand (without ``force``).
    """
    context = load_settings(root, options.day, base=base)
    prepared = prepare(root, reference, context)
    recorded = Recorded("skipped")
    if prepared.created:
        recording = Recording(root, context.language, commit=commit, base=base)
        recorded = recording.save(
            prepared.created, "conversation_prepared", folder=prepared.folder.name
        )
    result = check_repository(root, CheckOptions(today=options.day), base=base)
    assert result.loaded is not None
    current = result.loaded.context.conversation(prepared.folder.name)
    assert current is not None, "the conversation folder was just made"
    agenda = render_agenda(root, current, result.loaded.context, options)
    found = readiness(result.findings, prepared.folder.name)
    return Preparation(prepared, agenda, found, context.language, recorded)
