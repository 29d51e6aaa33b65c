"""Pieces shared by several record kinds: decisions, people, suppressions, goals."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from utvikling.models._types import Flag, IsoDate, Part, Text, added_later

Role = Literal[
    "mayor",
    "deputy_mayor",
    "opposition_leader",
    "group_leader",
    "member",
    "chief_executive",
    "secretary",
    "adviser",
]
"""Roles: ordfører, varaordfører, opposisjonsleder, gruppeleder, medlem, kommunedirektør,
sekretær, rådgiver (HR or KS)."""

Theme = Literal[
    "economy",
    "users",
    "employees",
    "internal_processes",
    "innovation_learning_development",
    "learning_renewal",
    "plan",
    "personnel",
    "other",
]
"""Goal themes from the KS theme sets (spec §3.5)."""

AnchorType = Literal[
    "budget",
    "economic_plan",
    "municipal_plan",
    "county_plan",
    "employer_strategy",
    "decision",
    "other",
]


class Suppression(Part):
    """A checklist code this record deliberately does not meet, with the reason why."""

    code: str = Field(description="Koden som ikke skal meldes, for eksempel A107.")
    reason: Text | None = Field(
        default=None, description="Hvorfor kravet ikke gjelder her. Må fylles ut."
    )


class Decision(Part):
    """A decision by an elected body: the anchor of goals and agreements."""

    body: Text | None = Field(default=None, description="Organet som vedtok, f.eks. kommunestyret.")
    case_number: Text | None = Field(default=None, description="Saksnummer, f.eks. 24/118.")
    date: IsoDate | None = Field(default=None, description="Vedtaksdato, ÅÅÅÅ-MM-DD.")
    title: Text | None = Field(default=None, description="Sakens tittel.")


class Person(Part):
    """A named person with a role."""

    name: Text | None = Field(default=None, description="Fullt navn.")
    role: Role | None = Field(default=None, description="Rolle (se listen over roller).")
    party: Text | None = Field(default=None, description="Parti eller gruppe, om aktuelt.")


class Anchoring(Part):
    """Where a goal comes from: a plan or decision of the council."""

    type: AnchorType | None = Field(default=None, description="Hva slags plan eller vedtak.")
    title: Text | None = Field(default=None, description="Navnet på planen eller saken.")
    body: Text | None = Field(default=None, description="Organet som vedtok.")
    case_number: Text | None = Field(default=None, description="Saksnummer.")
    date: IsoDate | None = Field(default=None, description="Vedtaksdato.")


class Indicator(Part):
    """How progress on a goal is measured."""

    name: Text | None = Field(default=None, description="Hva som måles.")
    unit: Text | None = Field(default=None, description="Enhet, f.eks. prosent eller dager.")
    baseline: Text | None = Field(default=None, description="Utgangsverdi ved periodens start.")
    target: Text | None = Field(default=None, description="Målverdi ved periodens slutt.")
    source: Text | None = Field(default=None, description="Hvor tallet hentes fra.")


class Goal(Part):
    """A result or development goal for the chief executive (spec §3.4)."""

    id: Text | None = Field(default=None, description="Kort, fast merkelapp, f.eks. M1.")
    title: Text | None = Field(default=None, description="Målet, kort og etterprøvbart.")
    theme: Theme | None = Field(default=None, description="Tema fra KS' temasett.")
    kind: Literal["result", "development"] | None = Field(
        default=None, description="Resultatmål eller utviklingsmål."
    )
    description: Text | None = Field(default=None, description="Utdyping.")
    anchoring: list[Anchoring] | None = Field(
        default=None, description="Vedtak og planer i kommunestyret som målet bygger på."
    )
    success_factors: list[Text] | None = Field(
        default=None, description="Kritiske suksessfaktorer."
    )
    indicators: list[Indicator] | None = Field(default=None, description="Måleindikatorer.")


class MinutesItem(Part):
    """One agreed point; ``confidential: true`` keeps it out of every public document."""

    text: Text | None = Field(default=None, description="Punktet.")
    confidential: Flag = Field(default=False, description="true = unntatt offentlighet.")
    legal_basis: Text | None = added_later(
        "Hjemmelen for å unnta akkurat dette punktet, f.eks. offentleglova § 13 jf."
        " forvaltningsloven § 13 første ledd nr. 1."
    )
