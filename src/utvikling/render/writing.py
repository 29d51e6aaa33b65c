"""The one writing sequence for a document set, used by every document command.

A command describes the documents it makes (:class:`DocumentSpec`: where, from which template,
with what data, from which records); :func:`write_set` then guards against replacing a document
changed by hand, renders every document before writing any (so a template error writes
nothing), writes the Markdown and the other formats asked for, and records the checksums of what
it wrote in the manifest beside them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.render.documents import Rendered, Source, readable, render_document, unedited


@dataclass
class DocumentSpec:
    """One document of a set: its Markdown target and what it is rendered from."""

    target: Path
    template: str
    """The template's name on the search path, e.g. ``documents/nb/agreement.md.j2``."""
    context: dict[str, Any]
    sources: Sequence[Source]
    root: Any = None
    """What the template's ``show(path, …)`` looks values up in (default: ``context``)."""


@dataclass
class WrittenSet:
    """What :func:`write_set` wrote: each document's rendering, and every file."""

    rendered: list[Rendered]
    files: list[Path] = field(default_factory=list)


def write_set(
    documents: Sequence[DocumentSpec],
    *,
    formats: Sequence[str],
    lang: str,
    author: str,
    day: dt.date,
    search_path: Sequence[Path] = (),
    force: bool = False,
) -> WrittenSet:
    """Render and write a set of documents in every format asked for.

    Raises:
        FileExistsRefusedError: a file that would be written was changed by hand (without
            ``force``); nothing is written.
        TemplateRenderError: a template failed; nothing is written.
    """
    refuse_hand_edited([d.target for d in documents], force=force, lang=lang, formats=formats)
    rendered = [
        render_document(
            d.template,
            d.context,
            lang=lang,
            root=d.context if d.root is None else d.root,
            sources=d.sources,
            day=day,
            search_path=search_path,
        )
        for d in documents
    ]
    result = WrittenSet(rendered)
    for document, text in zip(documents, rendered, strict=True):
        document.target.parent.mkdir(parents=True, exist_ok=True)
        result.files += write_formats(
            document.target,
            text,
            formats=formats,
            lang=lang,
            author=author,
            day=day,
            search_path=search_path,
        )
    return result


def write_formats(
    target: Path,
    rendered: Rendered,
    *,
    formats: Sequence[str],
    lang: str,
    author: str,
    day: dt.date,
    search_path: Sequence[Path] = (),
) -> list[Path]:
    """Write the Markdown (always: it is the source) and the other formats asked for.

    A ``reference.docx`` in a template folder on ``search_path`` gives the DOCX its styles and
    letterhead.
    """
    from utvikling.files import create_file, replace_file

    (replace_file if target.exists() else create_file)(target, rendered.text)
    written = [target]
    others = [f for f in formats if f != "md"]
    if not others:
        return written
    from utvikling.render.export import Metadata, export, split_document

    header, title, _ = split_document(rendered.text)
    reference = next(
        (p / "reference.docx" for p in search_path if (p / "reference.docx").is_file()), None
    )
    meta = Metadata(
        title=title, author=author, lang=lang, day=day, provenance=readable(header, lang)
    )
    exported = export(target, others, meta, reference_doc=reference)
    _record_written(target.parent, exported)
    return written + exported


MANIFEST = ".utvikling-generert.json"
"""Beside the documents: the checksum of every HTML, DOCX and PDF file the tool wrote, so that
one changed afterwards (a draft finished in Word) is never replaced without ``--force``."""


def _manifest(folder: Path) -> dict[str, str]:
    import json

    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _record_written(folder: Path, paths: Sequence[Path]) -> None:
    import json

    from utvikling.files import create_file, replace_file

    manifest = _manifest(folder)
    for path in paths:
        manifest[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    text = json.dumps(dict(sorted(manifest.items())), indent=2) + "\n"
    target = folder / MANIFEST
    (replace_file if target.exists() else create_file)(target, text)


def _as_written(path: Path, manifest: dict[str, str]) -> bool:
    if path.suffix == ".md":
        return unedited(path)
    recorded = manifest.get(path.name)
    return recorded is not None and recorded == hashlib.sha256(path.read_bytes()).hexdigest()


def refuse_hand_edited(
    targets: Sequence[Path], *, force: bool, lang: str, formats: Sequence[str] = ("md",)
) -> None:
    """Stop before writing anything when a document was changed by hand (unless ``force``).

    Checks each Markdown target and the other formats that would be written beside it: a
    Markdown file by its provenance header, the others by the checksum the tool recorded.

    Raises:
        FileExistsRefusedError: a file that would be written exists and was changed by hand.
    """
    from utvikling.errors import FileExistsRefusedError

    if force:
        return
    for target in targets:
        manifest = _manifest(target.parent)
        for fmt in dict.fromkeys(("md", *formats)):
            path = target.with_suffix(f".{fmt}")
            if path.exists() and not _as_written(path, manifest):
                message, hint = texts.message("N005", lang, {"name": path.name})
                raise FileExistsRefusedError(message, hint=hint, file=path)
