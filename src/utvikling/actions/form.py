"""The question form every guided command shares: progress, going back, help, validation.

A :class:`Form` knows its questions (computed from the answers so far, so a count or a yes
decides what comes next), the record's model, and the values the record starts from. It asks
through an :data:`Asker` (the CLI's terminal prompt; a list of lines in tests) and never touches
a terminal itself. Each answer is parsed by its kind, then checked against the model at once; a
refused answer is asked again with the reason. Typing ``<`` goes back, ``?`` shows the
question's help, ``-`` leaves the field empty, and Enter keeps the value shown in brackets. When
the user stops (Ctrl-C), :meth:`Form.pause` saves the answers so far under ``.utvikling/`` (git
ignores it, and only the user may read it); the next run may continue from there.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from utvikling import texts, yamlsafe
from utvikling.models._types import parse_amount

BACK = "<"
HELP = "?"
CLEAR = "-"


@dataclass(frozen=True)
class Choice:
    """One allowed answer: the value stored in the record and the label the user sees."""

    value: str
    label: str


@dataclass(frozen=True)
class Question:
    """One question: the field it fills (a dotted path, numbers for list positions)."""

    key: str
    kind: str
    """text, date, whole, amount, yesno, choice, list, items (points ``{text: …}``, one line
    separated by «;») or allowances (``navn: beløp; …``)."""
    label: str
    group: str = ""
    explain: str = ""
    choices: tuple[Choice, ...] = ()
    low: int = 0
    high: int = 999
    suggest: str | None = None
    """Another field whose value is the default while this one is empty (pay from the start)."""
    secret: bool = False
    """Salary and the like: never saved when the form pauses (asked again on resuming)."""
    check: Callable[[Any], str | None] | None = None
    """A further check of the parsed value: the reason to refuse it, or None."""


@dataclass(frozen=True)
class Prompt:
    """What the asker shows for one question."""

    question: Question
    number: int
    total: int
    shown: str
    """The current value as text, the default if Enter is pressed ("" for none)."""
    message: str = ""
    """A refusal or the help text, shown before the question is asked again."""
    new_group: bool = False


Asker = Callable[[Prompt], str]
"""Shows a prompt and returns what the user typed. Raises KeyboardInterrupt to pause."""


def _fold(text: str) -> str:
    """Lower case without accents and with æøå spelled out, for forgiving comparison."""
    text = text.strip().lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word(section: str, key: str, lang: str, **params: Any) -> str:
    entry = texts.data_file("forms.yaml")[section][key]
    return texts.fill(texts.localized(entry, lang), params)


_NUMERIC_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_WORDED_DATE = re.compile(r"^(\d{1,2})\.?\s+([^\W\d_]+)\s+(\d{4})$")


def parse_date(text: str) -> dt.date:
    """Read ``2027-03-01``, ``01.03.2027`` or «1. mars 2027».

    Raises:
        ValueError: none of these, or not a real day.
    """
    text = text.strip()
    with contextlib.suppress(ValueError):
        return dt.date.fromisoformat(text)
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
        return dt.date(year, month, day)
    worded = _WORDED_DATE.match(text)
    if worded:
        months = texts.data_file("forms.yaml")["months"]
        name = _fold(worded.group(2))
        for number, names in enumerate(months, start=1):
            folded = [_fold(n) for n in names]
            if name in folded or (len(name) >= 3 and folded[0].startswith(name)):
                return dt.date(int(worded.group(3)), number, int(worded.group(1)))
    raise ValueError(text)


def show(question: Question, value: Any, lang: str) -> str:
    """A value as the user sees it in brackets."""
    if value is None:
        return ""
    if question.kind == "yesno" and isinstance(value, bool):
        return _word("words", "yes" if value else "no", lang)
    if question.kind == "choice":
        for choice in question.choices:
            if choice.value == value:
                return choice.label
    if question.kind == "allowances" and isinstance(value, list):
        if not value:
            return _word("words", "no", lang)
        return "; ".join(f"{v.get('name', '')}: {v.get('amount', '')}" for v in value if v)
    if question.kind == "items" and isinstance(value, list):
        return "; ".join(str(v.get("text") or "") for v in value if isinstance(v, dict))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def parse(question: Question, text: str, lang: str) -> Any:
    """Turn one typed answer into the record's value.

    Raises:
        ValueError: the answer does not fit its kind; the text says why, in ``lang``.
    """
    text = text.strip()
    kind = question.kind
    if kind == "date":
        try:
            return parse_date(text)
        except ValueError:
            raise ValueError(_word("problem", "date", lang)) from None
    if kind == "whole":
        if not text.isdigit() or not question.low <= int(text) <= question.high:
            raise ValueError(_word("problem", "whole", lang, low=question.low, high=question.high))
        return int(text)
    if kind == "amount":
        amount = parse_amount(text)
        if amount is None:
            raise ValueError(_word("problem", "amount", lang))
        return amount
    if kind == "yesno":
        answer = _fold(text)
        if answer in ("ja", "j", "yes", "y"):
            return True
        if answer in ("nei", "n", "no"):
            return False
        raise ValueError(_word("problem", "yesno", lang))
    if kind == "choice":
        folded = _fold(text)
        for number, choice in enumerate(question.choices, start=1):
            if folded in (str(number), _fold(choice.label), _fold(choice.value)):
                return choice.value
        labels = ", ".join(c.label for c in question.choices)
        raise ValueError(_word("problem", "choice", lang, choices=labels))
    if kind == "list":
        return [item.strip() for item in text.split(";") if item.strip()]
    if kind == "items":
        return [{"text": item.strip()} for item in text.split(";") if item.strip()]
    if kind == "allowances":
        if _fold(text) in ("nei", "n", "ingen", "no"):
            return []
        entries = []
        for item in (part.strip() for part in text.split(";")):
            name, _, amount_text = item.rpartition(":")
            amount = parse_amount(amount_text)
            if not item or not name.strip() or amount is None:
                raise ValueError(_word("problem", "allowances", lang))
            entries.append({"name": name.strip(), "amount": amount})
        return entries
    return text


def help_text(question: Question, lang: str) -> str:
    """The explanation and how to write the answer."""
    labels = ", ".join(f"{n} {c.label}" for n, c in enumerate(question.choices, start=1))
    how = _word("help", question.kind, lang, low=question.low, high=question.high, choices=labels)
    keys = _word("words", "keys", lang)
    return "\n".join(part for part in (question.explain, how, keys) if part)


def get(data: Any, key: str) -> Any:
    """The value at a dotted path (numbers index lists), or None."""
    for part in key.split("."):
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def put(data: dict[str, Any], key: str, value: Any) -> None:
    """Set the value at a dotted path, creating groups and list positions as needed."""
    parts = key.split(".")
    target: Any = data
    for part, following in zip(parts, parts[1:], strict=False):
        container: Any = [] if following.isdigit() else {}
        if isinstance(target, list):
            index = int(part)
            while len(target) <= index:
                target.append(None)
            if not isinstance(target[index], (dict, list)):
                target[index] = container
            target = target[index]
        else:
            if not isinstance(target.get(part), (dict, list)):
                target[part] = container
            target = target[part]
    last = parts[-1]
    if isinstance(target, list):
        index = int(last)
        while len(target) <= index:
            target.append(None)
        target[index] = value
    else:
        target[last] = value


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v is not None and v != {}}
    if isinstance(value, list):
        return [_prune(v) if v is not None else {} for v in value]
    return value


def _merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
    return base


@dataclass
class Form:
    """A guided form over one record's values."""

    name: str
    """Names the saved answers: ``.utvikling/skjema-<name>.json``."""
    lang: str
    questions: Callable[[dict[str, Any]], list[Question]]
    values: dict[str, Any] = field(default_factory=dict)
    model: type[BaseModel] | None = None
    root: Path | None = None
    position: int = 0
    initial: dict[str, Any] = field(default_factory=dict)
    follow_language: bool = False
    """Speak the language the answers choose (``language``), as ``init`` asks it first."""

    def __post_init__(self) -> None:
        self.initial = copy.deepcopy(self.values)

    def refusal(self, question: Question, value: Any) -> str | None:
        """The model's reason to refuse ``value`` for ``question``, or None."""
        if self.model is None or question.key.startswith("_"):
            return None
        trial = {k: v for k, v in copy.deepcopy(self.values).items() if not k.startswith("_")}
        put(trial, question.key, value)
        try:
            self.model.model_validate(_prune(trial))
        except ValidationError as problem:
            from utvikling.records.load import schema_findings

            document = yamlsafe.parse(b"{}\n")
            found = schema_findings(problem, self.model, document, "", self.lang)
            errors = problem.errors(include_url=False, include_input=False)
            for error, finding in zip(errors, found, strict=False):
                place = ".".join(str(p) for p in error["loc"])
                if place == question.key or place.startswith(question.key + "."):
                    return " ".join(part for part in (finding.message, finding.hint) if part)
        return None

    def run(self, ask: Asker) -> dict[str, Any]:
        """Ask every question from :attr:`position` on; return the values.

        Raises:
            KeyboardInterrupt: the user stopped; :attr:`position` is where.
        """
        message = ""
        group = None
        while True:
            if self.follow_language and self.values.get("language") in ("nb", "nn"):
                self.lang = self.values["language"]
            questions = self.questions(self.values)
            if self.position >= len(questions):
                return self.values
            question = questions[self.position]
            current = get(self.values, question.key)
            if current is None and question.suggest:
                current = get(self.values, question.suggest)
            prompt = Prompt(
                question,
                self.position + 1,
                len(questions),
                show(question, current, self.lang),
                message,
                new_group=question.group != group,
            )
            group = question.group
            message = ""
            reply = ask(prompt).strip()
            if reply == BACK:
                if self.position == 0:
                    message = _word("words", "first", self.lang)
                else:
                    self.position -= 1
                    group = None
                continue
            if reply == HELP:
                message = help_text(question, self.lang)
                continue
            if reply == CLEAR:
                value: Any = None
            elif reply == "":
                value = current
            else:
                try:
                    value = parse(question, reply, self.lang)
                except ValueError as problem:
                    message = _word("words", "refused", self.lang, reason=problem)
                    continue
            reason = None
            if value is not None and question.check is not None:
                reason = question.check(value)
            if value is not None and reason is None:
                reason = self.refusal(question, value)
            if reason:
                message = _word("words", "refused", self.lang, reason=reason)
                continue
            put(self.values, question.key, value)
            self.position += 1

    def saved_path(self) -> Path | None:
        """Where the answers so far are kept between runs."""
        return None if self.root is None else self.root / ".utvikling" / f"skjema-{self.name}.json"

    def pause(self) -> Path | None:
        """Save the answers so far (only the user may read the file); return its path."""
        path = self.saved_path()
        if path is None:
            return None
        ignore = path.parent / ".gitignore"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not ignore.exists():
            ignore.write_text("# Made by utvikling: never committed.\n*\n", encoding="utf-8")
        values = copy.deepcopy(self.values)
        position = self.position
        for number, question in enumerate(self.questions(self.values)):
            if question.secret and get(values, question.key) is not None:
                put(values, question.key, None)
                if number < position and get(self.initial, question.key) != get(
                    self.values, question.key
                ):
                    position = number  # an answer not saved is asked again
        state = {"position": position, "values": _prune(values)}
        text = json.dumps(state, ensure_ascii=False, default=str, indent=1)
        handle = os.open(path.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        path.with_suffix(".tmp").replace(path)
        return path

    def saved(self) -> tuple[int, dict[str, Any]] | None:
        """The answers an earlier run saved: (position, values), or None."""
        path = self.saved_path()
        if path is None or not path.is_file():
            return None
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
            return int(state["position"]), dict(state["values"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def resume(self) -> None:
        """Continue from the saved answers (on top of the values the form started from)."""
        state = self.saved()
        if state is not None:
            self.position, saved = state
            self.values = _merge(copy.deepcopy(self.initial), saved)

    def forget(self) -> None:
        """Remove the saved answers (the form is done, or the user starts afresh)."""
        path = self.saved_path()
        if path is not None:
            path.unlink(missing_ok=True)


def choices(section: str, values: tuple[str, ...], lang: str) -> tuple[Choice, ...]:
    """Choices with labels from ``data/conversation.yaml``'s ``section`` (theme, role …)."""
    table = texts.data_file("conversation.yaml")[section]
    return tuple(Choice(v, texts.localized(table.get(v, v), lang)) for v in values)
