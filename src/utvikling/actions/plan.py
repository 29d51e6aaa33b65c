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
from utvikling.actions.form import Form, Question, choices, get
from utvikling.actions.recording import Recorded, Recording
from utvikling.actions.schema import modeline
from utvikling.errors import FileExistsRefusedError
from utvikling.files import create_file, display_path
from utvikling.findings import Finding
from utvikling.models import Minutes, Plan
from utvikling.records.emit import emit
from utvikling.records.load import load_answers
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
    text = modeline("plan", "plans/x.yaml") + text
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


def goal_questions(
    lang: str, terms: dict[str, str] | None = None
) -> Callable[[dict[str, Any]], list[Question]]:
    """The guided start's questions: how many goals, then each goal's essentials.

    ``terms`` are the glossary's words for the authority (a kommune's when not given).
    """
    words = terms or texts.terms("kommune", lang)
    from typing import get_args

    from utvikling.models.common import Theme

    form = texts.data_file("plan_form.yaml")
    themes = choices("theme", get_args(Theme), lang)

    def question(name: str, key: str, kind: str = "text", n: int = 0, **more: Any) -> Question:
        entry = form["questions"][name]
        return Question(
            key,
            kind,
            texts.fill(texts.localized(entry["ask"], lang), {**words, "n": n}),
            group=texts.fill(texts.localized(form["group"], lang), {**words, "n": n}) if n else "",
            explain=texts.fill(texts.localized(entry["explain"], lang), words),
            **more,
        )

    def questions(values: dict[str, Any]) -> list[Question]:
        asked = [question("count", "_count", "whole", low=1, high=5)]
        for n in range(1, int(values.get("_count") or 3) + 1):
            goal = f"goals.{n - 1}"
            asked += [
                question("title", f"{goal}.title", n=n),
                question("theme", f"{goal}.theme", "choice", n=n, choices=themes),
                question("anchor", f"{goal}.anchoring.0.title", n=n),
            ]
            if get(values, f"{goal}.anchoring.0.title"):
                asked.append(question("case_number", f"{goal}.anchoring.0.case_number", n=n))
            asked += [
                question("factor", f"{goal}.success_factors.0", n=n),
                question("indicator", f"{goal}.indicators.0.name", n=n),
            ]
            if get(values, f"{goal}.indicators.0.name"):
                asked += [
                    question("baseline", f"{goal}.indicators.0.baseline", n=n),
                    question("target", f"{goal}.indicators.0.target", n=n),
                ]
        return asked

    return questions


def goal_form(root: Path, year: int, lang: str, terms: dict[str, str] | None = None) -> Form:
    """The guided start of a plan as a form (saved between runs as ``plan-<year>``)."""
    return Form(f"plan-{year}", lang, goal_questions(lang, terms), {"_count": 3}, Plan, root)


def goals_of(values: dict[str, Any]) -> list[dict[str, Any]]:
    """The goals a finished form holds, each with its id and without empty parts."""
    count = int(values.get("_count") or 3)
    goals: list[dict[str, Any]] = []
    for n, raw in enumerate((values.get("goals") or [])[:count], start=1):
        goal = prune(dict(raw or {}))
        for part in ("anchoring", "indicators"):
            kept = [item for item in goal.get(part, []) if item]
            goal.pop(part, None)
            if kept:
                goal[part] = kept
        factors = [f for f in goal.pop("success_factors", []) if f]
        if factors:
            goal["success_factors"] = factors
        goals.append({"id": f"M{n}", **goal})
    goals += [{"id": f"M{n}"} for n in range(len(goals) + 1, count + 1)]
    return goals


GoalAsker = Callable[[Form], dict[str, Any]]
"""Runs the guided start's form (on a terminal) and returns its values."""


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
    answers: Path | None = None,
    base: Path | None = None,
    commit: bool = True,
) -> PlanResult:
    """Create ``plans/<year>.yaml`` from the goals agreed in the last minutes, or ask for them.

    Without agreed goals the goals come from ``answers`` (a file shaped like a plan), else from
    the guided form ``ask`` runs.

    Raises:
        FileExistsRefusedError: the plan exists already.
        InputError: the answers file is not a well-formed plan.
    """
    context = load_repository(root, day, base=base).context
    based_on, goals = agreed_goals(context, year)
    if answers is not None:
        given = load_answers(answers, "plan", context.language).document.data
        based_on, goals = None, list(given.get("goals") or [])
    elif not goals and ask is not None:
        form = goal_form(root, year, context.language, context.terms())
        goals = goals_of(ask(form))
    created = create_plan(root, year, context, goals=goals or None, based_on=based_on)
    recording = Recording(root, context.language, commit=commit, base=base)
    recorded = recording.save([created.path], "plan_created", year=year)
    result = check_repository(root, CheckOptions(today=day), base=base)
    shown = display_path(created.path.resolve(), base)
    remaining = [f for f in result.findings if f.file == shown]
    return PlanResult(created, shown, remaining, context.language, recorded)
