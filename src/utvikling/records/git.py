"""Git, the records' audit trail: the git program, run as a subprocess.

Why the git program and not a library: the commits the tool makes must be exactly the commits
the user's own git (on the command line, in an editor, in GitHub Desktop) sees and makes: the
same index, configuration, identity, line endings and work trees. A second implementation of git
(dulwich) would have to agree with it on all of these. When git is not installed, the commands
still work without committing, and say so (see ``docs/design.md``).

Nothing here prints; errors a user can fix are :class:`GitError`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from utvikling.errors import UtviklingError

FALLBACK_NAME = "utvikling"
FALLBACK_EMAIL = "utvikling@localhost"
"""The identity of the tool's commits when git has none configured (say, on a CI machine)."""

TAG_PREFIX = "referat-"
"""Tags of reporting commits: ``referat-2026-09-15``."""


class GitError(UtviklingError):
    """A git command failed (its message in the error's hint)."""


def find_top(path: Path) -> Path | None:
    """The top of the git work tree ``path`` is in (found without running git), or None."""
    here = path.resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


def executable() -> str | None:
    """The git program, or None when it is not installed."""
    return shutil.which("git")


@dataclass(frozen=True)
class Commit:
    """One commit: its hash, its date (``YYYY-MM-DD``) and its message's first line."""

    sha: str
    date: str
    subject: str

    @property
    def short(self) -> str:
        """The first seven characters of the hash, as git shows them."""
        return self.sha[:7]


@dataclass(frozen=True)
class Repo:
    """A git work tree and the git program to use on it."""

    top: Path
    program: str

    def run(
        self, *args: str, stdin: bytes | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[bytes]:
        """Run ``git args`` at the top of the work tree.

        Raises:
            GitError: the command failed (with ``check``).
        """
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
        done = subprocess.run(
            [self.program, "-c", "core.quotepath=off", *args],
            cwd=self.top,
            input=stdin,
            capture_output=True,
            env=env,
            check=False,
        )
        if check and done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitError(
                f"git {args[0]} mislyktes.", hint=detail[-1] if detail else None, file=self.top
            )
        return done

    def relative(self, path: Path) -> str:
        """``path`` relative to the top, with forward slashes (as git names files)."""
        return path.resolve().relative_to(self.top).as_posix()

    def has_commits(self) -> bool:
        """Tell whether the repository has a first commit."""
        return self.run("rev-parse", "--verify", "-q", "HEAD", check=False).returncode == 0

    def dirty(self, paths: Iterable[Path]) -> list[str]:
        """Those of ``paths`` with changes git has not committed (new, changed, staged)."""
        names = [self.relative(p) for p in paths]
        if not names:
            return []
        out = self.run(
            "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *names
        ).stdout.decode("utf-8", "replace")
        changed = []
        for entry in out.split("\0"):
            if len(entry) > 3:
                changed.append(entry[3:])
        return sorted(set(changed))

    def _identity(self) -> list[str]:
        """``-c`` options for the fallback identity, for what git has not got configured."""
        options: list[str] = []
        for key, env_keys, fallback in (
            ("user.name", ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"), FALLBACK_NAME),
            ("user.email", ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"), FALLBACK_EMAIL),
        ):
            configured = self.run("config", "--get", key, check=False).stdout.strip()
            from_env = all(os.environ.get(k) for k in env_keys)
            if key == "user.email" and os.environ.get("EMAIL"):
                from_env = True
            if not configured and not from_env:
                options += ["-c", f"{key}={fallback}"]
        return options

    def commit(self, paths: Sequence[Path], message: str) -> Commit:
        """Commit exactly ``paths`` (new or changed) with ``message``; nothing else staged goes.

        Hooks are not run: the tool commits its own verified edits, and a hook that failed
        would leave the change made but not recorded.
        """
        names = [self.relative(p) for p in paths]
        self.run("add", "--", *names)
        identity = self._identity()
        if self.has_commits():
            self.run(
                *identity, "commit", "-q", "--no-verify", "-m", message, "--only", "--", *names
            )
        else:
            # The first commit: with --only, git refuses to commit on an unborn branch when
            # other files are staged; there is nothing else in a repository just made.
            self.run(*identity, "commit", "-q", "--no-verify", "-m", message, "--", *names)
        return self.head()

    def tag(self, name: str, message: str) -> None:
        """Tag the last commit with an annotated tag."""
        self.run(*self._identity(), "tag", "-a", name, "-m", message)

    def head(self) -> Commit:
        """The last commit."""
        return self.log("-1")[0]

    def log(self, *args: str) -> list[Commit]:
        """Commits as ``git log args`` lists them."""
        out = self.run("log", "--format=%H%x1f%cs%x1f%s%x1e", *args).stdout.decode(
            "utf-8", "replace"
        )
        commits = []
        for entry in out.split("\x1e"):
            fields = entry.strip().split("\x1f")
            if len(fields) == 3:
                commits.append(Commit(*fields))
        return commits

    def tags(self, prefix: str = TAG_PREFIX) -> dict[str, str]:
        """Tags starting with ``prefix``, each with the commit it points to."""
        out = self.run(
            "for-each-ref",
            "--format=%(refname:short)%1f%(*objectname)%1f%(objectname)",
            f"refs/tags/{prefix}*",
        ).stdout.decode("utf-8", "replace")
        found = {}
        for line in out.splitlines():
            name, peeled, target = (line.split("\x1f") + ["", "", ""])[:3]
            found[name] = peeled or target
        return found

    def first_changes(self, string: str, pathspec: str) -> dict[str, Commit]:
        """For each file matching ``pathspec``, the earliest commit that added ``string`` to it.

        Uses git's pickaxe (``-S``): one run for the whole repository.
        """
        out = self.run(
            "log",
            "--reverse",
            "--format=%x1e%H%x1f%cs%x1f%s",
            "--name-only",
            "-S",
            string,
            "--",
            pathspec,
        ).stdout.decode("utf-8", "replace")
        first: dict[str, Commit] = {}
        for entry in out.split("\x1e"):
            lines = [line for line in entry.splitlines() if line.strip()]
            if not lines:
                continue
            fields = lines[0].split("\x1f")
            if len(fields) != 3:
                continue
            commit = Commit(*fields)
            for name in lines[1:]:
                first.setdefault(name, commit)
        return first

    def changes(self, string: str, path: str) -> list[Commit]:
        """Every commit that added or removed ``string`` in ``path``, oldest first."""
        return self.log("--reverse", "-S", string, "--", path)

    def read(self, wanted: Sequence[tuple[str, str]]) -> list[bytes | None]:
        """The contents of ``(commit, path)`` pairs (None where there is no such file)."""
        if not wanted:
            return []
        request = "".join(f"{sha}:{path}\n" for sha, path in wanted).encode("utf-8")
        out = self.run("cat-file", "--batch", stdin=request).stdout
        contents: list[bytes | None] = []
        position = 0
        for _ in wanted:
            end = out.index(b"\n", position)
            header = out[position:end].split()
            position = end + 1
            if len(header) < 3 or header[1] == b"missing":
                contents.append(None)
                continue
            size = int(header[2])
            contents.append(out[position : position + size])
            position += size + 1
        return contents


_NOT_IN_A_TAG = re.compile(r"[^\w./-]+")


def minutes_tag_prefix(repo: Repo | None, root: Path) -> str:
    """What the tags of the repository at ``root`` start with: «referat-» and the folder name.

    A repository at the top of its git work tree tags reported minutes «referat-2026-12-10».
    One of several in a work tree (a KS adviser's folder of municipalities) puts its folder
    in front, «heianes/referat-2026-12-10», so two municipalities' minutes of the same day do
    not both want the same tag.
    """
    relative = repo.relative(root) if repo is not None else "."
    if relative == ".":
        return TAG_PREFIX
    return f"{_NOT_IN_A_TAG.sub('-', relative)}/{TAG_PREFIX}"


def open_repo(root: Path) -> Repo | None:
    """The git work tree ``root`` is in, or None (not in one, or git not installed)."""
    top = find_top(root)
    program = executable()
    if top is None or program is None:
        return None
    return Repo(top, program)


def init(root: Path) -> Repo | None:
    """Make ``root`` a git repository; None when git is not installed or it fails."""
    program = executable()
    if program is None:
        return None
    done = subprocess.run([program, "init", "-q"], cwd=root, capture_output=True, check=False)
    return Repo(root.resolve(), program) if done.returncode == 0 else None
