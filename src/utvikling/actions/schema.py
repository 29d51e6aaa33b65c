"""JSON Schemas for the record kinds, generated from the models, for editors.

Every field gets a Norwegian title and description (its text in ``data/fields.yaml``, in the
repository's language and the glossary's words for its kind of authority and chief executive's
title, and the checklist rules that require the field with their legal references), every
allowed value a Norwegian label (``enumDescriptions``, which the YAML language server shows
beside the value). The schemas are written to ``schemas/`` in a repository (``init`` does it,
``utvikling schema --output`` too), and records the tool creates name theirs in their first
line. Without a repository the schemas are the generic ones: bokmål, a kommune's words, every
value; for a repository, the values that belong to the other kind of authority
(``data/fields.yaml``, ``only_for``) are left out.
"""

from __future__ import annotations

import copy
import json
import re
import typing
from functools import cache
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.errors import UtviklingError
from utvikling.models.kinds import KINDS, RecordKind

if typing.TYPE_CHECKING:
    from pydantic import BaseModel

    from utvikling.yamlsafe import Document

FIELDS_FILE = "fields.yaml"
LANGUAGES = ("nb", "nn")

SCHEMA_FOLDER = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def kind_ids() -> list[str]:
    """The record kinds' ids, in the registry's order."""
    return [k.id for k in KINDS]


def kind_named(name: str) -> RecordKind | None:
    """The record kind with this id (``agreement``) or file pattern stem, or None."""
    return next((k for k in KINDS if name in (k.id, k.stem)), None)


def file_name(kind: RecordKind) -> str:
    """The schema's file name: ``agreement.schema.json``."""
    return f"{kind.id}.schema.json"


def modeline(kind_id: str, record: str) -> str:
    """The first line of a record the tool creates: its schema for the YAML language server.

    ``record`` is the record's path in the repository (``agreements/2027-01-01.yaml``).
    """
    depth = record.count("/")
    relative = "../" * depth + f"{SCHEMA_FOLDER}/{kind_id}.schema.json"
    return f"# yaml-language-server: $schema={relative}\n"


class FieldDataError(UtviklingError):
    """``data/fields.yaml`` does not fit the models (a mistake in the tool's own data)."""


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The record parts an annotation holds: ``X | None``, ``list[X]``, ``Annotated[X, …]``."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for part in typing.get_args(annotation):
        found += _models_in(part)
    return found


def field_paths(kind: RecordKind) -> dict[str, tuple[type[BaseModel], str]]:
    """Every field path of a kind (``goals.indicators.unit``) → (its model, the field's name)."""
    found: dict[str, tuple[type[BaseModel], str]] = {}

    def walk(model: type[BaseModel], prefix: str, seen: tuple[type[BaseModel], ...]) -> None:
        for name, info in model.model_fields.items():
            found[prefix + name] = (model, name)
            for part in _models_in(info.annotation):
                if part not in seen:
                    walk(part, f"{prefix}{name}.", (*seen, part))

    walk(kind.model, "", (kind.model,))
    return found


_BLANK = re.compile(r"\{(\w+)\}")


def _data_problem(
    document: Document, where: tuple[str, ...], key: str, params: dict[str, Any]
) -> FieldDataError:
    line, column = document.position(("fields", *where), key=True)
    message, hint = texts.message(key, "nb", {"file": FIELDS_FILE, **params})
    return FieldDataError(message, hint=hint, file=FIELDS_FILE, line=line, column=column)


def parse_field_texts(document: Document) -> dict[str, dict[str, dict[str, str]]]:
    """Validate ``data/fields.yaml`` against the models: kind → field path → {nb, nn}.

    Raises:
        FieldDataError: an unknown kind or field, a field without a text, a text that is not
            bokmål and nynorsk, a placeholder the glossary does not have, or two texts for one
            field of a shared part.
    """
    data = document.data
    table = data.get("fields") if isinstance(data, dict) else None
    if not isinstance(table, dict) or set(data) - {"fields", "only_for"}:
        raise _data_problem(document, (), "D301", {})
    words = set(texts.terms("kommune", "nb"))
    kinds = {k.id: k for k in KINDS}
    result: dict[str, dict[str, dict[str, str]]] = {}
    for kind_id, entries in table.items():
        kind = kinds.get(str(kind_id))
        if kind is None or not isinstance(entries, dict):
            raise _data_problem(document, (str(kind_id),), "D302", {"kind": kind_id})
        paths = field_paths(kind)
        shared: dict[tuple[type[BaseModel], str], tuple[str, dict[str, str]]] = {}
        for path, entry in entries.items():
            where = (kind.id, str(path))
            if path not in paths:
                raise _data_problem(document, where, "D303", {"kind": kind.id, "path": path})
            ok = isinstance(entry, dict) and set(entry) == set(LANGUAGES)
            if not ok or not all(
                isinstance(entry[lang], str) and entry[lang] for lang in LANGUAGES
            ):
                raise _data_problem(document, where, "D304", {"path": path})
            for lang in LANGUAGES:
                for blank in _BLANK.findall(entry[lang]):
                    if blank not in words:
                        raise _data_problem(document, where, "D305", {"path": path, "name": blank})
            first = shared.setdefault(paths[path], (str(path), entry))
            if first[1] != entry:
                raise _data_problem(document, where, "D306", {"path": path, "other": first[0]})
        missing = [p for p in paths if p not in entries]
        if missing:
            raise _data_problem(document, (kind.id,), "D307", {"kind": kind.id, "path": missing[0]})
        result[kind.id] = {str(p): dict(e) for p, e in entries.items()}
    absent = [k for k in kinds if k not in result]
    if absent:
        raise _data_problem(document, (), "D302", {"kind": absent[0]})
    return result


@cache
def field_texts() -> dict[str, dict[str, dict[str, str]]]:
    """The validated field texts (read once)."""
    return parse_field_texts(texts.data_document(FIELDS_FILE))


def field_text(kind_id: str, path: str, lang: str, words: dict[str, str]) -> str:
    """One field's text in ``lang`` with the glossary's ``words`` filled in.

    ``path`` may hold a list entry's index (``goals.0.title``): it is left out.
    """
    plain = ".".join(part for part in path.split(".") if not part.isdigit())
    return texts.fill(field_texts()[kind_id][plain][lang], words)


def left_out(authority: str | None) -> frozenset[str]:
    """The values a repository of this kind of authority never uses (a county's «formannskap»).

    None (no repository: the generic schemas) leaves every value in.
    """
    if authority is None:
        return frozenset()
    only: dict[str, str] = texts.data_file(FIELDS_FILE).get("only_for") or {}
    return frozenset(value for value, kind in only.items() if kind != authority)


_AMOUNT_TEXT = r"^\s*(kr\.?\s*)?[0-9][0-9 \u00a0\u202f]*(,-|\.-|\s*kr\.?)?\s*$"


def _generator() -> type[Any]:
    """Pydantic's schema generator, told what the models' own readers accept besides the type.

    The models read «1 250 000» as an amount and «ja»/«nei» as yes and no; the schema allows
    what the tool accepts, found by asking each reader, so an editor does not mark it wrong.
    """
    from pydantic.json_schema import GenerateJsonSchema

    def accepts(function: Any, text: str) -> Any:
        try:
            return function(text)
        except Exception:  # a reader that refuses the sample: nothing more to allow
            return None

    class Generator(GenerateJsonSchema):
        def function_before_schema(self, schema: Any) -> Any:
            inner = super().function_before_schema(schema)
            function = schema.get("function", {}).get("function")
            if function is None:
                return inner
            if accepts(function, "1 250 000") == 1_250_000:
                return {"anyOf": [inner, {"type": "string", "pattern": _AMOUNT_TEXT}]}
            if accepts(function, "ja") is True and accepts(function, "nei") is False:
                return {"anyOf": [inner, {"type": "string", "enum": ["ja", "nei"]}]}
            return inner

    return Generator


def _title(description: str) -> str:
    """A short title from a description: its first sentence, without the full stop."""
    first = description.split(". ")[0].strip()
    return first[:-1] if first.endswith(".") else first


def _references(kind: RecordKind, lang: str) -> dict[str, tuple[list[str], list[str]]]:
    """Field path → (rule codes, legal references) of the rules that require the field."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for rule in texts.data_file("rules.yaml")["rules"]:
        if rule.get("applies_to") != kind.id:
            continue
        check = rule.get("check", {})
        paths = [*check.get("required", []), *check.get("answered", []), *check.get("present", [])]
        if "conditional" in check:
            paths.append(f"{check['conditional']}.agreed")
            paths += [f"{check['conditional']}.{p}" for p in check.get("when_agreed", [])]
        for path in paths:
            codes, refs = found.setdefault(path, ([], []))
            codes.append(rule["code"])
            for reference in rule.get("references", []):
                text = texts.localized(reference["text"], lang)
                if text not in refs:
                    refs.append(text)
    return found


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    """The object schema a property points at ($ref, the one non-null choice, a list's item)."""
    if "$ref" in node:
        return dict(schema["$defs"]).get(node["$ref"].rsplit("/", 1)[-1])
    if node.get("type") == "array":
        return _resolve(schema, node.get("items", {}))
    for choice in node.get("anyOf", []):
        if choice.get("type") != "null":
            found = _resolve(schema, choice)
            if found is not None:
                return found
    return node if "properties" in node else None


def _describe(
    schema: dict[str, Any],
    node: dict[str, Any],
    kind: RecordKind,
    lang: str,
    words: dict[str, str],
    prefix: str = "",
) -> None:
    """Every property's description from ``data/fields.yaml``, by its path, in place."""
    for name, prop in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        prop["description"] = field_text(kind.id, path, lang, words)
        inner = _resolve(schema, prop)
        if inner is not None and inner is not node:
            _describe(schema, inner, kind, lang, words, f"{path}.")


_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def label(labels: dict[str, Any], value: Any, lang: str, words: dict[str, str]) -> str:
    """A value's Norwegian label (``schema.yaml``), with the glossary's words filled in."""
    return texts.fill(texts.localized(labels.get(str(value), str(value)), lang), words)


def _annotate(
    node: Any, labels: dict[str, Any], lang: str, words: dict[str, str], gone: frozenset[str]
) -> None:
    """Norwegian titles on every property and labels on every allowed value, in place.

    Values in ``gone`` (the other kind of authority's) are left out of the allowed ones.
    """
    if isinstance(node, dict):
        for short, keyword in _BOUNDS.items():  # constraints pydantic left in its own words
            if short in node and isinstance(node[short], (int, float)):
                node[keyword] = node.pop(short)
        for name, prop in node.get("properties", {}).items():
            description = prop.get("description") or name
            prop["title"] = _title(description)
        if "enum" in node:
            node["enum"] = [v for v in node["enum"] if str(v) not in gone]
            node["enumDescriptions"] = [label(labels, v, lang, words) for v in node["enum"]]
        if "const" in node and str(node["const"]) in labels:
            node["description"] = label(labels, node["const"], lang, words)
        for value in node.values():
            _annotate(value, labels, lang, words, gone)
    elif isinstance(node, list):
        for value in node:
            _annotate(value, labels, lang, words, gone)


def schema_for(
    kind: RecordKind, lang: str = "nb", authority: str | None = None, title: str | None = None
) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one record kind, with the Norwegian words.

    ``authority`` (``kommune`` or ``fylkeskommune``) and ``title`` (the chief executive's) are
    the repository's; without them the schema is the generic one (a kommune's words, every
    value allowed).
    """
    data = texts.data_file("schema.yaml")
    words = texts.terms(authority, lang, title)
    schema: dict[str, Any] = copy.deepcopy(
        kind.model.model_json_schema(mode="validation", schema_generator=_generator())
    )
    for part in schema.get("$defs", {}).values():  # the models' docstrings, in English
        part.pop("title", None)
        part.pop("description", None)
    _describe(schema, schema, kind, lang, words)
    heading = texts.fill(texts.localized(data["titles"][kind.id], lang), words)
    _annotate(schema, data["labels"], lang, words, left_out(authority))
    reference = data["reference"]
    for path, (codes, refs) in _references(kind, lang).items():
        parent: dict[str, Any] | None = schema
        parts = path.replace("[]", "").split(".")
        for part in parts[:-1]:
            prop = (parent or {}).get("properties", {}).get(part)
            parent = _resolve(schema, prop) if prop is not None else None
        prop = (parent or {}).get("properties", {}).get(parts[-1])
        if prop is not None:
            line = texts.fill(
                texts.localized(reference, lang),
                {"codes": ", ".join(codes), "references": "; ".join(refs)},
            )
            prop["description"] = f"{prop.get('description', '')} {line}".strip()
    schema.pop("title", None)
    schema.pop("description", None)  # the model's docstring, in English
    ordered: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"https://utvikling.invalid/schemas/{file_name(kind)}",
        "title": heading,
        "description": f"{heading}. {kind.pattern}",
    }
    ordered.update(schema)
    return ordered


def schema_text(
    kind: RecordKind, lang: str = "nb", authority: str | None = None, title: str | None = None
) -> str:
    """The schema as the file holds it."""
    schema = schema_for(kind, lang, authority, title)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(
    folder: Path,
    lang: str = "nb",
    *,
    force: bool = False,
    only: str | None = None,
    authority: str | None = None,
    title: str | None = None,
) -> list[Path]:
    """Write every kind's schema (or ``only`` that kind's) into ``folder``.

    ``lang``, ``authority`` and ``title`` are the repository's (see :func:`schema_for`).

    An existing file that differs is replaced only with ``force``; an equal one is left alone.

    Raises:
        FileExistsRefusedError: a schema file is there with other content (without ``force``).
    """
    from utvikling.errors import FileExistsRefusedError
    from utvikling.files import create_file, replace_file

    data = texts.data_file("schema.yaml")
    written: list[Path] = []
    for kind in KINDS:
        if only is not None and kind.id != only:
            continue
        target = folder / file_name(kind)
        text = schema_text(kind, lang, authority, title)
        if target.exists():
            if target.read_text(encoding="utf-8") == text:
                continue
            if not force:
                entry = data["exists"]
                message = texts.fill(texts.localized(entry["message"], lang), {})
                hint = texts.fill(texts.localized(entry["hint"], lang), {})
                raise FileExistsRefusedError(message, hint=hint, file=target)
            replace_file(target, text)
        else:
            create_file(target, text)
        written.append(target)
    return written


def repository_words(root: Path) -> tuple[str, str | None, str | None]:
    """The language, kind of authority and chief executive's title the schemas of ``root`` use.

    A folder that is no records repository gets the generic schemas: ``("nb", None, None)``.

    Raises:
        InputError: the repository's ``utvikling.yaml`` does not load.
    """
    from utvikling.records.repository import load_settings

    if not (root / "utvikling.yaml").is_file():
        return "nb", None, None
    context = load_settings(root)
    return context.language, context.kind, context.chief_title


def vscode_settings(lang: str = "nb") -> str:
    """``.vscode/settings.json``: every record folder mapped to its schema."""
    mapping: dict[str, list[str]] = {}
    for kind in KINDS:
        where = kind.folder or ""
        name = f"{kind.stem}.yaml" if kind.stem else "*.yaml"
        glob = f"{where}/**/{name}" if kind.in_conversation else f"{where}/{name}"
        mapping[f"./{SCHEMA_FOLDER}/{file_name(kind)}"] = [glob.lstrip("/")]
    settings = {"yaml.schemas": mapping, "files.encoding": "utf8"}
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def vscode_extensions() -> str:
    """``.vscode/extensions.json``: the YAML extension recommended."""
    return json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n"
