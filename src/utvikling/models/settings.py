"""``utvikling.yaml``: the municipality, its written language and the employer body."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from utvikling.models._types import MunicipalityNumber, OrgNumber, Part, Text
from utvikling.models.common import Decision, Person, Suppression

Language = Literal["nb", "nn"]


class Municipality(Part):
    """The kommune or fylkeskommune."""

    name: Text | None = Field(default=None, description="Navnet, f.eks. Fjordvik kommune.")
    number: MunicipalityNumber | None = Field(
        default=None,
        description="Kommunenummer (fire sifre) eller fylkesnummer (to), i anførselstegn.",
    )
    kind: Literal["kommune", "fylkeskommune"] | None = Field(
        default=None, description="kommune eller fylkeskommune."
    )
    org_number: OrgNumber | None = Field(default=None, description="Organisasjonsnummer.")
    address: Text | None = Field(default=None, description="Postadresse til rådhuset.")


class ChiefExecutive(Part):
    """The chief executive as the municipality names the position."""

    title: Text | None = Field(
        default=None, description="Tittelen kommunen bruker: kommunedirektør, rådmann …"
    )
    name: Text | None = Field(default=None, description="Navnet på den som har stillingen.")


class EmployerBody(Part):
    """The elected body that holds the development conversation (spec §2.5, §3.2)."""

    kind: Literal[
        "formannskap", "fylkesutvalg", "utvalg", "kommunestyre", "fylkesting", "other"
    ] | (
        None
    ) = Field(default=None, description="formannskap, fylkesutvalg, utvalg (etter § 5-7) …")
    name: Text | None = Field(default=None, description="Organets navn, f.eks. formannskapet.")
    mandate: Decision | None = Field(
        default=None, description="Vedtaket som ga organet arbeidsgiveroppgaven."
    )
    members: list[Person] | None = Field(default=None, description="Medlemmene og rollene deres.")


class Settings(Part):
    """The records repository's settings file, ``utvikling.yaml``."""

    format: Literal[1] = Field(default=1, description="Formatversjon; skal være 1.")
    municipality: Municipality | None = Field(default=None, description="Kommunen.")
    language: Language = Field(
        default="nb", description="Målform for dokumenter og meldinger: nb eller nn."
    )
    chief_executive: ChiefExecutive | None = Field(default=None, description="Kommunedirektøren.")
    employer_body: EmployerBody | None = Field(
        default=None, description="Organet som fører utviklingssamtalen."
    )
    suppress: list[Suppression] | None = Field(
        default=None, description="Krav som bevisst ikke følges, med begrunnelse."
    )
