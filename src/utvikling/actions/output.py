"""Writing a file a command was asked for: a calendar, a CSV or an XLSX table.

Atomically, and never over an existing file unless ``--force`` says so.
"""

from __future__ import annotations

from pathlib import Path

from utvikling import texts
from utvikling.errors import FileExistsRefusedError
from utvikling.files import create_file, display_path, replace_file


def write_output(
    path: Path, content: str | bytes, *, force: bool, lang: str, base: Path | None = None
) -> None:
    """Write ``content`` to ``path`` atomically; replace an existing file only with ``force``.

    Raises:
        FileExistsRefusedError: ``path`` exists and ``force`` is not given.
    """
    if force and path.exists():
        replace_file(path, content)
        return
    try:
        create_file(path, content)
    except FileExistsError:
        message, hint = texts.message("X001", lang)
        shown = display_path(path.resolve(), base)
        raise FileExistsRefusedError(message, hint=hint, file=shown) from None
