"""The template search path: which layer each template comes from, and starting an override."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from utvikling import texts
from utvikling.errors import FileExistsRefusedError, InputError
from utvikling.render.environment import BUILTIN_TEMPLATES


@dataclass(frozen=True)
class TemplateEntry:
    """One template name and the layer that provides it."""

    name: str
    layer: str
    """``--templates``, ``repository`` or ``built-in``."""
    path: Path


def layers(repository: Path, extra: Path | None = None) -> list[tuple[str, Path]]:
    """The search path, first match wins: ``--templates``, the repository's, the built-in.

    ``repository`` is the records repository's own template folder.
    """
    found = [("--templates", extra)] if extra is not None else []
    return [*found, ("repository", repository), ("built-in", BUILTIN_TEMPLATES)]


def search_path(repository: Path, extra: Path | None = None) -> list[Path]:
    """The template folders searched before the built-in ones, those that exist."""
    return [folder for _, folder in layers(repository, extra)[:-1] if folder.is_dir()]


def catalog(repository: Path, extra: Path | None = None) -> list[TemplateEntry]:
    """List every document template once, with the layer it is taken from.

    Record skeletons (``records/``) are the tool's own and are not overridden.
    """
    chosen: dict[str, TemplateEntry] = {}
    for layer, folder in layers(repository, extra):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and (name.startswith("documents/") or name == "reference.docx"):
                chosen.setdefault(name, TemplateEntry(name, layer, path))
    return sorted(chosen.values(), key=lambda e: e.name)


def copy_template(repository: Path, name: str, lang: str = "nb") -> Path:
    """Copy a built-in template into the repository's template folder to start an override.

    Raises:
        InputError: there is no built-in template of that name.
        FileExistsRefusedError: the repository has that override already.
    """
    source = BUILTIN_TEMPLATES / name
    if not name.startswith("documents/") or not source.is_file() or ".." in Path(name).parts:
        message, hint = texts.message("T001", lang, {"name": name})
        raise InputError(message, hint=hint)
    target = repository / name
    if target.exists():
        message, hint = texts.message("T002", lang, {"name": name})
        raise FileExistsRefusedError(message, hint=hint, file=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
