"""The records format as Markdown, generated from the models (``docs/records.md``)."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from utvikling.models import KINDS, RECORD_KINDS, _types
from utvikling.models._types import is_confidential

FILES = {kind.id: kind.pattern for kind in KINDS}


_NAMES = {
    id(_types.Text): "tekst",
    id(_types.IsoDate): "dato",
    id(_types.Amount): "beløp (kr)",
    id(_types.Months): "antall måneder",
    id(_types.Month): "måned (1–12)",
    id(_types.Flag): "true/false",
    id(_types.MunicipalityNumber): "fire sifre (kommune) eller to (fylkeskommune)",
    id(_types.OrgNumber): "org.nr.",
    id(_types.Count): "antall",
    id(_types.Year): "år",
}


def _type_name(annotation: Any) -> str:
    """Describe a field's type in words a records editor understands."""
    if id(annotation) in _NAMES:
        return _NAMES[id(annotation)]
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return " / ".join(_type_name(a) for a in args if a is not type(None))
    if origin is list:
        return f"liste av {_type_name(args[0])}"
    if origin is typing.Literal:
        return "en av: " + ", ".join(f"`{a}`" for a in args)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "gruppe"
    if annotation is bool:
        return "true/false"
    return getattr(annotation, "__name__", str(annotation))


def _unwrap_model(annotation: Any) -> type[BaseModel] | None:
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        for inner in typing.get_args(arg):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def _fields(model: type[BaseModel], prefix: str, lines: list[str]) -> None:
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        secret = " **fortrolig**" if is_confidential(model, name) else ""
        kind = _type_name(info.annotation)
        lines.append(f"| `{path}` | {kind} | {info.description or ''}{secret} |")
        inner = _unwrap_model(info.annotation)
        if inner is not None and inner is not model:
            is_list = kind.startswith("liste")
            _fields(inner, f"{path}[]." if is_list else f"{path}.", lines)


def markdown_reference() -> str:
    """Return the field-by-field description of every record file."""
    lines = [
        "# Postformatet (records format)",
        "",
        "<!-- Generated from the models in src/utvikling/models/ by"
        " `python -m utvikling.models.reference`. A test compares this file with the models. -->",
        "",
        "Every record is a YAML file. Unknown fields are errors (with a suggestion for the",
        "nearest known field). All fields may be left empty: `utvikling check` then reports what",
        "the checklist needs. Dates are written `2026-09-15`; yes/no fields take `true`/`false`",
        "(`ja`/`nei` are accepted); amounts are whole kroner (`1 250 000` is fine). Fields marked",
        "**fortrolig** (confidential) never reach a public document.",
        "",
        "Any record may have `suppress:`, a list of `{code, reason}`: the checklist code is not",
        "reported for that file (in `utvikling.yaml`: for the whole repository). The reason is",
        "required. Codes Y, S and R (file problems) cannot be suppressed.",
        "",
    ]
    for kind, model in RECORD_KINDS.items():
        lines += [f"## `{FILES[kind]}`", "", (model.__doc__ or "").strip(), ""]
        lines += ["| felt | type | beskrivelse |", "|---|---|---|"]
        _fields(model, "", lines)
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_reference())
