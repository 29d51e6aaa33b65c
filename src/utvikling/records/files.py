"""Writing files safely: atomically, and never over an existing file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def create_file(path: Path, text: str) -> None:
    """Write ``text`` to a new file at ``path`` atomically; fail if the file exists.

    The text goes to a temporary file in the same folder, is flushed to disk, and is then
    linked into place: a reader sees either no file or the whole file, and an existing file is
    never replaced (``FileExistsError``).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        Path(temporary).chmod(0o666 & ~umask)
        os.link(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def replace_file(path: Path, text: str) -> None:
    """Replace the file at ``path`` with ``text`` atomically (for explicit, verified edits)."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(path.stat().st_mode & 0o777)
        Path(temporary).replace(path)
    finally:
        Path(temporary).unlink(missing_ok=True)
