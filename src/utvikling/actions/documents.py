"""What every document command shares: its options, the words for the parties, and writing.

Each document use case builds its :class:`~utvikling.render.writing.DocumentSpec` list and hands
it to :func:`write_documents`, which writes it through the one writing sequence of ``render``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.records import layout
from utvikling.records.loaded import RepositoryContext
from utvikling.render.catalog import search_path
from utvikling.render.writing import DocumentSpec, Withheld, WrittenSet, write_set

DRAFT_PREFIX = "avtaleutkast-"
"""The file name of an agreement that is not final: ``avtaleutkast-<start date>``."""
FINAL_PREFIX = "avtale-"
"""The file name of an adopted, complete agreement: ``avtale-<start date>``."""


@dataclass(frozen=True)
class DocumentOptions:
    """How a document command writes: where, in which formats, over what, as of which day."""

    day: dt.date = field(default_factory=dt.date.today)
    output: Path | None = None
    """The folder for the documents; default ``dokumenter/`` in the repository."""
    force: bool = False
    """Replace documents even if they were changed by hand."""
    templates: Path | None = None
    """A folder of the user's own templates, searched first."""
    formats: tuple[str, ...] = ("md",)

    def folder(self, root: Path) -> Path:
        """The folder the documents go to."""
        return self.output or root / layout.OUTPUT_DIR


def formats_of(values: Sequence[str] | None) -> tuple[str, ...]:
    """Check ``--format`` values; Markdown is always included (it is the source).

    Raises:
        UsageError: an unknown format.
    """
    from utvikling.render.export import check_formats

    return tuple(dict.fromkeys(("md", *check_formats(list(values or [])))))


def parties(context: RepositoryContext) -> dict[str, Any]:
    """The words every document uses for the parties: the title, its definite form, the terms."""
    words = context.terms()
    return {
        "terms": words,
        "ce_title": words["ce_title"],
        "ce": words["ce"],
        "municipality": context.municipality_name,
        "body": lambda name: body_name(name, context),
    }


def body_name(name: Any, context: RepositoryContext) -> str:
    """A body's name as it stands mid-sentence, in lower case as the glossary writes it.

    «Kommunestyret» in a record becomes «kommunestyret»; the employer body's one-word name too.
    """
    text = "" if name is None else str(name)
    words = context.terms()
    settings = context.settings_model
    known = {
        words[key]
        for key in ("council", "executive_committee", "mayor", "deputy_mayor")
        if key in words
    }
    own = settings.employer_body.name if settings and settings.employer_body else None
    if own and " " not in own.strip():
        known.add(own.strip().lower())
    first, separator, rest = text.partition(",")
    if first.strip().lower() in known:
        return first.strip().lower() + separator + rest
    word, space, more = text.partition(" ")
    if word.lower() in known:
        return word.lower() + space + more
    return text


def write_documents(
    root: Path,
    context: RepositoryContext,
    documents: Sequence[DocumentSpec],
    options: DocumentOptions,
) -> WrittenSet:
    """Write ``documents`` through the one writing sequence, with the repository's templates."""
    return write_set(
        documents,
        formats=options.formats,
        lang=context.language,
        author=context.municipality_name,
        day=options.day,
        search_path=search_path(root / layout.TEMPLATES_DIR, options.templates),
        force=options.force,
    )


def internal_marking(lang: str) -> str:
    """The marking of an internal working document (spec §2.7), on every page it has.

    Never «unntatt offentlighet» as a whole: it names the bases that may apply to single items.
    """
    entry = texts.data_file("messages.yaml")["document"]["internal_marking"]
    return str(texts.localized(entry, lang))


def withheld(model: Any, lang: str, basis: str | None = None) -> list[Withheld]:
    """What the public projection removes from ``model``, each part with its legal basis.

    ``basis`` is the record's own (the minutes'); else information on personal matters,
    «offl. § 13 jf. fvl. § 13 første ledd nr. 1».
    """
    from utvikling.render.projection import withheld_parts

    if model is None:
        return []
    default = texts.localized(texts.data_file("messages.yaml")["document"]["withheld_basis"], lang)
    return [Withheld(part, basis or str(default)) for part in withheld_parts(model)]


def phrase(key: str, lang: str) -> Any:
    """Return an entry of ``data/conversation.yaml`` (a phrase or a list of them) in ``lang``."""
    entry = texts.data_file("conversation.yaml")[key]
    return entry.get(lang) or entry["nb"]


def label(section: str, key: str, lang: str) -> str:
    """Return the label of ``key`` (a status, role or theme id) in ``lang``."""
    return texts.localized(texts.data_file("conversation.yaml")[section][key], lang)
