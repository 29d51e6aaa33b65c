"""``utvikling templates``: see and override the document templates."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import handles_errors, repository, shown, words

app = typer.Typer(
    help="The document templates: which layer each comes from, and starting an override.\n\n"
    "Example: utvikling templates copy documents/nb/minutes-public.md.j2",
    no_args_is_help=True,
    add_completion=False,
)

PathOption = Annotated[Path, typer.Option(help="The records repository. Default: here.")]


@app.command("list")
@handles_errors
def list_templates(
    path: PathOption = Path(),
    templates: Annotated[
        Path | None, typer.Option(help="A folder of your own templates, searched first.")
    ] = None,
) -> None:
    """List every template and the layer it is taken from (--templates, repository, built-in).

    Example: utvikling templates list
    """
    path = repository(path)
    from utvikling.actions.templates import list_templates as listed

    entries = listed(path, templates)
    width = max((len(e.name) for e in entries), default=0)
    for entry in entries:
        typer.echo(f"{entry.name:<{width}}  {entry.layer}")


@app.command("copy")
@handles_errors
def copy(
    name: Annotated[str, typer.Argument(help="The template, as «templates list» names it.")],
    path: PathOption = Path(),
) -> None:
    """Copy a built-in template into the repository's templates/ to start your own version.

    Example: utvikling templates copy documents/nb/agreement.md.j2
    """
    path = repository(path)
    from utvikling.actions.templates import copy_template

    target = copy_template(path, name)
    typer.echo(words("done.init_created", "nb", path=shown(target)))
    typer.echo(words("done.template_trust", "nb"))
