"""``utvikling rules``: list the checklist, or write it as Markdown for docs/checklist.md."""

from __future__ import annotations

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

    Example: utvikling rules --markdown > docs/checklist.md
    """
    from utvikling.checklist.reference import markdown_reference, rule_lines

    if language not in ("nb", "nn"):
        raise typer.BadParameter("use nb or nn", param_hint="--language")
    typer.echo(markdown_reference() if markdown else "\n".join(rule_lines(language)))
