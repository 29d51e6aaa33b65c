"""Record text is data, never markup: escaping values for the Markdown the templates produce.

Every value a template prints passes through :func:`escape` (the Jinja environment's
``finalize`` does it, so no template author has to remember it); only :class:`Safe` text, which
our own code or a template's literal text built, is printed as it stands. Escaped text, read by
pandoc, gives back exactly the characters it was made from and no structure: no heading, list,
table, link, image, metadata block, raw block, code, math, citation or note.

Line breaks a person wrote stay line breaks and nothing more. Inside a value they become
:data:`LINE_BREAK`, and :func:`finish` turns each into a Markdown hard line break once the
template has put the value in place (or a space, where the line is a table row or a heading, which
cannot hold one). Escaping must not change ordinary Norwegian prose: it touches only characters
that could start structure where they stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, SupportsIndex

LINE_BREAK = "\x1e"
"""Stands for a line break inside a value until :func:`finish` knows the line it ended up on.
A control character, so it can never come from a record (:func:`escape` removes those)."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_NEWLINES = re.compile("\r\n?|[\x85\u2028\u2029]")
"""Every way of ending a line; Python's ``splitlines`` knows all of them."""
_INLINE = re.compile(
    r"[\\`*\[\]<|$~^@{}]"  # always: escapes, code, emphasis, links, raw HTML, tables, math, …
    r"|(?<![^\W_])_|_(?![^\W_])"  # an underscore that is not inside a word (a_b stays)
    r"|&(?=#?\w+;)"  # the start of an entity such as &lt; or &#60;
)
_LINE_START = re.compile(
    r"[#>+\-=:%]"  # headings, quotes, lists, rules, setext lines, definitions, title blocks
    r"|(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)(?=[.)](?:\s|$))"  # ordered lists: 1. a) iv.
    r"|\((?=(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)\)(?:\s|$))"  # (1) (a)
)


class Safe(str):
    """Markdown that our code or a template's own text wrote: printed as it stands.

    Joining it with other text escapes the other text, so a value never gains markup by being
    added to something safe (as ``markupsafe.Markup`` does for HTML).
    """

    __slots__ = ()

    def __add__(self, other: str) -> Safe:
        return Safe(str.__add__(self, escape(other)))

    def __radd__(self, other: str) -> Safe:
        return Safe(str.__add__(escape(other), self))

    def __mod__(self, args: Any) -> Safe:
        if isinstance(args, tuple):
            escaped: Any = tuple(_escape_argument(a) for a in args)
        elif isinstance(args, dict):
            escaped = {k: _escape_argument(v) for k, v in args.items()}
        else:
            escaped = _escape_argument(args)
        return Safe(str.__mod__(self, escaped))

    def join(self, items: Iterable[str]) -> Safe:
        """Join ``items`` with this text between them, escaping each item."""
        return Safe(str.join(self, (escape(item) for item in items)))

    def replace(self, old: str, new: str, count: SupportsIndex = -1) -> Safe:
        """Replace ``old`` with ``new`` (escaped unless it is safe itself)."""
        return Safe(str.replace(self, old, escape(new), count))

    def upper(self) -> Safe:
        """Upper case (escapes are punctuation and keep their meaning)."""
        return Safe(str.upper(self))

    def lower(self) -> Safe:
        """Lower case (escapes are punctuation and keep their meaning)."""
        return Safe(str.lower(self))

    def capitalize(self) -> Safe:
        """Jinja's ``capitalize``: the first letter up, the rest down."""
        return Safe(str.capitalize(self))

    def strip(self, chars: str | None = None) -> Safe:
        """Strip whitespace (or ``chars``) at both ends."""
        return Safe(str.strip(self, chars))


def _escape_argument(value: Any) -> Any:
    """Escape a value formatted into safe text; numbers stay numbers for ``%d`` and the like."""
    return value if isinstance(value, int | float) else escape(value)


def _escape_line(line: str) -> str:
    line = _INLINE.sub(lambda m: "\\" + m.group(0), line)
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(0)[0].isalnum():  # 1. a) iv. → 1\. a\) iv\.
        end = match.end()
        return f"{line[:end]}\\{line[end:]}"
    return f"\\{line}"


def escape(value: Any) -> Safe:
    """Return ``value`` as Markdown that reads as exactly its text, with no structure.

    Safe text is returned unchanged. Indentation is dropped (it would make a code block or
    continue a list): whitespace at the start of the value becomes one space, at the start of
    a line inside it nothing. Line breaks inside the value become :data:`LINE_BREAK` (blank
    lines included, so a paragraph a person wrote stays visibly apart); a line break at the
    end stays a plain one, as it was, so the template's layout around the value is kept.
    """
    if isinstance(value, Safe):
        return value
    text = _CONTROL.sub("", _NEWLINES.sub("\n", str(value)).replace("\t", " "))
    lead = " " if text[:1].isspace() else ""
    text = text.lstrip()
    ending = "\n" if text.rstrip(" ").endswith("\n") else ""
    lines = (text.rstrip() if ending else text).split("\n")
    last = len(lines) - 1
    escaped = [
        _escape_line(line.strip() if i < last else line.lstrip()) for i, line in enumerate(lines)
    ]
    if lead and not escaped[0]:  # only whitespace before the first line break
        lead = "" if len(escaped) > 1 else lead
    return Safe(lead + LINE_BREAK.join(escaped) + ending)


def oneline(value: Any) -> Safe:
    """The value on one line: every run of whitespace and every line break becomes one space."""
    text = str.replace(escape(value), LINE_BREAK, " ")
    return Safe(" ".join(text.split()))


def cell(value: Any) -> Safe:
    """The value for a table cell: on one line (pipes are escaped like everywhere else)."""
    return oneline(value)


def finish(body: str) -> str:
    r"""Put the line breaks inside values into the Markdown the template built around them.

    A value's line break is a hard line break (``\\`` at the end of the line), except on a
    table row or a heading, which cannot hold one: there it is a space.
    """
    if LINE_BREAK not in body:
        return body
    lines = []
    for line in body.split("\n"):
        if LINE_BREAK in line:
            start = line.lstrip()
            single = start.startswith(("|", "#"))
            line = line.replace(LINE_BREAK, " " if single else "\\\n")
        lines.append(line)
    return "\n".join(lines)


_UNESCAPE = re.compile(r"\\([^\w\s])")


def plain(markdown: str) -> str:
    """The text of a line of our Markdown without its escapes, e.g. for a document's title."""
    return _UNESCAPE.sub(r"\1", markdown.replace(LINE_BREAK, " "))
