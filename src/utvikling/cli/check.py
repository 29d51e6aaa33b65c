"""``utvikling check``: validate every record and print all findings."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import (
    RepositoryOption,
    handles_errors,
    parse_date,
    progress,
    repository,
    summary,
    words,
)


def _codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in values or [] for c in v.split(",") if c.strip())


@handles_errors
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Records repositories, or folders that hold many. Default: here."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print findings as JSON.")] = False,
    strict: Annotated[bool, typer.Option(help="Warnings fail too (exit code 1).")] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Only these rule codes or prefixes, e.g. A1,C (repeatable)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Skip these rule codes or prefixes, e.g. A7 (repeatable)."),
    ] = None,
    show_info: Annotated[bool, typer.Option("--info", help="Also print advice (info).")] = False,
    history: Annotated[
        bool, typer.Option(help="Also check old plans and conversations, not only current ones.")
    ] = False,
    today: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Check as of this date instead of today."),
    ] = None,
    stale: Annotated[
        bool, typer.Option(help="Also report documents in dokumenter/ older than their records.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Processes to use. Default: several only for many files."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only findings, no line when all is well.")
    ] = False,
    path: RepositoryOption = None,
    cache: Annotated[
        bool, typer.Option(help="Reuse the findings of an earlier check when nothing changed.")
    ] = True,
) -> None:
    """Check every record against the models and the KS checklist; print all findings.

    Each finding is printed as FILE:LINE:COL: CODE severity: message (reference), with a hint
    on how to fix it below it. On a terminal it ends with one line when all is well.

    Example: utvikling check examples/fjordvik-kommune
    """
    import json

    from utvikling.actions.check import CheckOptions, Totals, check_paths

    day = parse_date(today)
    options = CheckOptions(
        today=day or dt.date.today(),
        select=_codes(select),
        ignore=_codes(ignore),
        history=history,
        stale=stale,
        cache=cache,
    )
    totals = Totals()
    reports = []
    with progress(words("overview.progress", "nb")) as (on_total, advance):
        given = [*(paths or []), *([path] if path is not None else [])]
        found = check_paths(
            given or [repository(Path())], options, jobs=jobs, base=Path.cwd(), on_total=on_total
        )
        for result in found:
            advance()
            totals.add(result)
            if as_json:
                reports.append(result.to_dict())
            else:
                for finding in result.findings:
                    if finding.severity != "info" or show_info:
                        typer.echo(finding.format(result.language))
    if as_json:
        document = {"version": 1, "repositories": reports, "summary": totals.to_dict()}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    elif not quiet and (totals.shown(show_info) or sys.stdout.isatty()):
        shown_counts = {"error": totals.errors, "warning": totals.warnings}
        shown_counts["info"] = totals.infos if show_info else 0
        typer.echo(summary(shown_counts, totals.files, totals.language))
    if totals.failed(strict):
        raise typer.Exit(1)
