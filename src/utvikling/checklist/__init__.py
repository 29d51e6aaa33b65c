"""The checklist: rules as data, applied to loaded records, giving findings.

Nothing here reads record files or prints; ``records`` loads, the CLI prints.
"""

from utvikling.checklist.engine import run_rules
from utvikling.checklist.ruledata import Reference, Rule, approval_blockers, rule_codes, rules
from utvikling.checklist.suppress import NON_SUPPRESSIBLE, apply_suppressions

__all__ = [
    "NON_SUPPRESSIBLE",
    "Reference",
    "Rule",
    "apply_suppressions",
    "approval_blockers",
    "rule_codes",
    "rules",
    "run_rules",
]
