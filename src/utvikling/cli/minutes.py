"""``utvikling minutes`` (the lifecycle) and ``utvikling render-minutes`` (the documents)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from utvikling.cli._output import (
    DayOption,
    ForceOption,
    FormatOption,
    NoCommitOption,
    NoInputOption,
    OutputOption,
    PathOption,
    TemplatesOption,
    document_options,
    handles_errors,
    parse_date,
    report_files,
    report_recorded,
    repository,
    shown,
    words,
)

app = typer.Typer(
    help="The minutes' lifecycle: approve, acknowledge, report to the council, amend.\n\n"
    "Example: utvikling minutes approve 2026-09-15 --by Arbeidsgiverutvalget",
    no_args_is_help=True,
    add_completion=False,
)

ConversationArgument = Annotated[str, typer.Argument(help="The conversation's date or folder.")]
OnOption = Annotated[
    str | None, typer.Option("--on", metavar="YYYY-MM-DD", help="The date. Default: today.")
]


def _day(on: str | None) -> dt.date:
    return parse_date(on, "--on") or dt.date.today()


def _done(key: str, path: Path, lang: str) -> None:
    typer.echo(words(f"done.{key}", lang, path=shown(path)))


def _stepped(key: str, step: Any) -> None:
    _done(key, step.path, step.lang)
    report_recorded(step.recorded, step.lang)


@app.command()
@handles_errors
def approve(
    conversation: ConversationArgument,
    by: Annotated[str, typer.Option("--by", help="The body that approved, e.g. formannskapet.")],
    on: OnOption = None,
    path: PathOption = Path(),
    no_commit: NoCommitOption = False,
) -> None:
    """Record that the panel approved the minutes (refused while required elements are missing).

    Example: utvikling minutes approve 2026-09-15 --by Arbeidsgiverutvalget --on 2026-09-22
    """
    path = repository(path)
    from utvikling.actions import minutes

    done = minutes.approve(
        path, conversation, body=by, day=_day(on), base=Path.cwd(), commit=not no_commit
    )
    _stepped("minutes_approved", done)


@app.command()
@handles_errors
def acknowledge(
    conversation: ConversationArgument,
    remark: Annotated[
        str | None, typer.Option(help="The chief executive's remark, if any.")
    ] = None,
    on: OnOption = None,
    path: PathOption = Path(),
    no_commit: NoCommitOption = False,
) -> None:
    """Record that the chief executive has read the approved minutes, with a remark if any.

    Example: utvikling minutes acknowledge 2026-09-15 --remark "Ingen merknader."
    """
    path = repository(path)
    from utvikling.actions import minutes

    done = minutes.acknowledge(
        path, conversation, day=_day(on), remark=remark, base=Path.cwd(), commit=not no_commit
    )
    _stepped("minutes_acknowledged", done)


@app.command()
@handles_errors
def report(
    conversation: ConversationArgument,
    case: Annotated[
        str | None, typer.Option("--case", help="The council's case number, e.g. 26/91.")
    ] = None,
    on: OnOption = None,
    body: Annotated[str | None, typer.Option(help="Default: the council.")] = None,
    repair: Annotated[
        bool,
        typer.Option(
            "--repair",
            help="Lock minutes reported without a checksum, as they stand (marked as added "
            "afterwards).",
        ),
    ] = False,
    path: PathOption = Path(),
    no_commit: NoCommitOption = False,
) -> None:
    """Record that the minutes were reported to the council; from then on they are locked.

    The checksum covers everything the public minutes print (the minutes, the meeting, the
    plan's goal titles, utvikling.yaml) and the lifecycle. In a git repository the commit is
    tagged referat-DATE. --repair locks minutes reported earlier without a checksum.

    Example: utvikling minutes report 2026-09-15 --case 26/91 --on 2026-10-22
    """
    path = repository(path)
    from utvikling.actions import minutes

    commit = not no_commit
    if repair:
        done = minutes.repair(path, conversation, day=_day(on), base=Path.cwd(), commit=commit)
        _stepped("minutes_repaired", done)
        return
    if not case:
        raise minutes.case_required(path)
    done = minutes.report(
        path,
        conversation,
        day=_day(on),
        case_number=case,
        body=body,
        base=Path.cwd(),
        commit=commit,
    )
    _stepped("minutes_reported", done)


@app.command()
@handles_errors
def amend(
    conversation: ConversationArgument,
    text: Annotated[str, typer.Option("--text", help="The amendment.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the minutes are amended.")],
    on: OnOption = None,
    path: PathOption = Path(),
    no_commit: NoCommitOption = False,
) -> None:
    """Add a dated amendment to minutes that were reported (the only change allowed then).

    Example: utvikling minutes amend 2026-09-15 --text "Rettet dato." --reason "Skrivefeil"
    """
    path = repository(path)
    from utvikling.actions import minutes

    done = minutes.amend(
        path,
        conversation,
        day=_day(on),
        text=text,
        reason=reason,
        base=Path.cwd(),
        commit=not no_commit,
    )
    _stepped("minutes_amended", done)


@handles_errors
def render_minutes(
    conversation: ConversationArgument,
    path: PathOption = Path(),
    draft: Annotated[
        bool, typer.Option(help="Render even with required elements missing, gaps marked.")
    ] = False,
    no_input: NoInputOption = False,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    force: ForceOption = False,
    today: DayOption = None,
    format: FormatOption = None,
) -> None:
    """Render the public minutes and the internal record of a conversation.

    The public minutes are fit to report to the council: date, participants, the closed meeting
    and its basis, the four KS elements, with every confidential field withheld and the legal
    basis stated. The internal record has everything and is marked as not public. Refused while
    a required element is missing, unless --draft.

    Example: utvikling render-minutes 2026-09-15
    """
    path = repository(path)
    from utvikling.actions.minutes import render_minutes as render

    options = document_options(today, output, force, templates, format)
    rendered = render(path, conversation, options, draft=draft, base=Path.cwd())
    _done("minutes_public", rendered.public, rendered.lang)
    _done("minutes_internal", rendered.internal, rendered.lang)
    report_files(rendered.files, rendered.lang)
