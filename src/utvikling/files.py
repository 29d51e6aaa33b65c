"""Writing files safely: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
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


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _wait_for_lock(fd: int) -> None:
    if sys.platform == "win32":
        while not _try_lock(fd):
            time.sleep(0.05)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX)


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def held_lock(lock_file: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` (made if missing) until the block ends.

    When another process holds it, ``on_wait`` is called once and the lock is awaited. The
    lock is ``flock`` on POSIX and ``msvcrt.locking`` on Windows; the operating system releases
    it when a process ends, so a crashed command never leaves a record locked. Lock files are
    never deleted (deleting one while another process waits on it would let a third one in).
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        if not _try_lock(fd):
            if on_wait is not None:
                on_wait()
            _wait_for_lock(fd)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


_notices: list[Callable[[str], None]] = []


def set_wait_notice(notice: Callable[[str], None] | None) -> None:
    """Say how to tell a person that a command waits for another (the CLI prints to stderr)."""
    _notices[:] = [notice] if notice is not None else []


def tell_waiting(message: str) -> None:
    """Pass ``message`` to the notice set with :func:`set_wait_notice`, if any."""
    for notice in _notices:
        notice(message)
