"""The checklist data and the rules' behaviour on small repositories."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TODAY
from utvikling import yamlsafe
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.checklist import predicates as predicate_module
from utvikling.checklist import rules
from utvikling.checklist.common import split
from utvikling.findings import SEVERITIES
from utvikling.models import RECORD_KINDS
from utvikling.records.load import _model_at

SCOPE_MODEL = {"settings": "settings", "agreement": "agreement", "plan": "plan"}


def test_rule_data_is_complete_and_consistent() -> None:
    codes = [r.code for r in rules()]
    assert len(codes) == len(set(codes)), "rule codes must be unique"
    for rule in rules():
        assert rule.severity in SEVERITIES
        assert rule.label.nb and rule.label.nn and rule.hint.nb and rule.hint.nn, rule.code
        if rule.check.predicate:
            assert callable(getattr(predicate_module, rule.check.predicate)), rule.code
            continue
        model = RECORD_KINDS[SCOPE_MODEL[rule.applies_to]]
        paths = [
            *rule.check.required,
            *rule.check.answered,
            *([rule.check.present] if rule.check.present else []),
            *([rule.check.conditional + ".agreed"] if rule.check.conditional else []),
        ]
        for path in paths:
            parts = split(path)
            holder = _model_at(model, parts[:-1]) if len(parts) > 1 else model
            assert holder is not None and parts[-1] in holder.model_fields, (rule.code, path)


def _codes(root, **options) -> list[str]:
    result = check_repository(root, CheckOptions(today=dt.date.fromisoformat(TODAY), **options))
    return [f.code for f in result.findings]


MEETING = """\
kind: annual
status: held
date: {date}
participants:
{people}
closed_meeting: {{closed: true, legal_basis: "kommuneloven § 11-5"}}
"""


def _meeting(date: str, *roles: str) -> str:
    people = "\n".join(f"  - {{name: Person {i}, role: {role}}}" for i, role in enumerate(roles))
    return MEETING.format(date=date, people=people)


def test_participant_rules(build) -> None:
    root = build(
        {
            "conversations/2026-09-15/meeting.yaml": _meeting("2026-09-15", "member", "member"),
            "conversations/2026-09-15/minutes.yaml": "public_title: x\n",
        }
    )
    codes = _codes(root, select=("C1",))
    assert codes == ["C101", "C102", "C103", "C106"]


def test_frequency_gap_is_found_and_points_at_the_later_meeting(build) -> None:
    three = ("mayor", "deputy_mayor", "opposition_leader")
    root = build(
        {
            "agreements/2022-01-01.yaml": "start_date: 2022-01-01\n",
            "conversations/2024-01-10/meeting.yaml": _meeting("2024-01-10", *three),
            "conversations/2026-03-01/meeting.yaml": _meeting("2026-03-01", *three),
        }
    )
    result = check_repository(
        root, CheckOptions(today=dt.date(2026, 11, 23), select=("C001",), history=True)
    )
    messages = [(f.file.split("repo/")[-1], f.message) for f in result.findings]
    assert messages == [
        (
            "conversations/2024-01-10/meeting.yaml",
            "Det er ikke registrert noen utviklingssamtale på 24 måneder (2022-01-01–2024-01-10).",
        ),
        (
            "conversations/2026-03-01/meeting.yaml",
            "Det er ikke registrert noen utviklingssamtale på 25 måneder (2024-01-10–2026-03-01).",
        ),
    ]
    assert _codes(root, select=("C001",)) == ["C001"], "only the recent gap without --history"


def test_minutes_elements_and_withheld_basis(build) -> None:
    root = build(
        {
            "conversations/2026-09-15/meeting.yaml": _meeting(
                "2026-09-15", "mayor", "deputy_mayor", "member"
            ),
            "conversations/2026-09-15/minutes.yaml": (
                "development_measures:\n  - {text: Lederkurs, confidential: true}\n"
            ),
        }
    )
    assert _codes(root, select=("C2",)) == ["C201", "C202", "C203", "C208", "C206"]


def test_goal_rules(build) -> None:
    plan = """\
period: {start: 2026-01-01, end: 2026-12-31}
adopted: {date: 2026-01-20}
goals:
  - id: M1
    title: Sykefravær ned
    anchoring: [{title: Arbeidsgiverstrategi, case_number: 25/11}]
    indicators: [{name: Sykefravær, baseline: "8 %", target: "6 %"}]
    success_factors: [Nærværsarbeid]
  - id: M1
    title: Budsjettbalanse
"""
    root = build({"plans/2026.yaml": plan})
    assert _codes(root, select=("P1",)) == ["P102", "P103", "P104", "P105", "P106"]


def test_conditional_item_silent_and_agreed_without_details(build) -> None:
    root = build({"agreements/2024-03-01.yaml": "fixed_term: {agreed: true}\n"})
    result = check_repository(
        root, CheckOptions(today=dt.date(2026, 11, 23), select=("A401", "A403"))
    )
    assert [f.format().split(": ", 1)[1] for f in result.findings] == [
        "A401 feil: Avtalen: åremål er avtalt, men «fixed_term.end_date» mangler. "
        "(KS: sjekkliste for arbeidsavtalen, gruppe D (KS-A: «vil derfor måtte inneholde»; KS-B:"
        " «bør inneholde»); arbeidsmiljøloven § 14-10; "
        "arbeidsmiljøloven § 14-6 første ledd bokstav e)\n"
        "    Fyll ut «fixed_term.end_date». Skriv «agreed: false» for fast stilling, eller "
        "«agreed: true» med sluttdato.",
        "A403 feil: Avtalen sier ikke om etterlønn er avtalt. "
        "(KS: sjekkliste for arbeidsavtalen, gruppe D (KS-A: «vil derfor måtte inneholde»; KS-B:"
        " «bør inneholde»))\n"
        "    Fyll ut «severance.agreed». Skriv «agreed: false» når det ikke er avtalt, eller "
        "«agreed: true» med antall måneder.",
    ]


def test_superseded_agreements_are_not_checked(build) -> None:
    root = build(
        {
            "agreements/2019-01-01.yaml": "superseded_by: 2024-03-01\n",
            "agreements/2024-03-01.yaml": "",
        }
    )
    files = {f.file.rsplit("/", 1)[-1] for f in check_repository(root).findings}
    assert "2019-01-01.yaml" not in files


@pytest.mark.parametrize(
    ("suppress", "expected"),
    [
        ("suppress: [{code: A204, reason: Ikke aktuelt hos oss}]\n", []),
        ("suppress: [{code: A204}]\n", ["R003", "A204"]),
        ("suppress: [{code: X999, reason: skrivefeil}]\n", ["R004", "A204"]),
    ],
)
def test_suppression_needs_a_reason(build, suppress: str, expected: list[str]) -> None:
    root = build({"agreements/2024-03-01.yaml": "meeting_compensation: {}\n" + suppress})
    assert sorted(_codes(root, select=("A204",))) == sorted(expected)


def test_unused_suppression_is_reported_as_info(build) -> None:
    root = build(
        {
            "agreements/2024-03-01.yaml": "meeting_compensation: {agreed: false}\n"
            "suppress: [{code: A204, reason: gammel}]\n"
        }
    )
    assert _codes(root, select=("A204",)) == ["R005"]


def test_nynorsk_messages(build) -> None:
    settings = "language: nn\nmunicipality: {name: Havvik kommune, kind: kommune}\n"
    root = build({"utvikling.yaml": settings})
    result = check_repository(root, CheckOptions(select=("M104",)))
    assert result.findings[0].format("nn").split(": ", 1)[1] == (
        "M104 info: utvikling.yaml manglar tittelen på kommunedirektøren. (Prop. 46 L"
        " (2017–2018), merknad til § 13-1 (kommunen vel tittelen))\n"
        "    Fyll ut «chief_executive.title». Kommunen vel tittelen sjølv («kommunedirektør»,"
        " «rådmann» eller «administrasjonssjef»). Utan han brukar dokumenta «kommunedirektør»."
        " Tittelen i arbeidsavtalen blir sjekka for seg (A607)."
    )


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_parser_never_crashes_on_random_bytes(raw: bytes) -> None:
    try:
        document = yamlsafe.parse(raw)
    except yamlsafe.LoadProblem as problem:
        assert problem.code.startswith("Y") and problem.line >= 1 and problem.column >= 1
    else:
        assert isinstance(document.data, dict)


YAMLISH = st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!#'\"\n\t|>?,<~0\u00f8")), max_size=120)


@settings(max_examples=400, deadline=None)
@given(YAMLISH)
def test_parser_never_crashes_on_yaml_like_text(text: str) -> None:
    try:
        yamlsafe.parse(text.encode("utf-8"))
    except yamlsafe.LoadProblem as problem:
        assert problem.code.startswith("Y")


def test_the_cycle_is_computed_once_per_check_for_all_u_rules(build, monkeypatch) -> None:
    from utvikling.records import cycle

    three = ("mayor", "deputy_mayor", "opposition_leader")
    root = build(
        {
            "agreements/2022-01-01.yaml": "start_date: 2022-01-01\n",
            "conversations/2024-01-10/meeting.yaml": _meeting("2024-01-10", *three),
        }
    )
    fresh = sorted(c for c in _codes(root) if c.startswith("U"))
    calls: list[object] = []
    real = cycle.cycle_steps

    def counted(context, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(context)
        return real(context, **kwargs)

    monkeypatch.setattr(cycle, "cycle_steps", counted)
    assert sorted(c for c in _codes(root) if c.startswith("U")) == fresh == ["U102"]
    assert len(calls) == 1, "the three U rules share one computation of the cycle"
    _codes(root, select=("U101",))
    assert len(calls) == 2, "a new check computes it again, from the records as they are"
