"""The safe YAML loader's guards, each at its boundary, with the exact problem and position."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.error import Mark

from project_api import yamlsafe

LIMIT = {"limit": 32}


def problem(text: str | bytes) -> tuple[str, int, int, dict]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(yamlsafe.LoadProblem) as caught:
        yamlsafe.parse(raw)
    found = caught.value
    return found.code, found.line, found.column, found.params


def data(text: str | bytes) -> dict:
    return yamlsafe.parse(text.encode("utf-8") if isinstance(text, str) else text).data


def test_the_limits_are_what_the_documentation_says() -> None:
    assert (yamlsafe.MAX_BYTES, yamlsafe.MAX_DEPTH) == (1_000_000, 32)


# Nesting depth. A record is a mapping at depth 1; each mapping or list inside adds one.


def _block(levels: int) -> str:
    """``levels`` nested block mappings: k1: / k2: / … with a value at the bottom."""
    return (
        "".join(f"{'  ' * i}k{i + 1}:\n" for i in range(levels - 1))
        + "  " * (levels - 1)
        + "x: 1\n"
    )


def test_thirty_two_levels_are_accepted() -> None:
    value = data(_block(32))
    for i in range(1, 32):
        value = value[f"k{i}"]
    assert value == {"x": 1}


def test_thirty_three_levels_are_refused_by_the_loader_not_by_libyaml() -> None:
    # Few enough levels that the cheap bound skips the event scan: the composer's tree is
    # checked while the data are built.
    assert problem(_block(33)) == ("Y011", 33, 65, LIMIT)
    assert problem(_block(40)) == ("Y011", 33, 65, LIMIT)


def test_a_scalar_at_the_deepest_level_is_still_checked_for_its_tag() -> None:
    text = _block(32).replace("x: 1", "x: !eget 1")
    assert problem(text) == ("Y004", 32, 66, {"tag": "!eget"})


def test_a_closed_list_gives_back_exactly_its_level() -> None:
    # 60 empty lists side by side, then 40 nested: the scan counts 33 levels at the 32nd
    # nested bracket (the outer list is the first), not fewer for the lists closed before.
    text = "[" + "[]," * 60 + "[" * 40 + "]" * 40 + "]\n"
    assert problem(text) == ("Y011", 1, 213, LIMIT)


def test_nested_lists_count_as_levels_too() -> None:
    assert problem("a: " + "[" * 32 + "]" * 32 + "\n") == ("Y011", 1, 35, LIMIT)
    value = data("a: " + "[" * 31 + "1" + "]" * 31 + "\n")["a"]
    for _ in range(30):
        value = value[0]
    assert value == [1]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[" * 150 + "]" * 150, (1, 33)),
        ("[" * 1000 + "]" * 1000, (1, 33)),
        ("- " * 40_000 + "x", (1, 65)),
        ("a: " + "{b: " * 60 + "1" + "}" * 60 + "\n", (1, 4 + 4 * 31)),
        ("a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 60)), (33, 33)),
    ],
    ids=["flow-lists", "many-flow-lists", "block-list", "flow-mappings", "indented"],
)
def test_deep_nesting_is_refused_by_the_event_scan_at_the_first_level_too_deep(
    text: str, where: tuple[int, int]
) -> None:
    assert problem(text) == ("Y011", *where, LIMIT)


def _stairs(levels: int) -> str:
    """A block list nested ``levels`` deep, one space further in on each line."""
    return "".join(" " * i + "-\n" for i in range(levels - 1)) + " " * (levels - 1) + "- x\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 100 + "]" * 100, ("Y012", 1, 1, {})),
        ("[" * 101 + "]" * 101, ("Y011", 1, 33, LIMIT)),
        ("[" * 50 + "{" * 50 + "}" * 50 + "]" * 50, ("Y012", 1, 1, {})),
        ("[" * 50 + "{" * 51 + "}" * 51 + "]" * 50, ("Y011", 1, 33, LIMIT)),
        (_stairs(45), ("Y012", 1, 1, {})),
        (_stairs(55), ("Y011", 33, 33, LIMIT)),
    ],
    ids=["flow-100", "flow-101", "mixed-100", "mixed-101", "block-45", "block-55"],
)
def test_the_cheap_bound_decides_whether_the_event_scan_runs(text: str, expected: tuple) -> None:
    # A top-level list too deep is refused as a list when the file is composed (below the cheap
    # bound), and as too deep when the event scan runs first (above it): the bound is where the
    # one turns into the other.
    assert problem(text) == expected


def test_the_event_scan_reports_a_syntax_error_it_meets() -> None:
    code, line, column, params = problem('a: "*"\nb: [\n')
    assert (code, line, column, params["kind"]) == ("Y001", 3, 1, "other")
    assert params["problem"] == "did not find expected node content while parsing a flow node"


# Anchors and aliases, found by the event scan.


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: &x 1\n", (1, 4)),
        ("a: 1\nb: *x\n", (2, 4)),
        ("a: &x\n  b: 1\n", (1, 4)),
        ("a: [1, &x 2]\n", (1, 8)),
        ("a:\n  - &x {b: 1}\n  - *x\n", (2, 5)),
    ],
    ids=["anchor-without-alias", "alias-without-anchor", "anchored-map", "in-a-list", "both"],
)
def test_anchors_and_aliases_are_refused_where_they_stand(
    text: str, where: tuple[int, int]
) -> None:
    assert problem(text) == ("Y005", *where, {})


def test_an_ampersand_or_star_in_text_is_only_text() -> None:
    assert data('a: "Q&A *viktig*"\nb: 3 * 4 & 5\n') == {"a": "Q&A *viktig*", "b": "3 * 4 & 5"}


# The file itself.


def test_exactly_the_size_limit_is_accepted_and_one_byte_more_is_not() -> None:
    head = b"a: "
    fits = head + b"x" * (yamlsafe.MAX_BYTES - len(head))
    assert len(fits) == yamlsafe.MAX_BYTES
    assert len(yamlsafe.parse(fits).data["a"]) == yamlsafe.MAX_BYTES - 3
    assert problem(fits + b"x") == ("Y010", 1, 1, {"size": 1_000_001, "limit": 1_000_000})


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_utf16_is_named(bom: bytes) -> None:
    assert problem(bom + "a: 1\n".encode("utf-16-le")) == ("Y008", 1, 1, {"detail": " (UTF-16)"})


def test_a_nul_byte_means_not_text() -> None:
    assert problem(b"a: 1\nb: \x00\n") == ("Y009", 1, 1, {})


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    assert data(b"\xef\xbb\xbfa: \xc3\xa6\n") == {"a": "æ"}


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        (b"\xe6: 1\n", (1, 1)),
        (b"a: 1\nb: \xe6\n", (2, 4)),
        (b"a: 1\nb: \xc3\xa6\xc3\xb8 \xe5\n", (2, 7)),
        (b"\xef\xbb\xbfa: \xe6\n", (1, 4)),
    ],
)
def test_latin1_is_refused_at_the_first_bad_byte(raw: bytes, where: tuple[int, int]) -> None:
    assert problem(raw) == ("Y008", *where, {"detail": ""})


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "# bare en kommentar\n", "\n# tom\n\n", "\u00a0\n", "\x0c\n", " \u2003 \n"],
)
def test_nothing_but_space_and_comments_is_an_empty_file(text: str) -> None:
    assert problem(text) == ("Y007", 1, 1, {})


@pytest.mark.parametrize(
    ("text", "where"),
    [("- a\n- b\n", (1, 1)), ("\n\n  just text\n", (3, 3)), ("!!set {a: null}\n", (1, 1))],
)
def test_the_top_level_must_be_a_mapping(text: str, where: tuple[int, int]) -> None:
    assert problem(text) == ("Y012", *where, {})


# Scalars: YAML 1.2 core, but leading zeros and dates stay text.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
        ("tRUE", "tRUE"),
        ("yes", "yes"),
        ("no", "no"),
        ("NO", "NO"),
        ("on", "on"),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("", None),
        ("nil", "nil"),
        ("0", 0),
        ("-7", -7),
        ("+12", 12),
        ("1250000", 1250000),
        ("0301", "0301"),
        ("010", "010"),
        ("1.5", 1.5),
        ("-.5", -0.5),
        ("2.", 2.0),
        ("1.5e3", 1500.0),
        ("1e3", "1e3"),
        ("2026-09-15", "2026-09-15"),
        ("'12'", "12"),
        ('"true"', "true"),
        ("!!str 5", "5"),
        ("!!int 12", 12),
        ("!!float 2.5", 2.5),
        ("!!bool false", False),
        ("!!null", None),
        (".inf", ".inf"),
    ],
)
def test_scalars(text: str, value: object) -> None:
    assert data(f"a: {text}\n") == {"a": value}
    assert type(data(f"a: {text}\n")["a"]) is type(value)


@pytest.mark.parametrize(
    ("text", "where", "tag"),
    [
        ("a: !!python/object/apply:os.system [ls]\n", (1, 4), "!!python/object/apply:os.syst…"),
        ("a: !!int abc\n", (1, 4), "!!int"),
        ("a: !!float x\n", (1, 4), "!!float"),
        ("a: !!bool ja\n", (1, 4), "!!bool"),
        ("a: !!int true\n", (1, 4), "!!int"),
        ("a: !!float 12\n", (1, 4), "!!float"),
        ("a: !!null x\n", (1, 4), "!!null"),
        ("a: !!timestamp 2026-09-15\n", (1, 4), "!!timestamp"),
        ("a: !eget x\n", (1, 4), "!eget"),
        ("a: !!set {b: null}\n", (1, 4), "!!set"),
        ("a: !!omap [b: 1]\n", (1, 4), "!!omap"),
        ("!!binary b: 1\n", (1, 1), "!!binary"),
    ],
)
def test_tags_are_refused_with_the_tag_named(text: str, where: tuple[int, int], tag: str) -> None:
    assert problem(text) == ("Y004", *where, {"tag": tag})


def test_the_standard_collection_tags_may_be_written_out() -> None:
    assert data("a: !!map {b: !!seq [1, !!str 2]}\n") == {"a": {"b": [1, "2"]}}
    assert data("!!map\nc: 1\n") == {"c": 1}


def test_merge_keys_are_refused() -> None:
    assert problem("a:\n  <<: {b: 1}\n") == ("Y006", 2, 3, {})
    assert problem("a: !!merge <<\n") == ("Y006", 1, 4, {})
    assert problem("!!merge x: 1\n") == ("Y006", 1, 1, {})
    assert problem("a: [<<]\n") == ("Y006", 1, 5, {})
    assert data("a: '<<'\n") == {"a": "<<"}


def test_a_key_must_be_a_plain_scalar() -> None:
    assert problem("? [a, b]\n: 1\n") == ("Y013", 1, 3, {})
    assert problem("{a: 1}: 2\n") == ("Y013", 1, 1, {})


def test_keys_that_look_like_numbers_or_booleans_are_kept_as_written() -> None:
    assert data("1: a\ntrue: b\n~: c\n1.5: d\n") == {"1": "a", "true": "b", "~": "c", "1.5": "d"}


def test_a_duplicate_key_names_the_first_line() -> None:
    text = "a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n"
    assert problem(text) == ("Y003", 5, 3, {"key": "c", "first": 3})


# Syntax errors: libyaml's complaint, positioned, with the likely cause.


@pytest.mark.parametrize(
    ("text", "expected", "explained"),
    [
        ("a: b: c\n", ("Y001", 1, 5, "colon"), "mapping values are not allowed in this context"),
        (
            "a:\n  b: 1\n c: 2\n",
            ("Y001", 3, 2, "indent"),
            "did not find expected key while parsing a block mapping",
        ),
        (
            'a: "open\n',
            ("Y001", 1, 4, "quote"),
            "found unexpected end of stream while scanning a quoted scalar",
        ),
        (
            "a: '\n---\n",
            ("Y001", 1, 4, "quote"),
            "found unexpected document indicator while scanning a quoted scalar",
        ),
        (
            "a: @x\n",
            ("Y001", 1, 4, "start_char"),
            "found character that cannot start any token while scanning for the next token",
        ),
        (
            "a: [1, 2\nb: 3\n",
            ("Y001", 2, 2, "flow"),
            "did not find expected ',' or ']' while parsing a flow sequence",
        ),
        (
            "a: 1\n---\nb: 2\n",
            ("Y001", 2, 1, "document"),
            "but found another document expected a single document in the stream",
        ),
        ("a: 1\x07\n", ("Y001", 1, 5, "control"), "control characters are not allowed"),
        (
            "a:\n  - x\n  b: y\n",
            ("Y001", 3, 3, "indent"),
            "did not find expected '-' indicator while parsing a block collection",
        ),
        (
            "a: 1\nb\n",
            ("Y001", 3, 1, "missing_colon"),
            "could not find expected ':' while scanning a simple key",
        ),
        (
            "x: {a: 1\n",
            ("Y001", 2, 1, "flow"),
            "did not find expected ',' or '}' while parsing a flow mapping",
        ),
        ("a: 1\nbb: \x07\n", ("Y001", 2, 5, "control"), "control characters are not allowed"),
    ],
)
def test_syntax_errors_are_positioned_and_explained(
    text: str, expected: tuple, explained: str
) -> None:
    code, line, column, params = problem(text)
    assert (code, line, column, params["kind"]) == expected
    assert params["problem"] == explained


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (yaml.YAMLError("uten sted"), ("Y001", 1, 1, {"kind": "other", "problem": ""})),
        (
            yaml.MarkedYAMLError(context="while x", context_mark=Mark("f", 0, 2, 4, None, None)),
            ("Y001", 3, 5, {"kind": "other", "problem": "while x"}),
        ),
        (
            yaml.MarkedYAMLError(problem="p", problem_mark=Mark("f", 0, 1, 0, None, None)),
            ("Y001", 2, 1, {"kind": "other", "problem": "p"}),
        ),
    ],
    ids=["no-mark-no-text", "only-the-context", "only-the-problem"],
)
def test_a_syntax_error_with_parts_missing_is_still_placed(
    error: yaml.YAMLError, expected: tuple
) -> None:
    # libyaml's errors carry a problem, a context and their marks; one without some of them
    # falls back to where the other part stood, or to the first line.
    found = yamlsafe._syntax_problem("a: 1\n", error)
    assert (found.code, found.line, found.column, found.params) == expected


def test_a_tab_before_the_error_is_named_as_its_cause() -> None:
    assert problem("a:\n\tb: 1\n") == ("Y002", 2, 1, {})
    assert problem("a:\n  \tb: 1\n") == ("Y002", 2, 3, {})


def test_a_tab_is_placed_on_its_own_line_below_a_blank_first_line() -> None:
    assert problem("\na:\n\tb: 1\n") == ("Y002", 3, 1, {})


def test_a_tab_after_the_error_is_not_blamed() -> None:
    code, line, _, params = problem("a: b: c\nd:\n\te: 1\n")
    assert (code, line, params["kind"]) == ("Y001", 1, "colon")


# Positions of values and keys, for findings.

POSITIONS = """\
name: Fjordvik
members:
  - name: Kari
    role: mayor
  - name: Arne
body:
  kind: utvalg
empty:
"""


@pytest.mark.parametrize(
    ("path", "key", "where"),
    [
        ((), False, (1, 1)),
        (("name",), False, (1, 7)),
        (("name",), True, (1, 1)),
        (("members",), False, (2, 1)),
        (("members", 1), False, (5, 5)),
        (("members", 1, "name"), False, (5, 11)),
        (("members", 1, "name"), True, (5, 5)),
        (("members", 0, "role"), False, (4, 11)),
        (("members", 7), False, (2, 1)),
        (("members", 0, "party"), False, (3, 5)),
        (("body",), False, (6, 1)),
        (("body", "kind"), False, (7, 9)),
        (("body", "kind", "more"), False, (7, 3)),
        (("nothing",), False, (1, 1)),
        (("name", 0), False, (1, 1)),
        (("empty",), False, (8, 7)),
    ],
)
def test_positions(path: tuple, key: bool, where: tuple[int, int]) -> None:
    assert yamlsafe.parse(POSITIONS.encode()).position(path, key=key) == where


def _reference_position(text: str, path: tuple, key: bool) -> tuple[int, int]:
    """Where a value stands, found in the composed node tree (how the loader used to do it)."""
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    mark, key_mark = node.start_mark, None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = next((kv for kv in node.value if kv[0].value == str(part)), None)
            if found is None:
                break
            key_mark, node = found[0].start_mark, found[1]
            mark = node.start_mark
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            mark = key_mark = node.start_mark
        else:
            break
    else:
        if key_mark is not None and (key or not isinstance(node, yaml.ScalarNode)):
            mark = key_mark
        return mark.line + 1, mark.column + 1
    chosen = key_mark if key_mark is not None else mark
    return chosen.line + 1, chosen.column + 1


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    """Every path into ``value``, and one step past each (a field that is not there)."""
    found = [prefix, (*prefix, "ikke_her"), (*prefix, 99)]
    if isinstance(value, dict):
        for name, item in value.items():
            found += _paths(item, (*prefix, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.text(max_size=12), st.just("")
)
_TREES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(min_size=1, max_size=6), children, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(
    tree=st.dictionaries(st.text(min_size=1, max_size=6), _TREES, min_size=1, max_size=5),
    flow=st.sampled_from([False, True, None]),
)
def test_positions_are_where_the_node_tree_puts_them(tree: dict, flow: bool | None) -> None:
    text = yaml.safe_dump(tree, default_flow_style=flow, allow_unicode=True, width=40)
    document = yamlsafe.parse(text.encode("utf-8"))
    for path in _paths(document.data):
        for key in (False, True):
            assert document.position(path, key=key) == _reference_position(text, path, key)


def _count_marks(value: object) -> int:
    if isinstance(value, dict):
        return 1 + sum(1 + _count_marks(item) for item in value.values())
    if isinstance(value, list):
        return 1 + sum(_count_marks(item) for item in value)
    return 1


def _containers(value: object, start: int = 0) -> list[tuple[object, int]]:
    """Every mapping and list in ``value``, with the index of its own mark."""
    if not isinstance(value, (dict, list)):
        return []
    found: list[tuple[object, int]] = [(value, start)]
    index = start + 1
    for item in value.values() if isinstance(value, dict) else value:
        index += isinstance(value, dict)  # the key's mark
        found += _containers(item, index)
        index += _count_marks(item)
    return found


def test_the_end_of_every_mapping_and_list_is_kept_so_lookups_need_not_count() -> None:
    document = yamlsafe.parse(POSITIONS.encode())
    containers = _containers(document.data)
    assert len(document.marks) == _count_marks(document.data)
    assert document.ends == {id(c): start + _count_marks(c) for c, start in containers}
    # held by the document, so no other object can take their ids while it lives
    assert sorted(map(id, document.containers)) == sorted(id(c) for c, _ in containers)


def test_positions_still_hold_when_the_data_was_copied_since() -> None:
    document = yamlsafe.parse(POSITIONS.encode())
    before = [document.position(p) for p in _paths(document.data)]
    document.data = copy.deepcopy(document.data)  # none of its mappings is the parser's now
    assert [document.position(p) for p in _paths(document.data)] == before


@pytest.mark.parametrize(
    ("value", "limit", "shown"),
    [
        ("kort", 30, "kort"),
        ("a" * 30, 30, "a" * 30),
        ("a" * 31, 30, "a" * 29 + "…"),
        ("en\n  to\ttre", 30, "en to tre"),
        ("abcdef", 5, "abcd…"),
    ],
)
def test_excerpt(value: str, limit: int, shown: str) -> None:
    assert yamlsafe.excerpt(value, limit) == shown


def test_a_problem_reads_as_its_code_and_place() -> None:
    assert str(yamlsafe.LoadProblem("Y005", 2, 4)) == "Y005 at 2:4 {}"
    assert (yamlsafe.LoadProblem("Y007").line, yamlsafe.LoadProblem("Y007").column) == (1, 1)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        (1250000, "1250000"),
        (dt.date(2026, 9, 15), "2026-09-15"),
        ("Bjørn «Bare» Ås", '"Bjørn «Bare» Ås"'),
        ('si "ja": nei', '"si \\"ja\\": nei"'),
        ("0301", '"0301"'),
    ],
)
def test_scalar_writes_what_the_loader_reads_back(value: object, written: str) -> None:
    assert yamlsafe.scalar(value) == written
    expected = value.isoformat() if isinstance(value, dt.date) else value
    assert data(f"a: {written}\n") == {"a": expected}
