"""Every rule's severity follows the wording class of the source it cites (domain spec §0.1)."""

from __future__ import annotations

import pytest

from utvikling import texts
from utvikling.checklist import rules

SEVERITY_OF_WORDING = {
    "law": "error",
    "skal": "error",
    "må": "error",
    "bør": "warning",
    "anbefaler": "warning",
    "viktig": "warning",
    "advice": "info",
}

RAW = texts.data_file("rules.yaml")["rules"]


@pytest.mark.parametrize("raw", RAW, ids=[r["code"] for r in RAW])
def test_severity_follows_source_wording(raw: dict) -> None:
    wording = raw.get("source_wording")
    assert wording in SEVERITY_OF_WORDING, f"{raw['code']}: source_wording {wording!r}"
    assert raw["severity"] == SEVERITY_OF_WORDING[wording], (
        f"{raw['code']}: «{wording}» gives {SEVERITY_OF_WORDING[wording]}, not {raw['severity']}"
    )


def test_every_loaded_rule_has_a_wording_class() -> None:
    by_code = {r["code"]: r for r in RAW}
    assert {rule.code for rule in rules()} == set(by_code)
    for rule in rules():
        assert SEVERITY_OF_WORDING[by_code[rule.code]["source_wording"]] == rule.severity


def test_every_wording_class_has_a_norwegian_name() -> None:
    for wording in SEVERITY_OF_WORDING:
        for lang in ("nb", "nn"):
            assert texts.word(f"wording.{wording}", lang)


@pytest.mark.parametrize("raw", RAW, ids=[r["code"] for r in RAW])
def test_a_municipality_agreement_is_never_an_authority(raw: dict) -> None:
    """A municipality's own agreement may be named only as «eksempel fra praksis», at info."""
    for ref in raw.get("references", []):
        text = " ".join(ref["text"].values()) if isinstance(ref["text"], dict) else ref["text"]
        if "Hægebostad" in text:
            assert "eksempel fra praksis" in text.lower(), raw["code"]
            assert raw["severity"] == "info" and raw["source_wording"] == "advice", raw["code"]
    for field in ("message", "hint"):
        for value in (raw.get(field) or {}).values():
            if "Hægebostad" in value:
                lowered = value.lower()
                assert "eksempel fra praksis" in lowered or "døme frå praksis" in lowered
