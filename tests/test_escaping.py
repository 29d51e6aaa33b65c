"""Record text is data, never markup: escaping where values enter templates (the first wall)."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from utvikling.render.documents import render_document
from utvikling.render.markup import LINE_BREAK, Safe, escape, finish, oneline, plain

pypandoc = pytest.importorskip("pypandoc")

PERMISSIVE = "markdown-smart"
"""pandoc's Markdown with everything on (raw HTML and TeX, metadata blocks, citations, math,
attributes, …) except smart punctuation: escaping alone must hold against it."""

TEXT_INLINES = {"Str", "Space", "SoftBreak", "LineBreak"}


def _ast(markdown: str) -> list:
    done = subprocess.run(
        [pypandoc.get_pandoc_path(), f"--from={PERMISSIVE}", "--to=json"],
        input=markdown.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    return json.loads(done.stdout)["blocks"]


def _text(inlines: list) -> str:
    parts = []
    for inline in inlines:
        kind = inline["t"]
        assert kind in TEXT_INLINES, f"structure from text: {kind}"
        parts.append(inline["c"] if kind == "Str" else "\n" if kind == "LineBreak" else " ")
    return "".join(parts)


def _expected(text: str) -> str:
    """What a reader sees: line breaks kept, runs of spaces one space, no control characters."""
    text = re.sub("\r\n?|[\x85\u2028\u2029]", "\n", text).replace("\t", " ")
    text = re.sub("[\x00-\x08\x0b-\x1f\x7f]", "", text).strip()
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


SEPARATOR = "SKILLELINJE"
SPECIALS = list("#>+-=:%|*_`~^$@{}[]()!<&\\.\"'0123456789") + ["\n", "\n\n", "    ", "\t", "\r"]
WORDS = ["a", "iv", "A", "Kari", "ø", "http://x.y", "javascript:", "&lt;", "&#60;", "---", "```"]
HOSTILE_TEXT = st.lists(
    st.sampled_from(SPECIALS + WORDS + [" ", "\u2028", "\x00", "\x1e", "«", "»", "–"]),
    max_size=30,
).map("".join)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HOSTILE_TEXT, min_size=1, max_size=40))
def test_escaped_text_reads_back_as_exactly_its_text_and_nothing_else(texts: list[str]):
    """Each value alone at the start of a paragraph, the hardest place: no structure at all."""
    markdown = f"\n\n{SEPARATOR}\n\n".join(finish(escape(t)) for t in texts)
    blocks = _ast(markdown)
    found: list[list[str]] = [[]]
    for block in blocks:
        assert block["t"] == "Para", f"structure from text: {block['t']}"
        text = _text(block["c"])
        if text == SEPARATOR:
            found.append([])
        else:
            found[-1].append(text)
    assert ["\n".join(f) for f in found] == [_expected(t) for t in texts]


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("Kommunedirektøren skal legge fram en sak om økonomiplanen.", None),
        ("fixed_term.end_date og 3,5 % økning (kr 40 000) – «ny»", None),
        ("## Unntatt offentlighet", "\\## Unntatt offentlighet"),
        ("1. mars", "1\\. mars"),
        ("iv) punkt", "iv\\) punkt"),
        ("(a) punkt", "\\(a) punkt"),
        ("![x](/etc/passwd)", "!\\[x\\](/etc/passwd)"),
        ("<script>", "\\<script>"),
        ("a\nGodkjent av", f"a{LINE_BREAK}Godkjent av"),
        ("a\n- b\n", f"a{LINE_BREAK}\\- b\n"),
        ("    kode", " kode"),
        ("\n\n  # x\n   y", " \\# x" + LINE_BREAK + "y"),
        (" ", " "),
        ("_vekt_ og a_b", "\\_vekt\\_ og a_b"),
        ("&lt; & &amp", "\\&lt; & &amp"),
    ],
)
def test_escaping_touches_only_what_could_start_structure(text: str, markdown: str | None):
    assert escape(text) == (text if markdown is None else markdown)


def test_safe_text_stays_and_joins_escape_the_other_side():
    bold = Safe("**fet**")
    assert escape(bold) is bold
    assert bold + "*x*" == "**fet**\\*x\\*" and isinstance(bold + "x", Safe)
    assert "*x*" + bold == "\\*x\\***fet**" and isinstance("x" + bold, Safe)
    assert Safe("%s (%d)") % ("#a", 3) == "\\#a (3)"
    assert Safe(", ").join(["*a*", Safe("*b*")]) == "\\*a\\*, *b*"
    assert oneline("a\n\n# b  c") == "a \\# b c"
    assert plain("Referat \\#1 for \\*alle\\*") == "Referat #1 for *alle*"


def test_a_line_break_is_a_space_on_a_table_row_or_heading_and_a_break_elsewhere():
    value = escape("en\nto")
    body = f"# Tittel {value}\n\n| {value} |\n|---|\n\nTekst: {value}\n"
    assert finish(body) == "# Tittel en to\n\n| en to |\n|---|\n\nTekst: en\\\nto\n"


PROBE = """\
# {{ title }}

{{ plain_value }}
{{ show("nested.text", "teksten") }}
{{ show("nested.missing", "det som mangler") }}
{{ show("day", "dagen", "date") }} {{ day | date_long }} {{ "2026-09-15" | date_long }}
{{ show("amount", "beløpet", "kroner") }} {{ amount | kroner }} {{ "ikke et tall" | kroner }}
- {{ plain_value | oneline }}
| {{ plain_value | cell }} | {{ plain_value | upfirst }} |
{{ "**malens egen tekst**" }} {{ " *(merket)*" if flag else "" }} {{ missing or "**[LUKE]**" }}
{{ "(" ~ plain_value ~ ")" }} {{ plain_value ~ other }} {{ items | join(", ") }}
{{ "%s!" % plain_value }} {{ "{}?".format(plain_value) }} {{ plain_value | replace("x", "*") }}
{{ value("nested.text") }} {{ value("nested.__class__") }} {{ value("nested.model_dump") }}
"""


def test_every_way_a_template_prints_a_value_escapes_it(tmp_path: Path):
    from pydantic import BaseModel

    class Nested(BaseModel):
        text: str | None = None
        missing: str | None = None

    folder = tmp_path / "maler"
    (folder / "documents").mkdir(parents=True)
    (folder / "documents" / "probe.md.j2").write_text(PROBE, encoding="utf-8")
    hostile = "# Tvunget\n[lenke](javascript:x)"
    context = {
        "title": "Avtale *1*",
        "plain_value": hostile,
        "other": "`kode`",
        "nested": Nested(text="<b>fet</b> $x$"),
        "day": dt.date(2026, 9, 15),
        "amount": 1250000,
        "flag": True,
        "missing": None,
        "items": ["@sitat", Safe("*trygg*")],
    }
    rendered = render_document(
        "documents/probe.md.j2",
        context,
        lang="nb",
        root=context,
        sources=[],
        day=dt.date(2026, 11, 23),
        search_path=[folder],
    )
    body = rendered.text.partition("\n")[2]
    forged = "\\# Tvunget\\\n\\[lenke\\](javascript:x)"
    assert body == (
        "# Avtale \\*1\\*\n\n"
        f"{forged}\n"
        "\\<b>fet\\</b> \\$x\\$\n"
        "**[MANGLER: det som mangler]**\n"
        "15. september 2026 15. september 2026 15. september 2026\n"
        "kr 1\xa0250\xa0000 kr 1\xa0250\xa0000 ikke et tall\n"
        "- \\# Tvunget \\[lenke\\](javascript:x)\n"
        "| \\# Tvunget \\[lenke\\](javascript:x) | \\# Tvunget \\[lenke\\](javascript:x) |\n"
        "**malens egen tekst**  *(merket)* **[LUKE]**\n"
        f"({forged}) {forged}\\`kode\\` \\@sitat, *trygg*\n"
        f"{forged}! {forged}? {forged.replace('x', chr(92) + '*')}\n"
        "\\<b>fet\\</b> \\$x\\$ None None\n"
    )
    assert rendered.gaps == ["det som mangler"]
