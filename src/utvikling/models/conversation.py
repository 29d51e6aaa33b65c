"""``conversations/<date>/``: one development conversation, one file per stage (spec §3).

The chief executive's self-evaluation, the panel's evaluation and the group leaders' input are
kept apart until the meeting and are confidential: they never reach a public document.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from utvikling.models._types import Count, Flag, IsoDate, Part, Text, added_later, confidential
from utvikling.models.common import Decision, Goal, MinutesItem, Person, Suppression, Theme

GoalStatus = Literal["achieved", "partly_achieved", "not_achieved", "not_assessed"]


class ClosedMeeting(Part):
    """Whether the meeting is closed, and on what legal basis (spec §2.5)."""

    closed: Flag | None = Field(default=None, description="true = lukket møte.")
    legal_basis: Text | None = Field(default=None, description="Hjemmelen for å lukke møtet.")


class Meeting(Part):
    """``meeting.yaml``: when, where and who."""

    kind: Literal["annual", "follow_up", "extra"] | None = Field(
        default=None,
        description=(
            "annual = årlig utviklingssamtale, follow_up = oppfølgingssamtale, "
            "extra = ekstra samtale."
        ),
    )
    status: Literal["planned", "held", "cancelled"] | None = Field(
        default=None, description="planned (planlagt), held (holdt) eller cancelled (avlyst)."
    )
    date: IsoDate | None = Field(default=None, description="Møtedato.")
    time: Text | None = Field(default=None, description="Klokkeslett, f.eks. «09:00–12:00».")
    public_title: Text | None = Field(
        default=None, description="Sakstittel i den offentlige sakslisten, uten fortrolig innhold."
    )
    place: Text | None = Field(default=None, description="Møtested.")
    body: Text | None = Field(default=None, description="Organet som fører samtalen.")
    salary_conversation: Flag | None = Field(
        default=None, description="true = samtalen er også lønnssamtale."
    )
    participants: list[Person] | None = Field(default=None, description="Deltakerne.")
    closed_meeting: ClosedMeeting | None = Field(default=None, description="Lukket møte.")
    plan_under_review: Text | None = Field(
        default=None, description="Planen som vurderes (filnavn under plans/, uten .yaml)."
    )
    suppress: list[Suppression] | None = Field(default=None, description="Unntak, med grunn.")


class GroupContribution(Part):
    """One party group's input before the conversation."""

    group: Text | None = Field(default=None, description="Partigruppen.")
    leader: Text | None = Field(default=None, description="Gruppelederen.")
    received: IsoDate | None = Field(default=None, description="Dato innspillet kom.")
    themes: list[Text] | None = confidential("Temaene gruppen vil ta opp.")
    text: Text | None = confidential("Innspillet.")


class GroupInput(Part):
    """``input.yaml``: input gathered from the group leaders (spec §3.7)."""

    collected_by: Text | None = Field(default=None, description="Hvem som samlet inn.")
    deadline: IsoDate | None = Field(default=None, description="Frist for innspill.")
    contributions: list[GroupContribution] | None = Field(default=None, description="Innspillene.")
    suppress: list[Suppression] | None = Field(default=None, description="Unntak, med grunn.")


class IndicatorValue(Part):
    """The latest value of one of the goal's indicators."""

    name: Text | None = Field(default=None, description="Indikatoren, som i planen.")
    value: Text | None = Field(default=None, description="Siste verdi.")
    as_of: IsoDate | None = Field(default=None, description="Datoen verdien gjelder.")


class GoalSelfAssessment(Part):
    """The chief executive's view of one goal."""

    goal: Text | None = Field(default=None, description="Målets merkelapp i planen, f.eks. M1.")
    status: GoalStatus | None = Field(default=None, description="Hvor langt målet er nådd.")
    indicator_values: list[IndicatorValue] | None = Field(
        default=None, description="Siste verdi for målets indikatorer."
    )
    evidence: Text | None = confidential("Dokumentasjon: tall, rapporter, vedtak.")
    comment: Text | None = confidential("Kommentar.")


class GoalProposal(Part):
    """A goal the chief executive proposes for the next period."""

    title: Text | None = confidential("Forslag til mål.")
    theme: Theme | None = Field(default=None, description="Tema.")
    description: Text | None = confidential("Utdyping.")


class SelfEvaluation(Part):
    """``self-evaluation.yaml``: the chief executive's written self-evaluation (spec §3.7)."""

    submitted: IsoDate | None = Field(default=None, description="Dato egenevalueringen ble levert.")
    goals: list[GoalSelfAssessment] | None = Field(default=None, description="Per mål.")
    overall: Text | None = confidential("Samlet vurdering.")
    development_needs: Text | None = confidential("Egne utviklingsbehov.")
    proposed_goals: list[GoalProposal] | None = Field(
        default=None, description="Forslag til mål for neste periode."
    )
    suppress: list[Suppression] | None = Field(default=None, description="Unntak, med grunn.")


class GoalPanelAssessment(Part):
    """The panel's view of one goal."""

    goal: Text | None = Field(default=None, description="Målets merkelapp i planen.")
    status: GoalStatus | None = Field(default=None, description="Hvor langt målet er nådd.")
    assessment: Text | None = confidential("Vurderingen.")


class PanelEvaluation(Part):
    """``evaluation.yaml``: the panel's written evaluation (spec §3.6)."""

    agreed: IsoDate | None = Field(default=None, description="Dato panelet ble enige.")
    goals: list[GoalPanelAssessment] | None = Field(default=None, description="Per mål.")
    leadership: Text | None = confidential("Utøvelse av lederskap.")
    organisational_development: Text | None = confidential("Organisasjonsutvikling.")
    political_decisions: Text | None = confidential("Gjennomføring av politiske vedtak.")
    interaction: Text | None = confidential("Samhandling politikk–administrasjon.")
    development_needs: Text | None = confidential("Utviklingsbehov for kommunedirektøren.")
    overall: Text | None = confidential("Samlet vurdering.")
    suppress: list[Suppression] | None = Field(default=None, description="Unntak, med grunn.")


class GoalReview(Part):
    """The review of one goal in the minutes."""

    goal: Text | None = Field(default=None, description="Målets merkelapp i planen.")
    status: GoalStatus | None = Field(default=None, description="Hvor langt målet er nådd.")
    summary: Text | None = Field(default=None, description="Oppsummering.")
    confidential: Flag = Field(default=False, description="true = unntatt offentlighet.")
    legal_basis: Text | None = added_later("Hjemmelen for å unnta akkurat denne vurderingen.")


class ResultsReview(Part):
    """Element 1: the summary of the review of goal attainment."""

    summary: Text | None = Field(default=None, description="Samlet oppsummering.")
    goals: list[GoalReview] | None = Field(default=None, description="Per mål.")


class NewGoals(Part):
    """Element 2: new goals and expectations."""

    summary: Text | None = Field(default=None, description="Oppsummering.")
    goals: list[Goal] | None = Field(default=None, description="Målene for neste periode.")
    expectations: list[MinutesItem] | None = Field(default=None, description="Forventninger.")


class SalaryConclusion(Part):
    """The salary conclusion, when the conversation was also the salary conversation."""

    held: Flag | None = Field(default=None, description="true = lønnssamtale ble holdt.")
    conclusion: Text | None = Field(default=None, description="Konklusjonen.")
    decision_by: Text | None = Field(default=None, description="Organet som fastsetter lønnen.")
    confidential: Flag = Field(
        default=False, description="true = konklusjonen unntas offentlighet (oppgi hjemmel)."
    )
    legal_basis: Text | None = added_later(
        "Hjemmelen for å unnta konklusjonen. Lønnen er offentlig; bare mens forhandlinger"
        " pågår kan offentleglova § 23 første ledd gi grunnlag."
    )


class DeviationStatus(Part):
    """Status of the deviation procedure (spec §3.12)."""

    status: Literal["none", "opened", "ongoing", "closed"] | None = Field(
        default=None,
        description=(
            "none (ingen avviksbehandling), opened (åpnet), ongoing (pågår) eller closed (lukket)."
        ),
    )
    summary: Text | None = confidential("Oppsummering av avviksbehandlingen.")


class ConfidentialNotes(Part):
    """Notes withheld from the public minutes, with the legal basis."""

    legal_basis: Text | None = Field(
        default=None, description="Hjemmel for å unnta, f.eks. offentleglova § 13."
    )
    notes: list[Text] | None = confidential("Notatene som unntas.")


class Acknowledgement(Part):
    """The chief executive has read the minutes, and may add a remark."""

    date: IsoDate | None = Field(default=None, description="Datoen kommunedirektøren kvitterte.")
    remark: Text | None = Field(default=None, description="Kommunedirektørens merknad.")


class Reported(Decision):
    """The minutes were reported to the council; from then on they are locked."""

    content_sha256: Text | None = Field(
        default=None,
        description="Kontrollsum for innholdet da referatet ble lagt fram. Settes av utvikling.",
    )
    checksum_version: Count | None = Field(
        default=None,
        description="Hvilken oppskrift kontrollsummen følger (2: alt referatet viser). "
        "Settes av utvikling.",
    )
    checksum_added_later: IsoDate | None = Field(
        default=None,
        description="Datoen kontrollsummen ble lagt til i ettertid (minutes report --repair).",
    )


class Amendment(Part):
    """A dated change to minutes that were already reported."""

    date: IsoDate | None = Field(default=None, description="Dato for endringen.")
    text: Text | None = Field(default=None, description="Endringen.")
    reason: Text | None = Field(default=None, description="Hvorfor referatet endres.")
    content_sha256: Text | None = Field(
        default=None,
        description="Kontrollsum for endringen, lenket til den forrige. Settes av utvikling.",
    )


class Minutes(Part):
    """``minutes.yaml``: the minutes with the four KS elements (spec §3.9)."""

    public_title: Text | None = Field(default=None, description="Offentlig tittel.")
    date: IsoDate | None = Field(default=None, description="Møtedato.")
    participants: list[Person] | None = Field(default=None, description="Til stede.")
    results_review: ResultsReview | None = Field(
        default=None, description="1. Gjennomgang av resultatoppnåelse."
    )
    new_goals: NewGoals | None = Field(default=None, description="2. Nye mål og forventninger.")
    interaction_principles: list[MinutesItem] | None = Field(
        default=None, description="3. Prinsipper for samhandling politikk–administrasjon."
    )
    development_measures: list[MinutesItem] | None = Field(
        default=None, description="4. Utviklingstiltak for kommunedirektøren."
    )
    salary: SalaryConclusion | None = Field(default=None, description="Lønnskonklusjon.")
    deviation: DeviationStatus | None = Field(default=None, description="Avviksbehandling.")
    confidential: ConfidentialNotes | None = Field(
        default=None, description="Notater som er unntatt offentlighet."
    )
    approved: Decision | None = Field(default=None, description="Godkjent av panelet.")
    acknowledged: Acknowledgement | None = Field(
        default=None, description="Kvittert av kommunedirektøren, eventuelt med merknad."
    )
    reported: Reported | None = Field(default=None, description="Referert for kommunestyret.")
    amendments: list[Amendment] | None = Field(
        default=None, description="Daterte endringer etter at referatet ble lagt fram."
    )
    suppress: list[Suppression] | None = Field(default=None, description="Unntak, med grunn.")
