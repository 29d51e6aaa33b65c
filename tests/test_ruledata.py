"""The rule data's own schema: a typo in rules.yaml is an error with its place, never ignored."""

from __future__ import annotations

import pytest

from utvikling import texts
from utvikling.checklist.ruledata import RuleDataError, approval_blockers, parse_rules, rules
from utvikling.yamlsafe import parse

RULE = """\
history_days: 400
rules:
  - code: P102
    id: goal_count
    applies_to: plan
    severity: warning
    source_wording: bør
    check: {predicate: goal_count}
    params: {min_goals: 3, max_goals: 5}
    label: {nb: antall mål, nn: talet på mål}
    hint: {nb: "Få mål.", nn: "Få mål."}
"""


def _error(text: str) -> RuleDataError:
    with pytest.raises(RuleDataError) as caught:
        parse_rules(parse(text.encode()), "rules.yaml")
    return caught.value


def test_a_well_formed_rule_reads_with_its_params() -> None:
    rule = parse_rules(parse(RULE.encode())).rules[0]
    assert (rule.number("min_goals"), rule.number("max_goals")) == (3, 5)


def test_an_unknown_key_is_an_error_at_its_line() -> None:
    error = _error(RULE.replace("    params:", "    parmas:"))
    assert (error.file, error.line, error.column) == ("rules.yaml", 9, 5)
    assert "rules.0.parmas: Extra inputs are not permitted" in error.message


def test_a_wrong_type_is_an_error_at_its_line() -> None:
    error = _error(RULE.replace("severity: warning", "severity: serious"))
    assert (error.line, error.column) == (6, 15)
    assert "rules.0.severity" in error.message


def test_a_check_has_exactly_one_form() -> None:
    error = _error(
        RULE.replace("{predicate: goal_count}", "{predicate: goal_count, required: [x]}")
    )
    assert "exactly one of required, answered, present, conditional or predicate" in error.message


def test_a_code_used_twice_is_refused() -> None:
    twice = RULE + RULE.split("rules:\n", 1)[1]
    assert "rule codes used twice: P102" in _error(twice).message


def test_a_missing_threshold_names_the_rule_and_the_parameter() -> None:
    rule = parse_rules(
        parse(RULE.replace("    params: {min_goals: 3, max_goals: 5}\n", "").encode())
    )
    with pytest.raises(RuleDataError) as caught:
        rule.rules[0].number("min_goals")
    assert caught.value.message == "Regel P102 mangler parameteren «min_goals» i rules.yaml."


def test_the_shipped_rules_validate_and_every_predicate_exists() -> None:
    from utvikling.checklist import predicates

    shipped = parse_rules(texts.data_document("rules.yaml"))
    assert shipped.rules == rules()
    for rule in shipped.rules:
        if rule.check.predicate:
            assert callable(getattr(predicates, rule.check.predicate, None)), rule.code


def test_the_approval_blockers_come_from_the_data() -> None:
    assert approval_blockers() == {"C201", "C202", "C203", "C206"}


def test_thresholds_from_the_data_reach_the_message() -> None:
    goal_count = next(r for r in rules() if r.code == "P102")
    assert "{min_goals} til {max_goals}" in goal_count.message.nb  # type: ignore[union-attr]
