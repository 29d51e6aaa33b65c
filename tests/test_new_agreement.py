"""`utvikling new-agreement`: answers file, supersession, refusals, the drafts (golden files)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, TODAY, tree_digest
from conftest import assert_golden as golden
from utvikling.cli import app

ANSWERS = EXAMPLES / "fjordvik-agreement-answers.yaml"


def assert_golden(name: str, text: str) -> None:
    """Compare a rendered document with tests/golden/NAME (UPDATE_GOLDEN=1 rewrites it)."""
    header, _, body = text.partition("\n")
    assert re.fullmatch(
        r"<!-- utvikling: (laget|laga) av utvikling \S+ \d{4}-\d\d-\d\d \| mal: documents/n[bn]/"
        r"agreement\.md\.j2 \| (kilder|kjelder): agreements/\S+\.yaml sha256:[0-9a-f]{16} \| "
        r"(innhold|innhald): [0-9a-f]{16} -->",
        header,
    ), header
    golden(name, text)


def _run(runner, root: Path, monkeypatch, *args: str):
    monkeypatch.chdir(root)
    return runner.invoke(app, ["new-agreement", "--no-input", "--today", TODAY, *args])


def test_answers_file_gives_a_complete_agreement_and_supersedes(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    old = root / "agreements" / "2024-03-01.yaml"
    old_text = old.read_text(encoding="utf-8")
    result = _run(
        runner, root, monkeypatch, "--answers", str(ANSWERS), "--supersedes", "2024-03-01"
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:4] == [
        "Opprettet agreements/2027-01-01.yaml",
        "Avtalen 2024-03-01 er merket som erstattet.",
        "Mappen er ikke et git-depot; endringen er ikke lagret i historikken.",
        "Utkast: dokumenter/avtaleutkast-2027-01-01.md (åpne punkter merket i teksten: 1)",
    ]
    assert " A802 " not in result.output, "the council's decision is advice (info), not shown"
    assert " feil:" not in result.output
    assert old.read_text(encoding="utf-8") == old_text + 'superseded_by: "2027-01-01"\n'
    new = (root / "agreements" / "2027-01-01.yaml").read_text(encoding="utf-8")
    assert 'supersedes: "2024-03-01"' in new and "annual_amount: 1395000" in new
    assert "# Årslønn i kroner. Kommunestyret (eller organet med fullmakt)" in new
    check = runner.invoke(app, ["check", "--today", TODAY])
    assert check.exit_code == 0, check.output
    draft = (root / "dokumenter" / "avtaleutkast-2027-01-01.md").read_text(encoding="utf-8")
    assert_golden("agreement-fjordvik-nb.md", draft)


def test_gaps_are_marked_in_nynorsk(runner, example, monkeypatch):
    root = example("havbrekke-fylkeskommune")
    result = _run(
        runner, root, monkeypatch, "--start-date", "2027-01-01", "--supersedes", "2025-08-01"
    )
    assert result.exit_code == 1, result.output
    assert "Utkast: dokumenter/avtaleutkast-2027-01-01.md (opne punkt merkte i teksten: 5)" in (
        result.output
    )
    assert "A403 feil: Avtalen seier ikkje om etterløn er avtalt." in result.output
    draft = (root / "dokumenter" / "avtaleutkast-2027-01-01.md").read_text(encoding="utf-8")
    assert "Etterløn: **[MANGLAR: om etterløn er avtalt]**" in draft
    assert "leggjast fram for fylkestinget:" in draft
    assert_golden("agreement-havbrekke-nn.md", draft)


def test_confidential_fields_never_reach_the_draft(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    canary = "KANARIFUGL-7Q9"
    answers = ANSWERS.read_text(encoding="utf-8").replace(
        "address: Lyngveien 14", f"address: {canary} Lyngveien 14", 1
    )
    assert canary in answers
    (root / "svar.yaml").write_text(answers, encoding="utf-8")
    result = _run(runner, root, monkeypatch, "--answers", "svar.yaml")
    assert result.exit_code == 0, result.output
    assert canary in (root / "agreements" / "2027-01-01.yaml").read_text(encoding="utf-8")
    for path in (root / "dokumenter").iterdir():
        assert canary not in path.read_text(encoding="utf-8")


def test_refuses_to_overwrite_an_agreement(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    before = tree_digest(root)
    result = _run(
        runner, root, monkeypatch, "--answers", str(ANSWERS), "--start-date", "2024-03-01"
    )
    assert result.exit_code == 1
    assert result.output == (
        "agreements/2024-03-01.yaml: Det finnes allerede en avtale som starter 2024-03-01.\n"
        "    utvikling overskriver aldri en avtale. Rediger den som finnes, eller velg en annen "
        "startdato.\n"
    )
    assert tree_digest(root) == before


@pytest.mark.parametrize(
    ("supersedes", "expected"),
    [
        ("2020-01-01", "Fant ikke avtalen 2020-01-01 som skal erstattes."),
        ("2019-08-01", "Avtalen 2019-08-01 kan ikke merkes som erstattet."),
    ],
)
def test_supersession_problems_change_nothing(runner, example, monkeypatch, supersedes, expected):
    root = example("fjordvik-kommune")
    before = tree_digest(root)
    result = _run(runner, root, monkeypatch, "--answers", str(ANSWERS), "--supersedes", supersedes)
    assert result.exit_code == 1
    assert f": {expected}\n" in result.output
    assert tree_digest(root) == before


def test_without_a_start_date_nothing_is_written(runner, build, monkeypatch):
    root = build({})
    before = tree_digest(root)
    result = _run(runner, root, monkeypatch)
    assert result.exit_code == 1
    assert result.output == (
        "Tiltredelsesdatoen mangler, så avtalen kan ikke få et filnavn.\n"
        "    Oppgi datoen med --start-date ÅÅÅÅ-MM-DD, eller som start_date i svarfilen.\n"
    )
    assert tree_digest(root) == before


def test_bad_answers_file_reports_every_problem(runner, build, monkeypatch, tmp_path):
    root = build({})
    answers = tmp_path / "svar.yaml"
    answers.write_text("start_date: 2027-02-30\nlønn: 1\n", encoding="utf-8")
    result = _run(runner, root, monkeypatch, "--answers", str(answers))
    assert result.exit_code == 1
    assert f"{answers.as_posix()}:1:13: S004 feil: «start_date» er ikke en gyldig dato." in (
        result.output
    )
    assert f"{answers.as_posix()}:2:1: S001 feil: Ukjent felt «lønn»." in result.output
    assert "Mente du «salary»?" in result.output
    assert not (root / "agreements").exists()


def test_a_hand_edited_draft_is_kept_unless_forced(runner, example, monkeypatch):
    from utvikling.render.documents import unedited

    root = example("fjordvik-kommune")
    args = ["--answers", str(ANSWERS)]
    assert _run(runner, root, monkeypatch, *args).exit_code == 0
    draft = root / "dokumenter" / "avtaleutkast-2027-01-01.md"
    assert unedited(draft)
    draft.write_text(draft.read_text(encoding="utf-8") + "Min egen merknad.\n", encoding="utf-8")
    assert not unedited(draft)
    (root / "agreements" / "2027-01-01.yaml").unlink()
    refused = _run(runner, root, monkeypatch, *args)
    assert refused.exit_code == 1
    assert "avtaleutkast-2027-01-01.md er endret for hånd siden utvikling laget den." in (
        refused.output
    )
    assert draft.read_text(encoding="utf-8").endswith("Min egen merknad.\n")
    (root / "agreements" / "2027-01-01.yaml").unlink()
    forced = _run(runner, root, monkeypatch, *args, "--force")
    assert forced.exit_code == 0, forced.output
    assert unedited(draft)
