"""``agreements/<start-date>.yaml``: the employment agreement with its leader-agreement parts.

Every field is optional here: an unfinished agreement is still a well-formed record. What is
missing is reported by the checklist, so that silence on a conditional item is a finding.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from utvikling.models._types import (
    Amount,
    Flag,
    IsoDate,
    Month,
    Months,
    OrgNumber,
    Part,
    Text,
    confidential,
)
from utvikling.models.common import Decision, Person, Suppression


class Employer(Part):
    """The employer party (spec §1.2 `parties`)."""

    name: Text | None = Field(default=None, description="Kommunen eller fylkeskommunen.")
    org_number: OrgNumber | None = Field(default=None, description="Organisasjonsnummer.")
    represented_by: Text | None = Field(
        default=None, description="Hvem som representerer arbeidsgiver, f.eks. kommunestyret."
    )
    address: Text | None = Field(default=None, description="Arbeidsgivers forretningsadresse.")


class Employee(Part):
    """The chief executive as party to the agreement."""

    name: Text | None = Field(default=None, description="Navnet på kommunedirektøren.")
    address: Text | None = confidential("Privat adresse. Kommer aldri i offentlige dokumenter.")


class Notice(Part):
    """Notice periods (oppsigelsesfrister)."""

    employee_months: Months | None = Field(default=None, description="Når arbeidstaker sier opp.")
    employer_months: Months | None = Field(default=None, description="Når arbeidsgiver sier opp.")


class Allowance(Part):
    """A pay element stated separately (tillegg)."""

    name: Text | None = Field(default=None, description="Hva tillegget gjelder.")
    amount: Amount | None = Field(default=None, description="Beløp per år i hele kroner.")
    description: Text | None = Field(default=None, description="Vilkår for tillegget.")


class Salary(Part):
    """Pay at the start, each element stated separately (spec §1.2 `salary`, aml. § 14-6)."""

    annual_amount: Amount | None = Field(default=None, description="Årslønn i hele kroner.")
    effective_from: IsoDate | None = Field(default=None, description="Lønnen gjelder fra.")
    allowances: list[Allowance] | None = Field(
        default=None, description="Tillegg; skriv [] når det ikke er avtalt tillegg."
    )
    payment_schedule: Text | None = Field(
        default=None, description="Utbetalingsmåte og -tidspunkt, f.eks. den 12. hver måned."
    )


class CollectiveAgreement(Part):
    """A collective agreement that applies (spec §2.6)."""

    name: Text | None = Field(default=None, description="F.eks. Hovedtariffavtalen (KS).")
    clause: Text | None = Field(default=None, description="Kapittel og punkt, f.eks. kap. 3.")
    parties: Text | None = Field(default=None, description="Partene i tariffavtalen.")


class Conditional(Part):
    """An item that may or may not be agreed: the agreement must say which."""

    agreed: Flag | None = Field(default=None, description="true = avtalt, false = ikke avtalt.")
    description: Text | None = Field(default=None, description="Hva som er avtalt.")


class Responsibility(Part):
    """Area of responsibility and authority (ansvars- og myndighetsområde)."""

    description: Text | None = Field(default=None, description="Ansvaret og myndigheten.")
    delegation_rules: Decision | None = Field(
        default=None, description="Delegeringsreglementet (vedtak og dato)."
    )


class CvConsent(Part):
    """Consent to publishing the CV."""

    given: Flag | None = Field(default=None, description="true = samtykke gitt.")
    date: IsoDate | None = Field(default=None, description="Datoen samtykket ble gitt.")


class ApprovedPosition(Part):
    """A secondary position the employer has approved."""

    name: Text | None = Field(default=None, description="Vervet eller biervervet.")
    approved: IsoDate | None = Field(default=None, description="Godkjent dato.")


class SecondaryPositions(Part):
    """Rules for secondary positions and offices (bierverv og verv)."""

    rule: Text | None = Field(default=None, description="Regelen for bierverv og verv.")
    approved: list[ApprovedPosition] | None = Field(default=None, description="Godkjente verv.")


class FixedTerm(Part):
    """Fixed-term appointment (åremål, aml. § 14-10)."""

    agreed: Flag | None = Field(default=None, description="true = åremål, false = fast stilling.")
    end_date: IsoDate | None = Field(default=None, description="Når åremålet slutter.")
    renewal: Text | None = Field(default=None, description="Regler for fornyelse.")


class RetreatPosition(Part):
    """Fallback position (retrettstilling)."""

    agreed: Flag | None = Field(default=None, description="true = avtalt, false = ikke avtalt.")
    position: Text | None = Field(default=None, description="Stillingen det gjelder.")
    salary_terms: Text | None = Field(default=None, description="Lønnsvilkår i stillingen.")


class Severance(Part):
    """Severance pay (etterlønn) and any waiver under aml. § 15-16 (2)."""

    agreed: Flag | None = Field(default=None, description="true = avtalt, false = ikke avtalt.")
    months: Months | None = Field(default=None, description="Antall måneder etterlønn.")
    offset_rules: Text | None = Field(default=None, description="Regler for avkorting.")
    waiver_aml_15_16_2: Flag | None = Field(
        default=None,
        description="true = stillingsvernet fraskrives mot etterlønn (aml. § 15-16 (2)).",
    )


class ExpectationsProcedure(Part):
    """How mutual expectations and result requirements are drawn up."""

    description: Text | None = Field(default=None, description="Fremgangsmåten.")
    drafted_by: Text | None = Field(default=None, description="Hvem som lager utkastet.")
    approved_by: Text | None = Field(default=None, description="Hvilket organ som vedtar.")
    month: Month | None = Field(default=None, description="Måneden planen skal være klar.")


class FollowupProcedure(Part):
    """How expectations are followed up, including the development conversation."""

    description: Text | None = Field(default=None, description="Fremgangsmåten.")
    body: Text | None = Field(default=None, description="Organet som fører samtalen.")
    frequency_per_year: Literal[1, 2, 3, 4] | None = Field(
        default=None, description="Antall utviklingssamtaler per år."
    )
    months: list[Month] | None = Field(default=None, description="Månedene samtalene holdes.")
    salary_talk_month: Month | None = Field(default=None, description="Måneden for lønnssamtalen.")


class DeviationProcedure(Part):
    """What happens when expectations or result requirements are not met (spec §3.12)."""

    description: Text | None = Field(default=None, description="Fremgangsmåten.")
    steps: list[Text] | None = Field(default=None, description="Trinnene, i rekkefølge.")


class Procedures(Part):
    """The three procedures KS recommends."""

    expectations: ExpectationsProcedure | None = Field(default=None, description="Forventninger.")
    followup: FollowupProcedure | None = Field(default=None, description="Oppfølging.")
    deviation: DeviationProcedure | None = Field(default=None, description="Avvik.")


class Expectations(Part):
    """Mutual expectations (gjensidige forventninger), leader agreement §5."""

    of_chief_executive: list[Text] | None = Field(
        default=None, description="De folkevalgtes forventninger til kommunedirektøren."
    )
    of_elected_members: list[Text] | None = Field(
        default=None, description="Kommunedirektørens forventninger til de folkevalgte."
    )
    mayor_responsibility: Text | None = Field(
        default=None, description="Ordførerens særlige ansvar."
    )


class Validity(Part):
    """Period of validity and renegotiation."""

    start: IsoDate | None = Field(default=None, description="Gjelder fra.")
    end: IsoDate | None = Field(default=None, description="Gjelder til (tom = løpende).")
    renegotiation: Text | None = Field(default=None, description="Når og hvordan reforhandles.")


class Signature(Part):
    """A signature on the agreement."""

    name: Text | None = Field(default=None, description="Hvem som signerer.")
    on_behalf_of: Text | None = Field(default=None, description="For hvem, f.eks. kommunestyret.")
    date: IsoDate | None = Field(default=None, description="Dato for signering.")


class SupplementedAgreement(Part):
    """The employment agreement a leader agreement supplements (spec §4).

    Named by its file under ``agreements/``, or by its date and title.
    """

    file: Text | None = Field(
        default=None, description="Filnavnet under agreements/, uten .yaml, f.eks. 2019-08-01."
    )
    date: IsoDate | None = Field(default=None, description="Datoen arbeidsavtalen ble inngått.")
    title: Text | None = Field(default=None, description="Tittelen på arbeidsavtalen.")


class Agreement(Part):
    """The chief executive's employment agreement, with the leader-agreement parts."""

    status: Literal["draft", "adopted"] | None = Field(
        default=None, description="draft = utkast, adopted = vedtatt og signert."
    )
    title: Text | None = Field(default=None, description="Stillingstittel.")
    employer: Employer | None = Field(default=None, description="Arbeidsgiver.")
    employee: Employee | None = Field(default=None, description="Arbeidstaker.")
    start_date: IsoDate | None = Field(default=None, description="Tiltredelse.")
    workplace: Text | None = Field(default=None, description="Arbeidssted.")
    probation_months: Months | None = Field(
        default=None, description="Prøvetid i måneder; 0 = ingen prøvetid."
    )
    working_hours: Text | None = Field(default=None, description="Arbeidstid.")
    special_working_time: Conditional | None = Field(
        default=None, description="Særlige arbeidstidsordninger."
    )
    overtime: Text | None = Field(
        default=None, description="Arbeid utover avtalt arbeidstid og betaling for det."
    )
    breaks: Text | None = Field(default=None, description="Pauser.")
    leave: Text | None = Field(
        default=None, description="Ferie, feriepenger og annet fravær betalt av arbeidsgiver."
    )
    notice: Notice | None = Field(default=None, description="Oppsigelsesfrister.")
    termination_procedure: Text | None = Field(
        default=None, description="Fremgangsmåten ved opphør av arbeidsforholdet."
    )
    salary: Salary | None = Field(default=None, description="Lønn.")
    collective_agreements: list[CollectiveAgreement] | None = Field(
        default=None, description="Tariffavtaler som gjelder."
    )
    meeting_compensation: Conditional | None = Field(
        default=None, description="Kompensasjon for møtevirksomhet."
    )
    pension_and_insurance: Text | None = Field(
        default=None, description="Pensjon og forsikring, og hvem som mottar innbetalingene."
    )
    responsibility: Responsibility | None = Field(
        default=None, description="Ansvars- og myndighetsområde."
    )
    confidentiality: Text | None = Field(default=None, description="Taushetsplikt.")
    cv_publication_consent: CvConsent | None = Field(
        default=None, description="Samtykke til offentliggjøring av CV."
    )
    secondary_positions: SecondaryPositions | None = Field(
        default=None, description="Bierverv og verv."
    )
    professional_development: Text | None = Field(
        default=None, description="Egenutvikling og faglig utvikling."
    )
    fixed_term: FixedTerm | None = Field(default=None, description="Åremål.")
    retreat_position: RetreatPosition | None = Field(default=None, description="Retrettstilling.")
    severance: Severance | None = Field(default=None, description="Etterlønn.")
    procedures: Procedures | None = Field(default=None, description="Prosedyrene KS anbefaler.")
    background: Text | None = Field(default=None, description="Avtalens bakgrunn.")
    role_distribution: Text | None = Field(
        default=None, description="Oppgave- og rollefordeling mellom politikk og administrasjon."
    )
    expectations: Expectations | None = Field(
        default=None, description="Gjensidige krav og forventninger."
    )
    validity: Validity | None = Field(default=None, description="Gyldighet og reforhandling.")
    adoption: Decision | None = Field(default=None, description="Kommunestyrets vedtak om avtalen.")
    signatures: list[Signature] | None = Field(default=None, description="Underskrifter.")
    supersedes: Text | None = Field(
        default=None, description="Avtalen denne erstatter (filnavn uten .yaml)."
    )
    supplements: SupplementedAgreement | None = Field(
        default=None,
        description=(
            "Arbeidsavtalen denne lederavtalen supplerer; de lovpålagte punktene"
            " (arbeidsmiljøloven § 14-6) kontrolleres i den."
        ),
    )
    supplement_requested_at: IsoDate | None = Field(
        default=None,
        description=(
            "Datoen arbeidstakeren ba om at en avtale fra før 1. juli 2024 suppleres etter"
            " lovendringen; da må det skje innen to måneder."
        ),
    )
    superseded_by: Text | None = Field(
        default=None, description="Avtalen som erstatter denne (filnavn uten .yaml)."
    )
    negotiators: list[Person] | None = Field(
        default=None, description="Hvem som forhandlet for arbeidsgiver."
    )
    suppress: list[Suppression] | None = Field(
        default=None, description="Krav som bevisst ikke følges, med begrunnelse."
    )
