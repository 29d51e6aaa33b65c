"""The yearly cycle: ``utvikling status`` across a whole year, its calendar, and the U rules."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, TODAY, tree_digest
from utvikling import yamlsafe
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.actions.status import status
from utvikling.checklist import rules
from utvikling.cli import app
from utvikling.files import display_path
from utvikling.records.cycle import CycleDataError, cycle_data, cycle_steps, parse_cycle
from utvikling.records.repository import load_repository

REGION = EXAMPLES / "region"


def states(repo: str, day: str) -> dict[str, str]:
    report = status(REGION / repo, dt.date.fromisoformat(day))
    return {view.step.key: view.step.state for view in report.steps}


def test_the_region_is_what_its_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "region"
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "generate_region.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip().endswith(f"files in {out}")
    assert tree_digest(out) == tree_digest(REGION), "run examples/generate_region.py"


# One municipality with every step done on time, followed through 2026.
SOLVIK_YEAR = [
    (
        "2026-01-05",
        {
            "input-2026-01-20": "due",
            "self_evaluation-2026-01-20": "due",
            "evaluation-2026-01-20": "due",
            "conversation-2026-01": "due",
            "plan-2026": "due",
            "conversation-2026-09": "upcoming",
            "salary-2026": "upcoming",
        },
    ),
    (
        "2026-01-15",
        {
            "input-2026-01-20": "done",  # received 2026-01-10
            "self_evaluation-2026-01-20": "done",
            "evaluation-2026-01-20": "due",  # agreed 2026-01-17
            "conversation-2026-01": "due",
            "plan-2026": "due",
        },
    ),
    (
        "2026-02-15",
        {
            "plan-2026": "done",
            "conversation-2026-01": "done",
            "minutes_written-2026-01-20": "done",
            "minutes_approved-2026-01-20": "done",
            "minutes_acknowledged-2026-01-20": "done",
            "minutes_reported-2026-01-20": "upcoming",  # reported 2026-02-19
            "conversation-2026-09": "upcoming",
        },
    ),
    ("2026-03-10", {"minutes_reported-2026-01-20": "done", "conversation-2026-09": "upcoming"}),
    (
        "2026-09-10",
        {
            "input-2026-09-16": "done",
            "self_evaluation-2026-09-16": "done",
            "evaluation-2026-09-16": "due",  # agreed 2026-09-13
            "conversation-2026-09": "due",
            "salary-2026": "due",
        },
    ),
    (
        "2026-10-01",
        {
            "conversation-2026-09": "done",
            "salary-2026": "done",
            "minutes_written-2026-09-16": "done",
            "minutes_approved-2026-09-16": "done",
            "minutes_acknowledged-2026-09-16": "done",
            "minutes_reported-2026-09-16": "upcoming",
        },
    ),
    (
        "2026-12-20",
        {
            "minutes_reported-2026-09-16": "done",
            "plan-2027": "due",
            "conversation-2027-01": "due",
        },
    ),
]


@pytest.mark.parametrize(("day", "expected"), SOLVIK_YEAR, ids=[d for d, _ in SOLVIK_YEAR])
def test_a_year_where_everything_is_done_on_time(day: str, expected: dict[str, str]) -> None:
    found = states("solvik-kommune", day)
    assert {key: found.get(key) for key in expected} == expected
    assert "overdue" not in found.values()


def test_the_whole_solvik_year_lists_exactly_these_steps() -> None:
    assert states("solvik-kommune", TODAY) == {
        "plan-2026": "done",
        "conversation-2026-01": "done",
        "minutes_approved-2026-01-20": "done",
        "minutes_written-2026-01-20": "done",
        "minutes_acknowledged-2026-01-20": "done",
        "minutes_reported-2026-01-20": "done",
        "conversation-2026-09": "done",
        "salary-2026": "done",
        "minutes_approved-2026-09-16": "done",
        "minutes_written-2026-09-16": "done",
        "minutes_acknowledged-2026-09-16": "done",
        "minutes_reported-2026-09-16": "done",
        "plan-2027": "upcoming",
        "conversation-2027-01": "upcoming",
    }


def test_a_running_deviation_asks_for_a_follow_up_every_month() -> None:
    before = states("elvestrand-kommune", "2026-04-30")
    assert not any(key.startswith("deviation_followup") for key in before)
    found = states("elvestrand-kommune", TODAY)
    followups = {k.rsplit("-", 1)[1]: v for k, v in found.items() if k.startswith("deviation")}
    assert followups == {
        "1": "done",  # 2026-06-09
        "2": "done",  # 2026-07-07
        "3": "missed",  # nothing in August, and September's is past too
        "4": "done",  # the conversation 2026-09-08
        "5": "done",  # 2026-10-06
        "6": "overdue",  # due 2026-11-12
        "7": "upcoming",
    }


def test_an_expired_fixed_term_stays_late_until_a_new_agreement_exists() -> None:
    assert states("lyngstad-kommune", "2025-06-01")["fixed_term_end-2019-03-01"] == "due"
    assert states("lyngstad-kommune", "2025-01-10")["fixed_term_end-2019-03-01"] == "due"
    assert states("lyngstad-kommune", TODAY)["fixed_term_end-2019-03-01"] == "overdue"
    ending = states("vestmark-fylkeskommune", TODAY)
    assert ending["fixed_term_end-2021-07-01"] == "due"  # ends 2027-06-30, a year's notice
    assert "fixed_term_end-2021-07-01" not in states("vestmark-fylkeskommune", "2026-03-01")


def test_no_agreement_no_conversation_and_unfinished_paperwork() -> None:
    assert states("nordheim-kommune", TODAY)["agreement"] == "overdue"
    late = states("bjorkedal-kommune", TODAY)
    assert (late["conversation-next"], late["salary-2026"], late["plan-2026"]) == (
        "overdue",
        "overdue",
        "overdue",
    )
    assert states("bjorkedal-kommune", "2026-04-20")["conversation-next"] == "due"
    storlia = states("storlia-kommune", TODAY)
    assert storlia["minutes_reported-2026-04-14"] == "overdue"
    assert storlia["minutes_acknowledged-2026-04-14"] == "overdue"
    assert storlia["plan-2026"] == "overdue"  # written, never adopted
    waiting = states("vestmark-fylkeskommune", TODAY)
    assert waiting["minutes_reported-2026-10-20"] == "due"


def test_reported_minutes_make_a_missing_receipt_missed_not_late() -> None:
    found = states_of(EXAMPLES / "fjordvik-kommune", TODAY)
    assert found["minutes_reported-2026-09-15"] == "done"
    assert found["minutes_acknowledged-2026-09-15"] == "missed"


def states_of(root: Path, day: str) -> dict[str, str]:
    report = status(root, dt.date.fromisoformat(day))
    return {view.step.key: view.step.state for view in report.steps}


def test_dates_the_records_do_not_give_are_marked_as_defaults() -> None:
    report = status(REGION / "storlia-kommune", dt.date.fromisoformat(TODAY))
    plan = next(v for v in report.steps if v.step.key == "plan-2026")
    assert plan.step.defaults == ("plan_month",)
    assert report.footnotes()[0] == (
        "Planen er klar innen januar (Lederavtale for rådmann, Hægebostad kommune, § 6 – "
        "eksempel fra praksis)."
    )
    solvik = status(REGION / "solvik-kommune", dt.date.fromisoformat(TODAY))
    assert [v.step.defaults for v in solvik.steps if v.step.kind == "plan"] == [(), ()]


CHECK_DAYS = ["2026-01-05", "2026-02-20", "2026-05-25", "2026-08-15", "2026-10-01", TODAY]


@pytest.mark.parametrize("day", CHECK_DAYS)
def test_every_late_step_that_has_a_rule_is_also_a_check_finding(day: str) -> None:
    for root in sorted(p for p in REGION.iterdir() if p.is_dir()):
        today = dt.date.fromisoformat(day)
        late = [
            s
            for s in cycle_steps(load_repository(root, today).context)
            if s.state == "overdue" and s.rule
        ]
        codes = {f.code for f in check_repository(root, CheckOptions(today=today)).findings}
        assert [s.key for s in late if s.rule not in codes] == [], root.name


def test_the_u_rules_say_what_is_late(build) -> None:
    root = REGION / "elvestrand-kommune"
    result = check_repository(root, CheckOptions(today=dt.date.fromisoformat(TODAY)))
    [u103] = [f for f in result.findings if f.code == "U103"]
    assert u103.message == (
        "Avvikshandsaminga frå samtalen 2026-05-12 held fram, men oppfølgingssamtalen i "
        "november 2026 er ikkje halden (frist 2026-11-12)."
    )
    assert u103.severity == "info"
    assert u103.field == "deviation.status"
    assert u103.file == (root / "conversations" / "2026-05-12" / "minutes.yaml").as_posix()
    late = check_repository(REGION / "bjorkedal-kommune", CheckOptions(today=dt.date(2026, 11, 23)))
    [u102] = [f for f in late.findings if f.code == "U102"]
    assert u102.message == "Det er ikke holdt lønnssamtale i 2026 (frist 2026-05-31)."
    solvik = REGION / "solvik-kommune"
    missed = check_repository(solvik, CheckOptions(today=dt.date(2026, 2, 10), select=("U",)))
    assert missed.findings == []
    agreement = (solvik / "agreements" / "2023-01-01.yaml").read_text(encoding="utf-8")
    copy = build({"agreements/2023-01-01.yaml": agreement})
    found = check_repository(copy, CheckOptions(today=dt.date(2026, 2, 10), select=("U101",)))
    assert [f.message for f in found.findings] == [
        "Utviklingssamtalen i januar 2026 er ikke holdt (frist 2026-01-31); avtalen setter "
        "tidspunktet."
    ]


def test_a_suppressed_rule_takes_its_step_away(build) -> None:
    solvik = REGION / "solvik-kommune"
    agreement = (solvik / "agreements" / "2023-01-01.yaml").read_text(encoding="utf-8")
    suppressed = agreement + (
        "suppress:\n  - code: U101\n    reason: Samtalene holdes etter avtale med KS.\n"
    )
    root = build({"agreements/2023-01-01.yaml": suppressed})
    report = status(root, dt.date(2026, 2, 10))
    assert [v.step.kind for v in report.steps if v.step.kind == "conversation"] == []
    found = check_repository(root, CheckOptions(today=dt.date(2026, 2, 10), select=("U",)))
    assert [f.code for f in found.findings] == []  # suppressed, and the suppression is used


def test_cycle_defaults_agree_with_the_rules_that_report_the_same_steps() -> None:
    params = {rule.code: rule.params for rule in rules()}
    defaults = cycle_data().defaults
    assert defaults.minutes_written_days.value == params["C207"]["grace_days"]
    assert defaults.minutes_reported_days.value == params["C208"]["grace_days"]
    assert defaults.conversation_interval_months.value == params["C001"]["max_months"]
    codes = {rule.code for rule in rules()}
    for name in type(cycle_data().steps).model_fields:
        assert set(cycle_data().kind(name).rule) <= codes, name


def test_a_mistake_in_the_cycle_data_names_its_line() -> None:
    text = (ROOT / "src" / "utvikling" / "data" / "cycle.yaml").read_text(encoding="utf-8")
    broken = text.replace("    lead_days: 45\n", "    lead_dayz: 45\n", 1)
    with pytest.raises(CycleDataError) as caught:
        parse_cycle(yamlsafe.parse(broken.encode("utf-8")))
    line = broken.splitlines().index("    lead_dayz: 45") + 1
    assert f"cycle.yaml:{line}:5: steps.plan.lead_dayz: Extra inputs are not permitted" in (
        caught.value.message
    )


# The command line


def test_status_prints_one_line_per_step_when_piped(runner) -> None:
    root = REGION / "vestmark-fylkeskommune"
    result = runner.invoke(app, ["status", str(root), "--today", TODAY])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Vestmark fylkeskommune – årshjulet per 23. november 2026"
    shown = display_path(root, Path.cwd())
    assert (
        f"2026-11-17   forseinka   Kvittering for referatet frå 20. oktober 2026 — "
        f"Fylkeskommunedirektøren — utvikling minutes acknowledge 2026-10-20 --path {shown}"
    ) in lines
    assert (
        "2026-12-19   snart       Referatet frå 20. oktober 2026 lagt fram for fylkestinget — "
        f"Fylkesordføraren — utvikling minutes report 2026-10-20 --case … --path {shown}"
    ) in lines
    assert (
        "2027-06-30   snart       Åremålet sluttar 30. juni 2027 — Fylkestinget — "
        f"utvikling new-agreement --supersedes 2021-07-01 --path {shown}"
    ) in lines


def test_status_json_is_for_tools(runner) -> None:
    result = runner.invoke(
        app, ["status", str(REGION / "storlia-kommune"), "--today", TODAY, "--json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["municipality"] == {
        "name": "Storlia kommune",
        "number": "4906",
        "kind": "kommune",
        "language": "nb",
    }
    step = next(s for s in data["steps"] if s["key"] == "minutes_reported-2026-04-14")
    assert step == {
        "key": "minutes_reported-2026-04-14",
        "kind": "minutes_reported",
        "label": "Referatet fra 14. april 2026 lagt fram for kommunestyret",
        "what": "Referatet gjøres kjent for kommunestyret som referatsak; da låses det.",
        "actor": "mayor",
        "actor_text": "Ordføreren",
        "state": "overdue",
        "state_text": "forsinket",
        "due": "2026-06-13",
        "done_on": None,
        "scheduled": None,
        "record": "conversations/2026-04-14/minutes.yaml",
        "field": None,
        "command": "utvikling minutes report 2026-04-14 --case … --path "
        + display_path(REGION / "storlia-kommune", Path.cwd()),
        "rule": "C208",
        "defaults": [],
    }
    assert set(data["defaults"]) == {"plan_month", "salary_month"}


def test_status_outside_a_repository_is_a_message(runner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", str(tmp_path)])
    assert result.exit_code == 1
    assert "Fant ingen postmappe her (ingen utvikling.yaml)." in result.output
    assert "Traceback" not in result.output


# The calendar


def _calendar(path: Path):
    from icalendar import Calendar

    return Calendar.from_ical(path.read_bytes())


def test_the_calendar_reads_back_with_stable_uids_and_reminders(runner, tmp_path: Path) -> None:
    root = REGION / "vestmark-fylkeskommune"
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    result = runner.invoke(app, ["status", str(root), "--today", TODAY, "--ics", str(first)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Kalender: ")
    assert result.output.endswith("(14 hendingar)\n")
    runner.invoke(app, ["status", str(root), "--today", TODAY, "--ics", str(second)])
    events = [c for c in _calendar(first).walk("VEVENT")]
    again = [c for c in _calendar(second).walk("VEVENT")]
    assert len(events) == 14
    assert [str(e["UID"]) for e in events] == [str(e["UID"]) for e in again]
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert str(events[0]["UID"]).endswith(".57@utvikling")
    late = next(e for e in events if str(e["UID"]) == "minutes_reported-2026-10-20.57@utvikling")
    assert late.decoded("DTSTART") == dt.date(2026, 12, 19)
    assert str(late["SUMMARY"]) == (
        "Vestmark fylkeskommune: Referatet frå 20. oktober 2026 lagt fram for fylkestinget"
    )
    assert "Slik: utvikling minutes report 2026-10-20 --case …" in str(late["DESCRIPTION"])
    [alarm] = late.walk("VALARM")
    assert alarm.decoded("TRIGGER") == dt.timedelta(days=-14)
    assert str(alarm["ACTION"]) == "DISPLAY"
    done = next(e for e in events if str(e["UID"]) == "plan-2026.57@utvikling")
    assert done.walk("VALARM") == []
    assert str(done["SUMMARY"]).endswith("(ferdig)")
    pending = [e for e in events if not str(e["SUMMARY"]).endswith(("(ferdig)", "(ikkje gjort)"))]
    assert pending and all(e.walk("VALARM") for e in pending)
    cal = _calendar(first)
    assert str(cal["X-WR-CALNAME"]) == "Årshjul – Vestmark fylkeskommune"


def test_a_calendar_is_never_written_over_without_force(runner, tmp_path: Path) -> None:
    target = tmp_path / "arshjul.ics"
    target.write_text("mine", encoding="utf-8")
    root = str(REGION / "solvik-kommune")
    refused = runner.invoke(app, ["status", root, "--today", TODAY, "--ics", str(target)])
    assert refused.exit_code == 1
    assert refused.output == (
        f"{target.as_posix()}: Filen finnes allerede.\n"
        "    utvikling overskriver ikke filer. Velg et annet filnavn, eller bruk --force for å "
        "erstatte filen.\n"
    )
    assert target.read_text(encoding="utf-8") == "mine"
    forced = runner.invoke(app, ["status", root, "--today", TODAY, "--ics", str(target), "--force"])
    assert forced.exit_code == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir()] == ["arshjul.ics"]  # no temporary file left


def test_nothing_confidential_reaches_the_calendar(runner, tmp_path: Path) -> None:
    import shutil

    from test_conversations import CANARY, _plant
    from utvikling.models import RECORD_KINDS
    from utvikling.records import layout
    from utvikling.records.emit import emit

    root = tmp_path / "elvestrand"
    shutil.copytree(REGION / "elvestrand-kommune", root)
    planted = 0
    for record in layout.discover(root):
        assert record.kind is not None
        model = RECORD_KINDS[record.kind]
        data = _plant(yamlsafe.parse(record.path.read_bytes()).data, model)
        text = emit(model, data)
        planted += text.count(CANARY)
        record.path.write_text(text, encoding="utf-8")
    assert planted >= 10
    target = tmp_path / "cal.ics"
    result = runner.invoke(app, ["status", str(root), "--today", TODAY, "--ics", str(target)])
    assert result.exit_code == 0, result.output
    assert CANARY.encode() not in target.read_bytes()
    shown = runner.invoke(app, ["status", str(root), "--today", TODAY, "--json"])
    assert CANARY not in shown.output
