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
import os
import subprocess
import tempfile
import threading
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
    marking: str = ""
    """The marking of an internal working document, on every page; empty for a public one."""

    @property
    def date_text(self) -> str:
        """The document date in Norwegian words: «1. desember 2026»."""
        from babel.dates import format_date

        return str(format_date(self.day, format="long", locale=self.lang))


@dataclass(frozen=True)
class HouseStyle:
    """The house style's files: the built-in ones, or a municipality's own where it has them."""

    description: dict[str, Any]
    """``templates/style/house.yaml``: page, fonts, sizes, colours, words."""
    typst: Path
    reference_doc: Path
    css: Path | None = None
    """A municipality's own stylesheet; None: the one made from the description."""
    logo: Path | None = None
    """The coat of arms or logo (``logo.png``, ``logo.svg`` …) of the repository's templates."""


STYLE_FOLDER = "style"
LOGO_NAMES = ("logo.svg", "logo.png", "logo.jpg", "kommunevapen.svg", "kommunevapen.png")


def house_style(search_path: Sequence[Path] = ()) -> HouseStyle:
    """The house style: each file from the first template folder that has it, else built-in.

    A municipality's ``reference.docx``, ``house.typ``, ``house.css`` and logo sit in its
    templates folder (``templates/`` of the repository, or ``--templates``).
    """
    from utvikling.render.environment import BUILTIN_TEMPLATES
    from utvikling.yamlsafe import parse

    builtin = BUILTIN_TEMPLATES / STYLE_FOLDER

    def own(*names: str) -> Path | None:
        for folder in search_path:
            for name in names:
                for candidate in (folder / name, folder / STYLE_FOLDER / name):
                    try:
                        real = candidate.resolve(strict=True)
                        inside = real.is_relative_to(folder.resolve(strict=True))
                    except (OSError, RuntimeError):
                        continue
                    if inside and real.is_file():
                        return candidate
        return None

    description = parse((builtin / "house.yaml").read_bytes()).data
    return HouseStyle(
        description=dict(description),
        typst=own("house.typ") or builtin / "house.typ",
        reference_doc=own("reference.docx") or builtin / "reference.docx",
        css=own("house.css"),
        logo=own(*LOGO_NAMES),
    )


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
        "date": text(meta.date_text),
        "lang": text(f"{meta.lang}-NO"),
        "subject": text(meta.provenance),
        "utvikling-kilde": text(meta.provenance),
        "utvikling-dato": text(meta.day.isoformat()),
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
    style: HouseStyle | None = None,
) -> dict[str, bytes]:
    """Convert one rendered Markdown document to each of ``formats`` (not ``md``), in memory.

    Every format gets the house style (``style``, default the built-in one): the letterhead,
    the header with the title and the authority, «Side N av M» and the date in the footer, the
    internal marking (``meta.marking``) on every page. The provenance is in the metadata only.

    Raises:
        ConverterError: pandoc or Typst failed; the message names the format and document.
    """
    _, _, body = split_document(markdown_text)
    wanted = [f for f in formats if f != "md"]
    if not wanted:
        return {}
    style = style or house_style()
    if reference_doc is not None:
        from dataclasses import replace

        style = replace(style, reference_doc=reference_doc)
    tree = document_tree(body, meta, wanted[0])
    produced: dict[str, bytes] = {}
    for fmt in wanted:
        if fmt == "html":
            fragment = _run_pandoc(tree, ["--from=json", "--to=html5"], fmt, meta)
            produced[fmt] = html_page(fragment.decode("utf-8"), meta, style).encode("utf-8")
        elif fmt == "docx":
            made = _run_pandoc(
                tree,
                ["--from=json", "--to=docx", f"--reference-doc={style.reference_doc}"],
                fmt,
                meta,
            )
            produced[fmt] = fill_docx(made, meta, style.logo)
        elif fmt == "pdf":
            produced[fmt] = _pdf(tree, meta, style)
    return produced


def export_set(
    items: Sequence[tuple[str, Metadata]],
    formats: Sequence[str],
    *,
    style: HouseStyle | None = None,
) -> list[dict[str, bytes]]:
    """Convert the documents of a set (Markdown text and metadata each), in memory.

    The same conversions as :func:`export_bytes`, with fewer converter runs: pandoc reads all
    the documents at once (one run, split again at a marker no record text can hold) and writes
    their HTML and their Typst at once; each DOCX is its own run, side by side; one Typst
    compiler makes every PDF. Should a joint run fail, each document is converted alone, so
    the error names the document it is about.

    Raises:
        ConverterError: pandoc or Typst failed; the message names the format and document.
    """
    wanted = [f for f in formats if f != "md"]
    if not wanted:
        return [{} for _ in items]
    style = style or house_style()
    if len(items) > 1:
        try:
            return _export_together(items, wanted, style)
        except ConverterError:
            pass
    return [export_bytes(text, formats, meta, style=style) for text, meta in items]


def _is_marker(block: Any, token: str) -> bool:
    return (
        isinstance(block, dict)
        and block.get("t") in ("Para", "Plain")
        and block.get("c") == [{"t": "Str", "c": token}]
    )


def _export_together(
    items: Sequence[tuple[str, Metadata]], wanted: Sequence[str], style: HouseStyle
) -> list[dict[str, bytes]]:
    import secrets
    from concurrent.futures import ThreadPoolExecutor

    token = "utvikling" + secrets.token_hex(12)
    first = items[0][1]
    bodies = [split_document(text)[2] for text, _ in items]
    joined = f"\n\n{token}\n\n".join(bodies).encode("utf-8")
    raw = _run_pandoc(
        joined, [f"--from={READER}", "--to=json", "--shift-heading-level-by=-1"], wanted[0], first
    )
    try:
        tree = json.loads(raw)
    except ValueError:
        raise _failed(wanted[0], first, "pandoc") from None
    parts: list[list[Any]] = [[]]
    for block in tree.get("blocks", []):
        if _is_marker(block, token):
            parts.append([])
        else:
            parts[-1].append(block)
    if len(parts) != len(items):
        raise _failed(wanted[0], first, "pandoc")
    narrowed = [_narrow(part)[0] for part in parts]
    marker = {"t": "Para", "c": [{"t": "Str", "c": token}]}

    def joint(fmt: str, args: list[str], separator: str) -> list[str]:
        blocks: list[Any] = []
        for number, part in enumerate(narrowed):
            blocks += ([marker] if number else []) + part
        source = json.dumps({**tree, "meta": _meta(first), "blocks": blocks}, ensure_ascii=False)
        made = _run_pandoc(source.encode("utf-8"), ["--from=json", *args], fmt, first)
        pieces = made.decode("utf-8").split(separator)
        if len(pieces) != len(items):
            raise _failed(fmt, first, "pandoc")
        return pieces

    def one_docx(index: int) -> bytes:
        meta = items[index][1]
        source = json.dumps(
            {**tree, "meta": _meta(meta), "blocks": narrowed[index]}, ensure_ascii=False
        )
        made = _run_pandoc(
            source.encode("utf-8"),
            ["--from=json", "--to=docx", f"--reference-doc={style.reference_doc}"],
            "docx",
            meta,
        )
        return fill_docx(made, meta, style.logo)

    produced: list[dict[str, bytes]] = [{} for _ in items]
    with ThreadPoolExecutor(max_workers=max(1, min(len(items), os.cpu_count() or 1))) as pool:
        docx_jobs = (
            [pool.submit(one_docx, i) for i in range(len(items))] if "docx" in wanted else []
        )
        html_job = (
            pool.submit(joint, "html", ["--to=html5"], f"<p>{token}</p>")
            if "html" in wanted
            else None
        )
        typst_job = (
            pool.submit(joint, "pdf", ["--to=typst"], f"\n{token}\n") if "pdf" in wanted else None
        )
        if html_job is not None:
            for index, fragment in enumerate(html_job.result()):
                page = html_page(fragment.strip("\n") + "\n", items[index][1], style)
                produced[index]["html"] = page.encode("utf-8")
        for index, job in enumerate(docx_jobs):
            produced[index]["docx"] = job.result()
        if typst_job is not None:
            for index, body in enumerate(typst_job.result()):
                produced[index]["pdf"] = _compile_typst(
                    body.encode("utf-8"), items[index][1], style
                )
    return [{fmt: done[fmt] for fmt in wanted if fmt in done} for done in produced]


def _css(description: dict[str, Any]) -> str:
    """The stylesheet of HTML documents, made from the house style's description."""
    font, size, color = description["font"], description["size_pt"], description["color"]
    page = description["page"]

    def stack(names: list[str], generic: str) -> str:
        return ", ".join([*(f'"{n}"' for n in names), generic])

    return f"""
body {{ font-family: {stack(font["body"], "serif")}; font-size: {size["body"]}pt;
  color: {color["text"]}; max-width: 46em; margin: 2em auto; padding: 0 1.5em;
  line-height: 1.45; }}
h1, h2, h3, .authority {{ font-family: {stack(font["headings"], "sans-serif")}; }}
h1 {{ font-size: {size["h1"]}pt; margin-top: 1.6em; }}
h2 {{ font-size: {size["h2"]}pt; margin-top: 1.3em; }}
h3 {{ font-size: {size["h3"]}pt; }}
header {{ border-bottom: 0.8pt solid {color["rule"]}; margin-bottom: 1.5em; }}
header .authority {{ font-size: {size["letterhead"]}pt; font-weight: bold; margin: 0; }}
header .authority img {{ height: 1.5cm; vertical-align: middle; margin-right: 0.5em; }}
header h1.title {{ font-size: {size["title"]}pt; margin: 0.6em 0 0.2em; }}
header .date {{ font-size: {size["small"] + 1}pt; margin: 0 0 0.8em; }}
.marking {{ background: {color["marking_fill"]}; color: {color["marking_text"]};
  border: 2px solid {color["marking_line"]}; padding: 0.6em 0.9em; font-weight: bold;
  font-size: {size["body"]}pt; }}
blockquote {{ margin: 1em 0; padding: 0.5em 1em; background: {color["marking_fill"]};
  border-left: 4px solid {color["marking_line"]}; color: inherit; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ padding: 0.3em 0.6em; text-align: left; vertical-align: top; }}
thead th {{ border-bottom: 1px solid {color["rule"]}; }}
@page {{ size: {page["size"]}; margin: {page["margin_top_cm"]}cm {page["margin_side_cm"]}cm
  {page["margin_bottom_cm"]}cm; }}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; }}
  h1, h2, h3 {{ break-after: avoid; }}
  table, li {{ break-inside: avoid; }}
}}
""".strip()


def _css_string(text: str) -> str:
    """Text as a CSS string: quotes, backslashes and line ends escaped, nothing else special."""
    escaped = "".join(
        f"\\{ord(c):06x}" if c in '"\\' or ord(c) < 0x20 or c in "<>&" else c for c in text
    )
    return f'"{escaped}"'


def _print_marking(meta: Metadata, description: dict[str, Any]) -> str:
    """Print CSS: the marking in the top margin of every printed page, «Side N av M» and the date.

    The page's margin boxes hold them, so they never cover the text.
    """
    size, color = description["size_pt"], description["color"]
    words = description["words"].get(meta.lang) or description["words"]["nb"]
    foot = (
        f"@bottom-left {{ content: {_css_string(words['page'] + ' ')} counter(page) "
        f"{_css_string(' ' + words['of'] + ' ')} counter(pages); "
        f"font-size: {size['small']}pt; }}\n"
        f"  @bottom-right {{ content: {_css_string(meta.date_text)}; "
        f"font-size: {size['small']}pt; }}"
    )
    top = ""
    if meta.marking:
        top = (
            f"  @top-center {{ content: {_css_string(meta.marking)}; "
            f"color: {color['marking_text']}; background: {color['marking_fill']}; "
            f"border: 1pt solid {color['marking_line']}; font-weight: bold; "
            f"font-size: {size['small']}pt; padding: 2pt 5pt; }}\n"
        )
    return (
        "\n@media print {\n"
        + ("  .marking { display: none; }\n" if meta.marking else "")
        + f"  @page {{\n{top}  {foot}\n  }}\n}}"
    )


def html_page(fragment: str, meta: Metadata, style: HouseStyle) -> str:
    """The whole HTML page around pandoc's fragment: our head, letterhead, banner and style.

    Every value is escaped here; the provenance and dates are in ``<meta>`` only.
    """
    import base64
    import html

    from utvikling._version import __version__

    def e(value: str) -> str:
        return html.escape(value, quote=True)

    css = _css(style.description)
    if style.css is not None:
        css = style.css.read_text(encoding="utf-8")
    css += _print_marking(meta, style.description)
    css = css.replace("</", "<\\/")
    logo = ""
    if style.logo is not None:
        kind = "svg+xml" if style.logo.suffix == ".svg" else style.logo.suffix.lstrip(".")
        data = base64.b64encode(style.logo.read_bytes()).decode("ascii")
        logo = f'<img src="data:image/{kind};base64,{data}" alt="" />'
    marking = f'<p class="marking" role="note">{e(meta.marking)}</p>\n' if meta.marking else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(meta.lang)}-NO">\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f"<title>{e(meta.title)}</title>\n"
        f'<meta name="author" content="{e(meta.author)}" />\n'
        f'<meta name="dcterms.date" content="{meta.day.isoformat()}" />\n'
        f'<meta name="generator" content="utvikling {e(__version__)}" />\n'
        f'<meta name="utvikling:kilde" content="{e(meta.provenance)}" />\n'
        f"<style>\n{css}\n</style>\n</head>\n<body>\n"
        f'<header id="title-block-header">\n{marking}'
        f'<p class="authority">{logo}{e(meta.author)}</p>\n'
        f'<h1 class="title">{e(meta.title)}</h1>\n'
        f'<p class="date">{e(meta.date_text)}</p>\n</header>\n'
        f"{fragment}</body>\n</html>\n"
    )


_PLACEHOLDER_PARTS = ("word/header", "word/footer")


_LOGO_HEIGHT_EMU = 540_000
"""The logo's height in the DOCX letterhead: 1.5 cm (360,000 EMU to the centimetre)."""


def _image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG or JPEG image, from its header; None for anything else."""
    import struct

    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width and height else None
    if data[:2] == b"\xff\xd8":
        index = 2
        while index + 9 < len(data):
            if data[index] != 0xFF:
                return None
            marker = data[index + 1]
            length = struct.unpack(">H", data[index + 2 : index + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[index + 5 : index + 9])
                return (width, height) if width and height else None
            index += 2 + length
    return None


def _logo_run(width: int, height: int) -> str:
    """A run holding the logo, inline, 1.5 cm high (the picture's relationship is rIdLogo)."""
    cy = _LOGO_HEIGHT_EMU
    cx = max(1, round(cy * width / height))
    pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="114300">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="9001" name="Logo"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<a:graphicData uri="{pic}"><pic:pic xmlns:pic="{pic}">'
        '<pic:nvPicPr><pic:cNvPr id="9001" name="logo"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch>'
        '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
        "</w:drawing></w:r>"
        '<w:r><w:t xml:space="preserve">  </w:t></w:r>'
    )


def fill_docx(data: bytes, meta: Metadata, logo: Path | None = None) -> bytes:
    """Fill the house style's placeholders in the DOCX header and footer.

    With this document's title, authority, date and marking; a paragraph left without a
    marking is removed. A municipality's own reference document without placeholders is left
    as it is.
    """
    import io
    import re
    import zipfile
    from xml.sax.saxutils import escape as xml_escape

    values = {
        "[[title]]": meta.title,
        "[[authority]]": meta.author,
        "[[date]]": meta.date_text,
        "[[marking]]": meta.marking,
    }
    source = zipfile.ZipFile(io.BytesIO(data))
    picture = logo.read_bytes() if logo is not None else b""
    size = _image_size(picture) if picture else None  # an SVG logo stays out of the DOCX
    kind = "png" if picture[:4] == b"\x89PNG" else "jpeg"
    extension = "png" if kind == "png" else "jpeg"
    with_logo: list[str] = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith(_PLACEHOLDER_PARTS) and b"[[" in content:
                text = content.decode("utf-8")
                name = info.filename.rsplit("/", 1)[1]
                free = f"word/_rels/{name}.rels" not in source.namelist()
                if size is not None and free and "[[authority]]" in text and "Letterhead" in text:
                    text = text.replace(
                        "<w:r><w:t>[[authority]]</w:t></w:r>",
                        _logo_run(*size) + "<w:r><w:t>[[authority]]</w:t></w:r>",
                        1,
                    )
                    with_logo.append(info.filename)
                if not meta.marking:
                    text = re.sub(
                        r"<w:p\b(?:(?!</w:p>).)*?\[\[marking\]\](?:(?!</w:p>).)*?</w:p>",
                        "",
                        text,
                        flags=re.S,
                    )
                for key, value in values.items():
                    text = text.replace(key, xml_escape(value))
                content = text.encode("utf-8")
            if size is not None and info.filename == "[Content_Types].xml":
                types = content.decode("utf-8")
                if f'Extension="{extension}"' not in types:
                    default = f'<Default Extension="{extension}" ContentType="image/{kind}"/>'
                    types = types.replace("</Types>", default + "</Types>", 1)
                content = types.encode("utf-8")
            target.writestr(info, content)
        if with_logo:
            target.writestr(f"word/media/utvikling-logo.{extension}", picture)
            for part in with_logo:
                name = part.rsplit("/", 1)[1]
                relations = (
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'relationships"><Relationship Id="rIdLogo" Type="http://schemas.'
                    'openxmlformats.org/officeDocument/2006/relationships/image" '
                    f'Target="media/utvikling-logo.{extension}"/></Relationships>'
                )
                target.writestr(f"word/_rels/{name}.rels", relations)
    return out.getvalue()


def _pdf(tree: bytes, meta: Metadata, style: HouseStyle | None = None) -> bytes:
    """Compile the tree to PDF/A-2b through Typst, with the house style (see :func:`_typst`)."""
    data = _typst(tree, meta, style)
    assert isinstance(data, bytes)
    return data


def _typst(
    tree: bytes, meta: Metadata, style: HouseStyle | None = None, *, ppi: float | None = None
) -> bytes | list[bytes]:
    """Compile the tree with the house style: PDF/A-2b, or PNG pages when ``ppi`` is given.

    The Typst source is pandoc's body behind our own preamble (``house.typ``); every value of
    the document (title, authority, date, marking, provenance) reaches it through
    ``sys.inputs``, never as source text. Typst reads files only below its root, a folder that
    holds the house style and the logo and nothing else.
    """
    style = style or house_style()
    body = _run_pandoc(tree, ["--from=json", "--to=typst"], "pdf", meta)
    made: bytes | list[bytes] = _compile_typst(body, meta, style, ppi=ppi)
    return made


def _compile_typst(
    body: bytes, meta: Metadata, style: HouseStyle, *, ppi: float | None = None
) -> Any:
    """Compile pandoc's Typst body behind the house style's preamble (see :func:`_typst`)."""
    # pandoc escapes Typst's other shorthands (--, quotes, //) but not ..., which Typst would
    # print as an ellipsis; text stays exactly as written.
    body = body.replace(b"...", b"..\\.")
    # pandoc centres every table and, with it, the text of its cells; ours stand on the left.
    # (Record text never holds this: its # is escaped.)
    body = body.replace(b"align(center)[#table(", b"align(left)[#table(")
    source = b'#import "house.typ": house, horizontalrule\n#show: house\n\n' + body
    moment = dt.datetime(meta.day.year, meta.day.month, meta.day.day, tzinfo=dt.UTC)
    compiler, root = _typst_compiler(style)
    inputs = {
        "style": json.dumps(style.description, ensure_ascii=False, default=str),
        "title": meta.title,
        "authority": meta.author,
        "date": meta.date_text,
        "marking": meta.marking,
        "provenance": meta.provenance,
        "keywords": "utvikling",
        "lang": meta.lang,
        "logo": f"logo{style.logo.suffix}" if style.logo is not None else "",
    }
    try:
        with _TYPST_LOCK:  # one compiler, one document at a time
            if ppi is not None:
                images = compiler.compile(input=source, format="png", ppi=ppi, sys_inputs=inputs)
                return images if isinstance(images, list) else [images]
            data = compiler.compile(
                input=source, pdf_standards=PDF_STANDARD, timestamp=moment, sys_inputs=inputs
            )
    except Exception:  # the compiler's own error type, or anything it raises
        raise _failed("pdf", meta, "Typst") from None
    if not isinstance(data, bytes):
        raise _failed("pdf", meta, "Typst")
    del root
    return data


def page_images(markdown_text: str, meta: Metadata, style: HouseStyle, ppi: float) -> list[bytes]:
    """The pages of a document as the PDF shows them, as PNG images (for the documentation)."""
    _, _, body = split_document(markdown_text)
    images = _typst(document_tree(body, meta, "pdf"), meta, style, ppi=ppi)
    assert isinstance(images, list)
    return images


_COMPILERS: dict[tuple[str, str], tuple[Any, Path]] = {}
_TYPST_LOCK = threading.Lock()


def _typst_compiler(style: HouseStyle) -> tuple[Any, Path]:
    """One Typst compiler (and one font set) per house style and process, in its own folder.

    The folder holds the house style and the logo and nothing else; it is removed when the
    process ends.
    """
    key = (str(style.typst), str(style.logo))
    with _TYPST_LOCK:
        return _COMPILERS.get(key) or _new_compiler(key, style)


def _new_compiler(key: tuple[str, str], style: HouseStyle) -> tuple[Any, Path]:
    import atexit
    import shutil

    import typst

    if key not in _COMPILERS:
        folder = Path(tempfile.mkdtemp(prefix="utvikling-typst-"))
        atexit.register(shutil.rmtree, folder, True)
        shutil.copyfile(style.typst, folder / "house.typ")
        if style.logo is not None:
            shutil.copyfile(style.logo, folder / f"logo{style.logo.suffix}")
        compiler = typst.Compiler(root=str(folder), ignore_system_fonts=True)
        _COMPILERS[key] = (compiler, folder)
    return _COMPILERS[key]


def pdf_bytes(markdown: str, meta: Metadata) -> bytes:
    """Compile Markdown to PDF/A-2b through Typst, with title, author, date and language."""
    return _pdf(document_tree(markdown, meta, "pdf"), meta)
