"""``utvikling check``: validate every record and print all findings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from utvikling.cli._output import handles_errors, words


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter("write the date as YYYY-MM-DD, e.g. 2026-09-15") from None


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
) -> None:
    """Check every record against the models and the KS checklist; print all findings.

    Each finding is printed as FILE:LINE:COL: CODE severity: message (reference), with a hint
    on how to fix it below it. Nothing is printed when all is well.

    Example: utvikling check examples/fjordvik-kommune
    """
    from utvikling.records import CheckOptions, check_path

    day = _date(today)
    options = CheckOptions(
        today=day or dt.date.today(),
        select=_codes(select),
        ignore=_codes(ignore),
        history=history,
        stale=stale,
    )
    base = Path.cwd()
    totals = {"error": 0, "warning": 0, "info": 0}
    files = 0
    reports = []
    lang = "nb"
    for target in paths or [Path()]:
        for result in check_path(target, options, jobs=jobs, base=base):
            files += result.files
            lang = result.language
            for severity in totals:
                totals[severity] += result.count(severity)
            if as_json:
                reports.append(
                    {
                        "path": result.root,
                        "language": result.language,
                        "files": result.files,
                        "findings": [f.to_dict() for f in result.findings],
                    }
                )
                continue
            for finding in result.findings:
                if finding.severity != "info" or show_info:
                    typer.echo(finding.format(result.language))
    shown = totals["error"] + totals["warning"] + (totals["info"] if show_info else 0)
    if as_json:
        import json

        summary = {"errors": totals["error"], "warnings": totals["warning"], "info": totals["info"]}
        document = {"version": 1, "repositories": reports, "summary": {**summary, "files": files}}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    elif shown:
        typer.echo(
            words(
                "done.summary",
                lang,
                errors=totals["error"],
                warnings=totals["warning"],
                infos=totals["info"],
                files=files,
            )
        )
    if totals["error"] or (strict and totals["warning"]):
        raise typer.Exit(1)
