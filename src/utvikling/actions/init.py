"""``utvikling init``: create a records repository with guiding comments in every file."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.actions.recording import Recorded, Recording
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
    for path, template in files.items():
        try:
            create_file(path, render_skeleton(template, context))
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
        problem, hint = texts.problem(first["type"], lang, dict(first.get("ctx") or {}))
        field = field_name(tuple(first["loc"]))
        raise InvalidValueError(f"«{field}» {problem}. {hint}") from None


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
