"""Printing shared by the commands: errors and findings, to the right stream."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

if TYPE_CHECKING:
    from utvikling.errors import UtviklingError

FormatOption = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        "-f",
        metavar="md|html|docx|pdf",
        help="Also write these formats (repeatable; PDF is PDF/A-2b). Markdown is always written.",
    ),
]

P = ParamSpec("P")
R = TypeVar("R")


def print_error(error: UtviklingError) -> None:
    """Print a library error as ``place: message`` with the hint below, on stderr.

    An error that carries findings (an answers file with several problems) prints them all.
    """
    found = getattr(error, "findings", None)
    if found:
        lang = getattr(error, "lang", "nb")
        for finding in found:
            typer.echo(finding.format(lang), err=True)
        if found[0].message == error.message:
            return
    place = error.location()
    typer.echo(f"{place}: {error.message}" if place else error.message, err=True)
    if error.hint:
        typer.echo(f"    {error.hint}", err=True)


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the library's errors into a message and the documented exit code, no traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from utvikling.errors import UtviklingError

        try:
            return command(*args, **kwargs)
        except UtviklingError as error:
            print_error(error)
            raise typer.Exit(error.exit_code) from None

    return wrapper


def words(key: str, lang: str, **params: Any) -> str:
    """Return one of the ``done.*`` or ``prompt.*`` texts, filled in."""
    from utvikling import texts

    section, _, name = key.partition(".")
    return texts.fill(
        texts.localized(texts.data_file("messages.yaml")[section][name], lang), params
    )


def formats_of(values: list[str] | None) -> tuple[str, ...]:
    """Check ``--format`` values; Markdown is always included."""
    from utvikling.render.export import check_formats

    return tuple(dict.fromkeys(("md", *check_formats(values or []))))


def report_files(files: list[Any], lang: str) -> None:
    """Name the files written besides the Markdown."""
    from pathlib import Path

    from utvikling.records.repository import display_path

    for path in files:
        if path.suffix != ".md":
            typer.echo(words("done.written", lang, path=display_path(path.resolve(), Path.cwd())))
