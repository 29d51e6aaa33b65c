"""The minutes steps' guards, from Python: a broken lock stops every step, repair, commits.

test_minutes_lifecycle.py has each step's refusals on fresh minutes; this file has what the
lock adds (a lock broken in the records or in git stops every step, with the findings that say
how), ``minutes report --repair`` case by case, and that each step commits unless told not to.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import tree_digest
from test_git import (  # noqa: F401 (repo is a fixture)
    ACKNOWLEDGE,
    APPROVE,
    MINUTES_FILE,
    REPORT,
    git,
    last_commit,
    repo,
    run,
)
from test_minutes_lifecycle import ACKNOWLEDGED, APPROVED, FOLDER, REPORTED
from utvikling import yamlsafe
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.actions.documents import DocumentOptions
from utvikling.actions.minutes import (
    MinutesError,
    Step,
    acknowledge,
    amend,
    approve,
    case_required,
    render_minutes,
    repair,
    report,
)
from utvikling.actions.recording import Recorded
from utvikling.findings import Finding
from utvikling.models import Meeting, Minutes
from utvikling.models._types import confidential
from utvikling.records.integrity import amendment_hash, locked_hash, locked_parts, minutes_sources
from utvikling.records.repository import load_repository

DAY = dt.date(2026, 12, 1)
OLD = "conversations/2026-09-15"
BROKEN = {
    "nb": (
        "Referatet er endret etter at det ble låst, og kan ikke føres videre nå.",
        "Rett det som er nevnt over først; «utvikling check» viser det samme.",
    ),
    "nn": (
        "Referatet er endra etter at det vart låst, og kan ikkje førast vidare no.",
        "Rett det som er nemnt over først; «utvikling check» viser det same.",
    ),
}


def _step(step: str, root: Path, reference: str) -> None:
    if step == "approve":
        approve(root, reference, body="Utvalget", day=DAY)
    elif step == "acknowledge":
        acknowledge(root, reference, day=DAY, remark=None)
    elif step == "report":
        report(root, reference, day=DAY, case_number="26/99")
    elif step == "repair":
        repair(root, reference, day=DAY)
    else:
        amend(root, reference, day=DAY, text="Rettet.", reason="Skrivefeil")


def _refused(step: str, root: Path, reference: str) -> MinutesError:
    before = tree_digest(root)
    with pytest.raises(MinutesError) as caught:
        _step(step, root, reference)
    assert tree_digest(root) == before, "a refused step writes nothing"
    return caught.value


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _minutes(path: Path) -> Minutes:
    return Minutes.model_validate(yamlsafe.parse(path.read_bytes()).data)


STEPS = ("approve", "acknowledge", "report", "repair", "amend")
CHANGED = {
    "nb": ("fjordvik-kommune", "2026-09-15", "Tre av fire mål", "Alle fire mål"),
    "nn": (
        "havbrekke-fylkeskommune",
        "2026-06-10",
        "Begge måla i planen",
        "Ingen av måla i planen",
    ),
}


@pytest.mark.parametrize("lang", sorted(CHANGED))
@pytest.mark.parametrize("step", STEPS)
def test_every_step_refuses_minutes_changed_after_they_were_reported(
    example, step: str, lang: str
) -> None:
    name, reference, old, new = CHANGED[lang]
    root = example(name)
    path = root / "conversations" / reference / "minutes.yaml"
    _replace(path, old, new)
    error = _refused(step, root, reference)
    assert (error.message, error.hint) == BROKEN[lang]
    assert [f.code for f in error.findings] == ["C209"]
    assert error.file == str(path)
    assert error.lang == lang, "the findings are printed in the records' language"


def _amended_twice(root: Path) -> Path:
    amend(root, "2026-09-15", day=dt.date(2026, 11, 1), text="Første rettelse.", reason="Feil")
    amend(root, "2026-09-15", day=dt.date(2026, 11, 2), text="Andre rettelse.", reason="Feil")
    return root / OLD / "minutes.yaml"


@pytest.mark.parametrize("step", STEPS)
def test_every_step_refuses_minutes_whose_amendment_was_edited(example, step: str) -> None:
    root = example("fjordvik-kommune")
    path = _amended_twice(root)
    _replace(path, "Første rettelse.", "En helt annen rettelse.")
    error = _refused(step, root, "2026-09-15")
    assert error.message == BROKEN["nb"][0]
    assert [(f.code, f.message) for f in error.findings] == [
        ("C211", "Endring nr. 1 i referatet er rettet eller fjernet etter at den ble ført inn.")
    ]


def test_a_step_refuses_minutes_whose_amendment_was_removed_in_git(repo: Path) -> None:  # noqa: F811
    for args in (APPROVE, ACKNOWLEDGE, REPORT):
        assert run_ok(args)
    amend(repo, "2026-12-10", day=dt.date(2027, 2, 1), text="Rettet.", reason="Skrivefeil")
    amended = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    path = repo / MINUTES_FILE
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("amendments:")], "utf-8")
    git(repo, "commit", "-qam", "Fjernet endringen")
    error = _refused("amend", repo, "2026-12-10")
    assert error.message == BROKEN["nb"][0]
    assert [(f.code, f.message) for f in error.findings] == [
        ("C214", f"En endring som ble ført inn i commit {amended}, er borte eller rettet.")
    ]


def run_ok(args: list[str]) -> bool:
    from typer.testing import CliRunner

    result = run(CliRunner(), *args)
    assert result.exit_code == 0, result.output
    return True


def test_each_step_commits_unless_told_not_to(repo: Path) -> None:  # noqa: F811
    steps = [
        (
            lambda: approve(repo, "2026-12-10", body="Arbeidsgiverutvalget", day=DAY),
            "Referat 2026-12-10 godkjent av Arbeidsgiverutvalget",
        ),
        (
            lambda: acknowledge(repo, "2026-12-10", day=DAY, remark=None),
            "Referat 2026-12-10 kvittert av kommunedirektøren",
        ),
        (
            lambda: report(repo, "2026-12-10", day=DAY, case_number="27/4"),
            "Referat 2026-12-10 lagt fram for kommunestyret, sak 27/4",
        ),
        (
            lambda: amend(repo, "2026-12-10", day=DAY, text="Rettet.", reason="Skrivefeil"),
            "Referat 2026-12-10: endring datert 2026-12-01",
        ),
    ]
    for step, message in steps:
        done = step()
        assert done.recorded.state == "committed"
        assert done.recorded.message == message
        assert last_commit(repo) == (message, [MINUTES_FILE])
    assert git(repo, "status", "--porcelain") == ""


def test_repair_commits_unless_told_not_to(repo: Path) -> None:  # noqa: F811
    _replace(repo / OLD / "minutes.yaml", "  content_sha256: ", "  # content_sha256: ")
    git(repo, "commit", "-qam", "Kontrollsummen fjernet")
    done = repair(repo, "2026-09-15", day=DAY)
    message = "Referat 2026-09-15: kontrollsum lagt til i ettertid"
    assert (done.recorded.state, done.recorded.message) == ("committed", message)
    assert last_commit(repo) == (message, [f"{OLD}/minutes.yaml"])


def test_a_step_made_without_recording_says_so() -> None:
    assert Step(Path("minutes.yaml"), "nb").recorded == Recorded("skipped")


@pytest.mark.parametrize(
    "locked",
    ["utvikling.yaml", "conversations/2026-12-10/meeting.yaml"],
)
@pytest.mark.parametrize("step", ["report", "repair"])
def test_reporting_and_repair_refuse_uncommitted_edits_to_what_the_lock_covers(
    repo: Path,  # noqa: F811
    step: str,
    locked: str,
) -> None:
    (repo / "conversations/2026-12-10/meeting.yaml").write_text("date: 2026-12-10\n", "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Møtet")
    if step == "report":
        for args in (APPROVE, ACKNOWLEDGE):
            assert run_ok(args)
        reference = "2026-12-10"
    else:
        _replace(repo / OLD / "minutes.yaml", "  content_sha256: ", "  # content_sha256: ")
        git(repo, "commit", "-qam", "Kontrollsummen fjernet")
        reference = "2026-09-15"
        if locked.endswith("meeting.yaml"):
            locked = f"{OLD}/meeting.yaml"
    path = repo / locked
    path.write_text(path.read_text("utf-8") + "# endret\n", "utf-8")
    from utvikling.errors import UtviklingError

    with pytest.raises(UtviklingError) as caught:
        _step(step, repo, reference)
    assert caught.value.message == (
        f"Referatet låser også {locked}, som har endringer som ikke er lagret i git."
    )


# minutes report --repair


def test_repair_chains_the_amendments_anew_and_keeps_what_they_say(example) -> None:
    root = example("fjordvik-kommune")
    path = _amended_twice(root)
    text = path.read_text("utf-8")
    stripped = "\n".join(
        line
        for line in text.splitlines()
        if not line.lstrip().startswith(("content_sha256:", "checksum_version:"))
        and not line.lstrip().startswith("checksum_added_later:")
    )
    path.write_text(stripped + "\n", "utf-8")
    done = repair(root, "2026-09-15", day=DAY)
    assert done.path == path
    minutes = _minutes(path)
    reported = minutes.reported
    assert reported is not None
    assert (reported.checksum_version, reported.checksum_added_later) == (2, DAY)
    assert (reported.body, reported.case_number) == ("Kommunestyret", "26/91")
    context = load_repository(root).context
    conversation = context.conversation("2026-09-15")
    assert conversation is not None
    sources = minutes_sources(context, conversation)
    assert sources is not None
    assert reported.content_sha256 == locked_hash(locked_parts(sources))
    amendments = minutes.amendments or []
    assert [(a.date, a.text, a.reason) for a in amendments] == [
        (dt.date(2026, 11, 1), "Første rettelse.", "Feil"),
        (dt.date(2026, 11, 2), "Andre rettelse.", "Feil"),
    ]
    first = amendment_hash(reported.content_sha256, amendments[0])
    assert [a.content_sha256 for a in amendments] == [first, amendment_hash(first, amendments[1])]
    found = check_repository(root, CheckOptions(today=DAY)).findings
    assert [f.code for f in found if f.code in {"C209", "C210", "C211", "C215"}] == []


def test_repair_refuses_minutes_that_were_not_reported(build) -> None:
    root = build(
        {f"{FOLDER}/meeting.yaml": "date: 2026-12-10\n", f"{FOLDER}/minutes.yaml": ACKNOWLEDGED}
    )
    error = _refused("repair", root, "2026-12-10")
    assert error.message == (
        "Referatet er ikke lagt fram for kommunestyret, så det er ingen kontrollsum å reparere."
    )
    assert error.hint == "Legg det fram med «utvikling minutes report 2026-12-10 --case …»."
    assert error.file == str(root / FOLDER / "minutes.yaml")


def test_repair_refuses_minutes_already_locked(example) -> None:
    root = example("fjordvik-kommune")
    error = _refused("repair", root, "2026-09-15")
    assert error.message == (
        "Referatet har allerede en kontrollsum som stemmer; det er ingenting å reparere."
    )
    assert error.hint == "«utvikling historikk» viser når referatet ble lagt fram og låst."


def test_repair_locks_minutes_that_carry_a_checksum_by_the_first_recipe(build) -> None:
    from utvikling.records.integrity import minutes_content_hash

    minutes = Minutes.model_validate(yamlsafe.parse(REPORTED.encode()).data)
    old = REPORTED.replace(
        "date: 2027-01-28}", f"date: 2027-01-28, content_sha256: {minutes_content_hash(minutes)}}}"
    )
    root = build({f"{FOLDER}/meeting.yaml": "date: 2026-12-10\n", f"{FOLDER}/minutes.yaml": old})
    repair(root, "2026-12-10", day=DAY)
    reported = _minutes(root / FOLDER / "minutes.yaml").reported
    assert reported is not None
    assert (reported.checksum_version, reported.checksum_added_later) == (2, DAY)
    assert reported.content_sha256 != minutes_content_hash(minutes)


def test_repair_refuses_a_checksum_it_cannot_confirm(example) -> None:
    root = example("fjordvik-kommune")
    # A meeting that does not load: the lock's rule cannot judge it, and repair will not lock it.
    _replace(root / OLD / "meeting.yaml", "date: 2026-09-15", "date: 15.09.2026")
    error = _refused("repair", root, "2026-09-15")
    assert error.message == (
        "Kontrollsummen i referatet stemmer ikke med teksten, så den kan ikke repareres."
    )
    assert error.hint == (
        "Teksten er endret etter framleggingen. Sett den tilbake slik den var, og før endringen "
        "med «utvikling minutes amend»."
    )
    assert error.file == str(root / OLD / "minutes.yaml")


# amend and the edit itself


def test_amend_keeps_the_amendments_before_it_as_they_were(build) -> None:
    old = REPORTED + "amendments:\n  - date: 2027-01-30\n    text: Rettet tallet.\n"
    root = build({f"{FOLDER}/meeting.yaml": "date: 2026-12-10\n", f"{FOLDER}/minutes.yaml": old})
    amend(root, "2026-12-10", day=DAY, text="Rettet.", reason="Skrivefeil")
    text = (root / FOLDER / "minutes.yaml").read_text("utf-8")
    added = _minutes(root / FOLDER / "minutes.yaml").amendments[1].content_sha256  # type: ignore[index]
    assert text.endswith(
        "amendments:\n  - date: 2027-01-30\n    text: Rettet tallet.\n"
        "  - date: 2026-12-01\n    text: Rettet.\n    reason: Skrivefeil\n"
        f"    content_sha256: {added}\n"
    )


def test_an_edit_that_would_lose_a_comment_is_refused(build) -> None:
    root = build(
        {
            f"{FOLDER}/meeting.yaml": "date: 2026-12-10\n",
            f"{FOLDER}/minutes.yaml": APPROVED.replace(
                "approved:", "acknowledged:\n  remark: Ingen.\n  # sagt i møtet\napproved:"
            ),
        }
    )
    error = _refused("acknowledge", root, "2026-12-10")
    assert error.message == (
        "Referatet kan ikke endres nøyaktig uten å miste noe; ingenting er skrevet."
    )
    assert error.hint == "Sjekk filen med «utvikling check», eller legg inn endringen for hånd."
    assert error.file == str(root / FOLDER / "minutes.yaml")


def test_a_minutes_error_prints_its_findings_in_bokmal_unless_told() -> None:
    finding = Finding(code="C209", severity="error", message="Endret.")
    assert MinutesError("Endret.", findings=[finding]).lang == "nb"
    assert MinutesError("Endret.", findings=[finding], lang="nn").lang == "nn"


@pytest.mark.parametrize(
    ("settings", "hint"),
    [
        (
            None,
            "Skriv saksnummeret i kommunestyret, for eksempel --case 26/91 "
            "(med --repair trengs det ikke).",
        ),
        (
            "language: nn\n",
            "Skriv saksnummeret i kommunestyret, til dømes --case 26/91 "
            "(med --repair trengst det ikkje).",
        ),
        (
            'municipality: {name: Havvik fylkeskommune, number: "4600", kind: fylkeskommune}\n',
            "Skriv saksnummeret i fylkestinget, for eksempel --case 26/91 "
            "(med --repair trengs det ikke).",
        ),
        (
            "municipality: [\n",
            "Skriv saksnummeret i kommunestyret, for eksempel --case 26/91 "
            "(med --repair trengs det ikke).",
        ),
    ],
    ids=["nb", "nn", "county", "unreadable settings"],
)
def test_reporting_without_a_case_number_is_explained(build, settings, hint) -> None:
    root = build({} if settings is None else {"utvikling.yaml": settings})
    error = case_required(root)
    assert error.hint == hint
    assert error.message == (
        "--case må oppgis når referatet legges fram."
        if settings is None or "nn" not in settings
        else "--case må givast når referatet blir lagt fram."
    )


def test_minutes_that_do_not_load_are_explained_by_their_first_problem(build) -> None:
    root = build(
        {
            f"{FOLDER}/meeting.yaml": "date: 2026-12-10\n",
            f"{FOLDER}/minutes.yaml": "date: 10.12.2026\nresults_review: tekst\n",
        }
    )
    with pytest.raises(MinutesError) as caught:
        render_minutes(root, "2026-12-10", DocumentOptions(day=DAY))
    error = caught.value
    assert [f.code for f in error.findings] == ["S004", "S002"]
    assert error.hint == "Skriv datoen som år-måned-dag: 2026-12-10."
    assert (error.message, error.file) == (error.findings[0].message, error.findings[0].file)


# The two documents' specifications


def _loaded(root: Path, folder: str):
    context = load_repository(root).context
    conversation = context.conversation(folder)
    assert conversation is not None
    return context, conversation


def test_only_the_internal_record_carries_the_internal_marking(example) -> None:
    from utvikling.actions.documents import internal_marking
    from utvikling.actions.minutes import minutes_specs

    for name, folder, lang in (
        ("fjordvik-kommune", "2026-09-15", "nb"),
        ("havbrekke-fylkeskommune", "2026-06-10", "nn"),
    ):
        root = example(name)
        context, conversation = _loaded(root, folder)
        specs = minutes_specs(root, conversation, context, DocumentOptions(day=DAY), draft=False)
        assert [s.template for s in specs] == [
            f"documents/{lang}/minutes-public.md.j2",
            f"documents/{lang}/minutes-internal.md.j2",
        ]
        assert [s.marking for s in specs] == ["", internal_marking(lang)]
        assert internal_marking(lang).startswith("INTERN")


class _MeetingWithANote(Meeting):
    """A meeting as it would be with a confidential field (none has one yet)."""

    note: str | None = confidential("Et notat fra møtet.")


def test_a_confidential_field_of_the_meeting_never_reaches_the_public_minutes(example) -> None:
    from dataclasses import replace

    from utvikling.actions.minutes import minutes_context

    context, conversation = _loaded(example("fjordvik-kommune"), "2026-09-15")
    record = conversation.records["meeting"]
    assert isinstance(record.model, Meeting)
    secret = _MeetingWithANote.model_validate(
        {**record.model.model_dump(exclude_none=True), "note": "HEMMELIG-NOTAT"}
    )
    conversation.records["meeting"] = replace(record, model=secret)
    public = minutes_context(conversation, context, public_only=True)["meeting"]
    internal = minutes_context(conversation, context, public_only=False)["meeting"]
    assert (public.note, internal.note) == (None, "HEMMELIG-NOTAT")
    assert public.body == internal.body == "Arbeidsgiverutvalget"
