"""Checksums that lock what was reported to the council."""

from __future__ import annotations

from utvikling.models import Minutes


def minutes_content_hash(minutes: Minutes) -> str:
    """A checksum of what the minutes say, without the report itself and later amendments."""
    import hashlib
    import json

    data = minutes.model_dump(mode="json", exclude={"reported", "amendments", "suppress"})
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
