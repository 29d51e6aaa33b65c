"""Hostile record text through every document in every format: shown as text, never as markup.

One fixture per attack class in ``tests/fixtures/hostile/``. Every fixture is planted in the
free-text fields of the bokmål example (the agreement answers, the settings, the meeting, the
evaluations, the plan and the minutes), each field getting one fixture in turn, and every
document (agreement draft, both agenda variants, both minutes) is made as Markdown, HTML, DOCX
and PDF/A. The output must show each fixture's text literally, have exactly the structure the
templates give the unplanted example (the golden files), embed no file and link nowhere.
"""

from __future__ import annotations

import html.parser
import json
import re
import subprocess
import types
import typing
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, FIXTURES, GOLDEN, TODAY
from utvikling.cli import app
from utvikling.models import RECORD_KINDS
from utvikling.records.emit import emit
from utvikling.yamlsafe import parse

docx = pytest.importorskip("docx")
pypdf = pytest.importorskip("pypdf")

HOSTILE = {p.stem: p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "hostile").iterdir())}
KEPT = {
    "supersedes",
    "superseded_by",
    "based_on",
    "plan_under_review",
    "id",
    "goal",
    "time",
    "org_number",
    "number",
    "case_number",
}
"""Fields that name other records or are parsed: they stay as they are."""

DOCUMENTS = {
    "avtaleutkast-2027-01-01": "agreement-fjordvik-nb.md",
    "samtale-2026-09-15-forberedelse-intern": "agenda-fjordvik-kommune-intern.md",
    "samtale-2026-09-15-saksliste": "agenda-fjordvik-kommune-offentlig.md",
    "referat-2026-09-15-intern": "minutes-fjordvik-intern.md",
    "referat-2026-09-15": "minutes-fjordvik-offentlig.md",
}
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c63f8cfc0f01f0005000201a5b1a9a40000000049454e44ae426082"
)


def _free_text(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if annotation is str:
        return True
    if origin is typing.Annotated:
        return _free_text(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return len(args) == 1 and _free_text(args[0])
    return False


class Planter:
    """Hands out the fixtures in turn, so every one lands in fields of every document."""

    def __init__(self) -> None:
        self.count = 0

    def text(self) -> str:
        names = sorted(HOSTILE)
        self.count += 1
        return HOSTILE[names[self.count % len(names)]]

    def plant(self, data: dict[str, Any], model: Any) -> dict[str, Any]:
        from pydantic import BaseModel

        from utvikling.records.load import _unwrap

        data = dict(data)
        for name, info in model.model_fields.items():
            value = data.get(name)
            if name in KEPT or value is None:
                continue
            if isinstance(value, str) and _free_text(info.annotation):
                data[name] = self.text()
                continue
            nested = _unwrap(info.annotation)
            if isinstance(nested, type) and issubclass(nested, BaseModel):
                if isinstance(value, list):
                    data[name] = [
                        self.plant(v, nested) if isinstance(v, dict) else v for v in value
                    ]
                elif isinstance(value, dict):
                    data[name] = self.plant(value, nested)
        return data


def _plant_file(path: Path, kind: str, planter: Planter) -> None:
    model = RECORD_KINDS[kind]
    data = planter.plant(parse(path.read_bytes()).data, model)
    if kind == "minutes" and isinstance(data.get("reported"), dict):
        data["reported"].pop("content_sha256", None)
    path.write_text(emit(model, data), encoding="utf-8")


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> Path:
    import shutil

    from typer.testing import CliRunner

    runner = CliRunner()
    root = tmp_path_factory.mktemp("hostile") / "fjordvik-kommune"
    shutil.copytree(EXAMPLES / "fjordvik-kommune", root)
    (root / "conversations" / "2026-09-15" / "bilde.png").write_bytes(PNG)  # a file to steal
    (root / "bilde.png").write_bytes(PNG)
    planter = Planter()
    folder = root / "conversations" / "2026-09-15"
    for name, kind in [
        ("meeting.yaml", "meeting"),
        ("input.yaml", "input"),
        ("self-evaluation.yaml", "self_evaluation"),
        ("evaluation.yaml", "evaluation"),
        ("minutes.yaml", "minutes"),
    ]:
        _plant_file(folder / name, kind, planter)
    _plant_file(root / "plans" / "2026.yaml", "plan", planter)
    answers = root.parent / "answers.yaml"
    answers.write_bytes((EXAMPLES / "fjordvik-agreement-answers.yaml").read_bytes())
    _plant_file(answers, "agreement", planter)
    formats = ["-f", "html", "-f", "docx", "-f", "pdf"]
    import os

    here = Path.cwd()
    os.chdir(root)
    try:
        for command, codes in [
            (
                [
                    "new-agreement",
                    "--answers",
                    str(answers),
                    "--supersedes",
                    "2024-03-01",
                    "--no-input",
                ],
                (0,),
            ),
            (["prepare-conversation", "2026-09-15"], (0, 1)),
            (["render-minutes", "2026-09-15", "--draft"], (0,)),
        ]:
            result = runner.invoke(app, [*command, "--today", TODAY, *formats])
            assert result.exit_code in codes, result.output
            assert "Traceback" not in result.output
    finally:
        os.chdir(here)
    return root / "dokumenter"


def _words(text: str, *, pdf: bool = False) -> str:
    """Text without whitespace; for a PDF also without hyphens (Typst hyphenates long words)."""
    text = "".join(text.split())
    return text.replace("-", "").replace("\u2010", "") if pdf else text


def _page_body(text: str) -> str:
    """A PDF page's text without its running header and footer (the marking, the title, the
    page number and date), which fall between the lines of a value that runs over a page."""
    lines = text.splitlines()
    return "\n".join(line for line in lines if not line.strip().isdigit())


def _fixture_lines(name: str) -> list[str]:
    """The lines of a fixture as a reader sees them (each one must be in the output)."""
    return [" ".join(line.split()) for line in HOSTILE[name].splitlines() if line.strip()]


class Tags(html.parser.HTMLParser):
    """The tags, attributes and text of a page's body, after the title block pandoc adds."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.in_body = False
        self.in_header = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.in_body = True
        elif tag == "header":
            self.in_header = True
        elif self.in_body and not self.in_header:
            self.tags.append(tag)
            self.attributes += attrs

    def handle_endtag(self, tag: str) -> None:
        if tag == "header":
            self.in_header = False

    def handle_data(self, data: str) -> None:
        if self.in_body and not self.in_header:
            self.text.append(data)


def _structure(markdown: str) -> list[str]:
    """The tags the templates give a document: its golden Markdown, converted the same way."""
    from utvikling.render.export import READER

    done = subprocess.run(
        [
            __import__("pypandoc").get_pandoc_path(),
            f"--from={READER}",
            "--to=html5",
            "--shift-heading-level-by=-1",
        ],
        input=markdown.encode("utf-8"),  # the provenance is in the metadata, not on the page
        capture_output=True,
        check=True,
    )
    parser = Tags()
    parser.in_body = True
    parser.feed(done.stdout.decode("utf-8"))
    return parser.tags


@pytest.mark.parametrize("stem", sorted(DOCUMENTS))
def test_html_shows_the_text_and_only_the_templates_structure(documents: Path, stem: str):
    page = (documents / f"{stem}.html").read_text(encoding="utf-8")
    parser = Tags()
    parser.feed(page)
    golden = (GOLDEN / DOCUMENTS[stem]).read_text(encoding="utf-8")
    title, _, body = golden.partition("\n")
    expected = _structure(body if title.startswith("# ") else golden)
    layout = {"br", "colgroup", "col"}  # line breaks, and the column widths of long cells
    assert [t for t in parser.tags if t not in layout] == [t for t in expected if t not in layout]
    for name, value in parser.attributes:
        if name == "type":  # a numbered list of the template's own (<ol type="1">)
            assert value in ("1", "a", "A", "i", "I"), value
            continue
        assert name in ("id", "class", "style") or name.startswith("aria-"), (name, value)
        assert "javascript" not in (value or "") and "example.invalid" not in (value or "")
    head = page.partition("<body")[0]
    # The document's title (which may carry a record value such as the position's title) is
    # the one place record text may stand in the head: as escaped text inside <title>.
    before, _, rest = head.partition("<title>")
    title_text, _, after = rest.partition("</title>")
    assert "<" not in title_text and ">" not in title_text
    head = before + after
    assert "example.invalid" not in head and "<script" not in head and "<link" not in head
    assert "Forfalsket tittel" not in head and "3pt" not in head
    text = _words("".join(parser.text))
    planted = [name for name in HOSTILE if _words(_fixture_lines(name)[0]) in text]
    assert planted, "the fixtures are planted in this document"
    for name in planted:
        for line in _fixture_lines(name):
            assert _words(line) in text, (name, line)


@pytest.mark.parametrize("stem", sorted(DOCUMENTS))
def test_docx_embeds_nothing_links_nowhere_and_keeps_the_templates_structure(
    documents: Path, stem: str
):
    path = documents / f"{stem}.docx"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        xml = archive.read("word/document.xml").decode("utf-8")
        relations = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    assert not [n for n in names if n.startswith("word/media/")], "a file was embedded"
    for forbidden in ("<w:drawing", "<w:hyperlink", "<w:fldSimple", "<w:instrText", "altChunk"):
        assert forbidden not in xml, forbidden
    assert 'TargetMode="External"' not in relations
    document = docx.Document(str(path))
    html_tags = Tags()
    html_tags.feed((documents / f"{stem}.html").read_text(encoding="utf-8"))
    headings = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) == sum(1 for t in html_tags.tags if re.fullmatch(r"h[1-6]", t))
    assert len(document.tables) == html_tags.tags.count("table")
    assert "forfalsket stil" not in [p.text for p in document.paragraphs if p.style.name == "Title"]
    text = _words(
        " ".join(
            [p.text for p in document.paragraphs]
            + [c.text for t in document.tables for r in t.rows for c in r.cells]
        )
    )
    for name in HOSTILE:
        if _words(_fixture_lines(name)[0]) in text:
            for line in _fixture_lines(name):
                assert _words(line) in text, (name, line)


@pytest.mark.parametrize("stem", sorted(DOCUMENTS))
def test_pdf_shows_the_text_runs_no_code_and_embeds_nothing(documents: Path, stem: str):
    path = documents / f"{stem}.pdf"
    raw = path.read_bytes()
    assert b"/URI" not in raw and b"/Subtype /Image" not in raw and b"/Subtype/Image" not in raw
    reader = pypdf.PdfReader(str(path))
    text = _words(" ".join(_page_body(page.extract_text()) for page in reader.pages), pdf=True)
    html_tags = Tags()
    html_tags.feed((documents / f"{stem}.html").read_text(encoding="utf-8"))
    outline = reader.outline
    flat = json.dumps(outline, default=str).count("/Title")
    assert flat == sum(1 for t in html_tags.tags if re.fullmatch(r"h[1-6]", t))
    for name in HOSTILE:
        if _words(_fixture_lines(name)[0], pdf=True) in text:
            for line in _fixture_lines(name):
                assert _words(line, pdf=True) in text, (name, line)


def test_a_forged_line_stays_inside_the_value_it_came_with(documents: Path):
    """A line a person wrote stays a line of that value (after a hard line break), never a
    heading or a paragraph of its own that could pass for the template's approval line."""
    for stem, golden in DOCUMENTS.items():
        lines = (documents / f"{stem}.md").read_text(encoding="utf-8").splitlines()
        headings = [line for line in lines if line.startswith("#")][1:]
        expected = [line for line in (GOLDEN / golden).read_text("utf-8").splitlines()]
        assert len(headings) == len([line for line in expected if line.startswith("#")][1:])
        for before, line in zip(lines, lines[1:], strict=False):
            if line.startswith("Godkjent av kommunestyret 1. januar 2027."):
                assert before.endswith("\\"), (stem, before, line)


def test_escaping_alone_stops_every_fixture():
    """The first wall without the second: escaped fixtures read by pandoc's most permissive
    Markdown (raw HTML and TeX, metadata blocks, attributes, citations, math all on), no
    sandbox, no narrowing: nothing but text comes out."""
    from utvikling.render.markup import escape, finish

    markdown = "\n\nSKILLE\n\n".join(finish(escape(text)) for text in HOSTILE.values())
    done = subprocess.run(
        [__import__("pypandoc").get_pandoc_path(), "--from=markdown-smart", "--to=json"],
        input=markdown.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    tree = json.loads(done.stdout)
    assert tree["meta"] == {}
    inlines = {"Str", "Space", "SoftBreak", "LineBreak"}
    for block in tree["blocks"]:
        assert block["t"] == "Para", block["t"]
        assert {inline["t"] for inline in block["c"]} <= inlines


def test_the_converters_alone_stop_files_links_code_and_metadata(tmp_path, monkeypatch):
    """The second wall without the first: the fixtures unescaped, straight into the
    converters. Forged headings and lists get through (only escaping can tell them from the
    template's), but no file, image, link, script, raw block, Typst or TeX code, or metadata."""
    import datetime as dt

    from utvikling.render.export import Metadata, export_bytes

    (tmp_path / "conversations" / "2026-09-15").mkdir(parents=True)
    (tmp_path / "conversations" / "2026-09-15" / "bilde.png").write_bytes(PNG)
    (tmp_path / "bilde.png").write_bytes(PNG)
    monkeypatch.chdir(tmp_path)  # where pandoc would find the images without its sandbox
    markdown = "# Tittel\n\n" + "\n\n".join(HOSTILE.values())
    meta = Metadata("Tittel", "Fjordvik kommune", "nb", dt.date(2026, 11, 23), "herkomst")
    out = export_bytes(markdown, ["html", "docx", "pdf"], meta)
    page = out["html"].decode("utf-8")
    for forbidden in ("<img", "<a ", "<script", "<link", "<iframe", "<math", "<code", "<div"):
        assert forbidden not in page, forbidden
    parser = Tags()
    parser.feed(page)
    for name, value in parser.attributes:
        assert name in ("id", "class", "style"), (name, value)
    assert "<script>alert(1)</script>" in "".join(parser.text)
    head = page.partition("<body")[0]
    assert "Forfalsket" not in head and "3pt" not in head and "example.invalid" not in head
    (tmp_path / "out.docx").write_bytes(out["docx"])
    with zipfile.ZipFile(tmp_path / "out.docx") as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]
        xml = archive.read("word/document.xml").decode("utf-8")
        relations = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "<w:hyperlink" not in xml and "<w:drawing" not in xml and "altChunk" not in xml
    assert 'TargetMode="External"' not in relations
    document = docx.Document(str(tmp_path / "out.docx"))
    assert document.core_properties.title == "Tittel"
    styles = {p.style.name for p in document.paragraphs if "forfalsket" in p.text}
    assert "Title" not in styles and "Heading 1" not in styles
    assert b"/URI" not in out["pdf"] and b"/Subtype /Image" not in out["pdf"]
    (tmp_path / "out.pdf").write_bytes(out["pdf"])
    reader = pypdf.PdfReader(str(tmp_path / "out.pdf"))
    assert reader.metadata.title == "Tittel"
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "#set text(size: 3pt)" in text  # the raw Typst block is text, not code
    assert "<script>alert(1)</script>" in text


def _fuzz_alphabet() -> Any:
    from hypothesis import strategies as st

    specials = list("#>+-=:%|*_`~^$@{}[]()!<&\\.\"'/ \n\t\r") + ["\u2028", "\x00", "\x1e", "ø"]
    pieces = st.sampled_from(specials + ["a", "1.", "---", "```", "{{", "{%", "<b>", "&lt;"])
    return st.lists(pieces, min_size=1, max_size=25).map("".join)


def test_random_record_text_through_every_document_and_format_never_crashes(tmp_path):
    """The loader's fuzz test, extended to the renderers: random text in every free-text field,
    every document made, then all of them converted to HTML, DOCX and PDF (as one document, to
    keep the budget small). A user error is fine; a traceback is not."""
    import os
    import shutil

    from hypothesis import HealthCheck, given, settings
    from typer.testing import CliRunner

    from utvikling.render.export import Metadata, export_bytes

    runner = CliRunner()
    counter = iter(range(1000))

    @settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_fuzz_alphabet())
    def run(text: str) -> None:
        import datetime as dt

        root = tmp_path / f"fuzz-{next(counter)}" / "fjordvik-kommune"
        shutil.copytree(EXAMPLES / "fjordvik-kommune", root)
        planter = Planter()
        planter.text = lambda: text  # type: ignore[method-assign]
        folder = root / "conversations" / "2026-09-15"
        for name, kind in [("meeting.yaml", "meeting"), ("minutes.yaml", "minutes")]:
            _plant_file(folder / name, kind, planter)
        answers = root.parent / "answers.yaml"
        answers.write_bytes((EXAMPLES / "fjordvik-agreement-answers.yaml").read_bytes())
        _plant_file(answers, "agreement", planter)
        here = Path.cwd()
        os.chdir(root)
        try:
            for command in (
                ["new-agreement", "--answers", str(answers), "--no-input"],
                ["prepare-conversation", "2026-09-15"],
                ["render-minutes", "2026-09-15", "--draft"],
            ):
                result = runner.invoke(app, [*command, "--today", TODAY])
                assert result.exception is None or isinstance(result.exception, SystemExit), (
                    command,
                    result.output,
                )
        finally:
            os.chdir(here)
        bodies = [p.read_text(encoding="utf-8") for p in sorted((root / "dokumenter").glob("*.md"))]
        assert bodies, "the documents were made"
        markdown = "# Alle dokumentene\n\n" + "\n\n".join(b.partition("\n")[2] for b in bodies)
        meta = Metadata("Alle dokumentene", "Fjordvik kommune", "nb", dt.date(2026, 11, 23), "x")
        out = export_bytes(markdown, ["html", "docx", "pdf"], meta)
        assert set(out) == {"html", "docx", "pdf"}

    run()


@pytest.mark.parametrize("title", ["a\x00b", "x\nstatus: adopted", "rådmann\u2028status: adopted"])
def test_the_title_in_a_new_agreements_header_comment_stays_in_its_line(title: str) -> None:
    """The header comment names the chief executive's title from the answers: a line break or
    control character in it can neither end the comment (and add a key) nor make it unreadable."""
    from utvikling import yamlsafe
    from utvikling.actions.agreement import agreement_text

    text = agreement_text({"title": title}, "nb")
    data = yamlsafe.parse(text.encode("utf-8")).data
    assert data["title"] == title
    assert data["status"] is None
    assert text.splitlines()[1].startswith("# Arbeidsavtale med lederavtale for ")
