"""The lock on reported minutes: each way around it is an error that cannot be suppressed.

Ways that need git's memory (a recomputed checksum, a removed report, a removed amendment) are
in test_git.py; the ones here are found from the records alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES, TODAY
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.cli import app
from utvikling.records.integrity import minutes_sources, stored_matches

FOLDER = "conversations/2026-09-15"
MINUTES = f"{FOLDER}/minutes.yaml"
LOCKED = (
    "Referatet er endret etter at det ble lagt fram for kommunestyret: kontrollsummen "
    "stemmer ikke med det referatet viser (referatet, møtet, planen eller utvikling.yaml)."
)


def _edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _errors(root: Path) -> list[tuple[str, str, str]]:
    result = check_repository(root, CheckOptions(today=__import__("datetime").date(2026, 11, 23)))
    return [
        (f.code, f.severity, f.message)
        for f in result.findings
        if f.file and f.file.endswith(MINUTES) and f.code.startswith(("C2", "R"))
    ]


def test_the_bundled_examples_are_locked() -> None:
    for name in ("fjordvik-kommune", "havbrekke-fylkeskommune"):
        day = __import__("datetime").date.fromisoformat(TODAY)
        result = check_repository(EXAMPLES / name, CheckOptions(today=day))
        assert result.loaded is not None
        context = result.loaded.context
        reported = [c for c in context.conversations if c.minutes and c.minutes.reported]
        assert reported, name
        for conversation in reported:
            sources = minutes_sources(context, conversation)
            assert sources is not None
            assert sources.minutes.reported is not None
            assert sources.minutes.reported.checksum_version == 2
            assert stored_matches(sources) is True, conversation.folder
        assert not [f for f in result.findings if f.code in {"C209", "C210", "C211", "C215"}]


BYPASSES: dict[str, Callable[[Path], None]] = {
    "text": lambda root: _edit(root, MINUTES, "Tre av fire mål", "Alle fire mål"),
    "reported": lambda root: _edit(root, MINUTES, "case_number: 26/91", "case_number: 26/99"),
    "approved": lambda root: _edit(root, MINUTES, "date: 2026-09-22", "date: 2026-09-21"),
    "meeting": lambda root: _edit(
        root, f"{FOLDER}/meeting.yaml", "body: Arbeidsgiverutvalget", "body: Formannskapet"
    ),
    "plan": lambda root: _edit(
        root,
        "plans/2026.yaml",
        "title: Netto driftsresultat på minst 2 prosent av driftsinntektene",
        "title: Netto driftsresultat på minst 1 prosent av driftsinntektene",
    ),
    "settings": lambda root: _edit(
        root, "utvikling.yaml", "title: kommunedirektør", "title: rådmann"
    ),
}


@pytest.mark.parametrize("what", sorted(BYPASSES))
def test_a_change_to_anything_the_minutes_print_breaks_the_lock(example, what: str) -> None:
    root = example("fjordvik-kommune")
    BYPASSES[what](root)
    assert ("C209", "error", LOCKED) in _errors(root)


def _suppress(root: Path, code: str) -> None:
    path = root / MINUTES
    path.write_text(
        path.read_text("utf-8")
        + f"\nsuppress:\n  - code: {code}\n    reason: Vi vil ikke se den.\n",
        "utf-8",
    )


def test_suppressing_the_lock_rule_is_refused_and_the_lock_holds(example) -> None:
    root = example("fjordvik-kommune")
    BYPASSES["text"](root)
    _suppress(root, "C209")
    found = _errors(root)
    assert ("C209", "error", LOCKED) in found
    assert (
        "R009",
        "warning",
        "C209 kan ikke unntas: regelen vokter at et referat som er lagt fram, står slik det "
        "ble lagt fram.",
    ) in found


def test_a_deleted_checksum_is_an_error_with_a_repair(runner, example, monkeypatch) -> None:
    root = example("fjordvik-kommune")
    _edit(root, MINUTES, "  content_sha256: ", "  # content_sha256: ")
    _suppress(root, "C210")
    found = _errors(root)
    assert (
        "C210",
        "error",
        "Referatet er lagt fram for kommunestyret, men har ingen kontrollsum, så det er ikke låst.",
    ) in found
    assert any(code == "R009" for code, _, _ in found)
    monkeypatch.chdir(root)
    repaired = runner.invoke(app, ["minutes", "report", "2026-09-15", "--repair", "--on", TODAY])
    assert repaired.exit_code == 0, repaired.output
    assert repaired.output.startswith(
        f"Kontrollsummen er ført inn i {MINUTES}, merket som lagt til i ettertid; referatet er "
        "nå låst.\n"
    )
    assert not [f for f in _errors(root) if f[0] in {"C209", "C210"}]
    again = runner.invoke(app, ["minutes", "report", "2026-09-15", "--repair"])
    assert again.exit_code == 1
    assert "Referatet har allerede en kontrollsum som stemmer" in again.output


def test_repair_refuses_minutes_whose_checksum_does_not_match(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    BYPASSES["text"](root)
    monkeypatch.chdir(root)
    refused = runner.invoke(app, ["minutes", "report", "2026-09-15", "--repair"])
    assert refused.exit_code == 1
    assert "C209 feil:" in refused.output
    assert "Referatet er endret etter at det ble låst, og kan ikke føres videre nå." in (
        refused.output
    )


def _amend(runner, root: Path, day: str, text: str) -> None:
    result = runner.invoke(
        app,
        ["minutes", "amend", "2026-09-15", "--text", text, "--reason", "Skrivefeil", "--on", day],
    )
    assert result.exit_code == 0, result.output


def test_an_earlier_amendment_edited_in_place_breaks_the_chain(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    monkeypatch.chdir(root)
    _amend(runner, root, "2026-11-01", "Første rettelse.")
    _amend(runner, root, "2026-11-02", "Andre rettelse.")
    assert not [f for f in _errors(root) if f[0] in {"C209", "C211"}]
    _edit(root, MINUTES, "Første rettelse.", "En helt annen rettelse.")
    _suppress(root, "C211")
    found = _errors(root)
    assert (
        "C211",
        "error",
        "Endring nr. 1 i referatet er rettet eller fjernet etter at den ble ført inn.",
    ) in found
    refused = runner.invoke(
        app, ["minutes", "amend", "2026-09-15", "--text", "x", "--reason", "y", "--on", TODAY]
    )
    assert refused.exit_code == 1 and "C211 feil:" in refused.output


def test_an_old_conversation_is_still_guarded(example) -> None:
    root = example("fjordvik-kommune")
    _edit(root, "conversations/2025-09-16/minutes.yaml", "Byggesaksmålet", "Målet")
    result = check_repository(root, CheckOptions(today=__import__("datetime").date(2030, 1, 1)))
    assert [f.code for f in result.findings if f.code == "C209"] == ["C209"]


ORDER = {
    "approved before the meeting": (
        ("date: 2026-09-22", "date: 2026-09-14"),
        ("C216", "Referatet er godkjent 2026-09-14, før møtet 2026-09-15."),
    ),
    "reported before approved": (
        ("date: 2026-10-22", "date: 2026-09-20"),
        (
            "C218",
            "Referatet er lagt fram for kommunestyret 2026-09-20, før det ble godkjent 2026-09-22.",
        ),
    ),
}


@pytest.mark.parametrize("case", sorted(ORDER))
def test_lifecycle_dates_out_of_order_are_found_as_info(example, case: str) -> None:
    root = example("fjordvik-kommune")
    (old, new), (code, message) = ORDER[case]
    _edit(root, MINUTES, old, new)
    assert (code, "info", message) in _errors(root)


def test_acknowledgement_and_amendments_out_of_order_are_found_as_info(example):
    root = example("fjordvik-kommune")
    _edit(
        root,
        MINUTES,
        "\nreported:",
        "\nacknowledged:\n  date: 2026-09-20\n\nreported:",
    )
    path = root / MINUTES
    path.write_text(
        path.read_text("utf-8")
        + "\namendments:\n  - date: 2026-11-05\n    text: Rettelse.\n"
        + "  - date: 2026-10-01\n    text: Enda en.\n",
        "utf-8",
    )
    found = _errors(root)
    assert (
        "C217",
        "info",
        "Kommunedirektøren har kvittert 2026-09-20, før referatet ble godkjent 2026-09-22.",
    ) in found
    assert (
        "C219",
        "info",
        "Endring nr. 2 er datert 2026-10-01, før referatet ble lagt fram 2026-10-22.",
    ) in found
    assert (
        "C220",
        "info",
        "Endring nr. 2 er datert 2026-10-01, før endringen foran den (2026-11-05).",
    ) in found
