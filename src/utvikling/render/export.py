"""Turn a rendered Markdown document into HTML, DOCX and PDF/A.

One source per document and language: the Markdown the templates produce. pandoc (shipped as a
wheel by ``pypandoc-binary``) converts it to HTML, to DOCX (optionally with the municipality's
own reference document for styles and letterhead) and to Typst; the ``typst`` wheel compiles
that to PDF/A-2b with the fonts embedded. Nothing here needs system libraries or a download,
and both converters are imported only when a command asks for these formats.

Raw HTML and TeX in the Markdown are switched off, so text from a record can never become
markup: in HTML it is escaped, in Typst it is quoted.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from utvikling.errors import UsageError
from utvikling.files import create_file, replace_file

FORMATS = ("md", "html", "docx", "pdf")
PDF_STANDARD: Final = "a-2b"
"""PDF/A-2, level B (ISO 19005-2): the archive format Noark 5 systems take for text documents."""

_MARKDOWN = "markdown-raw_html-raw_tex-raw_attribute"


@dataclass(frozen=True)
class Metadata:
    """What the exported files say about themselves."""

    title: str
    author: str
    lang: str
    day: dt.date
    provenance: str


def check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """Validate ``--format`` values (exit code 2 for an unknown one)."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for value in formats for f in value.split(",")))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        from utvikling import texts

        message, hint = texts.message(
            "F001", "nb", {"formats": ", ".join(unknown), "choices": ", ".join(FORMATS)}
        )
        raise UsageError(message, hint=hint)
    return chosen or ("md",)


def split_document(text: str) -> tuple[str, str, str]:
    """Split our Markdown into (provenance header, title, body without the title)."""
    header, _, rest = text.partition("\n")
    if not header.startswith("<!--"):
        header, rest = "", text
    title_line, _, body = rest.lstrip("\n").partition("\n")
    title = title_line[2:].strip() if title_line.startswith("# ") else ""
    return header, title, body if title else rest


def _pandoc(
    markdown: str, to: str, meta: Metadata, extra: Sequence[str] = (), out: Path | None = None
) -> str:
    import pypandoc

    args = [
        f"--metadata=title:{meta.title}",
        f"--metadata=author:{meta.author}",
        f"--metadata=date:{meta.day.isoformat()}",
        f"--metadata=lang:{meta.lang}-NO",
        "--shift-heading-level-by=-1",
        f"--metadata=subject:{meta.provenance}",
        *extra,
    ]
    result: str = pypandoc.convert_text(
        markdown, to, format=_MARKDOWN, extra_args=args, outputfile=str(out) if out else None
    )
    return result


def _write(path: Path, data: bytes | str) -> None:
    (replace_file if path.exists() else create_file)(path, data)


def export(
    markdown_path: Path,
    formats: Sequence[str],
    meta: Metadata,
    *,
    reference_doc: Path | None = None,
) -> list[Path]:
    """Write the other formats of the Markdown document at ``markdown_path`` beside it."""
    text = markdown_path.read_text(encoding="utf-8")
    _, _, body = split_document(text)
    footer = f"\n\n---\n\n*{meta.provenance}*\n"
    written: list[Path] = []
    for fmt in formats:
        if fmt == "md":
            continue
        target = markdown_path.with_suffix(f".{fmt}")
        if fmt == "html":
            html = _pandoc(body + footer, "html5", meta, ["--standalone"])
            _write(target, html)
        elif fmt == "docx":
            extra = [f"--reference-doc={reference_doc}"] if reference_doc else []
            with tempfile.TemporaryDirectory() as folder:
                produced = Path(folder) / "out.docx"
                _pandoc(body + footer, "docx", meta, extra, out=produced)
                _write(target, produced.read_bytes())
        elif fmt == "pdf":
            _write(target, pdf_bytes(body + footer, meta))
        written.append(target)
    return written


def pdf_bytes(markdown: str, meta: Metadata) -> bytes:
    """Compile Markdown to PDF/A-2b through Typst, with title, author, date and language."""
    import typst

    source = _pandoc(markdown, "typst", meta, ["--standalone"])
    moment = dt.datetime(meta.day.year, meta.day.month, meta.day.day, tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory() as folder:
        main = Path(folder) / "document.typ"
        main.write_text(source, encoding="utf-8")
        data = typst.compile(str(main), pdf_standards=PDF_STANDARD, timestamp=moment)
    assert isinstance(data, bytes)
    return data
