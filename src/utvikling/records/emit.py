"""Write a new record as YAML with guiding comments, every field present.

Used when the tool creates a record from answers (``new-agreement``). The output is checked
by parsing it back: if it does not load to exactly the data it was made from, that is a bug,
and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from utvikling.models._types import Part
from utvikling.records.load import _unwrap
from utvikling.yamlsafe import scalar

INDENT = "  "


def _block_text(value: str, indent: str) -> str | None:
    """Write multi-line text as a literal block, or None when that cannot be exact."""
    lines = value.split("\n")
    if value != value.strip() or any(line != line.rstrip() for line in lines):
        return None
    if lines[0].startswith(" ") or "\t" in value or "\r" in value:
        return None
    body = "\n".join(f"{indent}{INDENT}{line}" if line else "" for line in lines)
    return f"|-\n{body}"


FOLD_WIDTH = 88


def _folded_text(value: str, indent: str) -> str | None:
    """Write long one-line text as a folded block, or None when that cannot be exact."""
    if len(value) <= FOLD_WIDTH or value != value.strip() or "  " in value:
        return None
    if any(c in value for c in "\n\r\t#") or value[0] in "-?:,[]{}&*!|>'\"%@`":
        return None
    import textwrap

    lines = textwrap.wrap(value, FOLD_WIDTH, break_long_words=False, break_on_hyphens=False)
    return ">-\n" + "\n".join(f"{indent}{INDENT}{line}" for line in lines)


def _field_type(model: type[BaseModel], name: str) -> tuple[type[BaseModel] | None, bool]:
    """Return (nested model or None, whether the field is a list)."""
    annotation = model.model_fields[name].annotation
    inner = _unwrap(annotation)
    is_list = "list[" in str(annotation)
    nested = inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None
    return nested, is_list


def emit(
    model: type[Part],
    data: Mapping[str, Any],
    *,
    comments: Mapping[str, str] | None = None,
    order: list[str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> str:
    """Return ``data`` as YAML for ``model``, with every field of the model present.

    Args:
        model: the record's model; its field order is used unless ``order`` says otherwise.
        data: the values (missing or None fields are written empty, for the user to fill in).
        comments: a comment line above a field, by dotted path (``salary.annual_amount``).
        order: the top-level keys first, in this order; the rest follow in model order.
        headers: a comment block before a top-level key (a section title).
    """
    lines = list(_emit_mapping(model, data, "", "", comments or {}, order, headers or {}))
    return "\n".join(lines) + "\n"


def _emit_mapping(
    model: type[BaseModel],
    data: Mapping[str, Any],
    indent: str,
    prefix: str,
    comments: Mapping[str, str],
    order: list[str] | None,
    headers: Mapping[str, str],
) -> Iterator[str]:
    names = list(model.model_fields)
    if order:
        names = [n for n in order if n in names] + [n for n in names if n not in order]
    for name in names:
        path = f"{prefix}{name}"
        if name in headers:
            yield ""
            yield from (f"{indent}# {line}" for line in headers[name].splitlines())
        if path in comments:
            yield from (f"{indent}# {line}" for line in comments[path].splitlines())
        value = data.get(name)
        if value is None and model.model_fields[name].default is not None:
            value = model.model_fields[name].get_default()  # e.g. confidential: false
        nested, is_list = _field_type(model, name)
        if is_list:
            yield from _emit_list(name, value, nested, indent, path, comments)
        elif nested is not None:
            yield f"{indent}{name}:"
            yield from _emit_mapping(
                nested, value or {}, indent + INDENT, f"{path}.", comments, None, {}
            )
        else:
            text = None
            if isinstance(value, str):
                text = _block_text(value, indent) if "\n" in value else _folded_text(value, indent)
            rendered = text if text is not None else scalar(value)
            yield f"{indent}{name}: {rendered}".rstrip()


def _emit_list(
    name: str,
    value: Any,
    nested: type[BaseModel] | None,
    indent: str,
    path: str,
    comments: Mapping[str, str],
) -> Iterator[str]:
    if value is None:
        yield f"{indent}{name}:"
        return
    if not value:
        yield f"{indent}{name}: []"
        return
    yield f"{indent}{name}:"
    for item in value:
        if nested is None:
            yield f"{indent}{INDENT}- {scalar(item)}"
            continue
        item_lines = list(
            _emit_mapping(nested, item, indent + INDENT * 2, f"{path}[].", comments, None, {})
        )
        present = [line for line in item_lines if not line.lstrip().startswith("#")]
        first = present[0] if present else f"{indent}{INDENT * 2}{{}}"
        yield f"{indent}{INDENT}- {first.lstrip()}"
        yield from (line for line in item_lines if line is not first)
