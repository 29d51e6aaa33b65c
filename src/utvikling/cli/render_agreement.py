"""``utvikling render-agreement``: the document of an existing agreement record."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import (
    DayOption,
    ForceOption,
    FormatOption,
    OutputOption,
    PathOption,
    TemplatesOption,
    document_options,
    handles_errors,
    report_files,
    repository,
    shown,
    words,
)


@handles_errors
def render_agreement(
    agreement: Annotated[
        str | None,
        typer.Argument(
            help="The agreement's file name in agreements/, e.g. 2024-03-01. "
            "Default: the agreement in force."
        ),
    ] = None,
    path: PathOption = Path(),
    output: OutputOption = None,
    templates: TemplatesOption = None,
    force: ForceOption = False,
    today: DayOption = None,
    format: FormatOption = None,
) -> None:
    """Render an agreement record: the final agreement when it is complete, else a draft.

    Final (dokumenter/avtale-<start-date>) when the record is adopted (status: adopted, the
    council's decision dated) with no open item: it carries the adoption and the signature
    lines. Otherwise a draft (dokumenter/avtaleutkast-<start-date>), marked UTKAST, listing
    every open item.

    Example: utvikling render-agreement 2024-03-01 -f pdf
    """
    from utvikling.actions.agreement import render_agreement as render

    path = repository(path)
    options = document_options(today, output, force, templates, format)
    done = render(path, agreement, options, base=Path.cwd())
    document = done.document
    if document.final:
        typer.echo(words("done.agreement_final", done.lang, path=shown(document.path)))
    else:
        typer.echo(
            words(
                "done.agreement_draft",
                done.lang,
                path=shown(document.path),
                count=len(document.missing),
            )
        )
    report_files(document.files, done.lang)
