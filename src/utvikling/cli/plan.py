"""``utvikling plan``: the result and development plan."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import (
    NoCommitOption,
    handles_errors,
    parse_date,
    print_findings,
    report_recorded,
    repository,
    words,
)

app = typer.Typer(
    help="The result and development plan: 3–5 goals, anchored and measurable.\n\n"
    "Example: utvikling plan new 2027",
    no_args_is_help=True,
    add_completion=False,
)


@app.command("new")
@handles_errors
def new(
    year: Annotated[int, typer.Argument(min=1990, max=2100, help="The year the plan covers.")],
    path: Annotated[Path, typer.Option(help="The records repository. Default: here.")] = Path(),
    answers: Annotated[
        Path | None, typer.Option(help="A YAML file shaped like a plan, with the goals.")
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never ask.")] = False,
    today: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="Check as of this day.")
    ] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """Create plans/YEAR.yaml from the goals agreed in the last minutes, or a guided start.

    Never overwrites a plan. Without agreed goals it asks for them on a terminal; with
    --no-input it writes three goals to fill in. Ends with the checklist's goal rules.

    Example: utvikling plan new 2027
    """
    path = repository(path)
    from utvikling.actions.plan import new_plan
    from utvikling.cli.form import run_form

    day = parse_date(today) or dt.date.today()
    ask = run_form if not no_input and sys.stdin.isatty() else None
    done = new_plan(
        path, year, day=day, ask=ask, answers=answers, base=Path.cwd(), commit=not no_commit
    )
    typer.echo(words("done.init_created", done.lang, path=done.shown))
    if done.created.based_on:
        typer.echo(words("done.plan_from_minutes", done.lang, folder=done.created.based_on))
    report_recorded(done.recorded, done.lang)
    print_findings(done.findings, done.lang)
