"""``utvikling init``: create a records repository."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from utvikling.cli._output import NoCommitOption, handles_errors, report_recorded, words


def _interactive(directory: Path) -> Any:
    """The questions on a terminal: the form engine over what is still missing."""

    def ask(values: dict[str, Any]) -> dict[str, Any]:
        from utvikling.actions.init import init_form, settings_of
        from utvikling.cli.form import run_form

        return settings_of(run_form(init_form(directory, values)))

    return ask


@handles_errors
def init(
    directory: Annotated[
        Path, typer.Argument(help="Folder to create it in. Default: here.")
    ] = Path(),
    name: Annotated[str | None, typer.Option(help="The municipality's name.")] = None,
    number: Annotated[str | None, typer.Option(help="Municipality number, four digits.")] = None,
    kind: Annotated[
        str | None, typer.Option(help="kommune or fylkeskommune.", metavar="KIND")
    ] = None,
    language: Annotated[
        str | None, typer.Option(help="nb (bokmål) or nn (nynorsk).", metavar="nb|nn")
    ] = None,
    title: Annotated[str | None, typer.Option(help="The chief executive's title.")] = None,
    chief_executive: Annotated[str | None, typer.Option(help="The chief executive's name.")] = None,
    body: Annotated[str | None, typer.Option(help="The employer body, e.g. formannskapet.")] = None,
    answers: Annotated[
        Path | None,
        typer.Option(help="A YAML file shaped like utvikling.yaml with the answers."),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask; leave gaps open.")
    ] = False,
    git: Annotated[bool, typer.Option(help="Make the folder a git repository.")] = True,
    no_commit: NoCommitOption = False,
) -> None:
    """Create a records repository: utvikling.yaml, folders, .gitignore, and a git repository.

    In git, the files made are the first commit (unless --no-commit).

    Asks for what is missing when run on a terminal (never with --no-input or without one).
    Never overwrites a file.

    Example: utvikling init fjordvik --name "Fjordvik kommune" --number 4699 --kind kommune
    """
    from utvikling.actions.init import InvalidValueError
    from utvikling.actions.init import init as create

    given = _given(
        {
            "municipality": {"name": name, "number": number, "kind": kind},
            "chief_executive": {"title": title, "name": chief_executive},
            "employer_body": {"name": body},
            "language": language,
        }
    )
    ask = _interactive(directory) if not no_input and sys.stdin.isatty() else None
    try:
        result = create(directory, given, answers=answers, ask=ask, git=git, commit=not no_commit)
    except InvalidValueError as error:
        from utvikling.cli._norsk import bad_parameter

        raise bad_parameter(error.message) from None
    lang = result.language
    schemas = [p for p in result.created if p.parent.name == "schemas"]
    for path in result.created:
        if path not in schemas:
            typer.echo(words("done.init_created", lang, path=path.as_posix()))
    if schemas:
        folder = schemas[0].parent.as_posix() + "/"
        typer.echo(words("done.init_schemas", lang, path=folder, count=len(schemas)))
    for path in result.kept:
        typer.echo(words("done.init_kept", lang, path=path.as_posix()))
    if result.git in ("initialised", "unavailable"):
        typer.echo(words(f"done.init_git_{result.git}", lang))
    if result.recorded is not None:
        report_recorded(result.recorded, lang)
    typer.echo(words("done.init_next", lang, path=directory.as_posix()))


def _given(options: dict[str, Any]) -> dict[str, Any]:
    """The values given as options, without those left out (and sections left empty)."""
    given: dict[str, Any] = {}
    for key, value in options.items():
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v is not None} or None
        if value is not None:
            given[key] = value
    return given
