"""Turn a rendered Markdown document into HTML, DOCX and PDF/A, in memory.

One source per document and language: the Markdown the templates produce. pandoc (shipped as a
wheel by ``pypandoc-binary``) reads it once into its document tree, and writes that as HTML, as
DOCX (optionally with the municipality's own reference document for styles and letterhead) and
as Typst; the ``typst`` wheel compiles that to PDF/A-2b with the fonts embedded. Nothing here
needs system libraries or a download, both converters are imported only when a command asks for
these formats, and nothing is written to the output folder here: the writing sequence
(:mod:`utvikling.render.writing`) puts a whole set in place at once.

The converters have protections of their own, behind the escaping of record values
(:mod:`utvikling.render.markup`), so that either alone stops record text from becoming code or
reaching a file:

- pandoc runs with ``--sandbox`` (no file or network access while converting) and reads
  Markdown without raw HTML, TeX or attributes, metadata or title blocks, citations, math or
  TeX macros, and without smart punctuation (text stays exactly as written).
- The document tree is narrowed to what documents are made of before anything is written:
  headings, paragraphs, lists, quotes, tables, rules, emphasis. A link keeps only its text, an
  image only its description, and code, math and raw blocks become plain text.
- Every metadata value (title, author, date, language, subject) is set by this module, never
  taken from the text.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from utvikling.errors import UsageError, UtviklingError

FORMATS = ("md", "html", "docx", "pdf")
PDF_STANDARD: Final = "a-2b"
"""PDF/A-2, level B (ISO 19005-2): the archive format Noark 5 systems take for text documents."""

_OFF = (
    "smart",
    "raw_html",
    "raw_tex",
    "raw_attribute",
    "yaml_metadata_block",
    "pandoc_title_block",
    "citations",
    "tex_math_dollars",
    "latex_macros",
    "native_divs",
    "native_spans",
    "fenced_divs",
    "bracketed_spans",
    "link_attributes",
    "inline_code_attributes",
    "fenced_code_attributes",
    "implicit_figures",
    "auto_identifiers",
)
READER: Final = "markdown" + "".join(f"-{extension}" for extension in _OFF)
"""pandoc's Markdown with everything that could reach code, files or metadata switched off.

``auto_identifiers`` is off too: an identifier made from a heading that carries record text
becomes a Typst label, where text that Typst's own escaping does not cover can end it early."""

_TIMEOUT = 120
"""Seconds a converter may take for one document before it counts as failed."""


class ConverterError(UtviklingError):
    """pandoc or Typst could not make a format; nothing of the set is written."""


@dataclass(frozen=True)
class Metadata:
    """What the exported files say about themselves: set by our code, never by the text."""

    title: str
    author: str
    lang: str
    day: dt.date
    provenance: str
    name: str = "dokumentet"
    """The document's file name, for messages."""


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
    """Split our Markdown into (provenance header, title, body without the title).

    The title is plain text: the escapes that kept it text in the Markdown are removed.
    """
    from utvikling.render.markup import plain

    header, _, rest = text.partition("\n")
    if not header.startswith("<!--"):
        header, rest = "", text
    title_line, _, body = rest.lstrip("\n").partition("\n")
    title = plain(title_line[2:].strip()) if title_line.startswith("# ") else ""
    return header, title, body if title else rest


def _failed(fmt: str, meta: Metadata, tool: str) -> ConverterError:
    from utvikling import texts

    language = meta.lang if meta.lang in ("nb", "nn") else "nb"
    message, hint = texts.message(
        "F004", language, {"format": fmt.upper(), "name": meta.name, "tool": tool}
    )
    return ConverterError(message, hint=hint)


def _run_pandoc(source: bytes, args: Sequence[str], fmt: str, meta: Metadata) -> bytes:
    """Run the pandoc of the ``pypandoc-binary`` wheel, sandboxed, from stdin to stdout."""
    import pypandoc

    command = [pypandoc.get_pandoc_path(), "--sandbox", *args, "--output=-"]
    try:
        done = subprocess.run(command, input=source, capture_output=True, timeout=_TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        raise _failed(fmt, meta, "pandoc") from None
    if done.returncode != 0:
        raise _failed(fmt, meta, "pandoc")
    return done.stdout


# The document tree (pandoc-types 1.23): what is kept, what becomes text, the enumerations.
_KEPT = {
    "Plain",
    "Para",
    "LineBlock",
    "BlockQuote",
    "OrderedList",
    "BulletList",
    "Header",
    "HorizontalRule",
    "Table",
    "Str",
    "Space",
    "SoftBreak",
    "LineBreak",
    "Emph",
    "Underline",
    "Strong",
    "Strikeout",
    "Superscript",
    "Subscript",
    "SmallCaps",
    "Quoted",
    "Note",
}
_ENUMS = {
    "DefaultStyle",
    "Example",
    "Decimal",
    "LowerRoman",
    "UpperRoman",
    "LowerAlpha",
    "UpperAlpha",
    "DefaultDelim",
    "Period",
    "OneParen",
    "TwoParens",
    "AlignLeft",
    "AlignRight",
    "AlignCenter",
    "AlignDefault",
    "ColWidth",
    "ColWidthDefault",
    "SingleQuote",
    "DoubleQuote",
    "DisplayMath",
    "InlineMath",
    "AuthorInText",
    "SuppressAuthor",
    "NormalCitation",
}
_BLOCKS = {"Plain", "Para", "LineBlock", "BlockQuote", "OrderedList", "BulletList", "Header"}


def _text_inlines(text: str) -> list[dict[str, Any]]:
    """Plain text as inlines: words, spaces and the line breaks it had."""
    inlines: list[dict[str, Any]] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            inlines.append({"t": "LineBreak"})
        for index, word in enumerate(line.split()):
            if index:
                inlines.append({"t": "Space"})
            inlines.append({"t": "Str", "c": word})
    return inlines


def _narrow(node: Any) -> list[Any]:
    """Return what ``node`` becomes in the narrowed tree (a list, spliced into its parent)."""
    if isinstance(node, list):
        return [[item for child in node for item in _narrow(child)]]
    if not isinstance(node, dict) or "t" not in node:
        return [node]
    kind: str = node["t"]
    content: Any = node.get("c")
    if kind in _ENUMS:
        return [node]
    if kind in _KEPT:
        if kind == "Header":  # keep the level and the generated id, nothing else of the attributes
            level, attr, inlines = content
            return [{"t": kind, "c": [level, [attr[0], [], []], _narrow(inlines)[0]]}]
        return [node if content is None else {"t": kind, "c": _narrow(content)[0]}]
    if kind == "Table":
        return [{"t": kind, "c": _narrow(content)[0]}]
    if kind in ("Link", "Image", "Span"):  # the text only: no target, no file, no attributes
        return list(_narrow(content[1])[0])
    if kind == "Cite":
        return list(_narrow(content[1])[0])
    if kind in ("Code", "RawInline", "Math"):
        return _text_inlines(str(content[1]))
    if kind in ("CodeBlock", "RawBlock"):
        return [{"t": "Para", "c": _text_inlines(str(content[1]))}]
    if kind in ("Div", "Figure"):
        return list(_narrow(content[-1])[0])
    if kind == "DefinitionList":
        out: list[Any] = []
        for term, definitions in content:
            out.append({"t": "Para", "c": _narrow(term)[0]})
            for blocks in definitions:
                out += _narrow(blocks)[0]
        return out
    return []  # anything else is left out


def _meta(meta: Metadata) -> dict[str, Any]:
    def text(value: str) -> dict[str, Any]:
        return {"t": "MetaString", "c": value}

    return {
        "title": text(meta.title),
        "author": text(meta.author),
        "date": text(meta.day.isoformat()),
        "lang": text(f"{meta.lang}-NO"),
        "subject": text(meta.provenance),
    }


def document_tree(markdown: str, meta: Metadata, fmt: str = "md") -> bytes:
    """Read our Markdown into pandoc's tree, narrowed, with our metadata (JSON for pandoc)."""
    raw = _run_pandoc(
        markdown.encode("utf-8"),
        [f"--from={READER}", "--to=json", "--shift-heading-level-by=-1"],
        fmt,
        meta,
    )
    try:
        tree = json.loads(raw)
    except ValueError:
        raise _failed(fmt, meta, "pandoc") from None
    tree["meta"] = _meta(meta)
    tree["blocks"] = _narrow(tree.get("blocks", []))[0]
    return json.dumps(tree, ensure_ascii=False).encode("utf-8")


def export_bytes(
    markdown_text: str,
    formats: Sequence[str],
    meta: Metadata,
    *,
    reference_doc: Path | None = None,
) -> dict[str, bytes]:
    """Convert one rendered Markdown document to each of ``formats`` (not ``md``), in memory.

    Raises:
        ConverterError: pandoc or Typst failed; the message names the format and document.
    """
    _, _, body = split_document(markdown_text)
    footer = f"\n\n---\n\n*{_escaped(meta.provenance)}*\n"
    wanted = [f for f in formats if f != "md"]
    if not wanted:
        return {}
    tree = document_tree(body + footer, meta, wanted[0])
    produced: dict[str, bytes] = {}
    for fmt in wanted:
        if fmt == "html":
            produced[fmt] = _run_pandoc(
                tree, ["--from=json", "--to=html5", "--standalone"], fmt, meta
            )
        elif fmt == "docx":
            extra = [f"--reference-doc={reference_doc}"] if reference_doc else []
            produced[fmt] = _run_pandoc(tree, ["--from=json", "--to=docx", *extra], fmt, meta)
        elif fmt == "pdf":
            produced[fmt] = _pdf(tree, meta)
    return produced


def _escaped(text: str) -> str:
    from utvikling.render.markup import escape

    return escape(text)


def _pdf(tree: bytes, meta: Metadata) -> bytes:
    """Compile the tree to PDF/A-2b through Typst, in a folder that holds nothing else.

    Typst reads files only below the folder of its source, so there is nothing for it to find.
    """
    import typst

    source = _run_pandoc(tree, ["--from=json", "--to=typst", "--standalone"], "pdf", meta)
    # pandoc escapes Typst's other shorthands (--, quotes, //) but not ..., which Typst would
    # print as an ellipsis; text stays exactly as written. Pandoc's own template has none.
    source = source.replace(b"...", b"..\\.")
    moment = dt.datetime(meta.day.year, meta.day.month, meta.day.day, tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory(prefix="utvikling-typst-") as folder:
        main = Path(folder) / "document.typ"
        main.write_bytes(source)
        try:
            data = typst.compile(str(main), pdf_standards=PDF_STANDARD, timestamp=moment)
        except Exception:  # the compiler's own error type, or anything it raises
            raise _failed("pdf", meta, "Typst") from None
    if not isinstance(data, bytes):
        raise _failed("pdf", meta, "Typst")
    return data


def pdf_bytes(markdown: str, meta: Metadata) -> bytes:
    """Compile Markdown to PDF/A-2b through Typst, with title, author, date and language."""
    return _pdf(document_tree(markdown, meta, "pdf"), meta)
