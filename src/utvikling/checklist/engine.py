"""The rule engine: rules are data (``data/rules.yaml``); this module applies them."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from utvikling import texts
from utvikling.checklist import predicates
from utvikling.checklist.common import Hit, Predicate, get, is_blank, is_current, split
from utvikling.checklist.ruledata import Rule, rules
from utvikling.findings import Finding
from utvikling.models import Agreement, Plan
from utvikling.records.loaded import LoadedRecord, RepositoryContext, supplements_another


def _generic_hits(rule: Rule, record: LoadedRecord) -> Iterator[Hit]:
    model = record.model
    check = rule.check
    missing = [path for path in check.required if is_blank(get(model, split(path)))]
    if missing:  # one finding for the item, naming every field it lacks
        yield Hit(
            record,
            split(missing[0]),
            {"field": missing[0], "_kind": "required", "_fields": missing},
        )
    for path in check.answered:
        if get(model, split(path)) is None:
            yield Hit(record, split(path), {"field": path, "_kind": "answered"})
    if check.present is not None:
        path = check.present
        if is_blank(get(model, split(path))):
            yield Hit(record, split(path), {"field": path, "_kind": "present"})
    if check.conditional is not None:
        base = check.conditional
        agreed = get(model, (*split(base), "agreed"))
        if agreed is None:
            field_name = f"{base}.agreed"
            yield Hit(record, split(field_name), {"field": field_name, "_kind": "conditional"})
        elif agreed:
            for name in check.when_agreed:
                field_name = f"{base}.{name}"
                if is_blank(get(model, split(field_name))):
                    yield Hit(
                        record, split(field_name), {"field": field_name, "_kind": "when_agreed"}
                    )


@dataclass(frozen=True)
class _Wording:
    """What every finding of one rule in one language shares, made once per check."""

    params: dict[str, Any]
    references: tuple[str, ...]


def _wording(rule: Rule, lang: str, words: dict[str, str]) -> _Wording:
    params: dict[str, Any] = {**words, **rule.params}
    params.setdefault("label", texts.fill(rule.label.get(lang), words))
    params.setdefault("subject", texts.word(f"subject.{rule.applies_to}", lang))
    return _Wording(params, tuple(ref.render(lang) for ref in rule.references))


def _finding(rule: Rule, hit: Hit, lang: str, words: dict[str, str], wording: _Wording) -> Finding:
    params: dict[str, Any] = dict(wording.params)
    params.update({k: v for k, v in hit.params.items() if not k.startswith("_")})
    kind = hit.params.get("_kind")
    if rule.message is not None and kind != "when_agreed":
        message = texts.fill(rule.message.get(lang), params)
    else:
        message, _ = texts.message(f"check.{kind}", lang, params)
    if message.startswith(params["label"]):
        message = message[0].upper() + message[1:]
    hint = texts.fill(rule.hint.get(lang), params)
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
        references=wording.references,
        field=".".join(str(p) for p in hit.path) if hit.path else None,
    )


def _subjects(rule: Rule, context: RepositoryContext) -> Iterator[Any]:
    """Yield what a rule applies to: records, conversations or the repository itself."""
    if rule.applies_to == "settings":
        if context.settings is not None:
            yield context.settings
    elif rule.applies_to == "agreement":
        # A leader agreement and the employment agreement it supplements are one agreement:
        # the statutory items are checked in the employment agreement, the rest in the leader
        # agreement (A407 reports a supplemented agreement that is not in the repository).
        supplemented = context.supplemented_agreements()
        for record in context.agreements:
            model = record.model
            if not isinstance(model, Agreement) or model.superseded_by:
                continue
            if rule.every_agreement:
                ours = True
            elif rule.statutory:
                ours = not supplements_another(model)
            else:
                ours = record.path not in supplemented
            if ours:
                yield record
    elif rule.applies_to == "plan":
        for record in context.plans:
            period = record.model.period if isinstance(record.model, Plan) else None
            if is_current(period.end if period else None, context):
                yield record
    elif rule.applies_to == "conversation":
        for conversation in context.conversations:
            # Integrity does not age: a rule that guards it applies to every conversation.
            if not rule.suppressible or is_current(conversation.date, context):
                yield conversation
    else:
        yield context


@functools.cache
def predicate(name: str) -> Predicate:
    """Return the named predicate of ``checklist/predicates.py``."""
    function: Predicate = getattr(predicates, name)
    return function


def _subject_key(rule: Rule) -> tuple[str, bool, bool, bool]:
    """What :func:`_subjects` depends on besides the repository: rules alike share the list."""
    return (rule.applies_to, rule.every_agreement, rule.statutory, rule.suppressible)


def run_rules(
    context: RepositoryContext,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Finding]:
    """Apply every selected rule to the repository and return the findings, unsuppressed."""
    findings: list[Finding] = []
    words = context.terms()
    lang = context.language
    context.memo.clear()  # what the rules share is computed from the records as they are now
    subjects: dict[tuple[str, bool, bool, bool], list[Any]] = {}
    for rule in rules():
        if (select and not rule.matches(select)) or (ignore and rule.matches(ignore)):
            continue
        key = _subject_key(rule)
        if key not in subjects:
            subjects[key] = list(_subjects(rule, context))
        wording: _Wording | None = None
        for subject in subjects[key]:
            hits: Iterable[Hit]
            if rule.check.predicate is not None:
                hits = predicate(rule.check.predicate)(context, subject, rule)
            elif isinstance(subject, LoadedRecord):
                hits = _generic_hits(rule, subject)
            else:
                continue
            for hit in hits:
                if wording is None:
                    wording = _wording(rule, lang, words)
                findings.append(_finding(rule, hit, lang, words, wording))
    return findings
