"""Every produced document, opened as a reader would: markings, page numbers, dates, lists,
metadata, signatures, the archive metadata, and the glossary's words for every kind of authority.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, ROOT, TODAY
from utvikling.cli import app

docx = pytest.importorskip("docx")
pypdf = pytest.importorskip("pypdf")
jsonschema = pytest.importorskip("jsonschema")

INTERNAL = ("referat-2026-09-15-intern", "samtale-2026-09-15-forberedelse-intern")
MARKING = "INTERNT ARBEIDSDOKUMENT"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DATE_WORDS = "23. november 2026"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """The whole example set, every document in every format, made by one `render --all`."""
    root = tmp_path_factory.mktemp("house") / "fjordvik-kommune"
    shutil.copytree(EXAMPLES / "fjordvik-kommune", root)
    result = CliRunner().invoke(
        app,
        ["render", "--path", str(root), "--all", "--today", TODAY]
        + ["-f", "html", "-f", "docx", "-f", "pdf"],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "Dokumenter laget nå: 9; allerede oppdatert: 0."
    return root / "dokumenter"


def _stems(out: Path) -> list[str]:
    return sorted(p.stem for p in out.glob("*.md"))


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


def _docx_parts(path: Path, prefix: str) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith(prefix)
        ]


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _html_body(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    body = page.partition("<body>")[2]
    return re.sub(r"<[^>]+>", " ", body)


def test_the_set_is_every_document_of_the_example(out: Path):
    assert _stems(out) == [
        "avtale-2024-03-01",
        "referat-2025-09-16",
        "referat-2025-09-16-intern",
        "referat-2026-09-15",
        "referat-2026-09-15-intern",
        "samtale-2025-09-16-forberedelse-intern",
        "samtale-2025-09-16-saksliste",
        "samtale-2026-09-15-forberedelse-intern",
        "samtale-2026-09-15-saksliste",
    ]


def test_internal_documents_are_marked_on_every_page(out: Path):
    for stem in _stems(out):
        internal = stem.endswith("-intern")
        pages = _pages(out / f"{stem}.pdf")
        assert len(pages) >= 1
        for number, text in enumerate(pages, start=1):
            assert (MARKING in text) is internal, (stem, number)
        headers = _docx_parts(out / f"{stem}.docx", "word/header")
        assert len(headers) == 2, "page one and the following pages"
        for header in headers:
            assert (MARKING in header) is internal, stem
        page = (out / f"{stem}.html").read_text(encoding="utf-8")
        assert ('<p class="marking" role="note">' in page) is internal, stem
        assert ('@top-center { content: "INTERNT ARBEIDSDOKUMENT' in page) is internal, stem
        assert '@bottom-left { content: "Side " counter(page) " av " counter(pages)' in page
    assert len(_pages(out / f"{INTERNAL[1]}.pdf")) > 1, "the marking is seen past page one"


def test_never_withheld_as_a_whole(out: Path):
    for stem in _stems(out):
        text = (out / f"{stem}.md").read_text(encoding="utf-8")
        assert "IKKE OFFENTLIG" not in text and "Unntatt offentlighet;" not in text, stem


def test_every_page_says_side_n_av_m_and_the_date_in_words(out: Path):
    for stem in _stems(out):
        pages = _pages(out / f"{stem}.pdf")
        for number, text in enumerate(pages, start=1):
            assert f"Side {number} av {len(pages)}" in text, (stem, number)
            assert DATE_WORDS in text, (stem, number)
        for footer in _docx_parts(out / f"{stem}.docx", "word/footer"):
            assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
            assert ">Side <" in footer.replace("Side </w:t>", "Side <") or "Side " in footer
            assert DATE_WORDS in footer


def test_no_iso_date_and_no_provenance_on_the_page(out: Path):
    for stem in _stems(out):
        shown = {
            "pdf": "\n".join(_pages(out / f"{stem}.pdf")),
            "docx": _docx_text(out / f"{stem}.docx"),
            "html": _html_body(out / f"{stem}.html"),
        }
        for fmt, text in shown.items():
            assert not ISO_DATE.search(text), (stem, fmt, ISO_DATE.search(text))
            assert "sha256" not in text and "Laget av utvikling" not in text, (stem, fmt)
            assert DATE_WORDS in text, (stem, fmt)


def test_provenance_is_in_the_metadata_of_every_format(out: Path):
    for stem in _stems(out):
        reader = pypdf.PdfReader(str(out / f"{stem}.pdf"))
        assert reader.metadata.subject.startswith("Laget av utvikling"), stem
        xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
        assert "Laget av utvikling" in xmp and "pdfaid" in xmp
        document = docx.Document(str(out / f"{stem}.docx"))
        assert document.core_properties.subject.startswith("Laget av utvikling")
        (custom,) = _docx_parts(out / f"{stem}.docx", "docProps/custom.xml")
        assert 'name="utvikling-kilde"' in custom and "sha256:" in custom
        page = (out / f"{stem}.html").read_text(encoding="utf-8")
        assert re.search(
            r'<meta name="utvikling:kilde" content="Laget av utvikling [^"]+sha256', page
        )


def test_municipality_named_once_on_page_one(out: Path):
    for stem in _stems(out):
        first = _pages(out / f"{stem}.pdf")[0]
        lines = [line for line in first.splitlines() if line.strip() == "Fjordvik kommune"]
        assert len(lines) == 1, (stem, "the letterhead only")


def test_lists_are_lists_in_every_format(tmp_path):
    """The UTKAST box's open items and the numbered steps: list paragraphs, <li>, lines."""
    root = tmp_path / "fjordvik-kommune"
    shutil.copytree(EXAMPLES / "fjordvik-kommune", root)
    record = root / "agreements" / "2024-03-01.yaml"
    text = record.read_text(encoding="utf-8").replace("status: adopted", "status: draft", 1)
    text = re.sub(r"pension_and_insurance: >-\n(  .*\n)+", "", text, count=1)
    record.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["render-agreement", "--path", str(root), "--today", TODAY]
        + ["-f", "html", "-f", "docx", "-f", "pdf"],
    )
    assert result.exit_code == 0, result.output
    out = root / "dokumenter"
    items = [
        "Punkter som mangler i teksten: pensjon og forsikring.",
        "Avtalen er ikke vedtatt av kommunestyret (status: adopted og vedtaksdato i adoption).",
    ]
    steps = [
        "I en utviklingssamtale med arbeidsgiverutvalget får kommunedirektøren",
        "Partene avtaler en konkret tids- og resultatplan for forbedringstiltak.",
        "Ordføreren og kommunedirektøren har månedlige oppfølgingssamtaler",
        "Arbeidsgiverutvalget vurderer resultatet av tiltakene",
    ]
    document = docx.Document(str(out / "avtaleutkast-2024-03-01.docx"))
    listed = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    for wanted in items + steps:
        assert [p for p in listed if p.text.startswith(wanted[:40])], wanted
    page = (out / "avtaleutkast-2024-03-01.html").read_text(encoding="utf-8")
    lis = [re.sub(r"\s+", " ", li) for li in re.findall(r"<li>(.*?)</li>", page, re.S)]
    for wanted in items + steps:
        assert [li for li in lis if li.startswith(wanted[:40])], wanted
    assert re.search(r"<blockquote>.*<ul>\s*<li>Avtalen er ikke vedtatt", page, re.S)
    assert re.search(r'<ol type="1">\s*<li>I en utviklingssamtale', page)
    lines = [
        " ".join(line.split())
        for page in _pages(out / "avtaleutkast-2024-03-01.pdf")
        for line in page.splitlines()
    ]
    for number, wanted in enumerate(steps, start=1):
        assert [line for line in lines if line.startswith(f"{number}. {wanted[:30]}")], wanted
    for wanted in items:
        assert [line for line in lines if line.startswith(f"• {wanted[:30]}")], wanted


def test_the_final_agreement_has_a_signature_block_with_room_to_sign(out: Path):
    pages = _pages(out / "avtale-2024-03-01.pdf")
    last = pages[-1].splitlines()
    assert "Avtalen er vedtatt av kommunestyret 8. februar 2024, sak 24/12." in " ".join(last)
    line = next(i for i, text in enumerate(last) if "_" * 20 in text)
    assert "Kari Nordbø" in last[line + 1] and "Ingrid Solheim Aasen" in last[line + 1]
    assert "Sted og dato: 12. februar 2024" in " ".join(last[:line])
    document = docx.Document(str(out / "avtale-2024-03-01.docx"))
    rows = [[c.text for c in r.cells] for r in document.tables[-1].rows]
    assert rows[0] == ["Sted og dato: 12. februar 2024"] * 2
    assert rows[1] == rows[2] == ["\xa0", "\xa0"], "room to sign"
    assert rows[3][0].startswith("_" * 20)
    assert rows[4] == ["Kari Nordbø", "Ingrid Solheim Aasen"]
    assert rows[5] == ["Kommunestyret i Fjordvik kommune", "Arbeidstaker"]
    assert "UTKAST" not in "\n".join(pages)


def test_the_archive_metadata_is_valid_against_its_schema(out: Path):
    from utvikling.render.archive import schema

    validator = jsonschema.Draft202012Validator(schema())
    for stem in _stems(out):
        data = json.loads((out / f"{stem}.arkiv.json").read_text(encoding="utf-8"))
        validator.validate(data)
        assert data["tittel"] == docx.Document(str(out / f"{stem}.docx")).core_properties.title
        names = {v["filnavn"]: v for v in data["dokumentobjekt"]}
        assert set(names) == {f"{stem}.{fmt}" for fmt in ("md", "html", "docx", "pdf")}
        import hashlib

        for name, variant in names.items():
            assert variant["sjekksum"] == hashlib.sha256((out / name).read_bytes()).hexdigest()
        assert names[f"{stem}.pdf"]["variantformat"] in (
            "Arkivformat",
            "Dokument hvor deler av innholdet er skjermet",
        )
        assert data["utvikling:internt"] is stem.endswith("-intern")
    public = json.loads((out / "referat-2026-09-15.arkiv.json").read_text(encoding="utf-8"))
    assert public["skjerming"] == [
        {
            "skjermingMetadata": "development_measures[2]",
            "skjermingshjemmel": "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 1",
        },
        {
            "skjermingMetadata": "confidential.notes",
            "skjermingshjemmel": "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 1",
        },
    ]
    agreement = json.loads((out / "avtale-2024-03-01.arkiv.json").read_text(encoding="utf-8"))
    assert agreement["skjerming"] == [
        {
            "skjermingMetadata": "employee.address",
            "skjermingshjemmel": "offl. § 13 jf. fvl. § 13 første ledd nr. 1",
        }
    ]
    bad = dict(public, dokumentobjekt=[])
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(bad)


def test_render_renders_only_what_is_missing_or_stale(out: Path):
    root = out.parent
    runner = CliRunner()
    formats = ["-f", "html", "-f", "docx", "-f", "pdf"]
    again = runner.invoke(app, ["render", "--path", str(root), "--today", TODAY, *formats])
    assert again.output == "Dokumenter laget nå: 0; allerede oppdatert: 9.\n"
    minutes = root / "conversations" / "2025-09-16" / "minutes.yaml"
    before = (out / "referat-2026-09-15.pdf").read_bytes()
    minutes.write_text(minutes.read_text(encoding="utf-8") + "# endret\n", encoding="utf-8")
    stale = runner.invoke(app, ["render", "--path", str(root), "--today", TODAY, *formats])
    assert stale.exit_code == 0, stale.output
    lines = stale.output.splitlines()
    assert lines[:2] == [
        f"Laget: {(out / 'referat-2025-09-16.md')}".replace(str(Path.cwd()) + "/", ""),
        f"Laget: {(out / 'referat-2025-09-16-intern.md')}".replace(str(Path.cwd()) + "/", ""),
    ]
    assert lines[-1] == "Dokumenter laget nå: 2; allerede oppdatert: 7."
    assert (out / "referat-2026-09-15.pdf").read_bytes() == before


def test_the_bundled_reference_docx_is_made_by_its_script():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_reference_docx.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _kommune_only_words() -> list[str]:
    """The glossary's words for a kommune that a fylkeskommune says otherwise."""
    from utvikling import texts

    table = texts.data_file("terms.yaml")["terms"]
    words: set[str] = set()
    for lang in ("nb", "nn"):
        for key, value in table["kommune"][lang].items():
            other = table["fylkeskommune"][lang].get(key)
            if other is not None and other != value and " " not in value and "«" not in value:
                words.add(value)
    return sorted(words)


def _render_markdown(root: Path) -> dict[str, str]:
    runner = CliRunner()
    commands = [["render", "--path", str(root), "--all", "--today", TODAY]]
    for command in commands:
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
    return {
        p.name: p.read_text(encoding="utf-8").partition("\n")[2]
        for p in sorted((root / "dokumenter").glob("*.md"))
    }


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_a_county_reads_only_county_words(tmp_path, lang):
    root = tmp_path / "havbrekke-fylkeskommune"
    shutil.copytree(EXAMPLES / "havbrekke-fylkeskommune", root)
    settings = root / "utvikling.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"(?m)^language: \w+", f"language: {lang}", text), "utf-8")
    stems = ["kommunestyre", "formannskap", "ordfører", "ordførar", "kommunedirektør", "rådhus"]
    forbidden = re.compile(
        r"\b(" + "|".join(map(re.escape, _kommune_only_words())) + r")\b"
        r"|\b(" + "|".join(stems) + r")\w*",  # and every form of these: kommunestyrets …
        re.IGNORECASE,
    )
    documents = _render_markdown(root)
    assert len(documents) == 5
    for name, body in documents.items():
        found = forbidden.search(body)
        assert found is None, (name, found and body[max(0, found.start() - 80) : found.end()])


def test_a_radmann_is_never_called_kommunedirektor(tmp_path):
    root = tmp_path / "fjordvik-kommune"
    shutil.copytree(EXAMPLES / "fjordvik-kommune", root)
    for path in root.rglob("*.yaml"):
        if "conversations" in path.parts and path.name == "minutes.yaml":
            continue  # reported minutes are locked by their checksum; they keep their words
        text = path.read_text(encoding="utf-8")
        text = re.sub(
            r"[Kk]ommunedirektør", lambda m: "Rådmann" if m[0][0] == "K" else "rådmann", text
        )
        path.write_text(text, encoding="utf-8")
    documents = _render_markdown(root)
    for name, body in documents.items():
        if name.startswith("referat-"):
            continue  # made from the locked minutes, which say kommunedirektør themselves
        assert "kommunedirektør" not in body.lower(), (
            name,
            body[: body.lower().find("kommunedirektør") + 40][-120:],
        )
        assert "rådmann" in body.lower(), name


def _png(width: int = 8, height: int = 8) -> bytes:
    """A small, valid RGB PNG: a red square, as a coat of arms would stand in."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xc0\x10\x10" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG = _png()


def test_the_repository_logo_goes_into_the_letterhead(tmp_path):
    root = tmp_path / "fjordvik-kommune"
    shutil.copytree(EXAMPLES / "fjordvik-kommune", root)
    (root / "templates").mkdir()
    (root / "templates" / "logo.png").write_bytes(PNG)
    result = CliRunner().invoke(
        app,
        ["render-agreement", "--path", str(root), "--today", TODAY]
        + ["-f", "html", "-f", "pdf", "-f", "docx"],
    )
    assert result.exit_code == 0, result.output
    out = root / "dokumenter"
    with zipfile.ZipFile(out / "avtale-2024-03-01.docx") as archive:
        assert archive.read("word/media/utvikling-logo.png") == PNG
        headers = [archive.read(n).decode() for n in archive.namelist() if "header" in n]
        assert sum("<w:drawing>" in h for h in headers) == 1, "in page one's letterhead only"
        assert 'Extension="png"' in archive.read("[Content_Types].xml").decode()
        assert "<w:drawing" not in archive.read("word/document.xml").decode()
    docx.Document(str(out / "avtale-2024-03-01.docx"))  # still a document Word can open
    page = (out / "avtale-2024-03-01.html").read_text(encoding="utf-8")
    header = page.partition("<header")[2].partition("</header>")[0]
    assert '<img src="data:image/png;base64,' in header
    raw = (out / "avtale-2024-03-01.pdf").read_bytes()
    assert b"/Subtype /Image" in raw or b"/Subtype/Image" in raw
    first = pypdf.PdfReader(str(out / "avtale-2024-03-01.pdf")).pages[0]
    assert first.images, "the logo is on page one"


def test_a_municipality_house_typ_overrides_the_built_in_one(tmp_path):
    root = tmp_path / "fjordvik-kommune"
    shutil.copytree(EXAMPLES / "fjordvik-kommune", root)
    (root / "templates").mkdir()
    own = (ROOT / "templates" / "style" / "house.typ").read_text(encoding="utf-8")
    own = own.replace("[#words.page #counter(page).display()", "[Blad #counter(page).display()")
    (root / "templates" / "house.typ").write_text(own, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["render-agreement", "--path", str(root), "--today", TODAY, "-f", "pdf"]
    )
    assert result.exit_code == 0, result.output
    pages = _pages(root / "dokumenter" / "avtale-2024-03-01.pdf")
    assert "Blad 1 av" in pages[0] and "Side 1 av" not in pages[0]


def test_converting_a_set_together_gives_what_each_document_alone_gives(out: Path):
    """The joint pandoc runs split back into exactly the documents converted one by one."""
    import datetime as dt

    from utvikling.render.export import Metadata, export_bytes, export_set

    items = []
    for stem in ("avtale-2024-03-01", "referat-2026-09-15", "referat-2026-09-15-intern"):
        text = (out / f"{stem}.md").read_text(encoding="utf-8")
        title = text.splitlines()[1].removeprefix("# ")
        marking = MARKING if stem.endswith("-intern") else ""
        meta = Metadata(
            title, "Fjordvik kommune", "nb", dt.date(2026, 11, 23), "kilde", stem, marking
        )
        items.append((text, meta))
    together = export_set(items, ["html", "docx", "pdf"])
    for (text, meta), joint in zip(items, together, strict=True):
        alone = export_bytes(text, ["html", "docx", "pdf"], meta)
        assert joint["html"] == alone["html"], meta.name
        for part in ("word/document.xml", "word/header1.xml", "word/header2.xml"):
            with (
                zipfile.ZipFile(__import__("io").BytesIO(joint["docx"])) as a,
                zipfile.ZipFile(__import__("io").BytesIO(alone["docx"])) as b,
            ):
                assert a.read(part) == b.read(part), (meta.name, part)
        assert joint["pdf"] == alone["pdf"], meta.name


def test_a_nynorsk_docx_is_nynorsk_in_every_style(tmp_path):
    root = tmp_path / "havbrekke-fylkeskommune"
    shutil.copytree(EXAMPLES / "havbrekke-fylkeskommune", root)
    result = CliRunner().invoke(
        app, ["render", "--path", str(root), "--all", "--today", TODAY, "-f", "docx"]
    )
    assert result.exit_code == 0, result.output
    for path in sorted((root / "dokumenter").glob("*.docx")):
        (styles,) = _docx_parts(path, "word/styles.xml")
        assert set(re.findall(r'<w:lang [^>]*w:val="([^"]+)"', styles)) == {"nn-NO"}, path.name
        assert docx.Document(str(path)).core_properties.language == "nn-NO"
