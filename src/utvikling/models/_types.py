"""Shared field types and the base classes every record model builds on."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

_CONFIG = ConfigDict(
    extra="forbid",
    coerce_numbers_to_str=True,
    str_strip_whitespace=True,
    validate_assignment=True,
    hide_input_in_errors=True,
)


class Part(BaseModel):
    """A strict piece of a record: unknown keys are errors, input never echoed in errors."""

    model_config = _CONFIG


def confidential(description: str, **kwargs: Any) -> Any:
    """A field whose content never reaches a public document."""
    return Field(
        default=None, description=description, json_schema_extra={"confidential": True}, **kwargs
    )


def added_later(description: str, **kwargs: Any) -> Any:
    """An optional field added after minutes were first locked with a checksum.

    :func:`stable_dump` leaves it out while it is empty, so a record that does not use it has
    the checksum it always had (``records/integrity.py``).
    """
    return Field(
        default=None, description=description, json_schema_extra={"added_later": True}, **kwargs
    )


def _added_later(model: type[BaseModel], name: str) -> bool:
    extra = model.model_fields[name].json_schema_extra
    return isinstance(extra, dict) and extra.get("added_later") is True


def _prune(model: BaseModel, data: Any) -> None:
    if not isinstance(data, dict):
        return
    for name in type(model).model_fields:
        if name not in data:
            continue
        value = getattr(model, name)
        if value is None and _added_later(type(model), name):
            del data[name]
        elif isinstance(value, BaseModel):
            _prune(value, data[name])
        elif isinstance(value, list) and isinstance(data[name], list):
            for item, dumped in zip(value, data[name], strict=False):
                if isinstance(item, BaseModel):
                    _prune(item, dumped)


def stable_dump(model: BaseModel, **kwargs: Any) -> dict[str, Any]:
    """``model.model_dump(mode="json", **kwargs)`` without empty fields marked added later."""
    data: dict[str, Any] = model.model_dump(mode="json", **kwargs)
    _prune(model, data)
    return data


def is_confidential(model: type[BaseModel], name: str) -> bool:
    """Tell whether field ``name`` of ``model`` is marked confidential."""
    extra = model.model_fields[name].json_schema_extra
    return isinstance(extra, dict) and extra.get("confidential") is True


Text = Annotated[str, StringConstraints(max_length=20_000)]
"""Free text. Empty text counts as not answered in the checklist."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def _date_text(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        value = value.strip()
        if _ISO_DATE.match(value):
            return value
        norwegian = _NORWEGIAN_DATE.match(value)
        if norwegian:
            day, month, year = norwegian.groups()
            raise PydanticCustomError(
                "norwegian_date",
                "write the date as {iso}",
                {"iso": f"{year}-{int(month):02d}-{int(day):02d}"},
            )
    raise PydanticCustomError("date_format", "write the date as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_date_text)]
"""A date written ``ÅÅÅÅ-MM-DD``. ``01.03.2024`` is refused with the ISO form as a hint."""


def parse_amount(text: str) -> int | None:
    """Read an amount in whole kroner written the Norwegian way, or return None."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).lower()
    cleaned = cleaned.removeprefix("kr.").removeprefix("kr")
    for suffix in (",-", ".-", "kr.", "kr"):
        cleaned = cleaned.removesuffix(suffix)
    return int(cleaned) if cleaned.isdigit() else None


def _amount(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("amount", "write the amount in whole kroner")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and (amount := parse_amount(value)) is not None:
        return amount
    raise PydanticCustomError("amount", "write the amount in whole kroner")


Amount = Annotated[int, BeforeValidator(_amount), Field(ge=0, le=100_000_000)]
"""Whole kroner. ``1 250 000``, ``1250000`` and ``kr 1 250 000,-`` are all accepted."""


_YES = {"ja", "yes", "true"}
_NO = {"nei", "no", "false"}


def _flag(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _YES | _NO:
        return value.strip().lower() in _YES
    raise PydanticCustomError("bool_type", "write true or false")


Flag = Annotated[bool, BeforeValidator(_flag)]
"""Yes or no: ``true``/``false``; ``ja``/``nei`` are accepted too."""


def _whole_number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("whole_number", "write a whole number")
    return value


Months = Annotated[int, BeforeValidator(_whole_number), Field(ge=0, le=120)]
"""A number of months (0 means none)."""

Count = Annotated[int, BeforeValidator(_whole_number), Field(ge=0, le=1000)]

Year = Annotated[int, BeforeValidator(_whole_number), Field(ge=1990, le=2100)]

Month = Annotated[int, BeforeValidator(_whole_number), Field(ge=1, le=12)]

MunicipalityNumber = Annotated[str, StringConstraints(pattern=r"^(\d{2}|\d{4})$")]
"""Kommunenummer (four digits) or fylkesnummer (two); write it in quotes when it starts with 0.

Whether the length fits the kind of authority is a checklist rule (M108), not a schema error."""


def _org_number(value: Any) -> Any:
    text = re.sub(r"[\s\u00a0]", "", str(value))
    if not re.fullmatch(r"\d{9}", text):
        raise PydanticCustomError("org_number", "an organisation number has nine digits")
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    remainder = sum(int(d) * w for d, w in zip(text, weights, strict=False)) % 11
    control = 0 if remainder == 0 else 11 - remainder
    if control == 10 or control != int(text[8]):
        raise PydanticCustomError("org_number_checksum", "the organisation number's check digit")
    return text


OrgNumber = Annotated[str, BeforeValidator(_org_number)]
"""Organisasjonsnummer, nine digits with a valid check digit (spaces allowed)."""
