"""``utvikling prepare-conversation``: files, readiness and agenda for a conversation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import FormatOption, formats_of, handles_errors, report_files, words


@handles_errors
def prepare_conversation(
    conversation: Annotated[
        str, typer.Argument(help="The conversation's date (2026-09-15) or its folder.")
    ],
    path: Annotated[Path, typer.Option(help="The records repository. Default: here.")] = Path(),
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask (this command asks nothing).")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(help="Folder for the agenda. Default: dokumenter/ in the repository."),
    ] = None,
    templates: Annotated[
        Path | None, typer.Option(help="A folder of your own templates, searched first.")
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Replace agenda documents even if they were edited by hand.")
    ] = False,
    today: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="Check and date as of this day.")
    ] = None,
    format: FormatOption = None,
) -> None:
    """Prepare a development conversation: create its files, report readiness, render the agenda.

    Creates what is missing in conversations/<date>/ (never overwriting): the meeting with
    participants from the employer body, a form for the group leaders' input, the chief
    executive's self-evaluation form and the panel's evaluation form, one entry per goal of the
    plan under review. Then reports what is still missing, and renders two documents: an
    internal preparation pack for the participants (confidential) and a public agenda item.

    Example: utvikling prepare-conversation 2027-01-20
    """
    from utvikling.cli.check import _date
    from utvikling.conversations import prepare, readiness, render_agenda, resolve
    from utvikling.records.repository import CheckOptions, check_repository, load_repository

    day = _date(today) or dt.date.today()
    formats = formats_of(format)
    options = CheckOptions(today=day)
    base = Path.cwd()
    loaded = load_repository(path, options, base=base)
    if loaded.context.settings is None:
        for finding in loaded.findings:
            typer.echo(finding.format(loaded.context.language), err=True)
        raise typer.Exit(1)
    lang = loaded.context.language
    prepared = prepare(path, conversation, loaded.context)
    for created in prepared.created:
        typer.echo(words("done.init_created", lang, path=_shown(created, base)))
    folder, _ = resolve(path, conversation)
    result = check_repository(path, options, base=base)
    assert result.loaded is not None
    reloaded = result.loaded
    current = next(c for c in reloaded.context.conversations if c.folder == folder.name)
    agenda = render_agenda(
        path,
        current,
        reloaded.context,
        day=day,
        output=output,
        force=force,
        templates=templates,
        formats=formats,
    )
    typer.echo(words("done.agenda_internal", lang, path=_shown(agenda.internal, base)))
    typer.echo(words("done.agenda_public", lang, path=_shown(agenda.public, base)))
    report_files(agenda.files, lang)
    found = readiness(result.findings, folder.name)
    if not found:
        typer.echo(words("done.ready", lang))
    for finding in found:
        typer.echo(finding.format(lang))
    if any(f.severity == "error" for f in found):
        raise typer.Exit(1)


def _shown(path: Path, base: Path) -> str:
    from utvikling.records.repository import display_path

    return display_path(path.resolve(), base)
