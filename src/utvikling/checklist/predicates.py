"""Named checks too rich for the generic ``required``/``answered`` forms in ``rules.yaml``.

Each takes the repository context and the rule's subject (a record, a conversation or the
context itself) and yields a :class:`Hit` for each problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from utvikling.checklist.common import (
    ELECTED_ROLES,
    Hit,
    add_months,
    conversation_record,
    get,
    is_blank,
    is_current,
    months_between,
)
from utvikling.checklist.ruledata import Rule
from utvikling.models import Agreement, Meeting, Minutes, Plan, Settings
from utvikling.records.cycle import late_steps, period_text
from utvikling.records.integrity import minutes_content_hash
from utvikling.records.loaded import Conversation, LoadedRecord, RepositoryContext

# Settings


def employer_body_has_mayor(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """The employer body lists members, but none of them is the mayor."""
    assert isinstance(record.model, Settings)
    members = get(record.model, ("employer_body", "members"))
    if members and not any(m.role == "mayor" for m in members):
        yield Hit(record, ("employer_body", "members"))


# Repository


def agreement_exists(context: RepositoryContext, _: object, rule: Rule) -> Iterator[Hit]:
    """There is no agreement at all."""
    if not context.agreements and "agreement" not in context.failed_kinds:
        yield Hit(context.settings)


def current_plan_exists(context: RepositoryContext, _: object, rule: Rule) -> Iterator[Hit]:
    """No plan covers today."""
    if "plan" in context.failed_kinds:
        return
    for record in context.plans:
        assert isinstance(record.model, Plan)
        period = record.model.period
        if period and period.start and period.end and period.start <= context.today <= period.end:
            return
    yield Hit(context.settings, None, {"today": context.today.isoformat()})


def conversation_frequency(context: RepositoryContext, _: object, rule: Rule) -> Iterator[Hit]:
    """More than twelve months between development conversations, or since the last one."""
    if "meeting" in context.failed_kinds:
        return
    starts = [
        record.model.start_date
        for record in context.agreements
        if isinstance(record.model, Agreement)
        and record.model.start_date
        and not record.model.superseded_by
    ]
    held = sorted(
        (c for c in context.conversations if c.held(context.today)),
        key=lambda c: c.date or dt.date.min,
    )
    previous: dt.date | None = min(starts) if starts else None
    if previous is not None and previous > context.today:
        return
    for conversation in [*held, None]:
        day = conversation.date if conversation else context.today
        assert day is not None
        if (
            previous is not None
            and add_months(previous, rule.number("max_months")) < day
            and is_current(day, context)
        ):
            record = conversation_record(conversation, "meeting") if conversation else None
            yield Hit(
                record or context.settings,
                ("date",) if record else None,
                {
                    "months": months_between(previous, day),
                    "since": previous.isoformat(),
                    "until": day.isoformat(),
                },
            )
        previous = day


def late_cycle_step(context: RepositoryContext, _: object, rule: Rule) -> Iterator[Hit]:
    """A step of the yearly cycle this rule stands for is late (see ``records/cycle.py``)."""
    for step in late_steps(context, rule.code):
        params = dict(step.params)
        params["period"] = period_text(step.params, context.language)
        params["due"] = step.due.isoformat() if step.due else ""
        yield Hit(step.anchor or context.settings, step.anchor_path, params)


# Agreement


def waiver_needs_severance(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """Dismissal protection waived (aml. § 15-16 (2)) without severance pay."""
    assert isinstance(record.model, Agreement)
    severance = record.model.severance
    if severance and severance.waiver_aml_15_16_2 and severance.agreed is False:
        yield Hit(record, ("severance", "waiver_aml_15_16_2"))


def agreement_dates_in_order(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """An end date before the start date."""
    model = record.model
    assert isinstance(model, Agreement)
    if model.start_date is None:
        return
    for path in (("fixed_term", "end_date"), ("validity", "end")):
        value = get(model, path)
        if isinstance(value, dt.date) and value < model.start_date:
            yield Hit(record, path, {"field": ".".join(path)})


def adopted_agreement_signed(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """An agreement marked adopted without signatures."""
    assert isinstance(record.model, Agreement)
    if record.model.status == "adopted" and not record.model.signatures:
        yield Hit(record, ("status",))


# Plan


def _goals(record: LoadedRecord) -> list[object]:
    assert isinstance(record.model, Plan)
    return list(record.model.goals or [])


def _goal_name(goal: object, index: int) -> str:
    name = getattr(goal, "id", None) or getattr(goal, "title", None) or f"nr. {index + 1}"
    return str(name)


def goal_count(context: RepositoryContext, record: LoadedRecord, rule: Rule) -> Iterator[Hit]:
    """Fewer than three or more than five goals."""
    count = len(_goals(record))
    if not rule.number("min_goals") <= count <= rule.number("max_goals"):
        yield Hit(record, ("goals",), {"count": count})


def goal_anchored(context: RepositoryContext, record: LoadedRecord, rule: Rule) -> Iterator[Hit]:
    """A goal not anchored in a council plan or decision."""
    for index, goal in enumerate(_goals(record)):
        anchors = getattr(goal, "anchoring", None) or []
        if not any(a.title or a.case_number for a in anchors):
            path = ("goals", index, "anchoring") if anchors else ("goals", index)
            yield Hit(record, path, {"goal": _goal_name(goal, index)})


def goal_indicator(context: RepositoryContext, record: LoadedRecord, rule: Rule) -> Iterator[Hit]:
    """A goal without an indicator that has a target."""
    for index, goal in enumerate(_goals(record)):
        indicators = getattr(goal, "indicators", None) or []
        if not any(i.name and i.target for i in indicators):
            path = ("goals", index, "indicators") if indicators else ("goals", index)
            yield Hit(record, path, {"goal": _goal_name(goal, index)})


def goal_success_factors(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """A goal without critical success factors."""
    for index, goal in enumerate(_goals(record)):
        if not getattr(goal, "success_factors", None):
            yield Hit(record, ("goals", index), {"goal": _goal_name(goal, index)})


def goal_identity(context: RepositoryContext, record: LoadedRecord, rule: Rule) -> Iterator[Hit]:
    """A goal without id or title, or with an id used twice."""
    seen: set[str] = set()
    for index, goal in enumerate(_goals(record)):
        goal_id = getattr(goal, "id", None)
        if not goal_id or not getattr(goal, "title", None) or goal_id in seen:
            yield Hit(record, ("goals", index), {"number": index + 1})
        if goal_id:
            seen.add(goal_id)


# Conversation


def _meeting(conversation: Conversation) -> tuple[LoadedRecord | None, Meeting | None]:
    record = conversation.records.get("meeting")
    model = record.model if record else None
    return record, model if isinstance(model, Meeting) else None


def _elected(meeting: Meeting) -> list[str]:
    return [p.role for p in meeting.participants or [] if p.role in ELECTED_ROLES]


def mayor_participates(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """The mayor is not among the participants."""
    record, meeting = _meeting(conversation)
    if record and meeting and "mayor" not in _elected(meeting):
        yield Hit(record, ("participants",))


def participant_count(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Fewer than three or more than five elected participants."""
    record, meeting = _meeting(conversation)
    if not record or not meeting or not meeting.participants:
        return
    count = len(_elected(meeting))
    settings = context.settings.model if context.settings else None
    body_kind = get(settings, ("employer_body", "kind"))
    whole_body = body_kind in rule.names("whole_body_kinds")
    too_many = count > rule.number("max_elected") and not whole_body
    if count < rule.number("min_elected") or too_many:
        yield Hit(record, ("participants",), {"count": count})


def broad_participation(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Neither the deputy mayor nor the opposition takes part."""
    record, meeting = _meeting(conversation)
    if not record or not meeting or not meeting.participants:
        return
    roles = set(_elected(meeting))
    if not roles & {"deputy_mayor", "opposition_leader"}:
        yield Hit(record, ("participants",))


def closed_meeting_basis(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """The meeting is not recorded as closed with a legal basis."""
    record, meeting = _meeting(conversation)
    if not record or not meeting:
        return
    closed = meeting.closed_meeting
    if not closed or not closed.closed or is_blank(closed.legal_basis):
        yield Hit(record, ("closed_meeting",))


def meeting_date_matches_folder(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """``meeting.date`` differs from the folder's date."""
    record, meeting = _meeting(conversation)
    folder_day = conversation.date
    if record and meeting and meeting.date and folder_day and folder_day != meeting.date:
        yield Hit(
            record,
            ("date",),
            {"date": meeting.date.isoformat(), "folder": conversation.folder},
        )


def _minutes(conversation: Conversation) -> tuple[LoadedRecord | None, Minutes | None]:
    record = conversation.records.get("minutes")
    model = record.model if record else None
    return record, model if isinstance(model, Minutes) else None


def minutes_results_review(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Element 1 of the minutes is missing."""
    record, minutes = _minutes(conversation)
    if record and minutes and is_blank(minutes.results_review):
        yield Hit(record, ("results_review",))


def minutes_new_goals(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Element 2 of the minutes is missing."""
    record, minutes = _minutes(conversation)
    if record and minutes and is_blank(minutes.new_goals):
        yield Hit(record, ("new_goals",))


def minutes_interaction_principles(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Element 3 of the minutes is missing."""
    record, minutes = _minutes(conversation)
    if record and minutes and not any(i.text for i in minutes.interaction_principles or []):
        yield Hit(record, ("interaction_principles",))


def minutes_development_measures(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Element 4 of the minutes is not answered (an empty list says: none agreed)."""
    record, minutes = _minutes(conversation)
    if record and minutes and minutes.development_measures is None:
        yield Hit(record, ("development_measures",))


def minutes_salary(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """A salary conversation whose minutes give no salary conclusion."""
    _, meeting = _meeting(conversation)
    record, minutes = _minutes(conversation)
    missing = minutes is not None and (
        minutes.salary is None or is_blank(minutes.salary.conclusion)
    )
    if record and missing and meeting and meeting.salary_conversation:
        yield Hit(record, ("salary",))


def withheld_needs_basis(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Something is withheld from the public minutes without a legal basis."""
    record, minutes = _minutes(conversation)
    if not record or not minutes:
        return
    items = [
        *(minutes.interaction_principles or []),
        *(minutes.development_measures or []),
        *(minutes.new_goals.expectations or [] if minutes.new_goals else []),
        *(minutes.results_review.goals or [] if minutes.results_review else []),
    ]
    withheld = any(getattr(i, "confidential", False) for i in items) or bool(
        minutes.confidential and minutes.confidential.notes
    )
    basis = minutes.confidential.legal_basis if minutes.confidential else None
    if withheld and is_blank(basis):
        yield Hit(record, ("confidential",) if minutes.confidential else None)


def minutes_exist(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """A conversation held some time ago has no minutes."""
    record, _ = _meeting(conversation)
    if record is None or "minutes" in conversation.records or not conversation.held(context.today):
        return
    assert conversation.date is not None
    if (context.today - conversation.date).days > rule.number("grace_days"):
        yield Hit(record, None)


def minutes_reported(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Minutes not reported to the council two months after the conversation."""
    record, minutes = _minutes(conversation)
    if not record or not minutes or conversation.date is None:
        return
    days = (context.today - conversation.date).days
    if days > rule.number("grace_days") and (
        minutes.reported is None or minutes.reported.date is None
    ):
        yield Hit(record, ("reported",), {"days": days})


# Readiness of an upcoming conversation


def _goal_ids(plan: LoadedRecord | None) -> list[str]:
    if plan is None or not isinstance(plan.model, Plan):
        return []
    return [g.id for g in plan.model.goals or [] if g.id]


def ready_plan_under_review(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """An upcoming conversation with no plan to review."""
    record, _ = _meeting(conversation)
    if not record or not conversation.upcoming(context.today) or "plan" in context.failed_kinds:
        return
    if context.plan_for(conversation) is None:
        yield Hit(record, ("plan_under_review",))


def ready_self_evaluation(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """The self-evaluation is missing, or says nothing about some of the plan's goals."""
    record, _ = _meeting(conversation)
    if not record or not conversation.upcoming(context.today):
        return
    if "self_evaluation" in conversation.failed:
        return
    goals = _goal_ids(context.plan_for(conversation))
    evaluation = conversation.model("self_evaluation")
    answered = {
        g.goal for g in (evaluation.goals or [] if evaluation else []) if g.goal and g.status
    }
    missing = [g for g in goals if g not in answered] if goals else []
    if evaluation is None or missing:
        target = conversation.records.get("self_evaluation", record)
        yield Hit(target, ("goals",) if evaluation else None, {"goals": ", ".join(missing) or "—"})


def ready_group_input(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """No input from one or more of the party groups."""
    record, _ = _meeting(conversation)
    if not record or not conversation.upcoming(context.today) or "input" in conversation.failed:
        return
    gathered = conversation.model("input")
    contributions = gathered.contributions or [] if gathered else []
    silent = [c.group or "?" for c in contributions if is_blank(c.text) or c.received is None]
    if gathered is None or not contributions or silent:
        target = conversation.records.get("input", record)
        yield Hit(
            target, ("contributions",) if gathered else None, {"groups": ", ".join(silent) or "—"}
        )


def ready_panel_evaluation(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """The panel has not written its evaluation."""
    record, _ = _meeting(conversation)
    if (
        not record
        or not conversation.upcoming(context.today)
        or "evaluation" in conversation.failed
    ):
        return
    evaluation = conversation.model("evaluation")
    missing = []
    if evaluation is None:
        missing.append("evaluation.yaml")
    else:
        assessed = {g.goal for g in evaluation.goals or [] if g.goal and g.status}
        missing += [g for g in _goal_ids(context.plan_for(conversation)) if g not in assessed]
        for name in ("leadership", "organisational_development", "political_decisions"):
            if is_blank(getattr(evaluation, name)):
                missing.append(name)
    if missing:
        target = conversation.records.get("evaluation", record)
        yield Hit(
            target, None if evaluation is None else ("goals",), {"missing": ", ".join(missing)}
        )


def minutes_locked(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Minutes changed after they were reported (the checksum no longer matches)."""
    record, minutes = _minutes(conversation)
    reported = minutes.reported if minutes else None
    recorded = reported.content_sha256 if reported else None
    if record and minutes and recorded and recorded != minutes_content_hash(minutes):
        yield Hit(record, ("reported",))
