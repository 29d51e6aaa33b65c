"""The user's words: messages and hints in bokmål and nynorsk, read from ``data/*.yaml``.

Our own texts are the only format strings; values from records are passed as parameters and
never interpreted as templates.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from utvikling.yamlsafe import Document


class _Blanks(dict[str, Any]):
    """Leave an unknown ``{name}`` as it is instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: dict[str, Any]) -> str:
    """Fill ``{name}`` blanks in one of our own texts."""
    return template.format_map(_Blanks(params))


@cache
def data_document(name: str) -> Document:
    """Read one of the package's data files with the same strict parser as the records."""
    from importlib import resources

    from utvikling.yamlsafe import parse

    return parse(resources.files("utvikling").joinpath("data", name).read_bytes())


@cache
def data_file(name: str) -> dict[str, Any]:
    """Return the data of one of the package's data files (read once, kept compiled).

    The messages, terms and help texts are read by nearly every command (``--help`` too), and
    parsing them would import the YAML parser and cost more than the rest of ``--help`` or a
    warm ``check``. So the parsed data is kept in ``data/__pycache__/`` next to the file, like
    a module's ``.pyc``, under the source's size and modification time, and used only while
    both are unchanged (:func:`load_compiled`). It is data, not bytecode, so it is written also
    under ``PYTHONDONTWRITEBYTECODE``; where the folder cannot be written, or the file is
    unreadable, the source is parsed as before.
    """
    source = Path(__file__).resolve().parent / "data" / name
    return load_compiled(source, lambda: data_document(name).data)


_COMPILED_MAGIC = b"utvikling-data 1\n"


def _compiled_header(info: os.stat_result) -> bytes:
    return _COMPILED_MAGIC + f"{marshal.version} {info.st_size} {info.st_mtime_ns}\n".encode()


def load_compiled(source: Path, parse: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The data ``parse`` makes of ``source``, from its compiled form while that is current."""
    try:
        info = source.stat()
    except OSError:
        return parse()  # not a plain file on disk (a zip): read it the usual way
    header = _compiled_header(info)
    tag = sys.implementation.cache_tag or "python"
    compiled = source.parent / "__pycache__" / f"{source.name}.{tag}.marshal"
    try:
        raw = compiled.read_bytes()
        if raw.startswith(header):
            data = marshal.loads(raw[len(header) :])
            if isinstance(data, dict):
                return data
    except (OSError, ValueError, EOFError, TypeError):
        pass  # missing, or not what this version writes: parsed and written again
    data = parse()
    _write_compiled(compiled, header, data)
    return data


def _write_compiled(compiled: Path, header: bytes, data: dict[str, Any]) -> None:
    """Write the compiled data atomically; a folder that cannot be written means no file."""
    temporary = compiled.with_name(f"{compiled.name}.{os.getpid()}.tmp")
    try:
        payload = marshal.dumps(data)
        compiled.parent.mkdir(exist_ok=True)
        temporary.write_bytes(header + payload)
        temporary.replace(compiled)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink()


def _entry(key: str, lang: str) -> dict[str, str]:
    entry = data_file("messages.yaml").get(key)
    if not isinstance(entry, dict):
        raise KeyError(f"no message {key!r}")
    text = entry.get(lang) or entry["nb"]
    assert isinstance(text, dict)
    return text


def message(key: str, lang: str, params: dict[str, Any] | None = None) -> tuple[str, str]:
    """Return the (message, hint) for ``key`` in ``lang``, blanks filled from ``params``."""
    params = params or {}
    entry = _entry(key, lang)
    return fill(entry.get("message", ""), params), fill(entry.get("hint", ""), params)


def word(key: str, lang: str) -> str:
    """Return a single word or phrase (e.g. a severity) in ``lang``."""
    section, _, name = key.partition(".")
    table = data_file("messages.yaml")[section]
    value = table[name] if name else table
    result = value.get(lang) or value["nb"]
    assert isinstance(result, str)
    return result


def problem(kind: str, lang: str, params: dict[str, Any]) -> tuple[str, str]:
    """Return (problem, hint) for a value problem of ``kind``, falling back to a general one."""
    table = data_file("messages.yaml")["problem"]
    entry = table.get(kind) or table["other"]
    text = entry.get(lang) or entry["nb"]
    return fill(text.get("message", ""), params), fill(text.get("hint", ""), params)


def definite(title: str) -> str:
    """Return the definite form of a title: kommunedirektør → kommunedirektøren."""
    words = title.split(" ")
    last = words[-1]
    words[-1] = last + ("n" if last.endswith("e") else "en")
    return " ".join(words)


def terms(kind: str | None, lang: str, title: str | None = None) -> dict[str, str]:
    """Return the glossary words for a kind of authority, a written language and a title.

    ``kind`` is ``kommune`` or ``fylkeskommune`` (None counts as kommune); ``title`` is the
    chief executive's title from the settings (None gives the kind's usual title). The table
    has ``ce_title`` and ``ce`` (the definite title) besides ``data/terms.yaml``'s words, and
    each key also capitalised: ``Council`` is «Kommunestyret».
    """
    table: dict[str, str] = dict(data_file("terms.yaml")["terms"][kind or "kommune"][lang])
    title = (title or "").strip() or table["ce_default_title"]
    table["ce_title"] = title
    table["ce"] = definite(title)
    for key, value in list(table.items()):
        table[key[:1].upper() + key[1:]] = value[:1].upper() + value[1:]
    return table


def localized(value: Any, lang: str) -> str:
    """Pick ``lang`` from a ``{nb: …, nn: …}`` mapping, or return a plain string as it is."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("nb") or "")
    return str(value)
