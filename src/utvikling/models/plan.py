"""``plans/<year>.yaml``: the result and development plan (spec §3.4–3.5)."""

from __future__ import annotations

from pydantic import Field

from utvikling.models._types import IsoDate, Part, Text
from utvikling.models.common import Decision, Goal, MinutesItem, Suppression


class Period(Part):
    """The period the plan covers, usually a calendar year."""

    start: IsoDate | None = Field(default=None, description="Første dag i perioden.")
    end: IsoDate | None = Field(default=None, description="Siste dag i perioden.")


class Plan(Part):
    """The written result and development plan for one period."""

    period: Period | None = Field(default=None, description="Perioden planen gjelder.")
    adopted: Decision | None = Field(default=None, description="Vedtaket som fastsatte planen.")
    based_on: Text | None = Field(
        default=None, description="Samtalen planen kom fra (mappenavn under conversations/)."
    )
    goals: list[Goal] | None = Field(default=None, description="Resultat- og utviklingsmålene.")
    development_measures: list[MinutesItem] | None = Field(
        default=None, description="Utviklingstiltak for kommunedirektøren i perioden."
    )
    suppress: list[Suppression] | None = Field(
        default=None, description="Krav som bevisst ikke følges, med begrunnelse."
    )
