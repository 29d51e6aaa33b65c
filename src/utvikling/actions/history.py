"""``utvikling historikk``: what the records and git say happened, year by year.

The agreements with what they replace, the plans and conversations per year, and each minutes'
lifecycle (approved, acknowledged, reported, amended) with its dates and the commits that
recorded it. Only dates, names of bodies, case numbers, file names and commit messages: nothing
from the text of a record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utvikling.models import Agreement, Minutes, Plan
from utvikling.records import git
from utvikling.records.integrity import minutes_sources, stored_matches
from utvikling.records.loaded import Conversation, LoadedRecord, RepositoryContext
from utvikling.records.repository import load_settings


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass
class History:
    """The history of one repository, as plain data (``to_dict`` for ``--json``)."""

    root: str
    lang: str
    kind: str
    git: str
    """``yes`` (in a git repository), ``no`` (not in one), ``missing`` (git not installed)."""
    agreements: list[dict[str, Any]] = field(default_factory=list)
    years: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The history for ``--json``."""
        return {
            "path": self.root,
            "language": self.lang,
            "git": self.git,
            "agreements": self.agreements,
            "years": self.years,
        }


def _minutes(
    context: RepositoryContext,
    conversation: Conversation,
    commits: list[dict[str, Any]],
    tags: dict[str, str],
    tag_prefix: str,
) -> dict[str, Any] | None:
    minutes = conversation.minutes
    if not isinstance(minutes, Minutes):
        return None
    sources = minutes_sources(context, conversation)
    reported = minutes.reported
    tag = f"{tag_prefix}{conversation.folder}"
    return {
        "approved": {
            "date": _day(minutes.approved.date if minutes.approved else None),
            "body": minutes.approved.body if minutes.approved else None,
        },
        "acknowledged": _day(minutes.acknowledged.date if minutes.acknowledged else None),
        "reported": {
            "date": _day(reported.date if reported else None),
            "case_number": reported.case_number if reported else None,
            "locked": bool(sources and stored_matches(sources)),
            "checksum_added_later": _day(reported.checksum_added_later if reported else None),
            "tag": tag if tag in tags else None,
        },
        "amendments": [_day(a.date) for a in minutes.amendments or []],
        "commits": commits,
    }


def history(root: Path, *, base: Path | None = None) -> History:
    """Gather the history of the repository at ``root``.

    Paths in the history are shown relative to ``base`` (the working folder by default).

    Raises:
        RepositoryNotFoundError: ``root`` holds no ``utvikling.yaml``.
        InputError: ``utvikling.yaml`` does not load.
    """
    context = load_settings(root, base=base)
    repo = git.open_repo(root)
    state = "yes" if repo else ("missing" if git.find_top(root) else "no")
    here = base or Path.cwd()

    def commits(record: LoadedRecord | None) -> list[Any]:
        if repo is None or record is None:
            return []
        try:
            log = repo.log("--", repo.relative(here / record.path))
        except (git.GitError, ValueError):
            return []
        return [{"commit": c.short, "date": c.date, "message": c.subject} for c in reversed(log)]

    tag_prefix = git.minutes_tag_prefix(repo, root)
    try:
        tags = repo.tags(tag_prefix) if repo else {}
    except git.GitError:
        tags = {}
    found = History(context.root, context.language, context.kind, state)
    for record in sorted(context.agreements, key=lambda r: r.path):
        model = record.model
        assert isinstance(model, Agreement)
        found.agreements.append(
            {
                "file": record.path,
                "start_date": _day(model.start_date),
                "status": model.status,
                "supersedes": model.supersedes,
                "superseded_by": model.superseded_by,
                "commits": commits(record),
            }
        )
    years: dict[int, dict[str, Any]] = {}
    for record in context.plans:
        model = record.model
        assert isinstance(model, Plan)
        start = model.period.start if model.period else None
        year = start.year if start else 0
        entry = years.setdefault(year, {"year": year, "plans": [], "conversations": []})
        entry["plans"].append(
            {
                "file": record.path,
                "adopted": _day(model.adopted.date if model.adopted else None),
                "commits": commits(record),
            }
        )
    for conversation in context.conversations:
        year = conversation.date.year if conversation.date else 0
        entry = years.setdefault(year, {"year": year, "plans": [], "conversations": []})
        minutes = conversation.records.get("minutes")
        entry["conversations"].append(
            {
                "folder": conversation.folder,
                "date": _day(conversation.date),
                "files": sorted(Path(r.path).name for r in conversation.records.values()),
                "minutes": _minutes(context, conversation, commits(minutes), tags, tag_prefix),
            }
        )
    found.years = [years[y] for y in sorted(years)]
    return found


def _word(key: str, lang: str, **params: Any) -> str:
    from utvikling import texts

    entry = texts.data_file("messages.yaml")["history"][key]
    return texts.fill(texts.localized(entry, lang), params)


def _commit_lines(commits: list[dict[str, Any]]) -> str:
    return "\n".join(f"{c['commit']} {c['date']} {c['message']}" for c in commits)


def _course(minutes: dict[str, Any] | None, lang: str) -> list[str]:
    if minutes is None:
        return [_word("no_minutes", lang)]
    approved = minutes["approved"]
    steps = [
        _word("approved", lang, date=approved["date"], body=approved["body"] or "—")
        if approved["date"]
        else _word("not_approved", lang)
    ]
    if minutes["acknowledged"]:
        steps.append(_word("acknowledged", lang, date=minutes["acknowledged"]))
    reported = minutes["reported"]
    if reported["date"]:
        steps.append(
            _word("reported", lang, date=reported["date"], case=reported["case_number"] or "—")
        )
        lock = _word("locked" if reported["locked"] else "not_locked", lang)
        if reported["checksum_added_later"]:
            lock += ", " + _word("added_later", lang, date=reported["checksum_added_later"])
        if reported["tag"]:
            lock += ", " + _word("tagged", lang, tag=reported["tag"])
        steps.append(lock)
    else:
        steps.append(_word("not_reported", lang))
    if minutes["amendments"]:
        steps.append(
            _word("amended", lang, dates=", ".join(d or "—" for d in minutes["amendments"]))
        )
    return steps


@dataclass(frozen=True)
class Section:
    """One table of the history: a heading and rows of (record, course, commits)."""

    title: str
    rows: list[tuple[str, str, str]]


def sections(found: History) -> tuple[list[str], list[Section], str | None]:
    """The history as tables for a terminal: the column names, the tables, and a note."""
    lang = found.lang
    columns = [_word("record", lang), _word("course", lang), _word("commits", lang)]
    tables = []
    rows = []
    for agreement in found.agreements:
        course = [_word("starts", lang, date=agreement["start_date"] or "—")]
        if agreement["status"] in ("draft", "adopted"):
            key = "draft" if agreement["status"] == "draft" else "adopted_agreement"
            course.append(_word(key, lang))
        if agreement["supersedes"]:
            course.append(_word("supersedes", lang, name=agreement["supersedes"]))
        if agreement["superseded_by"]:
            course.append(_word("superseded_by", lang, name=agreement["superseded_by"]))
        name = Path(agreement["file"]).stem
        rows.append(
            (
                _word("agreement", lang, name=name),
                "\n".join(course),
                _commit_lines(agreement["commits"]),
            )
        )
    tables.append(Section(_word("agreements", lang), rows))
    for year in found.years:
        rows = []
        for plan in year["plans"]:
            adopted = (
                _word("adopted", lang, date=plan["adopted"])
                if plan["adopted"]
                else _word("not_adopted", lang)
            )
            name = Path(plan["file"]).stem
            rows.append((_word("plan", lang, name=name), adopted, _commit_lines(plan["commits"])))
        for conversation in year["conversations"]:
            minutes = conversation["minutes"]
            course = [_word("files", lang, files=", ".join(conversation["files"]) or "—")]
            course += _course(minutes, lang)
            rows.append(
                (
                    _word("conversation", lang, name=conversation["folder"]),
                    "\n".join(course),
                    _commit_lines(minutes["commits"] if minutes else []),
                )
            )
        tables.append(Section(_word("year", lang, year=year["year"] or "—"), rows))
    note = None
    if found.git == "no":
        note = _word("no_git", lang)
    elif found.git == "missing":
        note = _word("git_missing", lang)
    return columns, tables, note
