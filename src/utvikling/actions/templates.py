"""The template catalogue of a records repository: what is used from where, and overrides."""

from __future__ import annotations

from pathlib import Path

from utvikling.records import layout
from utvikling.render import catalog


def list_templates(root: Path, extra: Path | None = None) -> list[catalog.TemplateEntry]:
    """Every document template once, with the layer it is taken from."""
    return catalog.catalog(root / layout.TEMPLATES_DIR, extra)


def copy_template(root: Path, name: str, lang: str = "nb") -> Path:
    """Copy a built-in template into the repository's ``templates/`` to start an override.

    Raises:
        InputError: there is no built-in template of that name.
        FileExistsRefusedError: the repository has that override already.
    """
    return catalog.copy_template(root / layout.TEMPLATES_DIR, name, lang)
