"""Read one record file: bytes, then safe YAML, then the strict model. Problems become findings."""

from __future__ import annotations

import difflib
import os
import stat
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from utvikling import texts, yamlsafe
from utvikling.findings import Finding
from utvikling.models import RECORD_KINDS
from utvikling.records.loaded import LoadedRecord

_DATE_ERRORS = {
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
    "date_parsing",
    "date_type",
    "date_format",
    "norwegian_date",
}


def read_limited(path: Path, within: Path | None = None) -> bytes:
    """Read a regular file, but never more than one byte past the size limit.

    A FIFO, socket or device is refused before it is opened (it could block forever), and so
    is a symbolic link that leads out of ``within`` (the repository).

    Raises:
        NotRegularFileError: not a regular file.
        OutsideError: a link out of ``within``.
        OSError: it cannot be read.
    """
    return read_record(os.fspath(path), plain=False, within=within)


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_OPEN_PLAIN = _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def read_record(location: str, *, plain: bool, within: Path | None = None) -> bytes:
    """Read a record file of at most :data:`~utvikling.yamlsafe.MAX_BYTES` (plus one byte).

    The file is read with its real size: one read of as many bytes as it holds (and one more,
    to see that it did not grow), not a buffer of the size limit for every file. With ``plain``
    (the folder listing said regular file, not a link) it is opened without following a link
    and without a ``stat`` first; what it is once opened is checked all the same, and a FIFO
    opened without blocking is refused unread. Otherwise it is refused before it is opened,
    as :func:`utvikling.files.read_regular` does.

    Raises:
        NotRegularFileError: not a regular file.
        OutsideError: a link out of ``within``.
        OSError: it cannot be read (also a file replaced by a link since it was listed).
    """
    from utvikling.files import NotRegularFileError, OutsideError

    limit = yamlsafe.MAX_BYTES + 1
    if plain:
        handle = os.open(location, _OPEN_PLAIN)
    else:
        path = Path(location)
        link = within is not None and path.is_symlink()
        if link and within and not path.resolve().is_relative_to(within.resolve()):
            raise OutsideError(path)
        if not stat.S_ISREG(path.stat().st_mode):
            raise NotRegularFileError(path)
        handle = os.open(location, _OPEN_FLAGS | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):  # replaced since it was listed or looked at
            raise NotRegularFileError(Path(location))
        wanted = min(info.st_size + 1, limit)
        data = os.read(handle, wanted)
        if len(data) < min(info.st_size, limit):  # a short read: read on
            data = _read_up_to(handle, wanted, data)
        if len(data) == wanted < limit:  # it grew since: read on, up to the limit
            data = _read_up_to(handle, limit, data)
        return data
    finally:
        os.close(handle)


def _read_up_to(handle: int, count: int, data: bytes) -> bytes:
    """Read on after ``data`` until there are ``count`` bytes or the file ends."""
    parts = [data]
    left = count - len(data)
    while left > 0:
        chunk = os.read(handle, left)
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def load_problem_finding(problem: yamlsafe.LoadProblem, display: str, lang: str) -> Finding:
    """Turn a YAML problem into a finding in the user's language."""
    message, hint = texts.message(problem.code, lang, problem.params)
    kind = problem.params.get("kind")
    if problem.code == "Y001" and kind not in (None, "other"):
        hint = texts.message(f"Y001.{kind}", lang)[1]
    return Finding(
        code=problem.code,
        severity="error",
        message=message,
        hint=hint,
        file=display,
        line=problem.line,
        column=problem.column,
    )


def load_record(
    path: Path | str,
    kind: str,
    display: str,
    lang: str,
    *,
    root: Path | None = None,
    plain: bool = False,
    raw: bytes | None = None,
) -> tuple[LoadedRecord | None, list[Finding]]:
    """Load and validate one record; return it, or the findings that explain why not.

    With ``root`` (the repository), a symbolic link that leads out of it is not followed; its
    finding names the link, never where it points. ``plain``: the folder listing said this is
    a regular file, not a link (see :func:`read_record`). ``raw``: the bytes, read already by
    :func:`read_record` (the file is then not read again).
    """
    from utvikling.files import NotRegularFileError, OutsideError

    if raw is not None:
        return parse_record(raw, kind, display, lang)
    try:
        raw = read_record(os.fspath(path), plain=plain, within=root)
    except NotRegularFileError:
        message, hint = texts.message("R010", lang)
        return None, [Finding("R010", "error", message, hint, display)]
    except OutsideError:
        message, hint = texts.message("R011", lang)
        return None, [Finding("R011", "error", message, hint, display)]
    except OSError as exc:
        message, hint = texts.message("R007", lang, {"reason": exc.strerror or type(exc).__name__})
        return None, [Finding("R007", "error", message, hint, display)]
    return parse_record(raw, kind, display, lang)


def parse_record(
    raw: bytes, kind: str, display: str, lang: str
) -> tuple[LoadedRecord | None, list[Finding]]:
    """Validate the bytes of one record of ``kind``."""
    try:
        document = yamlsafe.parse(raw)
    except yamlsafe.LoadProblem as problem:
        return None, [load_problem_finding(problem, display, lang)]
    model_class = RECORD_KINDS[kind]
    try:
        model = model_class.model_validate(document.data)
    except ValidationError as exc:
        return None, schema_findings(exc, model_class, document, display, lang)
    return LoadedRecord(display, kind, model, document), []


def _suggest(key: str, allowed: list[str]) -> list[str]:
    """Suggest the field meant: a Norwegian word's field, or the nearest spelling."""
    synonyms = texts.data_file("synonyms.yaml")["synonyms"]
    meant = synonyms.get(key.strip().lower())
    if meant is None:  # written without æøå: «lonn» for «lønn», «maalform» for «målform»
        folded = {_fold(word): field for word, field in synonyms.items()}
        meant = folded.get(_fold(key))
    if meant in allowed:
        return [meant]
    return difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)


def _fold(word: str) -> str:
    word = word.strip().lower().replace("aa", "å")
    return word.replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("ae", "a")


def field_name(loc: tuple[int | str, ...]) -> str:
    """Write a field path the way the docs do: ``goals[2].anchoring[0].date``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = yamlsafe.excerpt(str(part))
            text += f".{name}" if text else name
    return text


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """Return the model class that holds the field at ``loc`` (for listing its fields)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Find the model inside ``X | None``, ``list[X]`` and ``Annotated[X, …]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
    return annotation


def schema_findings(
    exc: ValidationError,
    model: type[BaseModel],
    document: yamlsafe.Document,
    display: str,
    lang: str,
) -> list[Finding]:
    """Turn every Pydantic error into a positioned finding in the user's language."""
    findings = []
    for error in exc.errors(include_url=False, include_input=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        ctx = dict(error.get("ctx") or {})
        if "expected" in ctx:  # pydantic writes "'nb' or 'nn'"
            ctx["expected"] = str(ctx["expected"]).replace("'", "").replace(" or ", ", ")
        name = field_name(loc)
        if kind == "extra_forbidden":
            code = "S001"
            key = str(loc[-1])
            parent = _model_at(model, loc[:-1])
            allowed = sorted(parent.model_fields) if parent else []
            near = _suggest(key, allowed)
            suggestion = (
                texts.message("S001.suggestion", lang, {"near": near[0]})[0] if near else ""
            )
            params = {
                "key": yamlsafe.excerpt(key),
                "suggestion": suggestion,
                "allowed": ", ".join(allowed),
            }
            message, hint = texts.message(code, lang, params)
            line, column = document.position(loc, key=True)
        elif kind == "missing":
            code = "S003"
            message, hint = texts.message(code, lang, {"field": name})
            line, column = document.position(loc)
        elif kind in _DATE_ERRORS:
            code = "S004"
            hint_kind = kind if kind in ("norwegian_date", "date_format") else "impossible_date"
            _, detail = texts.problem(hint_kind, lang, ctx)
            message, hint = texts.message(code, lang, {"field": name, "hint": detail})
            line, column = document.position(loc)
        else:
            code = "S002"
            problem_kind = "bool_type" if kind.startswith("bool") else kind
            problem, detail = texts.problem(problem_kind, lang, ctx)
            message, hint = texts.message(
                code, lang, {"field": name, "problem": problem, "hint": detail}
            )
            line, column = document.position(loc)
        findings.append(
            Finding(code, "error", message, hint, display, line, column, field=name or None)
        )
    return findings


def load_answers(path: Path, kind: str, lang: str) -> LoadedRecord:
    """Read an answers file shaped like a record of ``kind``, checked as strictly as one.

    Raises:
        InputError: the file cannot be read or is not a well-formed record (all problems).
    """
    from utvikling.errors import InputError

    try:
        raw = read_limited(path)
    except OSError as exc:
        message, hint = texts.message("I002", lang, {"reason": exc.strerror or type(exc).__name__})
        raise InputError(message, hint=hint, file=path) from None
    record, found = parse_record(raw, kind, path.as_posix(), lang)
    if record is None:
        first = found[0]
        raise InputError(
            first.message,
            hint=first.hint,
            file=path,
            line=first.line,
            column=first.column,
            findings=found,
        )
    return record
