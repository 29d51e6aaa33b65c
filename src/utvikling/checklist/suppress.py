"""Suppressions: a record may switch a rule off for itself, with a reason."""

from __future__ import annotations

from collections.abc import Sequence

from utvikling import texts
from utvikling.checklist.ruledata import rule_codes, unsuppressible_codes
from utvikling.findings import Finding
from utvikling.records.loaded import LoadedRecord

NON_SUPPRESSIBLE = ("Y", "S", "R", "D")
"""Code prefixes for file, structure, repository and document problems: never switched off."""


def apply_suppressions(
    findings: list[Finding],
    records: Sequence[LoadedRecord],
    settings: LoadedRecord | None,
    lang: str,
) -> list[Finding]:
    """Drop findings a record suppresses with a reason; report bad or unused suppressions.

    A suppression in a record applies to findings in that file; one in ``utvikling.yaml``
    applies to the whole repository.
    """
    result: list[Finding] = []
    wanted: dict[tuple[str, str | None], tuple[LoadedRecord, int]] = {}
    known = rule_codes()
    guarded = unsuppressible_codes()
    for record in records:
        for index, item in enumerate(getattr(record.model, "suppress", None) or []):
            path = ("suppress", index)
            line, column = record.position(path)
            code = item.code.strip().upper()
            if code not in known:
                message, hint = texts.message("R004", lang, {"code": item.code})
                result.append(Finding("R004", "warning", message, hint, record.path, line, column))
            elif code in guarded:
                message, hint = texts.message("R009", lang, {"code": code})
                result.append(Finding("R009", "warning", message, hint, record.path, line, column))
            elif not (item.reason or "").strip():
                message, hint = texts.message("R003", lang, {"code": code})
                result.append(Finding("R003", "error", message, hint, record.path, line, column))
            else:
                scope = None if record is settings else record.path
                wanted[(code, scope)] = (record, index)
    used: set[tuple[str, str | None]] = set()
    for finding in findings:
        if finding.code.startswith(NON_SUPPRESSIBLE):
            result.append(finding)
            continue
        for scope in (finding.file, None):
            if (finding.code, scope) in wanted:
                used.add((finding.code, scope))
                break
        else:
            result.append(finding)
    for key, (record, index) in wanted.items():
        if key not in used:
            line, column = record.position(("suppress", index))
            message, hint = texts.message("R005", lang, {"code": key[0]})
            result.append(Finding("R005", "info", message, hint, record.path, line, column))
    return result
