"""Render documents (Markdown) from records: filters, gap markers and provenance."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from utvikling import texts
from utvikling._version import __version__
from utvikling.errors import UtviklingError
from utvikling.render.environment import make_environment
from utvikling.render.markup import Safe, escape, finish

PROVENANCE_PREFIX = "<!-- utvikling:"


class TemplateRenderError(UtviklingError):
    """A template refers to something that is not there, or is not valid Jinja."""


def date_long(value: Any, lang: str) -> str:
    """Write a date the Norwegian way, e.g. «1. mars 2024»; anything else as escaped text."""
    from babel.dates import format_date

    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return escape(value)
    if not isinstance(value, dt.date):
        return escape(value)
    return Safe(format_date(value, format="long", locale=lang))


def kroner(value: Any, lang: str) -> str:
    """Write an amount with Norwegian digit grouping, e.g. «kr 1 250 000»."""
    from babel.numbers import format_decimal

    if isinstance(value, bool) or not isinstance(value, int | float):
        return escape(value)
    return Safe(f"kr {format_decimal(value, locale=lang)}")


def month_name(value: Any, lang: str) -> str:
    """A month number in words, from the locale data: 9 → «september»."""
    from babel.dates import get_month_names

    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        return escape(value)
    return Safe(get_month_names("wide", locale=lang)[value])


def times_a_year(value: Any, lang: str) -> str:
    """How often in words: 2 → «to ganger i året» (``document.times_a_year`` in messages)."""
    words = texts.data_file("messages.yaml")["document"]["times_a_year"]
    chosen = words.get(lang) or words["nb"]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= len(chosen):
        return escape(value)
    return Safe(chosen[value - 1])


def lookup(root: Any, path: str) -> Any:
    """Follow a dotted path through the fields of models and the keys of dicts; None where it stops.

    Nothing else is reachable this way: no methods, no private attributes.
    """
    from pydantic import BaseModel

    value = root
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, BaseModel) and part in type(value).model_fields:
            value = getattr(value, part)
        else:
            return None
    return value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list) and not value)


@dataclass
class Source:
    """A record a document was made from."""

    path: str
    sha256: str

    @classmethod
    def of(cls, root: Path, relative: str) -> Source:
        """Hash the record at ``relative`` (a path inside the repository at ``root``)."""
        return cls(relative, hashlib.sha256((root / relative).read_bytes()).hexdigest())


@dataclass
class Rendered:
    """A rendered document with its provenance header, and the gaps it marked."""

    text: str
    gaps: list[str] = field(default_factory=list)


_PROVENANCE_WORDS = {
    "nb": ("laget av", "kilder", "innhold"),
    "nn": ("laga av", "kjelder", "innhald"),
}


def provenance(
    template: str, sources: Sequence[Source], day: dt.date, body: str, lang: str = "nb"
) -> str:
    """Return the header that says where a document came from and lets edits be detected."""
    made, sources_word, content_word = _PROVENANCE_WORDS[lang]
    listed = ", ".join(f"{s.path} sha256:{s.sha256[:16]}" for s in sources)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    return (
        f"{PROVENANCE_PREFIX} {made} utvikling {__version__} {day.isoformat()}"
        f" | mal: {template} | {sources_word}: {listed} | {content_word}: {digest} -->\n"
    )


def readable(header: str, lang: str) -> str:
    """The provenance header as a sentence, for the foot of DOCX, PDF and HTML documents."""
    inner = header.removeprefix(PROVENANCE_PREFIX).removesuffix("-->").strip()
    parts = [p.strip() for p in inner.split("|")]
    made = parts[0] if parts else ""
    rest = "; ".join(parts[1:-1])
    sentence = f"{made[:1].upper()}{made[1:]}; {rest}." if rest else f"{made}."
    return sentence.replace("*", "")


def sources_of(path: Path) -> list[tuple[str, str]]:
    """Read (record path, sha256 prefix) pairs from a generated document's header."""
    from utvikling.files import read_regular

    try:
        header = read_regular(path, 65536).decode("utf-8", errors="replace").partition("\n")[0]
    except OSError:
        return []
    if not header.startswith(PROVENANCE_PREFIX):
        return []
    return re.findall(r"(\S+) sha256:([0-9a-f]{16})", header)


def template_of(path: Path) -> str | None:
    """The template a generated document's header names (``documents/nb/agreement.md.j2``)."""
    from utvikling.files import read_regular

    try:
        header = read_regular(path, 65536).decode("utf-8", errors="replace").partition("\n")[0]
    except OSError:
        return None
    if not header.startswith(PROVENANCE_PREFIX):
        return None
    found = re.search(r"\| mal: (\S+) \|", header)
    return found.group(1) if found else None


def unedited(path: Path) -> bool:
    """Tell whether a generated document still has exactly the body its header describes."""
    from utvikling.files import read_regular

    try:
        text = read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    header, _, body = text.partition("\n")
    marker = next(
        (f"| {w[2]}: " for w in _PROVENANCE_WORDS.values() if f"| {w[2]}: " in header), ""
    )
    if not header.startswith(PROVENANCE_PREFIX) or not marker:
        return False
    recorded = header.rsplit(marker, 1)[1].split(" ", 1)[0]
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16] == recorded


def render_document(
    template: str,
    context: dict[str, Any],
    *,
    lang: str,
    root: Any,
    sources: Sequence[Source],
    day: dt.date,
    search_path: Sequence[Path] = (),
) -> Rendered:
    """Render ``template`` with ``context``; values come from ``root`` through ``show``.

    The template gets ``show(path, label, fmt)``: the value at ``path`` formatted (``date``,
    ``kroner``, ``months`` or plain), or a clearly marked gap naming ``label``; ``value(path)``
    for the raw value; and the filters ``date_long`` and ``kroner``.
    """
    gaps: list[str] = []
    marker = texts.localized(texts.data_file("messages.yaml")["document"]["gap"], lang)
    months = texts.localized(texts.data_file("messages.yaml")["document"]["months"], lang)

    def show(path: str, label: str, fmt: str | None = None) -> str:
        value = lookup(root, str(path))
        if _blank(value):
            gaps.append(str(label))
            return Safe(texts.fill(marker, {"label": escape(label)}))
        formatters: dict[str | None, Callable[[Any], str]] = {
            None: escape,
            "date": lambda v: date_long(v, lang),
            "kroner": lambda v: kroner(v, lang),
            "months": lambda v: Safe(texts.fill(months, {"n": escape(v)})),
        }
        if fmt not in formatters:
            raise jinja2.TemplateRuntimeError(f"show() has no format {fmt!r}")
        return formatters[fmt](value)

    environment = make_environment(search_path)
    environment.filters["date_long"] = lambda v: date_long(v, lang)
    environment.filters["kroner"] = lambda v: kroner(v, lang)
    environment.filters["month_name"] = lambda v: month_name(v, lang)
    environment.filters["times_a_year"] = lambda v: times_a_year(v, lang)
    try:
        body = environment.get_template(template).render(
            **context, show=show, value=lambda p: lookup(root, str(p))
        )
    except jinja2.TemplateError as exc:
        raise _template_error(exc, template, lang) from None
    except (ArithmeticError, AttributeError, LookupError, OSError, RecursionError) as exc:
        raise _template_error(exc, template, lang) from None
    except (TypeError, ValueError) as exc:
        raise _template_error(exc, template, lang) from None
    body = finish(body)
    body = "".join(line.rstrip() + "\n" for line in body.splitlines())
    body = re.sub(r"\n{3,}", "\n\n", body).lstrip("\n")
    return Rendered(provenance(template, sources, day, body, lang) + body, gaps)


def _template_error(exc: BaseException, template: str, lang: str) -> TemplateRenderError:
    """Explain a template that failed, naming it (and the line, where Jinja knows it).

    A template that reached for something a template may not (Python's internals, a method, a
    file outside its folder) gets a message of its own. The reason is never a value from the
    records: for anything but Jinja's own errors only the kind of error is named.
    """
    from jinja2.exceptions import SecurityError

    where = getattr(exc, "filename", None) or _template_file(exc) or template
    line = getattr(exc, "lineno", None) or _template_line(exc, where)
    if isinstance(exc, SecurityError) or _security_undefined(exc):
        message, hint = texts.message("F003", lang, {"template": where})
    elif isinstance(exc, PermissionError):
        message, hint = texts.message("F005", lang, {"template": where})
    else:
        if isinstance(exc, jinja2.TemplateError):
            reason = exc.message or type(exc).__name__
        else:
            reason = type(exc).__name__
        message, hint = texts.message("F002", lang, {"template": where, "reason": reason})
    return TemplateRenderError(message, hint=hint, file=where, line=line)


def _security_undefined(exc: BaseException) -> bool:
    """Tell a sandbox refusal that surfaced as another error (an unsafe attribute is Undefined)."""
    return isinstance(exc, jinja2.UndefinedError) and "is unsafe" in str(exc)


def _template_frames(exc: BaseException) -> list[tuple[str, int]]:
    import traceback

    return [
        (frame.filename, frame.lineno or 0)
        for frame in traceback.extract_tb(exc.__traceback__)
        if frame.filename.endswith(".j2")
    ]


def _template_file(exc: BaseException) -> str | None:
    frames = _template_frames(exc)
    return frames[-1][0] if frames else None


def _template_line(exc: BaseException, where: str) -> int | None:
    lines = [line for name, line in _template_frames(exc) if name == where]
    return lines[-1] if lines else None
