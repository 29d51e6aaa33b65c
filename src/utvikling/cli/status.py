"""``utvikling status``: the yearly cycle of one repository, what is done and what is due."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from utvikling.cli._output import (
    RepositoryOption,
    handles_errors,
    parse_date,
    repository,
    shown,
    words,
)

if TYPE_CHECKING:
    from utvikling.actions.status import Status


@handles_errors
def status(
    path: Annotated[Path, typer.Argument(help="The records repository. Default: here.")] = Path(),
    path_option: RepositoryOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the steps as JSON.")] = False,
    ics: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Write the steps as a calendar (.ics) to FILE."),
    ] = None,
    force: Annotated[bool, typer.Option(help="Replace FILE if it exists.")] = False,
    today: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD", help="Show the status as of this date instead of today."
        ),
    ] = None,
) -> None:
    """Show every step of the yearly cycle: its date, what it is, who does it, and its state.

    Dates come from the records (the agreement's procedures, the plans, the conversations and
    their minutes); where the records are silent a default is used and marked with *. Each
    step that is still to do names the command or the record that does it.

    Example: utvikling status examples/fjordvik-kommune --today 2026-11-23
    """
    path = repository(path_option or path)
    import json

    from utvikling.actions.status import status as status_of

    report = status_of(path, parse_date(today) or dt.date.today(), base=Path.cwd())
    if ics is not None:
        from utvikling.actions.ical import write_calendar

        events = write_calendar(report, ics, force=force, base=Path.cwd())
        typer.echo(
            words("status.calendar_written", report.language, path=shown(ics), events=events)
        )
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif ics is None:
        _print(report)


STYLES = {"overdue": "bold red", "due": "yellow", "done": "green", "missed": "dim", "upcoming": ""}


def _print(report: Status) -> None:
    """A table on a terminal; one line per step when piped (for grep and scripts)."""
    import sys

    from utvikling.actions.status import word

    lang = report.language
    marks = ["*" if view.step.defaults else "" for view in report.steps]
    if not sys.stdout.isatty():
        typer.echo(report.heading())
        for view, mark in zip(report.steps, marks, strict=True):
            day = view.day.isoformat() if view.day else word("now", lang)
            parts = [f"{day}{mark:<1}  {view.state:<11} {view.label}", view.actor]
            typer.echo(" — ".join([*parts, view.how] if view.how else parts))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=report.heading(), header_style="bold", title_justify="left")
        for column in ("date", "state", "step", "who", "how"):
            table.add_column(word(column, lang), overflow="fold")
        for view, mark in zip(report.steps, marks, strict=True):
            day = view.day.isoformat() if view.day else word("now", lang)
            state = (
                f"[{STYLES[view.step.state]}]{view.state}[/]"
                if STYLES[view.step.state]
                else view.state
            )
            table.add_row(day + mark, state, view.label, view.actor, view.how)
        Console().print(table)
    notes = report.footnotes()
    if notes:
        typer.echo(word("defaulted", lang))
        for note in notes:
            typer.echo(f"  {note}")
