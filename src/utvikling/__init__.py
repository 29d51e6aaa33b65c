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

    from utvikling.actions.check import CheckOptions, check_path, check_repository
    from utvikling.actions.init import init_repository
    from utvikling.checklist import Rule, rules
    from utvikling.errors import UtviklingError
    from utvikling.findings import Finding
    from utvikling.records.repository import load_repository

__all__ = [
    "CheckOptions",
    "Finding",
    "Rule",
    "UtviklingError",
    "__version__",
    "check_path",
    "check_repository",
    "init_repository",
    "load_repository",
    "rules",
]

_LAZY = {
    "CheckOptions": "utvikling.actions.check",
    "Finding": "utvikling.findings",
    "Rule": "utvikling.checklist",
    "rules": "utvikling.checklist",
    "UtviklingError": "utvikling.errors",
    "check_path": "utvikling.actions.check",
    "check_repository": "utvikling.actions.check",
    "init_repository": "utvikling.actions.init",
    "load_repository": "utvikling.records.repository",
}


def __getattr__(name: str) -> Any:
    """Import public names on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'utvikling' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
