"""``utvikling init``: create a records repository."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from utvikling.cli._output import NoCommitOption, handles_errors, report_recorded, words


def _checked(key: str, lang: str, terms: dict[str, str] | None = None) -> Any:
    """Return a prompt check that re-asks, with the reason, until the answer fits."""
    choices = {"language": ("nb", "nn"), "kind": ("kommune", "fylkeskommune")}
    terms = terms or {}

    def check(value: str) -> str:
        value = value.strip()
        digits = len(terms.get("number_example", "0000"))  # four for a kommune, two for a county
        if key == "number" and value and not (value.isdigit() and len(value) == digits):
            raise typer.BadParameter(words("prompt.bad_number", lang, **terms))
        if key == "mandate_date" and value:
            import datetime as dt

            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise typer.BadParameter(words("prompt.bad_date", lang)) from None
        if key in choices and value and value not in choices[key]:
            raise typer.BadParameter(
                words("prompt.bad_choice", lang, choices=" / ".join(choices[key]))
            )
        return value

    return check


def _ask(
    key: str,
    lang: str,
    default: str | None = None,
    terms: dict[str, str] | None = None,
    **params: Any,
) -> str | None:
    answer = typer.prompt(
        words(f"prompt.{key}", lang, **(terms or {}), **params),
        default=default or "",
        show_default=bool(default),
        value_proc=_checked(key, lang, terms),
    )
    return str(answer).strip() or None


def _body_kind(name: str | None, terms: dict[str, str], kind: str) -> str:
    """Guess the employer body's kind from its name (the created file shows it, to correct).

    The executive committee or the council by their glossary names, else a committee (utvalg).
    """
    lowered = (name or "").strip().lower()
    county = kind == "fylkeskommune"
    if lowered in (terms["executive_committee"], terms["executive_committee_indefinite"]):
        return "fylkesutvalg" if county else "formannskap"
    if lowered in (terms["council"], terms["council_indefinite"]):
        return "fylkesting" if county else "kommunestyre"
    return "utvalg"


def _member(role: str, name: str, lang: str, terms: dict[str, str]) -> dict[str, Any]:
    person: dict[str, Any] = {"name": name, "role": role}
    party = _ask("party", lang, None, terms, person=name)
    if party:
        person["party"] = party
    return person


def _interactive(values: dict[str, Any]) -> dict[str, Any]:
    """Ask on the terminal for every value not given as an option or in the answers file.

    The kind of authority is asked first, so every later question uses its words (the
    glossary in ``data/terms.yaml``), and the chief executive's title before the questions
    that name the position.
    """
    from utvikling import texts

    lang = values.get("language") or _ask("language", "nb", "nb") or "nb"
    values["language"] = lang if lang in ("nb", "nn") else "nb"
    lang = values["language"]
    municipality = values.setdefault("municipality", {})
    if not municipality.get("kind"):
        municipality["kind"] = _ask("kind", lang, "kommune")
    kind = municipality.get("kind") or "kommune"
    terms = texts.terms(kind, lang)
    for key in ("name", "number"):
        if not municipality.get(key):
            municipality[key] = _ask(key, lang, None, terms)
    chief = values.setdefault("chief_executive", {})
    if not chief.get("title"):
        chief["title"] = _ask("title", lang, terms["ce_default_title"], terms)
    terms = texts.terms(kind, lang, chief.get("title"))
    if not chief.get("name"):
        chief["name"] = _ask("ce_name", lang, None, terms)
    body = values.setdefault("employer_body", {})
    if not body.get("name"):
        body["name"] = _ask("body_name", lang, terms["executive_committee"], terms)
    if not body.get("kind"):
        body["kind"] = _body_kind(body.get("name"), terms, kind)
    if body["kind"] not in ("kommunestyre", "fylkesting") and not body.get("mandate"):
        case_number = _ask("mandate_case", lang, None, terms)
        date = _ask("mandate_date", lang, None, terms) if case_number else None
        if case_number:
            council = terms["Council"]
            body["mandate"] = {"body": council, "case_number": case_number, "date": date}
    if not body.get("members"):
        members = []
        for role in ("mayor", "deputy_mayor", "opposition_leader"):
            name = _ask(role, lang, None, terms)
            if name:
                members.append(_member(role, name, lang, terms))
        while name := _ask("member", lang, None, terms):
            members.append(_member("member", name, lang, terms))
        body["members"] = members or None
    return values


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
    ask = _interactive if not no_input and sys.stdin.isatty() else None
    try:
        result = create(directory, given, answers=answers, ask=ask, git=git, commit=not no_commit)
    except InvalidValueError as error:
        from utvikling.cli._norsk import bad_parameter

        raise bad_parameter(error.message) from None
    lang = result.language
    for path in result.created:
        typer.echo(words("done.init_created", lang, path=path.as_posix()))
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
