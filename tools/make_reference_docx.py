"""Make the bundled ``templates/style/reference.docx``: the house style of DOCX documents.

Run from the top of the project (``python tools/make_reference_docx.py``); the result is the same
bytes every time (fixed timestamps, fixed order in the archive), so a change to the house style
is a reviewable change to this script. pandoc takes its styles, page size, margins, headers and
footers from this file (``--reference-doc``); ``render/export.py`` then fills the placeholders in
the header and footer (``[[title]]``, ``[[authority]]``, ``[[marking]]``, ``[[date]]``) with the
document's own values. A municipality's own ``reference.docx`` (in the repository's
``templates/`` or ``--templates``) is used instead of this one, as it stands.

python-docx writes the styles and parts; the page-number fields (``PAGE``, ``NUMPAGES``) and the
bottom border of the header are written as WordprocessingML, which python-docx has no API for.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

STYLE = Path(__file__).resolve().parent.parent / "templates" / "style"
TARGET = STYLE / "reference.docx"
FIXED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _house() -> dict[str, Any]:
    """The house style's one description, ``templates/style/house.yaml``."""
    import yaml

    data: dict[str, Any] = yaml.safe_load((STYLE / "house.yaml").read_text(encoding="utf-8"))
    return data


HOUSE = _house()
FONT = HOUSE["font"]["docx_body"]
HEADINGS_FONT = HOUSE["font"]["docx_headings"]
SIZE = HOUSE["size_pt"]
BLACK = RGBColor.from_string(HOUSE["color"]["text"].lstrip("#").upper())
MARKING = RGBColor.from_string(HOUSE["color"]["marking_text"].lstrip("#").upper())
RULE = HOUSE["color"]["rule"].lstrip("#").upper()


def _field(paragraph: Any, instruction: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice compute when they show it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _border(paragraph: Any, side: str) -> None:
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"), ("w:color", RULE)):
        line.set(qn(key), value)
    borders.append(line)
    paragraph._p.get_or_add_pPr().append(borders)


def _style(
    document: Any,
    name: str,
    *,
    size: float,
    bold: bool = False,
    font: str = FONT,
    before: float = 0,
    after: float = 6,
    color: RGBColor = BLACK,
    hidden: bool = False,
) -> Any:
    """Set (or add) a paragraph style: font, size, weight, colour and spacing."""
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        from docx.enum.style import WD_STYLE_TYPE

        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = color
    style.font.hidden = hidden
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)
    return style


def _pandoc_reference() -> bytes:
    """The reference document of pandoc itself: every style pandoc uses, and nothing more.

    (python-docx's default template carries hundreds of latent styles, which made every DOCX
    conversion three times slower.)
    """
    import subprocess

    import pypandoc

    return subprocess.run(
        [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"],
        capture_output=True,
        check=True,
    ).stdout


def build() -> bytes:
    """The reference document, as bytes that are the same on every run."""
    document = docx.Document(io.BytesIO(_pandoc_reference()))
    section = document.sections[0]
    page = HOUSE["page"]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = Cm(page["margin_top_cm"] - 0.5)
    section.bottom_margin = Cm(page["margin_bottom_cm"] - 0.2)
    section.left_margin = section.right_margin = Cm(page["margin_side_cm"])
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    section.start_type = WD_SECTION.NEW_PAGE

    normal = _style(document, "Normal", size=SIZE["body"])
    normal.paragraph_format.line_spacing = 1.15
    # The language is not set on a style: pandoc sets the document's own (nb-NO or nn-NO) as
    # the default of every style.
    for name in ("Body Text", "First Paragraph", "Compact"):
        _style(document, name, size=SIZE["body"], after=6)
    title = SIZE["title"]
    _style(document, "Title", size=title, bold=True, font=HEADINGS_FONT, before=6, after=4)
    _style(document, "Subtitle", size=SIZE["h2"], font=HEADINGS_FONT, after=4)
    _style(document, "Date", size=SIZE["small"] + 1, after=12)
    _style(document, "Author", size=SIZE["small"], after=0, hidden=True)  # the letterhead has it
    for level, before, after in ((1, 14, 4), (2, 10, 3), (3, 8, 2)):
        _style(
            document,
            f"Heading {level}",
            size=SIZE[f"h{level}"],
            bold=True,
            font=HEADINGS_FONT,
            before=before,
            after=after,
        )
    for name in ("Title", "Subtitle", "Date", "Author"):
        document.styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _style(document, "Block Text", size=SIZE["body"], before=4, after=4)
    letterhead = _style(
        document, "Letterhead", size=SIZE["letterhead"], bold=True, font=HEADINGS_FONT, after=2
    )
    letterhead.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    small = SIZE["small"]
    _style(document, "Marking", size=small, bold=True, font=HEADINGS_FONT, after=2, color=MARKING)
    _style(document, "Running", size=small, font=HEADINGS_FONT, after=0)

    # Page one: the letterhead (the authority's name) and the marking; later pages: the marking,
    # the title and the authority. Both footers: «Side N av M» and the document date.
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.paragraphs[0].text = "[[marking]]"
    first.paragraphs[0].style = document.styles["Marking"]
    _border(first.add_paragraph("[[authority]]", style="Letterhead"), "bottom")
    header = section.header
    header.paragraphs[0].text = "[[marking]]"
    header.paragraphs[0].style = document.styles["Marking"]
    running = header.add_paragraph("[[title]] – [[authority]]", style="Running")
    _border(running, "bottom")
    words = HOUSE["words"]["nb"]
    for footer in (section.first_page_footer, section.footer):
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["Running"]
        paragraph.add_run(f"{words['page']} ")
        _field(paragraph, "PAGE")
        paragraph.add_run(f" {words['of']} ")
        _field(paragraph, "NUMPAGES")
        paragraph.add_run("\t[[date]]")
        tabs = paragraph.paragraph_format.tab_stops
        tabs.add_tab_stop(Cm(16.0), alignment=2)  # right

    core = document.core_properties
    core.title, core.author, core.language = "", "", "nb-NO"
    core.created = core.modified = FIXED.replace(tzinfo=None)
    core.last_modified_by = ""
    core.revision = 1
    core.comments = "Husstilen til utvikling (tools/make_reference_docx.py)."
    raw = io.BytesIO()
    document.save(raw)
    return _reproducible(raw.getvalue())


def _reproducible(data: bytes) -> bytes:
    """The same archive with fixed timestamps and a fixed order, so every build is identical."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()


def main() -> int:
    """Write the reference document, or with ``--check`` say whether it is up to date."""
    data = build()
    if "--check" in sys.argv:
        same = TARGET.is_file() and TARGET.read_bytes() == data
        print("reference.docx is up to date" if same else "reference.docx is stale: run the script")
        return 0 if same else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
