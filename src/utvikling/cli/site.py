"""``utvikling site``: a static public site for the council and citizens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import handles_errors, parse_date, shown, words


@handles_errors
def site(
    path: Annotated[
        Path, typer.Argument(help="A records repository, or a folder of many. Default: here.")
    ] = Path(),
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR", help="The folder to write the site to.")
    ] = Path("nettsted"),
    force: Annotated[
        bool, typer.Option(help="Write into DIR even if it holds files utvikling did not write.")
    ] = False,
    logo: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="A logo (PNG, JPEG or SVG). Default: logo.svg|png|jpg in PATH."
        ),
    ] = None,
    language: Annotated[
        str,
        typer.Option(help="nb or nn: the index over many repositories.", metavar="nb|nn"),
    ] = "nb",
    templates: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR", help="Page templates (site/…) to use before the built-in ones."
        ),
    ] = None,
    today: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="As of this date instead of today.")
    ] = None,
) -> None:
    """Build a static public site (plain HTML and CSS) from the public parts of the records.

    One repository: a front page (the chief executive, the agreement in force, the plan's
    goals, the yearly cycle), a page per year (plan, conversations, approved public minutes,
    the PDF/A of each public document found in dokumenter/) and a history page. A folder of
    many: each one's pages and an index with the overview's table and the national figures.
    Nothing confidential and no internal document is read. The same records and the same
    day give the same bytes; DIR is written whole or not at all.

    Example: utvikling site examples/fjordvik-kommune --output nettsted --today 2026-11-23
    """
    from utvikling.actions.site import SiteOptions, build_site

    built = build_site(
        path,
        SiteOptions(
            output=output,
            today=parse_date(today) or dt.date.today(),
            force=force,
            logo=logo,
            language=language,
            templates=templates,
            base=Path.cwd(),
        ),
    )
    typer.echo(
        words(
            "site.written",
            built.lang,
            path=shown(built.folder),
            pages=built.pages,
            files=len(built.files),
        )
    )
