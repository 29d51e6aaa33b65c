"""Check records repositories: load every file, run the checklist, apply suppressions."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from utvikling import texts
from utvikling.checklist import (
    NON_SUPPRESSIBLE,
    Conversation,
    Finding,
    LoadedRecord,
    RepositoryContext,
    rule_codes,
    run_rules,
)
from utvikling.errors import RepositoryNotFoundError
from utvikling.records import layout
from utvikling.records.load import load_record

AUTO_JOBS_FILES = 3000
"""Above this many files ``check`` uses several processes unless told otherwise."""


@dataclass(frozen=True)
class CheckOptions:
    """What to check and how."""

    today: dt.date = field(default_factory=dt.date.today)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    history: bool = False
    stale: bool = False
    """Also report generated documents that are older than their records."""


@dataclass
class RepositoryResult:
    """The outcome of checking one repository."""

    root: str
    language: str
    files: int
    findings: list[Finding]
    loaded: LoadedRepository | None = field(default=None, repr=False)
    """The records themselves, for a command that goes on to use them (not kept when checking
    many repositories, so memory stays flat)."""

    def count(self, severity: str) -> int:
        """Return how many findings have ``severity``."""
        return sum(1 for f in self.findings if f.severity == severity)


def display_path(path: Path, base: Path | None) -> str:
    """Show ``path`` relative to ``base`` (usually the working folder) when it is below it."""
    if base is not None:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            pass
    return path.as_posix()


_LANGUAGE_LINE = re.compile(rb"^language:\s*[\"']?(nb|nn)\b", re.MULTILINE)


def _fallback_language(root: Path) -> str:
    """Guess the language from a settings file that did not load, so messages still fit."""
    try:
        match = _LANGUAGE_LINE.search((root / layout.SETTINGS_FILE).read_bytes()[:65536])
    except OSError:
        return "nb"
    return match.group(1).decode() if match else "nb"


@dataclass
class LoadedRepository:
    """Every record of a repository that loaded, and the findings about those that did not."""

    context: RepositoryContext
    findings: list[Finding]
    files: int

    @property
    def records(self) -> list[LoadedRecord]:
        """All loaded records, settings first."""
        context = self.context
        found = [r for r in [context.settings, *context.agreements, *context.plans] if r]
        return found + [r for c in context.conversations for r in c.records.values()]


def load_repository(
    root: Path, options: CheckOptions | None = None, *, base: Path | None = None
) -> LoadedRepository:
    """Load and validate every record in the repository at ``root``, without the checklist.

    Raises:
        RepositoryNotFoundError: ``root`` holds no ``utvikling.yaml``.
    """
    options = options or CheckOptions()
    if not layout.is_repository(root):
        message, hint = texts.message("R001", "nb")
        raise RepositoryNotFoundError(message, hint=hint, file=root)
    files = layout.discover(root)
    settings_file = next(f for f in files if f.kind == "settings")

    def show(record_file: layout.RecordFile) -> str:
        return display_path(record_file.path, base)

    findings: list[Finding] = []
    settings, problems = load_record(settings_file.path, "settings", show(settings_file), "nb")
    if settings is not None:
        lang = str(getattr(settings.model, "language", "nb"))
    else:
        lang = _fallback_language(root)
        _, problems = load_record(settings_file.path, "settings", show(settings_file), lang)
    findings += problems
    context = RepositoryContext(
        root=display_path(root, base), today=options.today, language=lang, history=options.history
    )
    context.settings = settings
    failed: set[str] = set(["settings"] if settings is None else [])
    conversations: dict[str, Conversation] = {}
    for record_file in files:
        if record_file is settings_file:
            continue
        if record_file.kind is None:
            message, hint = texts.message("R002", lang, {"expected": layout.EXPECTED})
            findings.append(Finding("R002", "warning", message, hint, show(record_file), 1, 1))
            continue
        record, problems = load_record(record_file.path, record_file.kind, show(record_file), lang)
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


def check_repository(
    root: Path, options: CheckOptions | None = None, *, base: Path | None = None
) -> RepositoryResult:
    """Check every record in the repository at ``root`` and return all findings.

    Args:
        root: the repository folder (holding ``utvikling.yaml``).
        options: the day to check for, rule selection and history.
        base: paths in findings are shown relative to this folder when below it.

    Raises:
        RepositoryNotFoundError: ``root`` holds no ``utvikling.yaml``.
    """
    options = options or CheckOptions()
    loaded = load_repository(root, options, base=base)
    context, findings = loaded.context, loaded.findings
    settings, lang = context.settings, context.language
    records = loaded.records
    rule_findings = run_rules(context, select=options.select, ignore=options.ignore)
    findings += apply_suppressions(rule_findings, records, settings, lang)
    if options.stale:
        findings += stale_documents(root, lang, base)
    findings.sort(key=lambda f: (f.file or "", f.line or 0, f.column or 0, f.code))
    return RepositoryResult(context.root, lang, loaded.files, findings, loaded)


def stale_documents(root: Path, lang: str, base: Path | None) -> list[Finding]:
    """Report generated documents whose records changed (or vanished) since they were made."""
    import hashlib

    from utvikling.render.documents import sources_of

    found: list[Finding] = []
    folder = root / layout.OUTPUT_DIR
    for document in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        for relative, digest in sources_of(document):
            source = root / relative
            current = (
                hashlib.sha256(source.read_bytes()).hexdigest()[:16] if source.is_file() else None
            )
            if current != digest:
                message, hint = texts.message(
                    "D001", lang, {"source": relative, "name": document.name}
                )
                found.append(
                    Finding("D001", "warning", message, hint, display_path(document, base), 1, 1)
                )
                break
    return found


def apply_suppressions(
    findings: list[Finding],
    records: Sequence[LoadedRecord],
    settings: LoadedRecord | None,
    lang: str,
) -> list[Finding]:
    """Drop findings a record suppresses with a reason; report bad or unused suppressions.

    A suppression in a record applies to findings in that file; one in ``utvikling.yaml``
    applies to the whole repository.
    """
    result: list[Finding] = []
    wanted: dict[tuple[str, str | None], tuple[LoadedRecord, int]] = {}
    known = rule_codes()
    for record in records:
        for index, item in enumerate(getattr(record.model, "suppress", None) or []):
            path = ("suppress", index)
            line, column = record.position(path)
            code = item.code.strip().upper()
            if code not in known:
                message, hint = texts.message("R004", lang, {"code": item.code})
                result.append(Finding("R004", "warning", message, hint, record.path, line, column))
            elif not (item.reason or "").strip():
                message, hint = texts.message("R003", lang, {"code": code})
                result.append(Finding("R003", "error", message, hint, record.path, line, column))
            else:
                scope = None if record is settings else record.path
                wanted[(code, scope)] = (record, index)
    used: set[tuple[str, str | None]] = set()
    for finding in findings:
        if finding.code.startswith(NON_SUPPRESSIBLE):
            result.append(finding)
            continue
        for scope in (finding.file, None):
            if (finding.code, scope) in wanted:
                used.add((finding.code, scope))
                break
        else:
            result.append(finding)
    for key, (record, index) in wanted.items():
        if key not in used:
            line, column = record.position(("suppress", index))
            message, hint = texts.message("R005", lang, {"code": key[0]})
            result.append(Finding("R005", "info", message, hint, record.path, line, column))
    return result


GC_THRESHOLD = 20_000
"""Allocations between young-generation collections while checking.

Parsing builds and drops hundreds of thousands of small node objects that form no cycles;
with Python's default (700) the collector rescans them constantly, about a fifth of the run.
"""


@contextlib.contextmanager
def _relaxed_gc() -> Iterator[None]:
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_THRESHOLD), old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _worker_start() -> None:
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def _count_files(roots: Sequence[Path], limit: int) -> int:
    count = 0
    for root in roots:
        for _, _, files in os.walk(root):
            count += len(files)
            if count > limit:
                return count
    return count


def _check_one(args: tuple[Path, CheckOptions, Path | None]) -> RepositoryResult:
    root, options, base = args
    result = check_repository(root, options, base=base)
    result.loaded = None
    return result


def _check_one_file(path: Path, options: CheckOptions, base: Path | None) -> RepositoryResult:
    """Check the repository a file belongs to, keeping only the findings about that file."""
    path = path.resolve()
    root = next((p for p in path.parents if layout.is_repository(p)), None)
    if root is None:
        message, hint = texts.message("R001", "nb")
        raise RepositoryNotFoundError(message, hint=hint, file=path.parent)
    result = check_repository(root, options, base=base)
    shown = display_path(path, base)
    result.findings = [f for f in result.findings if f.file == shown]
    result.loaded = None
    result.files = 1
    return result


def check_path(
    path: Path,
    options: CheckOptions | None = None,
    *,
    jobs: int | None = None,
    base: Path | None = None,
) -> Iterator[RepositoryResult]:
    """Check the repository at ``path``, or every repository below it, yielding results in order.

    Args:
        path: a records repository, a folder holding many (a KS adviser's), or one record
            file (only its findings are kept).
        options: what to check.
        jobs: processes to use; None picks several only for large collections.
        base: paths in findings are shown relative to this folder when below it.

    Raises:
        RepositoryNotFoundError: no repository at or below ``path``.
    """
    options = options or CheckOptions()
    if not path.exists():
        message, hint = texts.message("R008", "nb")
        raise RepositoryNotFoundError(message, hint=hint, file=path)
    if path.is_file():
        with _relaxed_gc():
            yield _check_one_file(path, options, base)
        return
    roots = layout.find_repositories(path)
    if not roots:
        message, hint = texts.message("R001", "nb")
        raise RepositoryNotFoundError(message, hint=hint, file=path)
    if jobs is None:
        many = len(roots) > 1 and _count_files(roots, AUTO_JOBS_FILES) > AUTO_JOBS_FILES
        jobs = min(os.cpu_count() or 1, 4) if many else 1
    work = [(root, options, base) for root in roots]
    if jobs <= 1 or len(roots) == 1:
        with _relaxed_gc():
            yield from map(_check_one, work)
        return
    from concurrent.futures import ProcessPoolExecutor

    rule_codes()  # read the rule data once here; forked workers inherit it
    texts.data_file("synonyms.yaml")
    chunk = max(1, min(16, len(work) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start) as pool:
        yield from pool.map(_check_one, work, chunksize=chunk)
