"""``utvikling render``: every document that is missing or stale, in one run."""

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
def render(
    path: PathOption = Path(),
    everything: Annotated[
        bool, typer.Option("--all", help="Render every document, also those that are current.")
    ] = False,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    force: ForceOption = False,
    today: DayOption = None,
    format: FormatOption = None,
) -> None:
    """Render every document of the repository that is missing or stale, in one run.

    The agreements (the final agreement when complete, else the draft), each conversation's
    preparation pack and public agenda item, and its public and internal minutes (marked
    UTKAST while required elements are missing). A document is stale when a record it was made
    from has changed, or a format asked for is missing. The set is written whole or not at all.

    Example: utvikling render -f pdf -f docx
    """
    from utvikling.actions.render import render_all

    path = repository(path)
    options = document_options(today, output, force, templates, format)
    done = render_all(path, options, everything=everything, base=Path.cwd())
    for document in done.documents:
        typer.echo(words("done.rendered", done.lang, path=shown(document)))
    report_files(done.files, done.lang)
    typer.echo(
        words("done.rendered_summary", done.lang, written=len(done.documents), current=done.current)
    )
