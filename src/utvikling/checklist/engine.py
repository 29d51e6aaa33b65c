"""The rule engine: rules are data (``data/rules.yaml``); this module applies them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from utvikling import texts
from utvikling.checklist.context import (
    Conversation,
    FieldPath,
    LoadedRecord,
    RepositoryContext,
)

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

HISTORY_DAYS = 400
"""Records older than this are checked only with ``--history`` (they cannot be changed now)."""

NON_SUPPRESSIBLE = ("Y", "S", "R", "D")
"""Code prefixes for file, structure, repository and document problems: never switched off."""


@dataclass(frozen=True)
class Finding:
    """One thing to tell the user about a record, with where it is and how to fix it."""

    code: str
    severity: Severity
    message: str
    hint: str = ""
    file: str | None = None
    line: int | None = None
    column: int | None = None
    references: tuple[str, ...] = ()
    field: str | None = None

    def location(self) -> str:
        """Return ``file:line:col``."""
        parts = [self.file or "."]
        if self.line is not None:
            parts += [str(self.line), str(self.column or 1)]
        return ":".join(parts)

    def format(self, lang: str = "nb") -> str:
        """Return the finding as the line(s) ``check`` prints."""
        refs = f" ({'; '.join(self.references)})" if self.references else ""
        word = texts.word(f"severity.{self.severity}", lang)
        text = f"{self.location()}: {self.code} {word}: {self.message}{refs}"
        return f"{text}\n    {self.hint}" if self.hint else text

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as plain data for ``--json``."""
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "references": list(self.references),
        }


@dataclass(frozen=True)
class Reference:
    """A legal or KS reference; ``verified`` is false where the spec marks it unverified."""

    text: dict[str, str] | str
    verified: bool

    def render(self, lang: str) -> str:
        """Return the reference in ``lang``, marked when it is not verified."""
        text = texts.localized(self.text, lang)
        return text if self.verified else f"{text} – {texts.word('unverified', lang)}"


@dataclass(frozen=True)
class Rule:
    """One checklist item."""

    code: str
    id: str
    applies_to: str
    severity: Severity
    check: dict[str, Any]
    label: dict[str, str]
    hint: dict[str, str]
    message: dict[str, str] | None = None
    references: tuple[Reference, ...] = field(default=())

    def matches(self, patterns: Sequence[str]) -> bool:
        """Tell whether this rule's code starts with any of ``patterns``."""
        return any(self.code.startswith(p.upper()) for p in patterns)


@cache
def rules() -> tuple[Rule, ...]:
    """Return every rule, in the order of the data file."""
    result = []
    for raw in texts.data_file("rules.yaml")["rules"]:
        refs = tuple(Reference(r["text"], bool(r["verified"])) for r in raw.get("references", []))
        result.append(
            Rule(
                code=raw["code"],
                id=raw["id"],
                applies_to=raw["applies_to"],
                severity=raw["severity"],
                check=raw["check"],
                label=raw["label"],
                hint=raw["hint"],
                message=raw.get("message"),
                references=refs,
            )
        )
    return tuple(result)


@cache
def rule_codes() -> frozenset[str]:
    """Return the set of all rule codes."""
    return frozenset(r.code for r in rules())


@dataclass
class Hit:
    """A predicate's report: which record, which field, and values for the message."""

    record: LoadedRecord | None
    path: FieldPath | None = None
    params: dict[str, Any] = field(default_factory=dict)


Predicate = Callable[[RepositoryContext, Any], Iterable[Hit]]


def get(model: Any, path: FieldPath) -> Any:
    """Follow ``path`` through nested models, returning None where it stops."""
    value = model
    for part in path:
        if value is None:
            return None
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        else:
            value = getattr(value, part, None)
    return value


def is_blank(value: Any) -> bool:
    """Tell whether a value counts as not filled in."""
    if value is None:
        return True
    if isinstance(value, str | list | dict):
        return len(value) == 0
    if isinstance(value, BaseModel):
        return all(is_blank(getattr(value, name)) for name in type(value).model_fields)
    return False


def split(path: str) -> FieldPath:
    """Split a dotted field path from the rules data."""
    return tuple(path.split("."))


def _generic_hits(rule: Rule, record: LoadedRecord) -> Iterator[Hit]:
    model = record.model
    check = rule.check
    missing = [path for path in check.get("required", []) if is_blank(get(model, split(path)))]
    if missing:  # one finding for the item, naming every field it lacks
        yield Hit(
            record,
            split(missing[0]),
            {"field": missing[0], "_kind": "required", "_fields": missing},
        )
    for path in check.get("answered", []):
        if get(model, split(path)) is None:
            yield Hit(record, split(path), {"field": path, "_kind": "answered"})
    if "present" in check:
        path = check["present"]
        if is_blank(get(model, split(path))):
            yield Hit(record, split(path), {"field": path, "_kind": "present"})
    if "conditional" in check:
        base = check["conditional"]
        agreed = get(model, (*split(base), "agreed"))
        if agreed is None:
            field_name = f"{base}.agreed"
            yield Hit(record, split(field_name), {"field": field_name, "_kind": "conditional"})
        elif agreed:
            for name in check.get("when_agreed", []):
                field_name = f"{base}.{name}"
                if is_blank(get(model, split(field_name))):
                    yield Hit(
                        record, split(field_name), {"field": field_name, "_kind": "when_agreed"}
                    )


def _terms(context: RepositoryContext) -> dict[str, str]:
    """The glossary words for this repository's kind, language and chief executive's title."""
    settings = context.settings.model if context.settings else None
    kind = getattr(getattr(settings, "municipality", None), "kind", None)
    title = getattr(getattr(settings, "chief_executive", None), "title", None)
    return texts.terms(kind, context.language, title)


def _finding(rule: Rule, hit: Hit, lang: str, words: dict[str, str]) -> Finding:
    params = {**words, **{k: v for k, v in hit.params.items() if not k.startswith("_")}}
    params.setdefault("label", texts.fill(texts.localized(rule.label, lang), words))
    params.setdefault("subject", texts.word(f"subject.{rule.applies_to}", lang))
    kind = hit.params.get("_kind")
    if rule.message is not None and kind != "when_agreed":
        message = texts.fill(texts.localized(rule.message, lang), params)
    else:
        message, _ = texts.message(f"check.{kind}", lang, params)
    if message.startswith(params["label"]):
        message = message[0].upper() + message[1:]
    hint = texts.fill(texts.localized(rule.hint, lang), params)
    if kind is not None and "field" in params:
        fields = hit.params.get("_fields") or [params["field"]]
        joined = f" {words['and']} ".join(f"«{name}»" for name in fields)
        hint = texts.message("check.fill_in", lang, {**params, "fields": joined})[0] + hint
    file = line = column = None
    if hit.record is not None:
        file = hit.record.path
        line, column = hit.record.position(hit.path)
    return Finding(
        code=rule.code,
        severity=rule.severity,
        message=message,
        hint=hint,
        file=file,
        line=line,
        column=column,
        references=tuple(ref.render(lang) for ref in rule.references),
        field=".".join(str(p) for p in hit.path) if hit.path else None,
    )


def is_current(day: dt.date | None, context: RepositoryContext) -> bool:
    """Tell whether a record dated ``day`` is recent enough to check without ``--history``."""
    if context.history or day is None:
        return True
    return (context.today - day).days <= HISTORY_DAYS


def _subjects(rule: Rule, context: RepositoryContext) -> Iterator[Any]:
    """Yield what a rule applies to: records, conversations or the repository itself."""
    from utvikling.models import Agreement, Plan

    if rule.applies_to == "settings":
        if context.settings is not None:
            yield context.settings
    elif rule.applies_to == "agreement":
        for record in context.agreements:
            assert isinstance(record.model, Agreement)
            if not record.model.superseded_by:
                yield record
    elif rule.applies_to == "plan":
        for record in context.plans:
            assert isinstance(record.model, Plan)
            end = record.model.period.end if record.model.period else None
            if is_current(end, context):
                yield record
    elif rule.applies_to == "conversation":
        for conversation in context.conversations:
            if is_current(conversation.date, context):
                yield conversation
    else:
        yield context


def run_rules(
    context: RepositoryContext,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Finding]:
    """Apply every selected rule to the repository and return the findings, unsuppressed."""
    from utvikling.checklist import predicates

    findings: list[Finding] = []
    words = _terms(context)
    for rule in rules():
        if (select and not rule.matches(select)) or (ignore and rule.matches(ignore)):
            continue
        for subject in _subjects(rule, context):
            if "predicate" in rule.check:
                function: Predicate = getattr(predicates, rule.check["predicate"])
                hits: Iterable[Hit] = function(context, subject)
            else:
                assert isinstance(subject, LoadedRecord)
                hits = _generic_hits(rule, subject)
            findings.extend(_finding(rule, hit, context.language, words) for hit in hits)
    return findings


def conversation_record(conversation: Conversation, *kinds: str) -> LoadedRecord | None:
    """Return the first of ``kinds`` that the conversation has, to report a finding in."""
    for kind in kinds:
        if kind in conversation.records:
            return conversation.records[kind]
    return None
