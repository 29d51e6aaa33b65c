"""``utvikling minutes`` (the lifecycle) and ``utvikling render-minutes`` (the documents)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from utvikling.cli._output import FormatOption, formats_of, handles_errors, report_files, words

app = typer.Typer(
    help="The minutes' lifecycle: approve, acknowledge, report to the council, amend.\n\n"
    "Example: utvikling minutes approve 2026-09-15 --by Arbeidsgiverutvalget",
    no_args_is_help=True,
    add_completion=False,
)

PathOption = Annotated[Path, typer.Option(help="The records repository. Default: here.")]
OnOption = Annotated[
    str | None, typer.Option("--on", metavar="YYYY-MM-DD", help="The date. Default: today.")
]


def _setup(path: Path, on: str | None) -> tuple[Any, Any, dt.date]:
    from utvikling.cli.check import _date
    from utvikling.records.repository import CheckOptions, check_repository

    day = _date(on) or dt.date.today()
    options = CheckOptions(today=day)
    base = Path.cwd()
    result = check_repository(path, options, base=base)
    assert result.loaded is not None
    return result.loaded.context, result.findings, day


def _done(key: str, context: Any, path: Path, **params: Any) -> None:
    from utvikling.records.repository import display_path

    shown = display_path(path.resolve(), Path.cwd())
    typer.echo(words(f"done.{key}", context.language, path=shown, **params))


@app.command()
@handles_errors
def approve(
    conversation: Annotated[str, typer.Argument(help="The conversation's date or folder.")],
    by: Annotated[str, typer.Option("--by", help="The body that approved, e.g. formannskapet.")],
    on: OnOption = None,
    path: PathOption = Path(),
) -> None:
    """Record that the panel approved the minutes (refused while required elements are missing).

    Example: utvikling minutes approve 2026-09-15 --by Arbeidsgiverutvalget --on 2026-09-22
    """
    from utvikling.minutes import approve as approve_minutes

    context, findings, day = _setup(path, on)
    done = approve_minutes(path, conversation, context, findings, body=by, day=day)
    _done("minutes_approved", context, done)


@app.command()
@handles_errors
def acknowledge(
    conversation: Annotated[str, typer.Argument(help="The conversation's date or folder.")],
    remark: Annotated[
        str | None, typer.Option(help="The chief executive's remark, if any.")
    ] = None,
    on: OnOption = None,
    path: PathOption = Path(),
) -> None:
    """Record that the chief executive has read the approved minutes, with a remark if any.

    Example: utvikling minutes acknowledge 2026-09-15 --remark "Ingen merknader."
    """
    from utvikling.minutes import acknowledge as acknowledge_minutes

    context, _, day = _setup(path, on)
    done = acknowledge_minutes(path, conversation, context, day=day, remark=remark)
    _done("minutes_acknowledged", context, done)


@app.command()
@handles_errors
def report(
    conversation: Annotated[str, typer.Argument(help="The conversation's date or folder.")],
    case: Annotated[str, typer.Option("--case", help="The council's case number, e.g. 26/91.")],
    on: OnOption = None,
    body: Annotated[str | None, typer.Option(help="Default: the council.")] = None,
    path: PathOption = Path(),
) -> None:
    """Record that the minutes were reported to the council; from then on they are locked.

    Example: utvikling minutes report 2026-09-15 --case 26/91 --on 2026-10-22
    """
    from utvikling.minutes import report as report_minutes

    context, _, day = _setup(path, on)
    done = report_minutes(path, conversation, context, day=day, case_number=case, body=body)
    _done("minutes_reported", context, done)


@app.command()
@handles_errors
def amend(
    conversation: Annotated[str, typer.Argument(help="The conversation's date or folder.")],
    text: Annotated[str, typer.Option("--text", help="The amendment.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the minutes are amended.")],
    on: OnOption = None,
    path: PathOption = Path(),
) -> None:
    """Add a dated amendment to minutes that were reported (the only change allowed then).

    Example: utvikling minutes amend 2026-09-15 --text "Rettet dato." --reason "Skrivefeil"
    """
    from utvikling.minutes import amend as amend_minutes

    context, _, day = _setup(path, on)
    done = amend_minutes(path, conversation, context, day=day, text=text, reason=reason)
    _done("minutes_amended", context, done)


@handles_errors
def render_minutes(
    conversation: Annotated[str, typer.Argument(help="The conversation's date or folder.")],
    path: PathOption = Path(),
    draft: Annotated[
        bool, typer.Option(help="Render even with required elements missing, gaps marked.")
    ] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask (this command asks nothing).")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(help="Folder for the documents. Default: dokumenter/ in the repository."),
    ] = None,
    templates: Annotated[
        Path | None, typer.Option(help="A folder of your own templates, searched first.")
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Replace documents even if they were edited by hand.")
    ] = False,
    today: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="Date the documents as of this day.")
    ] = None,
    format: FormatOption = None,
) -> None:
    """Render the public minutes and the internal record of a conversation.

    The public minutes are fit to report to the council: date, participants, the closed meeting
    and its basis, the four KS elements, with every confidential field withheld and the legal
    basis stated. The internal record has everything and is marked as not public. Refused while
    a required element is missing, unless --draft.

    Example: utvikling render-minutes 2026-09-15
    """
    from utvikling.minutes import find_conversation
    from utvikling.minutes import render_minutes as render

    formats = formats_of(format)
    context, findings, day = _setup(path, today)
    current = find_conversation(path, conversation, context)
    rendered = render(
        path,
        current,
        context,
        findings,
        day=day,
        draft=draft,
        output=output,
        force=force,
        templates=templates,
        formats=formats,
    )
    _done("minutes_public", context, rendered.public)
    _done("minutes_internal", context, rendered.internal)
    report_files(rendered.files, context.language)
