"""``utvikling overview`` in every output form, its national figures, and ``check --json``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import pickle
from pathlib import Path

import pytest

from conftest import EXAMPLES, TODAY
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.actions.overview import Row, fou_data, overview, summarize
from utvikling.cli import app

REGION = EXAMPLES / "region"
DAY = dt.date.fromisoformat(TODAY)

# The figures, counted by hand from examples/region/README.md and the records, as of TODAY:
#                    conversation ≤12 mo.   written plan   goals anchored   result requirements
# solvik               yes (2026-09-16)      yes            yes              yes
# nordheim (no agr.)   yes (2026-03-11)      yes            yes              no: no agreement
# lyngstad (expired)   yes (2026-10-14)      yes            yes              no: not in force
# bjorkedal            no (2025-05-20)       no (2025 only) no               no
# elvestrand           yes (2026-09-08)      yes            yes              yes
# storlia              yes (2026-04-14)      yes            yes              yes
# vestmark (county)    yes (2026-10-20)      yes            yes              yes
HAND_COUNTED = {
    "conversation_12_months": {"kommune": (5, 6), "fylkeskommune": (1, 1), "all": (6, 7)},
    "written_plan": {"kommune": (5, 6), "fylkeskommune": (1, 1), "all": (6, 7)},
    "goals_anchored": {"kommune": (5, 6), "fylkeskommune": (1, 1), "all": (6, 7)},
    "result_requirements": {"kommune": (3, 6), "fylkeskommune": (1, 1), "all": (4, 7)},
}


@pytest.fixture(scope="module")
def report():
    return overview(REGION, DAY, base=Path.cwd())


def test_one_row_per_municipality(report) -> None:
    names = [(r.name, r.number, r.kind, r.language) for r in report.rows]
    assert names == [
        ("Bjørkedal kommune", "4904", "kommune", "nb"),
        ("Elvestrand kommune", "4905", "kommune", "nn"),
        ("Lyngstad kommune", "4903", "kommune", "nb"),
        ("Nordheim kommune", "4902", "kommune", "nn"),
        ("Solvik kommune", "4901", "kommune", "nb"),
        ("Storlia kommune", "4906", "kommune", "nb"),
        ("Vestmark fylkeskommune", "57", "fylkeskommune", "nn"),
    ]
    by = {r.number: r for r in report.rows}
    assert (by["4903"].agreement, by["4903"].agreement_end, by["4903"].agreement_state) == (
        "2019-03-01",
        dt.date(2025, 12, 31),
        "expired",
    )
    assert by["4902"].agreement_state == "missing"
    assert (by["57"].agreement_state, by["57"].agreement_end) == (
        "in_force",
        dt.date(2027, 6, 30),
    )
    assert (by["4904"].last_conversation, by["4904"].months_since) == (dt.date(2025, 5, 20), 18)
    assert (by["4906"].minutes_reported, by["4901"].minutes_reported) == (False, True)
    assert (by["4906"].next_step, by["4906"].next_state) == (
        "Resultat- og utviklingsplan for 2026",
        "overdue",
    )
    assert (by["4905"].next_step, by["4905"].next_due) == (
        "Oppfølgingssamtale i avviksbehandlingen i november 2026",
        dt.date(2026, 11, 12),
    )
    assert (by["4901"].goals, by["4901"].anchored, by["4901"].measurable) == (3, 3, 3)


def test_findings_by_severity_are_those_check_reports(report) -> None:
    for row in report.rows:
        result = check_repository(REGION / Path(row.path).name, CheckOptions(today=DAY))
        expected = tuple(result.count(s) for s in ("error", "warning", "info"))
        assert (row.errors, row.warnings, row.infos) == expected, row.name
    # No plan in force is an error (KS «må»): the municipality has gone 18 months without one.
    assert {r.number: (r.errors, r.warnings, r.infos) for r in report.rows}["4904"] == (1, 3, 0)


def test_the_national_figures_are_the_hand_counted_ones(report) -> None:
    figures = report.figures()
    counted = {
        name: {kind: (c.have, c.of) for kind, c in by_kind.items()}
        for name, by_kind in figures.items()
    }
    assert counted == HAND_COUNTED
    assert figures["result_requirements"]["all"].percent == 57.1


def test_the_fou_figures_are_printed_as_the_spec_marks_them() -> None:
    data = fou_data()
    assert data.figures.conversation_12_months.fou is not None
    assert data.figures.conversation_12_months.fou.percent == 76.2
    assert data.figures.result_requirements.fou is not None
    assert data.figures.result_requirements.fou.percent == 15.6
    assert data.figures.result_requirements.fou.note is not None
    assert data.figures.written_plan.fou is None
    assert data.figures.goals_anchored.fou is None


def test_a_summary_is_small_and_drops_the_findings() -> None:
    result = check_repository(REGION / "bjorkedal-kommune", CheckOptions(today=DAY))
    assert result.findings
    row = summarize("nb", result)
    assert isinstance(row, Row)
    assert result.findings == []
    assert len(pickle.dumps(row)) < 2000


def test_overview_json(runner) -> None:
    result = runner.invoke(app, ["overview", str(REGION), "--today", TODAY, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["today"] == TODAY
    assert len(data["municipalities"]) == 7
    first = data["municipalities"][0]
    assert first["name"] == "Bjørkedal kommune"
    assert first["last_conversation"] == "2025-05-20"
    figure = data["figures"][0]
    assert figure["id"] == "conversation_12_months"
    assert figure["all"] == {"count": 6, "of": 7, "percent": 85.7}
    assert figure["fou"]["percent"] == 76.2
    assert figure["fou"]["tag"] == "FoU"
    assert data["figures"][1]["fou"] is None
    assert data["fou_source"].startswith("KS FoU-rapport 204031")


def test_overview_csv_reads_back(runner, tmp_path: Path) -> None:
    target = tmp_path / "oversikt.csv"
    result = runner.invoke(app, ["overview", str(REGION), "--today", TODAY, "--csv", str(target)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Skrevet: {target.as_posix()}\n"
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the UTF-8 letters right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 7
    lyngstad = next(r for r in rows if r["Kommune"] == "Lyngstad kommune")
    assert lyngstad["Nummer"] == "4903"
    assert lyngstad["Avtalestatus"] == "utløpt"
    assert lyngstad["Avtalen slutter"] == "2025-12-31"
    assert lyngstad["Referat lagt fram"] == "ja"
    assert lyngstad["Målform"] == "bokmål"
    storlia = next(r for r in rows if r["Kommune"] == "Storlia kommune")
    assert (storlia["Advarsler"], storlia["Referat lagt fram"], storlia["Status"]) == (
        "2",
        "nei",
        "forsinket",
    )
    refused = runner.invoke(app, ["overview", str(REGION), "--today", TODAY, "--csv", str(target)])
    assert refused.exit_code == 1
    assert "Filen finnes allerede." in refused.output


def test_overview_xlsx_opens_in_openpyxl(runner, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "oversikt.xlsx"
    args = ["overview", str(REGION), "--today", TODAY, "--xlsx", str(target), "--language", "nn"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    book = load_workbook(target)
    assert book.sheetnames == ["Kommunar", "Nasjonale tal"]
    sheet = book["Kommunar"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Kommune", "Nummer", "Type", "Målform"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["A"].width >= 20
    assert sheet.max_row == 8
    vestmark = [c.value for c in sheet[8]]
    assert vestmark[:3] == ["Vestmark fylkeskommune", "57", "fylkeskommune"]
    end = vestmark[header.index("Avtalen sluttar")]
    assert end.date() == dt.date(2027, 6, 30)  # a real date, not text
    figures = book["Nasjonale tal"]
    assert [c.value for c in figures[1]][:5] == [
        "Tal",
        "Kommunar",
        "Fylkeskommunar",
        "Alle",
        "FoU 2021",
    ]
    assert [c.value for c in figures[2]][:5] == [
        "Utviklingssamtale siste 12 månader",
        "5/6 (83,3 %)",
        "1/1 (100,0 %)",
        "6/7 (85,7 %)",
        "76,2 % (FoU)",
    ]
    assert figures[5][4].value == "15,6 % (FoU)"


def test_overview_table_when_piped(runner) -> None:
    result = runner.invoke(app, ["overview", str(REGION), "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("7 postmapper per 2026-11-23")
    assert "Nasjonale tall, regnet ut fra postene" in result.output
    assert "76,2 % (FoU)" in result.output
    assert "Sjekker" not in result.output  # no progress bar when not a terminal


def test_overview_refuses_an_unknown_language(runner) -> None:
    result = runner.invoke(app, ["overview", str(REGION), "--language", "de"])
    assert result.exit_code == 2
    assert "Skriv nb (bokmål) eller nn (nynorsk)." in result.output


def test_check_json_names_the_municipality_of_every_finding(runner) -> None:
    result = runner.invoke(app, ["check", str(REGION), "--today", TODAY, "--json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    nordheim = next(r for r in data["repositories"] if r["path"].endswith("nordheim-kommune"))
    assert nordheim["municipality"] == {"name": "Nordheim kommune", "number": "4902"}
    [finding] = nordheim["findings"]
    assert (finding["code"], finding["municipality"], finding["municipality_number"]) == (
        "A001",
        "Nordheim kommune",
        "4902",
    )
    assert all(
        f["municipality"] and f["municipality_number"]
        for r in data["repositories"]
        for f in r["findings"]
    )
