"""Safe, positioned YAML loading: the only place that imports a YAML library.

Records are written by people, so the loader is strict where YAML is lenient:

* YAML 1.2 core scalars only: ``yes``/``no``/``NO``/``on`` stay text, ``010`` stays text
  (a leading zero is never dropped), dates stay text for the models to check;
* duplicate keys, object tags (``!!python/object``), anchors, aliases and merge keys are refused;
* the file must be UTF-8 (a byte-order mark and CRLF line ends are accepted), not binary, not
  empty, not over :data:`MAX_BYTES`, and not nested deeper than :data:`MAX_DEPTH`;
* every problem carries the line and column it was found at.

Parsing uses libyaml (PyYAML's C parser) when it is there: it is an order of magnitude faster
than the pure-Python parser, and a ``check`` over many municipalities is bound by parsing.
libyaml's composer recurses in C and crashes the whole process on very deep input, so depth is
bounded before composing (cheaply, by counting; exactly, by an iterative event scan when the
cheap bound is too high).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

MAX_BYTES = 1_000_000
"""Largest record file accepted. Real records are a few kilobytes."""

MAX_DEPTH = 32
"""Deepest nesting accepted. The deepest record structure is about eight levels."""

_CHEAP_DEPTH_BOUND = 200
"""Above this cheap upper bound the exact (slower) depth scan runs before composing.

Depth is at most the number of ``[``/``{`` plus twice the longest run of indentation and
``-``/``?`` indicators that starts a line (each block level is indented further).
"""

_DEEP_BLOCK = re.compile(rf"^[ \t?-]{{{_CHEAP_DEPTH_BOUND // 4},}}", re.MULTILINE)

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
_MAP, _SEQ, _MERGE = _TAG + "map", _TAG + "seq", _TAG + "merge"
_KEY_TAGS = frozenset((_STR, _INT, _FLOAT, _BOOL, _NULL))


_PLAIN: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
"""Patterns for plain scalars by first character: the YAML 1.2 core schema, but an integer
with a leading zero (``0301``, a municipality number) stays text, there are no timestamps (the
models parse dates, so an impossible date gets a clear message), and ``<<`` is marked so that
merge keys can be refused."""

for _tag, _pattern, _first in (
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_INT, r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (_FLOAT, r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    (_MERGE, r"^(?:<<)$", "<"),
):
    for _char in _first:
        _PLAIN.setdefault(_char, []).append((_tag, re.compile(_pattern)))


class Yaml12Resolver(BaseResolver):
    """Resolve tags by :data:`_PLAIN`.

    ``resolve`` is called for every node, so it is written for speed: records have no path
    resolvers, and most plain scalars are text whose first character rules out every pattern.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """Return the tag for a node (the C composer calls this for each one)."""
        if kind is ScalarNode:
            if not implicit[0]:
                return _STR
            for tag, pattern in _PLAIN.get(value[:1], ()):
                if pattern.match(value):
                    return tag
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """Records use no path resolvers: nothing to track."""

    def ascend_resolver(self) -> None:
        """Records use no path resolvers: nothing to track."""


if getattr(yaml, "__with_libyaml__", False):  # pragma: no branch - wheels ship libyaml
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]

    class _Loader(_Parser, Yaml12Resolver):
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            Yaml12Resolver.__init__(self)

else:  # pragma: no cover - only without libyaml

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        Yaml12Resolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            Yaml12Resolver.__init__(self)


@dataclass
class LoadProblem(Exception):
    """A record file that cannot be read as data.

    ``code`` names the message in the message catalogue; ``params`` fill its blanks. Params
    never hold a whole input value: at most a short excerpt.
    """

    code: str
    line: int = 1
    column: int = 1
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code} at {self.line}:{self.column} {self.params}"


@dataclass
class Document:
    """A parsed record: plain data plus where each of its values and keys stood.

    ``marks`` holds the start of every node in the order :func:`_construct` met them: a
    value's own mark first, then, in a mapping, each key's mark followed by its value's marks.
    ``ends`` gives, by ``id``, where the marks of each mapping and list in ``data`` end, so a
    lookup steps over a sibling without counting its marks; ``containers`` holds those
    mappings and lists, so no other object can take one of their ids while the document
    lives (data replaced since is counted instead). The node tree itself is dropped as soon as
    the data is built: keeping a tree of Python objects for every record only to place a few
    findings cost more than validating them all.
    """

    data: dict[str, Any]
    marks: list[Any]
    ends: dict[int, int]
    containers: list[Any]

    def position(self, path: tuple[str | int, ...], *, key: bool = False) -> tuple[int, int]:
        """Return the 1-based (line, column) of the value at ``path``.

        With ``key=True`` the position of the mapping key is given instead of its value. A path
        that does not exist (a missing field) gives the position of the deepest part that does.
        """
        value: Any = self.data
        index = 0  # of the current value's mark
        key_index: int | None = None
        for part in path:
            if isinstance(value, dict):
                wanted = str(part)
                if wanted not in value:
                    break
                index += 1  # past the mapping's own mark
                for name, item in value.items():
                    if name == wanted:
                        key_index, index, value = index, index + 1, item
                        break
                    index = self._end(item, index + 1)
            elif isinstance(value, list) and isinstance(part, int):
                if not 0 <= part < len(value):
                    break
                index += 1
                for item in value[:part]:
                    index = self._end(item, index)
                value = value[part]
                key_index = index
            else:
                break
        else:
            if key_index is not None and (key or isinstance(value, (dict, list))):
                index = key_index
            return _line_column(self.marks[index])
        return _line_column(self.marks[key_index if key_index is not None else index])

    def _end(self, value: Any, index: int) -> int:
        """Where the marks of ``value``, whose own mark is at ``index``, end."""
        if isinstance(value, (dict, list)):
            end = self.ends.get(id(value))
            if end is not None:
                return end
            # not a container the parser made (the data was changed since): count its marks
            items = value.values() if isinstance(value, dict) else value
            index += 1
            for item in items:
                index = self._end(item, index + 1 if isinstance(value, dict) else index)
            return index
        return index + 1


def _line_column(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def excerpt(value: str, limit: int = 30) -> str:
    """Shorten ``value`` for a message: error text never echoes a whole input value."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def decode(raw: bytes) -> str:
    """Decode a record file's bytes, or raise :class:`LoadProblem` saying why not."""
    if len(raw) > MAX_BYTES:
        raise LoadProblem("Y010", params={"size": len(raw), "limit": MAX_BYTES})
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadProblem("Y008", params={"detail": " (UTF-16)"})
    if b"\x00" in raw:
        raise LoadProblem("Y009")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise LoadProblem("Y008", line, column, {"detail": ""}) from None


def parse(raw: bytes) -> Document:
    """Parse one record file's bytes into a :class:`Document`.

    Raises:
        LoadProblem: the file is not acceptable; the first problem found, with its position.
    """
    text = decode(raw)
    if not text.strip():
        raise LoadProblem("Y007")
    _refuse_anchors_and_deep_nesting(text)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise _syntax_problem(text, exc) from None
    finally:
        loader.dispose()
    if root is None:
        raise LoadProblem("Y007")
    if not isinstance(root, MappingNode) or root.tag != _MAP:
        mark = root.start_mark
        raise LoadProblem("Y012", mark.line + 1, mark.column + 1)
    document = Document(data={}, marks=[], ends={}, containers=[])
    data = _construct(root, 1, document)
    assert isinstance(data, dict)
    document.data = data
    return document


def _refuse_anchors_and_deep_nesting(text: str) -> None:
    """Scan events before composing when the text could hold anchors or deep nesting.

    The event scan is iterative in libyaml, so it is safe at any depth; composing is not.
    Most records contain neither ``&`` nor ``*`` and have a low cheap bound, and skip the scan.
    """
    may_alias = "&" in text or "*" in text
    flow = text.count("[") + text.count("{")
    if not may_alias and flow <= _CHEAP_DEPTH_BOUND // 2 and not _DEEP_BLOCK.search(text):
        return
    depth = 0
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            assert event is not None and event.start_mark is not None
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                raise LoadProblem("Y005", mark.line + 1, mark.column + 1)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise LoadProblem("Y011", mark.line + 1, mark.column + 1, {"limit": MAX_DEPTH})
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        raise _syntax_problem(text, exc) from None
    finally:
        loader.dispose()


_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)

_SYNTAX_HINTS = (
    ("mapping values are not allowed", "colon"),
    ("could not find expected ':'", "missing_colon"),
    ("did not find expected key", "indent"),
    ("expected <block end>", "indent"),
    ("did not find expected '-' indicator", "indent"),
    ("found character that cannot start any token", "start_char"),
    ("while scanning a quoted scalar", "quote"),
    ("found unexpected end of stream", "quote"),
    ("control characters are not allowed", "control"),
    ("special characters are not allowed", "control"),
    ("did not find expected ',' or ']'", "flow"),
    ("did not find expected ',' or '}'", "flow"),
    ("but found another document", "document"),
)


def _syntax_problem(text: str, exc: yaml.YAMLError) -> LoadProblem:
    """Turn libyaml's complaint into a positioned problem, naming a tab when that is the cause."""
    if isinstance(exc, yaml.reader.ReaderError):
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        return LoadProblem("Y001", line, column, {"kind": "control", "problem": exc.reason})
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    opened = getattr(exc, "context_mark", None)
    if opened is not None and "quoted scalar" in (getattr(exc, "context", "") or ""):
        mark = opened  # an unclosed quote: where it opens, not the end of the file
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    for match in _TAB_INDENT.finditer(text):
        tab_line = text.count("\n", 0, match.start()) + 1
        if tab_line <= line:  # the tab came first: it is the likely cause
            return LoadProblem("Y002", tab_line, match.end() - match.start())
        break
    problem = f"{getattr(exc, 'problem', '') or ''} {getattr(exc, 'context', '') or ''}".strip()
    kind = next((k for needle, k in _SYNTAX_HINTS if needle in problem), "other")
    return LoadProblem("Y001", line, column, {"kind": kind, "problem": problem})


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _plain_is(tag: str, value: str) -> bool:
    """Tell whether ``value`` written plain would have ``tag`` (an explicit tag must fit)."""
    return any(t == tag and p.match(value) for t, p in _PLAIN.get(value[:1], ()))


def _construct(node: Node, depth: int, document: Document) -> Any:
    """Build plain data from the node tree, refusing what records must not contain.

    The document's ``marks``, ``ends`` and ``containers`` are filled as it reads them.
    """
    marks = document.marks
    marks.append(node.start_mark)
    kind = type(node)
    if kind is ScalarNode:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag in _KEY_TAGS and not _plain_is(tag, node.value):  # e.g. «!!int abc»
            raise LoadProblem("Y004", *_mark(node), {"tag": excerpt(tag.replace(_TAG, "!!"))})
        if tag == _INT:
            return int(node.value)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return node.value.lower() == "true"
        if tag == _FLOAT:
            return float(node.value)
        if tag == _MERGE:
            raise LoadProblem("Y006", *_mark(node))
        raise LoadProblem("Y004", *_mark(node), {"tag": excerpt(tag.replace(_TAG, "!!"))})
    if depth > MAX_DEPTH:
        raise LoadProblem("Y011", *_mark(node), {"limit": MAX_DEPTH})
    if kind is SequenceNode:
        if node.tag != _SEQ:
            raise LoadProblem("Y004", *_mark(node), {"tag": excerpt(node.tag.replace(_TAG, "!!"))})
        depth += 1
        items = [_construct(item, depth, document) for item in node.value]
        document.ends[id(items)] = len(marks)
        document.containers.append(items)
        return items
    if node.tag != _MAP:
        raise LoadProblem("Y004", *_mark(node), {"tag": excerpt(node.tag.replace(_TAG, "!!"))})
    result: dict[str, Any] = {}
    depth += 1
    for key_node, value_node in node.value:
        if type(key_node) is not ScalarNode:
            raise LoadProblem("Y013", *_mark(key_node))
        key = key_node.value
        if key_node.tag not in _KEY_TAGS:
            if key_node.tag == _MERGE:
                raise LoadProblem("Y006", *_mark(key_node))
            tag = excerpt(key_node.tag.replace(_TAG, "!!"))
            raise LoadProblem("Y004", *_mark(key_node), {"tag": tag})
        if key in result:
            first = next(k for k, _ in node.value if k.value == key)
            raise LoadProblem(
                "Y003", *_mark(key_node), {"key": excerpt(key), "first": _mark(first)[0]}
            )
        marks.append(key_node.start_mark)
        result[key] = _construct(value_node, depth, document)
    document.ends[id(result)] = len(marks)
    document.containers.append(result)
    return result


def scalar(value: Any) -> str:
    """Write one value as a YAML 1.2 scalar our loader reads back unchanged."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)
