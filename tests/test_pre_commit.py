"""The pre-commit hook, run by pre-commit itself on a records repository (offline)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, TODAY
from utvikling.actions.init import pre_commit_config

if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)


def _pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).with_name("pre-commit")
    if not executable.exists():
        pytest.skip("pre-commit is not installed")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home / "cache"), "HOME": str(home)}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        [str(executable), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def _git(root: Path, *args: str) -> None:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    subprocess.run(["git", *identity, *args], cwd=root, check=True, capture_output=True)


def test_the_hook_lets_good_records_through_and_stops_errors(tmp_path: Path) -> None:
    root = tmp_path / "fjordvik"
    shutil.copytree(EXAMPLES / "fjordvik-kommune", root)
    config = pre_commit_config("nb")
    entry = "entry: utvikling check --quiet"
    assert entry in config
    # As of the day the examples are complete, so the test does not age with the calendar.
    config = config.replace(entry, f"{entry} --today {TODAY}")
    (root / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Poster")
    good = _pre_commit("run", "--all-files", cwd=root, home=tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "utvikling check" in good.stdout and "Passed" in good.stdout

    settings = root / "utvikling.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("language: nb", "language: sv"),
        encoding="utf-8",
    )
    _git(root, "add", "-A")
    bad = _pre_commit("run", "--all-files", cwd=root, home=tmp_path)
    assert bad.returncode == 1
    assert "utvikling.yaml:" in bad.stdout and " feil: " in bad.stdout


def test_the_projects_hook_manifest_is_valid(tmp_path: Path) -> None:
    done = _pre_commit(
        "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"), cwd=tmp_path, home=tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    config = tmp_path / "config.yaml"
    config.write_text(pre_commit_config("nn"), encoding="utf-8")
    checked = _pre_commit("validate-config", str(config), cwd=tmp_path, home=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
