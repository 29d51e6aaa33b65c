"""Minutes: public and internal documents, the lifecycle, the lock, the carry-over."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY, assert_golden, tree_digest
from test_conversations import CANARY, _plant
from utvikling.cli import app
from utvikling.models import Minutes, Plan
from utvikling.records.emit import emit
from utvikling.yamlsafe import parse


def _run(runner, root: Path, monkeypatch, *args: str):
    monkeypatch.chdir(root)
    return runner.invoke(app, list(args))


def test_public_minutes_and_internal_record_in_bokmal(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    result = _run(runner, root, monkeypatch, "render-minutes", "2026-09-15", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Offentlig referat: dokumenter/referat-2026-09-15.md\n"
        "Internt referat (ikke offentlig): dokumenter/referat-2026-09-15-intern.md\n"
    )
    public = (root / "dokumenter" / "referat-2026-09-15.md").read_text(encoding="utf-8")
    internal = (root / "dokumenter" / "referat-2026-09-15-intern.md").read_text(encoding="utf-8")
    assert_golden("minutes-fjordvik-offentlig.md", public)
    assert_golden("minutes-fjordvik-intern.md", internal)
    assert "unntatt offentlighet, jf. offentleglova § 13" in public
    assert "INTERNT ARBEIDSDOKUMENT" in internal and "INTERNT ARBEIDSDOKUMENT" not in public
    assert "IKKE OFFENTLIG" not in internal, "never withheld as a whole (spec 2.7)"


def test_nynorsk_minutes_are_refused_until_complete_or_drafted(runner, example, monkeypatch):
    root = example("havbrekke-fylkeskommune")
    refused = _run(runner, root, monkeypatch, "render-minutes", "2026-06-10", "--today", TODAY)
    assert refused.exit_code == 1
    assert "C203 åtvaring: Referatet stadfestar ikkje prinsipp" in refused.output
    assert "C206 feil:" in refused.output
    assert "kan ikkje godkjennast eller lagast enno" in refused.output
    assert not (root / "dokumenter").exists()
    drafted = _run(
        runner, root, monkeypatch, "render-minutes", "2026-06-10", "--draft", "--today", TODAY
    )
    assert drafted.exit_code == 0, drafted.output
    public = (root / "dokumenter" / "referat-2026-06-10.md").read_text(encoding="utf-8")
    internal = (root / "dokumenter" / "referat-2026-06-10-intern.md").read_text(encoding="utf-8")
    assert "**[MANGLAR: prinsipp for samhandling]**" in public
    assert_golden("minutes-havbrekke-offentleg.md", public)
    assert_golden("minutes-havbrekke-intern.md", internal)


def test_no_confidential_field_reaches_the_public_minutes(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    path = root / "conversations" / "2026-09-15" / "minutes.yaml"
    data = _plant(parse(path.read_bytes()).data, Minutes)
    for key in ("interaction_principles", "development_measures"):
        data[key] = [*data[key], {"text": CANARY, "confidential": True}]
    data["new_goals"]["expectations"].append({"text": CANARY, "confidential": True})
    data["results_review"]["goals"].append({"goal": "M9", "summary": CANARY, "confidential": True})
    data["salary"] = {**data["salary"], "conclusion": CANARY, "confidential": True}
    data["reported"].pop("content_sha256", None)
    # Unlocked minutes name a basis for each withheld item (C206); the basis itself is public.
    basis = "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 1"
    for item in [
        *data["interaction_principles"],
        *data["development_measures"],
        *data["new_goals"]["expectations"],
        *data["results_review"]["goals"],
        data["salary"],
    ]:
        if item.get("confidential"):
            item["legal_basis"] = basis
    path.write_text(emit(Minutes, data), encoding="utf-8")
    result = _run(runner, root, monkeypatch, "render-minutes", "2026-09-15", "--today", TODAY)
    assert result.exit_code == 0, result.output
    public = (root / "dokumenter" / "referat-2026-09-15.md").read_text(encoding="utf-8")
    internal = (root / "dokumenter" / "referat-2026-09-15-intern.md").read_text(encoding="utf-8")
    assert internal.count(CANARY) >= 7
    assert CANARY not in public


MINUTES = """\
# Referat fra samtalen. Denne kommentaren skal bli stående.
public_title: Utviklingssamtale med kommunedirektøren
date: 2026-12-10
results_review:
  summary: Alle mål er nådd.   # kommentar etter en verdi
new_goals:
  summary: Tre nye mål.
interaction_principles:
  - text: Lik informasjon til alle partier.
development_measures: []
"""


def test_lifecycle_keeps_comments_and_locks_after_report(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    folder = root / "conversations" / "2026-12-10"
    folder.mkdir(parents=True)
    path = folder / "minutes.yaml"
    path.write_text(MINUTES, encoding="utf-8")

    early = _run(runner, root, monkeypatch, "minutes", "report", "2026-12-10", "--case", "27/1")
    assert early.exit_code == 1 and "ikke godkjent av panelet ennå" in early.output
    not_yet = _run(
        runner, root, monkeypatch, "minutes", "amend", "2026-12-10", "--text", "x", "--reason", "y"
    )
    assert not_yet.exit_code == 1 and "er ikke lagt fram for kommunestyret ennå" in not_yet.output
    assert path.read_text(encoding="utf-8") == MINUTES

    steps = [
        ["minutes", "approve", "2026-12-10", "--by", "Arbeidsgiverutvalget", "--on", "2026-12-15"],
        [
            "minutes",
            "acknowledge",
            "2026-12-10",
            "--remark",
            "Ingen merknader.",
            "--on",
            "2026-12-16",
        ],
        ["minutes", "report", "2026-12-10", "--case", "27/4", "--on", "2027-01-28"],
    ]
    for step in steps:
        result = _run(runner, root, monkeypatch, *step)
        assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(MINUTES)
    minutes = Minutes.model_validate(parse(text.encode()).data)
    assert minutes.approved is not None and str(minutes.approved.date) == "2026-12-15"
    assert minutes.acknowledged is not None and minutes.acknowledged.remark == "Ingen merknader."
    assert minutes.reported is not None and minutes.reported.case_number == "27/4"
    assert minutes.reported.body == "Kommunestyret" and minutes.reported.content_sha256

    before = tree_digest(folder)
    again = _run(runner, root, monkeypatch, "minutes", "approve", "2026-12-10", "--by", "X")
    assert again.exit_code == 1
    assert "Referatet ble lagt fram for kommunestyret 2027-01-28 og er låst." in again.output
    assert tree_digest(folder) == before

    amended = _run(
        runner,
        root,
        monkeypatch,
        "minutes",
        "amend",
        "2026-12-10",
        "--text",
        "Rettet navnet på utvalget.",
        "--reason",
        "Skrivefeil",
        "--on",
        "2027-02-01",
    )
    assert amended.exit_code == 0, amended.output
    assert "Denne kommentaren skal bli stående." in path.read_text(encoding="utf-8")
    check = _run(runner, root, monkeypatch, "check", "--select", "C209", "--today", "2027-02-02")
    assert check.exit_code == 0, check.output

    path.write_text(
        path.read_text(encoding="utf-8").replace("Alle mål er nådd.", "Nesten alle mål."),
        encoding="utf-8",
    )
    tampered = _run(runner, root, monkeypatch, "check", "--select", "C209", "--today", "2027-02-02")
    assert tampered.exit_code == 1
    assert (
        "C209 feil: Referatet er endret etter at det ble lagt fram for kommunestyret: "
        "kontrollsummen stemmer ikke med det referatet viser"
    ) in tampered.output


def test_approval_is_refused_while_elements_are_missing(runner, example, monkeypatch):
    root = example("havbrekke-fylkeskommune")
    path = root / "conversations" / "2026-06-10" / "minutes.yaml"
    text = path.read_text(encoding="utf-8")
    cut = text.index("\napproved:")
    path.write_text(text[:cut] + "\n", encoding="utf-8")
    before = tree_digest(root)
    result = _run(runner, root, monkeypatch, "minutes", "approve", "2026-06-10", "--by", "Utvalet")
    assert result.exit_code == 1
    assert "C203 åtvaring:" in result.output and "kan ikkje godkjennast" in result.output
    assert tree_digest(root) == before


def test_next_plan_carries_goals_and_development_measures(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    result = _run(runner, root, monkeypatch, "plan", "new", "2027", "--today", TODAY)
    assert result.exit_code == 0, result.output
    plan = Plan.model_validate(parse((root / "plans" / "2027.yaml").read_bytes()).data)
    minutes = Minutes.model_validate(
        parse((root / "conversations/2026-09-15/minutes.yaml").read_bytes()).data
    )
    assert plan.development_measures == minutes.development_measures
    assert plan.development_measures and any(m.confidential for m in plan.development_measures)


def test_unreadable_minutes_are_explained_not_called_missing(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    (root / "conversations" / "2026-09-15" / "minutes.yaml").write_text("x: [\n", "utf-8")
    result = _run(runner, root, monkeypatch, "render-minutes", "2026-09-15", "--today", TODAY)
    assert result.exit_code == 1
    assert result.output.startswith(
        "conversations/2026-09-15/minutes.yaml:2:1: Y001 feil: Filen kan ikke leses som YAML her."
    )
    assert "Det finnes ikke noe referat" not in result.output
