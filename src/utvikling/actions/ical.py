"""The yearly cycle as an RFC 5545 calendar (``utvikling status --ics FILE``).

One all-day event per dated step, with a UID made from the municipality and the step's stable
key, so that importing the file again (or a calendar subscribed to it) updates the events
instead of adding them twice; a reminder ahead of every step still to do; and a description
that names the record or the command. Only the step's own words, the municipality's name, the
employer body's name and record paths go in: nothing from a record's content. The
``icalendar`` library is imported only here, when a calendar is asked for.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from utvikling import texts
from utvikling._version import __version__
from utvikling.actions.output import write_output
from utvikling.actions.status import Status, StepView, word
from utvikling.records.cycle import cycle_data, long_date

PRODID = f"-//utvikling//Årshjul {__version__}//NO"
UID_DOMAIN = "utvikling"
SEQUENCE_EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
"""Each export's SEQUENCE is the minutes since this moment, so a later export always counts as
a newer revision of the same event."""


def municipality_slug(status: Status) -> str:
    """What makes the UIDs of one municipality unique: its number, else its name in ASCII."""
    if status.number:
        return status.number
    name = unicodedata.normalize("NFKD", status.municipality.lower())
    name = name.replace("ø", "o").replace("æ", "ae")
    return re.sub(r"[^a-z0-9]+", "-", name.encode("ascii", "ignore").decode()).strip("-") or "x"


def uid(status: Status, view: StepView) -> str:
    """The event's UID: the same for the same step every time the calendar is made."""
    return f"{view.step.key}.{municipality_slug(status)}@{UID_DOMAIN}"


def _description(status: Status, view: StepView, how: str) -> str:
    lang = status.language
    lines = [view.what, texts.fill(word("calendar_who", lang), {"who": view.actor})]
    if view.step.state == "done":
        done = view.step.done_on
        if done is not None:
            lines.append(texts.fill(word("calendar_done", lang), {"date": long_date(done, lang)}))
    elif view.step.state == "missed":
        lines.append(word("calendar_missed", lang))
    if how:
        lines.append(texts.fill(word("calendar_how", lang), {"how": how}))
    return "\n".join(lines)


def _how(view: StepView) -> str:
    """The command or record, as typed inside the repository (no ``--path``)."""
    step = view.step
    if step.state not in ("done", "missed") and step.command:
        return " ".join(["utvikling", *step.command])
    if step.record and step.field and step.state != "done":
        return f"{step.record}: {step.field}"
    return step.record or ""


def calendar_bytes(status: Status, *, now: dt.datetime | None = None) -> bytes:
    """Return the calendar of ``status``'s steps as iCalendar data."""
    from icalendar import Alarm, Calendar, Event

    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    lang = status.language
    name = texts.fill(word("calendar_name", lang), {"name": status.municipality})
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    data = cycle_data()
    sequence = int((now - SEQUENCE_EPOCH).total_seconds() // 60)
    for view in status.steps:
        if view.day is None:
            continue
        step = view.step
        event = Event()
        event.add("uid", uid(status, view))
        event.add("dtstamp", now)
        event.add("last-modified", now)
        event.add("sequence", max(sequence, 0))
        summary = f"{status.municipality}: {view.label}"
        if step.state in ("done", "missed"):
            summary += f" ({view.state})"
        event.add("summary", summary)
        event.add("dtstart", view.day)
        event.add("dtend", view.day + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("categories", [name])
        event.add("description", _description(status, view, _how(view)))
        if step.pending:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            days = max(data.kind(step.kind).alarm_days, 1)
            alarm.add("trigger", dt.timedelta(days=-days))
            due = long_date(view.day, lang)
            alarm.add(
                "description",
                texts.fill(word("calendar_alarm", lang), {"label": view.label, "date": due}),
            )
            event.add_component(alarm)
        calendar.add_component(event)
    data_bytes: bytes = calendar.to_ical()
    return data_bytes


def write_calendar(
    status: Status, path: Path, *, force: bool = False, base: Path | None = None
) -> int:
    """Write the calendar to ``path`` atomically; return the number of events.

    Raises:
        FileExistsRefusedError: ``path`` exists and ``force`` is not given.
    """
    write_output(path, calendar_bytes(status), force=force, lang=status.language, base=base)
    return sum(1 for view in status.steps if view.day is not None)
