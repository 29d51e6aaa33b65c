"""The two minutes documents from small repositories: what they say, where they go, refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from conftest import tree_digest
from project_api import (
    FileExistsRefusedError,
    MinutesError,
    app,
    render_minutes,
)

FOLDER = "conversations/2026-12-10"
MEETING = """\
date: 2026-12-10
body: Arbeidsgiverutvalget
participants:
  - {name: Ola Ordfører, role: mayor}
  - {name: Vera Vara, role: deputy_mayor}
  - {name: Kari Direktør, role: chief_executive}
  - {name: Sekretær Uten Rolle}
"""
MINUTES = """\
results_review:
  summary: Alle mål er nådd.
  goals:
    - {goal: M1, status: achieved, summary: Nådd.}
    - {goal: M9, summary: Ikke vurdert.}
new_goals:
  summary: Tre nye mål.
interaction_principles:
  - text: Lik informasjon til alle partier.
development_measures: []
"""
NO_TITLE = """\
municipality: {name: Testvik kommune, number: "4698", kind: kommune}
"""
PLAN = """\
period: {start: 2026-01-01, end: 2026-12-31}
goals:
  - {id: M1, title: Sykefraværet ned}
"""


def _render(runner, build, monkeypatch, *args: str, **files: str) -> tuple[Path, object]:
    given = {
        f"{FOLDER}/meeting.yaml": MEETING,
        f"{FOLDER}/minutes.yaml": MINUTES,
        "plans/2026.yaml": PLAN,
        **{name.replace("__", "/"): text for name, text in files.items()},
    }
    root = build({k: v for k, v in given.items() if v})
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["render-minutes", "2026-12-10", "--today", "2026-12-20", *args])
    return root, result


def _public(root: Path, folder: str = "dokumenter") -> str:
    return (root / folder / "referat-2026-12-10.md").read_text(encoding="utf-8")


def test_participants_with_their_roles_and_the_chief_executives_title(
    runner, build, monkeypatch
) -> None:
    root, result = _render(runner, build, monkeypatch)
    assert result.exit_code == 0, result.output
    text = _public(root)
    assert (
        text.splitlines()[1]
        == "# Referat fra utviklingssamtale med kommunedirektøren 10. desember 2026"
    )
    assert (
        "Til stede: Ola Ordfører (ordfører), Vera Vara (varaordfører), "
        "Kari Direktør (kommunedirektør), Sekretær Uten Rolle.\n" in text
    )
    assert "- **M1 Sykefraværet ned** (nådd): Nådd.\n" in text
    assert "- **M9**: Ikke vurdert.\n" in text


def test_the_title_comes_from_the_settings_and_defaults_to_kommunedirektor(
    runner, build, monkeypatch
) -> None:
    root, result = _render(runner, build, monkeypatch, **{"utvikling.yaml": NO_TITLE})
    assert result.exit_code == 0, result.output
    assert "Kari Direktør (kommunedirektør)" in _public(root)
    rådmann = NO_TITLE + "chief_executive: {title: rådmann}\n"
    root, result = _render(runner, build, monkeypatch, "--force", **{"utvikling.yaml": rådmann})
    assert result.exit_code == 0, result.output
    text = _public(root)
    assert "Referat fra utviklingssamtale med rådmannen 10. desember 2026" in text
    assert "Kari Direktør (rådmann)" in text


def test_the_meetings_participants_are_used_when_the_minutes_list_none(
    runner, build, monkeypatch
) -> None:
    with_own = MINUTES + "participants:\n  - {name: Bare Denne, role: member}\n"
    root, result = _render(runner, build, monkeypatch, **{f"{FOLDER}/minutes.yaml": with_own})
    assert result.exit_code == 0, result.output
    assert "Til stede: Bare Denne (medlem).\n" in _public(root)


def test_documents_go_to_the_output_folder_and_are_listed(runner, build, monkeypatch) -> None:
    root, result = _render(runner, build, monkeypatch, "--output", "ut")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Offentlig referat: ut/referat-2026-12-10.md\n"
        "Internt referat (ikke offentlig): ut/referat-2026-12-10-intern.md\n"
    )
    assert "Alle mål er nådd." in _public(root, "ut")
    assert not (root / "dokumenter").exists()


def test_a_hand_edited_document_is_kept_unless_forced(runner, build, monkeypatch) -> None:
    root, result = _render(runner, build, monkeypatch)
    assert result.exit_code == 0, result.output
    public = root / "dokumenter" / "referat-2026-12-10.md"
    public.write_text(public.read_text(encoding="utf-8") + "Min merknad.\n", encoding="utf-8")
    before = tree_digest(root)
    again = runner.invoke(app, ["render-minutes", "2026-12-10", "--today", "2026-12-20"])
    assert again.exit_code == 1
    assert "referat-2026-12-10.md er endret for hånd siden utvikling laget den." in again.output
    assert tree_digest(root) == before
    forced = runner.invoke(
        app, ["render-minutes", "2026-12-10", "--today", "2026-12-20", "--force"]
    )
    assert forced.exit_code == 0, forced.output
    assert "Min merknad." not in public.read_text(encoding="utf-8")


def test_a_conversation_without_minutes_is_refused(runner, build, monkeypatch) -> None:
    root, result = _render(runner, build, monkeypatch, **{f"{FOLDER}/minutes.yaml": ""})
    assert result.exit_code == 1
    assert result.output == (
        f"{FOLDER}/minutes.yaml: Det finnes ikke noe referat for samtalen 2026-12-10.\n"
        "    Lag minutes.yaml i conversations/2026-12-10/ først.\n"
    )
    assert not (root / "dokumenter").exists()


def test_an_unknown_conversation_is_refused(runner, build, monkeypatch) -> None:
    root, _ = _render(runner, build, monkeypatch)
    result = runner.invoke(app, ["render-minutes", "2026-12-11"])
    assert result.exit_code == 1
    assert result.output == (
        "conversations/2026-12-11/minutes.yaml: Det finnes ikke noe referat for samtalen "
        "2026-12-11.\n    Lag minutes.yaml i conversations/2026-12-11/ først.\n"
    )


def test_missing_elements_refuse_the_documents_unless_drafted(runner, build, monkeypatch) -> None:
    draft = "public_title: Utkast\ndevelopment_measures: []\n"
    root, result = _render(runner, build, monkeypatch, **{f"{FOLDER}/minutes.yaml": draft})
    assert result.exit_code == 1
    lines = result.output.splitlines()
    # The three elements are KS «bør» (warnings), and they still block the final documents.
    assert [line.split(": ")[1].split()[0] for line in lines if " advarsel: " in line] == [
        "C201",
        "C202",
        "C203",
    ]
    assert lines[-2:] == [
        f"{FOLDER}/minutes.yaml: Referatet mangler noe det skal ha, og kan ikke godkjennes eller "
        "lages ennå.",
        "    Fyll ut punktene over. Et utkast med luker kan lages med --draft.",
    ]
    drafted = runner.invoke(
        app, ["render-minutes", "2026-12-10", "--today", "2026-12-20", "--draft"]
    )
    assert drafted.exit_code == 0, drafted.output
    text = _public(root)
    assert "> **UTKAST.**" in text
    complete, _ = _render(runner, build, monkeypatch, "--force")
    assert "UTKAST" not in _public(complete)


OVERRIDE = (
    "{{ ce_title }} / {{ ce }} / {{ municipality }} / {{ status(None) }}|{{ status('achieved') }}"
    " / {{ deviation_text }} / {{ legal_basis }} / {{ withheld }} / {{ goal_titles }}"
    " / {% for p in participants %}{{ p.name }} ({{ p.role }}) {% endfor %}\n"
)


def _override(runner, build, monkeypatch, **files: str) -> str:
    root, result = _render(
        runner,
        build,
        monkeypatch,
        "--templates",
        "maler",
        "--output",
        "ut/referater",
        **{
            "maler__documents__nb__minutes-public.md.j2": OVERRIDE,
            "maler__documents__nb__minutes-internal.md.j2": OVERRIDE,
            **files,
        },
    )
    assert result.exit_code == 0, result.output
    text = (root / "ut" / "referater" / "referat-2026-12-10.md").read_text(encoding="utf-8")
    return "\n".join(text.splitlines()[1:])


def test_an_override_template_gets_what_the_minutes_say(runner, build, monkeypatch) -> None:
    rådmann = NO_TITLE + "chief_executive: {title: rådmann}\n"
    deviation = MINUTES + (
        "deviation: {status: ongoing}\n"
        "confidential: {legal_basis: offentleglova § 13, notes: [Notat]}\n"
    )
    text = _override(
        runner,
        build,
        monkeypatch,
        **{"utvikling.yaml": rådmann, f"{FOLDER}__minutes.yaml": deviation},
    )
    assert text == (
        "rådmann / rådmannen / Testvik kommune / |nådd / Avviksbehandlingen pågår."
        " / offentleglova § 13 / 1"
        " / \\{'M1': 'Sykefraværet ned'\\} / Ola Ordfører (ordfører) Vera Vara (varaordfører)"
        " Kari Direktør (rådmann) Sekretær Uten Rolle ()"
    )


def test_an_override_template_without_settings_plan_or_meeting(runner, build, monkeypatch) -> None:
    text = _override(
        runner,
        build,
        monkeypatch,
        **{
            "utvikling.yaml": "language: nb\n",
            "plans__2026.yaml": "",
            f"{FOLDER}__meeting.yaml": "",
        },
    )
    # Values reach the document escaped for Markdown (#10): braces too.
    assert text == "kommunedirektør / kommunedirektøren /  / |nådd /  / None / 0 / \\{\\} /"


def test_render_minutes_from_python_writes_markdown_and_refuses_by_default(build) -> None:
    from utvikling.actions.documents import DocumentOptions

    root = build({f"{FOLDER}/meeting.yaml": MEETING, f"{FOLDER}/minutes.yaml": MINUTES})
    options = DocumentOptions(day=dt.date(2026, 12, 20))
    rendered = render_minutes(root, "2026-12-10", options)
    folder = root / "dokumenter"
    assert (rendered.public, rendered.internal) == (
        folder / "referat-2026-12-10.md",
        folder / "referat-2026-12-10-intern.md",
    )
    assert rendered.files == [rendered.public, rendered.internal]
    rendered.public.write_text("Endret for hånd.\n", encoding="utf-8")
    with pytest.raises(FileExistsRefusedError):
        render_minutes(root, "2026-12-10", options)
    (root / FOLDER / "minutes.yaml").write_text("public_title: Utkast\n", encoding="utf-8")
    forced = DocumentOptions(day=dt.date(2026, 12, 20), force=True)
    with pytest.raises(MinutesError) as caught:
        render_minutes(root, "2026-12-10", forced)
    assert [f.code for f in caught.value.findings] == ["C201", "C202", "C203"]


def test_a_docx_without_a_municipality_has_no_author(runner, build, monkeypatch) -> None:
    root, result = _render(
        runner, build, monkeypatch, "--format", "docx", **{"utvikling.yaml": "language: nb\n"}
    )
    assert result.exit_code == 0, result.output
    document = docx.Document(str(root / "dokumenter" / "referat-2026-12-10.docx"))
    assert document.core_properties.author == ""
