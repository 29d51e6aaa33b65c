"""DOCX, PDF/A and HTML output: opened as a reader would, metadata checked, nothing leaked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import TODAY
from test_conversations import CANARY, _plant
from utvikling.cli import app
from utvikling.models import Minutes
from utvikling.records.emit import emit
from utvikling.yamlsafe import parse

docx = pytest.importorskip("docx")
pypdf = pytest.importorskip("pypdf")


def _render(runner, root: Path, monkeypatch, *args: str):
    monkeypatch.chdir(root)
    result = runner.invoke(
        app,
        [
            "render-minutes",
            "2026-09-15",
            "--today",
            TODAY,
            "-f",
            "docx",
            "-f",
            "pdf",
            "-f",
            "html",
            *args,
        ],
    )
    assert result.exit_code == 0, result.output
    return root / "dokumenter"


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_docx_has_real_headings_lists_and_tables(runner, example, monkeypatch):
    out = _render(runner, example("fjordvik-kommune"), monkeypatch)
    document = docx.Document(str(out / "referat-2026-09-15.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == [
        "1. Gjennomgang av resultatoppnåelse",
        "2. Nye resultatmål og forventninger",
        "3. Prinsipper for samhandling mellom folkevalgte og administrasjonen",
        "4. Utviklingstiltak for kommunedirektøren",
    ]
    assert document.core_properties.title == (
        "Referat fra utviklingssamtale med kommunedirektøren 15. september 2026"
    )
    assert document.core_properties.author == "Fjordvik kommune"
    assert document.core_properties.language == "nb-NO"
    bullets = [
        p.text for p in document.paragraphs if "List" in p.style.name or p.style.name == "Compact"
    ]
    assert any("Lik informasjon" in b or "lik informasjon" in b for b in bullets)


def test_agenda_docx_keeps_its_tables(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    monkeypatch.chdir(root)
    result = runner.invoke(
        app, ["prepare-conversation", "2026-09-15", "--today", TODAY, "-f", "docx"]
    )
    assert result.exit_code in (0, 1), result.output
    document = docx.Document(
        str(root / "dokumenter" / "samtale-2026-09-15-forberedelse-intern.docx")
    )
    assert len(document.tables) >= 8
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["Indikator", "Utgangsverdi", "Mål", "Siste verdi"]


def test_pdf_is_pdf_a_2b_with_metadata_and_norwegian_text(runner, example, monkeypatch):
    out = _render(runner, example("fjordvik-kommune"), monkeypatch)
    path = out / "referat-2026-09-15.pdf"
    reader = pypdf.PdfReader(str(path))
    assert reader.metadata.title == (
        "Referat fra utviklingssamtale med kommunedirektøren 15. september 2026"
    )
    assert reader.metadata.author == "Fjordvik kommune"
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert re.search(r"pdfaid:part[>=\"]+2", xmp) and re.search(r"pdfaid:conformance[>=\"]+B", xmp)
    assert "nb-NO" in xmp
    text = _pdf_text(path)
    assert "Gjennomgang av resultatoppnåelse" in text
    assert "Kari Nordbø (ordfører)" in text
    assert "Laget av utvikling" not in text and "sha256" not in text  # not on the page
    assert reader.metadata.subject.startswith("Laget av utvikling")  # but in the metadata
    assert "Laget av utvikling" in xmp
    raw = path.read_bytes()
    assert b"/FontFile" in raw, "fonts must be embedded"


def test_html_escapes_record_text(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    path = root / "conversations" / "2026-09-15" / "minutes.yaml"
    data = parse(path.read_bytes()).data
    data["interaction_principles"].append({"text": "<script>alert('x')</script> & <b>fet</b>"})
    data["reported"].pop("content_sha256", None)
    path.write_text(emit(Minutes, data), encoding="utf-8")
    out = _render(runner, root, monkeypatch)
    html = (out / "referat-2026-09-15.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<b>fet</b>" not in html
    assert "&lt;script&gt;" in html


def test_canary_never_reaches_public_docx_or_pdf(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    path = root / "conversations" / "2026-09-15" / "minutes.yaml"
    data = _plant(parse(path.read_bytes()).data, Minutes)
    data["development_measures"].append({"text": CANARY, "confidential": True})
    data["reported"].pop("content_sha256", None)
    path.write_text(emit(Minutes, data), encoding="utf-8")
    out = _render(runner, root, monkeypatch)
    public_docx = docx.Document(str(out / "referat-2026-09-15.docx"))
    texts = [p.text for p in public_docx.paragraphs] + [
        cell.text for table in public_docx.tables for row in table.rows for cell in row.cells
    ]
    assert not any(CANARY in t for t in texts)
    assert CANARY not in _pdf_text(out / "referat-2026-09-15.pdf")
    assert CANARY not in (out / "referat-2026-09-15.html").read_text(encoding="utf-8")
    assert CANARY in _pdf_text(out / "referat-2026-09-15-intern.pdf")


def test_municipal_reference_document_gives_the_styles(runner, example, monkeypatch, tmp_path):
    root = example("fjordvik-kommune")
    reference = docx.Document()
    reference.styles["Heading 1"].font.name = "Kommunefont"
    (root / "templates").mkdir()
    reference.save(str(root / "templates" / "reference.docx"))
    out = _render(runner, root, monkeypatch)
    document = docx.Document(str(out / "referat-2026-09-15.docx"))
    assert document.styles["Heading 1"].font.name == "Kommunefont"


def test_libreoffice_opens_the_docx(runner, example, monkeypatch, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        if os.environ.get("CI"):
            pytest.fail("no LibreOffice under CI: .ci/run installs libreoffice-writer-nogui")
        pytest.skip(
            "LibreOffice is not installed on this machine (apt-get install libreoffice-writer)"
        )
    out = _render(runner, example("fjordvik-kommune"), monkeypatch)
    subprocess.run(
        [
            office,
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(out / "referat-2026-09-15.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (tmp_path / "referat-2026-09-15.txt").read_text(encoding="utf-8-sig")
    assert "Gjennomgang av resultatoppnåelse" in text


def test_unknown_format_is_a_usage_error(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["render-minutes", "2026-09-15", "-f", "odt"])
    assert result.exit_code == 2
    assert result.output == "Ukjent format: odt.\n    Velg blant: md, html, docx, pdf.\n"


def test_templates_list_copy_and_override(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    monkeypatch.chdir(root)
    listed = runner.invoke(app, ["templates", "list"])
    assert "documents/nb/minutes-public.md.j2    built-in" in listed.output
    assert "records/" not in listed.output
    copied = runner.invoke(app, ["templates", "copy", "documents/nb/minutes-public.md.j2"])
    assert copied.output == (
        "Opprettet templates/documents/nb/minutes-public.md.j2\n"
        "En egen mal kan forme dokumentet, men ikke kjøre kode eller lese filer; tekst fra "
        "postene skrives alltid som tekst. «utvikling check --info» viser hvilke egne maler "
        "som er i bruk.\n"
    )
    override = root / "templates" / "documents" / "nb" / "minutes-public.md.j2"
    override.write_text(
        override.read_text(encoding="utf-8").replace("# Referat fra", "# Protokoll fra"), "utf-8"
    )
    listed = runner.invoke(app, ["templates", "list"])
    assert "documents/nb/minutes-public.md.j2    repository" in listed.output
    again = runner.invoke(app, ["templates", "copy", "documents/nb/minutes-public.md.j2"])
    assert again.exit_code == 1 and "har allerede sin egen versjon" in again.output
    unknown = runner.invoke(app, ["templates", "copy", "records/nb/meeting.yaml.j2"])
    assert unknown.exit_code == 1 and "ingen innebygd mal" in unknown.output
    result = runner.invoke(app, ["render-minutes", "2026-09-15", "--today", TODAY])
    assert result.exit_code == 0, result.output
    public = (root / "dokumenter" / "referat-2026-09-15.md").read_text(encoding="utf-8")
    assert "# Protokoll fra utviklingssamtale" in public
    assert "mal: documents/nb/minutes-public.md.j2" in public.splitlines()[0]


def test_check_stale_reports_documents_older_than_their_records(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    _render(runner, root, monkeypatch)
    fresh = runner.invoke(app, ["check", "--stale", "--today", TODAY])
    assert fresh.exit_code == 0 and fresh.output == ""
    minutes = root / "conversations" / "2026-09-15" / "minutes.yaml"
    minutes.write_text(minutes.read_text(encoding="utf-8") + "# en ny kommentar\n", "utf-8")
    stale = runner.invoke(app, ["check", "--stale", "--today", TODAY])
    assert stale.exit_code == 0
    assert stale.output.splitlines()[0] == (
        "dokumenter/referat-2026-09-15-intern.md:1:1: D001 advarsel: Dokumentet er eldre enn "
        "postene det er laget av (conversations/2026-09-15/minutes.yaml er endret)."
    )
    strict = runner.invoke(app, ["check", "--stale", "--strict", "--today", TODAY])
    assert strict.exit_code == 1


def test_every_document_of_the_examples_in_every_format(runner, example, monkeypatch):
    """Agreement draft, both agenda variants and both minutes, as HTML, DOCX and PDF/A."""
    root = example("fjordvik-kommune")
    monkeypatch.chdir(root)
    formats = ["-f", "html", "-f", "docx", "-f", "pdf"]
    answers = str(
        Path(__file__).resolve().parent.parent / "examples" / "fjordvik-agreement-answers.yaml"
    )
    commands = [
        ["new-agreement", "--answers", answers, "--no-input"],
        ["prepare-conversation", "2026-09-15"],
        ["render-minutes", "2026-09-15"],
    ]
    for command in commands:
        result = runner.invoke(app, [*command, "--today", TODAY, *formats])
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output
    out = root / "dokumenter"
    stems = sorted(p.stem for p in out.glob("*.md"))
    assert stems == [
        "avtaleutkast-2027-01-01",
        "referat-2026-09-15",
        "referat-2026-09-15-intern",
        "samtale-2026-09-15-forberedelse-intern",
        "samtale-2026-09-15-saksliste",
    ]
    for stem in stems:
        title = docx.Document(str(out / f"{stem}.docx")).core_properties.title
        assert title, stem
        reader = pypdf.PdfReader(str(out / f"{stem}.pdf"))
        assert reader.metadata.title == title, stem
        assert "pdfaid" in reader.xmp_metadata.stream.get_data().decode("utf-8"), stem
        html = (out / f"{stem}.html").read_text(encoding="utf-8")
        assert f"<title>{title}</title>" in html, stem


def test_a_docx_finished_in_word_is_not_replaced_without_force(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    out = _render(runner, root, monkeypatch)
    again = runner.invoke(app, ["render-minutes", "2026-09-15", "--today", TODAY, "-f", "docx"])
    assert again.exit_code == 0, again.output  # untouched outputs are simply made again
    edited = docx.Document(str(out / "referat-2026-09-15.docx"))
    edited.add_paragraph("Ferdigstilt i Word av sekretariatet.")
    edited.save(str(out / "referat-2026-09-15.docx"))
    before = (out / "referat-2026-09-15.docx").read_bytes()
    refused = runner.invoke(app, ["render-minutes", "2026-09-15", "--today", TODAY, "-f", "docx"])
    assert refused.exit_code == 1
    assert "referat-2026-09-15.docx er endret for hånd siden utvikling laget den." in (
        refused.output
    )
    assert (out / "referat-2026-09-15.docx").read_bytes() == before
    only_md = runner.invoke(app, ["render-minutes", "2026-09-15", "--today", TODAY])
    assert only_md.exit_code == 0, only_md.output  # the DOCX is not written, so not at risk
    forced = runner.invoke(
        app, ["render-minutes", "2026-09-15", "--today", TODAY, "-f", "docx", "--force"]
    )
    assert forced.exit_code == 0
    assert (out / "referat-2026-09-15.docx").read_bytes() != before


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("# {{ minutes.public_title }\n", "unexpected '}'"),
        ("# {{ no_such_value }}\n", "'no_such_value' is undefined"),
    ],
)
def test_a_broken_override_template_is_explained(runner, example, monkeypatch, body, reason):
    root = example("fjordvik-kommune")
    override = root / "templates" / "documents" / "nb" / "minutes-internal.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text(body, encoding="utf-8")
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["render-minutes", "2026-09-15", "--today", TODAY])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    first, hint = result.output.splitlines()[:2]
    assert "minutes-internal.md.j2" in first and f"kan ikke brukes: {reason}." in first
    assert hint.startswith("    Sammenlign med den innebygde")
    assert not (root / "dokumenter").exists(), "nothing is written when a template fails"
