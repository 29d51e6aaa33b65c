"""``utvikling overview``: one row per municipality in a folder, and the national figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from utvikling.cli._output import handles_errors, parse_date, progress, shown, words

if TYPE_CHECKING:
    from utvikling.actions.overview import Overview


@handles_errors
def overview(
    folder: Annotated[Path, typer.Argument(help="A folder of records repositories.")] = Path(),
    as_json: Annotated[bool, typer.Option("--json", help="Print the overview as JSON.")] = False,
    csv: Annotated[
        Path | None, typer.Option(metavar="FILE", help="Write the rows as CSV (; separated).")
    ] = None,
    xlsx: Annotated[
        Path | None, typer.Option(metavar="FILE", help="Write rows and figures as an Excel file.")
    ] = None,
    force: Annotated[bool, typer.Option(help="Replace the CSV or XLSX file if it exists.")] = False,
    language: Annotated[
        str, typer.Option(help="nb (bokmål) or nn (nynorsk).", metavar="nb|nn")
    ] = "nb",
    today: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="As of this date instead of today.")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Processes to use. Default: several only for many files."),
    ] = None,
) -> None:
    """Check every repository in a folder and show one row per municipality, then national figures.

    Each row: name, number, kind, written language; the agreement in force and its end date;
    findings by severity; the current plan's goals (anchored, with indicators); the last
    conversation; whether its minutes are reported; the next step. Below, the shares the KS
    FoU report tabulates, computed from the records, beside the report's own figures.

    Example: utvikling overview examples/region --today 2026-11-23 --xlsx oversikt.xlsx
    """
    import json

    from utvikling.actions import overview as action

    with progress(words("overview.progress", language)) as (on_total, advance):
        report = action.overview(
            folder,
            parse_date(today) or dt.date.today(),
            language=language,
            jobs=jobs,
            base=Path.cwd(),
            on_total=on_total,
            on_row=lambda _: advance(),
        )
    _write(report, csv, xlsx, force, quiet=as_json)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif csv is None and xlsx is None:
        _print(report)


def _write(
    report: Overview, csv: Path | None, xlsx: Path | None, force: bool, *, quiet: bool
) -> None:
    """Write the files asked for; say so on stdout (on stderr when stdout carries JSON)."""
    from utvikling.actions.output import write_output
    from utvikling.actions.overview import csv_text, xlsx_bytes

    lang = report.language
    if csv is not None:  # with a byte-order mark, so Excel reads æ, ø and å right
        write_output(csv, csv_text(report).encode("utf-8-sig"), force=force, lang=lang)
        typer.echo(words("done.written", lang, path=shown(csv)), err=quiet)
    if xlsx is not None:
        write_output(xlsx, xlsx_bytes(report), force=force, lang=lang)
        typer.echo(words("done.written", lang, path=shown(xlsx)), err=quiet)


def _print(report: Overview) -> None:
    """The rows and the figures as two tables (wide enough to read when piped, too)."""
    import os
    import sys

    from rich.console import Console
    from rich.table import Table

    from utvikling.actions.overview import cell, figure_headings, figure_rows, word
    from utvikling.cli.status import STYLES

    lang = report.language
    wide = sys.stdout.isatty() or "COLUMNS" in os.environ
    console = Console(width=None if wide else 200)
    heading = words("overview.heading", lang, count=len(report.rows), date=report.today.isoformat())
    table = Table(title=heading, title_justify="left", header_style="bold")
    for name in ("name", "agreement_short", "findings", "plan_goals", "last_short",
                 "reported_short", "next_step", "next_due", "next_state"):  # fmt: skip
        fixed = name in ("findings", "plan_goals", "next_due")
        table.add_column(
            word(f"col_{name}", lang),
            overflow="fold",
            no_wrap=fixed,
            min_width={"name": 14, "agreement_short": 10, "next_state": 9}.get(name),
            max_width={"name": 18, "agreement_short": 10}.get(name),
        )

    def text(row: object, name: str) -> str:
        value = cell(row, name, lang)  # type: ignore[arg-type]
        return "" if value is None else str(value)

    for row in report.rows:
        agreement = text(row, "agreement_state")
        if row.agreement_end:
            agreement += f" {row.agreement_end.isoformat()}"
        last = text(row, "last_conversation")
        if row.months_since is not None:
            last += f" ({row.months_since})"
        style = STYLES.get(row.next_state, "")
        state = text(row, "next_state")
        table.add_row(
            f"{row.name} ({row.number})" if row.number else row.name or row.path,
            agreement,
            f"{row.errors}/{row.warnings}/{row.infos}",
            f"{row.goals}/{row.anchored}/{row.measurable}",
            last,
            text(row, "minutes_reported"),
            row.next_step,
            text(row, "next_due"),
            f"[{style}]{state}[/]" if style and state else state,
        )
    console.print(table)
    console.print(word("legend", lang), highlight=False)
    figures = Table(title=word("figures_heading", lang), title_justify="left", header_style="bold")
    for title in figure_headings(lang)[:5]:
        figures.add_column(title, overflow="fold")
    for values in figure_rows(report):
        figures.add_row(*values[:5])
    console.print(figures)
