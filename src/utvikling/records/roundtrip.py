"""Edit a record a person wrote, keeping its comments, key order and quoting.

ruamel.yaml does the round trip. Every edit is checked before anything is written: the result
must read back (with the strict loader) as exactly the old data plus the change, and every
comment line of the old file must still be there. Otherwise nothing is written.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from utvikling import yamlsafe
from utvikling.files import replace_file


class EditRefused(Exception):
    """The edit cannot be made exactly (a bug or an unusual file); nothing was written."""


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def _plain(value: Any) -> Any:
    """Turn our values into what ruamel writes as YAML 1.2 our loader reads back the same."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, Mapping):
        mapping = CommentedMap()
        for key, item in value.items():
            if item is not None:
                mapping[key] = _plain(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq([_plain(item) for item in value])
    return value


def _merged(old: Any, new: Any) -> Any:
    """``new`` written over ``old`` in place, so comments and quoting of what stays are kept.

    A comment after the last key of a mapping moves to the new last key (it is the comment at
    the end of the file, which ruamel.yaml attaches to the deepest last value).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        last = next(reversed(old), None) if old else None
        for key in [k for k in old if k not in new or new[k] is None]:
            del old[key]
        for key, value in new.items():
            if value is not None:
                old[key] = _merged(old[key], value) if key in old else _plain(value)
        now_last = next(reversed(old), None) if old else None
        if last is not None and last != now_last and last in old and now_last is not None:
            comment = old.ca.items.pop(last, None)
            if comment is not None and now_last not in old.ca.items:
                old.ca.items[now_last] = comment
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merged(old[index], value)
            else:
                old.append(_plain(value))
        del old[len(new) :]
        return old
    if not isinstance(new, Mapping | list) and type(old) is not bool and old == new:
        return old
    return _plain(new)


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def edit_top_level(path: Path, changes: Mapping[str, Any]) -> str:
    """Set top-level keys of the record at ``path``; return the new text (also written).

    A key that is there is replaced in place; a new key goes at the end.

    Raises:
        EditRefused: the edit would not be exact.
    """
    text = path.read_text(encoding="utf-8")
    before = yamlsafe.parse(text.encode("utf-8")).data
    yaml = _yaml()
    document = yaml.load(text)
    for key, value in changes.items():
        document[key] = _merged(document[key], value) if key in document else _plain(value)
    stream = io.StringIO()
    yaml.dump(document, stream)
    edited = stream.getvalue()
    expected = {**before, **{k: _normal(v) for k, v in changes.items()}}
    after = yamlsafe.parse(edited.encode("utf-8")).data
    if after != expected:
        raise EditRefused("the edited file does not read back as intended")
    missing = [c for c in _comments(text) if c not in _comments(edited)]
    if missing:
        raise EditRefused("the edit would lose comments")
    replace_file(path, edited)
    return edited


def _normal(value: Any) -> Any:
    """What our loader gives back for a value written by :func:`_plain`."""
    import datetime as dt

    if isinstance(value, Mapping):
        return {k: _normal(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def round_trip(text: str) -> str:
    """Load and dump ``text`` unchanged through ruamel.yaml (for tests of the settings)."""
    yaml = _yaml()
    stream = io.StringIO()
    yaml.dump(yaml.load(text), stream)
    return stream.getvalue()
