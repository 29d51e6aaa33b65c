"""New result and development plans, carried over from the goals agreed in the last minutes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from utvikling import texts, yamlsafe
from utvikling.actions.agreement import prune
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.actions.recording import Recorded, Recording
from utvikling.errors import FileExistsRefusedError
from utvikling.files import create_file, display_path
from utvikling.findings import Finding
from utvikling.models import Minutes, Plan
from utvikling.records.emit import emit
from utvikling.records.loaded import RepositoryContext
from utvikling.records.repository import load_repository


@dataclass
class NewPlan:
    """What :func:`create_plan` did."""

    path: Path
    plan: Plan
    based_on: str | None


def agreed_goals(context: RepositoryContext, year: int) -> tuple[str | None, list[dict[str, Any]]]:
    """Return (conversation folder, goals) from the latest minutes before the period ends."""
    folder, goals, _ = agreed(context, year)
    return folder, goals


def agreed(
    context: RepositoryContext, year: int
) -> tuple[str | None, list[dict[str, Any]], list[dict[str, Any]] | None]:
    """Return (folder, goals, development measures) agreed in the latest minutes."""
    end = dt.date(year, 12, 31)
    for conversation in sorted(
        context.conversations, key=lambda c: c.date or dt.date.min, reverse=True
    ):
        if conversation.date is None or conversation.date > end:
            continue
        minutes = conversation.minutes
        if isinstance(minutes, Minutes) and minutes.new_goals and minutes.new_goals.goals:
            goals = [prune(g.model_dump(mode="python")) for g in minutes.new_goals.goals]
            measures = minutes.development_measures
            carried = (
                None if measures is None else [prune(m.model_dump(mode="python")) for m in measures]
            )
            return conversation.folder, goals, carried
    return None, [], None


def blank_goals(count: int = 3) -> list[dict[str, Any]]:
    """Goals to fill in: an id each, everything else open."""
    return [{"id": f"M{n}"} for n in range(1, count + 1)]


def plan_text(values: dict[str, Any], year: int, context: RepositoryContext) -> str:
    """Return the YAML for a new plan with guiding comments, checked by reading it back."""
    lang = context.language
    form = texts.data_file("plan_form.yaml")
    words = {"year": year, **context.terms()}
    intro = texts.fill(texts.localized(form["intro"], lang), words)
    comments = {path: texts.localized(text, lang) for path, text in form["comments"].items()}
    body = emit(Plan, values, comments=comments)
    text = "".join(f"# {line}\n" for line in intro.splitlines()) + "\n" + body
    back = Plan.model_validate(yamlsafe.parse(text.encode("utf-8")).data)
    assert prune(back.model_dump(mode="python")) == prune(
        Plan.model_validate(values).model_dump(mode="python")
    ), "the plan YAML does not read back as written"
    return text


def create_plan(
    root: Path,
    year: int,
    context: RepositoryContext,
    *,
    goals: list[dict[str, Any]] | None = None,
    based_on: str | None = None,
) -> NewPlan:
    """Write ``plans/<year>.yaml``: the given goals, or those agreed in the last minutes.

    Raises:
        FileExistsRefusedError: the plan exists already.
    """
    target = root / "plans" / f"{year}.yaml"
    if target.exists():
        message, hint = texts.message("P900", context.language, {"year": year})
        raise FileExistsRefusedError(message, hint=hint, file=target)
    measures: list[dict[str, Any]] | None = None
    if goals is None:
        based_on, goals, measures = agreed(context, year)
        goals = goals or blank_goals()
    elif based_on is not None:
        measures = agreed(context, year)[2]
    values: dict[str, Any] = {
        "period": {"start": dt.date(year, 1, 1), "end": dt.date(year, 12, 31)},
        "adopted": {},
        "based_on": based_on,
        "goals": goals,
        "development_measures": measures,
    }
    plan = Plan.model_validate(prune(values))
    create_file(target, plan_text(prune(plan.model_dump(mode="python")), year, context))
    return NewPlan(target, plan, based_on)


GoalAsker = Callable[[str], list[dict[str, Any]]]
"""Asks for the goals of a guided start, in the given language."""


@dataclass
class PlanResult:
    """What :func:`new_plan` did, and what the checklist still says about the new plan."""

    created: NewPlan
    shown: str
    findings: list[Finding]
    lang: str
    recorded: Recorded = Recorded("skipped")


def new_plan(
    root: Path,
    year: int,
    *,
    day: dt.date,
    ask: GoalAsker | None = None,
    base: Path | None = None,
    commit: bool = True,
) -> PlanResult:
    """Create ``plans/<year>.yaml`` from the goals agreed in the last minutes, or ask for them.

    Raises:
        FileExistsRefusedError: the plan exists already.
    """
    context = load_repository(root, day, base=base).context
    based_on, goals = agreed_goals(context, year)
    if not goals and ask is not None:
        goals = ask(context.language)
    created = create_plan(root, year, context, goals=goals or None, based_on=based_on)
    recording = Recording(root, context.language, commit=commit, base=base)
    recorded = recording.save([created.path], "plan_created", year=year)
    result = check_repository(root, CheckOptions(today=day), base=base)
    shown = display_path(created.path.resolve(), base)
    remaining = [f for f in result.findings if f.file == shown]
    return PlanResult(created, shown, remaining, context.language, recorded)
