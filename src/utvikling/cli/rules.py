"""``utvikling rules``: list the checklist, or write it as Markdown for docs/checklist.md."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from utvikling.cli._output import handles_errors


@handles_errors
def rules(
    markdown: Annotated[
        bool, typer.Option(help="Write the full reference as Markdown (docs/checklist.md).")
    ] = False,
    language: Annotated[
        str, typer.Option(help="nb (bokmål) or nn (nynorsk).", metavar="nb|nn")
    ] = "nb",
) -> None:
    """List every checklist rule: code, severity and what it checks.

    On a terminal the list is a table; piped, it is one line per rule.

    Example: utvikling rules --markdown > docs/checklist.md
    """
    from utvikling.actions.rules import markdown_reference, rule_table

    if markdown:
        typer.echo(markdown_reference())
        return
    rows = rule_table(language)
    if not sys.stdout.isatty():
        typer.echo("\n".join(f"{code}  {severity:<9} {label}" for code, severity, label in rows))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("Kode", "Alvor", "Hva regelen ser etter", header_style="bold")
    for row in rows:
        table.add_row(*row)
    Console().print(table)
