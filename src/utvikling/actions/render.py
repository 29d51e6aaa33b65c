"""``utvikling render``: every document of a repository that is missing or stale, in one run.

One process, one loaded and checked repository, one writing sequence: the agreements (the
final text when complete, else the draft), each conversation's preparation pack and public
agenda item, and its public and internal minutes (marked UTKAST while required elements are
missing). A document is stale when a record it was made from changed, or a format asked for is
missing; ``everything`` renders them all. The per-document commands stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from utvikling.actions.agreement import agreement_spec
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.actions.conversation import agenda_specs
from utvikling.actions.documents import DRAFT_PREFIX, FINAL_PREFIX, DocumentOptions, write_documents
from utvikling.actions.minutes import blocking, minutes_specs
from utvikling.models import Agreement
from utvikling.render.documents import sources_of, template_of
from utvikling.render.writing import DocumentSpec


@dataclass
class RenderedAll:
    """What :func:`render_all` wrote, and how many documents were already up to date."""

    documents: list[Path]
    files: list[Path] = field(default_factory=list)
    current: int = 0
    lang: str = "nb"


def repository_specs(
    root: Path, options: DocumentOptions, *, base: Path | None = None
) -> tuple[list[DocumentSpec], object, str]:
    """Every document of the repository, from one load and check of it.

    Returns (specs, the loaded context, the language).
    """
    result = check_repository(root, CheckOptions(today=options.day), base=base)
    assert result.loaded is not None
    context = result.loaded.context
    findings = result.findings
    specs: list[DocumentSpec] = []
    folder = options.folder(root)
    for record in context.agreements:
        if not isinstance(record.model, Agreement):
            continue
        made = any(
            (folder / f"{prefix}{record.stem}.md").exists()
            for prefix in (DRAFT_PREFIX, FINAL_PREFIX)
        )
        if record.model.superseded_by and not made:
            continue  # an old agreement is rendered only when it has a document to keep current
        specs.append(agreement_spec(root, record, context, findings, options)[0])
    for conversation in context.conversations:
        if conversation.meeting is not None:
            specs += list(agenda_specs(root, conversation, context, options).values())
        if conversation.minutes is not None:
            draft = bool(blocking(findings, conversation.folder))
            specs += minutes_specs(root, conversation, context, options, draft=draft)
    return specs, context, context.language


def current(spec: DocumentSpec, formats: tuple[str, ...]) -> bool:
    """A document that exists in every format asked for, from the same template and records."""
    target = spec.target
    if not all(target.with_suffix(f".{fmt}").is_file() for fmt in formats):
        return False
    if template_of(target) != spec.template:
        return False
    made_from = sorted(sources_of(target))
    return made_from == sorted((s.path, s.sha256[:16]) for s in spec.sources)


def render_all(
    root: Path,
    options: DocumentOptions,
    *,
    everything: bool = False,
    base: Path | None = None,
) -> RenderedAll:
    """Render every document that is missing or stale (``everything``: all of them).

    Raises:
        RepositoryNotFoundError: ``root`` holds no repository.
        FileExistsRefusedError: a document was edited by hand (without ``force``); nothing is
            written.
        TemplateRenderError, ConverterError, OutputError: nothing is written.
    """
    from typing import cast

    from utvikling.records.loaded import RepositoryContext

    specs, loaded, lang = repository_specs(root, options, base=base)
    context = cast(RepositoryContext, loaded)
    wanted = specs if everything else [s for s in specs if not current(s, options.formats)]
    if not wanted:
        return RenderedAll([], [], len(specs), lang)
    written = write_documents(root, context, wanted, options)
    return RenderedAll([s.target for s in wanted], written.files, len(specs) - len(wanted), lang)


__all__ = ["RenderedAll", "current", "render_all", "repository_specs"]
