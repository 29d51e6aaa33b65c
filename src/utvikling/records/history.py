"""Reported minutes as git holds them at the commit that locked them.

``check`` compares the minutes of today with these versions, so a checksum recomputed after an
edit, or a ``reported:`` removed to report again with new text, is found, and the commit named.
The locking commit is the earliest one in which the minutes file carries a checksum.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from utvikling import yamlsafe
from utvikling.models import Meeting, Minutes, Plan, Settings
from utvikling.records import git
from utvikling.records.integrity import Sources, locked_parts, minutes_sources, part_hashes
from utvikling.records.load import parse_record
from utvikling.records.loaded import Conversation, LockedVersion, RepositoryContext


def _model(content: bytes | None, kind: str, lang: str) -> Any:
    if content is None:
        return None
    try:
        record, _ = parse_record(content, kind, kind, lang)
    except Exception:  # noqa: BLE001 - an old version that does not load is simply not compared
        return None
    return record.model if record is not None else None


AMENDMENT_KEYS = ("date", "text", "reason")


def _amendments(minutes: Minutes | None) -> list[dict[str, Any]]:
    return [
        a.model_dump(mode="json", include=set(AMENDMENT_KEYS))
        for a in (minutes.amendments or [] if minutes else [])
    ]


def _raw_amendments(content: bytes | None) -> list[dict[str, Any]]:
    """The amendments of an old version, read without validating the whole record (fast)."""
    if content is None:
        return []
    try:
        data = yamlsafe.parse(content).data
    except Exception:  # noqa: BLE001 - an old version that does not load is not compared
        return []
    items = data.get("amendments") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [
        {k: (str(i.get(k)) if i.get(k) is not None else None) for k in AMENDMENT_KEYS}
        for i in items
        if isinstance(i, dict)
    ]


LOCK_FIELD = "content_sha256"
"""The field whose first appearance in a minutes file is the commit that locked it."""


class LockCommits:
    """When each minutes file was first locked, asked of git once per work tree.

    One instance serves one ``check`` run. With ``whole_tree`` (a check of several
    repositories) the first question in a git work tree asks for every minutes file in it,
    so the repositories that share the work tree share one git run instead of one each; a
    single repository asks for its own minutes only.
    """

    def __init__(self, *, whole_tree: bool = False) -> None:
        self.whole_tree = whole_tree
        self._trees: dict[Path, dict[str, git.Commit]] = {}

    def firsts(self, repo: git.Repo, prefix: str) -> dict[str, git.Commit]:
        """The locking commit of each minutes file below ``prefix``, by path from the top.

        Raises:
            GitError: git failed.
        """
        if not self.whole_tree:
            return repo.first_changes(LOCK_FIELD, f"{prefix}conversations/*/minutes.yaml")
        if repo.top not in self._trees:  # git's «*» also matches «/»: any depth
            self._trees[repo.top] = repo.first_changes(LOCK_FIELD, "*conversations/*/minutes.yaml")
        return self._trees[repo.top]


def locked_versions(
    root: Path, context: RepositoryContext, locks: LockCommits | None = None
) -> dict[str, LockedVersion]:
    """For each conversation whose minutes git holds locked, the version at the locking commit.

    Empty when ``root`` is not in a git repository, git is not installed, or nothing is locked.
    ``locks`` is shared by the repositories of one check (see :class:`LockCommits`).
    """
    repo = git.open_repo(root)
    if repo is None:
        return {}
    try:  # one git process when nothing is locked; none outside git (no history, no error)
        relative = repo.relative(root)
        prefix = "" if relative == "." else f"{relative}/"
        firsts = (locks or LockCommits()).firsts(repo, prefix)
        found: dict[str, LockedVersion] = {}
        for conversation in context.conversations:
            path = f"{prefix}conversations/{conversation.folder}/minutes.yaml"
            commit = firsts.get(path)
            if commit is not None:
                version = _version(repo, prefix, path, commit, conversation, context)
                if version is not None:
                    found[conversation.folder] = version
        return found
    except git.GitError:
        return {}


def _version(
    repo: git.Repo,
    prefix: str,
    path: str,
    commit: git.Commit,
    conversation: Conversation,
    context: RepositoryContext,
) -> LockedVersion | None:
    lang = context.language
    folder = f"{prefix}conversations/{conversation.folder}"
    minutes_bytes, meeting_bytes, settings_bytes = repo.read(
        [
            (commit.sha, path),
            (commit.sha, f"{folder}/meeting.yaml"),
            (commit.sha, f"{prefix}utvikling.yaml"),
        ]
    )
    minutes = _model(minutes_bytes, "minutes", lang)
    if not isinstance(minutes, Minutes) or not (
        minutes.reported and minutes.reported.content_sha256
    ):
        return None
    meeting = _model(meeting_bytes, "meeting", lang)
    meeting = meeting if isinstance(meeting, Meeting) else None
    settings = _model(settings_bytes, "settings", lang)
    now = minutes_sources(context, conversation)
    plan_file = now.plan_file if now else None
    if meeting is not None and meeting.plan_under_review:
        plan_file = f"plans/{meeting.plan_under_review}.yaml"
    plan = None
    if plan_file is not None:
        raw = repo.read([(commit.sha, f"{prefix}{plan_file}")])[0]
        if raw is None:  # a plan the meeting names but that did not exist: as loading sees it
            plan_file = None
        else:
            plan = _model(raw, "plan", lang)
    sources = Sources(
        minutes,
        meeting,
        plan if isinstance(plan, Plan) else None,
        plan_file,
        settings if isinstance(settings, Settings) else None,
    )
    files = {
        "minutes": conversation.records["minutes"].path
        if "minutes" in conversation.records
        else path,
        "meeting": conversation.records["meeting"].path
        if "meeting" in conversation.records
        else f"{folder}/meeting.yaml",
        "plan": plan_file or "plans/",
        "settings": context.settings.path if context.settings else "utvikling.yaml",
    }
    planned = context.plan_for(conversation)
    if planned is not None:
        files["plan"] = planned.path
    return LockedVersion(
        commit.sha,
        commit.date,
        part_hashes(locked_parts(sources)),
        files,
        minutes.reported.content_sha256 if minutes.reported else None,
        _dropped_amendment(repo, path, commit, conversation.minutes),
    )


def _dropped_amendment(
    repo: git.Repo, path: str, locked: git.Commit, minutes: Minutes | None
) -> str | None:
    """A commit after the lock whose amendments are not all among today's, if any.

    Only commits that changed how many checksums the file holds can have added or removed an
    amendment; an amendment edited in place breaks its chained checksum instead.
    """
    later = repo.log(f"{locked.sha}..HEAD", "-S", LOCK_FIELD, "--", path)
    if not later:
        return None
    current = _amendments(minutes)
    contents = repo.read([(c.sha, path) for c in later])
    for commit, content in zip(later, contents, strict=True):
        then = _raw_amendments(content)
        if then != current[: len(then)]:
            return commit.sha
    return None
