"""The archive metadata of a rendered document: what a case and archive system imports.

Beside every document written in more than Markdown, ``<name>.arkiv.json`` describes it and
its format variants, with the Noark 5 field names the domain spec (§7) gives: ``tittel``,
``offentligTittel`` (M025), ``variantformat`` (M700), ``format`` (M701, a PRONOM code),
``sjekksum`` and ``sjekksumAlgoritme`` (M705, M706), ``filstoerrelse`` (M707),
``konvertertFraFormat`` (M712), ``skjermingshjemmel`` (M501) and ``skjermingMetadata`` (M502).
What Noark has no field for here is named ``utvikling:…``. The shape is the JSON Schema
``data/archive.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from utvikling._version import __version__

ARCHIVE_SUFFIX = ".arkiv.json"
SCHEMA_VERSION = 1

PRONOM = {
    "md": ("fmt/1149", "Markdown"),
    "html": ("fmt/471", "HTML 5"),
    "docx": ("fmt/412", "Microsoft Word for Windows 2007 onwards (DOCX)"),
    "pdf": ("fmt/477", "PDF/A-2b"),
}
"""PRONOM identifiers of the formats written (M701)."""

PRODUCTION, ARCHIVAL, SCREENED = (
    "Produksjonsformat",
    "Arkivformat",
    "Dokument hvor deler av innholdet er skjermet",
)
"""The values of ``variantformat`` (M700)."""


@dataclass(frozen=True)
class Withheld:
    """A part of the record a document does not show (public) or that may be withheld (internal).

    ``part`` names the field (``employee.address``, ``development_measures[2]``); ``basis`` is
    its legal basis (M501), e.g. «offl. § 13 jf. fvl. § 13 første ledd nr. 1».
    """

    part: str
    basis: str


def record(
    *,
    title: str,
    public_title: str | None,
    day: dt.date,
    lang: str,
    files: Mapping[str, bytes],
    internal: bool,
    withheld: Sequence[Withheld],
    pdf_standard: str,
    sources: Sequence[tuple[str, str]],
) -> bytes:
    """The archive metadata of one document and its variants (``files``: name → bytes)."""
    variants: list[dict[str, Any]] = []
    for name, data in sorted(files.items(), key=lambda item: _order(item[0])):
        fmt = name.rsplit(".", 1)[-1]
        code, label = PRONOM[fmt]
        entry: dict[str, Any] = {
            "filnavn": name,
            "variantformat": _variant(fmt, internal, withheld),
            "format": code,
            "formatDetaljer": label,
            "sjekksum": hashlib.sha256(data).hexdigest(),
            "sjekksumAlgoritme": "SHA-256",
            "filstoerrelse": len(data),
        }
        if fmt != "md":
            entry["konvertertFraFormat"] = PRONOM["md"][0]
        if fmt == "pdf":
            entry["utvikling:pdfaNivaa"] = pdf_standard.upper().replace("A-", "PDF/A-")
        variants.append(entry)
    document: dict[str, Any] = {
        "utvikling:skjemaversjon": SCHEMA_VERSION,
        "tittel": title,
        "offentligTittel": public_title or title,
        "utvikling:dokumentdato": day.isoformat(),
        "utvikling:spraak": f"{lang}-NO",
        "utvikling:internt": internal,
        "skjerming": [
            {"skjermingMetadata": w.part, "skjermingshjemmel": w.basis} for w in withheld
        ],
        "dokumentobjekt": variants,
        "utvikling:kilder": [{"fil": path, "sjekksum": digest} for path, digest in sources],
        "utvikling:laget": f"utvikling {__version__}",
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _order(name: str) -> int:
    order = ["pdf", "docx", "html", "md"]
    fmt = name.rsplit(".", 1)[-1]
    return order.index(fmt) if fmt in order else len(order)


def _variant(fmt: str, internal: bool, withheld: Sequence[Withheld]) -> str:
    if not internal and withheld:
        return SCREENED
    return ARCHIVAL if fmt == "pdf" else PRODUCTION


def schema() -> dict[str, Any]:
    """The JSON Schema of the archive metadata (``data/archive.schema.json``)."""
    from importlib import resources

    text = resources.files("utvikling").joinpath("data", "archive.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
