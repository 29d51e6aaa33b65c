"""Check records repositories: load every file, run the checklist, apply suppressions.

One repository, a folder of many (a KS adviser's), or a single record file; large collections
are checked in several processes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from utvikling import texts
from utvikling.errors import RepositoryNotFoundError
from utvikling.files import display_path
from utvikling.findings import Finding
from utvikling.records import layout

if TYPE_CHECKING:  # imported where used: a check answered from the cache needs neither
    from utvikling.records.cache import Store
    from utvikling.records.history import LockCommits
    from utvikling.records.repository import LoadedRepository

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
    cache: bool = True
    """Answer from the repository's cache when every input is unchanged (``--no-cache``: no).
    Not used with ``stale`` (the documents and their sources are not in the cache's key)."""


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
    municipality: str = ""
    """The municipality's name from its settings (empty when they do not say)."""
    number: str = ""
    """The municipality number from its settings (empty when they do not say)."""
    summary: Any = None
    """What a ``summarize`` function given to :func:`check_path` made of the records, in the
    process that checked them (``overview`` keeps one small row per repository)."""

    def count(self, severity: str) -> int:
        """Return how many findings have ``severity``."""
        return sum(1 for f in self.findings if f.severity == severity)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data for ``--json``."""
        place = {"name": self.municipality or None, "number": self.number or None}
        return {
            "path": self.root,
            "municipality": place,
            "language": self.language,
            "files": self.files,
            "findings": [
                {
                    **f.to_dict(),
                    "municipality": place["name"],
                    "municipality_number": place["number"],
                }
                for f in self.findings
            ],
        }


@dataclass
class Totals:
    """Findings by severity and files, added up over every repository checked."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    files: int = 0
    language: str = "nb"
    """The language of the last repository (the summary line is written in it)."""

    def add(self, result: RepositoryResult) -> None:
        """Count one repository's result."""
        self.errors += result.count("error")
        self.warnings += result.count("warning")
        self.infos += result.count("info")
        self.files += result.files
        self.language = result.language

    def shown(self, info: bool) -> int:
        """How many findings were printed (info ones only when asked for)."""
        return self.errors + self.warnings + (self.infos if info else 0)

    def failed(self, strict: bool) -> bool:
        """Tell whether the check fails: errors, or warnings with ``--strict``."""
        return bool(self.errors or (strict and self.warnings))

    def counts(self) -> dict[str, int]:
        """The numbers for the summary line."""
        return {
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "files": self.files,
        }

    def to_dict(self) -> dict[str, int]:
        """The summary for ``--json``."""
        return {
            "errors": self.errors,
            "warnings": self.warnings,
            "info": self.infos,
            "files": self.files,
        }


def check_repository(
    root: Path,
    options: CheckOptions | None = None,
    *,
    base: Path | None = None,
    listing: Sequence[layout.RecordFile] | None = None,
    contents: Mapping[str, bytes] | None = None,
    locks: LockCommits | None = None,
) -> RepositoryResult:
    """Check every record in the repository at ``root`` and return all findings.

    Args:
        root: the repository folder (holding ``utvikling.yaml``).
        options: the day to check for, rule selection and history.
        base: paths in findings are shown relative to this folder when below it.
        listing: the repository's files, when listed already (see ``load_repository``).
        contents: bytes of files read already, by location.
        locks: what git says of locked minutes, shared by the repositories of one check.

    Raises:
        RepositoryNotFoundError: ``root`` holds no ``utvikling.yaml``.
    """
    options = options or CheckOptions()
    with gc_paused():
        return _check_repository(root, options, base, listing, contents, locks)


def _check_repository(
    root: Path,
    options: CheckOptions,
    base: Path | None,
    listing: Sequence[layout.RecordFile] | None,
    contents: Mapping[str, bytes] | None,
    locks: LockCommits | None = None,
) -> RepositoryResult:
    from utvikling.checklist import apply_suppressions, run_rules
    from utvikling.records.history import locked_versions
    from utvikling.records.repository import load_repository

    loaded = load_repository(
        root,
        options.today,
        history=options.history,
        base=base,
        listing=listing,
        contents=contents,
    )
    context, findings = loaded.context, loaded.findings
    settings, lang = context.settings, context.language
    context.locked_versions = locked_versions(root, context, locks)
    records = loaded.records
    rule_findings = run_rules(context, select=options.select, ignore=options.ignore)
    findings += apply_suppressions(rule_findings, records, settings, lang)
    if options.stale:
        findings += stale_documents(root, lang, base)
    findings += override_templates(root, lang, base)
    findings.sort(key=lambda f: (f.file or "", f.line or 0, f.column or 0, f.code))
    result = RepositoryResult(context.root, lang, loaded.files, findings, loaded)
    municipality = context.settings_model.municipality if context.settings_model else None
    if municipality is not None:
        result.municipality = municipality.name or ""
        result.number = municipality.number or ""
    return result


def override_templates(root: Path, lang: str, base: Path | None) -> list[Finding]:
    """Name every template of the repository's own (info, T003).

    Each is used before the built-in one of its name, or by another template that includes it.
    A template can shape a document, never run code or read files; a reviewer still wants to
    know which documents are not made from the built-in templates alone.
    """
    folder = root / layout.TEMPLATES_DIR
    if not folder.is_dir():
        return []
    from utvikling.render.catalog import catalog  # imports Jinja: only for a templates folder

    found = []
    for entry in catalog(folder):
        if entry.layer == "repository":
            message, hint = texts.message("T003", lang, {"name": entry.name})
            shown = display_path(entry.path, base)
            found.append(Finding("T003", "info", message, hint, shown, 1, 1))
    return found


def stale_documents(root: Path, lang: str, base: Path | None) -> list[Finding]:
    """Report generated documents whose records changed (or vanished) since they were made."""
    import hashlib

    from utvikling.files import read_regular
    from utvikling.render.documents import sources_of

    found: list[Finding] = []
    folder = root / layout.OUTPUT_DIR
    for document in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if _draft_of_final(document):
            continue
        sources = sources_of(document)
        for relative, digest in sources:
            data: bytes | None = None
            if ".." not in Path(relative).parts and not Path(relative).is_absolute():
                try:  # a header naming a file outside the repository is never read
                    data = read_regular(root / relative, within=root)
                except OSError:
                    data = None
            current = hashlib.sha256(data).hexdigest()[:16] if data is not None else None
            if current != digest:
                command = rerender_command(document, [path for path, _ in sources])
                message, hint = texts.message(
                    "D001", lang, {"source": relative, "name": document.name, "command": command}
                )
                found.append(
                    Finding("D001", "warning", message, hint, display_path(document, base), 1, 1)
                )
                break
    return found


def _draft_of_final(document: Path) -> bool:
    """A draft agreement whose final text was made since: the final one is what counts."""
    from utvikling.actions.documents import DRAFT_PREFIX, FINAL_PREFIX

    if not document.name.startswith(DRAFT_PREFIX):
        return False
    final = document.with_name(FINAL_PREFIX + document.name.removeprefix(DRAFT_PREFIX))
    return final.is_file()


def rerender_command(document: Path, sources: Sequence[str]) -> str:
    """The command that makes ``document`` again, from the template its header names."""
    from utvikling.render.documents import template_of

    template = Path(template_of(document) or "").name
    folder = next(
        (Path(s).parts[1] for s in sources if Path(s).parts[:1] == ("conversations",)), None
    )
    agreement = next((Path(s).stem for s in sources if Path(s).parts[:1] == ("agreements",)), None)
    if template.startswith("agreement") and agreement:
        return f"utvikling render-agreement {agreement}"
    if template.startswith("agenda") and folder:
        return f"utvikling prepare-conversation {folder}"
    if template.startswith("minutes") and folder:
        return f"utvikling render-minutes {folder}"
    return "utvikling render"


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Switch the cyclic garbage collector off while one repository is checked.

    Parsing builds and drops hundreds of thousands of small objects that form no cycles
    (reference counting frees them); with the collector on it rescans the records kept so far
    again and again, about a third of a check. It is switched back on afterwards, also when
    the check fails, and collects whatever cycles the repository left once, then.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _count_files(roots: Sequence[Path], limit: int) -> int:
    count = 0
    for root in roots:
        for _, _, files in os.walk(root):
            count += len(files)
            if count > limit:
                return count
    return count


Summarize = Callable[[RepositoryResult], Any]
"""Turns one repository's result (its records still loaded) into a small summary."""

Work = tuple[Path, CheckOptions, Path | None, Summarize | None, str | None]
"""One repository to check: root, options, base, summarize, and the check it belongs to."""

_RUN_LOCKS: tuple[str, LockCommits] | None = None
"""The lock commits of the check this process works for now (see :func:`_locks_for`)."""


def _locks_for(run: str | None) -> LockCommits | None:
    """The :class:`LockCommits` shared by the repositories of check ``run`` in this process.

    A check of many repositories names itself with a random token; each process (this one,
    or a worker of the pool) keeps one ``LockCommits`` for the token it saw last, so the
    repositories of one git work tree cost one git run per process, and a later check
    starts afresh.
    """
    global _RUN_LOCKS
    if run is None:
        return None
    if _RUN_LOCKS is None or _RUN_LOCKS[0] != run:
        from utvikling.records.history import LockCommits

        _RUN_LOCKS = (run, LockCommits(whole_tree=True))
    return _RUN_LOCKS[1]


def _check_one(args: Work) -> RepositoryResult:
    root, options, base, summarize, run = args
    locks = _locks_for(run)
    with gc_paused():  # the records are dropped before the collector sees them
        if summarize is not None:  # it needs the records: never from the cache
            result = check_repository(root, options, base=base, locks=locks)
            result.summary = summarize(result)
        else:
            result = cached_check(root, options, base, locks)
        result.loaded = None
    return result


def _cache_hit(args: Work) -> RepositoryResult | None:
    """The repository's result from the cache, or None when it must be checked."""
    root, options, base, _, _ = args
    with gc_paused():
        hit, _ = _cache_lookup(root, options, base)
    return hit


# --- the cache -----------------------------------------------------------------------------------

CACHE_FORMAT = 1
"""Part of every key: raise it when what a cached result holds changes meaning."""


@functools.cache
def tool_version() -> list[str]:
    """What the tool is, as far as a cached result depends on it.

    Its version, a hash of its code, rule data and templates, and the versions of Python and
    of the libraries that shape findings (Pydantic's messages, the YAML parser).
    """
    from importlib import metadata

    from utvikling._version import __version__
    from utvikling.records.cache import package_fingerprint

    versions = []
    for name in ("pydantic", "pydantic-core", "PyYAML"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    package = Path(__file__).resolve().parent.parent  # the installed utvikling package
    return [__version__, package_fingerprint(package), sys.version, *versions]


@dataclass
class _Pending:
    """A miss: where to store the result once it is made, and the key it goes under."""

    store: Store
    key: str
    seen: dict[str, list[int] | None]
    """Each file's ``stat`` when it was hashed: a file changed during the check is not stored."""
    listing: list[layout.RecordFile]
    contents: dict[str, bytes]
    """The bytes of the files read to hash them: the check does not read them again."""


def _cache_lookup(
    root: Path, options: CheckOptions, base: Path | None
) -> tuple[RepositoryResult | None, _Pending | None]:
    """The cached result of checking ``root`` when every input is unchanged.

    Returns (result, None) on a hit, (None, pending) on a miss that can be stored, and
    (None, None) when this check is not cached (``--no-cache``, ``--stale``, run from inside
    the repository below its root, a git state that cannot be read without running git).
    """
    if not options.cache or options.stale or not layout.is_repository(root):
        return None, None
    from utvikling.records import cache
    from utvikling.records.load import read_record

    prefix = layout.display_prefix(root, base)
    if prefix is None:
        return None, None
    try:
        git = cache.git_state(root)
    except (OSError, ValueError):
        return None, None
    files = layout.discover(root)
    store = cache.Store.open(root)
    listed: list[list[str]] = []
    contents: dict[str, bytes] = {}
    for record_file in files:
        if record_file.outside:
            listed.append([record_file.relative, "outside"])
            continue

        def read(location: str, plain: bool = record_file.plain) -> bytes:
            data = contents[location] = read_record(location, plain=plain, within=root)
            return data

        hashed = store.file_hash(record_file.location, read, record_file.relative)
        listed.append([record_file.relative, hashed])
    templates = root / layout.TEMPLATES_DIR
    template_files = (
        [p.relative_to(templates).as_posix() for p in sorted(templates.rglob("*")) if p.is_file()]
        if templates.is_dir()
        else None
    )
    inputs = {
        "format": CACHE_FORMAT,
        "tool": tool_version(),
        "options": [options.today.isoformat(), options.select, options.ignore, options.history],
        "shown": [display_path(root, base), prefix],
        "files": listed,
        "templates": template_files,
        "git": [git, shutil.which("git") is not None] if git is not None else None,
    }
    key = cache.key_of(inputs)
    stored = store.get(key)
    if stored is not None:
        try:
            result = _from_cache(stored)
        except (TypeError, ValueError, KeyError, IndexError):
            pass  # not what this version writes: checked again and replaced
        else:
            store.touch()
            return result, None
    return None, _Pending(store, key, dict(store.seen), files, contents)


def cached_check(
    root: Path, options: CheckOptions, base: Path | None, locks: LockCommits | None = None
) -> RepositoryResult:
    """:func:`check_repository`, answered from the repository's cache when nothing changed."""
    hit, pending = _cache_lookup(root, options, base)
    if hit is not None:
        return hit
    if pending is None:
        return check_repository(root, options, base=base, locks=locks)
    result = check_repository(
        root,
        options,
        base=base,
        listing=pending.listing,
        contents=pending.contents,
        locks=locks,
    )
    pending.contents.clear()
    from utvikling.records.cache import stat_key

    if all(stat_key(k) == v for k, v in pending.seen.items()):
        names = [f.relative for f in pending.listing]
        pending.store.put(pending.key, _to_cache(result), names)
        pending.store.save()
    return result


def _to_cache(result: RepositoryResult) -> dict[str, Any]:
    return {
        "root": result.root,
        "language": result.language,
        "files": result.files,
        "municipality": result.municipality,
        "number": result.number,
        "findings": [
            [
                f.code,
                f.severity,
                f.message,
                f.hint,
                f.file,
                f.line,
                f.column,
                list(f.references),
                f.field,
            ]
            for f in result.findings
        ],
    }


def _from_cache(data: dict[str, Any]) -> RepositoryResult:
    findings = []
    for code, severity, message, hint, file, line, column, references, name in data["findings"]:
        if severity not in ("error", "warning", "info"):
            raise ValueError(severity)
        findings.append(
            Finding(code, severity, message, hint, file, line, column, tuple(references), name)
        )
    return RepositoryResult(
        str(data["root"]),
        str(data["language"]),
        int(data["files"]),
        findings,
        municipality=str(data["municipality"]),
        number=str(data["number"]),
    )


def _check_one_file(path: Path, options: CheckOptions, base: Path | None) -> RepositoryResult:
    """Check the repository a file belongs to, keeping only the findings about that file."""
    path = path.resolve()
    root = next((p for p in path.parents if layout.is_repository(p)), None)
    if root is None:
        message, hint = texts.message("R001", "nb")
        raise RepositoryNotFoundError(message, hint=hint, file=path.parent)
    with gc_paused():
        result = cached_check(root, options, base)
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
    summarize: Summarize | None = None,
    on_total: Callable[[int], None] | None = None,
) -> Iterator[RepositoryResult]:
    """Check the repository at ``path``, or every repository below it, yielding results in order.

    Args:
        path: a records repository, a folder holding many (a KS adviser's), or one record
            file (only its findings are kept).
        options: what to check.
        jobs: processes to use; None picks several only for large collections.
        base: paths in findings are shown relative to this folder when below it.
        summarize: a module-level function (it may run in another process) that makes a small
            summary of each repository while its records are loaded; kept as ``summary``.
        on_total: told how many repositories will be checked, before the first is.

    Raises:
        RepositoryNotFoundError: no repository at or below ``path``.
    """
    options = options or CheckOptions()
    if not path.exists():
        message, hint = texts.message("R008", "nb")
        raise RepositoryNotFoundError(message, hint=hint, file=path)
    if path.is_file():
        if on_total is not None:
            on_total(1)
        yield _check_one_file(path, options, base)
        return
    roots = layout.find_repositories(path)
    if not roots:
        message, hint = texts.message("R001", "nb")
        raise RepositoryNotFoundError(message, hint=hint, file=path)
    if on_total is not None:
        on_total(len(roots))
    if jobs is None:
        many = len(roots) > 1 and _count_files(roots, AUTO_JOBS_FILES) > AUTO_JOBS_FILES
        jobs = min(os.cpu_count() or 1, 4) if many else 1
    run = os.urandom(8).hex() if len(roots) > 1 else None  # its repositories share git runs
    work: list[Work] = [(root, options, base, summarize, run) for root in roots]
    if jobs <= 1 or len(roots) == 1:
        yield from map(_check_one, work)
        return
    # The repositories answered from the cache are answered here, in order, up to the first
    # that is not: a warm check starts no processes (starting them cost more than the whole
    # check of the rest). The first miss is looked up again by the process that checks it.
    hits = 0
    if summarize is None and options.cache:
        for item in work:
            hit = _cache_hit(item)
            if hit is None:
                break
            hits += 1
            yield hit
    work = work[hits:]
    if len(work) <= 1:
        yield from map(_check_one, work)
        return
    from concurrent.futures import ProcessPoolExecutor

    # Small chunks: a repository takes about 20 ms, and with chunks of 16 the last one could
    # leave the other processes idle for a third of a second (1.54× → 1.45× the parse floor,
    # measured once at a load of 2).
    chunk = max(1, min(4, len(work) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_check_one, work, chunksize=chunk)


def check_paths(
    paths: Sequence[Path],
    options: CheckOptions | None = None,
    *,
    jobs: int | None = None,
    base: Path | None = None,
    on_total: Callable[[int], None] | None = None,
) -> Iterator[RepositoryResult]:
    """Check each of ``paths`` (see :func:`check_path`), yielding every repository's result.

    ``on_total`` is told the number of repositories of each path in turn, so a progress bar
    can grow its total as it goes.
    """
    for path in paths:
        yield from check_path(path, options, jobs=jobs, base=base, on_total=on_total)
