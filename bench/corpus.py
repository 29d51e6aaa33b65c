"""Generate a reproducible corpus of records repositories for the benchmark.

Each municipality is one records repository (a folder with ``utvikling.yaml``), filled with
``years`` years of agreements, plans and development conversations, written in bokmål or
nynorsk the way a municipality's secretariat would write them. Only keys the models define are
written. The same seed gives byte-identical files, and every municipality has its own random
stream, so the corpus of N/4 municipalities is the first quarter of the corpus of N.

Usage: python bench/corpus.py [--municipalities N] [--years Y] [--out DIR] [--seed S]
(DIR defaults to bench/corpus/n<N>-y<Y>, the folder run.py uses for a corpus of that size.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from corpus_text import (
    AGREEMENT_TEXT,
    CONFIDENTIAL_NOTES,
    COUNTY_CODES,
    DEVELOPMENT_NEEDS,
    EVENTS,
    EXPECTATIONS,
    FIRST_NAMES,
    GOALS,
    GROUP_TEXT,
    GROUP_THEMES,
    INTERACTION,
    LEADERSHIP,
    MEASURES,
    NAME_HEADS,
    NAME_TAILS,
    ORGANISATION,
    OVERALL,
    PARTIES,
    POLITICAL,
    PRINCIPLES,
    REVIEW_SUMMARY,
    SECTORS,
    SELF_OVERALL,
    STATUS_TEXT,
    STREETS,
    SUCCESS_GENERIC,
    SURNAMES,
    Archetype,
    Pair,
)

GENERATOR_VERSION = 2
"""Bump when the generated content changes, so run.py regenerates stale corpora."""

DEFAULT_CORPORA = Path(__file__).resolve().parent / "corpus"
"""Where corpora are kept, one folder per size (see :func:`corpus_folder`); git-ignored."""
DEFAULT_MUNICIPALITIES = 360
DEFAULT_YEARS = 10
DEFAULT_SEED = 2026
LAST_YEAR = 2026
"""The last year with records; conversations that year are held before 2026-11-23."""

MARKER = ".corpus.json"
"""Written last into the corpus folder; a folder without it is never deleted."""

WIDTH = 88


# --- a small YAML writer ---------------------------------------------------------------------
# Hand-written rather than yaml.dump: records are written by people, with comments, folded
# text and quoted dates where the models want text; and yaml.dump would emit anchors when an
# object appears twice.


@dataclass(frozen=True)
class Commented:
    """A scalar followed by a comment on the same line."""

    value: Scalar
    comment: str


Scalar: TypeAlias = str | int | bool | dt.date
Value: TypeAlias = Scalar | Commented | list["Value"] | dict[str, "Value"]
Doc: TypeAlias = dict[str, Value]
"""Keys that start with ``#`` are comment lines written where they stand."""

_YAML11_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def _plain_ok(text: str) -> bool:
    return (
        bool(text)
        and text[0].isalpha()
        and text == text.strip()
        and text.lower() not in _YAML11_WORDS
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not any(c in text for c in "\"'`\n")
    )


def _scalar(value: Scalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if _plain_ok(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def _is_long(value: Value, room: int) -> bool:
    return isinstance(value, str) and (len(value) > 72 or len(_scalar(value)) > room)


def _emit_scalar_line(prefix: str, value: Value, indent: int, out: list[str]) -> None:
    """Write ``prefix`` followed by a scalar, folded onto following lines when long."""
    if isinstance(value, Commented):
        out.append(f"{prefix} {_scalar(value.value)}  # {value.comment}")
    elif isinstance(value, str) and _is_long(value, WIDTH - len(prefix) - 1):
        out.append(f"{prefix} >-")
        out.extend(" " * indent + line for line in _wrap(value, WIDTH - indent))
    else:
        assert not isinstance(value, (list, dict))
        out.append(f"{prefix} {_scalar(value)}")


def _emit_mapping(data: dict[str, Value], indent: int, out: list[str], *, first: str = "") -> None:
    pad = " " * indent
    after_block = False
    for position, (key, value) in enumerate(data.items()):
        lead = first if position == 0 and first else pad
        block = key.startswith("#") or isinstance(value, (dict, list)) or after_block
        if indent == 0 and position and block and out[-1] and not out[-1].startswith("#"):
            out.append("")
        after_block = isinstance(value, (dict, list)) and bool(value)
        if key.startswith("#"):
            out.append(f"{lead}{key}")
        elif isinstance(value, dict):
            out.append(f"{lead}{key}:")
            _emit_mapping(value, indent + 2, out)
        elif isinstance(value, list) and not value:
            out.append(f"{lead}{key}: []")
        elif isinstance(value, list):
            out.append(f"{lead}{key}:")
            _emit_sequence(value, indent + 2, out)
        else:
            _emit_scalar_line(f"{lead}{key}:", value, indent + 2, out)


def _emit_sequence(items: list[Value], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict):
            _emit_mapping(item, indent + 2, out, first=f"{pad}- ")
        elif isinstance(item, list):
            raise ValueError("nested lists are not used in records")
        else:
            _emit_scalar_line(f"{pad}-", item, indent + 2, out)


def render(doc: Doc, header: list[str]) -> str:
    """Return the YAML text of a record, with a comment header."""
    out = [f"# {line}" if line else "#" for line in header]
    out.append("")
    _emit_mapping(doc, 0, out)
    text = "\n".join(out) + "\n"
    for forbidden, name in (("&", "ampersand"), ("*", "asterisk"), ("\t", "tab")):
        if forbidden in text:
            raise ValueError(f"generated record contains a {name}: {text[:200]!r}")
    return text


def _slugify(text: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e"})
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")


def org_number(rng: random.Random) -> str:
    """Return a nine-digit organisation number with a valid mod-11 check digit."""
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        digits = [9, rng.choice((3, 4, 6, 7)), *(rng.randrange(10) for _ in range(6))]
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        control = 0 if remainder == 0 else 11 - remainder
        if control != 10:
            return "".join(map(str, digits)) + str(control)


def _kroner(amount: int) -> str:
    """``1 351 000`` with no-break spaces, so a wrapped line never splits the number."""
    return f"{amount:,}".replace(",", "\u00a0")


def _lower_first(text: str) -> str:
    """``Årsregnskapet og KOSTRA`` → ``årsregnskapet og KOSTRA``."""
    return text[:1].lower() + text[1:]


def _decimal(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


# --- the model of one municipality ------------------------------------------------------------


@dataclass
class Person:
    """A named person and, for elected members, their party."""

    name: str
    role: str
    party: Pair | None = None


@dataclass
class Term:
    """An election period with the members of the employer body."""

    start: dt.date
    members: list[Person]


@dataclass
class AgreementInfo:
    """One employment agreement and who it was with."""

    start: dt.date
    chief: str
    salary: int
    end: dt.date | None = None
    next_start: dt.date | None = None
    previous_start: dt.date | None = None


@dataclass
class GoalInfo:
    """A goal in a plan, with numbers the conversation later reports on."""

    id: str
    archetype: Archetype
    baseline: float
    target: float
    outcome: float
    status: str


@dataclass
class Municipality:
    """Everything that stays the same across the years for one municipality."""

    index: int
    rng: random.Random
    name: str
    slug: str
    number: str
    county: bool
    lang: int
    """0 = bokmål, 1 = nynorsk (index into a Pair)."""
    title: str
    org: str | None
    address: str
    body_kind: str
    body_name: str
    terms: list[Term] = field(default_factory=list)
    agreements: list[AgreementInfo] = field(default_factory=list)
    secretary: str = ""

    def w(self, pair: Pair) -> str:
        """Pick the municipality's written language from a text pair."""
        return pair[self.lang]

    @property
    def council(self) -> str:
        return "Fylkestinget" if self.county else "Kommunestyret"

    @property
    def definite(self) -> str:
        return self.title + "en"

    def term(self, day: dt.date) -> Term:
        """The election period ``day`` falls in (the first one before any began)."""
        started = [t for t in self.terms if t.start <= day]
        return started[-1] if started else self.terms[0]

    def agreement(self, day: dt.date) -> AgreementInfo:
        """The agreement in force on ``day`` (the first one before any started)."""
        started = [a for a in self.agreements if a.start <= day]
        return started[-1] if started else self.agreements[0]

    def fill(self, template: Pair, year: int, **extra: str) -> str:
        """Fill a text template in the municipality's language."""
        rng = self.rng
        high = rng.uniform(7.5, 11.0)
        slots = {
            "Def": self.definite[0].upper() + self.definite[1:],
            "def": self.definite,
            "sector": self.w(rng.choice(SECTORS)),
            "event": self.w(rng.choice(EVENTS)),
            "year": str(year),
            "prev": str(year - 1),
            "next": str(year + 1),
            "y0": str(year - rng.randrange(0, 3)),
            "y3": str(year + 3),
            "y4": str(year + 4),
            "y8": str(year + 8),
            "y12": str(year + 12),
            "count": str(rng.randrange(2, 9)),
            "score": _decimal(rng.uniform(4.1, 4.9), 1),
            "high": _decimal(high, 1),
            "low": _decimal(high - rng.uniform(0.5, 2.0), 1),
            "municipality": self.name,
            "council_lc": self.council.lower(),
            "value": "",
            "target": "",
        }
        slots.update(extra)
        return self.w(template).format_map(slots)

    def text(self, bank: list[Pair], year: int, low: int, high: int, **extra: str) -> str:
        """A paragraph of ``low`` to ``high`` distinct sentences from ``bank``."""
        count = min(len(bank), self.rng.randint(low, high))
        return " ".join(self.fill(t, year, **extra) for t in self.rng.sample(bank, count))

    def items(self, bank: list[Pair], year: int, low: int, high: int) -> list[str]:
        count = min(len(bank), self.rng.randint(low, high))
        return [self.fill(t, year) for t in self.rng.sample(bank, count)]


def _person_name(rng: random.Random) -> str:
    first = rng.choice(FIRST_NAMES)
    if rng.random() < 0.2:
        return f"{first} {' '.join(rng.sample(SURNAMES, 2))}"
    return f"{first} {rng.choice(SURNAMES)}"


def _weekday(rng: random.Random, year: int, months: tuple[int, int]) -> dt.date:
    while True:
        day = dt.date(year, rng.randint(*months), rng.randint(1, 28))
        if day.weekday() < 4:
            return day


def _case(rng: random.Random, day: dt.date) -> str:
    return f"{day.year % 100:02d}/{rng.randint(1, 160)}"


def new_municipality(index: int, years: int, seed: int) -> Municipality:
    """Draw a municipality: name, language, employer body, election periods, agreements."""
    rng = random.Random(f"utvikling-bench:{seed}:{index}")
    county = rng.random() < 0.04
    base = rng.choice(NAME_HEADS) + rng.choice(NAME_TAILS)
    name = f"{base} {'fylkeskommune' if county else 'kommune'}"
    lang = 1 if rng.random() < 0.25 else 0
    codes = COUNTY_CODES
    number = f"{codes[index % len(codes)]}{1 + index // len(codes) % 99:02d}"
    if county:
        title = rng.choice(["fylkeskommunedirektør", "fylkesdirektør"])
        body_kind, body_name = "fylkesutvalg", ("Fylkesutvalget", "Fylkesutvalet")[lang]
    else:
        title = rng.choices(["kommunedirektør", "rådmann"], weights=(75, 25))[0]
        body_kind = rng.choices(["utvalg", "formannskap", "kommunestyre"], weights=(55, 40, 5))[0]
        body_name = {
            "utvalg": ("Arbeidsgiverutvalget", "Arbeidsgjevarutvalet"),
            "formannskap": ("Formannskapet", "Formannskapet"),
            "kommunestyre": ("Kommunestyret", "Kommunestyret"),
        }[body_kind][lang]
    postcode = f"{rng.randint(10, 99)}{rng.randint(0, 99):02d}"
    m = Municipality(
        index=index,
        rng=rng,
        name=name,
        slug=f"{index + 1:04d}-{_slugify(name)}",
        number=number,
        county=county,
        lang=lang,
        title=title,
        org=org_number(rng) if rng.random() < 0.85 else None,
        address=f"{rng.choice(STREETS)} {rng.randint(1, 12)}, {postcode} {base}",
        body_kind=body_kind,
        body_name=body_name,
    )
    m.secretary = _person_name(rng)
    first_year = LAST_YEAR - years + 1
    first_election = 2011 + 4 * ((first_year - 8 - 2011) // 4)
    for election in range(first_election, LAST_YEAR + 1, 4):
        parties = rng.sample(PARTIES, 5)
        members = [
            Person(_person_name(rng), "mayor", parties[0]),
            Person(_person_name(rng), "deputy_mayor", parties[1]),
            Person(_person_name(rng), "opposition_leader", parties[2]),
        ]
        members += [
            Person(_person_name(rng), "group_leader", party)
            for party in parties[3 : 3 + rng.randint(0, 2)]
        ]
        m.terms.append(Term(dt.date(election, 10, 15), members))
    count = rng.choices((1, 2, 3), weights=(40, 40, 20))[0]
    starts = [dt.date(first_year - rng.randint(0, 6), rng.choice((1, 3, 4, 6, 8, 9)), 1)]
    later = sorted(rng.sample(range(first_year + 1, LAST_YEAR + 1), min(count - 1, years - 1)))
    starts += [dt.date(y, rng.choice((1, 2, 3, 5, 8, 9)), 1) for y in later]
    salary = rng.randrange(880, 1400) * 1000
    chief = _person_name(rng)
    for i, start in enumerate(starts):
        if i and rng.random() < 0.7:
            chief = _person_name(rng)
        salary = int(round(salary * 1.035 ** (start.year - starts[max(i - 1, 0)].year), -3))
        m.agreements.append(AgreementInfo(start, chief, salary))
    for before, after in zip(m.agreements, m.agreements[1:], strict=False):
        before.end = after.start - dt.timedelta(days=1)
        before.next_start = after.start
        after.previous_start = before.start
    return m


# --- records -------------------------------------------------------------------------------


def _decision(m: Municipality, body: str, day: dt.date, title: str) -> dict[str, Value]:
    return {"body": body, "case_number": _case(m.rng, day), "date": day, "title": title}


def _person(m: Municipality, person: Person) -> dict[str, Value]:
    out: dict[str, Value] = {"name": person.name, "role": person.role}
    if person.party is not None:
        out["party"] = m.w(person.party)
    return out


def settings(m: Municipality) -> tuple[Doc, list[str]]:
    """``utvikling.yaml``."""
    term = m.term(dt.date(LAST_YEAR, 11, 1))
    municipality: dict[str, Value] = {
        "name": m.name,
        "number": Commented(
            m.number, m.w(("Kommunenummer i anførselstegn", "Kommunenummer i hermeteikn"))
        ),
        "kind": "fylkeskommune" if m.county else "kommune",
    }
    if m.org is not None:
        municipality["org_number"] = m.org
    municipality["address"] = m.address
    mandate_day = dt.date(term.start.year, m.rng.choice((11, 12)), m.rng.randint(1, 28))
    doc: Doc = {
        "format": 1,
        "municipality": municipality,
        m.w(
            (
                "# Målform for dokumenter og meldinger: nb eller nn.",
                "# Målform for dokument og meldingar: nb eller nn.",
            )
        ): "",
        "language": ("nb", "nn")[m.lang],
        "chief_executive": {"title": m.title, "name": m.agreements[-1].chief},
        "employer_body": {
            "kind": m.body_kind,
            "name": m.body_name,
            "mandate": _decision(
                m,
                m.council,
                mandate_day,
                m.fill(
                    (
                        "{body} som arbeidsgiverorgan for {def} – mandat og valg av medlemmer "
                        "for perioden {year}–{y4}",
                        "{body} som arbeidsgjevarorgan for {def} – mandat og val av medlemer "
                        "for perioden {year}–{y4}",
                    ),
                    term.start.year,
                    body=m.body_name,
                ),
            ),
            "members": [_person(m, p) for p in term.members],
        },
    }
    if m.rng.random() < 0.1:
        doc["suppress"] = [
            {
                "code": "C102",
                "reason": m.w(
                    (
                        "Hele formannskapet fører samtalen etter vedtak i kommunestyret.",
                        "Heile formannskapet fører samtalen etter vedtak i kommunestyret.",
                    )
                ),
            }
        ]
    header = [
        m.w(
            (
                f"Innstillinger for arkivet til {m.name} over arbeidsgiveroppgaven overfor",
                f"Innstillingar for arkivet til {m.name} over arbeidsgjevaroppgåva overfor",
            )
        ),
        m.w(
            (
                f"{m.definite}. Navn og nummer er oppdiktet for ytelsestesten.",
                f"{m.definite}. Namn og nummer er oppdikta for ytingstesten.",
            )
        ),
    ]
    return doc, header


def agreement(m: Municipality, info: AgreementInfo) -> tuple[Doc, list[str]]:
    """``agreements/<start>.yaml``: shorter for agreements before the 2024 law change."""
    rng, year = m.rng, info.start.year
    modern = info.start >= dt.date(2024, 7, 1) or rng.random() < 0.5
    adopted_day = info.start - dt.timedelta(days=rng.randint(20, 80))
    signed = adopted_day + dt.timedelta(days=rng.randint(2, 10))
    mayor = m.term(adopted_day).members[0]

    def t(key: str, **extra: str) -> str:
        return m.fill(rng.choice(AGREEMENT_TEXT[key]), year, body_lc=m.body_name.lower(),
                      Council=m.council, **extra)  # fmt: skip

    doc: Doc = {
        "status": "adopted" if info.next_start or rng.random() < 0.95 else "draft",
        "title": m.title,
    }
    if info.previous_start is not None:
        doc["supersedes"] = info.previous_start.isoformat()
    if info.next_start is not None:
        doc["superseded_by"] = info.next_start.isoformat()
    employer: dict[str, Value] = {"name": m.name}
    if m.org is not None:
        employer["org_number"] = m.org
    employer["represented_by"] = m.w(
        (f"{m.council}, ved ordføreren", f"{m.council}, ved ordføraren")
    )
    employer["address"] = m.address
    employee: dict[str, Value] = {"name": info.chief}
    if info.next_start is None:
        employee["address"] = f"{rng.choice(SURNAMES)}veien {rng.randint(1, 40)}"
    doc |= {
        "employer": employer,
        "employee": employee,
        "start_date": info.start,
        "workplace": f"{m.name}, {m.address}",
        "probation_months": rng.choice((0, 6, 6, 6)),
        "working_hours": t("working_hours"),
    }
    if modern:
        doc["special_working_time"] = {
            "agreed": False,
            "description": m.w(
                (
                    "Det er ikke avtalt særlige arbeidstidsordninger etter "
                    "arbeidsmiljøloven § 10-2.",
                    "Det er ikkje avtalt særlege arbeidstidsordningar etter "
                    "arbeidsmiljølova § 10-2.",
                )
            ),
        }
        doc["overtime"] = t("overtime")
        doc["breaks"] = t("breaks")
        doc["leave"] = t("leave")
    months = rng.choice((3, 6))
    doc["notice"] = {"employee_months": months, "employer_months": months}
    if modern:
        doc["termination_procedure"] = t("termination")
    salary: dict[str, Value] = {
        "annual_amount": info.salary,
        "effective_from": info.start,
        "allowances": [],
    }
    if rng.random() < 0.2:
        salary["allowances"] = [
            {
                "name": m.w(
                    (
                        "Tillegg for styreverv i interkommunalt selskap",
                        "Tillegg for styreverv i interkommunalt selskap",
                    )
                ),
                "amount": rng.randrange(20, 80) * 1000,
                "description": m.w(
                    ("Gjelder så lenge vervet varer.", "Gjeld så lenge vervet varer.")
                ),
            }
        ]
    if modern:
        salary["payment_schedule"] = t("payment")
    doc["salary"] = salary
    doc["collective_agreements"] = [
        {
            "name": m.w(("Hovedtariffavtalen (KS)", "Hovudtariffavtalen (KS)")),
            "clause": "kap. 3, pkt. 3.4.1",
            "parties": m.w(
                (
                    "KS og arbeidstakerorganisasjonene i kommunal sektor",
                    "KS og arbeidstakarorganisasjonane i kommunal sektor",
                )
            ),
        }
    ]
    if modern:
        doc["meeting_compensation"] = {"agreed": False}
        doc["pension_and_insurance"] = t("pension")
    doc["responsibility"] = {
        "description": t("responsibility"),
        "delegation_rules": _decision(
            m,
            m.council,
            adopted_day - dt.timedelta(days=rng.randint(100, 900)),
            m.w((f"Delegeringsreglement for {m.name}", f"Delegeringsreglement for {m.name}")),
        ),
    }
    doc["confidentiality"] = t("confidentiality")
    doc["cv_publication_consent"] = {"given": rng.random() < 0.9, "date": signed}
    doc["secondary_positions"] = {"rule": t("secondary")}
    doc["professional_development"] = t("development", budget=_kroner(rng.randrange(3, 9) * 10000))
    fixed = rng.random() < 0.15
    doc["fixed_term"] = {"agreed": fixed}
    if fixed:
        doc["fixed_term"] = {
            "agreed": True,
            "end_date": dt.date(year + 6, info.start.month, 1) - dt.timedelta(days=1),
            "renewal": m.w(("Åremålet kan fornyes én gang.", "Åremålet kan fornyast éin gong.")),
        }
    doc["retreat_position"] = {"agreed": False}
    severance = rng.random() < 0.6
    doc["severance"] = (
        {
            "agreed": True,
            "months": rng.choice((6, 9, 12)),
            "offset_rules": t("offset"),
            "waiver_aml_15_16_2": True,
        }
        if severance
        else {"agreed": False, "waiver_aml_15_16_2": False}
    )
    if modern:
        doc["procedures"] = {
            "expectations": {
                "description": m.fill(
                    (
                        "Ordføreren og {def} lager utkast til resultat- og utviklingsplan etter "
                        "budsjettvedtaket. Planen vedtas av {body_lc} i januar.",
                        "Ordføraren og {def} lagar utkast til resultat- og utviklingsplan etter "
                        "budsjettvedtaket. Planen blir vedteken av {body_lc} i januar.",
                    ),
                    year,
                    body_lc=m.body_name.lower(),
                ),
                "drafted_by": m.w(("Ordføreren og " + m.definite, "Ordføraren og " + m.definite)),
                "approved_by": m.body_name,
                "month": 1,
            },
            "followup": {
                "description": m.w(
                    (
                        "Utviklingssamtale en gang i året, med oppfølgingssamtale ved behov.",
                        "Utviklingssamtale ein gong i året, med oppfølgingssamtale ved behov.",
                    )
                ),
                "body": m.body_name,
                "frequency_per_year": 1,
                "months": [9],
                "salary_talk_month": 9,
            },
            "deviation": {
                "description": m.w(
                    (
                        "Avvik tas opp i samtalen, og det lages en plan med tiltak og frister.",
                        "Avvik blir tekne opp i samtalen, og det blir laga ein plan med tiltak og "
                        "fristar.",
                    )
                ),
                "steps": [
                    m.w(("Vurdering i samtalen.", "Vurdering i samtalen.")),
                    m.w(
                        (
                            "Skriftlig plan med tiltak og frister.",
                            "Skriftleg plan med tiltak og fristar.",
                        )
                    ),
                    m.w(("Oppfølging hver tredje måned.", "Oppfølging kvar tredje månad.")),
                ],
            },
        }
        doc["background"] = t("background")
        doc["role_distribution"] = t("roles")
        doc["expectations"] = {
            "of_chief_executive": [m.fill(p, year) for p in AGREEMENT_TEXT["of_chief"]],
            "of_elected_members": [m.fill(p, year) for p in AGREEMENT_TEXT["of_elected"]],
        }
    validity: dict[str, Value] = {"start": info.start}
    if info.end is not None:
        validity["end"] = info.end
    validity["renegotiation"] = t("renegotiation")
    doc["validity"] = validity
    doc["adoption"] = _decision(
        m,
        m.council,
        adopted_day,
        m.w(
            (
                f"Arbeidsavtale og lederavtale for {m.title} {info.chief}",
                f"Arbeidsavtale og leiaravtale for {m.title} {info.chief}",
            )
        ),
    )
    doc["signatures"] = [
        {"name": mayor.name, "on_behalf_of": f"{m.council} i {m.name}", "date": signed},
        {"name": info.chief, "on_behalf_of": m.w(("Arbeidstaker", "Arbeidstakar")), "date": signed},
    ]
    doc["negotiators"] = [_person(m, p) for p in m.term(adopted_day).members[:3]]
    verb = m.w(("tiltrådte", "tiltredde"))
    header = [
        m.w(("Arbeidsavtale for", "Arbeidsavtale for"))
        + f" {m.title} {info.chief} ({verb} {info.start}).",
        m.w(
            (
                f"Vedtatt av {m.council.lower()} {adopted_day} og signert {signed}.",
                f"Vedteken av {m.council.lower()} {adopted_day} og signert {signed}.",
            )
        ),
    ]
    if info.next_start is not None:
        header.append(
            m.w(
                (
                    f"Avtalen er erstattet av avtalen som gjelder fra {info.next_start}.",
                    f"Avtalen er erstatta av avtalen som gjeld frå {info.next_start}.",
                )
            )
        )
    return doc, header


def goals_for(m: Municipality, year: int) -> list[GoalInfo]:
    """Draw 3–5 goals for a plan year, with the outcome the next conversation reports."""
    rng = m.rng
    picked = rng.sample(GOALS, rng.choices((3, 4, 5), weights=(30, 45, 25))[0])
    out = []
    for number, arche in enumerate(picked, 1):
        baseline = rng.uniform(*arche.baseline)
        target = max(0.0, baseline + rng.uniform(*arche.change))
        if arche.unit[0] == "prosent":
            target = min(target, 100.0)
        status = rng.choices(
            ("achieved", "partly_achieved", "not_achieved", "not_assessed"),
            weights=(45, 35, 15, 5),
        )[0]
        share = {"achieved": 1.1, "partly_achieved": 0.6, "not_achieved": 0.1, "not_assessed": 0.5}
        outcome = max(0.0, baseline + (target - baseline) * share[status])
        out.append(GoalInfo(f"M{number}", arche, baseline, target, outcome, status))
    return out


def _goal(m: Municipality, goal: GoalInfo, year: int, *, full: bool) -> dict[str, Value]:
    rng, a = m.rng, goal.archetype
    anchor_day = dt.date(year - 1, rng.choice((2, 4, 6)), rng.randint(1, 28))
    out: dict[str, Value] = {
        "id": goal.id,
        "title": m.w(a.title),
        "theme": a.theme,
        "kind": a.kind,
    }
    if full:
        description = m.fill(a.description, year)
        if rng.random() < 0.5:
            description += " " + m.fill(rng.choice(SUCCESS_GENERIC), year)
        out["description"] = description
    out["anchoring"] = [
        {
            "type": a.anchor_type,
            "title": m.fill(a.anchor, year),
            "body": m.council,
            "case_number": _case(rng, anchor_day),
            "date": anchor_day,
        }
    ]
    factors: list[Value] = [m.fill(p, year) for p in a.success]
    if rng.random() < 0.4:
        factors.append(m.fill(rng.choice(SUCCESS_GENERIC), year))
    out["success_factors"] = factors
    out["indicators"] = [
        {
            "name": m.w(a.indicator),
            "unit": m.w(a.unit),
            "baseline": f"{_decimal(goal.baseline, a.decimals)} ({year - 1})",
            "target": _decimal(goal.target, a.decimals),
            "source": m.w(a.source),
        }
    ]
    return out


def plan(
    m: Municipality, year: int, goals: list[GoalInfo], based_on: str | None
) -> tuple[Doc, list[str]]:
    """``plans/<year>.yaml``."""
    rng = m.rng
    adopted = _weekday(rng, year, (1, 2))
    doc: Doc = {
        "period": {"start": dt.date(year, 1, 1), "end": dt.date(year, 12, 31)},
        "adopted": _decision(
            m,
            m.body_name,
            adopted,
            m.w(
                (
                    f"Resultat- og utviklingsplan for {m.title}en {year}",
                    f"Resultat- og utviklingsplan for {m.title}en {year}",
                )
            ),
        ),
    }
    if based_on is not None:
        doc["based_on"] = Commented(
            based_on, m.w(("Samtalen målene kommer fra", "Samtalen måla kjem frå"))
        )
    doc["goals"] = [_goal(m, g, year, full=True) for g in goals]
    header = [
        m.w(
            (
                f"Resultat- og utviklingsplan for {m.definite}, {year}.",
                f"Resultat- og utviklingsplan for {m.definite}, {year}.",
            )
        ),
        m.w(
            (
                f"Vedtatt av {m.body_name.lower()} {adopted} og referert i {m.council.lower()}.",
                f"Vedteken av {m.body_name.lower()} {adopted} og referert i {m.council.lower()}.",
            )
        ),
    ]
    return doc, header


def _participants(m: Municipality, day: dt.date) -> list[Value]:
    members = list(m.term(day).members)
    if m.rng.random() < 0.08 and len(members) > 3:
        members.pop(1)
    people: list[Value] = [_person(m, p) for p in members]
    people.append({"name": m.agreement(day).chief, "role": "chief_executive"})
    people.append({"name": m.secretary, "role": "secretary"})
    return people


def conversation(
    m: Municipality, day: dt.date, kind: str, goals: list[GoalInfo], next_goals: list[GoalInfo]
) -> dict[str, tuple[Doc, list[str]]]:
    """The five files of one conversation folder, keyed by file stem."""
    rng, year = m.rng, day.year
    folder = day.isoformat()
    chief = m.agreement(day).chief
    salary_talk = kind == "annual" and rng.random() < 0.8
    participants = _participants(m, day)
    annual = kind == "annual"
    labels = {
        "annual": ("årlig utviklingssamtale", "årleg utviklingssamtale"),
        "follow_up": ("oppfølgingssamtale", "oppfølgingssamtale"),
    }
    meeting: Doc = {
        "kind": kind,
        "status": "held",
        "date": day,
        "time": f"{rng.choice((8, 9, 10, 12)):02d}:00–{rng.choice((13, 14, 15))}:30",
        "public_title": m.w(
            (
                f"Arbeidsgiversak – utviklingssamtale med {m.definite}",
                f"Arbeidsgjevarsak – utviklingssamtale med {m.definite}",
            )
        ),
        "place": m.w(
            (
                f"{m.name}, rådhuset, møterom {rng.choice(('Fjorden', 'Utsikten', 'Salen'))}",
                f"{m.name}, rådhuset, møterom {rng.choice(('Fjorden', 'Utsikta', 'Salen'))}",
            )
        ),
        "body": m.body_name,
        "salary_conversation": salary_talk,
        "participants": participants,
        "closed_meeting": {
            "closed": True,
            "legal_basis": m.w(
                (
                    "kommuneloven § 11-5 andre ledd bokstav a (arbeidstakers tjenstlige forhold)",
                    "kommunelova § 11-5 andre ledd bokstav a (tenestlege tilhøve for ein "
                    "arbeidstakar)",
                )
            ),
        },
        "plan_under_review": Commented(str(year), f"plans/{year}.yaml"),
    }
    meeting_header = [
        m.w(
            (
                f"Møtet: {labels[kind][0]} med {m.title} {chief}.",
                f"Møtet: {labels[kind][1]} med {m.title} {chief}.",
            )
        )
    ]

    groups = [p for p in m.term(day).members if p.role != "mayor"]
    contributions: list[Value] = []
    for person in groups:
        assert person.party is not None
        themes: list[Value] = [m.w(p) for p in rng.sample(GROUP_THEMES, rng.randint(1, 3))]
        contributions.append(
            {
                "group": m.w(person.party),
                "leader": person.name,
                "received": day - dt.timedelta(days=rng.randint(8, 16)),
                "themes": themes,
                "text": m.text(GROUP_TEXT, year, 2, 4),
            }
        )
    group_input: Doc = {
        "collected_by": m.w(("Ordfører ", "Ordførar ")) + m.term(day).members[0].name,
        "deadline": day - dt.timedelta(days=7),
        "contributions": contributions,
    }

    def assessed(goal: GoalInfo) -> dict[str, str]:
        a = goal.archetype
        unit = m.w(a.unit)
        suffix = "" if unit in ("antall", "tal") else f" {unit}"
        return {
            "value": _decimal(goal.outcome, a.decimals) + suffix,
            "target": _decimal(goal.target, a.decimals) + suffix,
        }

    self_goals: list[Value] = []
    panel_goals: list[Value] = []
    review_goals: list[Value] = []
    for goal in goals:
        numbers = assessed(goal)
        bank = STATUS_TEXT[goal.status]
        panel_status = goal.status if rng.random() < 0.85 else rng.choice(list(STATUS_TEXT))
        self_goals.append(
            {
                "goal": goal.id,
                "status": goal.status,
                "indicator_values": [
                    {
                        "name": m.w(goal.archetype.indicator),
                        "value": numbers["value"],
                        "as_of": day - dt.timedelta(days=rng.randint(14, 45)),
                    }
                ],
                "evidence": m.fill(
                    (
                        "Tallene fra {source} viser {value} mot målet {target}.",
                        "Tala frå {source} viser {value} mot målet {target}.",
                    ),
                    year,
                    source=_lower_first(m.w(goal.archetype.source)),
                    **numbers,
                ),
                "comment": m.fill(rng.choice(bank), year, **numbers)
                + " "
                + m.text(SELF_OVERALL, year, 1, 1),
            }
        )
        panel_goals.append(
            {
                "goal": goal.id,
                "status": panel_status,
                "assessment": m.fill(rng.choice(STATUS_TEXT[panel_status]), year, **numbers),
            }
        )
        review_goals.append(
            {
                "goal": goal.id,
                "status": panel_status,
                "summary": m.fill(rng.choice(STATUS_TEXT[panel_status]), year, **numbers),
            }
        )
    proposals: list[Value] = [
        {
            "title": m.w(g.archetype.title),
            "theme": g.archetype.theme,
            "description": m.fill(g.archetype.description, year + 1),
        }
        for g in next_goals[: rng.randint(1, len(next_goals))]
    ]
    self_evaluation: Doc = {
        "submitted": day - dt.timedelta(days=rng.randint(5, 10)),
        "goals": self_goals,
        "overall": m.text(SELF_OVERALL, year, 2, 3),
        "development_needs": m.text(DEVELOPMENT_NEEDS, year, 1, 2),
    }
    if annual:
        self_evaluation["proposed_goals"] = proposals
    evaluation: Doc = {
        "agreed": day - dt.timedelta(days=rng.randint(2, 6)),
        "goals": panel_goals,
        "leadership": m.text(LEADERSHIP, year, 2, 3),
        "organisational_development": m.text(ORGANISATION, year, 1, 3),
        "political_decisions": m.text(POLITICAL, year, 1, 2),
        "interaction": m.text(INTERACTION, year, 1, 3),
        "development_needs": m.text(DEVELOPMENT_NEEDS, year, 1, 2),
        "overall": m.text(OVERALL, year, 1, 2),
    }

    achieved = sum(g.status in ("achieved", "partly_achieved") for g in goals)
    date_words = m.w(("utviklingssamtale", "utviklingssamtale"))
    minutes: Doc = {
        "public_title": m.w(
            (
                f"Referat fra {date_words} med {m.definite} {day}",
                f"Referat frå {date_words} med {m.definite} {day}",
            )
        ),
        "date": day,
        "participants": participants,
        m.w(("# 1. Gjennomgang av resultatoppnåelse", "# 1. Gjennomgang av resultatoppnåinga")): "",
        "results_review": {
            "summary": m.w(
                (
                    f"{achieved} av {len(goals)} mål er nådd eller på god vei. ",
                    f"{achieved} av {len(goals)} mål er nådde eller på god veg. ",
                )
            )
            + m.text(REVIEW_SUMMARY, year, 1, 3),
            "goals": review_goals,
        },
        m.w(("# 2. Nye resultatmål og forventninger", "# 2. Nye resultatmål og forventningar")): "",
    }
    if annual:
        minutes["new_goals"] = {
            "summary": m.fill(
                (
                    "Utvalget ble enig om {n} mål for {next}. Planen vedtas i januar {next} etter "
                    "budsjettvedtaket.",
                    "Utvalet vart samde om {n} mål for {next}. Planen blir vedteken i januar "
                    "{next} etter budsjettvedtaket.",
                ),
                year,
                n=str(len(next_goals)),
            ),
            "goals": [_goal(m, g, year + 1, full=False) for g in next_goals],
            "expectations": [{"text": t} for t in m.items(EXPECTATIONS, year, 1, 3)],
        }
    else:
        minutes["new_goals"] = {
            "summary": m.w(
                (
                    "Målene i planen for året videreføres uten endringer.",
                    "Måla i planen for året blir vidareførte utan endringar.",
                )
            ),
            "expectations": [{"text": t} for t in m.items(EXPECTATIONS, year, 1, 2)],
        }
    withheld = rng.random() < 0.5
    measures: list[Value] = [{"text": t} for t in m.items(MEASURES, year, 1, 3)]
    if withheld and measures:
        last = measures[-1]
        assert isinstance(last, dict)
        last["confidential"] = True
    minutes |= {
        m.w(("# 3. Prinsipper for samhandling", "# 3. Prinsipp for samhandling")): "",
        "interaction_principles": [{"text": t} for t in m.items(PRINCIPLES, year, 1, 3)],
        m.w(("# 4. Utviklingstiltak", "# 4. Utviklingstiltak")): "",
        "development_measures": measures,
    }
    if salary_talk:
        agreement_salary = m.agreement(day).salary
        old = int(round(agreement_salary * 1.035 ** (year - m.agreement(day).start.year), -3))
        new = int(round(old * rng.uniform(1.025, 1.05), -3))
        minutes["salary"] = {
            "held": True,
            "conclusion": m.fill(
                (
                    "{body} innstiller på at {def}s årslønn reguleres fra {old} kroner til {new} "
                    "kroner med virkning fra 1. mai {year}.",
                    "{body} rår til at årsløna til {def} blir regulert frå {old} kroner til {new} "
                    "kroner med verknad frå 1. mai {year}.",
                ),
                year,
                body=m.body_name,
                old=_kroner(old),
                new=_kroner(new),
            ),
            "decision_by": m.council,
        }
    minutes["deviation"] = {"status": "none"}
    if withheld or rng.random() < 0.3:
        minutes["confidential"] = {
            "legal_basis": m.w(
                (
                    "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 1",
                    "offentleglova § 13 jf. forvaltningslova § 13 første ledd nr. 1",
                )
            ),
            "notes": [*m.items(CONFIDENTIAL_NOTES, year, 1, 2)],
        }
    approved = day + dt.timedelta(days=rng.randint(5, 10))
    minutes["approved"] = {
        "body": m.body_name,
        "date": approved,
        "title": m.w(
            (
                f"Godkjenning av referat fra samtalen {folder}",
                f"Godkjenning av referat frå samtalen {folder}",
            )
        ),
    }
    reported = day + dt.timedelta(days=rng.randint(25, 50))
    if reported < dt.date(LAST_YEAR, 11, 23):
        minutes["reported"] = _decision(
            m,
            m.council,
            reported,
            m.w(
                (
                    f"Referatsak – referat fra utviklingssamtale med {m.definite}",
                    f"Referatsak – referat frå utviklingssamtale med {m.definite}",
                )
            ),
        )
    secret = m.w(
        (
            "Fortrolig: kommer aldri i offentlige dokumenter.",
            "Fortruleg: kjem aldri i offentlege dokument.",
        )
    )
    return {
        "meeting": (meeting, meeting_header),
        "input": (
            group_input,
            [
                m.w(
                    (
                        "Innspill fra gruppelederne før samtalen.",
                        "Innspel frå gruppeleiarane før samtalen.",
                    )
                ),
                secret,
            ],
        ),
        "self-evaluation": (
            self_evaluation,
            [
                m.w(
                    (
                        f"Egenevalueringen til {m.title} {chief}.",
                        f"Eigenevalueringa til {m.title} {chief}.",
                    )
                ),
                secret,
            ],
        ),
        "evaluation": (
            evaluation,
            [
                m.w(
                    (
                        f"Evalueringen til {m.body_name.lower()}.",
                        f"Evalueringa til {m.body_name.lower()}.",
                    )
                ),
                secret,
            ],
        ),
        "minutes": (
            minutes,
            [m.w((f"Referat fra samtalen {folder}.", f"Referat frå samtalen {folder}."))],
        ),
    }


def _annual_day(
    rng: random.Random, year: int, usual: tuple[int, int], previous: dt.date | None
) -> dt.date:
    """About the same week every year, never more than twelve months after the previous one."""
    day = dt.date(year, *usual) + dt.timedelta(days=rng.randint(-7, 7))
    if previous is not None:
        day = min(day, dt.date(previous.year + 1, previous.month, min(previous.day, 28)))
    while day.weekday() > 3:
        day -= dt.timedelta(days=1)
    return day


def municipality_files(index: int, years: int, seed: int) -> tuple[str, dict[str, str]]:
    """Return the slug and the files (relative path -> YAML text) of one municipality."""
    m = new_municipality(index, years, seed)
    files: dict[str, str] = {}
    doc, header = settings(m)
    files["utvikling.yaml"] = render(doc, header)
    for info in m.agreements:
        doc, header = agreement(m, info)
        files[f"agreements/{info.start.isoformat()}.yaml"] = render(doc, header)
    first_year = LAST_YEAR - years + 1
    plan_goals = {year: goals_for(m, year) for year in range(first_year, LAST_YEAR + 2)}
    annual_folders: dict[int, str] = {}
    usual = (m.rng.choice((9, 10)), m.rng.randint(1, 20))
    previous: dt.date | None = None
    for year in range(first_year, LAST_YEAR + 1):
        annual = _annual_day(m.rng, year, usual, previous)
        previous = annual
        days: list[tuple[dt.date, str]] = [(annual, "annual")]
        if m.rng.random() < 0.2:
            days.insert(0, (_weekday(m.rng, year, (3, 5)), "follow_up"))
        for day, kind in days:
            folder = day.isoformat()
            if kind == "annual":
                annual_folders[year] = folder
            stage_files = conversation(m, day, kind, plan_goals[year], plan_goals[year + 1])
            for stem, (doc, header) in stage_files.items():
                files[f"conversations/{folder}/{stem}.yaml"] = render(doc, header)
        doc, header = plan(m, year, plan_goals[year], annual_folders.get(year - 1))
        files[f"plans/{year}.yaml"] = render(doc, header)
    return m.slug, files


# --- writing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusInfo:
    """What a corpus folder holds."""

    path: Path
    municipalities: int
    years: int
    seed: int
    files: int
    bytes: int
    seconds: float

    def as_json(self) -> dict[str, int | float | str]:
        return {
            "generator": GENERATOR_VERSION,
            "municipalities": self.municipalities,
            "years": self.years,
            "seed": self.seed,
            "files": self.files,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 2),
        }


def read_marker(out: Path) -> CorpusInfo | None:
    """Return what the corpus at ``out`` holds, or None when it has no (valid) marker."""
    try:
        data = json.loads((out / MARKER).read_text(encoding="utf-8"))
        if data.get("generator") != GENERATOR_VERSION:
            return None
        return CorpusInfo(
            out,
            int(data["municipalities"]),
            int(data["years"]),
            int(data["seed"]),
            int(data["files"]),
            int(data["bytes"]),
            float(data["seconds"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def corpus_folder(corpora: Path, municipalities: int, years: int) -> Path:
    """The folder of the corpus of this size: ``<corpora>/n<N>-y<Y>``, where run.py looks."""
    return corpora / f"n{municipalities}-y{years}"


def generate(
    out: Path,
    municipalities: int = DEFAULT_MUNICIPALITIES,
    years: int = DEFAULT_YEARS,
    seed: int = DEFAULT_SEED,
) -> CorpusInfo:
    """Write a fresh corpus into ``out``, replacing a corpus this script wrote before.

    Raises:
        SystemExit: ``out`` holds files that this script did not write.
    """
    if municipalities < 1 or not 1 <= years <= 30:
        raise SystemExit("need at least 1 municipality and 1 to 30 years")
    if out.exists():
        if not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file()):
            raise SystemExit(f"{out} exists and was not written by corpus.py; not touching it")
        shutil.rmtree(out)
    start = time.perf_counter()
    count = size = 0
    for index in range(municipalities):
        slug, files = municipality_files(index, years, seed)
        root = out / slug
        for relative, text in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            count += 1
            size += len(data)
    info = CorpusInfo(out, municipalities, years, seed, count, size, time.perf_counter() - start)
    (out / MARKER).write_text(json.dumps(info.as_json(), indent=2) + "\n", encoding="utf-8")
    return info


def ensure(
    out: Path, municipalities: int, years: int = DEFAULT_YEARS, seed: int = DEFAULT_SEED
) -> tuple[CorpusInfo, bool]:
    """Return the corpus at ``out``, generating it unless it is there with these parameters.

    The second value tells whether it was generated now.
    """
    found = read_marker(out)
    if found is not None and (found.municipalities, found.years, found.seed) == (
        municipalities,
        years,
        seed,
    ):
        return found, False
    return generate(out, municipalities, years, seed), True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--municipalities", type=int, default=DEFAULT_MUNICIPALITIES, metavar="N")
    parser.add_argument("--years", type=int, default=DEFAULT_YEARS, metavar="Y")
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="default: bench/corpus/n<N>-y<Y>, the folder run.py uses for this size",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S")
    args = parser.parse_args(argv)
    out = args.out or corpus_folder(DEFAULT_CORPORA, args.municipalities, args.years)
    info = generate(out, args.municipalities, args.years, args.seed)
    print(
        f"wrote {info.files} files, {info.bytes} bytes ({info.bytes / 2**20:.1f} MiB, "
        f"{info.bytes / info.files / 1024:.1f} KiB per file) for {info.municipalities} "
        f"municipalities x {info.years} years into {info.path} in {info.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
