"""``utvikling schema``: the JSON Schemas of the record kinds, for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import PathOption, handles_errors, repository, shown, words


@handles_errors
def schema(
    kind: Annotated[str | None, typer.Argument(metavar="KIND")] = None,
    output: Annotated[Path | None, typer.Option()] = None,
    force: Annotated[bool, typer.Option()] = False,
    path: PathOption = Path(),
) -> None:
    """Print one record kind's JSON Schema, or write every kind's into a folder.

    In a records repository (or with --path) the schemas are in its language and words.
    """
    from utvikling.actions.schema import (
        kind_ids,
        kind_named,
        repository_words,
        schema_text,
        write_schemas,
    )
    from utvikling.cli._norsk import bad_parameter, metavar, word

    names = ", ".join(kind_ids())
    if kind is None and output is None:
        raise bad_parameter(word("schema_which", kinds=names))
    chosen = kind_named(kind) if kind is not None else None
    if kind is not None and chosen is None:
        error = bad_parameter(word("schema_unknown", name=kind, kinds=names))
        error.param_hint = metavar("KIND")
        raise error
    lang, authority, title = repository_words(repository(path))
    if output is None:
        assert chosen is not None
        typer.echo(schema_text(chosen, lang, authority, title), nl=False)
        return
    only = chosen.id if chosen else None
    written = write_schemas(output, lang, force=force, only=only, authority=authority, title=title)
    for file in written:
        typer.echo(words("done.init_created", lang, path=shown(file)))
