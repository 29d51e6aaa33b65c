"""``utvikling historikk`` (or ``history``): the records over the years, with their commits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import PathOption, handles_errors, repository


@handles_errors
def history(
    path: PathOption = Path(),
    as_json: Annotated[bool, typer.Option("--json", help="Write the history as JSON.")] = False,
) -> None:
    """Show the history of the records, with the git commits that recorded it.

    The agreements and what they replace, the plans and conversations per year, and each
    minutes' lifecycle (approved, acknowledged, reported and locked, amended) with dates.

    Example: utvikling historikk --json
    """
    path = repository(path)
    from utvikling.actions.history import history as gather
    from utvikling.actions.history import sections

    found = gather(path, base=Path.cwd())
    if as_json:
        typer.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    columns, tables, note = sections(found)
    for section in tables:
        table = Table(*columns, title=section.title, header_style="bold", show_lines=True)
        for row in section.rows:
            table.add_row(*row)
        console.print(table)
    if note:
        typer.echo(note)
