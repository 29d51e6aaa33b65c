"""utvikling: records, checks and documents for the council as employer of the chief executive.

The public Python API is listed in ``__all__``. Names are imported lazily so that
``utvikling --help`` and ``--version`` stay fast (the CLI imports this package first).
"""

from __future__ import annotations

from utvikling._version import __version__

# Not `from typing import TYPE_CHECKING`: importing typing costs more than the whole
# `utvikling --version` answer, and this module is imported first by every command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from utvikling.checklist import Finding, Rule, rules
    from utvikling.errors import UtviklingError
    from utvikling.records import Repository, check_path, check_repository, init_repository

__all__ = [
    "Finding",
    "Repository",
    "Rule",
    "UtviklingError",
    "__version__",
    "check_path",
    "check_repository",
    "init_repository",
    "rules",
]

_LAZY = {
    "Finding": "utvikling.checklist",
    "Rule": "utvikling.checklist",
    "rules": "utvikling.checklist",
    "UtviklingError": "utvikling.errors",
    "Repository": "utvikling.records",
    "check_path": "utvikling.records",
    "check_repository": "utvikling.records",
    "init_repository": "utvikling.records",
}


def __getattr__(name: str) -> Any:
    """Import public names on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'utvikling' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
