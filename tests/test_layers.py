"""The package's shape: every module imports only from its own layer or below, and no circle.

Walks every module's imports with ``ast`` (those inside functions too: a lazy import is still a
dependency), so the shape cannot drift back. The layers and who may import whom are drawn in
docs/design.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "utvikling"

GROUND = {"errors", "findings", "files", "texts", "yamlsafe", "_version"}
LAYERS = ["ground", "models", "records", "checklist", "render", "actions", "cli", "entry"]
"""Lowest first. ``checklist`` and ``render`` stand side by side: neither imports the other."""
ALLOWED = {
    "ground": {"ground"},
    "models": {"ground", "models"},
    "records": {"ground", "models", "records"},
    "checklist": {
        "ground",
        "models",
        "records.loaded",
        "records.integrity",
        "records.cycle",
        "checklist",
    },
    "render": {"ground", "models", "records.loaded", "render"},
    "actions": {"ground", "models", "records", "checklist", "render", "actions"},
    "cli": {"ground", "actions", "cli"},
    "entry": set(LAYERS),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ("__main__", "_entry"):
        return "entry"  # the package facade (lazy public API) and the launchers
    if parts[1] in GROUND:
        return "ground"
    return parts[1]


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("utvikling")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "utvikling":
                found |= {f"utvikling.{a.name}" for a in node.names}
            elif node.module.startswith("utvikling."):
                found.add(node.module)
                found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {
        name: {i for i in imports(path) if i in modules and i != name}
        for name, path in modules.items()
    }


def allowed(source: str, target: str) -> bool:
    rules = ALLOWED[layer(source)]
    target_layer = layer(target)
    if target_layer in rules:
        return True
    parts = target.split(".")
    return len(parts) > 2 and f"{parts[1]}.{parts[2]}" in rules


def test_no_module_imports_from_a_layer_above_it() -> None:
    upward = sorted(
        f"{source} -> {target}"
        for source, targets in graph().items()
        for target in targets
        if not allowed(source, target)
    )
    assert upward == []


def test_no_import_circle() -> None:
    edges = {k: {t for t in v if not t.startswith(k + ".")} for k, v in graph().items()}
    edges = {k: {t for t in v if layer(k) != "entry"} for k, v in edges.items()}
    seen: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            circles.append([*trail[trail.index(node) :], node])
            return
        if node in seen:
            return
        seen.add(node)
        for target in sorted(edges.get(node, ())):
            visit(target, [*trail, node])

    for node in sorted(edges):
        visit(node, [])
    assert circles == []


@pytest.mark.parametrize(
    ("source", "target", "ok"),
    [
        ("utvikling.records.load", "utvikling.checklist.engine", False),
        ("utvikling.render.writing", "utvikling.records.layout", False),
        ("utvikling.render.writing", "utvikling.records.loaded", True),
        ("utvikling.checklist.engine", "utvikling.render.projection", False),
        ("utvikling.cli.check", "utvikling.records.repository", False),
        ("utvikling.texts", "utvikling.models", False),
        ("utvikling.actions.minutes", "utvikling.checklist", True),
    ],
)
def test_the_layer_rule_itself(source: str, target: str, ok: bool) -> None:
    assert allowed(source, target) is ok
