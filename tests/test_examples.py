"""The bundled examples: the bokmål one is complete, the nynorsk one has known gaps."""

from __future__ import annotations

import datetime as dt

from conftest import EXAMPLES
from utvikling.actions.check import CheckOptions, check_repository

TODAY = dt.date(2026, 11, 23)

HAVBREKKE_GAPS = [
    "agreements/2025-08-01.yaml:85:1 A606 error",
    "agreements/2025-08-01.yaml:133:1 A401 error",
    "agreements/2025-08-01.yaml:141:1 A403 error",
    "agreements/2025-08-01.yaml:141:1 A701 warning",
    "agreements/2025-08-01.yaml:155:1 A503 warning",
    "conversations/2026-06-10/meeting.yaml:16:1 C102 warning",
    "conversations/2026-06-10/meeting.yaml:16:1 C103 warning",
    "conversations/2026-06-10/meeting.yaml:16:1 C106 info",
    "conversations/2026-06-10/minutes.yaml:38:1 C203 warning",
    "conversations/2026-06-10/minutes.yaml:118:5 C206 error",
    "plans/2026.yaml:18:1 P102 info",
    "plans/2026.yaml:48:5 P103 warning",
    "plans/2026.yaml:48:5 P104 warning",
]


def test_fjordvik_is_complete() -> None:
    result = check_repository(EXAMPLES / "fjordvik-kommune", CheckOptions(today=TODAY))
    assert result.language == "nb"
    assert result.findings == []
    assert result.files == 15


def test_fjordvik_history_shows_the_old_gap() -> None:
    """With --history the 18 months before the first conversation (2024–2025) show up."""
    root = EXAMPLES / "fjordvik-kommune"
    options = CheckOptions(today=TODAY, history=True)
    result = check_repository(root, options, base=root)
    assert [(f.location(), f.message) for f in result.findings] == [
        (
            "conversations/2025-09-16/meeting.yaml:6:1",
            "Det er ikke registrert noen utviklingssamtale på 18 måneder (2024-03-01–2025-09-16).",
        )
    ]


def test_havbrekke_has_exactly_its_deliberate_gaps() -> None:
    root = EXAMPLES / "havbrekke-fylkeskommune"
    result = check_repository(root, CheckOptions(today=TODAY), base=root)
    assert result.language == "nn"
    assert [f"{f.location()} {f.code} {f.severity}" for f in result.findings] == HAVBREKKE_GAPS


def test_havbrekke_messages_are_nynorsk() -> None:
    root = EXAMPLES / "havbrekke-fylkeskommune"
    result = check_repository(root, CheckOptions(today=TODAY, select=("P103",)), base=root)
    assert [f.format("nn") for f in result.findings] == [
        "plans/2026.yaml:48:5: P103 åtvaring: Målet «M2» er ikkje forankra i eit vedtak eller ein"
        " plan. (KS: Utviklingssamtale mellom folkevalgte og rådmannen («Det er viktig»); KS:"
        " Folkevalgtes arbeidsgiverrolle overfor kommunedirektøren («Det er viktig»))\n"
        "    Vis til budsjett, økonomiplan, fylkesplan, arbeidsgjevarstrategi eller eit anna"
        " vedtak, med saksnummer og dato."
    ]


def test_every_example_file_round_trips_unchanged() -> None:
    """The round-trip writer used for edits leaves every example byte for byte as it was."""
    from utvikling.records.roundtrip import round_trip

    files = sorted(EXAMPLES.rglob("*.yaml"))
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert round_trip(text) == text, path
