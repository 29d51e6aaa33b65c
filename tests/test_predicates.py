"""The checklist predicates' own helpers, at their edges (the rules themselves: test_rules.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from project_api import CheckOptions, check_repository
from test_rules import (
    AGREEMENT_FILE,
    DROP,
    HELD,
    INPUT,
    MINUTES,
    PLAN_FILE,
    SETTINGS,
    Files,
    _text,
    agreement,
    changed,
    meeting,
    plan,
    upcoming,
)
from utvikling.checklist.predicates import unit_of
from utvikling.cli import app

TODAY = dt.date(2026, 11, 23)

WORDS = [
    ("%", "prosent"),
    ("prosent", "prosent"),
    ("pst", "prosent"),
    ("prosentpoeng", "prosentpoeng"),
    ("pp", "prosentpoeng"),
    ("kr", "kroner"),
    ("kroner", "kroner"),
    ("nok", "kroner"),
    ("dag", "dager"),
    ("dager", "dager"),
    ("dagar", "dager"),
    ("døgn", "døgn"),
    ("time", "timer"),
    ("timer", "timer"),
    ("timar", "timer"),
    ("uke", "uker"),
    ("uker", "uker"),
    ("veke", "uker"),
    ("veker", "uker"),
    ("måned", "måneder"),
    ("måneder", "måneder"),
    ("månad", "måneder"),
    ("månader", "måneder"),
    ("år", "år"),
    ("tonn", "tonn"),
    ("kg", "kg"),
    ("personer", "personer"),
    ("personar", "personer"),
]


@pytest.mark.parametrize(("word", "unit"), WORDS)
def test_every_unit_word_is_known_in_a_target_and_in_a_unit(word: str, unit: str) -> None:
    assert unit_of(f"12 {word}", after_number=True) == unit
    assert unit_of(f"Antall {word.upper()} totalt", after_number=False) == unit


@pytest.mark.parametrize(
    "magnitude", ["tusen", "mill", "millioner", "millionar", "mrd", "milliarder", "milliardar"]
)
def test_a_magnitude_between_the_number_and_the_unit_is_passed_over(magnitude: str) -> None:
    assert unit_of(f"18 {magnitude} kroner", after_number=True) == "kroner"
    assert unit_of(f"{magnitude} kroner", after_number=False) == "kroner"


@pytest.mark.parametrize(
    ("text", "after_number", "unit"),
    [
        ("6,5 %", True, "prosent"),
        ("1 250 000 kr", True, "kroner"),
        ("79 (kullet fra 2020, i prosent)", True, None),
        ("75 (dager i snitt)", True, None),
        ("minst 79 elever (prosent)", True, None),
        ("bedre", True, None),
        ("75 heltid i prosent", True, None),
        ("andel i prosent", False, "prosent"),
        ("antall elever", False, None),
    ],
)
def test_unit_of(text: str, after_number: bool, unit: str | None) -> None:
    assert unit_of(text, after_number=after_number) == unit


# Rules at edges the examples in test_rules.py leave open: the whole finding, hint included.


def findings(build, code: str, files: Files, today: dt.date = TODAY) -> list[tuple[Any, ...]]:
    root = build(
        {path: _text(data) for path, data in {"utvikling.yaml": SETTINGS, **files}.items()}
    )
    result = check_repository(root, CheckOptions(today=today, select=(code,)))
    prefix = f"{root.as_posix()}/"
    return [
        ((f.file or "").removeprefix(prefix), f.field, f.message, f.hint) for f in result.findings
    ]


def test_a_hint_names_the_agreement_to_supersede_by_its_file_name(build) -> None:
    expired = findings(build, "A406", {AGREEMENT_FILE: agreement(validity__end="2026-11-22")})
    assert [hint for *_, hint in expired] == [
        "Det skal finnes en skriftlig avtale for arbeidsforholdet. Lag en ny avtale med "
        "«utvikling new-agreement --supersedes 2024-03-01», eller rett datoen når avtalen eller "
        "åremålet er forlenget."
    ]
    overdue = findings(
        build,
        "A611",
        {AGREEMENT_FILE: agreement(overtime=DROP, supplement_requested_at="2026-09-22")},
    )
    assert [hint for *_, hint in overdue] == [
        "Fyll ut punktene, eller lag en ny avtale med «utvikling new-agreement --supersedes "
        "2024-03-01»."
    ]


def test_an_unnamed_indicator_is_shown_as_empty(build) -> None:
    found = findings(
        build,
        "P110",
        {
            PLAN_FILE: plan(
                goals__2__indicators__0__target="høyere", goals__2__indicators__0__name=DROP
            )
        },
    )
    assert [message for _, _, message, _ in found] == [
        "Målverdien «høyere» for indikatoren «» i målet «M3» er verken et tall eller en dato."
    ]


MEET = f"{HELD}/meeting.yaml"
MIN = f"{HELD}/minutes.yaml"


@pytest.mark.parametrize(
    ("meeting_day", "approved", "found"),
    [
        (
            "2026-09-20",
            "2026-09-17",
            [("approved.date", "Referatet er godkjent 2026-09-17, før møtet 2026-09-20.")],
        ),
        (
            "2026-09-15",
            "2026-09-14",
            [("approved.date", "Referatet er godkjent 2026-09-14, før møtet 2026-09-15.")],
        ),
        ("2026-09-15", "2026-09-15", []),
        ("2026-09-20", "2026-09-20", []),
    ],
)
def test_minutes_are_approved_on_or_after_the_meeting_day_itself(
    build, meeting_day: str, approved: str, found: list[tuple[str, str]]
) -> None:
    files = {MEET: meeting(date=meeting_day), MIN: changed(MINUTES, {"approved.date": approved})}
    assert [(field, message) for _, field, message, _ in findings(build, "C216", files)] == found


def test_a_unit_word_in_parentheses_after_the_target_is_not_its_unit(build) -> None:
    target = {PLAN_FILE: plan(goals__2__indicators__0__target="75 (mot 70 dager i fjor)")}
    assert findings(build, "P111", target) == []


LOCKED_MINUTES = "conversations/2026-09-15/minutes.yaml"


def _lock_findings(root: Path, code: str) -> list[tuple[str, str | None, int | None, str]]:
    result = check_repository(root, CheckOptions(today=TODAY, select=(code,)))
    prefix = f"{root.as_posix()}/"
    return [((f.file or "").removeprefix(prefix), f.field, f.line, f.hint) for f in result.findings]


def test_the_lock_findings_stand_at_the_report_and_say_what_to_run(example) -> None:
    root = example("fjordvik-kommune")
    path = root / LOCKED_MINUTES
    text = path.read_text("utf-8")
    line = text[: text.index("\nreported:")].count("\n") + 2
    path.write_text(text.replace("  content_sha256: ", "  # content_sha256: "), "utf-8")
    assert _lock_findings(root, "C210") == [
        (
            LOCKED_MINUTES,
            "reported",
            line,
            "Kontroller at teksten er slik den ble lagt fram, og lås den: utvikling minutes report "
            "2026-09-15 --repair. Det blir merket at kontrollsummen er lagt til i ettertid.",
        )
    ]
    path.write_text(text.replace("Alle", "Nesten alle", 1), "utf-8")
    assert _lock_findings(root, "C209") == [
        (
            LOCKED_MINUTES,
            "reported",
            line,
            f"Sett tilbake teksten slik den var (git viser den: git log -p -- {path.as_posix()}), "
            "og legg endringen inn som en datert endring med «utvikling minutes amend».",
        )
    ]


def test_a_blank_supplements_block_names_no_agreement(build) -> None:
    assert findings(build, "A407", {AGREEMENT_FILE: agreement(supplements={})}) == []
    assert findings(build, "A407", {AGREEMENT_FILE: agreement(supplements={"file": ""})}) == []


AMENDED = [{"date": "2026-11-01", "text": "Rettelse."}, {"date": "2026-11-01", "text": "Enda en."}]


@pytest.mark.parametrize(
    ("code", "changes", "found"),
    [
        ("C216", {"approved.date": DROP}, []),
        ("C217", {"acknowledged": {"date": "2026-09-21"}, "approved.date": DROP}, []),
        ("C217", {"acknowledged": {"date": "2026-09-22"}}, []),
        (
            "C217",
            {"acknowledged": {"date": "2026-09-21"}},
            [
                (
                    "acknowledged.date",
                    "Kommunedirektøren har kvittert 2026-09-21, før referatet ble godkjent "
                    "2026-09-22.",
                )
            ],
        ),
        ("C218", {"reported.date": "2026-09-22"}, []),
        ("C218", {"reported.date": "2026-09-21", "approved.date": DROP}, []),
        (
            "C218",
            {"reported.date": "2026-09-21"},
            [
                (
                    "reported.date",
                    "Referatet er lagt fram for kommunestyret 2026-09-21, før det ble godkjent "
                    "2026-09-22.",
                )
            ],
        ),
        (
            "C219",
            {"amendments": [{"text": "Udatert."}, {"date": "2026-10-01", "text": "Tidlig."}]},
            [
                (
                    "amendments.1.date",
                    "Endring nr. 2 er datert 2026-10-01, før referatet ble lagt fram 2026-10-22.",
                )
            ],
        ),
        ("C219", {"reported.date": DROP, "amendments": AMENDED}, []),
        ("C219", {"amendments": [{"date": "2026-10-22", "text": "Samme dag."}]}, []),
        ("C219", {"amendments": [{"text": "Udatert."}]}, []),
        ("C220", {"amendments": AMENDED}, []),
        (
            "C220",
            {
                "amendments": [
                    AMENDED[0],
                    {"text": "Udatert."},
                    {"date": "2026-10-30", "text": "F."},
                ]
            },
            [
                (
                    "amendments.2.date",
                    "Endring nr. 3 er datert 2026-10-30, før endringen foran den (2026-11-01).",
                )
            ],
        ),
        (
            "C220",
            {
                "amendments": [
                    {"text": "Udatert."},
                    *AMENDED,
                    {"date": "2026-10-30", "text": "Før."},
                ]
            },
            [
                (
                    "amendments.3.date",
                    "Endring nr. 4 er datert 2026-10-30, før endringen foran den (2026-11-01).",
                )
            ],
        ),
    ],
)
def test_lifecycle_dates_in_order_or_missing_are_not_found(
    build, code: str, changes: dict[str, Any], found: list[tuple[str, str]]
) -> None:
    files = {f"{HELD}/meeting.yaml": meeting(), f"{HELD}/minutes.yaml": changed(MINUTES, changes)}
    assert [(field, message) for _, field, message, _ in findings(build, code, files)] == found


def test_the_acknowledgement_names_the_chief_executive_by_their_title(build) -> None:
    files = {
        "utvikling.yaml": changed(SETTINGS, {"chief_executive.title": "rådmann"}),
        f"{HELD}/meeting.yaml": meeting(),
        f"{HELD}/minutes.yaml": changed(MINUTES, {"acknowledged": {"date": "2026-09-21"}}),
    }
    assert [message for _, _, message, _ in findings(build, "C217", files)] == [
        "Rådmannen har kvittert 2026-09-21, før referatet ble godkjent 2026-09-22."
    ]


def test_an_edited_amendment_is_found_where_it_stands(runner, example, monkeypatch) -> None:
    root = example("fjordvik-kommune")
    monkeypatch.chdir(root)
    for day, text in (("2026-11-01", "Første rettelse."), ("2026-11-02", "Andre rettelse.")):
        arguments = ["minutes", "amend", "2026-09-15", "--text", text, "--reason", "Skrivefeil"]
        assert runner.invoke(app, [*arguments, "--on", day]).exit_code == 0
    path = root / LOCKED_MINUTES
    text = path.read_text("utf-8")
    path.write_text(text.replace("Første rettelse.", "En annen rettelse."), "utf-8")
    result = check_repository(root, CheckOptions(today=TODAY, select=("C211",)))
    line = text[: text.index("\namendments:")].count("\n") + 3
    assert [(f.field, f.line) for f in result.findings] == [("amendments.0", line)]


@pytest.mark.parametrize(
    "broken", ["utvikling.yaml", "plans/2026.yaml", "conversations/2026-09-15/meeting.yaml"]
)
def test_the_lock_is_not_judged_while_what_it_covers_does_not_load(example, broken: str) -> None:
    # Without the settings or the plan the checksum cannot be recomputed: the file's own
    # finding says why, and the lock rules wait.
    root = example("fjordvik-kommune")
    (root / broken).write_text("municipality: [\n", "utf-8")
    options = CheckOptions(today=TODAY, select=("C209", "C212", "C215", "Y001"))
    assert [f.code for f in check_repository(root, options).findings] == ["Y001"]


def test_a_supplemented_agreement_is_named_by_all_it_gives(build) -> None:
    named = {"file": "2019-08-01", "date": "2019-08-01", "title": "Arbeidsavtale"}
    found = findings(build, "A407", {AGREEMENT_FILE: agreement(supplements=named)})
    assert [message for _, _, message, _ in found] == [
        "Avtalen supplerer arbeidsavtalen «2019-08-01, 2019-08-01, Arbeidsavtale», men den "
        "finnes ikke i agreements/, så de lovpålagte punktene er ikke kontrollert."
    ]


@pytest.mark.parametrize(
    ("code", "field", "hint"),
    [
        (
            "A602",
            "termination_procedure",
            "Beskriv hvordan arbeidsforholdet avsluttes, med formkrav. KS råder til å regulere en "
            "eventuell avslutning.",
        ),
        (
            "A604",
            "overtime",
            "For en ledende stilling kan svaret være «ikke aktuelt», men det bør stå.",
        ),
        (
            "A606",
            "pension_and_insurance",
            "Skriv pensjonsordningen og hvem som mottar innbetalingene (for eksempel KLP).",
        ),
    ],
)
def test_an_item_required_since_2024_is_named_in_the_hint(
    build, code: str, field: str, hint: str
) -> None:
    new = "agreements/2024-07-01.yaml"
    found = findings(build, code, {new: agreement(start_date="2024-07-01", **{field: DROP})})
    assert [(f, h) for _, f, _, h in found] == [(field, f"Fyll ut «{field}». {hint}")]


def test_an_unnamed_indicator_in_another_unit_is_shown_as_empty(build) -> None:
    changes = {"goals__2__indicators__0__target": "75 dager", "goals__2__indicators__0__name": DROP}
    found = findings(build, "P111", {PLAN_FILE: plan(**changes)})
    assert [message for _, _, message, _ in found] == [
        "Målverdien «75 dager» for indikatoren «» er ikke i indikatorens enhet («prosent»)."
    ]


def test_no_conversation_is_claimed_missing_while_a_meeting_file_does_not_load(build) -> None:
    files = {"utvikling.yaml": SETTINGS, AGREEMENT_FILE: agreement()}
    root = build({path: _text(data) for path, data in files.items()})
    (root / "conversations" / "2026-12-10").mkdir(parents=True)
    (root / "conversations" / "2026-12-10" / "meeting.yaml").write_text("date: [\n", "utf-8")
    result = check_repository(root, CheckOptions(today=TODAY, select=("C002",)))
    assert [f.code for f in result.findings] == ["Y001"]


def test_without_a_title_the_chief_executive_is_the_kommunedirektor(build) -> None:
    files = {
        "utvikling.yaml": changed(SETTINGS, {"chief_executive": DROP}),
        f"{HELD}/meeting.yaml": meeting(),
        f"{HELD}/minutes.yaml": changed(MINUTES, {"acknowledged": {"date": "2026-09-21"}}),
    }
    assert [message for _, _, message, _ in findings(build, "C217", files)] == [
        "Kommunedirektøren har kvittert 2026-09-21, før referatet ble godkjent 2026-09-22."
    ]


def test_every_silent_group_is_named(build) -> None:
    silent_two = changed(INPUT, {"contributions.0.text": DROP, "contributions.1.received": DROP})
    found = findings(build, "C303", upcoming(input=silent_two))
    assert [message for _, _, message, _ in found] == [
        "Det mangler innspill fra Bygdelista, Kystpartiet."
    ]
