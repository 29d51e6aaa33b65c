"""The corrected rules (issue #12), each with the exact finding it gives, or its absence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from utvikling.actions.check import CheckOptions, check_repository

TODAY = dt.date(2026, 11, 23)


def findings(root: Path, *select: str, today: dt.date = TODAY, lang: str = "nb") -> list[str]:
    """The findings as `check --info` prints them, the path shown from the repository."""
    result = check_repository(root, CheckOptions(today=today, select=select), base=root)
    return [f.format(lang) for f in result.findings]


PLAN_TWO_GOALS = """\
period: {start: 2026-01-01, end: 2026-12-31}
goals:
  - id: M1
    title: Sykefraværet ned
  - id: M2
    title: Budsjett i balanse
"""


def test_goal_count_is_an_example_from_practice_not_a_recommendation(build) -> None:
    root = build({"plans/2026.yaml": PLAN_TWO_GOALS})
    assert findings(root, "P102", "P107") == [
        "plans/2026.yaml:1:1: P107 info: Planen mangler vedtak av planen. (eksempel fra praksis:"
        " lederavtale for rådmann, Hægebostad kommune, § 6)\n"
        "    Fyll ut «adopted.date». Skriv hvilket organ som vedtok planen, med dato og saksnummer,"
        " så kan planen spores i sakssystemet.",
        "plans/2026.yaml:2:1: P102 info: Planen har 2 mål (eksempel fra praksis: 3 til 5)."
        " (eksempel fra praksis: lederavtale for rådmann, Hægebostad kommune, § 6)\n"
        "    KS sier ikke hvor mange mål planen skal ha. Få, konkrete mål som kan etterprøves ved"
        " periodens slutt, gir en bedre samtale.",
    ]


def test_an_agreement_past_its_end_date_is_not_in_force(build) -> None:
    expired = "start_date: 2017-02-02\nvalidity: {start: 2017-02-02, end: 2024-12-31}\n"
    root = build({"agreements/2017-02-02.yaml": expired})
    assert findings(root, "A406") == [
        "agreements/2017-02-02.yaml:2:31: A406 feil: Avtalen gjelder ikke lenger: «validity.end» er"
        " 2024-12-31, før i dag (2026-11-23). (arbeidsmiljøloven § 14-5 første ledd;"
        " arbeidsmiljøloven § 14-10 (åremål))\n"
        "    Det skal finnes en skriftlig avtale for arbeidsforholdet. Lag en ny avtale med"
        " «utvikling new-agreement --supersedes 2017-02-02», eller rett datoen når avtalen eller"
        " åremålet er forlenget.",
    ]
    assert findings(root, "A406", today=dt.date(2024, 12, 31)) == [], "in force on its last day"


def test_an_expired_fixed_term_is_found_and_a_superseded_agreement_is_not(build) -> None:
    root = build(
        {
            "agreements/2019-08-01.yaml": (
                "start_date: 2019-08-01\nfixed_term: {agreed: true, end_date: 2025-07-31}\n"
            ),
            "agreements/2016-01-01.yaml": (
                "start_date: 2016-01-01\nvalidity: {end: 2019-07-31}\nsuperseded_by: 2019-08-01\n"
            ),
        }
    )
    assert [line.split("\n")[0] for line in findings(root, "A406")] == [
        "agreements/2019-08-01.yaml:2:28: A406 feil: Avtalen gjelder ikke lenger:"
        " «fixed_term.end_date» er 2025-07-31, før i dag (2026-11-23). (arbeidsmiljøloven § 14-5"
        " første ledd; arbeidsmiljøloven § 14-10 (åremål))",
    ]


def test_the_agenda_says_the_agreement_has_expired(runner, example, monkeypatch) -> None:
    from utvikling.cli import app

    root = example("fjordvik-kommune")
    agreement = root / "agreements" / "2024-03-01.yaml"
    text = agreement.read_text(encoding="utf-8")
    agreement.write_text(text.replace("validity:\n", "validity:\n  end: 2026-06-30\n", 1), "utf-8")
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["prepare-conversation", "2026-12-10", "--today", "2026-11-23"])
    assert result.exit_code == 0, result.output
    pack = (root / "dokumenter" / "samtale-2026-12-10-forberedelse-intern.md").read_text("utf-8")
    assert "**Avtalen gjaldt til 30. juni 2026 og er utløpt.** En ny avtale må forhandles og" in (
        pack
    )
    check = runner.invoke(app, ["check", "--select", "A406", "--today", "2026-11-23"])
    assert "A406 feil: Avtalen gjelder ikke lenger: «validity.end» er 2026-06-30" in check.output


def test_items_added_in_2024_are_needed_in_an_older_agreement_only_on_request(build) -> None:
    root = build({"agreements/2023-01-01.yaml": "start_date: 2023-01-01\n"})
    assert findings(root, "A602", "A604", "A606", "A610", "A611") == [
        "agreements/2023-01-01.yaml:1:1: A610 info: Arbeidsforholdet begynte før 1. juli 2024, og"
        " avtalen mangler det loven har lagt til siden («termination_procedure», «overtime»,"
        " «pension_and_insurance»). Avtalen må suppleres bare dersom arbeidstakeren ber om det."
        " (endringslov 15. desember 2023 nr. 88, del III nr. 3 (overgangsregel) – ikke verifisert;"
        " KS-advokatene: Nye regler i arbeidsmiljøloven fra 1. juli 2024)\n"
        "    Ber arbeidstakeren om det, må avtalen suppleres snarest og senest to måneder etter."
        " Skriv datoen for anmodningen i «supplement_requested_at», så sier sjekken fra når"
        " fristen går ut.",
    ]


def test_a_request_to_supplement_becomes_an_error_after_two_months(build) -> None:
    agreement = (
        "start_date: 2023-01-01\nsupplement_requested_at: 2026-09-01\novertime: Ikke aktuelt\n"
    )
    root = build({"agreements/2023-01-01.yaml": agreement})
    assert [
        f.split(" (")[0]
        for f in findings(root, "A602", "A604", "A606", "A61", today=dt.date(2026, 11, 1))
    ] == [
        "agreements/2023-01-01.yaml:1:1: A610 info: Arbeidsforholdet begynte før 1. juli 2024, og"
        " avtalen mangler det loven har lagt til siden",
    ]
    assert findings(root, "A602", "A604", "A606", "A61", today=dt.date(2026, 11, 2))[0].split("\n")[
        0
    ] == (
        "agreements/2023-01-01.yaml:2:1: A611 feil: Arbeidstakeren ba om supplering 2026-09-01, og"
        " fristen på to måneder gikk ut 2026-11-01, men avtalen mangler fortsatt"
        " «termination_procedure», «pension_and_insurance». (endringslov 15. desember 2023 nr. 88,"
        " del III nr. 3 (overgangsregel) – ikke verifisert; KS-advokatene: Nye regler i"
        " arbeidsmiljøloven fra 1. juli 2024)"
    )


def test_an_agreement_from_july_2024_needs_the_new_items(build) -> None:
    root = build({"agreements/2024-07-01.yaml": "start_date: 2024-07-01\n"})
    assert [f.split(" (")[0] for f in findings(root, "A602", "A604", "A606", "A610")] == [
        "agreements/2024-07-01.yaml:1:1: A602 feil: Avtalen mangler fremgangsmåte ved opphør.",
        "agreements/2024-07-01.yaml:1:1: A604 feil: Avtalen mangler arbeid utover avtalt"
        " arbeidstid.",
        "agreements/2024-07-01.yaml:1:1: A606 feil: Avtalen mangler pensjon og forsikring.",
    ]


def _meeting(*roles: str) -> str:
    people = "\n".join(f"  - {{name: Person {i}, role: {role}}}" for i, role in enumerate(roles))
    return (
        "kind: annual\nstatus: held\ndate: 2026-09-15\nparticipants:\n"
        f"{people}\nclosed_meeting: {{closed: true, legal_basis: x}}\n"
    )


def _participation(build, *roles: str, settings: str | None = None, lang: str = "nb"):
    files = {"conversations/2026-09-15/meeting.yaml": _meeting(*roles)}
    if settings:
        files["utvikling.yaml"] = settings
    root = build(files)
    return [f.split("\n")[0] for f in findings(root, "C101", "C103", "C106", lang=lang)]


KS_MINIMUM = (
    "(KS: Utviklingssamtale mellom folkevalgte og rådmannen («KS anbefaler»: ordfører,"
    " varaordfører og opposisjonsleder); KS: Folkevalgtes arbeidsgiverrolle overfor"
    " kommunedirektøren («Det anbefales»: ordfører, varaordfører i tillegg til en annen ledende"
    " folkevalgt))"
)
KS_MAYOR = (
    "(KS: Utviklingssamtale mellom folkevalgte og rådmannen («KS anbefaler»); KS: Folkevalgtes"
    " arbeidsgiverrolle overfor kommunedirektøren («Det anbefales»))"
)


def test_ks_minimum_is_mayor_deputy_and_a_further_leading_member(build) -> None:
    assert _participation(build, "mayor", "deputy_mayor", "member") == [
        "conversations/2026-09-15/meeting.yaml:4:1: C103 advarsel: Deltakerne mangler en ledende"
        " folkevalgt til; KS anbefaler som minimum ordfører, varaordfører og en ledende folkevalgt"
        f" til. {KS_MINIMUM}",
        "conversations/2026-09-15/meeting.yaml:4:1: C106 info: Ingen fra opposisjonen er ført opp"
        " som deltaker. (KS: Utviklingssamtale mellom folkevalgte og rådmannen («ordfører,"
        " varaordfører og opposisjonsleder»); KS: Folkevalgtes arbeidsgiverrolle overfor"
        " kommunedirektøren («representant fra mindretallet», som eksempel))",
    ]
    assert _participation(build, "mayor", "member", "opposition_leader")[0].startswith(
        "conversations/2026-09-15/meeting.yaml:4:1: C103 advarsel: Deltakerne mangler"
        " varaordføreren; KS anbefaler"
    ), "the opposition does not stand in for the deputy mayor: the condition is AND"
    assert _participation(build, "mayor", "deputy_mayor", "opposition_leader") == []
    assert [
        f.split(": ")[1] for f in _participation(build, "mayor", "deputy_mayor", "group_leader")
    ] == ["C106 info"]


def test_participant_findings_use_the_county_words_in_nynorsk(build) -> None:
    county = (
        "language: nn\nmunicipality: {name: Havbrekke fylkeskommune, kind: fylkeskommune}\n"
        "chief_executive: {title: fylkeskommunedirektør}\n"
    )
    assert _participation(build, "member", "member", settings=county, lang="nn")[:2] == [
        "conversations/2026-09-15/meeting.yaml:4:1: C101 åtvaring: Fylkesordføraren er ikkje ført"
        f" opp som deltakar. {KS_MAYOR}",
        "conversations/2026-09-15/meeting.yaml:4:1: C103 åtvaring: Deltakarane manglar"
        " fylkesvaraordføraren og ein leiande folkevald til; KS tilrår som minimum fylkesordførar,"
        f" fylkesvaraordførar og ein leiande folkevald til. {KS_MINIMUM}",
    ]


AGREEMENT_WITH_GAPS = """\
# Avtale med hull
status: draft
title: kommunedirektør
start_date: 2024-08-01
notice:
  employee_months: 6
salary:
  payment_schedule: Den 12. hver måned
adoption:
  body: Kommunestyret
"""


def test_a_missing_field_points_at_the_key_it_belongs_under_and_is_reported_once(build) -> None:
    root = build({"agreements/2024-08-01.yaml": AGREEMENT_WITH_GAPS})
    result = check_repository(
        root, CheckOptions(today=TODAY, select=("A107", "A201", "A802", "A103")), base=root
    )
    assert [(f.location(), f.code, f.message, f.hint.split(". ")[0]) for f in result.findings] == [
        (
            "agreements/2024-08-01.yaml:4:1",
            "A103",
            "Avtalen mangler arbeidssted.",
            "Fyll ut «workplace»",
        ),
        (
            "agreements/2024-08-01.yaml:5:1",
            "A107",
            "Avtalen mangler oppsigelsesfrister.",
            "Fyll ut «notice.employer_months»",
        ),
        (
            "agreements/2024-08-01.yaml:7:1",
            "A201",
            "Avtalen mangler lønn.",
            "Fyll ut «salary.annual_amount» og «salary.effective_from»",
        ),
        (
            "agreements/2024-08-01.yaml:9:1",
            "A802",
            "Avtalen mangler vedtaket i kommunestyret om avtalen.",
            "Fyll ut «adoption.date» og «adoption.case_number»",
        ),
    ]


def test_without_any_recorded_conversation_the_finding_says_only_that(build) -> None:
    root = build({"agreements/2008-03-01.yaml": "start_date: 2008-03-01\n"})
    assert findings(root, "C00") == [
        "utvikling.yaml:1:1: C002 advarsel: Det er ikke registrert noen utviklingssamtale i"
        " conversations/ siden avtalen begynte 2008-03-01. (KS: Utviklingssamtale mellom"
        " folkevalgte og rådmannen («bør gjennomføres minimum en gang årlig»))\n"
        "    KS: utviklingssamtalen bør holdes minst én gang i året. Legg inn samtalene som er"
        " holdt, i conversations/<dato>/, eller avtal en dato for den første.",
    ]
    assert not any("223 måneder" in f for f in findings(root, "C00"))


def test_a_gap_between_recorded_conversations_says_recorded(build) -> None:
    root = build(
        {
            "agreements/2022-01-01.yaml": "start_date: 2022-01-01\n",
            "conversations/2024-06-10/meeting.yaml": _meeting("mayor").replace(
                "2026-09-15", "2024-06-10"
            ),
        }
    )
    assert [f.split(" (KS")[0] for f in findings(root, "C00")] == [
        "utvikling.yaml:1:1: C001 advarsel: Det er ikke registrert noen utviklingssamtale på 29"
        " måneder (2024-06-10–2026-11-23).",
    ]


def test_a_delegated_employer_body_needs_its_mandate(build) -> None:
    settings = """\
municipality: {name: Testvik kommune, number: "4698", kind: kommune}
chief_executive: {title: rådmann}
employer_body:
  kind: utvalg
  name: Arbeidsgiverutvalget
  members: [{name: Ola Ordfører, role: mayor}]
"""
    root = build({"utvikling.yaml": settings})
    assert findings(root, "M107") == [
        "utvikling.yaml:5:3: M107 advarsel: Arbeidsgiverorganet «Arbeidsgiverutvalget» har ikke"
        " noe registrert vedtak fra kommunestyret som gir det oppgaven. (KS: Folkevalgtes"
        " arbeidsgiverrolle overfor kommunedirektøren («bør ... velge et utvalg etter § 5-7»; «den"
        " som har fått myndighet»); kommuneloven § 5-7)\n"
        "    Når kommunestyret ikke fører samtalen selv, har organet myndigheten bare etter et"
        " vedtak. Skriv vedtaket under employer_body.mandate, med body, case_number, date og"
        " title.",
    ]
    council = settings.replace("kind: utvalg", "kind: kommunestyre")
    assert findings(build({"utvikling.yaml": council}), "M107") == [], "the council itself"
    with_mandate = settings.replace(
        "  members:",
        "  mandate: {body: Kommunestyret, case_number: 23/96, date: 2023-11-16}\n  members:",
    )
    assert findings(build({"utvikling.yaml": with_mandate}), "M107") == []


def test_a_county_has_a_two_digit_number(build) -> None:
    county = "municipality: {name: Havbrekke fylkeskommune, number: '58', kind: fylkeskommune}\n"
    assert findings(build({"utvikling.yaml": county}), "M102", "M108") == []
    wrong = county.replace("'58'", "'5800'")
    assert findings(build({"utvikling.yaml": wrong}), "M108") == [
        "utvikling.yaml:1:47: M108 info: Fylkesnummeret «5800» har ikke to sifre.\n"
        "    Sjekk nummeret, og at «municipality.kind» stemmer.",
    ]


UNCHECKABLE_PLAN = """\
period: {start: 2026-01-01, end: 2026-12-31}
adopted: {date: 2026-01-20}
goals:
  - id: M1
    title: Lavere sykefravær
    anchoring:
      - {title: Arbeidsgiverstrategien}
    success_factors: [Nærværsarbeid]
    indicators:
      - {name: Sykefravær, unit: prosent, target: "6 dager"}
      - {name: Nærvær, unit: prosent, baseline: "91", target: bedre}
  - id: M2
    title: Budsjettbalanse
    anchoring:
      - {title: Budsjett 2026, case_number: 25/121, date: 2025-12-11}
    success_factors: [Tertialrapporter]
    indicators:
      - {name: Netto driftsresultat, unit: prosent, baseline: "1,5", target: "2,0 %"}
      - {name: Fondsbruk, unit: kroner, baseline: "18 millioner kroner", target: "0 kr"}
"""


CHECKABLE = (
    "«bør»: kritiske suksessfaktorer og måleindikatorer); KS: Folkevalgtes arbeidsgiverrolle"
    " overfor kommunedirektøren («bør»: kritiske suksessfaktorer og gode resultatmål)"
)
ANCHORED = (
    "«Det er viktig»); KS: Folkevalgtes arbeidsgiverrolle overfor kommunedirektøren («Det er"
    " viktig»)"
)


def test_a_plan_that_cannot_be_checked_is_found(build) -> None:
    root = build({"plans/2026.yaml": UNCHECKABLE_PLAN})
    assert findings(root, "P108", "P109", "P110", "P111") == [
        "plans/2026.yaml:7:9: P108 advarsel: Forankringen «Arbeidsgiverstrategien» for målet «M1»"
        " har verken saksnummer eller dato. (KS: Utviklingssamtale mellom folkevalgte og"
        " rådmannen (" + ANCHORED + ")\n"
        "    En forankring kan etterprøves når den viser til vedtaket i kommunestyret: skriv"
        " case_number og date, for eksempel «25/102» og «2025-12-09».",
        "plans/2026.yaml:10:9: P109 advarsel: Indikatoren «Sykefravær» for målet «M1» har"
        " målverdi, men ingen utgangsverdi. (KS: Utviklingssamtale mellom folkevalgte og"
        " rådmannen (" + CHECKABLE + ")\n"
        "    Et mål kan etterprøves når indikatoren har en utgangsverdi ved periodens start og en"
        " målverdi i samme enhet, for eksempel «8,1» og «6,5» prosent.",
        "plans/2026.yaml:10:43: P111 advarsel: Målverdien «6 dager» for indikatoren «Sykefravær»"
        " er ikke i indikatorens enhet («prosent»). (KS: Utviklingssamtale mellom folkevalgte og"
        " rådmannen (" + CHECKABLE + ")\n"
        "    Utgangsverdi og målverdi skal kunne sammenlignes: skriv målverdien i samme enhet som"
        " indikatoren, eller rett «unit».",
        "plans/2026.yaml:11:55: P110 advarsel: Målverdien «bedre» for indikatoren «Nærvær» i målet"
        " «M1» er verken et tall eller en dato. (KS: Utviklingssamtale mellom folkevalgte og"
        " rådmannen (" + CHECKABLE + ")\n"
        "    Ord som «bedre» eller «økt» kan ikke etterprøves. Skriv målverdien som et tall i"
        " indikatorens enhet, for eksempel «6,5» (prosent) eller «200» (dager), eller som en"
        " frist, for eksempel «innen 2026-10-01».",
    ]


def test_a_checkable_plan_passes_the_goal_rules(build) -> None:
    checkable = UNCHECKABLE_PLAN.replace(
        "{title: Arbeidsgiverstrategien}", "{title: Arbeidsgiverstrategien, case_number: 24/33}"
    ).replace(
        """      - {name: Sykefravær, unit: prosent, target: "6 dager"}
      - {name: Nærvær, unit: prosent, baseline: "91", target: bedre}""",
        """      - {name: Sykefravær, unit: prosent, baseline: "8,1 %", target: "6,5 %"}""",
    )
    assert findings(build({"plans/2026.yaml": checkable}), "P1") == [
        "plans/2026.yaml:3:1: P102 info: Planen har 2 mål (eksempel fra praksis: 3 til 5)."
        " (eksempel fra praksis: lederavtale for rådmann, Hægebostad kommune, § 6)\n"
        "    KS sier ikke hvor mange mål planen skal ha. Få, konkrete mål som kan etterprøves ved"
        " periodens slutt, gir en bedre samtale.",
    ]


EMPLOYMENT = """\
status: adopted
title: kommunedirektør
start_date: 2025-09-01
workplace: Rådhuset, Storgata 1
"""
LEADER = """\
status: adopted
start_date: 2025-09-01
supplements: {file: 2025-09-01-arbeidsavtale}
procedures:
  expectations: {description: Ordføreren lager utkast i desember.}
"""


def test_a_leader_agreement_takes_its_statutory_items_from_the_agreement_it_supplements(
    build,
) -> None:
    root = build(
        {
            "agreements/2025-09-01-arbeidsavtale.yaml": EMPLOYMENT,
            "agreements/2025-09-01.yaml": LEADER,
        }
    )
    # Statutory items: the workplace is in the employment agreement, the breaks are in neither;
    # the leader agreement is not asked for them.
    assert [f.split("\n")[0] for f in findings(root, "A103", "A605", "A607")] == [
        "agreements/2025-09-01-arbeidsavtale.yaml:4:1: A605 feil: Avtalen mangler pauser."
        " (arbeidsmiljøloven § 14-6 første ledd (lengde av pauser))",
    ]
    # KS procedures: in the leader agreement, and the employment agreement is not asked for them.
    assert [f.split("\n")[0] for f in findings(root, "A501", "A502")] == [
        "agreements/2025-09-01.yaml:4:1: A502 advarsel: Avtalen mangler prosedyre for oppfølging,"
        " medregnet utviklingssamtalen. (KS: anbefalte prosedyrer i arbeidsavtalen)",
    ]
    assert findings(root, "A407") == []


def test_a_supplemented_agreement_named_by_date_is_found(build) -> None:
    leader = LEADER.replace(
        "{file: 2025-09-01-arbeidsavtale}", "{date: 2025-08-15, title: Arbeidsavtale}"
    )
    root = build(
        {
            "agreements/2025-08-15.yaml": EMPLOYMENT.replace("2025-09-01", "2025-08-15"),
            "agreements/2025-09-01.yaml": leader,
        }
    )
    assert findings(root, "A407") == []
    assert [f.split(":")[0] for f in findings(root, "A605")] == ["agreements/2025-08-15.yaml"]


def test_a_supplemented_agreement_not_in_the_repository_is_a_finding(build) -> None:
    root = build({"agreements/2025-09-01.yaml": LEADER})
    assert findings(root, "A407") == [
        "agreements/2025-09-01.yaml:3:1: A407 feil: Avtalen supplerer arbeidsavtalen"
        " «2025-09-01-arbeidsavtale», men den finnes ikke i agreements/, så de lovpålagte punktene"
        " er ikke kontrollert. (arbeidsmiljøloven § 14-5 første ledd; arbeidsmiljøloven § 14-6"
        " første ledd)\n"
        "    Legg arbeidsavtalen i agreements/ med startdatoen som filnavn, og skriv filnavnet"
        " (uten .yaml) under supplements.file, eller datoen under supplements.date.",
    ]
    assert findings(root, "A103", "A605") == [], "not checked twice: A407 says why"


def test_an_expired_agreement_no_longer_sets_the_conversation_schedule(example) -> None:
    root = example("fjordvik-kommune")
    path = root / "agreements" / "2024-03-01.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("validity:\n", "validity:\n  end: 2025-06-30\n", 1), "utf-8")
    late = dt.date(2027, 12, 1)
    codes = [f.split(": ")[1].split(" ")[0] for f in findings(root, "U101", "C001", today=late)]
    # Not «avtalen setter tidspunktet» for an agreement that ended in 2025: the KS minimum.
    assert codes == ["C001"]
    path.write_text(text, "utf-8")
    codes = [f.split(": ")[1].split(" ")[0] for f in findings(root, "U101", "C001", today=late)]
    assert codes == ["U101", "C001"], "in force, the agreement's months set the schedule"


def test_the_leader_agreement_stands_for_the_pair_in_the_cycle(build) -> None:
    leader = LEADER + "  followup: {months: [9], frequency_per_year: 1}\n"
    root = build(
        {
            "agreements/2025-09-01-arbeidsavtale.yaml": EMPLOYMENT.replace(
                "2025-09-01", "2025-10-01"
            ),
            "agreements/2025-09-01.yaml": leader,
        }
    )
    assert [f.split(": ")[1].split(" ")[0] for f in findings(root, "U101")] == ["U101"]


def test_each_agreement_of_a_supplemented_pair_is_checked_for_its_end(build) -> None:
    employment = EMPLOYMENT + "fixed_term: {agreed: true, end_date: 2026-06-30}\n"
    root = build(
        {
            "agreements/2025-09-01-arbeidsavtale.yaml": employment,
            "agreements/2025-09-01.yaml": LEADER + "validity: {end: 2026-10-31}\n",
        }
    )
    assert [f.split(": A406")[0] for f in findings(root, "A406")] == [
        "agreements/2025-09-01-arbeidsavtale.yaml:5:28",
        "agreements/2025-09-01.yaml:6:12",
    ]
