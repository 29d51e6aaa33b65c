from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = "2026-11-23"
"""The examples are complete as of this day; tests check as of it."""

MINIMAL_SETTINGS = """\
municipality:
  name: Testvik kommune
  number: "4698"
  kind: kommune
language: nb
chief_executive:
  title: kommunedirektør
employer_body:
  kind: utvalg
  name: arbeidsgiverutvalget
  mandate: {body: Kommunestyret, case_number: 23/96, date: 2023-11-16}
  members:
    - {name: Ola Ordfører, role: mayor}
    - {name: Vera Vara, role: deputy_mayor}
    - {name: Otto Opposisjon, role: opposition_leader}
"""


@pytest.fixture(autouse=True, scope="session")
def _check_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep ``check``'s cache in a folder of the test session, not in the user's home.

    One folder for the whole session, so checks answered from the cache run all through the
    suite and must give what a fresh check gives.
    """
    import os

    os.environ["UTVIKLING_CACHE_DIR"] = str(tmp_path_factory.mktemp("check-cache"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def build(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Build a records repository in tmp_path from {relative path: content}."""

    def make(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "repo"
        for relative, content in {"utvikling.yaml": MINIMAL_SETTINGS, **files}.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


@pytest.fixture
def example(tmp_path: Path) -> Callable[[str], Path]:
    """Copy an example repository into tmp_path."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(EXAMPLES / name, target)
        return target

    return copy


def tree_digest(root: Path) -> dict[str, str]:
    """Hash every file below root, to prove a command changed nothing.

    Any ``.utvikling/`` folder (the lock files a changing command takes, ignored by git, so
    absent from a fresh checkout) is left out, at the top or in a repository further down.
    """
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".utvikling" not in p.relative_to(root).parts
    }


def assert_golden(name: str, text: str) -> None:
    """Compare a document's body (after its provenance line) with tests/golden/NAME.

    ``UPDATE_GOLDEN=1`` rewrites the golden file instead.
    """
    import os

    body = text.partition("\n")[2]
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(body, encoding="utf-8")
    assert body == path.read_text(encoding="utf-8"), f"{name} differs (UPDATE_GOLDEN=1 to accept)"
