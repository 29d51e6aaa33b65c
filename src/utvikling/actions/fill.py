"""Guided filling of a conversation's forms: self-evaluation, evaluation, input, minutes.

The questions come from the record's model: one per field, its Norwegian description as the
question, in the order of the model, and per entry of a list the skeleton already holds (one per
goal). The answers are written back into the file with its comments kept
(:mod:`utvikling.records.roundtrip`), and committed like every other change.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from utvikling import texts
from utvikling.actions.form import Choice, Form, Question, get
from utvikling.actions.recording import Recorded, Recording
from utvikling.errors import InputError
from utvikling.models.kinds import KINDS, RecordKind
from utvikling.records.layout import resolve_conversation
from utvikling.records.load import load_answers
from utvikling.records.repository import load_settings

FILLABLE = ("self-evaluation", "evaluation", "input", "minutes")
"""The forms ``utvikling fill`` guides through, by file name."""


def _kind(stem: str) -> RecordKind:
    return next(k for k in KINDS if k.stem == stem)


def _unwrap(annotation: Any) -> Any:
    """``X | None`` → ``X``; ``Annotated[X, …]`` → ``X``."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [a for a in get_args(annotation) if a is not type(None)]
            annotation = rest[0] if len(rest) == 1 else str
        else:
            return annotation


def _bounds(info: Any) -> tuple[int, int]:
    low, high = 0, 100_000_000
    for meta in info.metadata:
        low = getattr(meta, "ge", low)
        high = getattr(meta, "le", high)
    annotated = info.annotation
    for part in get_args(annotated):
        for meta in getattr(part, "__metadata__", ()):
            for inner in getattr(meta, "metadata", ()) or ():
                low = getattr(inner, "ge", low)
                high = getattr(inner, "le", high)
    return int(low), int(high)


def _label(description: str | None, name: str) -> str:
    text = (description or name).strip()
    return text[:-1] if text.endswith(".") else text


def model_questions(
    model: type[BaseModel],
    values: dict[str, Any],
    lang: str,
    *,
    prefix: str = "",
    group: str = "",
    skip: tuple[str, ...] = (),
    identity: tuple[str, ...] = (),
) -> list[Question]:
    """A question per field of ``model`` (and of each entry its lists already hold).

    In an entry of a list, the fields in ``identity`` (the goal's label, the indicator's name)
    say which entry it is and are shown as the group's name instead of asked.
    """
    labels = texts.data_file("schema.yaml")["labels"]
    found: list[Question] = []
    in_entry = prefix.rstrip(".").rsplit(".", 1)[-1].isdigit() if prefix else False
    for name, info in model.model_fields.items():
        if name in skip or (in_entry and name in identity):
            continue
        key = f"{prefix}{name}"
        label = _label(info.description, name)
        kind = _unwrap(info.annotation)
        common: dict[str, Any] = {"group": group}
        if get_origin(kind) is Literal:
            options = tuple(
                Choice(str(v), texts.localized(labels.get(str(v), str(v)), lang))
                for v in get_args(kind)
            )
            found.append(Question(key, "choice", label, choices=options, **common))
        elif kind is bool:
            found.append(Question(key, "yesno", label, **common))
        elif kind is int:
            low, high = _bounds(info)
            money = high >= 1_000_000
            kind_of = "amount" if money else "whole"
            found.append(Question(key, kind_of, label, low=low, high=high, **common))
        elif kind is dt.date:
            found.append(Question(key, "date", label, **common))
        elif isinstance(kind, type) and issubclass(kind, BaseModel):
            found += model_questions(kind, values, lang, prefix=f"{key}.", group=label, skip=skip)
        elif get_origin(kind) is list:
            item = _unwrap(get_args(kind)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                for index, entry in enumerate(get(values, key) or []):
                    tag = entry.get("goal") or entry.get("group") or entry.get("name")
                    part = f"{label} – {tag}" if tag else f"{label} – {index + 1}"
                    found += model_questions(
                        item,
                        values,
                        lang,
                        prefix=f"{key}.{index}.",
                        group=part,
                        skip=skip,
                        identity=identity,
                    )
            else:
                found.append(Question(key, "list", label, **common))
        else:
            found.append(Question(key, "text", label, **common))
    return found


@dataclass
class Filling:
    """A form ready to run over one record, and where the record is."""

    form: Form
    path: Path
    before: dict[str, Any]
    root: Path
    lang: str


def start(root: Path, conversation: str, stem: str, *, day: dt.date) -> Filling:
    """Prepare the guided filling of ``conversations/<date>/<stem>.yaml``.

    Raises:
        InputError: no such record, a record that does not load, or minutes already reported.
    """
    context = load_settings(root, day)
    lang = context.language
    folder, _ = resolve_conversation(root, conversation)
    path = folder / f"{stem}.yaml"
    if not path.is_file():
        message, hint = texts.message("F101", lang, {"path": f"{folder.name}/{path.name}"})
        raise InputError(message, hint=hint, file=path)
    kind = _kind(stem)
    before = dict(load_answers(path, kind.id, lang).document.data)
    if stem == "minutes" and before.get("reported"):
        message, hint = texts.message("F102", lang)
        raise InputError(message, hint=hint, file=path)
    fill = texts.data_file("forms.yaml")["fill"]
    skip, identity = tuple(fill["skip"]), tuple(fill["identity"])
    form = Form(
        f"{stem}-{folder.name}",
        lang,
        lambda values: model_questions(kind.model, values, lang, skip=skip, identity=identity),
        _plain(before),
        kind.model,
        root,
    )
    return Filling(form, path, before, root, lang)


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    """The record's data as the form edits it (a deep copy)."""
    import copy

    return copy.deepcopy(data)


def finish(
    filling: Filling, values: dict[str, Any], *, commit: bool = True, base: Path | None = None
) -> Recorded:
    """Write the answers into the record, comments kept, and commit it.

    Raises:
        InputError: the answers do not make a valid record (should not happen: each was checked).
    """
    from utvikling.actions.agreement import prune
    from utvikling.records.roundtrip import EditRefused, edit_top_level

    values = {k: v for k, v in values.items() if not k.startswith("_")}
    kind = _kind(filling.path.stem)
    kind.model.model_validate(prune(values))
    changes = {
        key: value for key, value in values.items() if _text(value) != filling.before.get(key)
    }
    recording = Recording(filling.root, filling.lang, commit=commit, base=base)
    with recording.locked([filling.path]):
        recording.refuse_uncommitted([filling.path])
        if changes:
            try:
                edit_top_level(filling.path, changes)
            except EditRefused:
                message, hint = texts.message("F103", filling.lang)
                raise InputError(message, hint=hint, file=filling.path) from None
        shown = f"{filling.path.parent.name}/{filling.path.name}"
        if not changes:
            return Recorded("skipped")
        return recording.save([filling.path], "form_filled", file=shown)


def _text(value: Any) -> Any:
    """Values as the file holds them: dates as ``ÅÅÅÅ-MM-DD`` text (the strict loader's form)."""
    if isinstance(value, dict):
        return {k: _text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_text(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


__all__ = ["FILLABLE", "Filling", "finish", "model_questions", "start"]
