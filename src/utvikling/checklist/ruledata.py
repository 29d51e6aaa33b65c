"""The rule data (``data/rules.yaml``) and its schema.

Every rule is data: its code, what it applies to, its severity and the wording class of its
source, the check (generic forms or a named predicate), the thresholds the check uses
(``params``), whether it blocks approving the minutes, and its texts and references. The file is
validated by the models below when it is read: an unknown key or a wrong type is an error that
names the file, line and column, so a typo in the data cannot silently switch a rule off.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from utvikling import texts
from utvikling.errors import UtviklingError, schema_problems
from utvikling.findings import Severity
from utvikling.yamlsafe import Document

RULES_FILE = "rules.yaml"

Scope = Literal["settings", "agreement", "plan", "conversation", "repository"]
Wording = Literal["law", "skal", "må", "bør", "anbefaler", "viktig", "advice"]
"""The class of the source's wording, which the severity follows (domain spec §0.1)."""
ParamValue = int | float | str | bool | list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(_Strict):
    """A text in bokmål and nynorsk."""

    nb: str
    nn: str

    def get(self, lang: str) -> str:
        """Return the text in ``lang`` (bokmål when ``lang`` is unknown)."""
        return self.nn if lang == "nn" else self.nb


class Reference(_Strict):
    """A legal or KS reference; ``verified`` is false where the spec marks it unverified."""

    text: Localized | str
    verified: bool

    def render(self, lang: str) -> str:
        """Return the reference in ``lang``, marked when it is not verified."""
        text = self.text.get(lang) if isinstance(self.text, Localized) else self.text
        return text if self.verified else f"{text} – {texts.word('unverified', lang)}"


class Check(_Strict):
    """What a rule checks: one of the generic forms, or a named predicate."""

    required: tuple[str, ...] = ()
    """Fields that must be filled in."""
    answered: tuple[str, ...] = ()
    """Fields that must be answered, but may be false, 0 or an empty list."""
    present: str | None = None
    """A group where at least one field must be filled in."""
    conditional: str | None = None
    """An item that must say ``agreed: true`` or ``false``."""
    when_agreed: tuple[str, ...] = ()
    """The fields a conditional item needs when it is agreed."""
    predicate: str | None = None
    """The name of a function in ``checklist/predicates.py``."""

    @model_validator(mode="after")
    def _one_form(self) -> Check:
        forms = [self.required, self.answered, self.present, self.conditional, self.predicate]
        if sum(1 for f in forms if f) != 1:
            raise ValueError(
                "a check has exactly one of required, answered, present, conditional or predicate"
            )
        if self.when_agreed and not self.conditional:
            raise ValueError("when_agreed belongs to a conditional check")
        return self


class Rule(_Strict):
    """One checklist item."""

    code: str = Field(pattern=r"^[A-Z][0-9]{3}$")
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    applies_to: Scope
    severity: Severity
    source_wording: Wording
    check: Check
    params: dict[str, ParamValue] = Field(default_factory=dict)
    """Thresholds the check uses; also available to the rule's texts as ``{name}``."""
    statutory: bool = False
    """An item of the statutory minimum (aml. § 14-6): for a leader agreement that supplements
    an employment agreement, it is checked in the employment agreement, and every other
    agreement rule in the leader agreement."""
    every_agreement: bool = False
    """Checked in each agreement of a supplemented pair, employment and leader agreement alike
    (their dates: each has its own end)."""
    blocks_approval: bool = False
    """A finding of this rule stops the minutes from being approved or rendered as final."""
    suppressible: bool = True
    """False for a rule that guards integrity (the lock on reported minutes): a record cannot
    switch it off, and it applies to records however old they are."""
    label: Localized
    message: Localized | None = None
    hint: Localized
    references: tuple[Reference, ...] = ()

    def matches(self, patterns: Sequence[str]) -> bool:
        """Tell whether this rule's code starts with any of ``patterns``."""
        return any(self.code.startswith(p.upper()) for p in patterns)

    def param(self, name: str) -> ParamValue:
        """Return the threshold ``name``; a rule whose data lacks it is a bug in the data."""
        try:
            return self.params[name]
        except KeyError:
            raise RuleDataError(
                f"Regel {self.code} mangler parameteren «{name}» i {RULES_FILE}.",
                hint=f"Legg til params: {{{name}: …}} under regel {self.code}.",
                file=RULES_FILE,
            ) from None

    def number(self, name: str) -> int:
        """Return the whole-number threshold ``name``."""
        value = self.param(name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleDataError(
                f"Parameteren «{name}» i regel {self.code} må være et heltall.",
                hint="Skriv et tall uten anførselstegn.",
                file=RULES_FILE,
            )
        return value

    def names(self, name: str) -> frozenset[str]:
        """Return the list threshold ``name`` as a set."""
        value = self.param(name)
        return frozenset(value) if isinstance(value, list) else frozenset([str(value)])


class RuleFile(_Strict):
    """The whole rules file."""

    history_days: int = Field(gt=0)
    """Records older than this are checked only with ``--history`` (they cannot be changed)."""
    rules: tuple[Rule, ...]

    @model_validator(mode="after")
    def _unique(self) -> RuleFile:
        codes = [r.code for r in self.rules]
        twice = sorted({c for c in codes if codes.count(c) > 1})
        if twice:
            raise ValueError(f"rule codes used twice: {', '.join(twice)}")
        return self


class RuleDataError(UtviklingError):
    """The rule data is not well formed (a mistake in ``rules.yaml``, not in the records)."""


def parse_rules(document: Document, document_name: str = RULES_FILE) -> RuleFile:
    """Validate the rules file; every problem is reported with its line and column.

    Raises:
        RuleDataError: the file does not match the schema.
    """
    try:
        return RuleFile.model_validate(document.data)
    except ValidationError as exc:
        lines, (line, column) = schema_problems(exc, document, document_name)
        raise RuleDataError(
            "Regeldataene er ikke gyldige:\n" + "\n".join(lines),
            hint="Rett feltene som er nevnt; se forklaringen øverst i rules.yaml.",
            file=document_name,
            line=line,
            column=column,
        ) from None


@cache
def rule_file() -> RuleFile:
    """Return the validated rules file (read once)."""
    return parse_rules(texts.data_document(RULES_FILE))


def rules() -> tuple[Rule, ...]:
    """Return every rule, in the order of the data file."""
    return rule_file().rules


@cache
def rule_codes() -> frozenset[str]:
    """Return the set of all rule codes."""
    return frozenset(r.code for r in rules())


@cache
def unsuppressible_codes() -> frozenset[str]:
    """The codes of the rules that guard integrity (``suppressible: false``)."""
    return frozenset(r.code for r in rules() if not r.suppressible)


def approval_blockers() -> frozenset[str]:
    """The codes whose findings stop the minutes from being approved (``blocks_approval``)."""
    return frozenset(r.code for r in rules() if r.blocks_approval)
