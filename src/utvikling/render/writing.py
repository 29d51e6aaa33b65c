"""The one writing sequence for a document set, used by every document command.

A command describes the documents it makes (:class:`DocumentSpec`: where, from which template,
with what data, from which records); :func:`write_set` then finishes any write that was
interrupted, guards against replacing a document changed by hand, renders every document and
converts it to every format asked for in memory (so a template or converter error writes
nothing), and only then puts the whole set in place at once, with the manifest of the checksums
of what it wrote (:mod:`utvikling.render.transaction`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.render.archive import ARCHIVE_SUFFIX, Withheld
from utvikling.render.archive import record as archive_record
from utvikling.render.documents import Rendered, Source, readable, render_document, unedited
from utvikling.render.transaction import OutputError, commit, explain, explained, recover


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
    marking: str = ""
    """The marking an internal working document carries on every page (empty: public)."""
    public_title: str | None = None
    """The title that may be public (Noark 5 offentligTittel); default the title."""
    withheld: Sequence[Withheld] = ()
    """What the document does not show (public) or may withhold (internal), with the basis."""


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
    """Render and write a set of documents in every format asked for, whole or not at all.

    The documents of one folder are one set (every command writes into one folder).

    Raises:
        FileExistsRefusedError: a file that would be written was changed by hand (without
            ``force``); nothing is written.
        TemplateRenderError: a template failed; nothing is written.
        ConverterError: pandoc or Typst failed; nothing is written.
        OutputError: the folder cannot be written (a file in the way, no permission, a full
            disk, a name too long); nothing of the set is changed.
    """
    folders = list(dict.fromkeys(d.target.parent for d in documents))
    if not folders:
        return WrittenSet([])
    with explained(folders[0], lang):
        for folder in folders:
            _usable(folder, lang)
            if folder.is_dir():
                recover(folder)
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
    sets: dict[Path, dict[str, bytes]] = {folder: {} for folder in folders}

    pairs = list(zip(documents, rendered, strict=True))
    outputs = convert_set(
        [(d.target, text, d.marking) for d, text in pairs],
        formats=formats,
        lang=lang,
        author=author,
        day=day,
        search_path=search_path,
    )
    for (document, text), produced in zip(pairs, outputs, strict=True):
        if len(produced) > 1:
            produced[archive_name(document.target)] = _archive(document, text, produced, lang, day)
        sets[document.target.parent].update(produced)
        result.files += [document.target.parent / name for name in produced]
    for folder, contents in sets.items():
        exported = {n: data for n, data in contents.items() if not n.endswith(".md")}
        if exported:
            contents[MANIFEST] = _manifest_text(folder, exported)
        with explained(folder, lang):
            commit(folder, contents, last=MANIFEST)
    return result


def archive_name(target: Path) -> str:
    """The archive metadata file beside a document: ``<name>.arkiv.json``."""
    return target.with_suffix("").name + ARCHIVE_SUFFIX


def _archive(
    document: DocumentSpec, rendered: Rendered, files: dict[str, bytes], lang: str, day: dt.date
) -> bytes:
    from utvikling.render.export import PDF_STANDARD, split_document

    _, title, _ = split_document(rendered.text)
    return archive_record(
        title=title or document.target.stem,
        public_title=document.public_title,
        day=day,
        lang=lang,
        files=files,
        internal=bool(document.marking),
        withheld=document.withheld,
        pdf_standard=PDF_STANDARD,
        sources=[(s.path, s.sha256) for s in document.sources],
    )


def _usable(folder: Path, lang: str) -> None:
    """Stop before rendering when the output folder cannot be one (a file is in the way).

    Raises:
        OSError: the path cannot even be looked at (a name too long, no permission).
    """
    import errno
    import stat

    for candidate in [folder, *folder.parents]:
        try:
            mode = candidate.stat().st_mode
        except FileNotFoundError:
            continue
        if not stat.S_ISDIR(mode):
            raise explain(OSError(errno.ENOTDIR, "not a folder"), folder, lang)
        return


def convert_set(
    items: Sequence[tuple[Path, Rendered, str]],
    *,
    formats: Sequence[str],
    lang: str,
    author: str,
    day: dt.date,
    search_path: Sequence[Path] = (),
) -> list[dict[str, bytes]]:
    """Return each document's Markdown (always: it is the source) and its other formats.

    One mapping by file name per (target, rendering, marking) of the set; nothing is written
    here. The converters run once for the set where they can (see ``export.export_set``). The
    house style's files (``reference.docx``, ``house.typ``, ``house.css``, a logo) in a template
    folder on ``search_path`` replace the built-in ones.
    """
    produced = [{target.name: text.text.encode("utf-8")} for target, text, _ in items]
    others = [f for f in formats if f != "md"]
    if not others or not items:
        return produced
    from utvikling.render import export

    metas = []
    for target, text, marking in items:
        header, title, _ = export.split_document(text.text)
        metas.append(
            export.Metadata(
                title=title,
                author=author,
                lang=lang,
                day=day,
                provenance=readable(header, lang),
                name=target.name,
                marking=marking,
            )
        )
    style = export.house_style(search_path)
    exported = export.export_set(
        [(text.text, meta) for (_, text, _), meta in zip(items, metas, strict=True)],
        others,
        style=style,
    )
    for (target, _, _), made, done in zip(items, produced, exported, strict=True):
        made.update({target.with_suffix(f".{fmt}").name: data for fmt, data in done.items()})
    return produced


def reference_doc(search_path: Sequence[Path]) -> Path | None:
    """The first ``reference.docx`` on the search path that is a regular file in its folder."""
    for folder in search_path:
        path = folder / "reference.docx"
        try:
            inside = path.resolve(strict=True).is_relative_to(folder.resolve(strict=True))
        except (OSError, RuntimeError):
            continue
        if inside and path.is_file():
            return path
    return None


MANIFEST = ".utvikling-generert.json"
"""Beside the documents: the checksum of every HTML, DOCX and PDF file the tool wrote, so that
one changed afterwards (a draft finished in Word) is never replaced without ``--force``."""


def _manifest(folder: Path) -> dict[str, str]:
    import json

    from utvikling.files import read_regular

    try:
        data = json.loads(read_regular(folder / MANIFEST, 10_000_000))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _manifest_text(folder: Path, written: dict[str, bytes]) -> bytes:
    import json

    manifest = _manifest(folder)
    for name, data in written.items():
        manifest[name] = hashlib.sha256(data).hexdigest()
    return (json.dumps(dict(sorted(manifest.items())), indent=2) + "\n").encode("utf-8")


def _as_written(path: Path, manifest: dict[str, str]) -> bool:
    from utvikling.files import read_regular

    if path.suffix == ".md":
        return unedited(path)
    recorded = manifest.get(path.name)
    try:
        data = read_regular(path)
    except OSError:
        return False
    return recorded is not None and recorded == hashlib.sha256(data).hexdigest()


def refuse_hand_edited(
    targets: Sequence[Path], *, force: bool, lang: str, formats: Sequence[str] = ("md",)
) -> None:
    """Stop before writing anything when a document was changed by hand (unless ``force``).

    Checks each Markdown target and the other formats that would be written beside it: a
    Markdown file by its provenance header, the others by the checksum the tool recorded.
    Anything there that is not a regular file counts as changed by hand.

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
            if (path.exists() or path.is_symlink()) and not _as_written(path, manifest):
                message, hint = texts.message("N005", lang, {"name": path.name})
                raise FileExistsRefusedError(message, hint=hint, file=path)


__all__ = [
    "DocumentSpec",
    "OutputError",
    "Withheld",
    "WrittenSet",
    "archive_name",
    "refuse_hand_edited",
    "write_set",
]
