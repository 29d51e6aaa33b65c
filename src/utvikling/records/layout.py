"""Where each kind of record lives in a records repository, and how files are found."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from utvikling import texts
from utvikling.errors import InputError
from utvikling.models.kinds import BY_ID, CONVERSATION_KINDS, KINDS

SETTINGS_FILE = "utvikling.yaml"
OUTPUT_DIR = "dokumenter"
"""Generated documents go here; never read as records."""

TEMPLATES_DIR = "templates"
YAML_SUFFIXES = (".yaml", ".yml")
CONVERSATION_FILES = {kind.stem: kind.id for kind in CONVERSATION_KINDS if kind.stem}
"""File stem → kind, for the files of a conversation folder."""
_DATED_FOLDERS = {kind.folder: kind.id for kind in KINDS if kind.folder and kind.stem is None}
"""Folder → kind, for kinds whose files are named after a date or a year."""
EXPECTED = ", ".join(
    [k.pattern for k in KINDS if not k.in_conversation]
    + ["conversations/<dato>/{" + ",".join(CONVERSATION_FILES) + "}.yaml"]
)
_SKIPPED_DIRS = {OUTPUT_DIR, TEMPLATES_DIR, "node_modules", "__pycache__"}


@dataclass(frozen=True)
class RecordFile:
    """A YAML file in a records repository and what the layout says it is."""

    path: Path
    relative: str
    kind: str | None
    """None for a file the layout does not know."""
    conversation: str | None = None
    outside: bool = False
    """A folder that is a symbolic link out of the repository: not followed, reported."""


def classify(relative: str) -> tuple[str | None, str | None]:
    """Return (kind, conversation folder) for a path relative to the repository root."""
    parts = relative.split("/")
    name = Path(parts[-1])
    stem, suffix = name.stem, name.suffix
    if suffix not in YAML_SUFFIXES:
        return None, None
    if len(parts) == 1 and parts[0] in (SETTINGS_FILE, "utvikling.yml"):
        return "settings", None
    if len(parts) == 2 and parts[0] in _DATED_FOLDERS:
        return _DATED_FOLDERS[parts[0]], None
    if len(parts) == 3 and parts[0] == "conversations" and stem in CONVERSATION_FILES:
        return CONVERSATION_FILES[stem], parts[1]
    return None, None


def is_repository(path: Path) -> bool:
    """Tell whether ``path`` is the root of a records repository."""
    return (path / SETTINGS_FILE).is_file() or (path / "utvikling.yml").is_file()


def discover(root: Path) -> list[RecordFile]:
    """List the YAML files of the repository at ``root``, in a stable order.

    Hidden folders, the output folder and template overrides are skipped, and so are nested
    records repositories (each is checked on its own). A folder that is a symbolic link out of
    the repository is not followed but listed (``outside``), so it can be reported. Files are
    listed by name only: :mod:`utvikling.records.load` refuses what is not a regular file.
    """
    found: list[RecordFile] = []
    real_root: Path | None = None
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        for name in dirs:
            if (
                not name.startswith(".")
                and name not in _SKIPPED_DIRS
                and (here / name).is_symlink()
            ):
                real_root = real_root or root.resolve()
                if not (here / name).resolve().is_relative_to(real_root):
                    path = here / name
                    found.append(
                        RecordFile(path, path.relative_to(root).as_posix(), None, outside=True)
                    )
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d not in _SKIPPED_DIRS and not is_repository(here / d)
        )
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                path = here / name
                relative = path.relative_to(root).as_posix()
                kind, conversation = classify(relative)
                found.append(RecordFile(path, relative, kind, conversation))
    return found


def find_repositories(path: Path) -> list[Path]:
    """Return the repository at ``path``, or every repository in folders below it."""
    if is_repository(path):
        return [path]
    roots: list[Path] = []
    for folder, dirs, _ in os.walk(path):
        here = Path(folder)
        if here != path and is_repository(here):
            roots.append(here)
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
    return sorted(roots)


def conversation_file(root: Path, folder: str, kind: str) -> Path:
    """The path of the ``kind`` record of the conversation in ``conversations/<folder>/``."""
    return root / "conversations" / folder / BY_ID[kind].file_name


def folder_date(name: str) -> dt.date | None:
    """Return the date a conversation folder is named after, or None."""
    try:
        return dt.date.fromisoformat(name[:10]) if len(name) >= 10 else None
    except ValueError:
        return None


def resolve_conversation(root: Path, reference: str) -> tuple[Path, dt.date]:
    """Find the conversation folder for a date (``2026-09-15``) or a folder path.

    Raises:
        InputError: neither a date nor a folder named after one.
    """
    candidate = Path(reference)
    name = candidate.name if candidate.name else reference
    day = folder_date(name)
    if day is None:
        message, hint = texts.message("K001", "nb", {"reference": reference})
        raise InputError(message, hint=hint)
    return root / "conversations" / name, day
