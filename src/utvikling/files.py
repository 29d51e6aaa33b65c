"""Writing files safely: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
