"""Public and confidential (domain spec §2.7): a field added later keeps old checksums."""

from __future__ import annotations

from project_api import Minutes, minutes_content_hash
from test_minutes_lifecycle import FIXED, GOLDEN_SHA256
from utvikling.records.integrity import Sources, locked_hash, locked_parts


def test_an_unused_legal_basis_leaves_the_pinned_checksum_unchanged() -> None:
    minutes = Minutes.model_validate(FIXED)
    assert minutes.interaction_principles[0].legal_basis is None  # type: ignore[index]
    assert minutes_content_hash(minutes) == GOLDEN_SHA256
    assert (
        "legal_basis" not in locked_parts(Sources(minutes))["minutes"]["interaction_principles"][0]
    )


def test_a_legal_basis_given_is_locked_like_any_other_text() -> None:
    with_basis = {
        **FIXED,
        "interaction_principles": [
            {
                "text": "Lik informasjon til alle partier.",
                "confidential": True,
                "legal_basis": "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 1",
            }
        ],
    }
    minutes = Minutes.model_validate(with_basis)
    plain = Minutes.model_validate(
        {
            **with_basis,
            "interaction_principles": [
                {"text": "Lik informasjon til alle partier.", "confidential": True}
            ],
        }
    )
    assert minutes_content_hash(minutes) != minutes_content_hash(plain)
    assert locked_hash(locked_parts(Sources(minutes))) != locked_hash(locked_parts(Sources(plain)))
