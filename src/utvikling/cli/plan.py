"""``utvikling plan``: the result and development plan."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from utvikling.cli._output import handles_errors, words

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
) -> None:
    """Create plans/YEAR.yaml from the goals agreed in the last minutes, or a guided start.

    Never overwrites a plan. Without agreed goals it asks for them on a terminal; with
    --no-input it writes three goals to fill in. Ends with the checklist's goal rules.

    Example: utvikling plan new 2027
    """
    from utvikling.cli.check import _date
    from utvikling.plans import agreed_goals, create_plan
    from utvikling.records.repository import CheckOptions, check_repository, load_repository

    options = CheckOptions(today=_date(today) or dt.date.today())
    base = Path.cwd()
    context = load_repository(path, options, base=base).context
    lang = context.language
    based_on, goals = agreed_goals(context, year)
    if not goals and not no_input and sys.stdin.isatty():
        goals = _ask_goals(lang)
    created = create_plan(path, year, context, goals=goals or None, based_on=based_on)
    from utvikling.records.repository import display_path

    shown = display_path(created.path.resolve(), base)
    typer.echo(words("done.init_created", lang, path=shown))
    if created.based_on:
        typer.echo(words("done.plan_from_minutes", lang, folder=created.based_on))
    result = check_repository(path, options, base=base)
    remaining = [f for f in result.findings if f.file == shown and f.severity != "info"]
    for finding in remaining:
        typer.echo(finding.format(lang))
    if any(f.severity == "error" for f in remaining):
        raise typer.Exit(1)
