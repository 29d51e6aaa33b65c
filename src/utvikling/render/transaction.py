"""A document set is written whole or not at all.

Everything a command writes into the output folder (every document in every format, and the
manifest of generated files) is first written to a staging folder inside it, and flushed to
disk. Only then are the files moved into place, one atomic rename each, the manifest last. Before
the first rename a journal in the staging folder lists the files and keeps a hard link to each
one it replaces; after the last one the journal is marked committed. So at every instant the
folder and its staging folder together say which set is the whole one:

- killed before the journal exists: the old set is untouched; the staging folder is left over;
- killed while moving files in: the journal is not committed, and :func:`recover` (which every
  write runs first) puts the old files back and removes the new ones;
- killed after the journal was committed: the new set is whole; only the staging folder is left.

A reader never sees half a file (each rename is atomic), and the next run never mistakes a file
of its own for one changed by hand.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

from utvikling import texts
from utvikling.errors import UtviklingError

STAGING_PREFIX = ".utvikling-skriver-"
"""Staging folders inside the output folder: ``.utvikling-skriver-<pid>-<random>``."""
_JOURNAL = "journal.json"


class OutputError(UtviklingError):
    """The documents could not be written where asked; nothing of the set was changed."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (renames) to disk, where the system allows it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _write(path: Path, data: bytes) -> None:
    with path.open("xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


_rename: Callable[[Path, Path], None] = os.replace
"""The atomic step of moving a file in (a test slows it down to kill a write in the middle)."""


def _backup(target: Path, backup: Path) -> None:
    """Keep the file about to be replaced: a hard link, or a copy where links are not possible."""
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError:
        shutil.copy2(target, backup, follow_symlinks=False)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def commit(folder: Path, files: Mapping[str, bytes], *, last: str | None = None) -> None:
    """Write ``files`` (name → content) into ``folder`` as one set, ``last`` moved in last.

    Raises:
        OSError: the folder cannot be made or written; nothing of the set was changed.
    """
    folder.mkdir(parents=True, exist_ok=True)
    recover(folder)
    staging = folder / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        (staging / "new").mkdir()
        (staging / "old").mkdir()
        names = sorted(files, key=lambda n: (n == last, n))
        mode = 0o666 & ~_umask()
        for name in names:
            _write(staging / "new" / name, files[name])
            (staging / "new" / name).chmod(mode)
        existed = {}
        for name in names:
            target = folder / name
            existed[name] = target.exists() or target.is_symlink()
            if existed[name]:
                _backup(target, staging / "old" / name)
        journal = {
            "files": [
                {"name": n, "existed": existed[n], "sha256": _digest(files[n])} for n in names
            ],
            "committed": False,
        }
        _write(staging / _JOURNAL, json.dumps(journal).encode("utf-8"))
        _fsync_folder(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        for name in names:
            _rename(staging / "new" / name, folder / name)
        _fsync_folder(folder)
        journal["committed"] = True
        _write(staging / "committed.json", json.dumps(journal).encode("utf-8"))
        (staging / "committed.json").replace(staging / _JOURNAL)
    except BaseException:
        _roll_back(folder, staging)
        raise
    shutil.rmtree(staging, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def _staging_folders(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(STAGING_PREFIX) and entry.is_dir() and not entry.is_symlink():
            yield entry


def recover(folder: Path) -> None:
    """Finish what an interrupted write left behind in ``folder``.

    Puts the whole previous set back, or keeps the committed new one; then removes the staging
    folder. Writes still running (their process is alive) are left alone.
    """
    for staging in _staging_folders(folder):
        pid_text = staging.name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
        if pid_text.isdigit() and _alive(int(pid_text)):
            continue
        _roll_back(folder, staging)


def _roll_back(folder: Path, staging: Path) -> None:
    """Undo an uncommitted set from its journal (nothing to undo without one), then tidy up."""
    try:
        journal = json.loads((staging / _JOURNAL).read_bytes())
    except (OSError, ValueError):
        journal = None
    if isinstance(journal, dict) and not journal.get("committed"):
        for entry in journal.get("files", []):
            name = str(entry.get("name", ""))
            if not name or "/" in name or "\\" in name or name in (".", ".."):
                continue
            target, backup = folder / name, staging / "old" / name
            with suppress(OSError):
                if backup.exists() or backup.is_symlink():
                    backup.replace(target)
                elif (
                    not entry.get("existed")
                    and target.is_file()
                    and _digest(target.read_bytes()) == entry.get("sha256")
                ):
                    target.unlink()
        _fsync_folder(folder)
    shutil.rmtree(staging, ignore_errors=True)


_REASONS = {
    errno.ENOSPC: "W003",
    errno.EDQUOT: "W003",
    errno.ENAMETOOLONG: "W004",
    errno.EACCES: "W002",
    errno.EPERM: "W002",
    errno.EROFS: "W002",
}


def explain(error: OSError, folder: Path, lang: str) -> OutputError:
    """Turn a failure to write into ``folder`` into a message naming the path and what to do."""
    shown = folder.as_posix()
    in_the_way = _file_in_the_way(folder)
    if error.errno in (errno.EEXIST, errno.ENOTDIR) or in_the_way is not None:
        code = "W001"
        shown = (in_the_way or folder).as_posix()
    else:
        code = _REASONS.get(error.errno or 0, "W005")
    reason = error.strerror or type(error).__name__
    message, hint = texts.message(code, lang, {"path": shown, "reason": reason})
    return OutputError(message, hint=hint)


def _file_in_the_way(folder: Path) -> Path | None:
    """The path (the folder or one above it) that is a file where a folder should be."""
    for candidate in [folder, *folder.parents]:
        try:
            mode = candidate.stat().st_mode
        except OSError:
            continue
        return None if stat.S_ISDIR(mode) else candidate
    return None


@contextmanager
def explained(folder: Path, lang: str) -> Iterator[None]:
    """Turn any failure to write into ``folder`` into an :class:`OutputError`."""
    try:
        yield
    except OSError as error:
        raise explain(error, folder, lang) from None
