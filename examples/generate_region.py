"""Write the example region: fictional municipalities, each at another point of the yearly cycle.

The docs and the tests of ``utvikling status`` and ``utvikling overview`` use it. Every name,
number and person is made up. The script uses no randomness and no clock, so it writes the same
bytes every time; a test runs it and compares the result with ``examples/region/``.

Usage: python examples/generate_region.py [--out examples/region]

    solvik-kommune          all is well: conversations in January and September, minutes done
    nordheim-kommune        no employment agreement (nynorsk)
    lyngstad-kommune        the åremål ended 2025-12-31 and no new agreement exists
    bjorkedal-kommune       no development conversation since May 2025
    elvestrand-kommune      a deviation procedure is running, with monthly follow-ups (nynorsk)
    storlia-kommune         the agreement is silent on dates; minutes not reported, plan not adopted
    vestmark-fylkeskommune  the åremål ends in 2027; the October minutes await the county council
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent / "region"
MARKER = "Generert av examples/generate_region.py"
HEADER = {
    "nb": f"# {MARKER}; ikke rediger for hånd. Kommunen er oppdiktet.\n",
    "nn": f"# {MARKER}; ikkje rediger for hand. Kommunen er oppdikta.\n",
    "nb-fylkeskommune": f"# {MARKER}; ikke rediger for hånd. Fylkeskommunen er oppdiktet.\n",
    "nn-fylkeskommune": f"# {MARKER}; ikkje rediger for hand. Fylkeskommunen er oppdikta.\n",
}


def org_number(seed: int) -> str:
    """A nine-digit organisation number with a valid mod-11 check digit."""
    for base in range(99_950_000 + seed * 37, 99_999_999):
        digits = f"{base:08d}"
        remainder = sum(int(d) * w for d, w in zip(digits, (3, 2, 7, 6, 5, 4, 3, 2), strict=True))
        control = 0 if remainder % 11 == 0 else 11 - remainder % 11
        if control != 10:
            return f"{digits}{control}"
    raise AssertionError("no organisation number")


@dataclass
class Talk:
    """One conversation folder."""

    date: str
    kind: str = "annual"
    salary: bool = False
    minutes: bool = True
    approved: str | None = None
    acknowledged: str | None = None
    reported: str | None = None
    deviation: str = "none"
    held: bool = True
    ready: bool = True
    """An upcoming conversation: are the forms filled in?"""


@dataclass
class Municipality:
    """One records repository of the region."""

    slug: str
    name: str
    number: str
    kind: str
    lang: str
    title: str
    chief: str
    mayor: str
    deputy: str
    opposition: str
    seed: int
    body: str = ""
    """The employer body; empty: «Arbeidsgiverutvalget» (nb) or «Arbeidsgjevarutvalet» (nn)."""

    def __post_init__(self) -> None:
        self.body = self.body or (
            "Arbeidsgjevarutvalet" if self.lang == "nn" else "Arbeidsgiverutvalget"
        )

    agreement: str | None = "2023-01-01"
    """The agreement's start date; None for no agreement."""
    fixed_term_end: str | None = None
    months: list[int] | None = field(default_factory=lambda: [9])
    salary_month: int | None = 9
    plan_month: int | None = 1
    plans: dict[int, str | None] = field(default_factory=dict)
    """Year → the date the plan was adopted (None: not adopted)."""
    talks: list[Talk] = field(default_factory=list)


REGION = [
    Municipality(
        "solvik-kommune",
        "Solvik kommune",
        "4901",
        "kommune",
        "nb",
        "kommunedirektør",
        "Marte Lindvik",
        "Per Håkon Bratli",
        "Anne Sørbø",
        "Tore Nyhus",
        1,
        months=[1, 9],
        salary_month=9,
        plans={2025: "2025-01-22", 2026: "2026-01-20"},
        talks=[
            Talk(
                "2025-09-17",
                salary=True,
                approved="2025-09-24",
                acknowledged="2025-10-01",
                reported="2025-10-23",
            ),
            Talk(
                "2026-01-20",
                approved="2026-01-27",
                acknowledged="2026-02-03",
                reported="2026-02-19",
            ),
            Talk(
                "2026-09-16",
                salary=True,
                approved="2026-09-23",
                acknowledged="2026-09-30",
                reported="2026-10-22",
            ),
        ],
    ),
    Municipality(
        "nordheim-kommune",
        "Nordheim kommune",
        "4902",
        "kommune",
        "nn",
        "kommunedirektør",
        "Sigve Tveit",
        "Ragnhild Øyre",
        "Lars Nesje",
        "Kari Furnes",
        2,
        body="Formannskapet",
        agreement=None,
        plans={2026: "2026-02-03"},
        talks=[
            Talk(
                "2026-03-11",
                salary=True,
                approved="2026-03-18",
                acknowledged="2026-03-25",
                reported="2026-04-16",
            ),
        ],
    ),
    Municipality(
        "lyngstad-kommune",
        "Lyngstad kommune",
        "4903",
        "kommune",
        "nb",
        "rådmann",
        "Henrik Aas",
        "Birgit Lund",
        "Ola Strøm",
        "Eva Dahle",
        3,
        agreement="2019-03-01",
        fixed_term_end="2025-12-31",
        months=[10],
        salary_month=10,
        plans={2026: "2026-01-28"},
        talks=[
            Talk(
                "2025-10-15",
                salary=True,
                approved="2025-10-22",
                acknowledged="2025-10-29",
                reported="2025-11-20",
            ),
            Talk(
                "2026-10-14",
                salary=True,
                approved="2026-10-21",
                acknowledged="2026-10-28",
                reported="2026-11-19",
            ),
        ],
    ),
    Municipality(
        "bjorkedal-kommune",
        "Bjørkedal kommune",
        "4904",
        "kommune",
        "nb",
        "kommunedirektør",
        "Nina Fosse",
        "Jon Arne Rud",
        "Hege Moe",
        "Trond Bakke",
        4,
        months=None,
        salary_month=None,
        plans={2025: "2025-01-29"},
        talks=[
            Talk(
                "2025-05-20",
                salary=True,
                approved="2025-05-27",
                acknowledged="2025-06-03",
                reported="2025-06-19",
            ),
        ],
    ),
    Municipality(
        "elvestrand-kommune",
        "Elvestrand kommune",
        "4905",
        "kommune",
        "nn",
        "kommunedirektør",
        "Audun Hjelle",
        "Solveig Ramstad",
        "Nils Kvåle",
        "Ingunn Berge",
        5,
        agreement="2025-09-01",
        months=[5],
        salary_month=9,
        plans={2026: "2026-01-21"},
        talks=[
            Talk(
                "2026-05-12",
                deviation="opened",
                approved="2026-05-19",
                acknowledged="2026-05-26",
                reported="2026-06-18",
            ),
            Talk("2026-06-09", kind="follow_up", minutes=False),
            Talk("2026-07-07", kind="follow_up", minutes=False),
            Talk(
                "2026-09-08",
                kind="extra",
                salary=True,
                deviation="ongoing",
                approved="2026-09-15",
                acknowledged="2026-09-22",
                reported="2026-10-15",
            ),
            Talk("2026-10-06", kind="follow_up", minutes=False),
        ],
    ),
    Municipality(
        "storlia-kommune",
        "Storlia kommune",
        "4906",
        "kommune",
        "nb",
        "kommunedirektør",
        "Eirik Voll",
        "Mona Skjelbred",
        "Arvid Sæther",
        "Lise Holm",
        6,
        agreement="2025-06-01",
        months=None,
        salary_month=None,
        plan_month=None,
        plans={2026: None},
        talks=[
            Talk("2026-04-14", salary=True, approved="2026-04-28"),
        ],
    ),
    Municipality(
        "vestmark-fylkeskommune",
        "Vestmark fylkeskommune",
        "57",
        "fylkeskommune",
        "nn",
        "fylkeskommunedirektør",
        "Gunnhild Myrvang",
        "Håvard Teigen",
        "Marit Aune",
        "Oddbjørn Fjell",
        7,
        body="Fylkesutvalet",
        agreement="2021-07-01",
        fixed_term_end="2027-06-30",
        months=[3, 10],
        salary_month=10,
        plans={2026: "2026-01-26"},
        talks=[
            Talk(
                "2025-03-18",
                approved="2025-03-25",
                acknowledged="2025-04-01",
                reported="2025-04-24",
            ),
            Talk(
                "2025-10-21",
                salary=True,
                approved="2025-10-28",
                acknowledged="2025-11-04",
                reported="2025-11-27",
            ),
            Talk(
                "2026-03-17",
                approved="2026-03-24",
                acknowledged="2026-03-31",
                reported="2026-04-23",
            ),
            Talk("2026-10-20", salary=True, approved="2026-10-27"),
        ],
    ),
]


# --- words ---------------------------------------------------------------------------------

WORDS = {
    "nb": {
        "kommune": {"council": "Kommunestyret", "mayor": "ordføreren"},
        "fylkeskommune": {"council": "Fylkestinget", "mayor": "fylkesordføreren"},
        "town_hall": {"kommune": "rådhus", "fylkeskommune": "fylkeshus"},
    },
    "nn": {
        "kommune": {"council": "Kommunestyret", "mayor": "ordføraren"},
        "fylkeskommune": {"council": "Fylkestinget", "mayor": "fylkesordføraren"},
        "town_hall": {"kommune": "rådhus", "fylkeskommune": "fylkeshus"},
    },
}

AGREEMENT = {
    "nb": """\
status: adopted
title: {title}

employer:
  name: {name}
  org_number: "{org}"
  represented_by: {council}, ved {mayor}
  address: {address}

employee:
  name: {chief}
  address: Fiktiv vei 1, {postcode}   # Fortrolig: kommer aldri i offentlige dokumenter

start_date: {start}
workplace: {place}, {address}
probation_months: 0

working_hours: >-
  Ordinær arbeidstid er 37,5 timer per uke. Arbeidstiden varierer med møteplanen
  til de folkevalgte organene.
special_working_time:
  agreed: false
overtime: >-
  Ledende stilling. Arbeid utover avtalt arbeidstid er kompensert i årslønnen.
breaks: Spisepause på 30 minutter per dag innenfor arbeidstiden.
leave: >-
  Ferie og feriepenger etter ferieloven og Hovedtariffavtalen; annet fravær med
  lønn etter Hovedtariffavtalens fellesbestemmelser.

notice:
  employee_months: 6
  employer_months: 6
termination_procedure: >-
  Oppsigelse skal være skriftlig. Oppsigelse fra arbeidsgiver besluttes av
  {council_lower} selv etter drøftingsmøte.

salary:
  annual_amount: 1 250 000
  effective_from: {start}
  allowances: []
  payment_schedule: Månedlig, den 12. i hver måned.

collective_agreements:
  - name: Hovedtariffavtalen (KS)
    clause: kap. 3, pkt. 3.4.1
    parties: KS og arbeidstakerorganisasjonene i kommunal sektor

meeting_compensation:
  agreed: false

pension_and_insurance: >-
  Offentlig tjenestepensjon i KLP, som mottar pensjonsinnbetalingene;
  forsikringer etter Hovedtariffavtalen.

responsibility:
  description: >-
    Øverste leder for hele administrasjonen, med personal-, organisasjons-,
    resultat- og økonomiansvar, jf. kommuneloven § 13-1.
confidentiality: Taushetsplikt etter forvaltningsloven §§ 13–13 e.
cv_publication_consent:
  given: true
  date: {start}
secondary_positions:
  rule: Bierverv og styreverv godkjennes på forhånd av {mayor}.
professional_development: >-
  Rett til faglig oppdatering med et årlig budsjett på inntil 50 000 kroner.

fixed_term:
{fixed_term}
retreat_position:
  agreed: false
severance:
  agreed: true
  months: 12
  offset_rules: Etterlønnen avkortes mot annen inntekt i perioden.
  waiver_aml_15_16_2: true

procedures:
  expectations:
    description: >-
      {title_capital} lager utkast til resultat- og utviklingsplan med
      etterprøvbare mål forankret i vedtak; {body_lower} vedtar planen.
    approved_by: {body}
{plan_month}  followup:
    description: >-
      {body} holder utviklingssamtalene; referatet godkjennes og legges fram for
      {council_lower}.
    body: {body}
{followup}  deviation:
    description: >-
      Når resultatene ikke svarer til forventningene over tid.
    steps:
      - {body} gir sin vurdering i en utviklingssamtale.
      - Partene avtaler en tids- og resultatplan for forbedringstiltak.
      - {mayor_capital} og {title_lower} har månedlige oppfølgingssamtaler.

expectations:
  of_chief_executive:
    - Lojalitet til politiske vedtak og rask iverksetting.
  of_elected_members:
    - En tydelig og samlet arbeidsgiverrolle.

validity:
  start: {start}

adoption:
  body: {council}
  case_number: {case}
  date: {adopted}
  title: Arbeidsavtale og lederavtale

signatures:
  - name: {mayor_name}
    on_behalf_of: {council}
    date: {adopted}
  - name: {chief}
    on_behalf_of: Arbeidstaker
    date: {adopted}
""",
    "nn": """\
status: adopted
title: {title}

employer:
  name: {name}
  org_number: "{org}"
  represented_by: {council}, ved {mayor}
  address: {address}

employee:
  name: {chief}
  address: Fiktiv veg 1, {postcode}   # Fortruleg: kjem aldri i offentlege dokument

start_date: {start}
workplace: {place}, {address}
probation_months: 0

working_hours: >-
  Ordinær arbeidstid er 37,5 timar per veke. Arbeidstida varierer med møteplanen
  til dei folkevalde organa.
special_working_time:
  agreed: false
overtime: >-
  Leiande stilling. Arbeid utover avtalt arbeidstid er kompensert i årsløna.
breaks: Matpause på 30 minutt per dag innanfor arbeidstida.
leave: >-
  Ferie og feriepengar etter ferielova og Hovudtariffavtalen; anna fråvær med
  løn etter fellesføresegnene i Hovudtariffavtalen.

notice:
  employee_months: 6
  employer_months: 6
termination_procedure: >-
  Oppseiing skal vere skriftleg. Oppseiing frå arbeidsgjevar blir vedteken av
  {council_lower} sjølv etter drøftingsmøte.

salary:
  annual_amount: 1 250 000
  effective_from: {start}
  allowances: []
  payment_schedule: Månadleg, den 12. i kvar månad.

collective_agreements:
  - name: Hovudtariffavtalen (KS)
    clause: kap. 3, pkt. 3.4.1
    parties: KS og arbeidstakarorganisasjonane i kommunal sektor

meeting_compensation:
  agreed: false

pension_and_insurance: >-
  Offentleg tenestepensjon i KLP, som tek imot pensjonsinnbetalingane;
  forsikringar etter Hovudtariffavtalen.

responsibility:
  description: >-
    Øvste leiar for heile administrasjonen, med personal-, organisasjons-,
    resultat- og økonomiansvar, jf. kommunelova § 13-1.
confidentiality: Teieplikt etter forvaltningslova §§ 13–13 e.
cv_publication_consent:
  given: true
  date: {start}
secondary_positions:
  rule: Bierverv og styreverv blir godkjende på førehand av {mayor}.
professional_development: >-
  Rett til fagleg oppdatering med eit årleg budsjett på inntil 50 000 kroner.

fixed_term:
{fixed_term}
retreat_position:
  agreed: false
severance:
  agreed: true
  months: 12
  offset_rules: Etterløna blir avkorta mot anna inntekt i perioden.
  waiver_aml_15_16_2: true

procedures:
  expectations:
    description: >-
      {title_capital} lagar utkast til resultat- og utviklingsplan med
      etterprøvbare mål forankra i vedtak; {body_lower} vedtek planen.
    approved_by: {body}
{plan_month}  followup:
    description: >-
      {body} held utviklingssamtalane; referatet blir godkjent og lagt fram for
      {council_lower}.
    body: {body}
{followup}  deviation:
    description: >-
      Når resultata ikkje svarar til forventningane over tid.
    steps:
      - {body} gir vurderinga si i ein utviklingssamtale.
      - Partane avtaler ein tids- og resultatplan for forbetringstiltak.
      - {mayor_capital} og {title_lower} har månadlege oppfølgingssamtalar.

expectations:
  of_chief_executive:
    - Lojalitet til politiske vedtak og rask iverksetjing.
  of_elected_members:
    - Ei tydeleg og samla arbeidsgjevarrolle.

validity:
  start: {start}

adoption:
  body: {council}
  case_number: {case}
  date: {adopted}
  title: Arbeidsavtale og leiaravtale

signatures:
  - name: {mayor_name}
    on_behalf_of: {council}
    date: {adopted}
  - name: {chief}
    on_behalf_of: Arbeidstakar
    date: {adopted}
""",
}

BASELINES = {"2,0": "0,8", "30": "45", "7,5": "9,1", "85": "81"}
"""The indicators' values when the goal was set, by target: a target is checkable against them."""
MANDATE_TITLE = {
    "nb": "Oppretting av arbeidsgiverutvalg",
    "nn": "Oppretting av arbeidsgjevarutval",
}

GOALS = {
    "nb": [
        (
            "economy",
            "Netto driftsresultat på minst 2 prosent",
            "Handlings- og økonomiplan og budsjett",
            "Netto driftsresultat",
            "2,0",
        ),
        (
            "users",
            "Kortere ventetid på sykehjemsplass",
            "Kommuneplanens samfunnsdel",
            "Ventetid i dager",
            "30",
        ),
        (
            "employees",
            "Lavere sykefravær i helse og omsorg",
            "Arbeidsgiverstrategi",
            "Sykefravær i prosent",
            "7,5",
        ),
    ],
    "nn": [
        (
            "economy",
            "Netto driftsresultat på minst 2 prosent",
            "Handlings- og økonomiplan og budsjett",
            "Netto driftsresultat",
            "2,0",
        ),
        (
            "users",
            "Kortare ventetid på sjukeheimsplass",
            "Samfunnsdelen av kommuneplanen",
            "Ventetid i dagar",
            "30",
        ),
        (
            "employees",
            "Lågare sjukefråvær i helse og omsorg",
            "Arbeidsgjevarstrategi",
            "Sjukefråvær i prosent",
            "7,5",
        ),
    ],
}

TEXT = {
    "nb": {
        "input_text": "Gruppen ønsker å ta opp samarbeidet med administrasjonen.",
        "self_overall": "Målene er i hovedsak nådd.",
        "leadership": "Tydelig og tilgjengelig ledelse.",
        "organisation": "Omstillingen i helse og omsorg er godt ledet.",
        "political": "Vedtakene blir fulgt opp raskt.",
        "review": "Målene for perioden er gjennomgått; de fleste er nådd.",
        "new_goals": "Utvalget ble enig om målene for neste periode.",
        "principle": "Saker til politisk behandling sendes ut i god tid før møtet.",
        "measure": "Lederutviklingsprogram i regi av KS.",
        "salary": "Lønnen reguleres i tråd med lønnsoppgjøret.",
        "public_title": "Referat fra utviklingssamtale med {title} {date}",
        "meeting_title": "Utviklingssamtale med {title}",
        "place": "Møterom 1",
        "closed": "kommuneloven § 11-5 (sak som gjelder en arbeidstakers tjenstlige forhold)",
        "approved_title": "Godkjenning av referat",
        "reported_title": "Referatsak – referat fra utviklingssamtale",
        "follow_up_reason": (
            "Oppfølgingssamtale mellom {mayor} og {title} etter avviksprosedyren i avtalen,"
            " ikke en utviklingssamtale i et folkevalgt organ."
        ),
        "follow_up_minutes": (
            "Oppfølgingssamtalene føres som notat i avvikssaken, ikke som referat."
        ),
    },
    "nn": {
        "input_text": "Gruppa ønskjer å ta opp samarbeidet med administrasjonen.",
        "self_overall": "Måla er i hovudsak nådde.",
        "leadership": "Tydeleg og tilgjengeleg leiing.",
        "organisation": "Omstillinga i helse og omsorg er godt leidd.",
        "political": "Vedtaka blir følgde opp raskt.",
        "review": "Måla for perioden er gjennomgått; dei fleste er nådde.",
        "new_goals": "Utvalet vart samd om måla for neste periode.",
        "principle": "Saker til politisk handsaming blir sende ut i god tid før møtet.",
        "measure": "Leiarutviklingsprogram i regi av KS.",
        "salary": "Løna blir regulert i tråd med lønsoppgjeret.",
        "public_title": "Referat frå utviklingssamtale med {title} {date}",
        "meeting_title": "Utviklingssamtale med {title}",
        "place": "Møterom 1",
        "closed": "kommunelova § 11-5 (sak som gjeld tenestlege forhold for ein arbeidstakar)",
        "approved_title": "Godkjenning av referat",
        "reported_title": "Referatsak – referat frå utviklingssamtale",
        "follow_up_reason": (
            "Oppfølgingssamtale mellom {mayor} og {title} etter avviksprosedyren i avtalen,"
            " ikkje ein utviklingssamtale i eit folkevald organ."
        ),
        "follow_up_minutes": (
            "Oppfølgingssamtalane blir førte som notat i avvikssaka, ikkje som referat."
        ),
    },
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _case(day: str, number: int) -> str:
    return f'"{day[2:4]}/{number}"'


def settings(m: Municipality) -> str:
    """utvikling.yaml: the municipality and its employer body."""
    body_kind = (
        "fylkesutvalg"
        if m.body == "Fylkesutvalet"
        else ("formannskap" if m.body == "Formannskapet" else "utvalg")
    )
    return f"""\
format: 1

municipality:
  name: {m.name}
  number: "{m.number}"
  kind: {m.kind}
  org_number: "{org_number(m.seed)}"
  address: {_address(m)}

language: {m.lang}

chief_executive:
  title: {m.title}
  name: {m.chief}

employer_body:
  kind: {body_kind}
  name: {m.body}
  members:
    - name: {m.mayor}
      role: mayor
      party: Bygdelista
    - name: {m.deputy}
      role: deputy_mayor
      party: Fellespartiet
    - name: {m.opposition}
      role: opposition_leader
      party: Kystpartiet
  mandate:
    body: {WORDS[m.lang][m.kind]["council"]}
    case_number: "19/{40 + m.seed % 50}"
    date: 2019-10-24
    title: {MANDATE_TITLE[m.lang]}
"""


def _address(m: Municipality) -> str:
    place = m.name.split()[0]
    return f"{_capital(WORDS[m.lang]['town_hall'][m.kind])}et, Storgata 1, 99{m.seed:02d} {place}"


def agreement(m: Municipality) -> str:
    """The employment agreement."""
    assert m.agreement is not None
    words = WORDS[m.lang][m.kind]
    fixed = "  agreed: false"
    if m.fixed_term_end:
        fixed = f"  agreed: true\n  end_date: {m.fixed_term_end}"
    plan_month = f"    month: {m.plan_month}\n" if m.plan_month else ""
    followup = ""
    if m.months:
        followup += f"    frequency_per_year: {len(m.months)}\n"
        followup += f"    months: [{', '.join(str(x) for x in m.months)}]\n"
    if m.salary_month:
        followup += f"    salary_talk_month: {m.salary_month}\n"
    start = dt.date.fromisoformat(m.agreement)
    adopted = (start - dt.timedelta(days=30)).isoformat()
    return AGREEMENT[m.lang].format(
        title=m.title,
        title_capital=_capital(m.title + "en"),
        title_lower=m.title + "en",
        name=m.name,
        org=org_number(m.seed),
        council=words["council"],
        council_lower=words["council"].lower(),
        mayor=words["mayor"],
        mayor_capital=_capital(words["mayor"]),
        mayor_name=m.mayor,
        address=_address(m),
        postcode=f"99{m.seed:02d} {m.name.split()[0]}",
        place=f"{m.name.split()[0]} {WORDS[m.lang]['town_hall'][m.kind]}",
        chief=m.chief,
        start=m.agreement,
        fixed_term=fixed,
        body=m.body,
        body_lower=m.body.lower(),
        plan_month=plan_month,
        followup=followup,
        case=_case(adopted, 11),
        adopted=adopted,
    )


COUNTY_USERS = {
    "nb": (
        "users",
        "Flere elever fullfører videregående opplæring",
        "Regional planstrategi",
        "Andel elever som fullfører (prosent)",
        "85",
    ),
    "nn": (
        "users",
        "Fleire elevar fullfører vidaregåande opplæring",
        "Regional planstrategi",
        "Del elevar som fullfører (prosent)",
        "85",
    ),
}
"""A fylkeskommune runs upper secondary schools, not nursing homes: its own service goal."""


def _goals(m: Municipality) -> list[tuple[str, str, str, str, str]]:
    goals = list(GOALS[m.lang])
    if m.kind == "fylkeskommune":
        goals = [COUNTY_USERS[m.lang] if g[0] == "users" else g for g in goals]
    return goals


def plan(m: Municipality, year: int, adopted: str | None) -> str:
    """The result and development plan for one year."""
    lines = [
        "period:",
        f"  start: {year}-01-01",
        f"  end: {year}-12-31",
        "",
    ]
    if adopted:
        lines += [
            "adopted:",
            f"  body: {m.body}",
            f"  case_number: {_case(adopted, 2)}",
            f"  date: {adopted}",
            "",
        ]
    lines.append("goals:")
    for number, (theme, title, anchor, indicator, target) in enumerate(_goals(m), 1):
        lines += [
            f"  - id: M{number}",
            f"    title: {title}",
            f"    theme: {theme}",
            "    kind: result",
            "    anchoring:",
            "      - type: decision",
            f"        title: {anchor}",
            f"        body: {WORDS[m.lang][m.kind]['council']}",
            f"        case_number: {_case(f'{year - 1}-12-10', 100 + number)}",
            f"        date: {year - 1}-12-10",
            "    success_factors:",
            "      - Tertialvis rapportering."
            if m.lang == "nb"
            else "      - Tertialvis rapportering.",
            "    indicators:",
            f"      - name: {indicator}",
            f'        baseline: "{BASELINES[target]}"',
            f'        target: "{target}"',
        ]
    lines += ["", "development_measures: []"]
    return "\n".join(lines) + "\n"


def _people(m: Municipality, talk: Talk) -> list[str]:
    if talk.kind == "follow_up":
        people = [(m.mayor, "mayor"), (m.chief, "chief_executive")]
    else:
        people = [
            (m.mayor, "mayor"),
            (m.deputy, "deputy_mayor"),
            (m.opposition, "opposition_leader"),
            (m.chief, "chief_executive"),
        ]
    return [f"  - {{name: {name}, role: {role}}}" for name, role in people]


def meeting(m: Municipality, talk: Talk) -> str:
    """meeting.yaml of one conversation."""
    text = TEXT[m.lang]
    words = WORDS[m.lang][m.kind]
    status = "held" if talk.held else "planned"
    lines = [
        f"kind: {talk.kind}",
        f"status: {status}",
        f"date: {talk.date}",
        'time: "09:00–12:00"',
        f"public_title: {text['meeting_title'].format(title=m.title + 'en')}",
        f"place: {text['place']}",
        f"body: {m.body}",
        f"salary_conversation: {'true' if talk.salary else 'false'}",
        "participants:",
        *_people(m, talk),
    ]
    if talk.kind == "follow_up":
        reason = text["follow_up_reason"].format(mayor=words["mayor"], title=m.title + "en")
        lines += ["suppress:"]
        for code in ("C102", "C103", "C104"):
            lines += [f"  - code: {code}", f'    reason: "{reason}"']
        lines += ["  - code: C207", f'    reason: "{text["follow_up_minutes"]}"']
    else:
        lines += [
            "closed_meeting:",
            "  closed: true",
            f"  legal_basis: {text['closed']}",
        ]
    return "\n".join(lines) + "\n"


def prepared(m: Municipality, talk: Talk) -> dict[str, str]:
    """The forms before a conversation: group input, self-evaluation, panel evaluation."""
    text = TEXT[m.lang]
    day = dt.date.fromisoformat(talk.date)
    before = (day - dt.timedelta(days=10)).isoformat()
    goals = [f"M{n}" for n in range(1, len(_goals(m)) + 1)]
    return {
        "input.yaml": "\n".join(
            [
                f"collected_by: {m.mayor}",
                f"deadline: {(day - dt.timedelta(days=14)).isoformat()}",
                "contributions:",
                "  - group: Bygdelista",
                f"    leader: {m.deputy}",
                f"    received: {before}",
                f"    text: {text['input_text']}",
            ]
        )
        + "\n",
        "self-evaluation.yaml": "\n".join(
            [f"submitted: {before}", "goals:"]
            + [f"  - {{goal: {g}, status: achieved}}" for g in goals]
            + [f"overall: {text['self_overall']}"]
        )
        + "\n",
        "evaluation.yaml": "\n".join(
            [f"agreed: {(day - dt.timedelta(days=3)).isoformat()}", "goals:"]
            + [f"  - {{goal: {g}, status: achieved}}" for g in goals]
            + [
                f"leadership: {text['leadership']}",
                f"organisational_development: {text['organisation']}",
                f"political_decisions: {text['political']}",
            ]
        )
        + "\n",
    }


def minutes(m: Municipality, talk: Talk) -> str:
    """minutes.yaml of one conversation."""
    text = TEXT[m.lang]
    words = WORDS[m.lang][m.kind]
    goals = _goals(m)
    lines = [
        f"public_title: {text['public_title'].format(title=m.title + 'en', date=talk.date)}",
        f"date: {talk.date}",
        "participants:",
        *_people(m, talk),
        "results_review:",
        f"  summary: {text['review']}",
        "new_goals:",
        f"  summary: {text['new_goals']}",
        "  goals:",
    ]
    for number, (theme, title, anchor, indicator, target) in enumerate(goals, 1):
        lines += [
            f"    - id: M{number}",
            f"      title: {title}",
            f"      theme: {theme}",
            "      anchoring:",
            f"        - {{type: decision, title: {anchor}}}",
            "      indicators:",
            f'        - {{name: {indicator}, baseline: "{BASELINES[target]}", target: "{target}"}}',
        ]
    lines += [
        "interaction_principles:",
        f"  - text: {text['principle']}",
        "development_measures:",
        f"  - text: {text['measure']}",
    ]
    if talk.salary:
        lines += [
            "salary:",
            "  held: true",
            f"  conclusion: {text['salary']}",
            f"  decision_by: {words['council']}",
        ]
    lines += ["deviation:", f"  status: {talk.deviation}"]
    if talk.approved:
        lines += [
            "approved:",
            f"  body: {m.body}",
            f"  date: {talk.approved}",
            f"  title: {text['approved_title']}",
        ]
    if talk.acknowledged:
        lines += ["acknowledged:", f"  date: {talk.acknowledged}"]
    if talk.reported:
        lines += [
            "reported:",
            f"  body: {words['council']}",
            f"  case_number: {_case(talk.reported, 40)}",
            f"  date: {talk.reported}",
            f"  title: {text['reported_title']}",
        ]
    return "\n".join(lines) + "\n"


def files(m: Municipality) -> dict[str, str]:
    """Every file of one municipality's repository: relative path → text."""
    header = HEADER[f"{m.lang}-fylkeskommune" if m.kind == "fylkeskommune" else m.lang]
    found = {"utvikling.yaml": settings(m)}
    if m.agreement:
        found[f"agreements/{m.agreement}.yaml"] = agreement(m)
    for year, adopted in m.plans.items():
        found[f"plans/{year}.yaml"] = plan(m, year, adopted)
    for talk in m.talks:
        folder = f"conversations/{talk.date}"
        found[f"{folder}/meeting.yaml"] = meeting(m, talk)
        if talk.kind != "follow_up" and talk.ready:
            for name, text in prepared(m, talk).items():
                found[f"{folder}/{name}"] = text
        if talk.minutes and talk.held:
            found[f"{folder}/minutes.yaml"] = minutes(m, talk)
    return {path: header + text for path, text in found.items()}


README = """\
# Eksempelregionen

{marker}; ikke rediger for hånd. Kommunene er oppdiktet, og det samme er alle navn
og nummer. Hver kommune står på et annet sted i årshjulet (per 23. november 2026):

{rows}

Se dem under ett med `utvikling overview examples/region --today 2026-11-23`, og hver
for seg med `utvikling status examples/region/<mappe> --today 2026-11-23`.
"""

STATES = {
    "solvik-kommune": "alt er i orden: samtaler i januar og september, referatene er ferdige",
    "nordheim-kommune": "ingen arbeidsavtale (nynorsk)",
    "lyngstad-kommune": "åremålet sluttet 2025-12-31, og det finnes ingen ny avtale",
    "bjorkedal-kommune": "ingen utviklingssamtale siden mai 2025",
    "elvestrand-kommune": "avviksbehandling pågår, med månedlige oppfølgingssamtaler (nynorsk)",
    "storlia-kommune": "avtalen sier ikke når; referatet er ikke lagt fram, planen ikke vedtatt",
    "vestmark-fylkeskommune": "åremålet slutter i 2027; oktoberreferatet venter på fylkestinget",
}


def generate(out: Path) -> int:
    """Write the region into ``out`` (replacing a region written before); return the file count."""
    if out.exists():
        readme = out / "README.md"
        if not readme.is_file() or MARKER not in readme.read_text(encoding="utf-8"):
            raise SystemExit(f"{out} exists and was not written by this script; not touching it")
        shutil.rmtree(out)
    count = 0
    for m in REGION:
        for relative, text in files(m).items():
            path = out / m.slug / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            count += 1
    _lock_reported_minutes(out)
    rows = "\n".join(f"- `{m.slug}/`: {m.name} – {STATES[m.slug]}" for m in REGION)
    (out / "README.md").write_text(README.format(marker=MARKER, rows=rows), encoding="utf-8")
    return count + 1


def _lock_reported_minutes(out: Path) -> None:
    """Lock each reported minutes with the tool's own checksum, as ``--repair`` does."""
    import datetime as dt

    from utvikling.actions import minutes
    from utvikling.yamlsafe import parse

    for path in sorted(out.glob("*/conversations/*/minutes.yaml")):
        reported = parse(path.read_bytes()).data.get("reported") or {}
        if reported.get("date") and not reported.get("content_sha256"):
            day = dt.date.fromisoformat(str(reported["date"]))
            minutes.repair(path.parents[2], path.parent.name, day=day, commit=False)


def main(argv: list[str] | None = None) -> int:
    """Write the region and say how many files were written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    print(f"{generate(args.out)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
