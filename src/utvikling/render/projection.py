"""The public projection: a copy of a record with every confidential field removed.

Public documents are rendered only from this projection, so a template cannot leak what it
never receives.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from utvikling.models._types import is_confidential

M = TypeVar("M", bound=BaseModel)


def public(model: M) -> M:
    """Return a copy of ``model`` with confidential fields (at any depth) set to None.

    Items of a list, and groups, that are marked ``confidential: true`` are dropped as well.
    """
    changes: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if is_confidential(type(model), name):
            changes[name] = None
        elif isinstance(value, BaseModel):
            withheld = getattr(value, "confidential", False) is True
            changes[name] = None if withheld else public(value)
        elif isinstance(value, list):
            changes[name] = [
                public(item) if isinstance(item, BaseModel) else item
                for item in value
                if getattr(item, "confidential", False) is not True
            ]
    return model.model_copy(update=changes)


def withheld_count(model: BaseModel) -> int:
    """Count what :func:`public` removes that has content: fields, items and groups."""
    count = 0
    for name in type(model).model_fields:
        value = getattr(model, name)
        if value in (None, "", []):
            continue
        if is_confidential(type(model), name) or getattr(value, "confidential", False) is True:
            count += len(value) if isinstance(value, list) else 1
        elif isinstance(value, BaseModel):
            count += withheld_count(value)
        elif isinstance(value, list):
            for item in value:
                if getattr(item, "confidential", False) is True:
                    count += 1
                elif isinstance(item, BaseModel):
                    count += withheld_count(item)
    return count


def withheld_parts(model: BaseModel, prefix: str = "") -> list[str]:
    """Name what :func:`public` removes that has content: ``employee.address``, ``items[2]``."""
    found: list[str] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = f"{prefix}{name}"
        if value in (None, "", []):
            continue
        if is_confidential(type(model), name) or getattr(value, "confidential", False) is True:
            found.append(path)
        elif isinstance(value, BaseModel):
            found += withheld_parts(value, f"{path}.")
        elif isinstance(value, list):
            for index, item in enumerate(value, start=1):
                if getattr(item, "confidential", False) is True:
                    found.append(f"{path}[{index}]")
                elif isinstance(item, BaseModel):
                    found += withheld_parts(item, f"{path}[{index}].")
    return found
