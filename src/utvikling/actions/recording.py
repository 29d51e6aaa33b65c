"""The commit step every command that changes records shares, and the locks on record files.

A command that changes records (1) takes a lock on each file it will change, so two commands at
once never lose a change, (2) refuses when git holds uncommitted edits in those files (it never
commits someone else's work), (3) re-reads and changes the files under the lock, and (4) commits
exactly those files with a Norwegian message, when the folder is a git repository and
``--no-commit`` was not given. Git access itself is :mod:`utvikling.records.git`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from utvikling import texts
from utvikling.errors import UtviklingError
from utvikling.files import display_path, held_lock, tell_waiting
from utvikling.records import git

LOCK_DIR = ".utvikling/locks"
"""Lock files, one per record, below the repository (git ignores the folder)."""

State = Literal["committed", "not_git", "git_missing", "skipped"]


class UncommittedChangesError(UtviklingError):
    """The files a command must change hold edits git has not committed."""


class CommitFailedError(UtviklingError):
    """The change was made, but git would not commit it."""


@dataclass(frozen=True)
class Recorded:
    """What became of a change in git."""

    state: State
    commit: git.Commit | None = None
    message: str | None = None
    tag: str | None = None

    def lines(self, lang: str) -> list[str]:
        """What to tell the user (nothing after ``--no-commit``)."""
        if self.state == "committed" and self.commit is not None:
            shown = [word("committed", lang, commit=self.commit.short, message=self.message)]
            if self.tag:
                shown.append(word("tagged", lang, tag=self.tag))
            return shown
        if self.state in ("not_git", "git_missing"):
            return [word(self.state, lang)]
        return []


def word(key: str, lang: str, **params: Any) -> str:
    """A ``done.*`` text, filled in."""
    return texts.fill(texts.localized(texts.data_file("messages.yaml")["done"][key], lang), params)


def commit_message(key: str, lang: str, **params: Any) -> str:
    """The message of a commit the tool makes (``commit.*`` in the catalogue)."""
    entry = texts.data_file("messages.yaml")["commit"][key]
    return texts.fill(texts.localized(entry, lang), params)


def _lock_dir(root: Path) -> Path:
    """The folder of lock files, with a ``.gitignore`` that keeps git from seeing it."""
    ignore = root / ".utvikling" / ".gitignore"
    if not ignore.exists():
        ignore.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            ignore.write_text("# Made by utvikling: lock files, never committed.\n*\n")
    return root / LOCK_DIR


def _lock_file(root: Path, path: Path) -> Path:
    try:
        name = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        name = path.name
    return _lock_dir(root) / (name.replace("/", "%") + ".lock")


@dataclass
class Recording:
    """One command's changes: locks, the refusal of uncommitted edits, and the commit."""

    root: Path
    lang: str
    commit: bool = True
    """False with ``--no-commit``."""
    base: Path | None = None
    changed: list[Path] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.repo = git.open_repo(self.root) if self.commit else None

    @contextlib.contextmanager
    def locked(self, paths: Sequence[Path]) -> Iterator[None]:
        """Hold the lock on each of ``paths`` (in a fixed order), saying so if another has it."""
        with contextlib.ExitStack() as stack:
            for path in sorted({p.resolve() for p in paths}):
                shown = display_path(path, self.base)

                def notice(shown: str = shown) -> None:
                    tell_waiting(word("lock_wait", self.lang, path=shown))

                stack.enter_context(held_lock(_lock_file(self.root, path), notice))
            yield

    def _shown(self, names: Sequence[str]) -> str:
        assert self.repo is not None
        return " ".join(
            display_path(self.repo.top / name, self.base or Path.cwd()) for name in names
        )

    def refuse_uncommitted(self, paths: Sequence[Path], *, code: str = "G001") -> None:
        """Refuse when git holds edits to ``paths`` that are not committed.

        Raises:
            UncommittedChangesError: some of them have such edits (the message names them).
        """
        if self.repo is None:
            return
        dirty = self.repo.dirty(paths)
        if dirty:
            message, hint = texts.message(code, self.lang, {"files": self._shown(dirty)})
            raise UncommittedChangesError(message, hint=hint)

    def save(
        self, paths: Sequence[Path], key: str, *, tag: str | None = None, **params: Any
    ) -> Recorded:
        """Commit exactly ``paths`` with the message ``commit.<key>``; tag it if asked.

        Raises:
            CommitFailedError: git refused (the change itself is made).
        """
        if not self.commit:
            return Recorded("skipped")
        if self.repo is None:
            state: State = "git_missing" if git.find_top(self.root) else "not_git"
            return Recorded(state)
        message = commit_message(key, self.lang, **params)
        try:
            with held_lock(_lock_dir(self.root) / "git.lock"):
                done = self.repo.commit(paths, message)
                if tag:
                    self.repo.tag(tag, message)
        except git.GitError as error:
            names = " ".join(display_path(p, self.base) for p in paths)
            text, hint = texts.message("G003", self.lang, {"files": names})
            raise CommitFailedError(
                text, hint=f"{hint} ({error.hint})" if error.hint else hint
            ) from None
        return Recorded("committed", done, message, tag)
