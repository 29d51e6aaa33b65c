"""``utvikling init``: create a records repository with guiding comments in every file."""

from __future__ import annotations

import copy
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.actions.form import Choice, Form, Question, get
from utvikling.actions.recording import Recorded, Recording
from utvikling.actions.schema import modeline
from utvikling.errors import FileExistsRefusedError, UsageError
from utvikling.files import create_file
from utvikling.models.settings import Settings
from utvikling.records import layout
from utvikling.records.load import load_answers


@dataclass
class InitResult:
    """What ``init`` did."""

    root: Path
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    """Files that were there already and were left as they were."""
    git: str = "skipped"
    """``initialised``, ``existing`` (already in a git repository), or ``unavailable``."""
    language: str = "nb"
    recorded: Recorded | None = None
    """The first commit (of the files made), when the folder is in git."""


def settings_from_answers(path: Path) -> Settings:
    """Read an answers file shaped like ``utvikling.yaml``, with the same strict checks.

    Raises:
        InputError: the file cannot be read, or a value in it is wrong.
    """
    record = load_answers(path, "settings", "nb")
    assert isinstance(record.model, Settings)
    return record.model


def _git_state(root: Path) -> str:
    git = shutil.which("git")
    if git is None:
        return "unavailable"
    inside = subprocess.run(
        [git, "rev-parse", "--is-inside-work-tree"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if inside.returncode == 0 and inside.stdout.strip() == "true":
        return "existing"
    done = subprocess.run([git, "init", "-q"], cwd=root, capture_output=True, check=False)
    return "initialised" if done.returncode == 0 else "unavailable"


def init_repository(
    root: Path, settings: Settings, *, git: bool = True, commit: bool = True
) -> InitResult:
    """Create a records repository at ``root`` from ``settings``.

    Creates ``utvikling.yaml``, the folders ``agreements/``, ``plans/`` and ``conversations/``
    each with a README, and a ``.gitignore`` for generated documents; makes the folder a git
    repository when git is installed and it is not in one already, and commits the files it
    made (unless ``commit`` is false). Nothing is overwritten.

    Raises:
        FileExistsRefusedError: ``root`` already holds a records repository.
    """
    lang = settings.language
    if layout.is_repository(root):
        existing = root / layout.SETTINGS_FILE
        message, hint = texts.message("I001", lang)
        raise FileExistsRefusedError(message, hint=hint, file=existing)
    from utvikling.render.environment import render_skeleton

    context: dict[str, Any] = settings.model_dump()
    for key in ("municipality", "chief_executive", "employer_body"):
        context[key] = context.get(key) or {}
        context[key] = {**_blank(key), **context[key]}
    context["terms"] = texts.terms(
        context["municipality"]["kind"], lang, context["chief_executive"]["title"]
    )
    files = {
        root / layout.SETTINGS_FILE: f"{lang}/utvikling.yaml.j2",
        root / "agreements" / "README.md": f"{lang}/agreements.README.md.j2",
        root / "plans" / "README.md": f"{lang}/plans.README.md.j2",
        root / "conversations" / "README.md": f"{lang}/conversations.README.md.j2",
        root / ".gitignore": f"{lang}/gitignore.j2",
    }
    result = InitResult(root, language=lang)
    root.mkdir(parents=True, exist_ok=True)
    contents = {path: render_skeleton(template, context) for path, template in files.items()}
    contents[root / layout.SETTINGS_FILE] = (
        modeline("settings", layout.SETTINGS_FILE) + contents[root / layout.SETTINGS_FILE]
    )
    authority = context["municipality"]["kind"] or "kommune"
    title = context["chief_executive"]["title"]
    contents.update(editor_files(root, lang, authority=authority, title=title))
    for path, text in contents.items():
        try:
            create_file(path, text)
        except FileExistsError:
            result.kept.append(path)
        else:
            result.created.append(path)
    result.git = _git_state(root) if git else "skipped"
    if result.git in ("initialised", "existing") and result.created:
        name = settings.municipality.name if settings.municipality else None
        recording = Recording(root, lang, commit=commit)
        result.recorded = recording.save(result.created, "init", municipality=name or root.name)
    return result


def editor_files(
    root: Path, lang: str, *, authority: str | None = None, title: str | None = None
) -> dict[Path, str]:
    """The files that give an editor and git the tool's help: schemas, VS Code, pre-commit.

    The schemas are in the repository's language and words (``authority``, ``title``).
    """
    from utvikling.actions.schema import (
        SCHEMA_FOLDER,
        file_name,
        schema_text,
        vscode_extensions,
        vscode_settings,
    )
    from utvikling.models.kinds import KINDS

    found = {
        root / SCHEMA_FOLDER / file_name(k): schema_text(k, lang, authority, title) for k in KINDS
    }
    found[root / ".vscode" / "settings.json"] = vscode_settings(lang)
    found[root / ".vscode" / "extensions.json"] = vscode_extensions()
    found[root / ".pre-commit-config.yaml"] = pre_commit_config(lang)
    return found


def pre_commit_config(lang: str) -> str:
    """``.pre-commit-config.yaml``: the records are checked before each commit.

    The hook runs the ``utvikling`` already installed on the machine (``language: system``),
    so it needs no network and checks with the same version the user runs.
    """
    intro = texts.localized(texts.data_file("cli.yaml")["pre_commit"]["intro"], lang)
    head = "".join(f"# {line}\n" if line else "#\n" for line in intro.splitlines())
    return head + (
        "repos:\n"
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: utvikling-check\n"
        "        name: utvikling check\n"
        "        entry: utvikling check --quiet\n"
        "        language: system\n"
        "        pass_filenames: false\n"
        "        files: \\.(ya?ml|j2)$\n"
    )


def _blank(section: str) -> dict[str, Any]:
    names = {
        "municipality": ("name", "number", "kind", "org_number", "address"),
        "chief_executive": ("title", "name"),
        "employer_body": ("kind", "name", "mandate", "members"),
    }[section]
    return dict.fromkeys(names)


class InvalidValueError(UsageError):
    """A value given for the new repository does not fit the settings model (exit code 2)."""


Asker = Callable[[dict[str, Any]], dict[str, Any]]
"""Asks on a terminal for what is missing: values so far → completed values."""


def validated_settings(values: dict[str, Any]) -> Settings:
    """Check the values with the model, so a bad one is refused before anything is written.

    Raises:
        InvalidValueError: a value does not fit (the first one, named by its field).
    """
    from pydantic import ValidationError

    from utvikling.records.load import field_name

    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        lang = "nn" if values.get("language") == "nn" else "nb"
        ctx = dict(first.get("ctx") or {})
        if "expected" in ctx:  # pydantic writes "'kommune' or 'fylkeskommune'"
            ctx["expected"] = str(ctx["expected"]).replace("'", "").replace(" or ", ", ")
        problem, hint = texts.problem(first["type"], lang, ctx)
        field = field_name(tuple(first["loc"]))
        raise InvalidValueError(f"«{field}» {problem}. {hint}") from None


def body_kind(name: str | None, terms: dict[str, str], kind: str) -> str:
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


ROLES = ("mayor", "deputy_mayor", "opposition_leader")


def init_form(root: Path, values: dict[str, Any]) -> Form:
    """The questions ``init`` asks for what options and the answers file left open.

    The written language and the kind of authority come first, so every later question uses
    their words (the glossary in ``data/terms.yaml``), and the chief executive's title before
    the questions that name the position.
    """
    given = {
        key
        for key in (
            "language",
            "municipality.kind",
            "municipality.name",
            "municipality.number",
            "chief_executive.title",
            "chief_executive.name",
            "employer_body.name",
            "employer_body.mandate",
            "employer_body.members",
        )
        if get(values, key) is not None
    }
    prompts = texts.data_file("messages.yaml")["prompt"]
    start = copy.deepcopy(values)

    def questions(current: dict[str, Any]) -> list[Question]:
        lang = _lang(current)
        kind = get(current, "municipality.kind") or "kommune"
        terms = texts.terms(kind, lang, get(current, "chief_executive.title"))
        # The suggestions follow the kind chosen: «fylkesdirektør», «fylkesutvalget».
        current["_default_title"] = terms["ce_default_title"]
        current["_default_body"] = terms["executive_committee"]

        def ask(key: str, prompt: str, kind_of: str = "text", **more: Any) -> Question:
            label = texts.fill(texts.localized(prompts[prompt], lang), {**terms, **more})
            return Question(key, kind_of, label, **{k: v for k, v in more.items() if k in _EXTRA})

        def digits(value: Any) -> str | None:
            wanted = len(terms.get("number_example", "0000"))
            if str(value).isdigit() and len(str(value)) == wanted:
                return None
            return texts.fill(texts.localized(prompts["bad_number"], lang), terms)

        found: list[Question] = []
        languages = (Choice("nb", "bokmål"), Choice("nn", "nynorsk"))
        kinds = (Choice("kommune", "kommune"), Choice("fylkeskommune", "fylkeskommune"))
        if "language" not in given:
            language = ask("language", "language", "choice", choices=languages)
            found.append(replace(language, suggest="_default_language"))
        if "municipality.kind" not in given:
            kind_question = ask("municipality.kind", "kind", "choice", choices=kinds)
            found.append(replace(kind_question, suggest="_default_kind"))
        if "municipality.name" not in given:
            found.append(ask("municipality.name", "name"))
        if "municipality.number" not in given:
            found.append(replace(ask("municipality.number", "number"), check=digits))
        if "chief_executive.title" not in given:
            title = ask("chief_executive.title", "title")
            found.append(replace(title, suggest="_default_title"))
        if "chief_executive.name" not in given:
            found.append(ask("chief_executive.name", "ce_name"))
        if "employer_body.name" not in given:
            found.append(replace(ask("employer_body.name", "body_name"), suggest="_default_body"))
        name = get(current, "employer_body.name") or terms["executive_committee"]
        council = body_kind(name, terms, kind) in ("kommunestyre", "fylkesting")
        if "employer_body.mandate" not in given and not council:
            found.append(ask("employer_body.mandate.case_number", "mandate_case"))
            if get(current, "employer_body.mandate.case_number"):
                found.append(ask("employer_body.mandate.date", "mandate_date", "date"))
        if "employer_body.members" not in given:
            members = get(current, "employer_body.members") or []
            count = len(ROLES)
            while count < len(members) and members[count] and members[count].get("name"):
                count += 1
            for number in range(count + 1):
                prompt = ROLES[number] if number < len(ROLES) else "member"
                key = f"employer_body.members.{number}"
                found.append(ask(f"{key}.name", prompt))
                person = get(current, f"{key}.name")
                if person:
                    found.append(ask(f"{key}.party", "party", person=person))
        return found

    lang = _lang(values)
    kind = get(values, "municipality.kind") or "kommune"
    terms = texts.terms(kind, lang)
    start["_default_language"] = "nb"
    start["_default_kind"] = "kommune"
    start["_default_title"] = terms["ce_default_title"]
    start["_default_body"] = terms["executive_committee"]
    form = Form("init", lang, questions, start, Settings, root, follow_language=True)
    return form


_EXTRA = ("choices", "low", "high")


def _lang(values: dict[str, Any]) -> str:
    return "nn" if values.get("language") == "nn" else "nb"


def settings_of(values: dict[str, Any]) -> dict[str, Any]:
    """The values of a finished :func:`init_form`, shaped like ``utvikling.yaml``."""
    values = {k: v for k, v in values.items() if not k.startswith("_")}
    lang = _lang(values)
    kind = get(values, "municipality.kind") or "kommune"
    terms = texts.terms(kind, lang, get(values, "chief_executive.title"))
    body = values.get("employer_body")
    if isinstance(body, dict):
        if body.get("name") and not body.get("kind"):
            body["kind"] = body_kind(body["name"], terms, kind)
        mandate = body.get("mandate")
        if isinstance(mandate, dict) and mandate.get("case_number") and not mandate.get("body"):
            mandate["body"] = terms["Council"]
        members = body.get("members")
        if isinstance(members, list) and any(
            isinstance(m, dict) and "role" not in m for m in members
        ):
            people = []
            for number, person in enumerate(members):
                if isinstance(person, dict) and person.get("name"):
                    role = ROLES[number] if number < len(ROLES) else "member"
                    people.append(
                        {
                            "name": person["name"],
                            "role": role,
                            **({"party": person["party"]} if person.get("party") else {}),
                        }
                    )
            body["members"] = people or None
    return values


def init(
    root: Path,
    given: dict[str, Any],
    *,
    answers: Path | None = None,
    ask: Asker | None = None,
    git: bool = True,
    commit: bool = True,
) -> InitResult:
    """Create a records repository from an answers file, given values and questions.

    ``given`` holds the values from options, shaped like ``utvikling.yaml`` (they win over the
    answers file); ``ask`` completes what is still missing.

    Raises:
        InputError: the answers file cannot be used.
        InvalidValueError: a value does not fit.
        FileExistsRefusedError: ``root`` already holds a records repository.
    """
    values: dict[str, Any] = {}
    if answers is not None:
        values = settings_from_answers(answers).model_dump(exclude_none=True)
    for key, value in given.items():
        if isinstance(value, dict):
            values.setdefault(key, {}).update(value)
        else:
            values[key] = value
    if ask is not None:
        values = ask(values)
    return init_repository(root, validated_settings(values), git=git, commit=commit)
