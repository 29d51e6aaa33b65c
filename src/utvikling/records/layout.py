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

    location: str
    """The file's path as the operating system takes it (``root`` joined with ``relative``)."""
    relative: str
    kind: str | None
    """None for a file the layout does not know."""
    conversation: str | None = None
    outside: bool = False
    """A folder that is a symbolic link out of the repository: not followed, reported."""
    plain: bool = False
    """The folder listing says this is a regular file, not a symbolic link (it is still checked
    again once opened, see :func:`utvikling.records.load.read_record`)."""

    @property
    def path(self) -> Path:
        """The file's path."""
        return Path(self.location)


def classify(relative: str) -> tuple[str | None, str | None]:
    """Return (kind, conversation folder) for a path relative to the repository root."""
    parts = relative.split("/")
    stem, suffix = os.path.splitext(parts[-1])  # noqa: PTH122 - no Path per file
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
    the repository is not followed but listed (``outside``), so it can be reported; one that
    stays inside is not followed either (its files are where it points). Files are listed by
    name only: :mod:`utvikling.records.load` refuses what is not a regular file.

    Each folder's files come before its subfolders', both sorted by name. The walk uses
    :func:`os.scandir` and plain strings: a ``Path`` per entry cost more than the listing.
    """
    found: list[RecordFile] = []
    real_root: list[Path] = []
    _discover_folder(os.fspath(root), "", root, found, real_root)
    return found


_SETTINGS_NAMES = (SETTINGS_FILE, "utvikling.yml")


def _discover_folder(
    folder: str, prefix: str, root: Path, found: list[RecordFile], real_root: list[Path]
) -> None:
    """Add the YAML files of ``folder`` (``prefix`` is its path in the repository) to ``found``.

    A subfolder that holds settings of its own is a nested repository: left out. That is seen
    in the subfolder's own listing, not asked of the file system for each folder.
    """
    files: list[tuple[str, bool]] = []
    dirs: list[tuple[str, bool]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not name.startswith(".") and name not in _SKIPPED_DIRS:
                    dirs.append((name, entry.is_symlink()))
            elif name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                if prefix and name in _SETTINGS_NAMES and _is_file_entry(entry):
                    return  # a nested repository: checked on its own
                try:
                    plain = entry.is_file(follow_symlinks=False)
                except OSError:
                    plain = False
                files.append((name, plain))
    separator = "" if folder.endswith(os.sep) else os.sep
    for name, link in sorted(dirs):
        if link:
            if not real_root:
                real_root.append(root.resolve())
            path = Path(folder, name)
            if not path.resolve().is_relative_to(real_root[0]):
                relative = prefix + name
                location = folder + separator + name
                found.append(RecordFile(location, relative, None, outside=True))
    for name, plain in sorted(files):
        relative = prefix + name
        kind, conversation = classify(relative)
        found.append(
            RecordFile(folder + separator + name, relative, kind, conversation, plain=plain)
        )
    for name, link in sorted(dirs):
        if not link:  # as os.walk: a linked folder is not followed
            _discover_folder(folder + separator + name, prefix + name + "/", root, found, real_root)


def _is_file_entry(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def display_prefix(root: Path, base: Path | None) -> str | None:
    """What a file's ``relative`` path is shown after, or None when each file needs its own.

    The same text as :func:`utvikling.files.display_path` gives for ``root / relative``, made
    once per repository instead of once per file. None when ``base`` (where the command runs)
    is inside the repository below its root: files there are shown relative to ``base``.
    """
    from utvikling.files import display_path

    if base is not None and base != root and base.is_relative_to(root):
        return None
    shown = display_path(root, base)
    if shown == ".":
        return ""
    return shown if shown.endswith("/") else shown + "/"


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
