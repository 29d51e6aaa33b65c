"""The lock's recipes on their own: what recipe 2 covers, part by part, pinned to golden values.

The lifecycle tests (test_minutes_lifecycle.py, test_lock.py, test_git.py) show the lock at work
on whole repositories; these pin the recipe itself, so that a change to it (a key, a field it
takes or leaves out, the chaining of amendments) fails here with the exact difference.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from project_api import Minutes, minutes_content_hash
from test_minutes_lifecycle import FIXED
from utvikling.models import Meeting, Plan, Settings
from utvikling.models.conversation import Amendment
from utvikling.records.integrity import (
    CHECKSUM_VERSION,
    Sources,
    amendment_hash,
    broken_amendments,
    locked_hash,
    locked_parts,
    next_amendment_hash,
    part_hashes,
    stored_matches,
)

REPORTED = {
    "body": "Kommunestyret",
    "case_number": "26/91",
    "date": "2026-10-22",
    "content_sha256": "ikke en del av låsen",
    "checksum_version": 2,
    "checksum_added_later": "2026-11-01",
}
LOCKED_MINUTES = {
    **FIXED,
    "approved": {"body": "Arbeidsgiverutvalget", "date": "2026-09-22"},
    "acknowledged": {"date": "2026-09-23", "remark": "Ingen merknader."},
    "reported": REPORTED,
    "amendments": [{"date": "2026-11-02", "text": "Rettet.", "reason": "Skrivefeil"}],
    "suppress": [{"code": "C204", "reason": "Ikke aktuelt"}],
}
MEETING = {
    "date": "2026-09-15",
    "place": "Rådhuset, møterom Fjell",
    "body": "Arbeidsgiverutvalget",
    "closed_meeting": {"closed": True, "legal_basis": "kommuneloven § 11-5 annet ledd"},
    "participants": [
        {"name": "Kari Nordbø", "role": "mayor"},
        {"name": "Per Lien", "role": "chief_executive"},
    ],
}
PLAN = {
    "goals": [
        {"id": "M1", "title": "Netto driftsresultat på minst 2 prosent"},
        {"id": "M2", "title": "Sykefravær under 6 prosent"},
        {"title": "Et mål uten merkelapp"},
    ]
}
SETTINGS = {
    "municipality": {"name": "Testvik kommune", "number": "4698", "kind": "kommune"},
    "language": "nb",
    "chief_executive": {"title": "rådmann", "name": "Per Lien"},
}


def _sources(minutes: dict[str, Any] = LOCKED_MINUTES, **changes: Any) -> Sources:
    parts: dict[str, Any] = {
        "meeting": Meeting.model_validate(MEETING),
        "plan": Plan.model_validate(PLAN),
        "plan_file": "plans/2026.yaml",
        "settings": Settings.model_validate(SETTINGS),
        **changes,
    }
    return Sources(Minutes.model_validate(minutes), **parts)


def _digest(data: Any) -> str:
    """The canonical JSON the recipes hash, written out here on purpose (not imported)."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


EXPECTED = {
    "minutes": {
        "public_title": "Referat – utviklingssamtale 2026",
        "date": "2026-09-15",
        "participants": [{"name": "Kari Nordbø", "role": "mayor", "party": None}],
        "results_review": {
            "summary": "Målene er nådd.",
            "goals": [{"goal": "M1", "status": "achieved", "summary": None, "confidential": False}],
        },
        "new_goals": None,
        "interaction_principles": [
            {"text": "Lik informasjon til alle partier.", "confidential": False}
        ],
        "development_measures": [],
        "salary": None,
        "deviation": None,
        "confidential": None,
        "approved": {
            "body": "Arbeidsgiverutvalget",
            "case_number": None,
            "date": "2026-09-22",
            "title": None,
        },
        "acknowledged": {"date": "2026-09-23", "remark": "Ingen merknader."},
        # The report without the lock's own fields; amendments and suppress are left out.
        "reported": {
            "body": "Kommunestyret",
            "case_number": "26/91",
            "date": "2026-10-22",
            "title": None,
        },
    },
    # The minutes list their participants, so the meeting's are not printed (nor locked).
    "meeting": {
        "body": "Arbeidsgiverutvalget",
        "closed_meeting": {"closed": True, "legal_basis": "kommuneloven § 11-5 annet ledd"},
    },
    # Only the goal the results review names; M2 and the goal without an id are not printed.
    "plan": {
        "file": "plans/2026.yaml",
        "goal_titles": {"M1": "Netto driftsresultat på minst 2 prosent"},
    },
    "settings": {
        "name": "Testvik kommune",
        "kind": "kommune",
        "language": "nb",
        "chief_executive_title": "rådmann",
    },
}

# Computed once from the records above. A changed recipe would mark every reported minutes
# as tampered (or let a change slip through): change it only with a new CHECKSUM_VERSION.
GOLDEN_LOCK = "a9c31822ea44355dc9a53c2bf2f6b7952381a0df5568a677419b2be87726ae3e"


def test_recipe_2_takes_exactly_what_the_public_minutes_print() -> None:
    assert locked_parts(_sources()) == EXPECTED


def test_recipe_2_is_pinned_to_a_golden_value() -> None:
    parts = locked_parts(_sources())
    assert CHECKSUM_VERSION == 2
    assert locked_hash(parts) == GOLDEN_LOCK
    assert locked_hash(parts) == _digest({"version": 2, **EXPECTED})


def test_each_part_has_its_own_checksum() -> None:
    assert part_hashes(locked_parts(_sources())) == {
        "minutes": "6daa539a68a2f71d5e74153a2b1cd740000c0d17d14aa6bf0f38dfea720037c6",
        "meeting": "7f3490872037dbb6366ec9c4387e2442c565286241ea0b0f3656d2ec0ae138e1",
        "plan": "a7a8592cebe83726cad7773e42518a0c9bc4bb00320664580f14be9bc1b732b3",
        "settings": "3b0905594d89c5c944a569c6de937836a78c8e9f0a1d7d4bc7033eeb0f1e5104",
    }


def test_the_lock_fields_of_the_report_are_outside_the_lock() -> None:
    reported = {"body": "Kommunestyret", "case_number": "26/91", "date": "2026-10-22"}
    bare = _sources({**LOCKED_MINUTES, "reported": reported})
    assert locked_hash(locked_parts(bare)) == GOLDEN_LOCK


def test_the_meetings_participants_are_locked_when_the_minutes_list_none() -> None:
    minutes = {k: v for k, v in LOCKED_MINUTES.items() if k != "participants"}
    parts = locked_parts(_sources(minutes))
    assert parts["meeting"] == {
        **EXPECTED["meeting"],
        "participants": [
            {"name": "Kari Nordbø", "role": "mayor", "party": None},
            {"name": "Per Lien", "role": "chief_executive", "party": None},
        ],
    }
    assert parts["minutes"]["participants"] is None


def test_without_meeting_plan_or_settings_their_parts_are_empty() -> None:
    parts = locked_parts(_sources(meeting=None, plan=None, plan_file=None, settings=None))
    assert parts == {
        "minutes": EXPECTED["minutes"],
        "meeting": {},
        "plan": {"file": None, "goal_titles": {}},
        "settings": {
            "name": None,
            "kind": None,
            "language": None,
            "chief_executive_title": None,
        },
    }


def test_settings_without_municipality_or_chief_executive_still_lock_the_language() -> None:
    parts = locked_parts(_sources(settings=Settings.model_validate({"language": "nn"})))
    assert parts["settings"] == {
        "name": None,
        "kind": None,
        "language": "nn",
        "chief_executive_title": None,
    }


def test_a_plan_without_goals_locks_no_goal_titles() -> None:
    parts = locked_parts(_sources(plan=Plan.model_validate({})))
    assert parts["plan"] == {"file": "plans/2026.yaml", "goal_titles": {}}


def test_minutes_without_a_results_review_lock_no_goal_titles() -> None:
    minutes = {k: v for k, v in LOCKED_MINUTES.items() if k != "results_review"}
    assert locked_parts(_sources(minutes))["plan"] == {"file": "plans/2026.yaml", "goal_titles": {}}


def _rest(sources: Sources) -> tuple[Any, ...]:
    return (sources.meeting, sources.plan, sources.plan_file, sources.settings)


def _reported(checksum: str | None, version: int | None) -> Minutes:
    reported: dict[str, Any] = {"body": "Kommunestyret", "date": "2026-10-22"}
    if checksum is not None:
        reported["content_sha256"] = checksum
    if version is not None:
        reported["checksum_version"] = version
    return Minutes.model_validate({**FIXED, "reported": reported})


def test_a_checksum_by_recipe_2_matches_or_not() -> None:
    rest = _rest(_sources())
    lock = locked_hash(locked_parts(Sources(_reported(None, None), *rest)))
    assert stored_matches(Sources(_reported(lock, 2), *rest)) is True
    assert stored_matches(Sources(_reported("0" * 64, 2), *rest)) is False


def test_a_checksum_by_recipe_1_is_compared_with_the_minutes_text_alone() -> None:
    text_only = minutes_content_hash(Minutes.model_validate(FIXED))
    assert stored_matches(Sources(_reported(text_only, None))) is True
    # Recipe 1 does not cover the meeting, the plan or the settings.
    assert stored_matches(Sources(_reported(text_only, None), *_rest(_sources()))) is True
    assert stored_matches(Sources(_reported("0" * 64, None))) is False


@pytest.mark.parametrize("version", [1, 3])
def test_a_checksum_by_an_unknown_recipe_never_matches(version: int) -> None:
    text_only = minutes_content_hash(Minutes.model_validate(FIXED))
    assert stored_matches(Sources(_reported(text_only, version))) is False


@pytest.mark.parametrize(
    "minutes",
    [FIXED, {**FIXED, "reported": {"body": "Kommunestyret", "date": "2026-10-22"}}],
    ids=["not reported", "no checksum"],
)
def test_without_a_stored_checksum_there_is_nothing_to_match(minutes) -> None:
    assert stored_matches(Sources(Minutes.model_validate(minutes))) is None


FIRST = Amendment.model_validate({"date": "2026-11-02", "text": "Rettet.", "reason": "Skrivefeil"})
SECOND = Amendment.model_validate({"date": "2026-11-09", "text": "Igjen.", "reason": "Ny feil"})
GOLDEN_AMENDMENT = "5b39856d4d2507c28fe0a60399f45da8f03382083d94073b08ae5fe7d8e8cfaf"


def test_the_amendment_recipe_is_pinned() -> None:
    digest = amendment_hash("a" * 64, FIRST)
    assert digest == GOLDEN_AMENDMENT
    assert digest == _digest(
        {
            "previous": "a" * 64,
            "amendment": {"date": "2026-11-02", "text": "Rettet.", "reason": "Skrivefeil"},
        }
    )
    # Its own checksum is not part of it; the one before it is.
    stamped = FIRST.model_copy(update={"content_sha256": "b" * 64})
    assert amendment_hash("a" * 64, stamped) == digest
    assert amendment_hash("c" * 64, FIRST) != digest


def _amended(checksum: str | None, version: int | None, *amendments: Amendment) -> Minutes:
    minutes = _reported(checksum, version)
    return minutes.model_copy(update={"amendments": list(amendments)})


def _chain(previous: str, *amendments: Amendment) -> list[Amendment]:
    chained = []
    for amendment in amendments:
        previous = amendment_hash(previous, amendment)
        chained.append(amendment.model_copy(update={"content_sha256": previous}))
    return chained


def test_each_new_amendment_is_chained_to_the_last() -> None:
    lock = "d" * 64
    first = next_amendment_hash(_amended(lock, 2), FIRST)
    assert first == amendment_hash(lock, FIRST)
    stamped = FIRST.model_copy(update={"content_sha256": first})
    assert next_amendment_hash(_amended(lock, 2, stamped), SECOND) == amendment_hash(first, SECOND)


def test_an_amendment_without_its_checksum_is_chained_as_if_it_had_it() -> None:
    lock = "d" * 64
    assert next_amendment_hash(_amended(lock, 2, FIRST), SECOND) == amendment_hash(
        amendment_hash(lock, FIRST), SECOND
    )


def test_without_a_stored_checksum_the_chain_starts_from_nothing() -> None:
    assert next_amendment_hash(_amended(None, 2), FIRST) == amendment_hash("", FIRST)
    assert next_amendment_hash(_reported(None, None), FIRST) == amendment_hash("", FIRST)
    unreported = Minutes.model_validate(FIXED)
    assert next_amendment_hash(unreported, FIRST) == amendment_hash("", FIRST)


def test_an_intact_chain_is_not_broken() -> None:
    lock = "d" * 64
    assert broken_amendments(_amended(lock, 2, *_chain(lock, FIRST, SECOND))) == []
    assert broken_amendments(_amended(None, 2, *_chain("", FIRST, SECOND))) == []


def test_the_first_broken_link_is_the_one_reported() -> None:
    lock = "d" * 64
    first, second = _chain(lock, FIRST, SECOND)
    edited = second.model_copy(update={"text": "Endret i ettertid."})
    assert broken_amendments(_amended(lock, 2, first, edited)) == [1]
    assert broken_amendments(_amended(lock, 2, FIRST, second)) == [0]
    # Chained to another report's checksum: broken from the first.
    assert broken_amendments(_amended("e" * 64, 2, first, second)) == [0]
    # The second one's chain starts from the first one's expected checksum.
    assert broken_amendments(_amended(lock, 2, first, *_chain("f" * 64, SECOND))) == [1]


@pytest.mark.parametrize("version", [None, 1, 3])
def test_only_recipe_2_chains_amendments(version: int | None) -> None:
    assert broken_amendments(_amended("d" * 64, version, FIRST, SECOND)) == []
    assert broken_amendments(Minutes.model_validate(FIXED)) == []


def test_a_new_amendment_is_chained_to_the_checksum_stored_before_it() -> None:
    stored = FIRST.model_copy(update={"content_sha256": "f" * 64})
    assert next_amendment_hash(_amended("d" * 64, 2, stored), SECOND) == amendment_hash(
        "f" * 64, SECOND
    )
