"""The command output shown in docs/cycle.md and docs/advisers.md is what the commands print.

Each ```console block starts with ``$ utvikling …``; the rest of the block is that command's
output, run from the top of the project as a pipe would see it (tables 120 columns wide).
``UPDATE_DOCS=1`` rewrites the blocks instead.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from conftest import ROOT
from utvikling.cli import app

PAGES = [ROOT / "docs" / "cycle.md", ROOT / "docs" / "advisers.md"]
BLOCK = re.compile(r"```console\n\$ utvikling (?P<command>[^\n]*)\n(?P<output>.*?)```", re.S)


def _run(runner, command: str) -> str:
    result = runner.invoke(app, shlex.split(command), env={"COLUMNS": "120"})
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_the_docs_show_real_output(runner, page: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    text = page.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert blocks, "the page shows no output"
    if os.environ.get("UPDATE_DOCS"):
        updated = BLOCK.sub(
            lambda m: f"```console\n$ utvikling {m['command']}\n{_run(runner, m['command'])}```",
            text,
        )
        page.write_text(updated, encoding="utf-8")
        return
    for block in blocks:
        assert _run(runner, block["command"]) == block["output"], block["command"]
