"""Read a records repository: find its files, load and validate each, group conversations.

This module only reads; checking is :mod:`utvikling.actions.check`'s work.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from utvikling import texts
from utvikling.errors import InputError, RepositoryNotFoundError
from utvikling.files import display_path
from utvikling.findings import Finding
from utvikling.records import layout
from utvikling.records.load import load_record
from utvikling.records.loaded import Conversation, LoadedRecord, RepositoryContext

_LANGUAGE_LINE = re.compile(rb"^language:\s*[\"']?(nb|nn)\b", re.MULTILINE)


def _fallback_language(root: Path) -> str:
    """Guess the language from a settings file that did not load, so messages still fit."""
    from utvikling.files import read_regular

    try:
        match = _LANGUAGE_LINE.search(read_regular(root / layout.SETTINGS_FILE, 65536, within=root))
    except OSError:
        return "nb"
    return match.group(1).decode() if match else "nb"


def settings_language(root: Path) -> str:
    """The language ``utvikling.yaml`` names, read cheaply (for messages before loading)."""
    return _fallback_language(root)


@dataclass
class LoadedRepository:
    """Every record of a repository that loaded, and the findings about those that did not."""

    context: RepositoryContext
    findings: list[Finding]
    files: int

    @property
    def records(self) -> list[LoadedRecord]:
        """All loaded records, settings first."""
        return self.context.records


def load_repository(
    root: Path,
    today: dt.date | None = None,
    *,
    history: bool = False,
    base: Path | None = None,
    listing: Sequence[layout.RecordFile] | None = None,
    contents: Mapping[str, bytes] | None = None,
) -> LoadedRepository:
    """Load and validate every record in the repository at ``root``, without the checklist.

    ``listing`` is :func:`layout.discover`'s list when the caller made it already, and
    ``contents`` the bytes of files it read already, by location (``check``'s cache reads
    them to hash them): neither is then made again.

    Raises:
        RepositoryNotFoundError: ``root`` holds no ``utvikling.yaml``.
    """
    if not layout.is_repository(root):
        message, hint = texts.message("R001", "nb")
        raise RepositoryNotFoundError(message, hint=hint, file=root)
    files = list(listing) if listing is not None else layout.discover(root)
    known = contents or {}
    settings_file = next(f for f in files if f.kind == "settings")

    prefix = layout.display_prefix(root, base)

    def show(record_file: layout.RecordFile) -> str:
        if prefix is not None:
            return prefix + record_file.relative
        return display_path(record_file.path, base)

    findings: list[Finding] = []
    settings, problems = load_record(
        settings_file.location,
        "settings",
        show(settings_file),
        "nb",
        root=root,
        plain=settings_file.plain,
        raw=known.get(settings_file.location),
    )
    if settings is not None:
        lang = str(getattr(settings.model, "language", "nb"))
    else:
        lang = _fallback_language(root)
        _, problems = load_record(
            settings_file.location,
            "settings",
            show(settings_file),
            lang,
            root=root,
            plain=settings_file.plain,
            raw=known.get(settings_file.location),
        )
    findings += problems
    context = RepositoryContext(
        root=display_path(root, base),
        today=today or dt.date.today(),
        language=lang,
        history=history,
    )
    context.settings = settings
    failed: set[str] = set(["settings"] if settings is None else [])
    conversations: dict[str, Conversation] = {}
    for record_file in files:
        if record_file is settings_file:
            continue
        if record_file.outside:
            message, hint = texts.message("R011", lang)
            findings.append(Finding("R011", "error", message, hint, show(record_file)))
            continue
        if record_file.kind is None:
            message, hint = texts.message("R002", lang, {"expected": layout.EXPECTED})
            findings.append(Finding("R002", "warning", message, hint, show(record_file), 1, 1))
            continue
        record, problems = load_record(
            record_file.location,
            record_file.kind,
            show(record_file),
            lang,
            root=root,
            plain=record_file.plain,
            raw=known.get(record_file.location),
        )
        findings += problems
        if record_file.conversation is not None:
            conversation = conversations.get(record_file.conversation)
            if conversation is None:
                day = layout.folder_date(record_file.conversation)
                conversation = Conversation(record_file.conversation, day)
                conversations[record_file.conversation] = conversation
                if day is None:
                    message, hint = texts.message("R006", lang, {"name": record_file.conversation})
                    findings.append(
                        Finding("R006", "warning", message, hint, show(record_file), 1, 1)
                    )
            if record is not None:
                conversation.records[record_file.kind] = record
            else:
                conversation.failed.add(record_file.kind)
        elif record is None:
            failed.add(record_file.kind)
        elif record_file.kind == "agreement":
            context.agreements.append(record)
        elif record_file.kind == "plan":
            context.plans.append(record)
    context.conversations = sorted(conversations.values(), key=lambda c: c.folder)
    context.failed_kinds = failed | {k for c in conversations.values() for k in c.failed}
    return LoadedRepository(context, findings, len(files))


def load_settings(
    root: Path, today: dt.date | None = None, *, base: Path | None = None
) -> RepositoryContext:
    """Load the repository for a command that cannot go on without its settings.

    Raises:
        RepositoryNotFoundError: ``root`` holds no ``utvikling.yaml``.
        InputError: ``utvikling.yaml`` does not load (its findings say why).
    """
    loaded = load_repository(root, today, base=base)
    if loaded.context.settings is None:
        problems = loaded.findings
        first = problems[0]
        raise InputError(
            first.message,
            hint=first.hint,
            file=first.file,
            line=first.line,
            column=first.column,
            findings=problems,
            lang=loaded.context.language,
        )
    return loaded.context
