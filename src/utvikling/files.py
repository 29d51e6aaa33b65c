"""Writing files safely: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


class NotRegularFileError(OSError):
    """A path that is not a regular file (a FIFO, socket, device or folder): never opened."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


class OutsideError(OSError):
    """A symbolic link that points out of the folder it must stay in."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "points outside its folder", str(path))


def read_regular(path: Path, limit: int | None = None, *, within: Path | None = None) -> bytes:
    """Read a regular file (at most ``limit`` bytes).

    Anything else is refused before it is opened, so a FIFO never blocks and a device is never
    touched; with ``within``, so is a symbolic link that leads out of that folder.

    Raises:
        NotRegularFileError: ``path`` is not a regular file.
        OutsideError: ``path`` is a link that resolves outside ``within``.
        OSError: it cannot be read.
    """
    if within is not None and path.is_symlink():
        real, base = path.resolve(), within.resolve()
        if not real.is_relative_to(base):
            raise OutsideError(path)
    if not stat.S_ISREG(path.stat().st_mode):
        raise NotRegularFileError(path)
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # replaced since the check
            raise NotRegularFileError(path)
        return stream.read() if limit is None else stream.read(limit)


def _written(path: Path, data: str | bytes, mode: int) -> Path:
    """Write ``data`` to a flushed temporary file beside ``path`` and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    content = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(mode)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def create_file(path: Path, text: str | bytes) -> None:
    """Write ``text`` to a new file at ``path`` atomically; fail if the file exists.

    The text goes to a temporary file in the same folder, is flushed to disk, and is then
    linked into place: a reader sees either no file or the whole file, and an existing file is
    never replaced (``FileExistsError``).
    """
    umask = os.umask(0)
    os.umask(umask)
    temporary = _written(path, text, 0o666 & ~umask)
    try:
        os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def replace_file(path: Path, text: str | bytes) -> None:
    """Replace the file at ``path`` with ``text`` atomically (for explicit, verified edits)."""
    temporary = _written(path, text, path.stat().st_mode & 0o777)
    try:
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def display_path(path: Path, base: Path | None) -> str:
    """Show ``path`` relative to ``base`` (usually the working folder) when it is below it."""
    if base is not None:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            pass
    return path.as_posix()
