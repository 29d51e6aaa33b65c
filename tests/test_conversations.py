"""`prepare-conversation` and `plan new`: files, readiness, agenda variants, carry-over."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import TODAY, assert_golden, tree_digest
from utvikling.cli import app
from utvikling.models import RECORD_KINDS
from utvikling.models._types import is_confidential
from utvikling.records.emit import emit
from utvikling.yamlsafe import parse


def _prepare(runner, root: Path, monkeypatch, *args: str):
    monkeypatch.chdir(root)
    return runner.invoke(app, ["prepare-conversation", *args, "--today", TODAY])


def test_new_conversation_gets_its_forms_and_a_readiness_report(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    result = _prepare(runner, root, monkeypatch, "2026-12-10")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith(" ")]
    assert lines == [
        "Opprettet conversations/2026-12-10/meeting.yaml",
        "Opprettet conversations/2026-12-10/input.yaml",
        "Opprettet conversations/2026-12-10/self-evaluation.yaml",
        "Opprettet conversations/2026-12-10/evaluation.yaml",
        "Mappen er ikke et git-depot; endringen er ikke lagret i historikken.",
        "Forberedelsesnotat (internt, fortrolig): "
        "dokumenter/samtale-2026-12-10-forberedelse-intern.md",
        "Offentlig sakstekst: dokumenter/samtale-2026-12-10-saksliste.md",
        "conversations/2026-12-10/evaluation.yaml:10:1: C304 info: Panelets vurdering er ikke "
        "ferdig (M1, M2, M3, M4, lederskap, organisasjonsutvikling, gjennomføring av politiske "
        "vedtak). "
        "(KS FoU-rapport 204031 (2021): praksis i casekommunene)",
        "conversations/2026-12-10/input.yaml:7:1: C303 advarsel: Det mangler innspill fra Fjordvik "
        "Fellesliste, Bygdelista, Kystpartiet, Grønt Fjordvik. (KS: Folkevalgtes arbeidsgiverrolle "
        "overfor kommunedirektøren («Det bør på forhånd være drøftinger»); KS: Utviklingssamtale "
        "mellom folkevalgte og rådmannen («kan være hensiktsmessig»))",
        "conversations/2026-12-10/self-evaluation.yaml:11:1: C302 info: Egenevalueringen til "
        "kommunedirektøren mangler for M1, M2, M3, M4. (KS: Utviklingssamtale mellom folkevalgte "
        "og rådmannen («kan være hensiktsmessig»); KS: Folkevalgtes arbeidsgiverrolle overfor "
        "kommunedirektøren («kan være nyttig»))",
    ]
    meeting = parse((root / "conversations/2026-12-10/meeting.yaml").read_bytes()).data
    assert meeting["plan_under_review"] == "2026"
    assert [p["role"] for p in meeting["participants"]] == [
        "mayor",
        "deputy_mayor",
        "opposition_leader",
        "group_leader",
        "chief_executive",
    ]
    own = parse((root / "conversations/2026-12-10/self-evaluation.yaml").read_bytes()).data
    assert [g["goal"] for g in own["goals"]] == ["M1", "M2", "M3", "M4"]
    check = runner.invoke(app, ["check", "--today", TODAY])
    assert " S0" not in check.output and " Y0" not in check.output


def test_forms_are_never_overwritten_nor_filled_from_each_other(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    folder = root / "conversations" / "2026-12-10"
    folder.mkdir(parents=True)
    mine = "submitted: 2026-12-01\ngoals:\n  - {goal: M1, status: achieved, evidence: EGEN-TEKST}\n"
    (folder / "self-evaluation.yaml").write_text(mine, encoding="utf-8")
    result = _prepare(runner, root, monkeypatch, "2026-12-10")
    assert result.exit_code == 0, result.output
    assert (folder / "self-evaluation.yaml").read_text(encoding="utf-8") == mine
    assert "EGEN-TEKST" not in (folder / "evaluation.yaml").read_text(encoding="utf-8")
    before = tree_digest(folder)
    again = _prepare(runner, root, monkeypatch, str(folder))
    assert again.exit_code == 0 and "Opprettet" not in again.output
    assert tree_digest(folder) == before


@pytest.mark.parametrize(
    ("participants", "codes"),
    [
        (
            "[{name: A, role: member}, {name: B, role: member}, {name: C, role: deputy_mayor}]",
            ["C101", "C103", "C106"],
        ),
        ("[{name: A, role: mayor}, {name: B, role: deputy_mayor}]", ["C102", "C103", "C106"]),
        (
            "[{name: A, role: mayor}, {name: B, role: member}, {name: C, role: member}]",
            ["C103", "C106"],
        ),
        (
            "[{name: A, role: mayor}, {name: B, role: deputy_mayor},"
            " {name: C, role: group_leader}]",
            ["C106"],
        ),
    ],
)
def test_readiness_names_missing_participants(runner, example, monkeypatch, participants, codes):
    root = example("fjordvik-kommune")
    folder = root / "conversations" / "2026-12-10"
    folder.mkdir(parents=True)
    (folder / "meeting.yaml").write_text(
        f"status: planned\ndate: 2026-12-10\nparticipants: {participants}\n"
        "plan_under_review: '2026'\nclosed_meeting: {closed: true, legal_basis: x}\n",
        encoding="utf-8",
    )
    result = _prepare(runner, root, monkeypatch, "2026-12-10")
    found = {line.split(": ")[1].split()[0] for line in result.output.splitlines() if " C1" in line}
    assert found == set(codes)
    assert result.exit_code == 0, "participants follow KS recommendations: warnings, not errors"


def test_readiness_without_a_plan(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    result = _prepare(runner, root, monkeypatch, "2028-01-15")
    assert "C301 advarsel: Samtalen har ingen resultat- og utviklingsplan å vurdere." not in (
        result.output
    )  # the latest plan (2026) is picked for a new conversation
    meeting = root / "conversations" / "2028-01-15" / "meeting.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace('"2026"', '"2099"'), "utf-8")
    again = _prepare(runner, root, monkeypatch, "2028-01-15")
    assert (
        "C301 advarsel: Samtalen har ingen resultat- og utviklingsplan å vurdere." in again.output
    )


def test_bad_reference_is_explained(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    result = _prepare(runner, root, monkeypatch, "neste-uke")
    assert result.exit_code == 1
    assert result.output.startswith("«neste-uke» er ikke en dato eller en samtalemappe.\n")


@pytest.mark.parametrize(
    ("name", "folder", "internal", "public"),
    [
        (
            "fjordvik-kommune",
            "2026-09-15",
            "samtale-2026-09-15-forberedelse-intern.md",
            "samtale-2026-09-15-saksliste.md",
        ),
        (
            "havbrekke-fylkeskommune",
            "2026-06-10",
            "samtale-2026-06-10-forebuing-intern.md",
            "samtale-2026-06-10-sakliste.md",
        ),
    ],
)
def test_agenda_variantsassert_golden(runner, example, monkeypatch, name, folder, internal, public):
    root = example(name)
    result = _prepare(runner, root, monkeypatch, folder)
    assert result.exit_code in (0, 1), result.output
    output = root / "dokumenter"
    assert_golden(f"agenda-{name}-intern.md", (output / internal).read_text(encoding="utf-8"))
    assert_golden(f"agenda-{name}-offentlig.md", (output / public).read_text(encoding="utf-8"))
    assert "INTERNT ARBEIDSDOKUMENT" in (output / internal).read_text(
        encoding="utf-8"
    ) or "INTERNT ARBEIDSDOKUMENT" in (output / internal).read_text(encoding="utf-8")


CANARY = "KANARI-93XQ"


def _plant(value: Any, model: Any) -> Any:
    """Put the canary in every confidential field (at any depth) of one record's data."""
    from pydantic import BaseModel

    data = dict(value)
    for field_name, info in model.model_fields.items():
        if is_confidential(model, field_name):
            data[field_name] = [CANARY] if "list[" in str(info.annotation) else CANARY
            continue
        inner = data.get(field_name)
        from utvikling.records.load import _unwrap

        nested = _unwrap(info.annotation)
        if isinstance(nested, type) and issubclass(nested, BaseModel):
            if isinstance(inner, list):
                data[field_name] = [_plant(item, nested) for item in inner]
            elif isinstance(inner, dict):
                data[field_name] = _plant(inner, nested)
    return data


def test_no_confidential_field_reaches_the_public_agenda(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    folder = root / "conversations" / "2026-09-15"
    kinds = {
        "input.yaml": "input",
        "self-evaluation.yaml": "self_evaluation",
        "evaluation.yaml": "evaluation",
        "meeting.yaml": "meeting",
    }
    for file_name, kind in kinds.items():
        model = RECORD_KINDS[kind]
        data = _plant(parse((folder / file_name).read_bytes()).data, model)
        (folder / file_name).write_text(emit(model, data), encoding="utf-8")
    result = _prepare(runner, root, monkeypatch, "2026-09-15")
    assert result.exit_code in (0, 1), result.output
    public = (root / "dokumenter" / "samtale-2026-09-15-saksliste.md").read_text(encoding="utf-8")
    internal = (root / "dokumenter" / "samtale-2026-09-15-forberedelse-intern.md").read_text(
        encoding="utf-8"
    )
    assert CANARY in internal, "the canary must be planted where the internal pack shows it"
    assert CANARY not in public


def test_plan_new_takes_the_goals_agreed_in_the_minutes(runner, example, monkeypatch):
    from utvikling.models import Minutes, Plan

    root = example("fjordvik-kommune")
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["plan", "new", "2027", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "Opprettet plans/2027.yaml",
        "Målene er hentet fra referatet i conversations/2026-09-15/.",
        "Mappen er ikke et git-depot; endringen er ikke lagret i historikken.",
    ]
    plan = Plan.model_validate(parse((root / "plans" / "2027.yaml").read_bytes()).data)
    minutes = Minutes.model_validate(
        parse((root / "conversations/2026-09-15/minutes.yaml").read_bytes()).data
    )
    assert minutes.new_goals is not None
    assert plan.goals == minutes.new_goals.goals
    assert plan.based_on == "2026-09-15"
    assert plan.period is not None and str(plan.period.start) == "2027-01-01"
    before = tree_digest(root)
    again = runner.invoke(app, ["plan", "new", "2027", "--today", TODAY])
    assert again.exit_code == 1
    assert "Planen for 2027 finnes allerede." in again.output
    assert tree_digest(root) == before


def test_plan_new_without_agreed_goals_leaves_them_open(runner, build, monkeypatch):
    root = build({})
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["plan", "new", "2027", "--no-input", "--today", TODAY])
    assert result.exit_code == 1
    codes = [
        line.split(": ")[1].split()[0]
        for line in result.output.splitlines()[1:]
        if ": " in line and not line.startswith(" ")
    ]
    # Sorted by place, each goal's own findings (the plan's adoption, P107, is advice: info).
    assert codes == ["P103", "P104", "P105", "P106"] * 3


def test_a_january_conversation_reviews_the_year_that_ended(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    monkeypatch.chdir(root)
    assert runner.invoke(app, ["plan", "new", "2027", "--today", TODAY]).exit_code == 0
    assert _prepare(runner, root, monkeypatch, "2027-01-20").exit_code == 0
    meeting = parse((root / "conversations/2027-01-20/meeting.yaml").read_bytes()).data
    assert meeting["plan_under_review"] == "2026"
    assert _prepare(runner, root, monkeypatch, "2027-09-14").exit_code == 0
    meeting = parse((root / "conversations/2027-09-14/meeting.yaml").read_bytes()).data
    assert meeting["plan_under_review"] == "2027"
