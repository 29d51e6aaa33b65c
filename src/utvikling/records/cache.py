"""A content-hash cache per records repository: what ``check`` found, and for which inputs.

A result is stored under a key made from everything it was made from: every record file's
path and the SHA-256 of its bytes, and what the caller adds (the options, the day, the tool's
and the rules' version). It is given back only when the key made from the inputs of today is
the same, byte for byte; any difference is a miss, never a guess. Hashing is the one cost of
a warm run, so the hash of each file is remembered with its ``stat`` (size, modification and
change time, inode) and reused while those are unchanged and the file was not modified in the
seconds before the cache was written (a write in the same clock tick could keep them equal).

The cache lives in the user's cache folder (``$XDG_CACHE_HOME/utvikling``, ``~/.cache``,
``~/Library/Caches`` or ``%LOCALAPPDATA%``; ``UTVIKLING_CACHE_DIR`` names another), one file
per repository named by a hash of the repository's path: ``check`` never writes into the
records repository (it may be a read-only share, or another municipality's). Each file is
written atomically (a temporary file renamed into place), so a concurrent run reads the old
file or the new one, never half of one; two runs writing at once lose at most the other's
entry, made again next time. A file that cannot be read or is not what this module writes is
ignored and replaced. It holds findings, file paths and hashes: only what ``check`` prints
from the records, readable by the user alone (file 0600, folder 0700), and files not used for
:data:`PRUNE_DAYS` days are deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENVIRONMENT = "UTVIKLING_CACHE_DIR"
"""Keep the caches in this folder instead of the user's cache folder."""

FORMAT = 1
"""The layout of the cache file; a file of another format is ignored."""

KEEP = 8
"""Results kept per repository (for other days or options); the oldest goes first."""

RACY_NS = 3_000_000_000
"""A file modified less than this before the cache was written is hashed again: a change in
the same tick of a coarse clock could leave size and times equal."""

PRUNE_DAYS = 60
"""A repository's cache file not used for this many days is deleted (once per run)."""


def cache_folder() -> Path:
    """The folder of every repository's cache file."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else Path.home() / "AppData" / "Local"
        return base / "utvikling" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "utvikling"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache") / "utvikling"


def file_for(root: Path) -> Path:
    """The cache file of the repository at ``root`` (named by a hash of its real path)."""
    name = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:32]
    return cache_folder() / f"check-{name}.json"


def digest(data: bytes) -> str:
    """The hash a file's content is known by."""
    return hashlib.sha256(data).hexdigest()


def key_of(inputs: Any) -> str:
    """The key of a result: the hash of its inputs written as canonical JSON."""
    text = json.dumps(inputs, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stat_key(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def stat_key(location: str) -> list[int] | None:
    """The size, modification and change time and inode of a file (None: not there)."""
    try:
        return _stat_key(os.stat(location))  # noqa: PTH116 - a string per file
    except OSError:
        return None


@dataclass
class Store:
    """The cache file of one repository, read once; :meth:`save` writes it back."""

    path: Path
    files: dict[str, list[Any]] = field(default_factory=dict)
    """By file (its path in the repository): its ``stat`` (as :func:`_stat_key`) and hash."""
    results: dict[str, Any] = field(default_factory=dict)
    """By key: the stored result and when it was used last (``[time_ns, result]``)."""
    written_ns: int = 0
    """When the file read was written (0: no file)."""
    seen: dict[str, list[int] | None] = field(default_factory=dict)
    """By file location: its ``stat`` when :meth:`file_hash` hashed it (None: not there)."""

    @classmethod
    def open(cls, root: Path) -> Store:
        """Read the cache of the repository at ``root``; an unusable file reads as empty."""
        path = file_for(root)
        store = cls(path)
        try:
            with path.open("rb") as stream:
                written_ns = os.fstat(stream.fileno()).st_mtime_ns
                data = json.loads(stream.read())
        except (OSError, ValueError):
            return store
        if (
            isinstance(data, dict)
            and data.get("format") == FORMAT
            and isinstance(data.get("files"), dict)
            and isinstance(data.get("results"), dict)
        ):
            store.files = data["files"]
            store.results = data["results"]
            store.written_ns = written_ns
        return store

    def file_hash(self, location: str, read: Any, name: str | None = None) -> str:
        """The hash of the file at ``location``, remembered or made with ``read(location)``.

        ``read`` returns the bytes a check reads, or raises ``OSError``; a file that cannot be
        read is known by its error (``!`` and the error number), so it misses once it can.
        ``name`` (its path in the repository) is what the hash is remembered by; the location
        when not given.
        """
        name = location if name is None else name
        try:
            info = os.stat(location)  # noqa: PTH116 - a string per file
        except OSError as exc:
            self.seen[location] = None
            return f"!{exc.errno}"
        now = _stat_key(info)
        self.seen[location] = now
        known = self.files.get(name)
        if (
            isinstance(known, list)
            and len(known) == 2
            and known[0] == now
            and info.st_mtime_ns < self.written_ns - RACY_NS
            and stat.S_ISREG(info.st_mode)
        ):
            return str(known[1])
        try:
            value = digest(read(location))
        except OSError as exc:
            value = f"!{exc.errno}"
        if stat.S_ISREG(info.st_mode) and not value.startswith("!"):
            self.files[name] = [now, value]
        return value

    def get(self, key: str) -> Any:
        """The result stored under ``key``, or None."""
        entry = self.results.get(key)
        if isinstance(entry, list) and len(entry) == 2:
            entry[0] = time.time_ns()
            return entry[1]
        return None

    def put(self, key: str, result: Any, names: Sequence[str]) -> None:
        """Store ``result`` under ``key`` and forget the hashes of files not in ``names``."""
        self.results[key] = [time.time_ns(), result]
        for old in sorted(self.results, key=lambda k: self.results[k][0])[:-KEEP]:
            del self.results[old]
        wanted = set(names)
        self.files = {k: v for k, v in self.files.items() if k in wanted}

    def touch(self) -> None:
        """Mark the cache file used (a hit writes nothing else), so pruning keeps it."""
        with contextlib.suppress(OSError):
            os.utime(self.path)

    def save(self) -> bool:
        """Write the cache file atomically (owner-only); False when it cannot be written."""
        document = {"format": FORMAT, "files": self.files, "results": self.results}
        content = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
        folder = self.path.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(".json", ".check-", folder)
        except OSError:
            return False
        try:
            with os.fdopen(handle, "wb") as stream:  # mkstemp makes it 0600
                stream.write(content)
            Path(temporary).replace(self.path)
        except OSError:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
            return False
        _prune_once(folder)
        return True


_pruned: set[Path] = set()


def _prune_once(folder: Path) -> None:
    """Delete cache files of ``folder`` not used for :data:`PRUNE_DAYS` days (once a run)."""
    if folder in _pruned:
        return
    _pruned.add(folder)
    oldest = time.time() - PRUNE_DAYS * 86400
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith((".check-", "check-")) and entry.name.endswith(".json"):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < oldest:
                        Path(entry.path).unlink()


def package_fingerprint(folder: Path) -> str:
    """A hash of every file of the installed package below ``folder`` (code, data, templates).

    The tool's version number does not change with each edit of the code or the rule data; the
    content does. Compiled bytecode is left out (it follows the source).
    """
    entries: list[tuple[str, str]] = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            location = os.path.join(current, name)  # noqa: PTH118 - a string per file
            try:
                with open(location, "rb") as stream:  # noqa: PTH123
                    entries.append((os.path.relpath(location, folder), digest(stream.read())))
            except OSError as exc:
                entries.append((os.path.relpath(location, folder), f"!{exc.errno}"))
    return key_of(entries)


def git_state(root: Path) -> Any:
    """What git history ``check`` sees from ``root``: its place in the work tree and ``HEAD``.

    None outside a work tree. ``HEAD`` is read from git's files (no git process): the commit a
    branch points to, from its ref file or ``packed-refs``; and whether the history was cut
    or grafted (``shallow``, ``info/grafts``). A state that cannot be read this way (refs in a
    reftable, a symbolic ref pointing on) raises ``ValueError``: the caller does not cache.
    """
    here = root.resolve()
    top = next((f for f in (here, *here.parents) if (f / ".git").exists()), None)
    if top is None:
        return None
    git = top / ".git"
    if git.is_file():
        text = git.read_text(encoding="utf-8").strip()
        if not text.startswith("gitdir:"):
            raise ValueError("unknown .git file")
        git = (top / text.removeprefix("gitdir:").strip()).resolve()
    common = git
    with contextlib.suppress(OSError):
        common = (git / (git / "commondir").read_text(encoding="utf-8").strip()).resolve()
    if (common / "reftable").exists():  # refs in a binary table: not read here
        raise ValueError("reftable")
    head = (git / "HEAD").read_text(encoding="utf-8").strip()
    commit = head
    if head.startswith("ref:"):
        ref = head.removeprefix("ref:").strip()
        commit = ""
        for place in (git, common):
            with contextlib.suppress(OSError):
                commit = (place / ref).read_text(encoding="utf-8").strip()
                break
        if not commit:
            with contextlib.suppress(OSError):
                for line in (common / "packed-refs").read_text(encoding="utf-8").splitlines():
                    if line.endswith(" " + ref):
                        commit = line.split()[0]
            commit = commit or f"unborn {ref}"
    if commit.startswith("ref:"):  # a symbolic ref pointing on: not followed here
        raise ValueError("symbolic ref")
    grafts = [stat_key(str(common / "shallow")), stat_key(str(common / "info" / "grafts"))]
    return [here.relative_to(top).as_posix(), commit, str(common), grafts]
