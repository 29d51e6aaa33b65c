"""References say what the spec verifies: the right letter, the right source, marked honestly."""

from __future__ import annotations

import re

import pytest

from utvikling.checklist import rules

BY_CODE = {rule.code: rule for rule in rules()}


def refs(code: str, lang: str = "nb") -> list[str]:
    return [ref.render(lang) for ref in BY_CODE[code].references]


@pytest.mark.parametrize(
    ("code", "letter"),
    [
        ("A101", "a"),
        ("A102", "d"),
        ("A103", "b"),
        ("A104", "f"),
        ("A105", "j"),
        ("A107", "h"),
        ("A201", "i"),
        ("A202", "i"),
        ("A301", "c"),
        ("A601", "g"),
        ("A602", "h"),
        ("A603", "i"),
        ("A607", "c"),
    ],
)
def test_statutory_items_cite_their_verified_letter(code: str, letter: str) -> None:
    assert f"arbeidsmiljøloven § 14-6 første ledd bokstav {letter}" in refs(code)


def test_no_reference_prints_an_unverified_letter_of_section_14_6() -> None:
    """Only letters a–j of the amended § 14-6 are verified (spec §2.2)."""
    for rule in rules():
        for text in refs(rule.code) + refs(rule.code, "nn"):
            for letter in re.findall(r"§ 14-6 første ledd bokstav (\w)", text):
                assert letter in "abcdefghij", (rule.code, text)


def test_unlettered_statutory_items_name_their_content() -> None:
    assert refs("A106")[-1] == (
        "arbeidsmiljøloven § 14-6 første ledd (avtale om særlig arbeidstidsordning)"
    )
    assert refs("A605") == ["arbeidsmiljøloven § 14-6 første ledd (lengde av pauser)"]
    assert refs("A305", "nn")[-1] == (
        "arbeidsmiljølova § 14-6 første ledd (rett til kompetanseutvikling, frå 1. juli 2024)"
    )


def test_collective_agreements_cite_the_law_not_the_pay_clause() -> None:
    """HTA kap. 3 pkt. 3.4.1 says who sets the pay, not which agreements apply."""
    assert refs("A203") == [
        "KS: sjekkliste for arbeidsavtalen, gruppe B (KS-A: «vil derfor måtte inneholde»; KS-B:"
        " «bør inneholde»)",
        "arbeidsmiljøloven § 14-6 første ledd (opplysninger om tariffavtaler)",
    ]
    assert (
        "Hovedtariffavtalen kap. 3 pkt. 3.4.1 (hvem som fastsetter lønnen) – ikke verifisert"
        in (refs("C205"))
    )


def test_sources_that_do_not_say_what_the_rule_checks_are_gone() -> None:
    assert refs("A803") == [], "aml. § 14-5 says nothing about signatures"
    assert BY_CODE["A803"].severity == "info"
    assert refs("C304") == ["KS FoU-rapport 204031 (2021): praksis i casekommunene"]
    assert BY_CODE["C304"].severity == "info"
    assert refs("M104") == [
        "Prop. 46 L (2017–2018), merknad til § 13-1 (kommunen velger tittelen)",
    ], "aml. § 14-6 (c) is about the agreement's title (A607), not the settings"
    assert BY_CODE["M104"].severity == "info"


def test_closing_the_meeting_says_what_is_verified_and_what_is_not() -> None:
    rule = BY_CODE["C104"]
    assert rule.severity == "warning"
    assert refs("C104") == [
        "KS: Utviklingssamtale mellom folkevalgte og rådmannen («bør også gjennomføres i lukket"
        " rom»)",
        "kommuneloven § 11-5 første ledd (møteoffentlighet); lukking etter andre og tredje ledd",
        "kommuneloven § 11-5: om en sak om en arbeidstakers tjenstlige forhold skal eller kan"
        " lukkes, og etter hvilket ledd – ikke verifisert",
    ]
    assert "skal møtet lukkes" not in rule.hint.nb
    assert "er ikke verifisert" in rule.hint.nb
