"""The yearly cycle of the employer role: every step, when it is due, and whether it is done.

Queries over records already loaded, like :mod:`utvikling.records.loaded`: nothing here reads a
record file. The kinds of step, their texts and the defaults used where the records are silent
are data (``data/cycle.yaml``), validated by the schema below when it is read. ``utvikling
status`` lists the steps, the calendar exports them, ``overview`` shows the next one, and the
checklist's U rules report the late ones, so all of them agree.

Everything is "as of" the repository's ``today``: a record dated after it (an approval, a
conversation) does not count yet, so the same records can be asked about any day of the year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from dataclasses import field as _field
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from utvikling import texts
from utvikling.errors import UtviklingError, schema_problems
from utvikling.models import Agreement, Meeting, Minutes, Plan
from utvikling.models.conversation import GroupInput, PanelEvaluation, SelfEvaluation
from utvikling.records.loaded import Conversation, FieldPath, LoadedRecord, RepositoryContext
from utvikling.yamlsafe import Document

CYCLE_FILE = "cycle.yaml"

State = Literal["done", "overdue", "due", "upcoming", "missed"]
STATES: tuple[State, ...] = ("overdue", "due", "upcoming", "missed", "done")
"""In the order a person wants to see them: what is late first."""

Actor = Literal["body", "council", "mayor", "chief_executive", "mayor_and_chief"]


# --- the data file and its schema ------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(_Strict):
    """A text in bokmål and nynorsk."""

    nb: str
    nn: str

    def get(self, lang: str) -> str:
        """Return the text in ``lang`` (bokmål when ``lang`` is unknown)."""
        return self.nn if lang == "nn" else self.nb


class Default(_Strict):
    """A number used where the records are silent, with where it comes from."""

    value: int = Field(ge=0)
    source: Localized


class Convention(_Strict):
    """A default that is a rule rather than a number, with where it comes from."""

    source: Localized


class Defaults(_Strict):
    """Every default the cycle uses; each one is named, so a typo is an error."""

    plan_month: Default
    conversation_interval_months: Default
    slot_tolerance_months: Default
    minutes_written_days: Default
    minutes_approved_days: Default
    minutes_acknowledged_days: Default
    minutes_reported_days: Default
    deviation_followup_months: Default
    salary_month: Convention
    input_days_before: Default
    self_evaluation_days_before: Default
    evaluation_days_before: Default


class StepKind(_Strict):
    """One kind of step: who does it, when it is «snart», its texts and its rule."""

    actor: Actor
    lead_days: int = Field(ge=0)
    alarm_days: int = Field(ge=0)
    rule: tuple[str, ...] = ()
    label: Localized
    what: Localized


class Steps(_Strict):
    """Every kind of step, in the order ``status`` lists steps due the same day."""

    agreement: StepKind
    agreement_renewal: StepKind
    fixed_term_end: StepKind
    plan: StepKind
    conversation: StepKind
    input: StepKind
    self_evaluation: StepKind
    evaluation: StepKind
    salary: StepKind
    minutes_written: StepKind
    minutes_approved: StepKind
    minutes_acknowledged: StepKind
    minutes_reported: StepKind
    deviation_followup: StepKind


class CycleData(_Strict):
    """The whole data file."""

    defaults: Defaults
    steps: Steps

    def kind(self, name: str) -> StepKind:
        """Return the kind of step called ``name``."""
        kind: StepKind = getattr(self.steps, name)
        return kind


STEP_ORDER: tuple[str, ...] = tuple(Steps.model_fields)


class CycleDataError(UtviklingError):
    """The cycle data is not well formed (a mistake in ``cycle.yaml``, not in the records)."""


def parse_cycle(document: Document, document_name: str = CYCLE_FILE) -> CycleData:
    """Validate the cycle data; every problem is reported with its line and column.

    Raises:
        CycleDataError: the file does not match the schema.
    """
    try:
        return CycleData.model_validate(document.data)
    except ValidationError as exc:
        lines, (line, column) = schema_problems(exc, document, document_name)
        raise CycleDataError(
            "Dataene for årshjulet er ikke gyldige:\n" + "\n".join(lines),
            hint="Rett feltene som er nevnt; se forklaringen øverst i cycle.yaml.",
            file=document_name,
            line=line,
            column=column,
        ) from None


@cache
def cycle_data() -> CycleData:
    """Return the validated cycle data (read once)."""
    return parse_cycle(texts.data_document(CYCLE_FILE))


# --- steps -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step of the yearly cycle, as of the repository's ``today``."""

    kind: str
    """The kind of step in ``cycle.yaml`` (``plan``, ``conversation``, ``minutes_reported`` …)."""
    key: str
    """Stable for the same step from one run to the next (the calendar's UID is made from it)."""
    due: dt.date | None
    """The day it is due; None when it is due now and the records give no date."""
    state: State
    params: Mapping[str, str] = _field(default_factory=dict)
    """Values for the step's label: ``year``, ``month``, ``date``, ``end`` (ISO dates)."""
    done_on: dt.date | None = None
    scheduled: dt.date | None = None
    """A conversation's planned date, when its folder exists."""
    record: str | None = None
    """The record to fill in, relative to the repository root."""
    field: str | None = None
    """The field to fill in that record, when that is how the step is done."""
    command: tuple[str, ...] = ()
    """The ``utvikling`` command that does it (without ``--path``)."""
    rule: str | None = None
    """The checklist rule that reports this step when it is late."""
    defaults: tuple[str, ...] = ()
    """The defaults (names in ``cycle.yaml``) its date rests on; empty when the records say."""
    anchor: LoadedRecord | None = _field(default=None, compare=False, repr=False)
    """The record a finding about this step points at."""
    anchor_path: FieldPath | None = _field(default=None, compare=False, repr=False)

    @property
    def pending(self) -> bool:
        """Tell whether the step is still to be done (late, due or upcoming)."""
        return self.state in ("overdue", "due", "upcoming")


def month_name(month: int, lang: str) -> str:
    """The month's name in ``lang`` (``september``), from the locale data."""
    from babel.dates import get_month_names

    return str(get_month_names("wide", locale="nn" if lang == "nn" else "nb")[month])


def long_date(day: dt.date, lang: str) -> str:
    """A date the Norwegian way, «15. september 2026», from the locale data."""
    from babel.dates import format_date

    return str(format_date(day, format="long", locale="nn" if lang == "nn" else "nb"))


def period_text(params: Mapping[str, str], lang: str) -> str:
    """When a step falls, for its label: «i september 2026», «15. september 2026» or «2026»."""
    if "month" in params and "year" in params:
        return f"i {month_name(int(params['month']), lang)} {params['year']}"
    if "date" in params:
        return long_date(dt.date.fromisoformat(params["date"]), lang)
    return params.get("year", "")


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` in ``year``."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved ``months`` ahead (or back), clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def months_between(start: dt.date, end: dt.date) -> int:
    """Return the number of whole months from ``start`` to ``end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if add_months(start, months) > end else months


def agreement_ends(model: Agreement) -> tuple[dt.date | None, dt.date | None]:
    """Return the agreement's own end date and, for an åremål, the åremål's end date."""
    validity_end = model.validity.end if model.validity else None
    fixed = model.fixed_term
    fixed_end = fixed.end_date if fixed and fixed.agreed else None
    return validity_end, fixed_end


def agreement_end(model: Agreement) -> dt.date | None:
    """The first day the agreement no longer covers: the earlier of its two end dates."""
    ends = [d for d in agreement_ends(model) if d is not None]
    return min(ends) if ends else None


def in_force(record: LoadedRecord | None, day: dt.date) -> bool:
    """Tell whether the agreement has started by ``day`` and not ended before it."""
    if record is None or not isinstance(record.model, Agreement):
        return False
    model = record.model
    end = agreement_end(model)
    return (model.start_date is None or model.start_date <= day) and (end is None or end >= day)


def _state(due: dt.date | None, done: bool, today: dt.date, lead_days: int) -> State:
    if done:
        return "done"
    if due is None or due < today:
        return "overdue"
    if (due - today).days <= lead_days:
        return "due"
    return "upcoming"


def _relative(context: RepositoryContext, record: LoadedRecord) -> str:
    root = context.root
    if root in ("", "."):
        return record.path
    return record.path.removeprefix(root.rstrip("/") + "/")


def _conversation_path(conversation: Conversation, kind: str) -> str:
    stem = {"self_evaluation": "self-evaluation"}.get(kind, kind)
    return f"conversations/{conversation.folder}/{stem}.yaml"


def _done_by(day: dt.date | None, today: dt.date) -> bool:
    return day is not None and day <= today


class _Builder:
    """Collects the steps of one repository as of its ``today``."""

    def __init__(self, context: RepositoryContext) -> None:
        self.context = context
        self.today = context.today
        self.data = cycle_data()
        self.defaults = self.data.defaults
        self.steps: list[Step] = []
        self.agreement = context.started_agreement(self.today)
        model = self.agreement.model if self.agreement else None
        self.model = model if isinstance(model, Agreement) else None
        # An agreement past its end date no longer sets the cycle: its expiry is a step of its
        # own, and the conversations and the plan fall back to the defaults below.
        end = agreement_end(self.model) if self.model else None
        expired = end is not None and end < self.today
        procedures = self.model.procedures if self.model and not expired else None
        self.followup = procedures.followup if procedures else None
        self.expectations = procedures.expectations if procedures else None
        self.years = sorted({self.today.year, (self.today + dt.timedelta(days=90)).year})

    def add(self, kind: str, key: str, due: dt.date | None, done: bool, **extra: Any) -> Step:
        step = Step(
            kind=kind,
            key=key,
            due=due,
            state=_state(due, done, self.today, self.data.kind(kind).lead_days),
            **extra,
        )
        self.steps.append(step)
        return step

    # The agreement

    def agreements(self) -> None:
        context = self.context
        if not context.agreements and "agreement" not in context.failed_kinds:
            self.add(
                "agreement",
                "agreement",
                None,
                False,
                record="agreements/",
                command=("new-agreement",),
                rule="A001",
                anchor=context.settings,
            )
        if self.agreement is None or self.model is None or self.model.start_date is None:
            return
        start = self.model.start_date
        successors = [
            r
            for r in context.agreements
            if isinstance(r.model, Agreement)
            and r.model.start_date is not None
            and r.model.start_date > start
        ]
        successor = min(successors, key=lambda r: r.path) if successors else None
        adopted = None
        if successor is not None and isinstance(successor.model, Agreement):
            adopted = successor.model.adoption.date if successor.model.adoption else None
        validity_end, fixed_end = agreement_ends(self.model)
        for kind, end, path in (
            ("agreement_renewal", validity_end, ("validity", "end")),
            ("fixed_term_end", fixed_end, ("fixed_term", "end_date")),
        ):
            if end is None:
                continue
            self.add(
                kind,
                f"{kind}-{self.agreement.stem}",
                end,
                successor is not None,
                params={"end": end.isoformat()},
                done_on=adopted if _done_by(adopted, self.today) else None,
                record=_relative(context, successor) if successor else None,
                command=() if successor else ("new-agreement", "--supersedes", self.agreement.stem),
                anchor=self.agreement,
                anchor_path=path,
            )

    # The plan

    def plans(self) -> None:
        context = self.context
        month = self.expectations.month if self.expectations else None
        defaults = () if month else ("plan_month",)
        month = month or self.defaults.plan_month.value
        for year in self.years:
            due = month_end(year, month)
            record = context.plan_named(str(year)) or context.plan_covering(dt.date(year, 7, 1))
            plan = record.model if record and isinstance(record.model, Plan) else None
            adopted = plan.adopted.date if plan and plan.adopted else None
            done = _done_by(adopted, self.today)
            if record is None:
                extra: dict[str, Any] = {
                    "record": f"plans/{year}.yaml",
                    "command": ("plan", "new", str(year)),
                    "rule": "P001",
                    "anchor": context.settings,
                }
            else:
                extra = {
                    "record": _relative(context, record),
                    "field": None if done else "adopted",
                    "rule": "P107",
                    "anchor": record,
                    "anchor_path": ("adopted",),
                }
            self.add(
                "plan",
                f"plan-{year}",
                due,
                done,
                params={"year": str(year)},
                done_on=adopted if done else None,
                defaults=defaults,
                **extra,
            )

    # Conversations

    def _candidates(self) -> list[Conversation]:
        """Development conversations that are held or planned (not follow-ups, not cancelled)."""
        found = []
        for conversation in self.context.conversations:
            meeting = conversation.meeting
            if conversation.date is None or conversation.is_follow_up:
                continue
            if meeting is not None and meeting.status == "cancelled":
                continue
            found.append(conversation)
        return sorted(found, key=lambda c: (c.date or dt.date.min, c.folder))

    def _conversation_extra(self, conversation: Conversation) -> dict[str, object]:
        return {
            "record": _conversation_path(conversation, "meeting"),
            "command": ()
            if conversation.held(self.today)
            else ("prepare-conversation", conversation.folder),
        }

    def conversations(self) -> None:
        months = sorted(set(self.followup.months)) if self.followup and self.followup.months else []
        if months:
            self._slots(months)
        else:
            self._interval()

    def _slots(self, months: list[int]) -> None:
        """Conversations in the months the agreement names."""
        tolerance = self.defaults.slot_tolerance_months.value
        unused = self._candidates()
        slots = [(year, month) for year in [*self.years, max(self.years) + 1] for month in months]
        for index, (year, month) in enumerate(slots):
            if year not in self.years:
                break
            first = add_months(dt.date(year, month, 1), -tolerance)
            last = month_end(*_ym(add_months(dt.date(year, month, 1), tolerance)))
            match = next((c for c in unused if c.date and first <= c.date <= last), None)
            params = {"year": str(year), "month": str(month)}
            key = f"conversation-{year}-{month:02d}"
            if match is not None:
                unused.remove(match)
                held = match.held(self.today)
                assert match.date is not None
                self.add(
                    "conversation",
                    key,
                    match.date if not held else month_end(year, month),
                    held,
                    params=params,
                    done_on=match.date if held else None,
                    scheduled=None if held else match.date,
                    rule="U101",
                    anchor=self.agreement,
                    anchor_path=("procedures", "followup", "months"),
                    **self._conversation_extra(match),
                )
                continue
            due = month_end(year, month)
            next_year, next_month = slots[index + 1]
            next_opens = add_months(dt.date(next_year, next_month, 1), -tolerance)
            step = self.add(
                "conversation",
                key,
                due,
                False,
                params=params,
                command=("prepare-conversation", "ÅÅÅÅ-MM-DD"),
                rule="U101",
                anchor=self.agreement,
                anchor_path=("procedures", "followup", "months"),
            )
            if step.state == "overdue" and self.today >= next_opens:
                self.steps[-1] = replace(step, state="missed")

    def _interval(self) -> None:
        """No months in the agreement: the next conversation is due a set time after the last."""
        context, today = self.context, self.today
        frequency = self.followup.frequency_per_year if self.followup else None
        defaults: tuple[str, ...] = () if frequency else ("conversation_interval_months",)
        interval = (
            12 // frequency if frequency else self.defaults.conversation_interval_months.value
        )
        rule = "U101" if frequency and frequency > 1 else "C001"
        for conversation in self._candidates():
            if not conversation.held(today) or conversation.date is None:
                continue
            self.add(
                "conversation",
                f"conversation-{conversation.folder}",
                conversation.date,
                True,
                params={"date": conversation.date.isoformat()},
                done_on=conversation.date,
                record=_conversation_path(conversation, "meeting"),
            )
        planned = [c for c in self._candidates() if not c.held(today)]
        if planned:
            conversation = planned[0]
            assert conversation.date is not None
            self.add(
                "conversation",
                f"conversation-{conversation.folder}",
                conversation.date,
                False,
                params={"date": conversation.date.isoformat()},
                scheduled=conversation.date,
                rule=rule,
                anchor=conversation.records.get("meeting") or context.settings,
                anchor_path=("date",) if "meeting" in conversation.records else None,
                **self._conversation_extra(conversation),
            )
            return
        held = context.held_conversations(today)  # follow-ups count here, as in rule C001
        base = held[-1].date if held else None
        if base is None:
            starts = [
                r.model.start_date
                for r in context.agreements
                if isinstance(r.model, Agreement)
                and r.model.start_date
                and not r.model.superseded_by
            ]
            base = min(starts) if starts else None
        due = add_months(base, interval) if base else None
        if due is not None and base is not None and base > today:
            return
        self.add(
            "conversation",
            "conversation-next",
            due,
            False,
            params={"date": due.isoformat()} if due else {},
            command=("prepare-conversation", "ÅÅÅÅ-MM-DD"),
            rule=rule,
            defaults=defaults,
            anchor=context.settings,
        )

    # Preparing a conversation that is ahead

    def preparation(self) -> None:
        today = self.today
        for conversation in self._candidates():
            if conversation.date is None or "meeting" not in conversation.records:
                continue
            if conversation.held(today):
                continue  # a conversation dated after today is ahead, whatever its status says
            day = conversation.date
            params = {"date": day.isoformat()}
            command = ("prepare-conversation", conversation.folder)
            gathered = conversation.model("input")
            gathered = gathered if isinstance(gathered, GroupInput) else None
            received = [c.received for c in (gathered.contributions or [])] if gathered else []
            input_done = bool(received) and all(_done_by(r, today) for r in received)
            deadline = gathered.deadline if gathered else None
            self.add(
                "input",
                f"input-{conversation.folder}",
                deadline or day - dt.timedelta(days=self.defaults.input_days_before.value),
                input_done,
                params=params,
                done_on=max((r for r in received if r), default=None) if input_done else None,
                record=_conversation_path(conversation, "input"),
                command=command,
                defaults=() if deadline else ("input_days_before",),
            )
            own = conversation.model("self_evaluation")
            submitted = own.submitted if isinstance(own, SelfEvaluation) else None
            self.add(
                "self_evaluation",
                f"self_evaluation-{conversation.folder}",
                day - dt.timedelta(days=self.defaults.self_evaluation_days_before.value),
                _done_by(submitted, today),
                params=params,
                done_on=submitted if _done_by(submitted, today) else None,
                record=_conversation_path(conversation, "self_evaluation"),
                field="submitted",
                command=command,
                defaults=("self_evaluation_days_before",),
            )
            panel = conversation.model("evaluation")
            agreed = panel.agreed if isinstance(panel, PanelEvaluation) else None
            self.add(
                "evaluation",
                f"evaluation-{conversation.folder}",
                day - dt.timedelta(days=self.defaults.evaluation_days_before.value),
                _done_by(agreed, today),
                params=params,
                done_on=agreed if _done_by(agreed, today) else None,
                record=_conversation_path(conversation, "evaluation"),
                field="agreed",
                command=command,
                defaults=("evaluation_days_before",),
            )

    # The salary talk

    def salary(self) -> None:
        context, today = self.context, self.today
        month = self.followup.salary_talk_month if self.followup else None
        defaults: tuple[str, ...] = ()
        if month is None:
            months = self.followup.months if self.followup and self.followup.months else []
            last = context.last_conversation(today)
            start = self.model.start_date if self.model else None
            basis = months[-1] if months else (last.date.month if last and last.date else None)
            month = basis or (start.month if start else None)
            defaults = ("salary_month",)
        if month is None:
            return
        held = context.held_conversations(today)
        for year in self.years:
            talk = next(
                (c for c in reversed(held) if c.date and c.date.year == year and _salary_held(c)),
                None,
            )
            due = month_end(year, month)
            tolerance = self.defaults.slot_tolerance_months.value
            first = add_months(dt.date(year, month, 1), -tolerance)
            closes = month_end(*_ym(add_months(dt.date(year, month, 1), tolerance)))
            ahead = next(
                (
                    c
                    for c in self._candidates()
                    if c.date
                    and first <= c.date <= closes
                    and not c.held(today)
                    and "meeting" in c.records
                ),
                None,
            )
            where = talk or ahead
            self.add(
                "salary",
                f"salary-{year}",
                due,
                talk is not None,
                params={"year": str(year)},
                done_on=talk.date if talk else None,
                record=_conversation_path(where, "meeting") if where else None,
                field=None if talk else "salary_conversation",
                rule="U102",
                defaults=defaults,
                anchor=self.agreement or context.settings,
                anchor_path=("procedures", "followup", "salary_talk_month")
                if self.agreement
                else None,
            )
            if talk is None and today.year > year:
                self.steps[-1] = replace(self.steps[-1], state="missed")

    # Minutes

    def minutes(self) -> None:
        today, defaults = self.today, self.defaults
        oldest = today - dt.timedelta(days=_history_days())
        for conversation in self.context.held_conversations(today):
            day = conversation.date
            assert day is not None
            if day < oldest and not self.context.history:
                continue  # as the checklist: old conversations only with --history
            minutes = conversation.minutes
            path = _conversation_path(conversation, "minutes")
            params = {"date": day.isoformat()}
            folder = conversation.folder
            self.add(
                "minutes_written",
                f"minutes_written-{folder}",
                day + dt.timedelta(days=defaults.minutes_written_days.value),
                "minutes" in conversation.records or "minutes" in conversation.failed,
                params=params,
                record=path,
                rule="C207",
                anchor=conversation.records.get("meeting"),
            )
            if "minutes" in conversation.failed or (conversation.is_follow_up and minutes is None):
                continue
            reported = minutes.reported.date if minutes and minutes.reported else None
            locked = _done_by(reported, today)
            if not conversation.is_follow_up:
                approved = minutes.approved.date if minutes and minutes.approved else None
                acknowledged = (
                    minutes.acknowledged.date if minutes and minutes.acknowledged else None
                )
                for kind, done_on, command in (
                    (
                        "minutes_approved",
                        approved,
                        ("minutes", "approve", folder, "--by", self._body_name()),
                    ),
                    ("minutes_acknowledged", acknowledged, ("minutes", "acknowledge", folder)),
                ):
                    done = _done_by(done_on, today)
                    step = self.add(
                        kind,
                        f"{kind}-{folder}",
                        day + dt.timedelta(days=getattr(defaults, f"{kind}_days").value),
                        done,
                        params=params,
                        done_on=done_on if done else None,
                        record=path,
                        command=() if locked else command,
                    )
                    if locked and not done:
                        # Reported minutes are locked: an approval or a receipt not recorded
                        # by then can no longer be added.
                        self.steps[-1] = replace(step, state="missed")
            self.add(
                "minutes_reported",
                f"minutes_reported-{folder}",
                day + dt.timedelta(days=defaults.minutes_reported_days.value),
                locked,
                params=params,
                done_on=reported if locked else None,
                record=path,
                command=("minutes", "report", folder, "--case", "…"),
                rule="C208" if minutes is not None else "C207",
                anchor=conversation.records.get("minutes") or conversation.records.get("meeting"),
                anchor_path=("reported",) if minutes is not None else None,
            )

    def _body_name(self) -> str:
        settings = self.context.settings_model
        body = settings.employer_body if settings else None
        return (body.name if body and body.name else "") or "…"

    # A running deviation procedure

    def deviation(self) -> None:
        context, today = self.context, self.today
        opened: Conversation | None = None
        for conversation in context.held_conversations(today):
            minutes = conversation.minutes
            status = minutes.deviation.status if minutes and minutes.deviation else None
            if status in ("opened", "ongoing") and opened is None:
                opened = conversation
            elif status in ("none", "closed"):
                opened = None
        if opened is None or opened.date is None:
            return
        interval = self.defaults.deviation_followup_months.value or 1
        held = [c for c in context.held_conversations(today) if c.date and c.date > opened.date]
        start = opened.date
        for number in range(1, 25):
            previous, due = (
                add_months(start, (number - 1) * interval),
                add_months(start, number * interval),
            )
            if previous > today:
                break
            match = next((c for c in held if c.date is not None and previous < c.date <= due), None)
            step = self.add(
                "deviation_followup",
                f"deviation_followup-{opened.folder}-{number}",
                due,
                match is not None,
                params={"year": str(due.year), "month": str(due.month), "date": start.isoformat()},
                done_on=match.date if match else None,
                record=_conversation_path(match, "meeting") if match else None,
                command=() if match else ("prepare-conversation", "ÅÅÅÅ-MM-DD"),
                rule="U103",
                defaults=("deviation_followup_months",),
                anchor=opened.records.get("minutes"),
                anchor_path=("deviation", "status"),
            )
            if step.state == "overdue" and add_months(start, (number + 1) * interval) <= today:
                self.steps[-1] = replace(step, state="missed")


def _history_days() -> int:
    """Records older than this are checked only with ``--history`` (the checklist's setting)."""
    return int(texts.data_file("rules.yaml")["history_days"])


def _ym(day: dt.date) -> tuple[int, int]:
    return day.year, day.month


def _salary_held(conversation: Conversation) -> bool:
    meeting = conversation.meeting
    minutes = conversation.minutes
    if isinstance(meeting, Meeting) and meeting.salary_conversation:
        return True
    return isinstance(minutes, Minutes) and bool(minutes.salary and minutes.salary.held)


def _suppressed(step: Step, context: RepositoryContext) -> bool:
    """Tell whether the step's rule is switched off, with a reason, where its finding would be.

    As in the checklist: a suppression in a record applies to that record, one in
    ``utvikling.yaml`` to the whole repository.
    """
    if step.rule is None:
        return False
    for record in (step.anchor, context.settings):
        for item in getattr(record.model, "suppress", None) or [] if record else []:
            if item.code.strip().upper() == step.rule and (item.reason or "").strip():
                return True
    return False


def _shown(step: Step, context: RepositoryContext) -> bool:
    """Keep this year's steps, what is late or due now, and what comes in the next months."""
    if step.due is None or step.state in ("overdue", "due"):
        return True
    today = context.today
    first = dt.date(today.year, 1, 1)
    last = max(dt.date(today.year, 12, 31), today + dt.timedelta(days=90))
    return first <= step.due <= last


def cycle_steps(context: RepositoryContext, *, suppressed: bool = False) -> list[Step]:
    """Every step of the yearly cycle for this repository as of ``context.today``.

    This year's steps, done or not; what is late from before; and what falls due in the next
    three months. Sorted by the day each was done, else is due (undated steps, due now,
    first). A step whose rule a record switches off is left out, unless ``suppressed`` (the
    checklist applies suppressions itself, and reports those that are not used).
    """
    builder = _Builder(context)
    builder.agreements()
    builder.plans()
    builder.conversations()
    builder.preparation()
    builder.salary()
    builder.minutes()
    builder.deviation()
    shown = [
        s
        for s in builder.steps
        if _shown(s, context) and (suppressed or not _suppressed(s, context))
    ]
    return sorted(
        shown, key=lambda s: (s.done_on or s.due or dt.date.min, STEP_ORDER.index(s.kind), s.key)
    )


def next_step(steps: list[Step]) -> Step | None:
    """The step to do next: the first late one, else the first due or upcoming one."""
    pending = [s for s in steps if s.pending]
    late = [s for s in pending if s.state == "overdue"]
    first = late or pending
    return first[0] if first else None


def late_steps(context: RepositoryContext, rule: str) -> Iterator[Step]:
    """The late steps a checklist rule reports.

    The cycle is computed once per repository and day and kept in ``context.memo``: several
    rules ask, and computing it is the largest cost of the rules.
    """
    key = (context.today, context.history)
    memo = context.memo.get("late_steps")
    if memo is None or memo[0] != key:
        late: dict[str, list[Step]] = {}
        for step in cycle_steps(context, suppressed=True):
            if step.state == "overdue" and step.rule is not None:
                late.setdefault(step.rule, []).append(step)
        memo = (key, late)
        context.memo["late_steps"] = memo
    yield from memo[1].get(rule, ())
