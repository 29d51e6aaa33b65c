"""``utvikling prepare-conversation``: files, readiness and agenda for a conversation."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import (
    DayOption,
    ForceOption,
    FormatOption,
    NoCommitOption,
    NoInputOption,
    OutputOption,
    TemplatesOption,
    document_options,
    handles_errors,
    print_findings,
    report_files,
    report_recorded,
    repository,
    shown,
    words,
)


@handles_errors
def prepare_conversation(
    conversation: Annotated[
        str, typer.Argument(help="The conversation's date (2026-09-15) or its folder.")
    ],
    path: Annotated[Path, typer.Option(help="The records repository. Default: here.")] = Path(),
    no_input: NoInputOption = False,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    force: ForceOption = False,
    today: DayOption = None,
    format: FormatOption = None,
    no_commit: NoCommitOption = False,
) -> None:
    """Prepare a development conversation: create its files, report readiness, render the agenda.

    Creates what is missing in conversations/<date>/ (never overwriting): the meeting with
    participants from the employer body, a form for the group leaders' input, the chief
    executive's self-evaluation form and the panel's evaluation form, one entry per goal of the
    plan under review. Then reports what is still missing, and renders two documents: an
    internal preparation pack for the participants (confidential) and a public agenda item.

    Example: utvikling prepare-conversation 2027-01-20
    """
    path = repository(path)
    from utvikling.actions.conversation import prepare_conversation as prepare

    options = document_options(today, output, force, templates, format)
    done = prepare(path, conversation, options, base=Path.cwd(), commit=not no_commit)
    for created in done.prepared.created:
        typer.echo(words("done.init_created", done.lang, path=shown(created)))
    report_recorded(done.recorded, done.lang)
    typer.echo(words("done.agenda_internal", done.lang, path=shown(done.agenda.internal)))
    typer.echo(words("done.agenda_public", done.lang, path=shown(done.agenda.public)))
    report_files(done.agenda.files, done.lang)
    if not done.readiness:
        typer.echo(words("done.ready", done.lang))
    print_findings(done.readiness, done.lang, info=True)
