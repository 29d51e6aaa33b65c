"""Commands at once never lose a change: many ``minutes amend`` as real processes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import EXAMPLES
from test_cli import _installed_command
from utvikling.models import Minutes
from utvikling.records.integrity import broken_amendments
from utvikling.yamlsafe import parse

ROUNDS = int(os.environ.get("UTVIKLING_CONCURRENCY_ROUNDS", "5"))
"""Rounds of commands at once; each command is a whole process (about a second of CPU), so the
suite runs 5 rounds by default. ``UTVIKLING_CONCURRENCY_ROUNDS=20`` runs the full 20."""
AT_ONCE = 4


def test_concurrent_amendments_are_all_kept(tmp_path: Path) -> None:
    root = tmp_path / "fjordvik"
    shutil.copytree(EXAMPLES / "fjordvik-kommune", root)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Sigrid Vatne",
        "GIT_AUTHOR_EMAIL": "sigrid@fjordvik.invalid",
        "GIT_COMMITTER_NAME": "Sigrid Vatne",
        "GIT_COMMITTER_EMAIL": "sigrid@fjordvik.invalid",
    }
    git = shutil.which("git")
    if git:
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Postene"]):
            subprocess.run([git, *args], cwd=root, env=env, check=True, capture_output=True)
    texts: list[str] = []
    waited = 0
    for round_number in range(ROUNDS):
        processes = []
        for slot in range(AT_ONCE):
            text = f"Rettelse {round_number}.{slot}."
            texts.append(text)
            command = [*_installed_command(), "minutes", "amend", "2026-09-15"]
            command += ["--text", text, "--reason", "Test", "--on", "2026-11-23"]
            processes.append(
                subprocess.Popen(
                    command,
                    cwd=root,
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        for process in processes:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, out + err
            waited += err.count("Venter på at en annen kommando skal bli ferdig med")
    minutes = Minutes.model_validate(
        parse((root / "conversations/2026-09-15/minutes.yaml").read_bytes()).data
    )
    kept = [a.text for a in minutes.amendments or []]
    assert sorted(kept) == sorted(texts)
    assert broken_amendments(minutes) == []
    assert waited > 0, "no command ever had to wait: the test did not run them at once"
    if git:
        log = subprocess.run(
            [git, "log", "--format=%s"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.splitlines()
        assert log.count("Referat 2026-09-15: endring datert 2026-11-23") == ROUNDS * AT_ONCE
        status = subprocess.run(
            [git, "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True
        )
        assert status.stdout == ""
