"""Guided filling of a conversation's forms: self-evaluation, evaluation, input, minutes.

The questions come from the record's model: one per field, its text in ``data/fields.yaml`` (in
the repository's language and the glossary's words for its kind and title) as the question, in
the order of the model, and per entry of a list the skeleton already holds (one per
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


def _label(description: str | None, name: str, values: tuple[Any, ...] = ()) -> str:
    """The question from a field's description, made for asking rather than for a file.

    «true = unntatt offentlighet» becomes «Unntatt offentlighet»; a description that only
    lists a choice's raw values gives way to the field's name («Status»), as the choices are
    shown in Norwegian beside it.
    """
    text = (description or name).strip()
    text = text[:-1] if text.endswith(".") else text
    if text.startswith("true = "):
        text = text.removeprefix("true = ")
        text = text[:1].upper() + text[1:]
    if values and all(str(v) in text for v in values):
        text = name.replace("_", " ").capitalize()
    return text


def model_questions(
    model: type[BaseModel],
    values: dict[str, Any],
    lang: str,
    *,
    prefix: str = "",
    group: str = "",
    skip: tuple[str, ...] = (),
    identity: tuple[str, ...] = (),
    kind_id: str,
    words: dict[str, str] | None = None,
    gone: frozenset[str] = frozenset(),
) -> list[Question]:
    """A question per field of ``model`` (and of each entry its lists already hold).

    In an entry of a list, the fields in ``identity`` (the goal's label, the indicator's name)
    say which entry it is and are shown as the group's name instead of asked. ``kind_id`` is
    the record kind whose field texts are asked, ``words`` the glossary's words for the
    repository (a kommune's in bokmål when not given), ``gone`` the values its kind of
    authority never uses (left out of the choices).
    """
    from utvikling.actions.schema import field_text, label

    words = words if words is not None else texts.terms(None, lang)
    labels = texts.data_file("schema.yaml")["labels"]
    more: dict[str, Any] = {"kind_id": kind_id, "words": words, "gone": gone}
    found: list[Question] = []
    in_entry = prefix.rstrip(".").rsplit(".", 1)[-1].isdigit() if prefix else False
    for name, info in model.model_fields.items():
        if name in skip or (in_entry and name in identity):
            continue
        key = f"{prefix}{name}"
        text = field_text(kind_id, key, lang, words)
        question = _label(text, name)
        kind = _unwrap(info.annotation)
        common: dict[str, Any] = {"group": group}
        if get_origin(kind) is Literal:
            question = _label(text, name, get_args(kind))
            options = tuple(
                Choice(str(v), label(labels, v, lang, words))
                for v in get_args(kind)
                if str(v) not in gone
            )
            found.append(Question(key, "choice", question, choices=options, **common))
        elif kind is bool:
            found.append(Question(key, "yesno", question, **common))
        elif kind is int:
            low, high = _bounds(info)
            money = high >= 1_000_000
            kind_of = "amount" if money else "whole"
            found.append(Question(key, kind_of, question, low=low, high=high, **common))
        elif kind is dt.date:
            found.append(Question(key, "date", question, **common))
        elif isinstance(kind, type) and issubclass(kind, BaseModel):
            found += model_questions(
                kind,
                values,
                lang,
                prefix=f"{key}.",
                group=question,
                skip=skip,
                identity=identity,
                **more,
            )
        elif get_origin(kind) is list:
            item = _unwrap(get_args(kind)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                points = "text" in item.model_fields  # agreed points: written on one line
                if points:
                    found.append(Question(key, "items", question, **common))
                for index, entry in enumerate(get(values, key) or []):
                    if not isinstance(entry, dict):
                        continue
                    tag = entry.get("goal") or entry.get("group") or entry.get("name")
                    part = f"{question} – {tag}" if tag else f"{question} – {index + 1}"
                    if points:
                        shown = str(entry.get("text") or index + 1)
                        part = f"{question} – {shown[:40]}"
                    found += model_questions(
                        item,
                        values,
                        lang,
                        prefix=f"{key}.{index}.",
                        group=part,
                        skip=(*skip, "text") if points else skip,
                        identity=identity,
                        **more,
                    )
            else:
                found.append(Question(key, "list", question, **common))
        else:
            found.append(Question(key, "text", question, **common))
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
    folder, held = resolve_conversation(root, conversation)
    path = folder / f"{stem}.yaml"
    kind = _kind(stem)
    if path.is_file():
        before = dict(load_answers(path, kind.id, lang).document.data)
        start_values = _plain(before)
    elif stem == "minutes" and folder.is_dir():
        before = {}
        start_values = _new_minutes(root, folder, held, lang)
    else:
        message, hint = texts.message("F101", lang, {"path": f"{folder.name}/{path.name}"})
        raise InputError(message, hint=hint, file=path)
    if stem == "minutes" and before.get("reported"):
        message, hint = texts.message("F102", lang, context.terms())
        raise InputError(message, hint=hint, file=path)
    from utvikling.actions.schema import left_out

    fill = texts.data_file("forms.yaml")["fill"]
    skip, identity = tuple(fill["skip"]), tuple(fill["identity"])
    form = Form(
        f"{stem}-{folder.name}",
        lang,
        lambda values: model_questions(
            kind.model,
            values,
            lang,
            skip=skip,
            identity=identity,
            kind_id=kind.id,
            words=context.terms(),
            gone=left_out(context.kind),
        ),
        start_values,
        kind.model,
        root,
    )
    return Filling(form, path, before, root, lang)


def _new_minutes(root: Path, folder: Path, held: dt.date, lang: str) -> dict[str, Any]:
    """Where new minutes start: the meeting's date, and a review entry per goal.

    The goals are those of the plan the meeting reviews (``plan_under_review``).
    """
    values: dict[str, Any] = {"date": held}
    meeting = folder / "meeting.yaml"
    year = None
    if meeting.is_file():
        year = load_answers(meeting, "meeting", lang).document.data.get("plan_under_review")
    plan = root / "plans" / f"{year}.yaml"
    if year and plan.is_file():
        goals = load_answers(plan, "plan", lang).document.data.get("goals") or []
        reviewed = [{"goal": g["id"]} for g in goals if isinstance(g, dict) and g.get("id")]
        if reviewed:
            values["results_review"] = {"goals": reviewed}
    return values


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
        if not filling.path.exists():
            _create(filling, prune(values))
            changes = {"created": True}
        elif changes:
            try:
                edit_top_level(filling.path, changes)
            except EditRefused:
                message, hint = texts.message("F103", filling.lang)
                raise InputError(message, hint=hint, file=filling.path) from None
        shown = f"{filling.path.parent.name}/{filling.path.name}"
        if not changes:
            return Recorded("skipped")
        return recording.save([filling.path], "form_filled", file=shown)


def _create(filling: Filling, values: dict[str, Any]) -> None:
    """Write new minutes from the answers, with the guiding comment and the schema line."""
    from utvikling import yamlsafe
    from utvikling.actions.agreement import prune
    from utvikling.actions.schema import modeline
    from utvikling.files import create_file
    from utvikling.models._types import Part
    from utvikling.records.emit import emit

    kind = _kind(filling.path.stem)
    intro = texts.localized(texts.data_file("forms.yaml")["fill"]["minutes_intro"], filling.lang)
    relative = f"conversations/{filling.path.parent.name}/{filling.path.name}"
    text = modeline(kind.id, relative) + "".join(f"# {line}\n" for line in intro.splitlines())
    model = kind.model
    assert issubclass(model, Part)
    text += "\n" + emit(model, values)
    back = model.model_validate(yamlsafe.parse(text.encode("utf-8")).data)
    wanted = model.model_validate(values)
    written = back.model_dump(mode="python", exclude_defaults=True)
    if prune(written) != prune(wanted.model_dump(mode="python", exclude_defaults=True)):
        message, hint = texts.message("F103", filling.lang)
        raise InputError(message, hint=hint, file=filling.path)
    create_file(filling.path, text)


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
