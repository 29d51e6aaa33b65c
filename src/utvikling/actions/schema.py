"""JSON Schemas for the record kinds, generated from the models, for editors.

Every field gets a Norwegian title and description (the model's description, and the checklist
rules that require the field with their legal references), every allowed value a Norwegian
label (``enumDescriptions``, which the YAML language server shows beside the value). The
schemas are written to ``schemas/`` in a repository (``init`` does it, ``utvikling schema
--output`` too), and records the tool creates name theirs in their first line.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.models.kinds import KINDS, RecordKind

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
    """The object schema a property points at ($ref, or the one non-null choice)."""
    if "$ref" in node:
        return dict(schema["$defs"]).get(node["$ref"].rsplit("/", 1)[-1])
    for choice in node.get("anyOf", []):
        if choice.get("type") != "null":
            return _resolve(schema, choice) if "$ref" in choice else choice
    if node.get("type") == "array":
        return _resolve(schema, node.get("items", {}))
    return None


_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _annotate(node: Any, labels: dict[str, Any], lang: str) -> None:
    """Norwegian titles on every property and labels on every allowed value, in place."""
    if isinstance(node, dict):
        for short, keyword in _BOUNDS.items():  # constraints pydantic left in its own words
            if short in node and isinstance(node[short], (int, float)):
                node[keyword] = node.pop(short)
        for name, prop in node.get("properties", {}).items():
            description = prop.get("description") or name
            prop["title"] = _title(description)
        if "enum" in node:
            node["enumDescriptions"] = [
                texts.localized(labels.get(str(v), str(v)), lang) for v in node["enum"]
            ]
        if "const" in node and str(node["const"]) in labels:
            node["description"] = texts.localized(labels[str(node["const"])], lang)
        for value in node.values():
            _annotate(value, labels, lang)
    elif isinstance(node, list):
        for value in node:
            _annotate(value, labels, lang)


def schema_for(kind: RecordKind, lang: str = "nb") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one record kind, with the Norwegian words."""
    data = texts.data_file("schema.yaml")
    schema: dict[str, Any] = copy.deepcopy(
        kind.model.model_json_schema(mode="validation", schema_generator=_generator())
    )
    title = texts.localized(data["titles"][kind.id], lang)
    _annotate(schema, data["labels"], lang)
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
    ordered: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"https://utvikling.invalid/schemas/{file_name(kind)}",
        "title": title,
        "description": f"{title}. {kind.pattern}",
    }
    ordered.update(schema)
    return ordered


def schema_text(kind: RecordKind, lang: str = "nb") -> str:
    """The schema as the file holds it."""
    return json.dumps(schema_for(kind, lang), ensure_ascii=False, indent=2) + "\n"


def write_schemas(
    folder: Path, lang: str = "nb", *, force: bool = False, only: str | None = None
) -> list[Path]:
    """Write every kind's schema (or ``only`` that kind's) into ``folder``.

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
        text = schema_text(kind, lang)
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
