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

PROVENANCE_PREFIX = "<!-- utvikling:"


class TemplateRenderError(UtviklingError):
    """A template refers to something that is not there, or is not valid Jinja."""


def date_long(value: Any, lang: str) -> str:
    """Write a date the Norwegian way, e.g. «1. mars 2024»."""
    from babel.dates import format_date

    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return str(format_date(value, format="long", locale=lang))


def kroner(value: Any, lang: str) -> str:
    """Write an amount with Norwegian digit grouping, e.g. «kr 1 250 000»."""
    from babel.numbers import format_decimal

    return f"kr {format_decimal(value, locale=lang)}"


def lookup(root: Any, path: str) -> Any:
    """Follow a dotted path through models and dicts; None where it stops."""
    value = root
    for part in path.split("."):
        if value is None:
            return None
        value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
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
    try:
        with path.open(encoding="utf-8") as handle:
            header = handle.readline()
    except (OSError, UnicodeDecodeError):
        return []
    if not header.startswith(PROVENANCE_PREFIX):
        return []
    return re.findall(r"(\S+) sha256:([0-9a-f]{16})", header)


def unedited(path: Path) -> bool:
    """Tell whether a generated document still has exactly the body its header describes."""
    try:
        text = path.read_text(encoding="utf-8")
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

    def show(path: str, label: str, fmt: str | None = None) -> str:
        value = lookup(root, path)
        if _blank(value):
            gaps.append(label)
            return texts.fill(marker, {"label": label})
        formatters: dict[str, Callable[[Any], str]] = {
            "date": lambda v: date_long(v, lang),
            "kroner": lambda v: kroner(v, lang),
            "months": lambda v: texts.fill(
                texts.localized(texts.data_file("messages.yaml")["document"]["months"], lang),
                {"n": v},
            ),
        }
        return formatters[fmt](value) if fmt else str(value)

    environment = make_environment(search_path)
    environment.filters["date_long"] = lambda v: date_long(v, lang)
    environment.filters["kroner"] = lambda v: kroner(v, lang)
    try:
        body = environment.get_template(template).render(
            **context, show=show, value=lambda p: lookup(root, p)
        )
    except jinja2.TemplateError as exc:
        where = getattr(exc, "filename", None) or template
        reason = exc.message or type(exc).__name__
        message, hint = texts.message("F002", lang, {"template": where, "reason": reason})
        raise TemplateRenderError(
            message, hint=hint, file=where, line=getattr(exc, "lineno", None)
        ) from None
    body = "".join(line.rstrip() + "\n" for line in body.splitlines())
    body = re.sub(r"\n{3,}", "\n\n", body).lstrip("\n")
    return Rendered(provenance(template, sources, day, body, lang) + body, gaps)
