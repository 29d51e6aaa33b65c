"""``utvikling status``: every step of the yearly cycle for one repository, and what is due.

The steps themselves come from :mod:`utvikling.records.cycle`; this use case loads the
repository and turns each step into the words a person reads (in the repository's language):
what it is, who does it, its state, and the command or the record that does it.
"""

from __future__ import annotations

import datetime as dt
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.records.cycle import Step, cycle_data, cycle_steps, long_date, period_text
from utvikling.records.loaded import RepositoryContext
from utvikling.records.repository import load_settings


@dataclass(frozen=True)
class StepView:
    """A step in words: what a table row, a JSON entry and a calendar event show."""

    step: Step
    label: str
    what: str
    actor: str
    state: str
    """The state in words (``ferdig``, ``forsinket`` …)."""
    how: str
    """The command to run, or the record (and field) to fill in; empty when done."""
    day: dt.date | None
    """The day to show: when it was done, else when it is due."""

    def to_dict(self) -> dict[str, Any]:
        """The step as plain data for ``--json``."""
        step = self.step
        return {
            "key": step.key,
            "kind": step.kind,
            "label": self.label,
            "what": self.what,
            "actor": step_actor(step),
            "actor_text": self.actor,
            "state": step.state,
            "state_text": self.state,
            "due": _iso(step.due),
            "done_on": _iso(step.done_on),
            "scheduled": _iso(step.scheduled),
            "record": step.record,
            "field": step.field,
            "command": self.how if step.command else None,
            "rule": step.rule,
            "defaults": list(step.defaults),
        }


@dataclass
class Status:
    """The yearly cycle of one repository as of a day."""

    context: RepositoryContext = field(repr=False)
    steps: list[StepView]

    @property
    def language(self) -> str:
        """The repository's written language."""
        return self.context.language

    @property
    def today(self) -> dt.date:
        """The day the status is made for."""
        return self.context.today

    @property
    def municipality(self) -> str:
        """The municipality's name (or the folder, when the settings do not name it)."""
        return self.context.municipality_name or self.context.root

    @property
    def number(self) -> str:
        """The municipality number, or an empty string."""
        return municipality_number(self.context)

    def heading(self) -> str:
        """«Fjordvik kommune – årshjulet per 23. november 2026»."""
        return texts.fill(
            word("heading", self.language),
            {"name": self.municipality, "date": long_date(self.today, self.language)},
        )

    def footnotes(self) -> list[str]:
        """The sources of the defaults the dates rest on, each once, in the order first used."""
        data = cycle_data().defaults
        names: list[str] = []
        for view in self.steps:
            names += [n for n in view.step.defaults if n not in names]
        return [getattr(data, name).source.get(self.language) for name in names]

    def to_dict(self) -> dict[str, Any]:
        """The status as plain data for ``--json``."""
        data = cycle_data().defaults
        names = sorted({n for v in self.steps for n in v.step.defaults})
        return {
            "version": 1,
            "municipality": {
                "name": self.context.municipality_name,
                "number": self.number or None,
                "kind": self.context.kind,
                "language": self.language,
            },
            "path": self.context.root,
            "today": self.today.isoformat(),
            "steps": [view.to_dict() for view in self.steps],
            "defaults": {name: getattr(data, name).source.get(self.language) for name in names},
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def municipality_number(context: RepositoryContext) -> str:
    """The municipality number from the settings, or an empty string."""
    settings = context.settings_model
    municipality = settings.municipality if settings else None
    return (municipality.number if municipality else None) or ""


def word(name: str, lang: str) -> str:
    """One of the status words (states, headings) in ``lang``."""
    return texts.localized(texts.data_file("messages.yaml")["status"][name], lang)


def step_actor(step: Step) -> str:
    """Who does the step: an actor id from ``cycle.yaml``."""
    return cycle_data().kind(step.kind).actor


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def actors(context: RepositoryContext) -> dict[str, str]:
    """Each actor id in words for this repository: its employer body, its chief's title."""
    lang = context.language
    words = texts.terms(context.kind, lang)
    settings = context.settings_model
    body = settings.employer_body if settings else None
    chief = texts.definite(context.chief_title or "kommunedirektør")
    mayor = words["mayor"]
    return {
        "body": _capital((body.name if body and body.name else "") or words["executive_committee"]),
        "council": _capital(words["council"]),
        "mayor": _capital(mayor),
        "chief_executive": _capital(chief),
        "mayor_and_chief": f"{_capital(mayor)} {word('and', lang)} {chief}",
    }


def command_text(step: Step, context: RepositoryContext) -> str:
    """The step's command as a person types it (with ``--path`` when not run in the repository)."""
    if not step.command:
        return ""
    argv = ["utvikling", *step.command]
    if context.root not in ("", "."):
        argv += ["--path", context.root]
    return " ".join(a if a in ("…", "ÅÅÅÅ-MM-DD") else shlex.quote(a) for a in argv)


def record_text(step: Step, context: RepositoryContext) -> str:
    """The step's record as the user sees paths (below the repository, as ``check`` shows)."""
    if not step.record:
        return ""
    root = context.root
    return step.record if root in ("", ".") else f"{root.rstrip('/')}/{step.record}"


def _how(step: Step, context: RepositoryContext) -> str:
    if step.state in ("done", "missed"):
        return record_text(step, context)
    if step.command:
        return command_text(step, context)
    if step.record and step.field:
        return f"{record_text(step, context)}: {step.field}"
    return record_text(step, context)


def describe(steps: list[Step], context: RepositoryContext) -> list[StepView]:
    """Each step in the words of the repository's language."""
    lang = context.language
    data = cycle_data()
    words = texts.terms(context.kind, lang)
    who = actors(context)
    chief = texts.definite(context.chief_title or "kommunedirektør")
    views = []
    for step in steps:
        kind = data.kind(step.kind)
        params: dict[str, str] = {
            **words,
            "chief": chief,
            "mayor": words["mayor"],
            **step.params,
            "period": period_text(step.params, lang),
        }
        for name in ("date", "end"):
            if name in step.params:
                params[name] = long_date(dt.date.fromisoformat(step.params[name]), lang)
        label = texts.fill(kind.label.get(lang), params).strip()
        views.append(
            StepView(
                step=step,
                label=_capital(label),
                what=_capital(texts.fill(kind.what.get(lang), params)),
                actor=who[kind.actor],
                state=word(step.state, lang),
                how=_how(step, context),
                day=step.done_on or step.due,
            )
        )
    return views


def status_of(context: RepositoryContext) -> Status:
    """The status of a repository already loaded."""
    return Status(context, describe(cycle_steps(context), context))


def status(root: Path, today: dt.date | None = None, *, base: Path | None = None) -> Status:
    """Load the repository at ``root`` and return its yearly cycle as of ``today``.

    Raises:
        RepositoryNotFoundError: ``root`` holds no ``utvikling.yaml``.
        InputError: ``utvikling.yaml`` does not load.
    """
    return status_of(load_settings(root, today, base=base))
