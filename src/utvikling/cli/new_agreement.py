"""``utvikling new-agreement``: walk through the agreement, write it, render the draft."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import (
    FormatOption,
    NoCommitOption,
    RepositoryOption,
    TemplatesOption,
    document_options,
    handles_errors,
    parse_date,
    print_findings,
    report_files,
    report_recorded,
    repository,
    words,
)


@handles_errors
def new_agreement(
    path: Annotated[Path, typer.Argument(help="The records repository. Default: here.")] = Path(),
    path_option: RepositoryOption = None,
    answers: Annotated[
        Path | None, typer.Option(help="A YAML file shaped like an agreement record.")
    ] = None,
    start_date: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="When the agreement starts.")
    ] = None,
    supersedes: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="The agreement this replaces, e.g. 2019-08-01."),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask; leave gaps open.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(help="Folder for the draft. Default: dokumenter/ in the repository."),
    ] = None,
    templates: TemplatesOption = None,
    force: Annotated[
        bool, typer.Option(help="Replace a draft even if it was edited by hand.")
    ] = False,
    today: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Date the draft and check as of this day."),
    ] = None,
    format: FormatOption = None,
    no_commit: NoCommitOption = False,
) -> None:
    """Write a new agreement that meets the KS checklist and the law, and render its draft.

    Asks for every item on a terminal (the current agreement's values and utvikling.yaml give
    the defaults); takes answers from --answers and never asks with --no-input. Writes
    agreements/<start-date>.yaml and never overwrites one; with --supersedes the old agreement
    is marked as replaced. Renders dokumenter/avtaleutkast-<start-date>.md with every open item
    clearly marked, then lists what is still missing. Exit code 1 when items required by law or
    the KS checklist are still open.

    Example: utvikling new-agreement --answers svar.yaml --supersedes 2019-08-01 --no-input
    """
    path = repository(path_option or path)
    from utvikling.actions.agreement import AgreementRequest
    from utvikling.actions.agreement import new_agreement as create

    options = document_options(today, output, force, templates, format)
    request = AgreementRequest(answers, parse_date(start_date, "--start-date"), supersedes)
    from utvikling.cli.form import run_form

    ask = run_form if not no_input and sys.stdin.isatty() else None
    done = create(path, request, options, ask=ask, base=Path.cwd(), commit=not no_commit)
    lang = done.lang
    typer.echo(words("done.agreement_created", lang, path=done.shown))
    if done.created.superseded is not None:
        typer.echo(words("done.agreement_superseded", lang, name=done.created.superseded.stem))
    report_recorded(done.recorded, lang)
    draft = done.draft
    typer.echo(words("done.draft_written", lang, path=draft.path.as_posix(), gaps=len(draft.gaps)))
    report_files(draft.files, lang)
    print_findings(done.findings, lang)
