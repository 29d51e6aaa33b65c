"""``utvikling site``: a static public site for the council and citizens.

For one repository: a front page (the municipality, the chief executive, the agreement in
force, the current plan's goals, the yearly cycle), a page per year (the plan, the
conversations, the public minutes and the PDF/A of each public document that exists in the
repository's documents folder) and a history page (the agreements and what replaced what, the
goals over the years with their outcomes). For a folder of many repositories: each
repository's pages, and an index with the overview's table and the national figures.

Only the public projection of the settings, agreements, plans, meetings and minutes is read
here; the conversation's input, self-evaluation and evaluation (internal documents) never
are. The same records and the same day give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling._version import __version__
from utvikling.errors import UtviklingError
from utvikling.files import read_regular
from utvikling.records import layout
from utvikling.records.loaded import Conversation, LoadedRecord, RepositoryContext

MAX_LOGO_BYTES = 1_000_000
LOGO_NAMES = ("logo.svg", "logo.png", "logo.jpg")
"""A logo in the repository's top folder is used when ``--logo`` is not given."""


class LogoError(UtviklingError):
    """The logo cannot be used (not an image the site takes, too large, unreadable)."""


@dataclass
class SiteOptions:
    """How the site is built."""

    output: Path
    today: dt.date = field(default_factory=dt.date.today)
    force: bool = False
    logo: Path | None = None
    """Only for one repository; in a folder of many each takes its own ``logo.*``."""
    language: str = "nb"
    """The language of the index over many repositories (each repository's pages are in its
    own)."""
    templates: Path | None = None
    base: Path | None = None


@dataclass
class BuiltSite:
    """What :func:`build_site` wrote."""

    folder: Path
    files: list[Path]
    pages: int
    repositories: int
    lang: str


# --- reading the public records -----------------------------------------------------------


def _public(record: LoadedRecord | None) -> Any:
    from utvikling.render.projection import public

    return public(record.model) if record is not None else None


def _label(section: str, key: str | None, lang: str) -> str:
    from utvikling.actions.documents import label

    return label(section, key, lang) if key else ""


def _approved(conversation: Conversation, today: dt.date) -> bool:
    """Public minutes are shown once the body has approved them (by ``today``)."""
    minutes = conversation.minutes
    approved = minutes.approved if minutes else None
    return bool(approved and approved.date and approved.date <= today)


def _minutes_view(
    conversation: Conversation, context: RepositoryContext, titles: dict[str, str]
) -> dict[str, Any] | None:
    """The public minutes as the year page shows them, or None when not yet approved."""
    from utvikling.render.projection import public, withheld_count

    minutes = conversation.minutes
    if minutes is None or not _approved(conversation, context.today):
        return None
    lang = context.language
    withheld = withheld_count(minutes)
    shown = public(minutes)
    review = shown.results_review
    reviewed = [
        {
            "goal": g.goal or "",
            "title": titles.get(g.goal or "", ""),
            "status": _label("status", g.status, lang),
            "summary": g.summary or "",
        }
        for g in (review.goals or [] if review else [])
    ]
    return {
        "title": shown.public_title or "",
        "minutes": shown,
        "reviewed": reviewed,
        "deviation": _label("deviation", shown.deviation.status, lang)
        if shown.deviation and shown.deviation.status
        else "",
        "withheld": withheld,
        "legal_basis": shown.confidential.legal_basis if shown.confidential else "",
    }


def _documents(root: Path, conversation: Conversation, lang: str) -> list[tuple[str, str]]:
    """The public PDF/A documents of a conversation in the documents folder: (kind, name)."""
    if conversation.date is None:
        return []
    names = texts.data_file("conversation.yaml")["files"]
    day = conversation.date.isoformat()
    found = []
    for kind in ("public", "minutes_public"):
        markdown = texts.fill(texts.localized(names[kind], lang), {"date": day})
        name = markdown.removesuffix(".md") + ".pdf"
        path = root / layout.OUTPUT_DIR / name
        if path.is_file() and not path.is_symlink():
            found.append((kind, name))
    return found


def _adopted(record: LoadedRecord | None, today: dt.date) -> bool:
    """A plan is public once adopted (its decision dated on or before ``today``)."""
    adopted = getattr(record.model, "adopted", None) if record is not None else None
    return bool(adopted and adopted.date and adopted.date <= today)


def _draft(record: LoadedRecord) -> bool:
    """An agreement still being drafted is not public."""
    return getattr(record.model, "status", None) == "draft"


def _years(context: RepositoryContext) -> list[int]:
    years: set[int] = set()
    for record in context.plans:
        period = getattr(record.model, "period", None)
        if period is not None and period.start is not None:
            years.add(period.start.year)
    years |= {c.date.year for c in context.conversations if c.date is not None}
    return sorted(years)


def _plan_of_year(context: RepositoryContext, year: int) -> LoadedRecord | None:
    for record in sorted(context.plans, key=lambda r: r.path):
        period = getattr(record.model, "period", None)
        if period is not None and period.start is not None and period.start.year == year:
            return record
    return None


def _titles(record: LoadedRecord | None) -> dict[str, str]:
    plan = _public(record)
    return {g.id: g.title or "" for g in (plan.goals or [] if plan else []) if g.id}


_ROLE_TERMS = {
    "mayor": "mayor_title",
    "deputy_mayor": "deputy_mayor_title",
    "opposition_leader": "opposition_leader_title",
    "group_leader": "group_leader_title",
    "chief_executive": "ce_title",
}
"""Roles whose word depends on the kind of authority (fylkesordfører) come from the glossary."""


def role_word(role: str | None, context: RepositoryContext) -> str:
    """A participant's role in words, by the kind of authority and the language."""
    if not role:
        return ""
    if role in _ROLE_TERMS:
        return context.terms()[_ROLE_TERMS[role]]
    return _label("role", role, context.language)


def _people(context: RepositoryContext) -> list[dict[str, str]]:
    settings = _public(context.settings)
    body = settings.employer_body if settings else None
    return [
        {"name": m.name or "", "role": role_word(m.role, context), "party": m.party or ""}
        for m in (body.members or [] if body else [])
    ]


# --- the pages of one repository ----------------------------------------------------------


@dataclass
class _Repository:
    """One repository's pages and the files that go with them."""

    pages: list[Any]
    files: dict[str, bytes]
    front: str
    name: str


def _logo(path: Path, lang: str) -> tuple[str, bytes]:
    """Read a logo and return its site file extension and bytes.

    Raises:
        LogoError: the file is missing, too large, or not PNG, JPEG or SVG.
    """

    def refuse(reason: str) -> LogoError:
        message, hint = texts.message("V003", lang, {"path": path.as_posix(), "reason": reason})
        return LogoError(message, hint=hint, file=path)

    try:
        data = read_regular(path, MAX_LOGO_BYTES + 1)
    except OSError as exc:
        raise refuse(exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_LOGO_BYTES:
        raise refuse(texts.word("site.logo_too_large", lang))
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", data
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg", data
    head = data[:1000].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4000].lower():
        return "svg", data
    raise refuse(texts.word("site.logo_not_image", lang))


def _repository_pages(
    root: Path, options: SiteOptions, prefix: str, index: str | None
) -> _Repository:
    """Build the pages of one repository (``prefix`` before every file name)."""
    from utvikling.actions.status import status_of
    from utvikling.records.cycle import agreement_end, in_force
    from utvikling.records.repository import load_settings
    from utvikling.render.site import STYLESHEET, Page

    context = load_settings(root, options.today, base=options.base)
    lang = context.language
    files: dict[str, bytes] = {}
    logo_path = options.logo if index is None else None
    if logo_path is None:
        logo_path = next(
            (root / n for n in LOGO_NAMES if (root / n).is_file() and not (root / n).is_symlink()),
            None,
        )
    logo = ""
    if logo_path is not None:
        extension, data = _logo(logo_path, lang)
        logo = f"{prefix}logo.{extension}"
        files[logo] = data

    settings = _public(context.settings)
    municipality = settings.municipality if settings else None
    chief = settings.chief_executive if settings else None
    body = settings.employer_body if settings else None
    words = context.terms()
    name = context.municipality_name or root.name
    front = f"{prefix.removesuffix('-') or 'index'}.html"
    years = _years(context)
    year_pages = {year: f"{prefix}{year}.html" for year in years}
    history = f"{prefix}historikk.html"

    def nav(current: str) -> list[dict[str, Any]]:
        items = [{"href": front, "label": "front", "current": current == front}]
        items += [
            {"href": page, "label": str(year), "current": current == page}
            for year, page in year_pages.items()
        ]
        items.append({"href": history, "label": "history", "current": current == history})
        return items

    common = {
        "lang": lang,
        "name": name,
        "number": municipality.number if municipality and municipality.number else "",
        "kind": context.kind,
        "terms": words,
        "ce_title": words["ce_title"],
        "ce": words["ce"],
        "chief_name": chief.name if chief and chief.name else "",
        "body_name": body.name if body and body.name else "",
        "members": _people(context),
        "themes": {
            key: texts.localized(value, lang)
            for key, value in texts.data_file("conversation.yaml")["theme"].items()
        },
        "logo": logo,
        "stylesheet": STYLESHEET,
        "index": index,
        "today": options.today,
        "version": __version__,
    }

    agreement_record = context.started_agreement(options.today)
    if agreement_record is not None and _draft(agreement_record):
        agreement_record = None
    agreement = _public(agreement_record)
    covering = context.plan_covering(options.today)
    plan = _public(covering) if _adopted(covering, options.today) else None
    plan_start = plan.period.start if plan is not None and plan.period else None
    status = status_of(context)
    steps = [
        {
            "day": view.day,
            "label": view.label,
            "actor": view.actor,
            "state": view.state,
            "key": view.step.state,
            "defaulted": bool(view.step.defaults),
        }
        for view in status.steps
    ]
    pages = [
        Page(
            front,
            f"site/{lang}/front.html.j2",
            {
                **common,
                "nav": nav(front),
                "agreement": agreement,
                "agreement_in_force": in_force(agreement_record, options.today),
                "agreement_end": agreement_end(agreement) if agreement else None,
                "plan": plan,
                "plan_draft": covering is not None and plan is None,
                "plan_page": year_pages.get(plan_start.year) if plan_start else None,
                "steps": steps,
                "footnotes": status.footnotes(),
                "history": history,
            },
            lang,
        )
    ]

    conversations_by_year: dict[int, list[Conversation]] = {}
    for conversation in context.conversations:
        if conversation.date is not None:
            conversations_by_year.setdefault(conversation.date.year, []).append(conversation)
    for year, page in year_pages.items():
        plan_record = _plan_of_year(context, year)
        held = []
        for conversation in sorted(conversations_by_year.get(year, []), key=lambda c: c.folder):
            meeting = _public(conversation.records.get("meeting"))
            documents = []
            for kind, document in _documents(root, conversation, lang):
                target = f"{prefix}{document}"
                files[target] = read_regular(root / layout.OUTPUT_DIR / document, 100_000_000)
                documents.append({"kind": kind, "href": target})
            held.append(
                {
                    "date": conversation.date,
                    "meeting": meeting,
                    "kind": meeting.kind if meeting else None,
                    "status": meeting.status if meeting else None,
                    "held": conversation.held(options.today),
                    "minutes": _minutes_view(
                        conversation, context, _titles(context.plan_for(conversation))
                    ),
                    "has_minutes": conversation.minutes is not None,
                    "documents": documents,
                }
            )
        pages.append(
            Page(
                page,
                f"site/{lang}/year.html.j2",
                {
                    **common,
                    "nav": nav(page),
                    "year": year,
                    "plan": _public(plan_record) if _adopted(plan_record, options.today) else None,
                    "plan_draft": plan_record is not None
                    and not _adopted(plan_record, options.today),
                    "conversations": held,
                },
                lang,
            )
        )

    agreements = []
    for record in sorted(
        (r for r in context.agreements if not _draft(r)),
        key=lambda r: (getattr(r.model, "start_date", None) or dt.date.min, r.path),
    ):
        model = _public(record)
        agreements.append(
            {
                "stem": record.stem,
                "agreement": model,
                "end": agreement_end(model),
                "in_force": record is agreement_record and in_force(record, options.today),
            }
        )
    outcomes: dict[str, dict[str, dict[str, str]]] = {}
    for conversation in context.conversations:
        plan_for = context.plan_for(conversation)
        view = _minutes_view(conversation, context, {})
        if plan_for is None or view is None:
            continue
        for item in view["reviewed"]:
            outcomes.setdefault(plan_for.stem, {})[item["goal"]] = {
                "status": item["status"],
                "summary": item["summary"],
                "date": (conversation.date or dt.date.min).isoformat(),
            }
    plans = []
    for record in sorted(
        (r for r in context.plans if _adopted(r, options.today)),
        key=lambda r: (
            getattr(getattr(r.model, "period", None), "start", None) or dt.date.min,
            r.path,
        ),
    ):
        model = _public(record)
        start = model.period.start if model.period else None
        plans.append(
            {
                "stem": record.stem,
                "plan": model,
                "page": year_pages.get(start.year) if start else None,
                "outcomes": outcomes.get(record.stem, {}),
            }
        )
    pages.append(
        Page(
            history,
            f"site/{lang}/history.html.j2",
            {**common, "nav": nav(history), "agreements": agreements, "plans": plans},
            lang,
        )
    )
    return _Repository(pages, files, front, name)


# --- the whole site -----------------------------------------------------------------------


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower().translate(str.maketrans("æøå", "eoa")))
    base = base.strip("-") or "postmappe"
    slug, number = base, 2
    while slug in taken or slug == "index":
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def build_site(path: Path, options: SiteOptions) -> BuiltSite:
    """Build the public site of the repository at ``path``, or of every repository below it.

    Raises:
        RepositoryNotFoundError: no repository at or below ``path``.
        InputError: a repository's ``utvikling.yaml`` does not load.
        LogoError: the logo cannot be used.
        TemplateRenderError: a page template failed; nothing is written.
        FileExistsRefusedError: the output folder holds files the tool did not write, or a
            page changed by hand (without ``force``); nothing is written.
        OutputError: the folder cannot be written; nothing is changed.
    """
    from utvikling.errors import UsageError
    from utvikling.render.site import Page, render_pages, stylesheet, write_site

    if options.language not in ("nb", "nn"):
        raise UsageError(
            "Skriv nb (bokmål) eller nn (nynorsk).", hint="For eksempel --language nn."
        )
    search_path = [options.templates] if options.templates else []
    files: dict[str, bytes] = {}
    pages: list[Page] = []
    if layout.is_repository(path):
        repository = _repository_pages(path, options, "", None)
        pages += repository.pages
        files.update(repository.files)
        lang = repository.pages[0].lang
        count = 1
    else:
        lang = options.language
        pages_of, files_of, count = _region(path, options)
        pages += pages_of
        files.update(files_of)
    files.update(render_pages(pages, search_path))
    from utvikling.render.site import STYLESHEET

    files[STYLESHEET] = stylesheet(search_path)
    written = write_site(options.output, files, lang=lang, force=options.force)
    return BuiltSite(options.output, written, len(pages), count, lang)


def _region(path: Path, options: SiteOptions) -> tuple[list[Any], dict[str, bytes], int]:
    """The pages of every repository below ``path`` and the index over them."""
    from utvikling.actions.overview import (
        COLUMNS,
        cell,
        figure_headings,
        figure_rows,
        fou_data,
        overview,
        word,
    )
    from utvikling.files import display_path
    from utvikling.render.site import STYLESHEET, Page

    lang = options.language
    report = overview(path, options.today, language=lang, base=path)
    taken: set[str] = set()
    fronts: dict[str, str] = {}
    pages: list[Page] = []
    files: dict[str, bytes] = {}
    for root in layout.find_repositories(path):
        shown = display_path(root, path)
        row = next((r for r in report.rows if r.path == shown), None)
        if row is None or not row.loaded:
            continue
        slug = _slug(root.name, taken)
        repository = _repository_pages(root, options, f"{slug}-", "index.html")
        pages += repository.pages
        files.update(repository.files)
        fronts[shown] = repository.front
    columns = [c for c in COLUMNS if c not in ("path", "language")]
    rows = [
        {
            "href": fronts.get(row.path),
            "name": row.name or row.path,
            "cells": [
                "" if (v := cell(row, c, lang)) is None else v for c in columns if c != "name"
            ],
        }
        for row in report.rows
    ]
    index = Page(
        "index.html",
        f"site/{lang}/index.html.j2",
        {
            "lang": lang,
            "stylesheet": STYLESHEET,
            "today": options.today,
            "version": __version__,
            "count": len(report.rows),
            "headings": [word(f"col_{c}", lang) for c in columns],
            "rows": rows,
            "figure_headings": figure_headings(lang),
            "figures": figure_rows(report),
            "fou_source": fou_data().source.get(lang),
        },
        lang,
    )
    return [index, *pages], files, len(report.rows)


__all__: Sequence[str] = ["BuiltSite", "LogoError", "SiteOptions", "build_site"]
