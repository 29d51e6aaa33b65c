"""The error tree. The library raises these; only the CLI prints them and picks the exit code.

Each error carries a message and a hint in the user's language, and where it applies the file,
line and column. Errors never carry record values beyond a short excerpt: records hold salaries
and evaluations of a named person.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any


class UtviklingError(Exception):
    """Something the user can fix: shown as message, place and hint, never as a traceback."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        file: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column

    def location(self) -> str | None:
        """Return ``file:line:col`` (as much of it as is known), or None."""
        if self.file is None:
            return None
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class UsageError(UtviklingError):
    """The command was called with arguments that do not fit (exit code 2)."""

    exit_code = 2


class RepositoryNotFoundError(UtviklingError):
    """No records repository (no ``utvikling.yaml``) where one was expected."""


class FileExistsRefusedError(UtviklingError):
    """The tool was asked to create a file that already exists; it never overwrites."""


class InputError(UtviklingError):
    """An answers file or option value that cannot be used.

    ``findings`` holds every problem found (the message and hint are the first one's), so
    that all of them can be shown at once.
    """

    def __init__(
        self, message: str, *, findings: Sequence[Any] = (), lang: str = "nb", **place: Any
    ) -> None:
        super().__init__(message, **place)
        self.findings = list(findings)
        self.lang = lang
        """The language the findings are shown in."""


def schema_problems(exc: Any, document: Any, name: str) -> tuple[list[str], tuple[int, int]]:
    """Place each problem of a Pydantic ``ValidationError`` in the YAML document it came from.

    Returns one ``name:line:col: field: problem`` line per problem, and the first position
    (``1, 1`` when there is none), for an error about one of the tool's own data files.
    """
    lines: list[str] = []
    first: tuple[int, int] | None = None
    for error in exc.errors(include_url=False, include_input=False):
        loc = tuple(error["loc"])
        line, column = document.position(loc, key=error["type"] == "extra_forbidden")
        first = first or (line, column)
        lines.append(f"{name}:{line}:{column}: {'.'.join(map(str, loc))}: {error['msg']}")
    return lines, first or (1, 1)
