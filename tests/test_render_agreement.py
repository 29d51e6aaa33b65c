"""`utvikling render-agreement`: the final agreement only when complete, a draft otherwise."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from conftest import TODAY, assert_golden
from utvikling.actions.agreement import carried_over, defaults
from utvikling.cli import app
from utvikling.records.repository import load_settings


def _render(runner, root: Path, monkeypatch, *args: str):
    monkeypatch.chdir(root)
    return runner.invoke(app, ["render-agreement", *args, "--today", TODAY])


def test_a_complete_adopted_agreement_renders_the_final_text(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    result = _render(runner, root, monkeypatch)
    assert result.exit_code == 0, result.output
    assert result.output == "Endelig avtale: dokumenter/avtale-2024-03-01.md\n"
    text = (root / "dokumenter" / "avtale-2024-03-01.md").read_text(encoding="utf-8")
    assert "UTKAST" not in text and "MANGLER" not in text
    assert "Avtalen er vedtatt av kommunestyret 8. februar 2024, sak 24/12." in text
    assert "Avtalen erstatter avtalen av 1. august 2019." in text
    lines = text.splitlines()
    line = next(i for i, row in enumerate(lines) if row.startswith("| \\_\\_\\_"))
    assert lines[line - 2 : line] == ["| &nbsp; | &nbsp; |"] * 2, "room to sign"
    assert lines[line + 1] == "| **Kari Nordbø** | **Ingrid Solheim Aasen** |"
    assert lines[line + 2] == "| Kommunestyret i Fjordvik kommune | Arbeidstaker |"
    assert not (root / "dokumenter" / "avtaleutkast-2024-03-01.md").exists()
    assert_golden("agreement-fjordvik-final-nb.md", text)


def test_adopted_but_with_an_open_item_is_a_draft_listing_it(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    record = root / "agreements" / "2024-03-01.yaml"
    text = record.read_text(encoding="utf-8")
    text = re.sub(r"pension_and_insurance: >-\n(  .*\n)+", "", text, count=1)
    record.write_text(text, encoding="utf-8")
    result = _render(runner, root, monkeypatch, "2024-03-01")
    assert result.exit_code == 0, result.output
    assert result.output == "Utkast: dokumenter/avtaleutkast-2024-03-01.md (åpne punkter: 1)\n"
    assert not (root / "dokumenter" / "avtale-2024-03-01.md").exists()
    draft = (root / "dokumenter" / "avtaleutkast-2024-03-01.md").read_text(encoding="utf-8")
    assert "> **UTKAST.**" in draft
    assert "> - Punkter som mangler i teksten: pensjon og forsikring.\n" in draft
    assert "Pensjon og forsikring: **[MANGLER: pensjon og forsikring]**" in draft
    assert "Underskrift" not in draft and "\\_\\_\\_" not in draft
    assert "dette utkastet skal ikke underskrives" in draft


def test_not_adopted_is_a_draft_even_when_complete(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    record = root / "agreements" / "2024-03-01.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("status: adopted", "status: draft", 1),
        encoding="utf-8",
    )
    result = _render(runner, root, monkeypatch, "2024-03-01.yaml")
    assert result.exit_code == 0, result.output
    draft = (root / "dokumenter" / "avtaleutkast-2024-03-01.md").read_text(encoding="utf-8")
    assert (
        "> - Avtalen er ikke vedtatt av kommunestyret (status: adopted og vedtaksdato i "
        "adoption).\n"
    ) in draft


def test_an_unknown_agreement_is_named(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    result = _render(runner, root, monkeypatch, "1999-01-01")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "agreements: Fant ingen avtale 1999-01-01 å lage dokument av."
    )
    assert not (root / "dokumenter").exists()


def test_check_stale_names_the_command_for_each_document(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    assert _render(runner, root, monkeypatch).exit_code == 0
    minutes = runner.invoke(app, ["render-minutes", "2026-09-15", "--today", TODAY])
    assert minutes.exit_code == 0, minutes.output
    for record in ("agreements/2024-03-01.yaml", "conversations/2026-09-15/minutes.yaml"):
        path = root / record
        path.write_text(path.read_text(encoding="utf-8") + "# endret\n", encoding="utf-8")
    stale = runner.invoke(app, ["check", "--stale", "--today", TODAY])
    lines = stale.output.splitlines()
    assert lines[:2] == [
        "dokumenter/avtale-2024-03-01.md:1:1: D001 advarsel: Dokumentet er eldre enn postene "
        "det er laget av (agreements/2024-03-01.yaml er endret).",
        "    Lag dokumentet på nytt med utvikling render-agreement 2024-03-01 (eller alle med "
        "utvikling render), så det stemmer med postene.",
    ]
    assert (
        "    Lag dokumentet på nytt med utvikling render-minutes 2026-09-15 (eller alle med "
        "utvikling render), så det stemmer med postene."
    ) in lines


def test_a_new_agreement_proposes_what_carries_over_and_nothing_dated(example):
    root = example("fjordvik-kommune")
    context = load_settings(root, dt.date(2026, 11, 23))
    proposed = defaults(context)
    for gone in ("start_date", "adoption", "signatures", "supersedes", "status"):
        assert gone not in proposed, gone
    assert "effective_from" not in proposed["salary"]
    assert "start" not in proposed.get("validity", {}) and "end" not in proposed.get("validity", {})
    assert proposed["workplace"] == "Fjordvik rådhus, Rådhusplassen 1, 6899 Fjordvik"
    assert proposed["employer"]["name"] == "Fjordvik kommune"
    assert proposed["employee"]["name"] == "Ingrid Solheim Aasen"
    assert proposed["procedures"]["deviation"]["steps"]
    assert proposed["validity"]["renegotiation"]
    previous = context.current_agreement()
    assert previous is not None
    assert carried_over(previous.model) == proposed or proposed["workplace"]


def test_a_draft_whose_final_agreement_was_made_is_not_reported_stale(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    record = root / "agreements" / "2024-03-01.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("status: adopted", "status: draft", 1), encoding="utf-8")
    assert _render(runner, root, monkeypatch).exit_code == 0
    record.write_text(text, encoding="utf-8")  # adopted now: the final text is made
    assert _render(runner, root, monkeypatch).output.startswith("Endelig avtale:")
    assert (root / "dokumenter" / "avtaleutkast-2024-03-01.md").is_file()
    stale = runner.invoke(app, ["check", "--stale", "--today", TODAY])
    assert "avtaleutkast-2024-03-01.md" not in stale.output, stale.output
    assert "D001" not in stale.output
