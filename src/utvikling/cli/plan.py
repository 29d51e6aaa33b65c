"""``utvikling plan``: the result and development plan."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from utvikling.cli._output import (
    NoCommitOption,
    handles_errors,
    parse_date,
    print_findings,
    report_recorded,
    words,
)

app = typer.Typer(
    help="The result and development plan: 3–5 goals, anchored and measurable.\n\n"
    "Example: utvikling plan new 2027",
    no_args_is_help=True,
    add_completion=False,
)


def _ask_goals(lang: str) -> list[dict[str, Any]]:
    """The guided start: ask for each goal's essentials."""
    from utvikling import texts

    questions = texts.data_file("plan_form.yaml")["questions"]

    def ask(key: str, **params: Any) -> str:
        text = texts.fill(texts.localized(questions[key], lang), params)
        return str(typer.prompt(text, default="", show_default=False)).strip()

    count = typer.prompt(texts.localized(questions["count"], lang), default=3, type=int)
    goals = []
    for n in range(1, max(1, min(int(count), 5)) + 1):
        goal: dict[str, Any] = {"id": f"M{n}", "title": ask("title", n=n) or None}
        theme = ask("theme")
        if theme:
            goal["theme"] = theme
        anchor = ask("anchor")
        if anchor:
            goal["anchoring"] = [{"title": anchor, "case_number": ask("case_number") or None}]
        factor = ask("factor")
        if factor:
            goal["success_factors"] = [factor]
        indicator = ask("indicator")
        if indicator:
            goal["indicators"] = [
                {
                    "name": indicator,
                    "baseline": ask("baseline") or None,
                    "target": ask("target") or None,
                }
            ]
        goals.append(goal)
    return goals


@app.command("new")
@handles_errors
def new(
    year: Annotated[int, typer.Argument(min=1990, max=2100, help="The year the plan covers.")],
    path: Annotated[Path, typer.Option(help="The records repository. Default: here.")] = Path(),
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
    from utvikling.actions.plan import new_plan

    day = parse_date(today) or dt.date.today()
    ask = _ask_goals if not no_input and sys.stdin.isatty() else None
    done = new_plan(path, year, day=day, ask=ask, base=Path.cwd(), commit=not no_commit)
    typer.echo(words("done.init_created", done.lang, path=done.shown))
    if done.created.based_on:
        typer.echo(words("done.plan_from_minutes", done.lang, folder=done.created.based_on))
    report_recorded(done.recorded, done.lang)
    print_findings(done.findings, done.lang)
