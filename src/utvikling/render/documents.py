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
from utvikling.render import make_environment

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


def write_formats(
    target: Path,
    rendered: Rendered,
    *,
    formats: Sequence[str],
    lang: str,
    author: str,
    day: dt.date,
    search_path: Sequence[Path] = (),
) -> list[Path]:
    """Write the Markdown (always: it is the source) and the other formats asked for.

    A ``reference.docx`` in a template folder on ``search_path`` gives the DOCX its styles and
    letterhead.
    """
    from utvikling.records.files import create_file, replace_file

    (replace_file if target.exists() else create_file)(target, rendered.text)
    written = [target]
    others = [f for f in formats if f != "md"]
    if not others:
        return written
    from utvikling.render.export import Metadata, export, split_document

    header, title, _ = split_document(rendered.text)
    reference = next(
        (p / "reference.docx" for p in search_path if (p / "reference.docx").is_file()), None
    )
    meta = Metadata(
        title=title, author=author, lang=lang, day=day, provenance=readable(header, lang)
    )
    exported = export(target, others, meta, reference_doc=reference)
    _record_written(target.parent, exported)
    return written + exported


def readable(header: str, lang: str) -> str:
    """The provenance header as a sentence, for the foot of DOCX, PDF and HTML documents."""
    inner = header.removeprefix(PROVENANCE_PREFIX).removesuffix("-->").strip()
    parts = [p.strip() for p in inner.split("|")]
    made = parts[0] if parts else ""
    rest = "; ".join(parts[1:-1])
    sentence = f"{made[:1].upper()}{made[1:]}; {rest}." if rest else f"{made}."
    return sentence.replace("*", "")


def search_path(root: Path, templates: Path | None) -> list[Path]:
    """Template folders before the built-in ones: ``--templates``, then the repository's own."""
    from utvikling.records import layout

    return [p for p in (templates, root / layout.TEMPLATES_DIR) if p is not None and p.is_dir()]


MANIFEST = ".utvikling-generert.json"
"""Beside the documents: the checksum of every HTML, DOCX and PDF file the tool wrote, so that
one changed afterwards (a draft finished in Word) is never replaced without ``--force``."""


def _manifest(folder: Path) -> dict[str, str]:
    import json

    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _record_written(folder: Path, paths: Sequence[Path]) -> None:
    import json

    from utvikling.records.files import create_file, replace_file

    manifest = _manifest(folder)
    for path in paths:
        manifest[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    text = json.dumps(dict(sorted(manifest.items())), indent=2) + "\n"
    target = folder / MANIFEST
    (replace_file if target.exists() else create_file)(target, text)


def _as_written(path: Path, manifest: dict[str, str]) -> bool:
    if path.suffix == ".md":
        return unedited(path)
    recorded = manifest.get(path.name)
    return recorded is not None and recorded == hashlib.sha256(path.read_bytes()).hexdigest()


def refuse_hand_edited(
    targets: Sequence[Path], *, force: bool, lang: str, formats: Sequence[str] = ("md",)
) -> None:
    """Stop before writing anything when a document was changed by hand (unless ``force``).

    Checks each Markdown target and the other formats that would be written beside it: a
    Markdown file by its provenance header, the others by the checksum the tool recorded.

    Raises:
        FileExistsRefusedError: a file that would be written exists and was changed by hand.
    """
    from utvikling.errors import FileExistsRefusedError

    if force:
        return
    for target in targets:
        manifest = _manifest(target.parent)
        for fmt in dict.fromkeys(("md", *formats)):
            path = target.with_suffix(f".{fmt}")
            if path.exists() and not _as_written(path, manifest):
                message, hint = texts.message("N005", lang, {"name": path.name})
                raise FileExistsRefusedError(message, hint=hint, file=path)


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
