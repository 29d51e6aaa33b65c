"""The checklist: rules as data, applied to loaded records, giving findings.

Nothing here reads files or prints; ``records`` loads, the CLI prints.
"""

from utvikling.checklist.context import Conversation, LoadedRecord, RepositoryContext
from utvikling.checklist.engine import (
    NON_SUPPRESSIBLE,
    SEVERITIES,
    Finding,
    Reference,
    Rule,
    Severity,
    rule_codes,
    rules,
    run_rules,
)

__all__ = [
    "NON_SUPPRESSIBLE",
    "SEVERITIES",
    "Conversation",
    "Finding",
    "LoadedRecord",
    "Reference",
    "RepositoryContext",
    "Rule",
    "Severity",
    "rule_codes",
    "rules",
    "run_rules",
]
