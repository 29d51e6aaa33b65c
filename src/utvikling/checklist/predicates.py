"""Named checks too rich for the generic ``required``/``answered`` forms in ``rules.yaml``.

Each takes the repository context and the rule's subject (a record, a conversation or the
context itself) and yields a :class:`Hit` for each problem.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from utvikling import texts
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
from utvikling.records.integrity import (
    Sources,
    broken_amendments,
    locked_parts,
    minutes_sources,
    part_hashes,
    stored_matches,
)
from utvikling.records.loaded import (
    Conversation,
    FieldPath,
    LoadedRecord,
    LockedVersion,
    RepositoryContext,
    supplements_another,
)
from utvikling.yamlsafe import excerpt

# Settings


def employer_body_has_mayor(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """The employer body lists members, but none of them is the mayor."""
    assert isinstance(record.model, Settings)
    members = get(record.model, ("employer_body", "members"))
    if members and not any(m.role == "mayor" for m in members):
        yield Hit(record, ("employer_body", "members"))


NUMBER_DIGITS = {"kommune": 4, "fylkeskommune": 2}
"""A kommunenummer has four digits, a fylkesnummer two."""


def municipality_number_form(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """The number's length does not fit the kind: four digits for a kommune, two for a county."""
    assert isinstance(record.model, Settings)
    municipality = record.model.municipality
    number = municipality.number if municipality else None
    if municipality and number and len(number) != NUMBER_DIGITS[municipality.kind or "kommune"]:
        yield Hit(record, ("municipality", "number"), {"number": number})


COUNCIL_KINDS = {"kommunestyre", "fylkesting"}


def employer_body_mandate(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """A body other than the council holds the conversation without a recorded mandate."""
    assert isinstance(record.model, Settings)
    body = record.model.employer_body
    if body is None or not body.name or body.kind in COUNCIL_KINDS:
        return
    mandate = body.mandate
    if mandate is None or mandate.date is None or is_blank(mandate.case_number):
        path = ("employer_body", "mandate") if mandate else ("employer_body", "name")
        yield Hit(record, path, {"body": excerpt(body.name)})


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


def _agreement_starts(context: RepositoryContext) -> list[dt.date]:
    return [
        record.model.start_date
        for record in context.agreements
        if isinstance(record.model, Agreement)
        and record.model.start_date
        and not record.model.superseded_by
    ]


def no_conversation_recorded(context: RepositoryContext, _: object, rule: Rule) -> Iterator[Hit]:
    """No conversation is recorded at all, more than twelve months after the agreement began.

    What the records show is only that none is recorded, so that is what the finding says.
    """
    if "meeting" in context.failed_kinds or any(
        c.held(context.today) for c in context.conversations
    ):
        return
    starts = _agreement_starts(context)
    if starts and add_months(min(starts), rule.number("max_months")) < context.today:
        yield Hit(context.settings, None, {"since": min(starts).isoformat()})


def conversation_frequency(context: RepositoryContext, _: object, rule: Rule) -> Iterator[Hit]:
    """More than twelve months between recorded conversations, or since the last one.

    With no conversation recorded at all, ``no_conversation_recorded`` speaks instead.
    """
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
    if not held:
        return
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


def agreement_expired(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """The agreement's validity, or its fixed term (åremål), ended before today."""
    model = record.model
    assert isinstance(model, Agreement)
    ends: list[tuple[FieldPath, dt.date | None]] = [
        (("validity", "end"), get(model, ("validity", "end")))
    ]
    if model.fixed_term and model.fixed_term.agreed:
        ends.append((("fixed_term", "end_date"), model.fixed_term.end_date))
    for path, end in ends:
        if isinstance(end, dt.date) and end < context.today:
            yield Hit(
                record,
                path,
                {
                    "field": ".".join(str(p) for p in path),
                    "end": end.isoformat(),
                    "today": context.today.isoformat(),
                    "name": record.path.rsplit("/", 1)[-1].removesuffix(".yaml"),
                },
            )


AMENDMENT_2024 = dt.date(2024, 7, 1)
"""aml. § 14-6 as amended by LOV-2023-12-15-88 applies to employment entered from this day."""

ADDED_IN_2024: tuple[FieldPath, ...] = (
    ("termination_procedure",),
    ("overtime",),
    ("pension_and_insurance",),
)
"""Fields for items that aml. § 14-6 has required only since 1 July 2024 (spec §2.2)."""

SUPPLEMENT_MONTHS = 2
"""A request to supplement an older agreement must be met within two months (spec §2.2)."""


def _before_2024(model: Agreement) -> bool:
    return model.start_date is not None and model.start_date < AMENDMENT_2024


def _missing_2024_items(model: Agreement) -> list[FieldPath]:
    return [path for path in ADDED_IN_2024 if is_blank(get(model, path))]


def _stated_since_2024(record: LoadedRecord, path: FieldPath) -> Iterator[Hit]:
    """A 2024 item is missing from an agreement for employment entered on or after 1 July 2024.

    Older agreements need it only when the employee asks (``amendment_2024_supplement``).
    """
    model = record.model
    assert isinstance(model, Agreement)
    if not _before_2024(model) and is_blank(get(model, path)):
        yield Hit(record, path, {"field": ".".join(str(p) for p in path), "_kind": "required"})


def termination_procedure_stated(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """The procedure on termination (aml. § 14-6 (1) h, from 1 July 2024) is missing."""
    yield from _stated_since_2024(record, ("termination_procedure",))


def overtime_stated(context: RepositoryContext, record: LoadedRecord, rule: Rule) -> Iterator[Hit]:
    """Shift changes and work beyond the agreed hours (aml. § 14-6, from 1 July 2024) missing."""
    yield from _stated_since_2024(record, ("overtime",))


def pension_and_insurance_stated(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """Social-security benefits and who receives the payments (from 1 July 2024) missing."""
    yield from _stated_since_2024(record, ("pension_and_insurance",))


def _fields(paths: list[FieldPath]) -> str:
    return ", ".join(f"«{'.'.join(str(p) for p in path)}»" for path in paths)


def _supplement_deadline(model: Agreement) -> dt.date | None:
    requested = model.supplement_requested_at
    return add_months(requested, SUPPLEMENT_MONTHS) if requested else None


def supplemented_agreement_present(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """A leader agreement names the employment agreement it supplements, not in agreements/."""
    assert isinstance(record.model, Agreement)
    named = record.model.supplements
    if named is None or not supplements_another(record.model):
        return
    if context.supplemented_agreement(record) is not None:
        return
    parts = [
        p for p in (named.file, named.date.isoformat() if named.date else None, named.title) if p
    ]
    yield Hit(record, ("supplements",), {"named": ", ".join(parts) or "–"})


def amendment_2024_supplement(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """An agreement from before 1 July 2024 lacks the 2024 items; needed only on request."""
    model = record.model
    assert isinstance(model, Agreement)
    missing = _missing_2024_items(model) if _before_2024(model) else []
    deadline = _supplement_deadline(model)
    if missing and (deadline is None or context.today <= deadline):
        yield Hit(record, ("start_date",), {"fields": _fields(missing)})


def amendment_2024_supplement_overdue(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """The employee asked for the 2024 items more than two months ago; they are still missing."""
    model = record.model
    assert isinstance(model, Agreement)
    missing = _missing_2024_items(model) if _before_2024(model) else []
    deadline = _supplement_deadline(model)
    if missing and deadline is not None and context.today > deadline:
        assert model.supplement_requested_at is not None
        yield Hit(
            record,
            ("supplement_requested_at",),
            {
                "fields": _fields(missing),
                "requested": model.supplement_requested_at.isoformat(),
                "deadline": deadline.isoformat(),
                "name": record.path.rsplit("/", 1)[-1].removesuffix(".yaml"),
            },
        )


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


def anchor_traceable(context: RepositoryContext, record: LoadedRecord, rule: Rule) -> Iterator[Hit]:
    """An anchor that names a plan or decision but gives neither its case number nor its date."""
    for index, goal in enumerate(_goals(record)):
        for number, anchor in enumerate(getattr(goal, "anchoring", None) or []):
            if anchor.title and is_blank(anchor.case_number) and anchor.date is None:
                yield Hit(
                    record,
                    ("goals", index, "anchoring", number),
                    {"goal": _goal_name(goal, index), "anchor": excerpt(anchor.title)},
                )


def _indicators(record: LoadedRecord) -> Iterator[tuple[int, object, int, Any]]:
    for index, goal in enumerate(_goals(record)):
        for number, indicator in enumerate(getattr(goal, "indicators", None) or []):
            yield index, goal, number, indicator


def indicator_baseline(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """An indicator with a target but no baseline: the change cannot be measured."""
    for index, goal, number, indicator in _indicators(record):
        if indicator.target and is_blank(indicator.baseline):
            yield Hit(
                record,
                ("goals", index, "indicators", number),
                {"goal": _goal_name(goal, index), "indicator": excerpt(indicator.name or "")},
            )


def indicator_target_measurable(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """A target such as «bedre» or «økt»: no number and no date, so nothing to check against."""
    for index, goal, number, indicator in _indicators(record):
        if indicator.target and not any(ch.isdigit() for ch in indicator.target):
            yield Hit(
                record,
                ("goals", index, "indicators", number, "target"),
                {
                    "goal": _goal_name(goal, index),
                    "indicator": excerpt(indicator.name or ""),
                    "target": excerpt(indicator.target),
                },
            )


UNITS = {
    "%": "prosent",
    "prosent": "prosent",
    "pst": "prosent",
    "prosentpoeng": "prosentpoeng",
    "pp": "prosentpoeng",
    "kr": "kroner",
    "kroner": "kroner",
    "nok": "kroner",
    "dag": "dager",
    "dager": "dager",
    "dagar": "dager",
    "døgn": "døgn",
    "time": "timer",
    "timer": "timer",
    "timar": "timer",
    "uke": "uker",
    "uker": "uker",
    "veke": "uker",
    "veker": "uker",
    "måned": "måneder",
    "måneder": "måneder",
    "månad": "måneder",
    "månader": "måneder",
    "år": "år",
    "tonn": "tonn",
    "kg": "kg",
    "personer": "personer",
    "personar": "personer",
}
"""Units a target may be written in, by what they measure; a target in one is compared with
the indicator's unit (spec §3.4: indicators with baseline and target)."""

MAGNITUDES = {"tusen", "mill", "millioner", "millionar", "mrd", "milliarder", "milliardar"}
"""Words that scale a number without changing its unit (18 millioner kroner)."""

_NUMBER = re.compile(r"\d[\d \u00a0]*(?:[.,]\d+)?")
_UNIT_TOKEN = re.compile(r"%|[^\W\d_]+")


def unit_of(text: str, *, after_number: bool) -> str | None:
    """Return the known unit a value or a unit text is written in, or None.

    With ``after_number`` only the words right after the first number count (``6,5 %``,
    ``18 millioner kroner``); a parenthesis ends the value (``79 (kullet fra 2020)``).
    """
    if after_number:
        match = _NUMBER.search(text)
        if match is None:
            return None
        text = text[match.end() :].split("(", 1)[0]
    for token in _UNIT_TOKEN.findall(text.lower()):
        if token in MAGNITUDES:
            continue
        if token in UNITS:
            return UNITS[token]
        if after_number:
            return None
    return None


def indicator_target_unit(
    context: RepositoryContext, record: LoadedRecord, rule: Rule
) -> Iterator[Hit]:
    """A target written in another unit than the indicator's own (6 dager for «prosent»)."""
    for index, goal, number, indicator in _indicators(record):
        if not indicator.target or not indicator.unit:
            continue
        expected = unit_of(indicator.unit, after_number=False)
        written = unit_of(indicator.target, after_number=True)
        if expected and written and expected != written:
            yield Hit(
                record,
                ("goals", index, "indicators", number, "target"),
                {
                    "goal": _goal_name(goal, index),
                    "indicator": excerpt(indicator.name or ""),
                    "target": excerpt(indicator.target),
                    "unit": excerpt(indicator.unit),
                },
            )


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


FURTHER_LEADING_ROLES = {"opposition_leader", "group_leader"}
"""Roles that count as «en annen ledende folkevalgt» beside the mayor and the deputy."""


def broad_participation(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """KS's minimum is the mayor, the deputy mayor AND a further leading elected member."""
    record, meeting = _meeting(conversation)
    if not record or not meeting or not meeting.participants:
        return
    roles = set(_elected(meeting))
    words = context.terms()
    missing = [] if "deputy_mayor" in roles else [words["deputy_mayor"]]
    if not roles & FURTHER_LEADING_ROLES:
        missing.append(words["further_elected"])
    if missing:
        yield Hit(record, ("participants",), {"missing": f" {words['and']} ".join(missing)})


def opposition_participates(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """No participant represents the opposition (KS-A: opposisjonsleder; KS-B: an example)."""
    record, meeting = _meeting(conversation)
    if record and meeting and meeting.participants and "opposition_leader" not in _elected(meeting):
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


def _withheld(minutes: Minutes) -> Iterator[tuple[FieldPath, Any]]:
    """Every item or group the public minutes leave out, with its path and the item itself."""
    groups: list[tuple[FieldPath, list[Any]]] = [
        (("interaction_principles",), minutes.interaction_principles or []),
        (("development_measures",), minutes.development_measures or []),
        (
            ("new_goals", "expectations"),
            (minutes.new_goals.expectations or []) if minutes.new_goals else [],
        ),
        (
            ("results_review", "goals"),
            (minutes.results_review.goals or []) if minutes.results_review else [],
        ),
    ]
    for path, items in groups:
        for index, item in enumerate(items):
            if item.confidential:
                yield (*path, index), item
    if minutes.salary is not None and minutes.salary.confidential:
        yield ("salary",), minutes.salary


def withheld_needs_basis(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Each piece withheld from the public minutes needs its own legal basis (spec §2.7).

    An item or the salary conclusion marked ``confidential: true`` names its basis in its own
    ``legal_basis``; the notes under ``confidential`` in ``confidential.legal_basis``.
    """
    record, minutes = _minutes(conversation)
    if not record or not minutes:
        return
    notes = minutes.confidential
    # Minutes reported before items had a basis of their own cannot gain one (they are locked):
    # the basis of the notes counts for their items too, and a correction is a dated amendment.
    locked = bool(minutes.reported and minutes.reported.date)
    shared = notes.legal_basis if notes is not None and locked else None
    for path, item in _withheld(minutes):
        if is_blank(item.legal_basis) and is_blank(shared):
            where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)[1:]
            yield Hit(record, (*path, "confidential"), {"where": where})
    if notes is not None and notes.notes and is_blank(notes.legal_basis):
        yield Hit(record, ("confidential", "notes"), {"where": "confidential.notes"})


NEGOTIATION_BASIS = re.compile(r"§\s*23\b")
"""Offl. § 23 (1), the only basis the spec leaves for withholding pay while negotiating."""


def salary_withheld(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """The salary conclusion is withheld, though the chief executive's pay is public."""
    record, minutes = _minutes(conversation)
    salary = minutes.salary if minutes else None
    if record is None or salary is None or not salary.confidential:
        return
    if salary.legal_basis and NEGOTIATION_BASIS.search(salary.legal_basis):
        return
    yield Hit(record, ("salary", "confidential"))


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
                missing.append(texts.word(f"evaluation_part.{name}", context.language))
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
    sources = _lock_sources(context, conversation)
    if record and sources and stored_matches(sources) is False:
        yield Hit(record, ("reported",), {"file": record.path})


def _lock_sources(context: RepositoryContext, conversation: Conversation) -> Sources | None:
    """What the lock covers, or None when part of it did not load (its own finding says why)."""
    if {"settings", "plan"} & context.failed_kinds or "meeting" in conversation.failed:
        return None
    return minutes_sources(context, conversation)


def _reported_day(minutes: Minutes | None) -> dt.date | None:
    return minutes.reported.date if minutes and minutes.reported else None


def minutes_checksum_missing(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Minutes reported without a checksum: they were never locked."""
    record, minutes = _minutes(conversation)
    reported = minutes.reported if minutes else None
    if record and reported and reported.date and not reported.content_sha256:
        yield Hit(record, ("reported",), {"folder": conversation.folder})


def amendments_locked(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """An amendment whose chained checksum does not match: it was edited or one was removed."""
    record, minutes = _minutes(conversation)
    if record and minutes:
        for index in broken_amendments(minutes):
            yield Hit(record, ("amendments", index), {"number": index + 1})


def _locked_version(
    context: RepositoryContext, conversation: Conversation
) -> tuple[LoadedRecord | None, Minutes | None, LockedVersion | None]:
    record, minutes = _minutes(conversation)
    return record, minutes, context.locked_versions.get(conversation.folder)


def minutes_match_history(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Reported minutes that differ from the content git holds at their locking commit."""
    record, minutes, version = _locked_version(context, conversation)
    sources = _lock_sources(context, conversation)
    if not record or version is None or sources is None or not _reported_day(minutes):
        return
    now = part_hashes(locked_parts(sources))
    changed = [version.files[name] for name in now if now[name] != version.parts.get(name)]
    if changed:
        yield Hit(
            record,
            ("reported",),
            {"commit": version.commit[:7], "date": version.date, "files": " ".join(changed)},
        )


def minutes_report_removed(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Minutes git holds as reported and locked, that no longer say they were reported."""
    record, minutes, version = _locked_version(context, conversation)
    if record and minutes and version is not None and not _reported_day(minutes):
        yield Hit(
            record,
            ("reported",) if minutes.reported else None,
            {"commit": version.commit[:7], "date": version.date, "file": version.files["minutes"]},
        )


def amendments_kept(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """An amendment that a commit after the lock holds, but the minutes no longer have."""
    record, minutes, version = _locked_version(context, conversation)
    if record and minutes and version is not None and version.dropped_amendment:
        yield Hit(
            record,
            ("amendments",) if minutes.amendments else None,
            {"commit": version.dropped_amendment[:7], "file": version.files["minutes"]},
        )


def minutes_checksum_recipe(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """A checksum by the first recipe, which covers only the minutes' own text."""
    record, minutes = _minutes(conversation)
    sources = _lock_sources(context, conversation)
    reported = minutes.reported if minutes else None
    old = reported is not None and reported.checksum_version is None
    if record and sources and old and stored_matches(sources):
        yield Hit(record, ("reported",), {"folder": conversation.folder})


def approved_after_meeting(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Minutes approved before the meeting took place."""
    record, minutes = _minutes(conversation)
    meeting = conversation.meeting
    held = (meeting.date if meeting else None) or conversation.date
    approved = minutes.approved.date if minutes and minutes.approved else None
    if record and held and approved and approved < held:
        yield Hit(
            record,
            ("approved", "date"),
            {"approved": approved.isoformat(), "meeting": held.isoformat()},
        )


def acknowledged_after_approved(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """The chief executive acknowledged the minutes before they were approved."""
    record, minutes = _minutes(conversation)
    approved = minutes.approved.date if minutes and minutes.approved else None
    acknowledged = minutes.acknowledged.date if minutes and minutes.acknowledged else None
    if record and approved and acknowledged and acknowledged < approved:
        title = context.chief_title or "kommunedirektør"
        ce = texts.definite(title)
        yield Hit(
            record,
            ("acknowledged", "date"),
            {
                "acknowledged": acknowledged.isoformat(),
                "approved": approved.isoformat(),
                "ce": ce[0].upper() + ce[1:],
            },
        )


def reported_after_approved(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """Minutes reported to the council before they were approved."""
    record, minutes = _minutes(conversation)
    approved = minutes.approved.date if minutes and minutes.approved else None
    reported = _reported_day(minutes)
    if record and approved and reported and reported < approved:
        yield Hit(
            record,
            ("reported", "date"),
            {"reported": reported.isoformat(), "approved": approved.isoformat()},
        )


def amendment_after_reported(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """An amendment dated before the minutes were reported."""
    record, minutes = _minutes(conversation)
    reported = _reported_day(minutes)
    if not record or not minutes or reported is None:
        return
    for index, amendment in enumerate(minutes.amendments or []):
        if amendment.date and amendment.date < reported:
            yield Hit(
                record,
                ("amendments", index, "date"),
                {
                    "number": index + 1,
                    "amended": amendment.date.isoformat(),
                    "reported": reported.isoformat(),
                },
            )


def amendments_in_order(
    context: RepositoryContext, conversation: Conversation, rule: Rule
) -> Iterator[Hit]:
    """An amendment dated before the one above it."""
    record, minutes = _minutes(conversation)
    if not record or not minutes:
        return
    previous: dt.date | None = None
    for index, amendment in enumerate(minutes.amendments or []):
        if amendment.date is None:
            continue
        if previous is not None and amendment.date < previous:
            yield Hit(
                record,
                ("amendments", index, "date"),
                {
                    "number": index + 1,
                    "amended": amendment.date.isoformat(),
                    "previous": previous.isoformat(),
                },
            )
        previous = max(previous, amendment.date) if previous else amendment.date
