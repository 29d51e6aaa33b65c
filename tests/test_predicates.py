"""The checklist predicates' own helpers, at their edges (the rules themselves: test_rules.py)."""

from __future__ import annotations

import pytest

from utvikling.checklist.predicates import unit_of

WORDS = [
    ("%", "prosent"),
    ("prosent", "prosent"),
    ("pst", "prosent"),
    ("prosentpoeng", "prosentpoeng"),
    ("pp", "prosentpoeng"),
    ("kr", "kroner"),
    ("kroner", "kroner"),
    ("nok", "kroner"),
    ("dag", "dager"),
    ("dager", "dager"),
    ("dagar", "dager"),
    ("døgn", "døgn"),
    ("time", "timer"),
    ("timer", "timer"),
    ("timar", "timer"),
    ("uke", "uker"),
    ("uker", "uker"),
    ("veke", "uker"),
    ("veker", "uker"),
    ("måned", "måneder"),
    ("måneder", "måneder"),
    ("månad", "måneder"),
    ("månader", "måneder"),
    ("år", "år"),
    ("tonn", "tonn"),
    ("kg", "kg"),
    ("personer", "personer"),
    ("personar", "personer"),
]


@pytest.mark.parametrize(("word", "unit"), WORDS)
def test_every_unit_word_is_known_in_a_target_and_in_a_unit(word: str, unit: str) -> None:
    assert unit_of(f"12 {word}", after_number=True) == unit
    assert unit_of(f"Antall {word.upper()} totalt", after_number=False) == unit


@pytest.mark.parametrize(
    "magnitude", ["tusen", "mill", "millioner", "millionar", "mrd", "milliarder", "milliardar"]
)
def test_a_magnitude_between_the_number_and_the_unit_is_passed_over(magnitude: str) -> None:
    assert unit_of(f"18 {magnitude} kroner", after_number=True) == "kroner"
    assert unit_of(f"{magnitude} kroner", after_number=False) == "kroner"


@pytest.mark.parametrize(
    ("text", "after_number", "unit"),
    [
        ("6,5 %", True, "prosent"),
        ("1 250 000 kr", True, "kroner"),
        ("79 (kullet fra 2020, i prosent)", True, None),
        ("minst 79 elever (prosent)", True, None),
        ("bedre", True, None),
        ("75 heltid i prosent", True, None),
        ("andel i prosent", False, "prosent"),
        ("antall elever", False, None),
    ],
)
def test_unit_of(text: str, after_number: bool, unit: str | None) -> None:
    assert unit_of(text, after_number=after_number) == unit
