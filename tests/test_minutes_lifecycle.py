"""The minutes lifecycle step by step: each refusal exactly, and the checksum recipe pinned."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from conftest import tree_digest
from project_api import (
    CheckOptions,
    Minutes,
    MinutesError,
    acknowledge,
    amend,
    app,
    approve,
    check_repository,
    minutes_content_hash,
    report,
    yamlsafe,
)

DAY = dt.date(2026, 12, 20)
FOLDER = "conversations/2026-12-10"

COMPLETE = """\
public_title: Utviklingssamtale med kommunedirektøren
results_review:
  summary: Alle mål er nådd.
new_goals:
  summary: Tre nye mål.
interaction_principles:
  - text: Lik informasjon til alle partier.
development_measures: []
"""
APPROVED = COMPLETE + "approved: {body: Arbeidsgiverutvalget, date: 2026-12-15}\n"
ACKNOWLEDGED = APPROVED + "acknowledged: {date: 2026-12-16}\n"
REPORTED = ACKNOWLEDGED + "reported: {body: Kommunestyret, case_number: 27/4, date: 2027-01-28}\n"

FYLKE = """\
municipality: {name: Havvik fylkeskommune, number: "4600", kind: fylkeskommune}
chief_executive: {title: fylkesdirektør}
"""


def _repo(build, minutes: str | None, settings: str | None = None) -> Path:
    files: dict[str, str | bytes] = {f"{FOLDER}/meeting.yaml": "date: 2026-12-10\n"}
    if minutes is not None:
        files[f"{FOLDER}/minutes.yaml"] = minutes
    if settings is not None:
        files["utvikling.yaml"] = settings
    return build(files)


def _minutes(root: Path) -> Minutes:
    return Minutes.model_validate(
        yamlsafe.parse((root / FOLDER / "minutes.yaml").read_bytes()).data
    )


def _refusal(root: Path, step: str, **options) -> MinutesError:
    before = tree_digest(root)
    with pytest.raises(MinutesError) as caught:
        if step == "approve":
            approve(root, "2026-12-10", body="Utvalget", day=DAY)
        elif step == "acknowledge":
            acknowledge(root, "2026-12-10", day=DAY, remark=None)
        elif step == "report":
            report(root, "2026-12-10", day=DAY, case_number="27/9")
        else:
            amend(root, "2026-12-10", day=DAY, text="Rettet.", reason="Skrivefeil")
    assert tree_digest(root) == before, "a refused step writes nothing"
    return caught.value


STEPS = ("approve", "acknowledge", "report", "amend")


@pytest.mark.parametrize("step", STEPS)
def test_every_step_refuses_missing_minutes(build, step: str) -> None:
    root = _repo(build, None)
    error = _refusal(root, step)
    assert error.message == "Det finnes ikke noe referat for samtalen 2026-12-10."
    assert error.hint == "Lag minutes.yaml i conversations/2026-12-10/ først."
    assert error.file == str(root / FOLDER / "minutes.yaml")


@pytest.mark.parametrize("step", STEPS)
def test_every_step_refuses_unreadable_minutes_with_a_norwegian_message(
    build, monkeypatch, step: str
) -> None:
    root = _repo(build, REPORTED)
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):  # records are read through os.open
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if str(path).endswith("minutes.yaml") and not writing:
            raise PermissionError(13, "Ingen tilgang")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(MinutesError) as caught:
        if step == "approve":
            approve(root, "2026-12-10", body="Utvalget", day=DAY)
        elif step == "acknowledge":
            acknowledge(root, "2026-12-10", day=DAY, remark=None)
        elif step == "report":
            report(root, "2026-12-10", day=DAY, case_number="27/9")
        else:
            amend(root, "2026-12-10", day=DAY, text="Rettet.", reason="Skrivefeil")
    error = caught.value
    assert error.message == "Filen kan ikke leses: Ingen tilgang."
    assert error.hint == "Sjekk at filen finnes og at du har lov til å lese den."
    assert error.file == str(root / FOLDER / "minutes.yaml")


def test_unreadable_minutes_are_a_message_not_a_traceback_on_the_command_line(
    runner, build, monkeypatch
) -> None:
    root = _repo(build, APPROVED)
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):  # records are read through os.open
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if str(path).endswith("minutes.yaml") and not writing:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.chdir(root)
    monkeypatch.setattr(os, "open", refuse)
    result = runner.invoke(app, ["minutes", "acknowledge", "2026-12-10", "--on", "2026-12-16"])
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert result.output == (
        "conversations/2026-12-10/minutes.yaml: R007 feil: "
        "Filen kan ikke leses: Permission denied.\n"
        "    Sjekk at filen finnes og at du har lov til å lese den.\n"
    )


@pytest.mark.parametrize("step", STEPS)
def test_every_step_explains_minutes_that_are_not_yaml(build, step: str) -> None:
    root = _repo(build, "results_review: [\n")
    error = _refusal(root, step)
    assert error.message == "Filen kan ikke leses som YAML her."
    assert [f.code for f in error.findings] == ["Y001"]
    assert error.file == str(root / FOLDER / "minutes.yaml")


def test_minutes_that_do_not_fit_the_model_are_explained_by_the_first_problem(build) -> None:
    root = _repo(build, "date: 10.12.2026\nresults_review: tekst\n")
    error = _refusal(root, "approve")
    assert [f.code for f in error.findings] == ["S004", "S002"]
    assert (error.message, error.hint) == (error.findings[0].message, error.findings[0].hint)
    assert error.hint == "Skriv datoen som år-måned-dag: 2026-12-10."


@pytest.mark.parametrize("step", ["approve", "acknowledge", "report"])
def test_reported_minutes_are_locked(build, step: str) -> None:
    error = _refusal(_repo(build, REPORTED), step)
    assert error.message == "Referatet ble lagt fram for kommunestyret 2027-01-28 og er låst."
    assert error.hint == (
        "En endring nå må gjøres som en datert endring: utvikling minutes amend 2026-12-10 "
        '--text "…" --reason "…".'
    )


def test_the_lock_names_the_county_council(build) -> None:
    error = _refusal(_repo(build, REPORTED, FYLKE), "acknowledge")
    assert error.message == "Referatet ble lagt fram for fylkestinget 2027-01-28 og er låst."


def test_minutes_reported_without_a_date_are_not_locked_yet(build) -> None:
    root = _repo(build, ACKNOWLEDGED + "reported: {case_number: 27/4}\n")
    approve(root, "2026-12-10", body="Utvalget", day=DAY)
    assert _minutes(root).approved.body == "Utvalget"  # type: ignore[union-attr]
    error = _refusal(root, "amend")
    assert (
        error.message == "Referatet er ikke lagt fram for kommunestyret ennå, så det er ikke låst."
    )


@pytest.mark.parametrize(
    "minutes",
    [COMPLETE, COMPLETE + "approved: {body: Arbeidsgiverutvalget}\n"],
    ids=["none", "undated"],
)
@pytest.mark.parametrize("step", ["acknowledge", "report"])
def test_acknowledging_or_reporting_before_approval_is_refused(build, minutes, step) -> None:
    error = _refusal(_repo(build, minutes), step)
    assert error.message == "Referatet er ikke godkjent av panelet ennå."
    assert error.hint == 'Godkjenn det først: utvikling minutes approve 2026-12-10 --by "organet".'


@pytest.mark.parametrize(
    "minutes", [APPROVED, APPROVED + "acknowledged: {remark: Ingen.}\n"], ids=["none", "undated"]
)
def test_reporting_without_acknowledgement_is_refused(build, minutes) -> None:
    error = _refusal(_repo(build, minutes), "report")
    assert error.message == "Kommunedirektøren har ikke kvittert for referatet ennå."
    assert error.hint == (
        "Kvitter først: utvikling minutes acknowledge 2026-12-10 (med --remark for en merknad)."
    )


@pytest.mark.parametrize("minutes", [COMPLETE, ACKNOWLEDGED], ids=["draft", "acknowledged"])
def test_amending_minutes_that_were_not_reported_is_refused(build, minutes) -> None:
    error = _refusal(_repo(build, minutes), "amend")
    assert (
        error.message == "Referatet er ikke lagt fram for kommunestyret ennå, så det er ikke låst."
    )
    assert error.hint == (
        "Rett i minutes.yaml direkte; en datert endring brukes først etter at referatet er "
        "lagt fram."
    )


def test_approval_lists_only_the_blocking_findings_of_these_minutes(build) -> None:
    root = build(
        {
            f"{FOLDER}/meeting.yaml": "date: 2026-12-10\n",
            f"{FOLDER}/minutes.yaml": "public_title: Utkast\n",
            "conversations/2026-11-01/meeting.yaml": "date: 2026-11-01\n",
            "conversations/2026-11-01/minutes.yaml": "public_title: Et annet\n",
        }
    )
    error = _refusal(root, "approve")
    assert error.message == (
        "Referatet mangler noe det skal ha, og kan ikke godkjennes eller lages ennå."
    )
    assert error.hint == "Fyll ut punktene over. Et utkast med luker kan lages med --draft."
    assert [(f.code, f.file.split("repo/")[1]) for f in error.findings] == [  # type: ignore[union-attr]
        ("C201", f"{FOLDER}/minutes.yaml"),
        ("C202", f"{FOLDER}/minutes.yaml"),
        ("C203", f"{FOLDER}/minutes.yaml"),
    ]


def test_an_edit_keeps_a_comment_inside_the_group_it_fills(build) -> None:
    root = _repo(build, COMPLETE + "approved:\n  body: Utvalget\n  # slutt\n")
    approve(root, "2026-12-10", body="Utvalget", day=DAY)
    text = (root / FOLDER / "minutes.yaml").read_text(encoding="utf-8")
    assert "  # slutt\n" in text
    assert _minutes(root).approved.date == DAY  # type: ignore[union-attr]


def test_the_whole_lifecycle_records_each_step(build) -> None:
    root = _repo(build, COMPLETE)
    step = approve(root, "2026-12-10", body="Utvalget", day=dt.date(2026, 12, 15))
    assert (step.path, step.lang) == (root / FOLDER / "minutes.yaml", "nb")
    approved = _minutes(root).approved
    assert approved is not None
    assert (approved.body, approved.date) == ("Utvalget", dt.date(2026, 12, 15))

    acknowledge(root, "2026-12-10", day=dt.date(2026, 12, 16), remark="Ingen merknader.")
    acknowledged = _minutes(root).acknowledged
    assert acknowledged is not None
    assert (acknowledged.date, acknowledged.remark) == (dt.date(2026, 12, 16), "Ingen merknader.")

    content = minutes_content_hash(_minutes(root))
    report(root, "2026-12-10", day=dt.date(2027, 1, 28), case_number="27/4")
    reported = _minutes(root).reported
    assert reported is not None
    assert (reported.body, reported.case_number, reported.date) == (
        "Kommunestyret",
        "27/4",
        dt.date(2027, 1, 28),
    )
    # Reporting stores the lock of recipe 2 (everything the minutes print); recipe 1, the
    # minutes' own text, is what this test pins below and does not change on reporting.
    assert reported.checksum_version == 2 and reported.content_sha256
    assert content == minutes_content_hash(_minutes(root))

    amend(root, "2026-12-10", day=dt.date(2027, 2, 1), text="Rettet.", reason="Skrivefeil")
    amend(root, "2026-12-10", day=dt.date(2027, 2, 2), text="Igjen.", reason="Ny feil")
    amendments = _minutes(root).amendments or []
    assert [(a.date, a.text, a.reason) for a in amendments] == [
        (dt.date(2027, 2, 1), "Rettet.", "Skrivefeil"),
        (dt.date(2027, 2, 2), "Igjen.", "Ny feil"),
    ]
    assert minutes_content_hash(_minutes(root)) == content, "amendments are outside the checksum"
    after = check_repository(root, CheckOptions(today=dt.date(2027, 2, 3), select=("C209",)))
    assert after.findings == []


def test_report_names_the_county_council_or_the_body_given(build) -> None:
    root = _repo(build, ACKNOWLEDGED, FYLKE)
    report(root, "2026-12-10", day=DAY, case_number="27/9")
    assert _minutes(root).reported.body == "Fylkestinget"  # type: ignore[union-attr]
    (root / FOLDER / "minutes.yaml").write_text(ACKNOWLEDGED, encoding="utf-8")
    report(root, "2026-12-10", day=DAY, case_number="27/9", body="Fylkesutvalet")
    assert _minutes(root).reported.body == "Fylkesutvalet"  # type: ignore[union-attr]


def test_acknowledging_without_a_remark_writes_none(build) -> None:
    root = _repo(build, APPROVED)
    acknowledge(root, "2026-12-10", day=DAY, remark=None)
    text = (root / FOLDER / "minutes.yaml").read_text(encoding="utf-8")
    assert text == APPROVED + "acknowledged:\n  date: 2026-12-20\n"


# The checksum recipe: what the lock compares. Changing it unlocks or breaks every reported
# minutes file, so it is pinned to a value computed once from this fixed record.

FIXED = {
    "public_title": "Referat – utviklingssamtale 2026",
    "date": "2026-09-15",
    "participants": [{"name": "Kari Nordbø", "role": "mayor"}],
    "results_review": {
        "summary": "Målene er nådd.",
        "goals": [{"goal": "M1", "status": "achieved"}],
    },
    "interaction_principles": [{"text": "Lik informasjon til alle partier."}],
    "development_measures": [],
}
GOLDEN_SHA256 = "c1b1fd107a3b5cdc6ff78a00790df6f300eae6f0ec32eb15a995b5ed5a81b4fa"


def test_the_checksum_recipe_is_pinned() -> None:
    assert minutes_content_hash(Minutes.model_validate(FIXED)) == GOLDEN_SHA256


@pytest.mark.parametrize(
    "later",
    [
        {"reported": {"body": "Kommunestyret", "date": "2026-10-22", "content_sha256": "abc"}},
        {"amendments": [{"date": "2026-11-01", "text": "Rettet.", "reason": "Skrivefeil"}]},
        {"suppress": [{"code": "C204", "reason": "Ikke aktuelt"}]},
    ],
    ids=["reported", "amendments", "suppress"],
)
def test_the_checksum_leaves_out_the_report_amendments_and_suppressions(later) -> None:
    assert minutes_content_hash(Minutes.model_validate({**FIXED, **later})) == GOLDEN_SHA256


@pytest.mark.parametrize(
    "change",
    [
        {"approved": {"body": "Utvalget", "date": "2026-09-22"}},
        {"acknowledged": {"date": "2026-09-23", "remark": "Ingen."}},
        {"public_title": "Referat – utviklingssamtale 2026."},
    ],
    ids=["approved", "acknowledged", "title"],
)
def test_the_checksum_covers_everything_else(change) -> None:
    assert minutes_content_hash(Minutes.model_validate({**FIXED, **change})) != GOLDEN_SHA256
