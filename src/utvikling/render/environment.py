"""The Jinja environment and its filters: the only module that builds one.

Templates are files on a search path (``--templates``, then a records repository's own
``templates/``, the built-in ones last). Jinja runs with ``StrictUndefined``, so a missing value
is an error, not an empty string; record values are passed as data and never rendered as
templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2

from utvikling.yamlsafe import scalar as yaml_scalar


def _builtin_templates() -> Path:
    """The built-in templates: inside the installed package, or at the top of a checkout.

    The project keeps them in ``templates/`` beside ``src/``; the wheel carries them as
    ``utvikling/templates`` (force-included), so both are found the same way.
    """
    package = Path(__file__).resolve().parent.parent
    installed = package / "templates"
    return installed if installed.is_dir() else package.parent.parent / "templates"


BUILTIN_TEMPLATES = _builtin_templates()


def upfirst(value: Any) -> str:
    """Capitalise the first letter only (Jinja's ``capitalize`` lowercases the rest)."""
    text = str(value)
    return text[:1].upper() + text[1:]


def orgnr(value: Any) -> str:
    """Write an organisation number in groups of three: 999 123 457."""
    digits = str(value).replace(" ", "")
    return " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))


def make_environment(search_path: Sequence[Path] = ()) -> jinja2.Environment:
    """Return the Jinja environment over ``search_path`` and then the built-in templates."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*search_path, BUILTIN_TEMPLATES]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["yaml"] = yaml_scalar
    environment.filters["upfirst"] = upfirst
    environment.filters["orgnr"] = orgnr
    environment.filters["oneline"] = lambda value: " ".join(str(value).split())
    environment.filters["cell"] = lambda value: " ".join(str(value).split()).replace("|", "\\|")
    return environment


def render_skeleton(name: str, context: dict[str, Any]) -> str:
    """Render a built-in record skeleton (``templates/records/…``) for a new file."""
    text = make_environment().get_template(f"records/{name}").render(**context)
    return "".join(line.rstrip() + "\n" for line in text.splitlines())
