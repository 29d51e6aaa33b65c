"""The public site's pages: rendered from templates, and written as one set.

Pages are HTML rendered in the project's sandbox (:func:`make_html_environment`: every value
HTML-escaped, no filter that turns text into markup) from data the site use case built from
the public projection. The site is flat (every file in one folder), so the folder is written
with the same transaction as a document set (:mod:`utvikling.render.transaction`): whole or not
at all, a manifest of checksums last. A folder that holds anything the tool did not write, or a
page changed since, is not written into without ``force``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from utvikling import texts
from utvikling.render.transaction import STAGING_PREFIX, commit, explained, recover

MANIFEST = ".utvikling-nettsted.json"
"""Beside the pages: the checksum of every file the last build wrote."""

STYLESHEET = "stil.css"


@dataclass(frozen=True)
class Page:
    """One HTML page: its file name, its template and what the template sees."""

    name: str
    template: str
    """The template's name on the search path, e.g. ``site/nb/front.html.j2``."""
    context: dict[str, Any]
    lang: str


def date_long(value: Any, lang: str) -> str:
    """«15. september 2026» from the locale data; an empty string for no date."""
    from babel.dates import format_date

    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return str(value)
    if not isinstance(value, dt.date):
        return "" if value is None else str(value)
    return str(format_date(value, format="long", locale="nn" if lang == "nn" else "nb"))


def kroner(value: Any, lang: str) -> str:
    """«kr 1 310 000» with Norwegian digit grouping (a no-break space between the groups)."""
    from babel.numbers import format_decimal

    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    return f"kr {format_decimal(value, locale='nn' if lang == 'nn' else 'nb')}"


def render_pages(pages: Sequence[Page], search_path: Sequence[Path] = ()) -> dict[str, bytes]:
    """Render every page in memory (nothing is written here), by file name.

    Raises:
        TemplateRenderError: a template failed or reached for what a template may not.
    """
    import jinja2

    from utvikling.render.documents import _template_error
    from utvikling.render.environment import make_html_environment

    environment = make_html_environment(search_path)
    out: dict[str, bytes] = {}
    for page in pages:
        lang = page.lang
        environment.filters["date_long"] = lambda v, lang=lang: date_long(v, lang)
        environment.filters["kroner"] = lambda v, lang=lang: kroner(v, lang)
        try:
            text = environment.get_template(page.template).render(**page.context)
        except jinja2.TemplateError as exc:
            raise _template_error(exc, page.template, lang) from None
        except (ArithmeticError, AttributeError, LookupError, OSError, RecursionError) as exc:
            raise _template_error(exc, page.template, lang) from None
        except (TypeError, ValueError) as exc:
            raise _template_error(exc, page.template, lang) from None
        out[page.name] = "".join(line.rstrip() + "\n" for line in text.splitlines()).encode()
    return out


def stylesheet(search_path: Sequence[Path] = ()) -> bytes:
    """The site's stylesheet (``site/stil.css`` on the search path), as it stands."""
    from utvikling.render.environment import make_html_environment

    environment = make_html_environment(search_path)
    assert environment.loader is not None
    source, _, _ = environment.loader.get_source(environment, f"site/{STYLESHEET}")
    return source.encode("utf-8")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(folder: Path) -> dict[str, str] | None:
    """The checksums the last build recorded, or None when the folder has no manifest."""
    from utvikling.files import read_regular

    try:
        data = json.loads(read_regular(folder / MANIFEST, 10_000_000))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _foreign(folder: Path, manifest: Mapping[str, str] | None) -> Path | None:
    """The first file in ``folder`` the tool did not write, or changed since; None if none."""
    from utvikling.files import read_regular

    try:
        entries = sorted(folder.iterdir())
    except FileNotFoundError:
        return None
    for entry in entries:
        name = entry.name
        if name == MANIFEST or name.startswith(STAGING_PREFIX):
            continue
        recorded = (manifest or {}).get(name)
        if recorded is None or entry.is_symlink() or not entry.is_file():
            return entry
        try:
            if _digest(read_regular(entry, 100_000_000)) != recorded:
                return entry
        except OSError:
            return entry
    return None


def write_site(folder: Path, files: Mapping[str, bytes], *, lang: str, force: bool) -> list[Path]:
    """Write the site's files into ``folder`` as one set; remove what the last build left.

    Without ``force``, the folder must be absent, empty, or a site this tool built whose
    files are as it wrote them. Files of the last build that this one does not make are
    removed after the new set is in place (only when unchanged).

    Raises:
        FileExistsRefusedError: the folder holds a file the tool did not write, or one changed
            since (without ``force``); nothing is written.
        OutputError: the folder cannot be written; nothing is changed.
    """
    from utvikling.errors import FileExistsRefusedError

    with explained(folder, lang):
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(20, "not a folder", str(folder))
        if folder.is_dir():
            recover(folder)
        manifest = _manifest(folder) if folder.is_dir() else None
        if not force and folder.is_dir():
            found = _foreign(folder, manifest)
            if found is not None:
                code = "V002" if manifest and found.name in manifest else "V001"
                message, hint = texts.message(
                    code, lang, {"folder": folder.as_posix(), "name": found.name}
                )
                raise FileExistsRefusedError(message, hint=hint, file=found)
        contents = dict(files)
        contents[MANIFEST] = (
            json.dumps({n: _digest(d) for n, d in sorted(files.items())}, indent=2) + "\n"
        ).encode("utf-8")
        commit(folder, contents, last=MANIFEST)
        for name, recorded in sorted((manifest or {}).items()):
            stale = folder / name
            if name in files or "/" in name or name.startswith("."):
                continue
            try:
                if (
                    stale.is_file()
                    and not stale.is_symlink()
                    and _digest(stale.read_bytes()) == recorded
                ):
                    stale.unlink()
            except OSError:
                continue
    return [folder / name for name in sorted(files)]


__all__ = ["MANIFEST", "Page", "render_pages", "stylesheet", "write_site"]
