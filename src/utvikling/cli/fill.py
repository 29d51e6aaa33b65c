"""``utvikling fill``: guided filling of a conversation's forms on a terminal."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import (
    NoCommitOption,
    PathOption,
    handles_errors,
    parse_date,
    report_recorded,
    repository,
    shown,
    words,
)


@handles_errors
def fill(
    form: Annotated[str, typer.Argument(metavar="FORM")],
    conversation: Annotated[str, typer.Argument()],
    path: PathOption = Path(),
    today: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """Fill in a conversation's form one question at a time."""
    from utvikling.actions.fill import FILLABLE, finish, start
    from utvikling.cli._norsk import bad_parameter, metavar, word
    from utvikling.cli.form import run_form

    path = repository(path)
    if form not in FILLABLE:
        error = bad_parameter(word("fill_unknown", name=form, forms=", ".join(FILLABLE)))
        error.param_hint = metavar("FORM")
        raise error
    if not sys.stdin.isatty():
        raise bad_parameter(word("fill_terminal"))
    filling = start(path, conversation, form, day=parse_date(today) or dt.date.today())
    values = run_form(filling.form)
    recorded = finish(filling, values, commit=not no_commit, base=Path.cwd())
    typer.echo(words("done.form_filled", filling.lang, path=shown(filling.path)))
    report_recorded(recorded, filling.lang)
