"""``utvikling new-agreement``: walk through the agreement, write it, render the draft."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from utvikling.cli._output import (
    FormatOption,
    NoCommitOption,
    TemplatesOption,
    document_options,
    handles_errors,
    parse_date,
    print_findings,
    report_files,
    report_recorded,
    words,
)

if TYPE_CHECKING:
    from utvikling.actions.agreement import FormItem


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _convert(kind: str, text: str, lang: str) -> Any:
    """Turn one answer into a value, or raise BadParameter so the question is asked again."""
    from utvikling.actions.agreement import parse_answer

    try:
        return parse_answer(kind, text, lang)
    except ValueError as problem:
        raise typer.BadParameter(str(problem)) from None


def _ask(question: str, kind: str, current: Any, lang: str) -> Any:
    answer = typer.prompt(
        question,
        default=_show(current),
        show_default=current is not None,
        value_proc=lambda text: _convert(kind, text, lang),
    )
    return answer if not isinstance(answer, str) or answer else None


def _ask_list(question: str, current: list[str] | None, lang: str) -> list[str] | None:
    typer.echo(question)
    if current:
        typer.echo(words("prompt.current_list", lang))
        for item in current:
            typer.echo(f"  - {item}")
        if _ask(words("prompt.keep_list", lang), "yesno", True, lang):
            return current
    items: list[str] = []
    while line := typer.prompt("  -", default="", show_default=False).strip():
        items.append(line)
    return items or current


def _walk(values: dict[str, Any], lang: str) -> dict[str, Any]:
    """Ask every question of the form, the current value as the default."""
    from utvikling import texts
    from utvikling.actions.agreement import form, get_path, set_path

    def ask_item(item: FormItem, base: str = "") -> None:
        path = f"{base}{item.field}"
        why = texts.localized(item.why, lang)
        if why:
            typer.echo(typer.style(f"  {why}", dim=True))
        question = texts.localized(item.ask, lang)
        current = get_path(values, path)
        if (
            current is None
            and item.default
            and item.default.split(".")[0]
            not in (
                "settings",
                "term",
            )
        ):
            current = get_path(values, item.default)  # e.g. pay from the start date
        if item.kind == "conditional":
            agreed = _ask(
                question + " (ja/nei)", "conditional", get_path(values, f"{path}.agreed"), lang
            )
            set_path(values, f"{path}.agreed", agreed)
            if agreed:
                for detail in item.details:
                    ask_item(detail, f"{path}.")
        elif item.kind == "list":
            set_path(values, path, _ask_list(question, current, lang))
        elif item.kind == "allowances":
            has = _ask(
                question + " (ja/nei)",
                "yesno",
                bool(current) if current is not None else None,
                lang,
            )
            if has is False:
                set_path(values, path, [])
            elif has:
                entries = list(current or [])
                while name := _ask(words("prompt.allowance_name", lang), "text", None, lang):
                    amount = _ask(words("prompt.allowance_amount", lang), "amount", None, lang)
                    entries.append({"name": name, "amount": amount})
                set_path(values, path, entries)
        elif item.kind == "collective":
            first = (current or [{}])[0]
            name = _ask(question, "text", first.get("name"), lang)
            clause = _ask(words("prompt.clause", lang), "text", first.get("clause"), lang)
            if name:
                set_path(
                    values, path, [{**first, "name": name, "clause": clause}, *(current or [])[1:]]
                )
        else:
            suffix = " (ja/nei)" if item.kind == "flag" else ""
            set_path(values, path, _ask(question + suffix, item.kind, current, lang))

    for group in form():
        typer.echo("")
        typer.echo(typer.style(texts.localized(group.title, lang), bold=True))
        for item in group.items:
            ask_item(item)
    return values


def _questions(
    values: dict[str, Any], lang: str, previous: str | None
) -> tuple[dict[str, Any], str | None]:
    """Ask every question, then whether the new agreement replaces the one in force."""
    values = _walk(values, lang)
    if previous is not None and _ask(
        words("prompt.supersedes", lang, name=previous), "yesno", True, lang
    ):
        return values, previous
    return values, None


@handles_errors
def new_agreement(
    path: Annotated[Path, typer.Argument(help="The records repository. Default: here.")] = Path(),
    answers: Annotated[
        Path | None, typer.Option(help="A YAML file shaped like an agreement record.")
    ] = None,
    start_date: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="When the agreement starts.")
    ] = None,
    supersedes: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="The agreement this replaces, e.g. 2019-08-01."),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask; leave gaps open.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(help="Folder for the draft. Default: dokumenter/ in the repository."),
    ] = None,
    templates: TemplatesOption = None,
    force: Annotated[
        bool, typer.Option(help="Replace a draft even if it was edited by hand.")
    ] = False,
    today: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Date the draft and check as of this day."),
    ] = None,
    format: FormatOption = None,
    no_commit: NoCommitOption = False,
) -> None:
    """Write a new agreement that meets the KS checklist and the law, and render its draft.

    Asks for every item on a terminal (the current agreement's values and utvikling.yaml give
    the defaults); takes answers from --answers and never asks with --no-input. Writes
    agreements/<start-date>.yaml and never overwrites one; with --supersedes the old agreement
    is marked as replaced. Renders dokumenter/avtaleutkast-<start-date>.md with every open item
    clearly marked, then lists what is still missing. Exit code 1 when items required by law or
    the KS checklist are still open.

    Example: utvikling new-agreement --answers svar.yaml --supersedes 2019-08-01 --no-input
    """
    from utvikling.actions.agreement import AgreementRequest
    from utvikling.actions.agreement import new_agreement as create

    options = document_options(today, output, force, templates, format)
    request = AgreementRequest(answers, parse_date(start_date, "--start-date"), supersedes)
    ask = _questions if not no_input and sys.stdin.isatty() else None
    done = create(path, request, options, ask=ask, base=Path.cwd(), commit=not no_commit)
    lang = done.lang
    typer.echo(words("done.agreement_created", lang, path=done.shown))
    if done.created.superseded is not None:
        typer.echo(words("done.agreement_superseded", lang, name=done.created.superseded.stem))
    report_recorded(done.recorded, lang)
    draft = done.draft
    typer.echo(words("done.draft_written", lang, path=draft.path.as_posix(), gaps=len(draft.gaps)))
    report_files(draft.files, lang)
    print_findings(done.findings, lang)
