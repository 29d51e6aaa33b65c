"""The records repository: layout, safe loading, checking and creating.

This package is the only one that reads or writes record files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from utvikling.records.init import InitResult, init_repository
    from utvikling.records.repository import (
        CheckOptions,
        RepositoryResult,
        check_path,
        check_repository,
    )

__all__ = [
    "CheckOptions",
    "InitResult",
    "RepositoryResult",
    "check_path",
    "check_repository",
    "init_repository",
]

_LAZY = {
    "CheckOptions": "utvikling.records.repository",
    "RepositoryResult": "utvikling.records.repository",
    "check_path": "utvikling.records.repository",
    "check_repository": "utvikling.records.repository",
    "InitResult": "utvikling.records.init",
    "init_repository": "utvikling.records.init",
}


def __getattr__(name: str) -> Any:
    """Import public names on first use (keeps ``utvikling --help`` fast)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'utvikling.records' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
