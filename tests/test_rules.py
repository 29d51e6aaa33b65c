"""Every checklist rule, made to fire and kept silent, with the exact findings.

``RULES`` is keyed by rule code; a rule added to ``rules.yaml`` without an example that makes
it fire and one that keeps it silent fails ``test_every_rule_has_a_firing_and_a_silent_example``.
Each example is a small repository: the complete records of the Fjordvik example, changed
where the example says. Each repository is checked with only that rule selected, and a finding
from any other code (a record that does not load) fails the test unless the example expects it,
so that a rule is never "silent" only because its record is broken.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, TODAY
from project_api import (
    CheckOptions,
    Minutes,
    check_repository,
    minutes_content_hash,
    rule_codes,
    yamlsafe,
)

EXAMPLE = EXAMPLES / "fjordvik-kommune"
DROP = object()
"""A value in ``changed``: remove the field."""

AGREEMENT_FILE = "agreements/2024-03-01.yaml"
PLAN_FILE = "plans/2026.yaml"
HELD = "conversations/2026-09-15"
UPCOMING = "conversations/2026-12-10"


def _example(relative: str) -> dict[str, Any]:
    return yamlsafe.parse((EXAMPLE / relative).read_bytes()).data


SETTINGS = {
    "municipality": {"name": "Testvik kommune", "number": "4698", "kind": "kommune"},
    "language": "nb",
    "chief_executive": {"title": "kommunedirektør"},
    "employer_body": {
        "kind": "utvalg",
        "name": "arbeidsgiverutvalget",
        "members": [
            {"name": "Ola Ordfører", "role": "mayor"},
            {"name": "Vera Vara", "role": "deputy_mayor"},
            {"name": "Otto Opposisjon", "role": "opposition_leader"},
        ],
    },
}
AGREEMENT = {**_example(AGREEMENT_FILE), "supersedes": None}
PLAN = _example(PLAN_FILE)
MEETING = _example(f"{HELD}/meeting.yaml")
MINUTES = _example(f"{HELD}/minutes.yaml")
INPUT = _example(f"{HELD}/input.yaml")
SELF_EVALUATION = _example(f"{HELD}/self-evaluation.yaml")
EVALUATION = _example(f"{HELD}/evaluation.yaml")
PLANNED = {**MEETING, "status": "planned", "date": "2026-12-10"}


def changed(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``data`` with dotted paths set (``DROP`` removes the field)."""
    result = copy.deepcopy(data)
    for path, value in changes.items():
        *parents, last = path.split(".")
        holder: Any = result
        for part in parents:
            holder = holder[int(part)] if isinstance(holder, list) else holder.setdefault(part, {})
        if value is DROP:
            if isinstance(holder, list):
                del holder[int(last)]
            else:
                holder.pop(last, None)
        elif isinstance(holder, list):
            holder[int(last)] = value
        else:
            holder[last] = value
    return result


def settings(**changes: Any) -> dict[str, Any]:
    return changed(SETTINGS, {k.replace("__", "."): v for k, v in changes.items()})


def agreement(**changes: Any) -> dict[str, Any]:
    return changed(AGREEMENT, {k.replace("__", "."): v for k, v in changes.items()})


def plan(**changes: Any) -> dict[str, Any]:
    return changed(PLAN, {k.replace("__", "."): v for k, v in changes.items()})


def meeting(**changes: Any) -> dict[str, Any]:
    return changed(MEETING, {k.replace("__", "."): v for k, v in changes.items()})


def minutes(**changes: Any) -> dict[str, Any]:
    return changed(MINUTES, {k.replace("__", "."): v for k, v in changes.items()})


def held(**files: dict[str, Any] | str | None) -> dict[str, dict[str, Any] | str]:
    """The 2026-09-15 conversation: its meeting and minutes unless given (None: no file)."""
    forms: dict[str, dict[str, Any] | str | None] = {
        "meeting": MEETING,
        "minutes": MINUTES,
        **files,
    }
    return {
        f"{HELD}/{name.replace('_', '-')}.yaml": data
        for name, data in forms.items()
        if data is not None
    }


def upcoming(**files: dict[str, Any] | str | None) -> dict[str, dict[str, Any] | str]:
    """An upcoming conversation (2026-12-10) reviewing the 2026 plan, fully prepared."""
    forms: dict[str, dict[str, Any] | str | None] = {
        "meeting": PLANNED,
        "input": INPUT,
        "self_evaluation": SELF_EVALUATION,
        "evaluation": EVALUATION,
        **files,
    }
    result = {
        f"{UPCOMING}/{name.replace('_', '-')}.yaml": data
        for name, data in forms.items()
        if data is not None
    }
    return {PLAN_FILE: PLAN, **result}


Files = dict[str, dict[str, Any] | str]
Found = tuple[str, str | None, str]
"""(file, field, message) of one finding."""


@dataclass(frozen=True)
class Example:
    files: Files
    found: tuple[Found, ...] = ()
    """Empty: the rule stays silent."""
    today: str = TODAY
    others: tuple[str, ...] = ()
    """Codes of other findings the example expects (a file that does not load)."""


def fires(files: Files, *found: Found, today: str = TODAY, others: tuple[str, ...] = ()) -> Example:
    assert found, "a firing example says what it finds"
    return Example(files, found, today, others)


def silent(files: Files, *, today: str = TODAY, others: tuple[str, ...] = ()) -> Example:
    return Example(files, (), today, others)


S = "utvikling.yaml"
A = AGREEMENT_FILE
P = PLAN_FILE
MEET = f"{HELD}/meeting.yaml"
MIN = f"{HELD}/minutes.yaml"
NEXT = f"{UPCOMING}/meeting.yaml"


def _agreement_rule(found: tuple[Found, ...], **missing: Any) -> list[Example]:
    return [fires({A: agreement(**missing)}, *found), silent({A: AGREEMENT})]


NEW_A = "agreements/2024-07-01.yaml"
"""An agreement for employment entered on 1 July 2024, when the amended aml. § 14-6 applies."""


def _since_2024_rule(field: str, message: str) -> list[Example]:
    """An item aml. § 14-6 has required since 1 July 2024: needed in a newer agreement only."""
    return [
        fires(
            {NEW_A: agreement(start_date="2024-07-01", **{field: DROP})}, (NEW_A, field, message)
        ),
        fires({A: agreement(start_date=DROP, **{field: DROP})}, (A, field, message)),
        silent({NEW_A: agreement(start_date="2024-07-01")}),
        # Employment entered before 1 July 2024: A610 and A611 speak instead.
        silent({A: agreement(start_date="2024-06-30", **{field: DROP})}),
        silent({A: agreement(supplement_requested_at="2026-01-01", **{field: DROP})}),
    ]


def _three(*roles: str) -> list[dict[str, str]]:
    return [{"name": f"Person {i}", "role": role} for i, role in enumerate(roles)]


RULES: dict[str, list[Example]] = {
    # utvikling.yaml
    "M101": [
        fires(
            {S: settings(municipality__name=DROP)},
            (S, "municipality.name", "utvikling.yaml mangler navnet på kommunen."),
        ),
        silent({S: SETTINGS}),
    ],
    "M102": [
        fires(
            {S: settings(municipality__number=DROP)},
            (S, "municipality.number", "utvikling.yaml mangler kommunenummeret."),
        ),
        silent({S: SETTINGS}),
    ],
    "M103": [
        fires(
            {S: settings(municipality__kind=DROP)},
            (
                S,
                "municipality.kind",
                "Det står ikke om dette er en kommune eller en fylkeskommune.",
            ),
        ),
        silent({S: SETTINGS}),
    ],
    "M104": [
        fires(
            {S: settings(chief_executive__title="")},
            (S, "chief_executive.title", "utvikling.yaml mangler tittelen på kommunedirektøren."),
        ),
        silent({S: SETTINGS}),
    ],
    "M105": [
        fires(
            {S: settings(employer_body__name=DROP, employer_body__members=[])},
            (
                S,
                "employer_body.name",
                "utvikling.yaml mangler organet som fører utviklingssamtalen og medlemmene.",
            ),
        ),
        fires(
            {S: settings(employer_body__members=[])},
            (
                S,
                "employer_body.members",
                "utvikling.yaml mangler organet som fører utviklingssamtalen og medlemmene.",
            ),
        ),
        silent({S: SETTINGS}),
    ],
    "M106": [
        fires(
            {S: settings(employer_body__members=_three("deputy_mayor", "member"))},
            (
                S,
                "employer_body.members",
                "Ingen i arbeidsgiverorganet har rollen ordfører («role: mayor»).",
            ),
        ),
        silent({S: SETTINGS}),
        silent({S: settings(employer_body__members=DROP)}),
    ],
    "M107": [
        fires(
            {S: SETTINGS},
            (
                S,
                "employer_body.name",
                "Arbeidsgiverorganet «arbeidsgiverutvalget» har ikke noe registrert vedtak fra "
                "kommunestyret som gir det oppgaven.",
            ),
        ),
        fires(
            {S: settings(employer_body__mandate={"body": "Kommunestyret", "date": "2023-11-16"})},
            (
                S,
                "employer_body.mandate",
                "Arbeidsgiverorganet «arbeidsgiverutvalget» har ikke noe registrert vedtak fra "
                "kommunestyret som gir det oppgaven.",
            ),
        ),
        fires(
            {
                S: settings(
                    municipality__kind="fylkeskommune",
                    municipality__number="58",
                    employer_body__mandate={"case_number": "23/96"},
                )
            },
            (
                S,
                "employer_body.mandate",
                "Arbeidsgiverorganet «arbeidsgiverutvalget» har ikke noe registrert vedtak fra "
                "fylkestinget som gir det oppgaven.",
            ),
        ),
        silent(
            {S: settings(employer_body__mandate={"case_number": "23/96", "date": "2023-11-16"})}
        ),
        silent({S: settings(employer_body__kind="kommunestyre")}),
        silent({S: settings(employer_body__kind="fylkesting")}),
        silent({S: settings(employer_body__name=DROP)}),
        silent({S: settings(employer_body=DROP)}),
    ],
    "M108": [
        fires(
            {S: settings(municipality__number="58")},
            (S, "municipality.number", "Kommunenummeret «58» har ikke fire sifre."),
        ),
        fires(
            {S: settings(municipality__kind="fylkeskommune")},
            (S, "municipality.number", "Fylkesnummeret «4698» har ikke to sifre."),
        ),
        fires(
            {S: settings(municipality__kind=DROP, municipality__number="58")},
            (S, "municipality.number", "Kommunenummeret «58» har ikke fire sifre."),
        ),
        silent({S: SETTINGS}),
        silent({S: settings(municipality__kind="fylkeskommune", municipality__number="58")}),
        silent({S: settings(municipality__number=DROP)}),
    ],
    # The agreement
    "A001": [
        fires({}, (S, None, "Det finnes ingen arbeidsavtale i agreements/.")),
        silent({A: AGREEMENT}),
        silent({A: "start_date: [\n"}, others=("Y001",)),
    ],
    "A101": _agreement_rule(
        ((A, "employer.name", "Avtalen mangler avtalens parter."),),
        employer__name=DROP,
        employee__name="",
    ),
    "A102": [
        fires(
            {A: agreement(start_date=DROP)}, (A, "start_date", "Avtalen mangler tiltredelsesdato.")
        ),
        silent({A: AGREEMENT}),
    ],
    "A103": _agreement_rule(((A, "workplace", "Avtalen mangler arbeidssted."),), workplace=DROP),
    "A104": [
        fires(
            {A: agreement(probation_months=DROP)},
            (A, "probation_months", "Avtalen sier ikke noe om prøvetid."),
        ),
        silent({A: agreement(probation_months=0)}),
    ],
    "A105": _agreement_rule(
        ((A, "working_hours", "Avtalen mangler arbeidstid."),), working_hours=DROP
    ),
    "A106": [
        fires(
            {A: agreement(special_working_time__agreed=DROP)},
            (
                A,
                "special_working_time.agreed",
                "Avtalen sier ikke om særlige arbeidstidsordninger er avtalt.",
            ),
        ),
        silent({A: agreement(special_working_time={"agreed": True})}),
        silent({A: AGREEMENT}),
    ],
    "A107": _agreement_rule(
        ((A, "notice.employer_months", "Avtalen mangler oppsigelsesfrister."),),
        notice__employer_months=DROP,
    ),
    "A201": _agreement_rule(
        ((A, "salary.annual_amount", "Avtalen mangler lønn."),),
        salary__annual_amount=DROP,
        salary__effective_from=DROP,
    ),
    "A202": [
        fires(
            {A: agreement(salary__allowances=DROP)},
            (A, "salary.allowances", "Avtalen sier ikke noe om tillegg."),
        ),
        silent({A: agreement(salary__allowances=[])}),
    ],
    "A203": _agreement_rule(
        ((A, "collective_agreements", "Avtalen mangler tariffavtaler som gjelder."),),
        collective_agreements=[],
    ),
    "A204": [
        fires(
            {A: agreement(meeting_compensation=DROP)},
            (
                A,
                "meeting_compensation.agreed",
                "Avtalen sier ikke om kompensasjon for møtevirksomhet er avtalt.",
            ),
        ),
        silent({A: AGREEMENT}),
    ],
    "A301": _agreement_rule(
        ((A, "responsibility.description", "Avtalen mangler ansvars- og myndighetsområde."),),
        responsibility__description=DROP,
    ),
    "A302": _agreement_rule(
        ((A, "confidentiality", "Avtalen mangler taushetsplikt."),), confidentiality=DROP
    ),
    "A303": [
        fires(
            {A: agreement(cv_publication_consent__given=DROP)},
            (
                A,
                "cv_publication_consent.given",
                "Avtalen sier ikke noe om samtykke til offentliggjøring av CV.",
            ),
        ),
        silent({A: agreement(cv_publication_consent__given=False)}),
    ],
    "A304": _agreement_rule(
        ((A, "secondary_positions.rule", "Avtalen mangler regler for bierverv og verv."),),
        secondary_positions__rule=DROP,
    ),
    "A305": _agreement_rule(
        ((A, "professional_development", "Avtalen mangler egenutvikling og faglig utvikling."),),
        professional_development=DROP,
    ),
    "A401": [
        fires(
            {A: agreement(fixed_term={"agreed": True})},
            (
                A,
                "fixed_term.end_date",
                "Avtalen: åremål er avtalt, men «fixed_term.end_date» mangler.",
            ),
        ),
        fires(
            {A: agreement(fixed_term={})},
            (A, "fixed_term.agreed", "Avtalen sier ikke om åremål er avtalt."),
        ),
        silent({A: agreement(fixed_term={"agreed": True, "end_date": "2030-02-28"})}),
        silent({A: AGREEMENT}),
    ],
    "A402": [
        fires(
            {A: agreement(retreat_position={"agreed": True})},
            (
                A,
                "retreat_position.position",
                "Avtalen: retrettstilling er avtalt, men «retreat_position.position» mangler.",
            ),
        ),
        silent({A: agreement(retreat_position={"agreed": True, "position": "Rådgiver"})}),
    ],
    "A403": [
        fires(
            {A: agreement(severance__months=DROP)},
            (
                A,
                "severance.months",
                "Avtalen: etterlønn er avtalt, men «severance.months» mangler.",
            ),
        ),
        silent({A: AGREEMENT}),
    ],
    "A404": [
        silent({A: agreement(severance=DROP)}),
        fires(
            {A: agreement(severance={"agreed": False, "waiver_aml_15_16_2": True})},
            (
                A,
                "severance.waiver_aml_15_16_2",
                "Stillingsvernet er fraskrevet, men etterlønn er ikke avtalt.",
            ),
        ),
        silent({A: AGREEMENT}),
        silent({A: agreement(severance={"waiver_aml_15_16_2": True})}),
        silent({A: agreement(severance={"agreed": False, "waiver_aml_15_16_2": False})}),
    ],
    "A405": [
        silent({A: AGREEMENT}),
        fires(
            {
                A: agreement(
                    fixed_term={"agreed": True, "end_date": "2024-02-29"},
                    validity__end="2024-02-01",
                )
            },
            (A, "fixed_term.end_date", "«fixed_term.end_date» er før tiltredelsesdatoen."),
            (A, "validity.end", "«validity.end» er før tiltredelsesdatoen."),
        ),
        silent(
            {
                A: agreement(
                    fixed_term={"agreed": True, "end_date": "2024-03-01"},
                    validity__end="2024-03-01",
                )
            }
        ),
        silent({A: agreement(start_date=DROP, validity__end="2020-01-01")}),
    ],
    "A407": [
        silent({A: AGREEMENT}),
        silent(
            {
                "agreements/2024-02-01.yaml": agreement(start_date="2024-02-01"),
                A: agreement(supplements={"file": "2024-02-01"}),
            }
        ),
        silent(
            {
                "agreements/2024-02-01.yaml": agreement(start_date="2024-02-01"),
                A: agreement(supplements={"date": "2024-02-01", "title": "Arbeidsavtale"}),
            }
        ),
        fires(
            {A: agreement(supplements={"file": "2019-08-01"})},
            (
                A,
                "supplements",
                "Avtalen supplerer arbeidsavtalen «2019-08-01», men den finnes ikke i "
                "agreements/, så de lovpålagte punktene er ikke kontrollert.",
            ),
        ),
        fires(
            {A: agreement(supplements={"title": "Arbeidsavtale"})},
            (
                A,
                "supplements",
                "Avtalen supplerer arbeidsavtalen «Arbeidsavtale», men den finnes ikke i "
                "agreements/, så de lovpålagte punktene er ikke kontrollert.",
            ),
        ),
    ],
    "A406": [
        fires(
            {A: agreement(validity__end="2026-11-22")},
            (
                A,
                "validity.end",
                "Avtalen gjelder ikke lenger: «validity.end» er 2026-11-22, før i dag "
                "(2026-11-23).",
            ),
        ),
        fires(
            {A: agreement(fixed_term={"agreed": True, "end_date": "2026-11-22"})},
            (
                A,
                "fixed_term.end_date",
                "Avtalen gjelder ikke lenger: «fixed_term.end_date» er 2026-11-22, før i dag "
                "(2026-11-23).",
            ),
        ),
        silent({A: AGREEMENT}),
        silent(
            {
                A: agreement(
                    validity__end="2026-11-23",
                    fixed_term={"agreed": True, "end_date": "2026-11-23"},
                )
            }
        ),
        silent({A: agreement(fixed_term={"agreed": False, "end_date": "2025-01-01"})}),
        silent(
            {
                "agreements/2019-08-01.yaml": agreement(
                    start_date="2019-08-01", validity__end="2024-02-29", superseded_by="2024-03-01"
                ),
                A: AGREEMENT,
            }
        ),
    ],
    "A501": _agreement_rule(
        (
            (
                A,
                "procedures.expectations",
                "Avtalen mangler prosedyre for å utarbeide gjensidige forventninger og "
                "resultatkrav.",
            ),
        ),
        procedures__expectations=DROP,
    ),
    "A502": _agreement_rule(
        (
            (
                A,
                "procedures.followup",
                "Avtalen mangler prosedyre for oppfølging, medregnet utviklingssamtalen.",
            ),
        ),
        procedures__followup={},
    ),
    "A503": _agreement_rule(
        (
            (
                A,
                "procedures.deviation",
                "Avtalen mangler prosedyre når forventninger eller resultatkrav ikke innfris.",
            ),
        ),
        procedures__deviation=DROP,
    ),
    "A601": _agreement_rule(
        ((A, "leave", "Avtalen mangler ferie, feriepenger og annet betalt fravær."),), leave=DROP
    ),
    "A602": _since_2024_rule("termination_procedure", "Avtalen mangler fremgangsmåte ved opphør."),
    "A603": _agreement_rule(
        (
            (
                A,
                "salary.payment_schedule",
                "Avtalen mangler utbetalingsmåte og -tidspunkt for lønnen.",
            ),
        ),
        salary__payment_schedule=DROP,
    ),
    "A604": _since_2024_rule("overtime", "Avtalen mangler arbeid utover avtalt arbeidstid."),
    "A605": _agreement_rule(((A, "breaks", "Avtalen mangler pauser."),), breaks=DROP),
    "A606": _since_2024_rule("pension_and_insurance", "Avtalen mangler pensjon og forsikring."),
    "A607": _agreement_rule(((A, "title", "Avtalen mangler stillingstittel."),), title=DROP),
    "A610": [
        fires(
            {A: agreement(termination_procedure=DROP, overtime="", pension_and_insurance=DROP)},
            (
                A,
                "start_date",
                "Arbeidsforholdet begynte før 1. juli 2024, og avtalen mangler det loven har lagt "
                "til siden («termination_procedure», «overtime», «pension_and_insurance»). "
                "Avtalen må suppleres bare dersom arbeidstakeren ber om det.",
            ),
        ),
        fires(
            {
                A: agreement(
                    start_date="2024-06-30", overtime=DROP, supplement_requested_at="2026-09-23"
                )
            },
            (
                A,
                "start_date",
                "Arbeidsforholdet begynte før 1. juli 2024, og avtalen mangler det loven har lagt "
                "til siden («overtime»). Avtalen må suppleres bare dersom arbeidstakeren ber om "
                "det.",
            ),
        ),
        silent({A: AGREEMENT}),
        silent({A: agreement(supplement_requested_at="2026-01-01")}),
        silent({A: agreement(start_date="2024-07-01", overtime=DROP)}),
        silent({A: agreement(start_date=DROP, overtime=DROP)}),
        # The deadline has passed: A611 speaks instead.
        silent({A: agreement(overtime=DROP, supplement_requested_at="2026-09-22")}),
        silent(
            {
                "agreements/2019-08-01.yaml": agreement(
                    start_date="2019-08-01", overtime=DROP, superseded_by="2024-03-01"
                ),
                A: AGREEMENT,
            }
        ),
    ],
    "A611": [
        fires(
            {A: agreement(overtime=DROP, supplement_requested_at="2026-09-22")},
            (
                A,
                "supplement_requested_at",
                "Arbeidstakeren ba om supplering 2026-09-22, og fristen på to måneder gikk ut "
                "2026-11-22, men avtalen mangler fortsatt «overtime».",
            ),
        ),
        fires(
            {
                A: agreement(
                    termination_procedure=DROP,
                    pension_and_insurance=" ",
                    supplement_requested_at="2026-08-31",
                )
            },
            (
                A,
                "supplement_requested_at",
                "Arbeidstakeren ba om supplering 2026-08-31, og fristen på to måneder gikk ut "
                "2026-10-31, men avtalen mangler fortsatt «termination_procedure», "
                "«pension_and_insurance».",
            ),
        ),
        silent({A: agreement(overtime=DROP, supplement_requested_at="2026-09-23")}),
        silent({A: agreement(overtime=DROP)}),
        silent({A: agreement(supplement_requested_at="2026-01-01")}),
        silent(
            {
                NEW_A: agreement(
                    start_date="2024-07-01", overtime=DROP, supplement_requested_at="2026-01-01"
                )
            }
        ),
    ],
    "A701": [
        fires(
            {A: agreement(severance__waiver_aml_15_16_2=DROP)},
            (
                A,
                "severance.waiver_aml_15_16_2",
                "Avtalen sier ikke om stillingsvernet er fraskrevet mot etterlønn.",
            ),
        ),
        silent({A: agreement(severance__waiver_aml_15_16_2=False)}),
    ],
    "A702": _agreement_rule(
        (
            (
                A,
                "procedures.followup.salary_talk_month",
                "Avtalen sier ikke noe om måned for den årlige lønnssamtalen.",
            ),
        ),
        procedures__followup__salary_talk_month=DROP,
    ),
    "A801": _agreement_rule(
        ((A, "expectations", "Avtalen mangler gjensidige forventninger."),),
        expectations={"of_chief_executive": []},
    ),
    "A802": _agreement_rule(
        ((A, "adoption.date", "Avtalen mangler vedtaket i kommunestyret om avtalen."),),
        adoption=DROP,
    ),
    "A803": [
        fires(
            {A: agreement(signatures=[])},
            (A, "status", "Avtalen er merket som vedtatt, men har ingen underskrifter."),
        ),
        silent({A: AGREEMENT}),
        silent({A: agreement(status="draft", signatures=DROP)}),
    ],
    # The plan
    "P001": [
        fires(
            {P: plan(period={"start": "2026-01-01"})},
            (S, None, "Ingen resultat- og utviklingsplan gjelder for 2026-11-23."),
        ),
        fires({}, (S, None, "Ingen resultat- og utviklingsplan gjelder for 2026-11-23.")),
        fires(
            {P: plan(period={"start": "2026-01-01", "end": "2026-11-22"})},
            (S, None, "Ingen resultat- og utviklingsplan gjelder for 2026-11-23."),
        ),
        fires(
            {P: plan(period={"start": "2026-11-24", "end": "2026-12-31"})},
            (S, None, "Ingen resultat- og utviklingsplan gjelder for 2026-11-23."),
        ),
        silent({P: PLAN}),
        silent({P: plan(period={"start": "2026-11-23", "end": "2026-11-23"})}),
        silent({P: "period: [\n"}, others=("Y001",)),
    ],
    "P101": [
        fires(
            {P: plan(period={"end": "2026-12-31"})},
            (P, "period.start", "Planen mangler periode for planen."),
        ),
        silent({P: PLAN}),
    ],
    "P102": [
        fires(
            {P: plan(goals=PLAN["goals"][:2])},
            (P, "goals", "Planen har 2 mål (eksempel fra praksis: 3 til 5)."),
        ),
        fires(
            {P: plan(goals=[*PLAN["goals"], PLAN["goals"][0], PLAN["goals"][1]])},
            (P, "goals", "Planen har 6 mål (eksempel fra praksis: 3 til 5)."),
        ),
        silent({P: plan(goals=PLAN["goals"][:3])}),
        silent({P: plan(goals=[*PLAN["goals"], PLAN["goals"][0]])}),
    ],
    "P103": [
        fires(
            {P: plan(goals__1__anchoring=DROP)},
            (P, "goals.1", "Målet «M2» er ikke forankret i et vedtak eller en plan."),
        ),
        fires(
            {P: plan(goals__2__anchoring=[{"type": "budget"}])},
            (P, "goals.2.anchoring", "Målet «M3» er ikke forankret i et vedtak eller en plan."),
        ),
        fires(
            {P: plan(goals__0__anchoring=DROP, goals__0__id=DROP)},
            (
                P,
                "goals.0",
                "Målet «Netto driftsresultat på minst 2 prosent av driftsinntektene» er ikke "
                "forankret i et vedtak eller en plan.",
            ),
        ),
        fires(
            {P: plan(goals__0__anchoring=DROP, goals__0__id=DROP, goals__0__title=DROP)},
            (P, "goals.0", "Målet «nr. 1» er ikke forankret i et vedtak eller en plan."),
        ),
        silent(
            {
                P: plan(
                    goals__0__anchoring=[{"case_number": "25/121"}],
                    goals__1__anchoring=[{"title": "Budsjett"}],
                )
            }
        ),
    ],
    "P104": [
        fires(
            {P: plan(goals__0__indicators__0__target=DROP)},
            (P, "goals.0.indicators", "Målet «M1» har ingen måleindikator med målverdi."),
        ),
        fires(
            {P: plan(goals__3__indicators=DROP)},
            (P, "goals.3", "Målet «M4» har ingen måleindikator med målverdi."),
        ),
        silent({P: PLAN}),
        silent({P: plan(goals__1__indicators__0__target=DROP)}),
    ],
    "P105": [
        fires(
            {P: plan(goals__2__success_factors=[])},
            (P, "goals.2", "Målet «M3» har ingen kritiske suksessfaktorer."),
        ),
        silent({P: PLAN}),
    ],
    "P106": [
        fires(
            {P: plan(goals__0__id=DROP)},
            (
                P,
                "goals.0",
                "Mål nummer 1 mangler merkelapp (id) og tittel, eller har samme merkelapp som "
                "et annet.",
            ),
        ),
        fires(
            {P: plan(goals__1__title="")},
            (
                P,
                "goals.1",
                "Mål nummer 2 mangler merkelapp (id) og tittel, eller har samme merkelapp som "
                "et annet.",
            ),
        ),
        fires(
            {P: plan(goals__3__id="M1")},
            (
                P,
                "goals.3",
                "Mål nummer 4 mangler merkelapp (id) og tittel, eller har samme merkelapp som "
                "et annet.",
            ),
        ),
        silent({P: PLAN}),
    ],
    "P107": [
        fires(
            {P: plan(adopted__date=DROP)}, (P, "adopted.date", "Planen mangler vedtak av planen.")
        ),
        silent({P: PLAN}),
    ],
    "P108": [
        fires(
            {P: plan(goals__1__anchoring=[{"title": "Budsjett 2026"}])},
            (
                P,
                "goals.1.anchoring.0",
                "Forankringen «Budsjett 2026» for målet «M2» har verken saksnummer eller dato.",
            ),
        ),
        fires(
            {
                P: plan(
                    goals__0__id=DROP,
                    goals__0__anchoring__0__case_number=" ",
                    goals__0__anchoring__0__date=DROP,
                )
            },
            (
                P,
                "goals.0.anchoring.0",
                "Forankringen «Handlings- og økonomiplan 202…» for målet "
                "«Netto driftsresultat på minst 2 prosent av driftsinntektene» har verken "
                "saksnummer eller dato.",
            ),
        ),
        silent({P: PLAN}),
        silent({P: plan(goals__1__anchoring=[{"title": "Budsjett 2026", "date": "2025-12-11"}])}),
        silent(
            {P: plan(goals__1__anchoring=[{"title": "Budsjett 2026", "case_number": "25/121"}])}
        ),
        silent({P: plan(goals__1__anchoring=[{"type": "budget"}])}),
    ],
    "P109": [
        fires(
            {P: plan(goals__1__indicators__1__baseline=DROP)},
            (
                P,
                "goals.1.indicators.1",
                "Indikatoren «Brukertilfredshet i hjemmetje…» for målet «M2» har målverdi, "
                "men ingen utgangsverdi.",
            ),
        ),
        fires(
            {P: plan(goals__2__indicators__0__baseline="")},
            (
                P,
                "goals.2.indicators.0",
                "Indikatoren «Gjennomsnittlig stillingsstør…» for målet «M3» har målverdi, men "
                "ingen utgangsverdi.",
            ),
        ),
        silent({P: PLAN}),
        silent({P: plan(goals__3__indicators__0__baseline="0")}),
        silent(
            {P: plan(goals__1__indicators__1__baseline=DROP, goals__1__indicators__1__target=DROP)}
        ),
    ],
    "P110": [
        fires(
            {P: plan(goals__2__indicators__0__target="høyere")},
            (
                P,
                "goals.2.indicators.0.target",
                "Målverdien «høyere» for indikatoren «Gjennomsnittlig stillingsstør…» i målet "
                "«M3» er verken et tall eller en dato.",
            ),
        ),
        silent({P: PLAN}),
        silent({P: plan(goals__3__indicators__0__target="innen 2026-10-01")}),
        silent({P: plan(goals__2__indicators__0__target=DROP)}),
    ],
    "P111": [
        fires(
            {P: plan(goals__2__indicators__0__target="75 dager")},
            (
                P,
                "goals.2.indicators.0.target",
                "Målverdien «75 dager» for indikatoren «Gjennomsnittlig stillingsstør…» er ikke i "
                "indikatorens enhet («prosent»).",
            ),
        ),
        fires(
            {P: plan(goals__0__indicators__0__target="18 millioner kroner")},
            (
                P,
                "goals.0.indicators.0.target",
                "Målverdien «18 millioner kroner» for indikatoren «Netto driftsresultat» er ikke "
                "i indikatorens enhet («prosent av driftsinntektene»).",
            ),
        ),
        silent({P: PLAN}),
        silent({P: plan(goals__2__indicators__0__target="75 %")}),
        silent({P: plan(goals__2__indicators__0__target="75 (heltid)")}),
        silent({P: plan(goals__1__indicators__1__target="5 dager")}),
        silent(
            {
                P: plan(
                    goals__2__indicators__0__unit=DROP, goals__2__indicators__0__target="75 dager"
                )
            }
        ),
    ],
    # Conversations
    "C001": [
        silent(
            {
                A: agreement(start_date="2026-12-01"),
                "conversations/2024-01-10/meeting.yaml": meeting(date="2024-01-10"),
                "conversations/2026-01-20/meeting.yaml": meeting(date="2026-01-20"),
            }
        ),
        fires(
            {
                A: agreement(start_date="2025-01-01"),
                "conversations/2026-11-23/meeting.yaml": meeting(date="2026-11-23"),
            },
            (
                "conversations/2026-11-23/meeting.yaml",
                "date",
                "Det er ikke registrert noen utviklingssamtale på 22 måneder "
                "(2025-01-01–2026-11-23).",
            ),
        ),
        fires(
            {
                A: agreement(start_date="2026-11-23"),
                "conversations/2024-01-10/meeting.yaml": meeting(date="2024-01-10"),
                "conversations/2026-01-20/meeting.yaml": meeting(date="2026-01-20"),
            },
            (
                "conversations/2026-01-20/meeting.yaml",
                "date",
                "Det er ikke registrert noen utviklingssamtale på 24 måneder "
                "(2024-01-10–2026-01-20).",
            ),
        ),
        # With no conversation recorded at all, C002 speaks instead.
        silent({A: agreement(start_date="2025-06-25")}),
        fires(
            {
                A: agreement(start_date="2024-02-29"),
                "conversations/2025-03-01/meeting.yaml": meeting(date="2025-03-01"),
            },
            (
                "conversations/2025-03-01/meeting.yaml",
                "date",
                "Det er ikke registrert noen utviklingssamtale på 12 måneder "
                "(2024-02-29–2025-03-01).",
            ),
            today="2025-03-10",
        ),
        silent(
            {
                A: agreement(start_date="2024-02-29"),
                "conversations/2025-02-28/meeting.yaml": meeting(date="2025-02-28"),
            },
            today="2025-03-10",
        ),
        fires(
            {
                A: agreement(start_date="2022-01-01"),
                "conversations/2024-01-10/meeting.yaml": meeting(date="2024-01-10"),
                "conversations/2026-03-01/meeting.yaml": meeting(date="2026-03-01"),
            },
            (
                "conversations/2026-03-01/meeting.yaml",
                "date",
                "Det er ikke registrert noen utviklingssamtale på 25 måneder "
                "(2024-01-10–2026-03-01).",
            ),
        ),
        silent(
            {
                "agreements/2019-08-01.yaml": agreement(
                    start_date="2019-08-01", superseded_by="2026-01-01"
                ),
                "agreements/2026-01-01.yaml": agreement(start_date="2026-01-01"),
                "conversations/2026-06-01/meeting.yaml": meeting(date="2026-06-01"),
            }
        ),
        silent({A: agreement(start_date=DROP), **held()}),
        silent({A: AGREEMENT}),
        fires(
            {A: AGREEMENT, **held()},
            (
                MEET,
                "date",
                "Det er ikke registrert noen utviklingssamtale på 30 måneder "
                "(2024-03-01–2026-09-15).",
            ),
        ),
        fires(
            {
                A: agreement(start_date="2025-09-01"),
                "conversations/2025-09-16/meeting.yaml": meeting(date="2025-09-16"),
            },
            (
                S,
                None,
                "Det er ikke registrert noen utviklingssamtale på 14 måneder "
                "(2025-09-16–2026-11-23).",
            ),
        ),
        fires(
            {
                A: agreement(start_date="2025-01-01"),
                "conversations/2025-06-01/meeting.yaml": meeting(date="2025-06-01"),
                "conversations/2026-05-01/meeting.yaml": meeting(
                    date="2026-05-01", status="cancelled"
                ),
                "conversations/2026-06-01/meeting.yaml": meeting(
                    date="2026-06-01", status="planned"
                ),
                "conversations/2026-11-30/meeting.yaml": meeting(date="2026-11-30"),
                "conversations/neste/meeting.yaml": meeting(date=DROP),
            },
            (
                S,
                None,
                "Det er ikke registrert noen utviklingssamtale på 17 måneder "
                "(2025-06-01–2026-11-23).",
            ),
            others=("R006",),
        ),
        fires(
            {
                A: agreement(start_date="2025-11-01"),
                "conversations/2025-11-22/meeting.yaml": meeting(date="2025-11-22"),
            },
            (
                S,
                None,
                "Det er ikke registrert noen utviklingssamtale på 12 måneder "
                "(2025-11-22–2026-11-23).",
            ),
        ),
        silent(
            {
                A: agreement(start_date="2025-11-01"),
                "conversations/2025-11-23/meeting.yaml": meeting(date="2025-11-23"),
            }
        ),
        silent({A: agreement(start_date="2026-12-01"), **held()}),
        silent({A: agreement(start_date="2025-10-01"), **held()}),
        silent({A: AGREEMENT, MEET: "date: [\n"}, others=("Y001",)),
    ],
    "C002": [
        fires(
            {A: AGREEMENT},
            (
                S,
                None,
                "Det er ikke registrert noen utviklingssamtale i conversations/ siden avtalen "
                "begynte 2024-03-01.",
            ),
        ),
        fires(
            {A: agreement(start_date="2025-06-25")},
            (
                S,
                None,
                "Det er ikke registrert noen utviklingssamtale i conversations/ siden avtalen "
                "begynte 2025-06-25.",
            ),
        ),
        fires(
            {A: agreement(start_date="2025-11-22")},
            (
                S,
                None,
                "Det er ikke registrert noen utviklingssamtale i conversations/ siden avtalen "
                "begynte 2025-11-22.",
            ),
        ),
        silent({A: agreement(start_date="2025-11-23")}),
        silent({A: agreement(start_date="2026-12-01")}),
        silent({A: agreement(start_date=DROP)}),
        silent({}),
        fires(
            {
                "agreements/2019-08-01.yaml": agreement(
                    start_date="2019-08-01", superseded_by="2025-06-01"
                ),
                "agreements/2025-06-01.yaml": agreement(start_date="2025-06-01"),
            },
            (
                S,
                None,
                "Det er ikke registrert noen utviklingssamtale i conversations/ siden avtalen "
                "begynte 2025-06-01.",
            ),
        ),
        silent(
            {
                "agreements/2019-08-01.yaml": agreement(
                    start_date="2019-08-01", superseded_by="2026-01-01"
                ),
                "agreements/2026-01-01.yaml": agreement(start_date="2026-01-01"),
            }
        ),
        fires(
            {
                A: agreement(start_date="2025-01-01"),
                "conversations/2026-05-01/meeting.yaml": meeting(
                    date="2026-05-01", status="cancelled"
                ),
                "conversations/2026-06-01/meeting.yaml": meeting(
                    date="2026-06-01", status="planned"
                ),
                "conversations/2026-11-30/meeting.yaml": meeting(date="2026-11-30"),
                "conversations/neste/meeting.yaml": meeting(date=DROP),
            },
            (
                S,
                None,
                "Det er ikke registrert noen utviklingssamtale i conversations/ siden avtalen "
                "begynte 2025-01-01.",
            ),
            others=("R006",),
        ),
        silent({A: AGREEMENT, **held()}),
        silent({A: AGREEMENT, "conversations/2026-11-23/meeting.yaml": meeting(date="2026-11-23")}),
        silent({A: AGREEMENT, MEET: "date: [\n"}, others=("Y001",)),
    ],
    "C101": [
        silent(held(meeting=None)),
        fires(
            held(meeting=meeting(participants=_three("deputy_mayor", "member", "member"))),
            (MEET, "participants", "Ordføreren er ikke ført opp som deltaker."),
        ),
        silent(held()),
    ],
    "C102": [
        silent(held(meeting=None)),
        silent(
            held(
                meeting=meeting(
                    participants=_three(
                        "mayor", "opposition_leader", "group_leader", "secretary", "adviser"
                    )
                )
            )
        ),
        *[
            silent(
                {
                    S: settings(employer_body__kind=kind),
                    **held(meeting=meeting(participants=_three(*["member"] * 5, "mayor"))),
                }
            )
            for kind in ("formannskap", "fylkesutvalg", "kommunestyre", "fylkesting")
        ],
        fires(
            held(meeting=meeting(participants=_three("mayor", "deputy_mayor", "chief_executive"))),
            (MEET, "participants", "2 folkevalgte deltar; anbefalt er 3 til 5."),
        ),
        fires(
            held(
                meeting=meeting(
                    participants=_three(
                        "mayor", "deputy_mayor", "member", "member", "member", "member"
                    )
                )
            ),
            (MEET, "participants", "6 folkevalgte deltar; anbefalt er 3 til 5."),
        ),
        silent(held(meeting=meeting(participants=_three("mayor", "deputy_mayor", "member")))),
        silent(
            held(
                meeting=meeting(
                    participants=_three("mayor", "deputy_mayor", "member", "member", "member")
                )
            )
        ),
        silent(
            {
                S: settings(employer_body__kind="formannskap"),
                **held(
                    meeting=meeting(
                        participants=_three(
                            "mayor", "deputy_mayor", "member", "member", "member", "member"
                        )
                    )
                ),
            }
        ),
        silent(held(meeting=meeting(participants=[]))),
    ],
    "C103": [
        silent(held(meeting=None)),
        fires(
            held(meeting=meeting(participants=_three("mayor", "member", "group_leader"))),
            (
                MEET,
                "participants",
                "Deltakerne mangler varaordføreren; KS anbefaler som minimum ordfører, "
                "varaordfører og en ledende folkevalgt til.",
            ),
        ),
        fires(
            held(meeting=meeting(participants=_three("mayor", "member", "opposition_leader"))),
            (
                MEET,
                "participants",
                "Deltakerne mangler varaordføreren; KS anbefaler som minimum ordfører, "
                "varaordfører og en ledende folkevalgt til.",
            ),
        ),
        fires(
            held(meeting=meeting(participants=_three("mayor", "member", "deputy_mayor"))),
            (
                MEET,
                "participants",
                "Deltakerne mangler en ledende folkevalgt til; KS anbefaler som minimum "
                "ordfører, varaordfører og en ledende folkevalgt til.",
            ),
        ),
        fires(
            held(meeting=meeting(participants=_three("mayor", "member", "member"))),
            (
                MEET,
                "participants",
                "Deltakerne mangler varaordføreren og en ledende folkevalgt til; KS anbefaler "
                "som minimum ordfører, varaordfører og en ledende folkevalgt til.",
            ),
        ),
        silent(
            held(meeting=meeting(participants=_three("mayor", "deputy_mayor", "opposition_leader")))
        ),
        silent(held(meeting=meeting(participants=_three("mayor", "deputy_mayor", "group_leader")))),
        silent(held()),
        silent(held(meeting=meeting(participants=DROP))),
    ],
    "C106": [
        silent(held(meeting=None)),
        fires(
            held(meeting=meeting(participants=_three("mayor", "deputy_mayor", "group_leader"))),
            (MEET, "participants", "Ingen fra opposisjonen er ført opp som deltaker."),
        ),
        silent(held(meeting=meeting(participants=_three("member", "opposition_leader")))),
        silent(held()),
        silent(held(meeting=meeting(participants=DROP))),
        silent(held(meeting=meeting(participants=[]))),
    ],
    "C104": [
        silent(held(meeting=None)),
        fires(
            held(meeting=meeting(closed_meeting=DROP)),
            (MEET, "closed_meeting", "Møtet er ikke merket som lukket med hjemmel."),
        ),
        fires(
            held(meeting=meeting(closed_meeting__closed=False)),
            (MEET, "closed_meeting", "Møtet er ikke merket som lukket med hjemmel."),
        ),
        fires(
            held(meeting=meeting(closed_meeting__legal_basis=" ")),
            (MEET, "closed_meeting", "Møtet er ikke merket som lukket med hjemmel."),
        ),
        silent(held()),
    ],
    "C105": [
        silent(held(meeting=None)),
        fires(
            held(meeting=meeting(date="2026-09-16")),
            (MEET, "date", "Møtedatoen 2026-09-16 stemmer ikke med mappenavnet 2026-09-15."),
        ),
        silent(held()),
        silent(held(meeting=meeting(date=DROP))),
    ],
    "C201": [
        silent(held(minutes=None)),
        fires(
            held(minutes=minutes(results_review=DROP)),
            (MIN, "results_review", "Referatet oppsummerer ikke gjennomgangen av resultatene."),
        ),
        silent(held()),
    ],
    "C202": [
        silent(held(minutes=None)),
        fires(
            held(minutes=minutes(new_goals={})),
            (MIN, "new_goals", "Referatet formulerer ikke nye resultatmål og forventninger."),
        ),
        silent(held()),
    ],
    "C203": [
        silent(held(minutes=None)),
        fires(
            held(minutes=minutes(interaction_principles=[{"confidential": False}])),
            (
                MIN,
                "interaction_principles",
                "Referatet stadfester ikke prinsipper for samhandlingen mellom folkevalgte og "
                "administrasjonen.",
            ),
        ),
        silent(held()),
    ],
    "C204": [
        silent(held(minutes=None)),
        fires(
            held(minutes=minutes(development_measures=DROP)),
            (
                MIN,
                "development_measures",
                "Referatet har ingen utviklingstiltak for kommunedirektøren.",
            ),
        ),
        silent(held(minutes=minutes(development_measures=[]))),
    ],
    "C205": [
        silent(held(minutes=None)),
        silent(held(meeting=None, minutes=minutes(salary=DROP))),
        fires(
            held(minutes=minutes(salary=DROP)),
            (MIN, "salary", "Samtalen var lønnssamtale, men referatet har ingen lønnskonklusjon."),
        ),
        fires(
            held(minutes=minutes(salary__conclusion=" ")),
            (MIN, "salary", "Samtalen var lønnssamtale, men referatet har ingen lønnskonklusjon."),
        ),
        silent(held()),
        silent(held(meeting=meeting(salary_conversation=False), minutes=minutes(salary=DROP))),
    ],
    "C206": [
        silent(held(minutes=None)),
        fires(
            held(minutes=minutes(confidential__legal_basis=DROP)),
            (
                MIN,
                "development_measures.1.confidential",
                "«development_measures[1]» er unntatt fra det offentlige referatet uten egen"
                " hjemmel.",
            ),
            (
                MIN,
                "confidential.notes",
                "«confidential.notes» er unntatt fra det offentlige referatet uten egen hjemmel.",
            ),
        ),
        fires(
            held(
                minutes=minutes(
                    reported=DROP,
                    development_measures__1__confidential=False,
                    interaction_principles__0__confidential=True,
                )
            ),
            (
                MIN,
                "interaction_principles.0.confidential",
                "«interaction_principles[0]» er unntatt fra det offentlige referatet uten egen"
                " hjemmel.",
            ),
        ),
        fires(
            held(
                minutes=minutes(
                    reported=DROP,
                    development_measures__1__confidential=False,
                    new_goals__expectations__0__confidential=True,
                    results_review__goals__0__confidential=True,
                )
            ),
            (
                MIN,
                "results_review.goals.0.confidential",
                "«results_review.goals[0]» er unntatt fra det offentlige referatet uten egen"
                " hjemmel.",
            ),
            (
                MIN,
                "new_goals.expectations.0.confidential",
                "«new_goals.expectations[0]» er unntatt fra det offentlige referatet uten egen"
                " hjemmel.",
            ),
        ),
        fires(  # a withheld salary conclusion is counted, not silently dropped
            held(
                minutes=minutes(
                    reported=DROP,
                    development_measures__1__confidential=False,
                    salary__confidential=True,
                )
            ),
            (
                MIN,
                "salary.confidential",
                "«salary» er unntatt fra det offentlige referatet uten egen hjemmel.",
            ),
        ),
        fires(  # the notes' basis does not cover an item: each item has its own
            held(minutes=minutes(reported=DROP, development_measures__1__confidential=True)),
            (
                MIN,
                "development_measures.1.confidential",
                "«development_measures[1]» er unntatt fra det offentlige referatet uten egen"
                " hjemmel.",
            ),
        ),
        silent(held()),  # locked before items had a basis: the notes' basis covers them
        silent(
            held(
                minutes=minutes(
                    reported=DROP, confidential=DROP, development_measures__1__confidential=False
                )
            )
        ),
        silent(
            held(
                minutes=minutes(
                    confidential={"notes": []}, development_measures__1__confidential=False
                )
            )
        ),
        silent(
            held(
                minutes=minutes(
                    reported=DROP,
                    development_measures__1__confidential=True,
                    development_measures__1__legal_basis="offentleglova § 13 jf. forvaltningsloven"
                    " § 13 første ledd nr. 1",
                )
            )
        ),
        silent(
            held(
                minutes=minutes(
                    salary__confidential=True,
                    salary__legal_basis="offentleglova § 23 første ledd",
                )
            )
        ),
    ],
    "C221": [
        silent(held(minutes=None)),
        silent(held()),
        silent(held(minutes=minutes(salary=DROP))),
        fires(
            held(minutes=minutes(salary__confidential=True)),
            (
                MIN,
                "salary.confidential",
                "Lønnskonklusjonen er merket som unntatt offentlighet, men lønnen til"
                " kommunedirektøren er offentlig.",
            ),
        ),
        fires(
            held(
                minutes=minutes(
                    salary__confidential=True,
                    salary__legal_basis="offentleglova § 13 jf. forvaltningsloven § 13",
                )
            ),
            (
                MIN,
                "salary.confidential",
                "Lønnskonklusjonen er merket som unntatt offentlighet, men lønnen til"
                " kommunedirektøren er offentlig.",
            ),
        ),
        silent(  # while negotiating, offl. § 23 (1) may apply
            held(
                minutes=minutes(
                    salary__confidential=True,
                    salary__legal_basis="offentleglova § 23 første ledd: forhandlingene pågår",
                )
            )
        ),
    ],
    "C207": [
        silent(held(meeting=None)),
        fires(
            held(minutes=None),
            (MEET, None, "Samtalen er holdt, men det finnes ikke noe referat."),
            today="2026-09-30",
        ),
        silent(held(minutes=None), today="2026-09-29"),
        silent(held(minutes=None, meeting=meeting(status="cancelled")), today="2026-11-23"),
        silent(held(minutes=None, meeting=meeting(status="planned")), today="2026-11-23"),
        silent(held(minutes=None), today="2026-09-14"),
        silent(held(), today="2026-11-23"),
    ],
    "C208": [
        silent(
            {"conversations/neste/minutes.yaml": minutes(reported=DROP)},
            others=("R006",),
        ),
        silent(held(minutes=None)),
        fires(
            held(minutes=minutes(reported=DROP)),
            (
                MIN,
                "reported",
                "Referatet er ikke registrert som lagt fram for kommunestyret (61 dager etter "
                "samtalen).",
            ),
            today="2026-11-15",
        ),
        fires(
            held(minutes=minutes(reported__date=DROP)),
            (
                MIN,
                "reported",
                "Referatet er ikke registrert som lagt fram for kommunestyret (61 dager etter "
                "samtalen).",
            ),
            today="2026-11-15",
        ),
        silent(held(minutes=minutes(reported=DROP)), today="2026-11-14"),
        silent(held(), today="2027-01-01"),
    ],
    "C209": [
        silent(held(minutes=None)),
        fires(
            held(minutes=minutes(reported__content_sha256="0" * 64)),
            (
                MIN,
                "reported",
                "Referatet er endret etter at det ble lagt fram for kommunestyret: kontrollsummen"
                " stemmer ikke med det referatet viser (referatet, møtet, planen eller"
                " utvikling.yaml).",
            ),
        ),
        # A checksum by the first recipe (the minutes' own text, no checksum_version) that
        # matches still holds the lock (C215 only suggests the repair).
        silent(
            held(
                minutes=minutes(
                    reported__checksum_version=DROP,
                    reported__checksum_added_later=DROP,
                    reported__content_sha256=minutes_content_hash(
                        Minutes.model_validate(
                            changed(
                                MINUTES,
                                {
                                    "reported.checksum_version": DROP,
                                    "reported.checksum_added_later": DROP,
                                },
                            )
                        )
                    ),
                )
            )
        ),
    ],
    "C215": [
        silent(held(minutes=None)),
        fires(
            held(
                minutes=minutes(
                    reported__checksum_version=DROP,
                    reported__checksum_added_later=DROP,
                    reported__content_sha256=minutes_content_hash(
                        Minutes.model_validate(
                            changed(
                                MINUTES,
                                {
                                    "reported.checksum_version": DROP,
                                    "reported.checksum_added_later": DROP,
                                },
                            )
                        )
                    ),
                )
            ),
            (
                MIN,
                "reported",
                "Kontrollsummen følger den gamle oppskriften og dekker bare teksten i"
                " minutes.yaml, ikke møtet, planen og innstillingene referatet viser.",
            ),
        ),
    ],
    # Readiness of an upcoming conversation
    "C301": [
        silent(
            {
                **upcoming(meeting=changed(PLANNED, {"plan_under_review": DROP})),
                P: plan(period={"start": "2026-01-01", "end": "2026-12-10"}),
            }
        ),
        silent(
            {
                **upcoming(meeting=changed(PLANNED, {"plan_under_review": DROP})),
                P: plan(period={"start": "2026-12-10", "end": "2027-12-31"}),
            }
        ),
        silent(upcoming(meeting=None)),
        fires(
            upcoming(meeting=changed(PLANNED, {"plan_under_review": "2099"})),
            (
                NEXT,
                "plan_under_review",
                "Samtalen har ingen resultat- og utviklingsplan å vurdere.",
            ),
        ),
        fires(
            {
                **upcoming(meeting=changed(PLANNED, {"plan_under_review": DROP})),
                P: plan(period={"start": "2026-01-01", "end": "2026-12-09"}),
            },
            (
                NEXT,
                "plan_under_review",
                "Samtalen har ingen resultat- og utviklingsplan å vurdere.",
            ),
        ),
        silent(upcoming()),
        silent(upcoming(meeting=changed(PLANNED, {"plan_under_review": DROP}))),
        silent(upcoming(meeting=changed(PLANNED, {"plan_under_review": "2099", "status": "held"}))),
        silent({**upcoming(), P: "period: [\n"}, others=("Y001",)),
    ],
    "C302": [
        silent(held(self_evaluation=None, meeting=meeting(status=DROP))),
        silent({**upcoming(), P: plan(goals__3__id=DROP)}),
        silent(upcoming(meeting=None)),
        fires(
            {
                **upcoming(self_evaluation=None),
                "conversations/2026-11-01/meeting.yaml": changed(PLANNED, {"date": "2026-11-01"}),
            },
            (
                "conversations/2026-11-01/meeting.yaml",
                None,
                "Egenevalueringen til kommunedirektøren mangler for M1, M2, M3, M4.",
            ),
            (NEXT, None, "Egenevalueringen til kommunedirektøren mangler for M1, M2, M3, M4."),
        ),
        fires(
            {PLAN_FILE: PLAN, "conversations/neste/meeting.yaml": changed(PLANNED, {"date": DROP})},
            (
                "conversations/neste/meeting.yaml",
                None,
                "Egenevalueringen til kommunedirektøren mangler for M1, M2, M3, M4.",
            ),
            others=("R006",),
        ),
        fires(
            {**upcoming(self_evaluation=None), P: plan(goals=DROP)},
            (NEXT, None, "Egenevalueringen til kommunedirektøren mangler for —."),
        ),
        silent(
            {**upcoming(self_evaluation=None), P: plan(goals=DROP)}
            | {f"{UPCOMING}/self-evaluation.yaml": {"submitted": "2026-12-01"}}
        ),
        silent(upcoming(self_evaluation=None, meeting=changed(PLANNED, {"status": "cancelled"}))),
        silent(upcoming(self_evaluation=None, meeting=changed(PLANNED, {"status": "held"}))),
        fires(
            upcoming(self_evaluation=None),
            (NEXT, None, "Egenevalueringen til kommunedirektøren mangler for M1, M2, M3, M4."),
        ),
        fires(
            upcoming(self_evaluation=changed(SELF_EVALUATION, {"goals.3": DROP})),
            (
                f"{UPCOMING}/self-evaluation.yaml",
                "goals",
                "Egenevalueringen til kommunedirektøren mangler for M4.",
            ),
        ),
        fires(
            upcoming(self_evaluation=changed(SELF_EVALUATION, {"goals.0.status": DROP})),
            (
                f"{UPCOMING}/self-evaluation.yaml",
                "goals",
                "Egenevalueringen til kommunedirektøren mangler for M1.",
            ),
        ),
        silent(upcoming()),
        silent(upcoming(self_evaluation="goals: [\n"), others=("Y001",)),
        silent(held(self_evaluation=None)),
    ],
    "C303": [
        silent(upcoming(meeting=None)),
        silent(held(input=None)),
        silent(upcoming(input=None, meeting=changed(PLANNED, {"status": "cancelled"}))),
        fires(upcoming(input=None), (NEXT, None, "Det mangler innspill fra —.")),
        fires(
            upcoming(input=changed(INPUT, {"contributions.1.text": DROP})),
            (f"{UPCOMING}/input.yaml", "contributions", "Det mangler innspill fra Kystpartiet."),
        ),
        fires(
            upcoming(
                input=changed(
                    INPUT, {"contributions.0.received": DROP, "contributions.0.group": DROP}
                )
            ),
            (f"{UPCOMING}/input.yaml", "contributions", "Det mangler innspill fra ?."),
        ),
        fires(
            upcoming(input=changed(INPUT, {"contributions": []})),
            (f"{UPCOMING}/input.yaml", "contributions", "Det mangler innspill fra —."),
        ),
        silent(upcoming()),
        silent(upcoming(input="contributions: [\n"), others=("Y001",)),
    ],
    "C304": [
        silent(upcoming(meeting=changed(PLANNED, {"plan_under_review": "2099"}))),
        silent(upcoming(meeting=None)),
        silent(held(evaluation=None)),
        silent(upcoming(evaluation=None, meeting=changed(PLANNED, {"status": "held"}))),
        fires(
            upcoming(evaluation=None),
            (NEXT, None, "Panelets vurdering er ikke ferdig (evaluation.yaml)."),
        ),
        fires(
            upcoming(evaluation=changed(EVALUATION, {"goals.3": DROP, "leadership": DROP})),
            (
                f"{UPCOMING}/evaluation.yaml",
                "goals",
                "Panelets vurdering er ikke ferdig (M4, lederskap).",
            ),
        ),
        fires(
            upcoming(
                evaluation=changed(
                    EVALUATION,
                    {
                        "goals.0.status": DROP,
                        "organisational_development": "",
                        "political_decisions": DROP,
                    },
                )
            ),
            (
                f"{UPCOMING}/evaluation.yaml",
                "goals",
                "Panelets vurdering er ikke ferdig (M1, organisasjonsutvikling, "
                "gjennomføring av politiske vedtak).",
            ),
        ),
        silent(upcoming()),
        silent(upcoming(evaluation="goals: [\n"), others=("Y001",)),
    ],
}


def _text(data: dict[str, Any] | str) -> str:
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def run(build, code: str, example: Example) -> tuple[list[Found], list[str]]:
    files = {S: SETTINGS, **example.files}
    root: Path = build({path: _text(data) for path, data in files.items()})
    today = dt.date.fromisoformat(example.today)
    result = check_repository(root, CheckOptions(today=today, select=(code,)))
    prefix = f"{root.as_posix()}/"
    found = [
        ((f.file or "").removeprefix(prefix), f.field, f.message)
        for f in result.findings
        if f.code == code
    ]
    return found, sorted({f.code for f in result.findings if f.code != code})


EXAMPLES_BY_ID = [
    pytest.param(code, example, id=f"{code}-{'fires' if example.found else 'silent'}-{index}")
    for code, examples in RULES.items()
    for index, example in enumerate(examples)
]


@pytest.mark.parametrize(("code", "example"), EXAMPLES_BY_ID)
def test_rule(build, code: str, example: Example) -> None:
    found, others = run(build, code, example)
    assert found == list(example.found)
    assert others == sorted(example.others)


ELSEWHERE = {
    "C210": "test_lock.py::test_a_deleted_checksum_is_an_error_with_a_repair",
    "C211": "test_lock.py::test_an_earlier_amendment_edited_in_place_breaks_the_chain",
    "C212": "test_git.py::test_a_recomputed_checksum_is_found_through_history",
    "C213": "test_git.py::test_a_removed_report_is_found_through_history_and_not_reported_again",
    "C214": "test_git.py::test_an_amendment_removed_in_a_commit_is_found",
    "C216": "test_lock.py::test_lifecycle_dates_out_of_order_are_found_as_info",
    "C217": "test_lock.py::test_acknowledgement_and_amendments_out_of_order_are_found_as_info",
    "C218": "test_lock.py::test_lifecycle_dates_out_of_order_are_found_as_info",
    "C219": "test_lock.py::test_acknowledgement_and_amendments_out_of_order_are_found_as_info",
    "C220": "test_lock.py::test_acknowledgement_and_amendments_out_of_order_are_found_as_info",
    "U101": "test_status.py::test_the_u_rules_say_what_is_late",
    "U102": "test_status.py::test_the_u_rules_say_what_is_late",
    "U103": "test_status.py::test_the_u_rules_say_what_is_late",
}
"""Rules whose firing needs git history or a whole year of records: the test that makes each
fire with its exact finding. They are kept silent below, by the bundled examples."""


@pytest.mark.parametrize("code", sorted(ELSEWHERE))
@pytest.mark.parametrize("name", ["fjordvik-kommune", "havbrekke-fylkeskommune"])
def test_rules_tested_elsewhere_stay_silent_on_the_bundled_examples(code: str, name: str) -> None:
    options = CheckOptions(today=dt.date.fromisoformat(TODAY), select=(code,), history=True)
    assert check_repository(EXAMPLES / name, options).findings == []


def test_every_rule_has_a_firing_and_a_silent_example() -> None:
    import importlib

    assert set(RULES) | set(ELSEWHERE) == set(rule_codes())
    assert not set(RULES) & set(ELSEWHERE)
    for code, examples in RULES.items():
        assert any(e.found for e in examples), f"{code}: no example makes it fire"
        assert any(not e.found for e in examples), f"{code}: no example keeps it silent"
    for code, where in ELSEWHERE.items():
        module, _, function = where.partition("::")
        test = getattr(importlib.import_module(module.removesuffix(".py")), function, None)
        assert callable(test), f"{code}: {where} does not exist"
        source = Path(test.__code__.co_filename).read_text(encoding="utf-8")
        assert code in source, f"{code}: {where} does not name it"
