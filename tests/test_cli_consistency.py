"""One way to find the repository, syntax errors where they start, plurals, the success line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, TODAY
from utvikling.cli import app
from utvikling.cli._output import summary


def test_commands_find_the_repository_in_a_folder_above(runner, build, monkeypatch) -> None:
    root = build({})
    (root / "plans").mkdir()
    monkeypatch.chdir(root / "plans")
    result = runner.invoke(app, ["check", "--json", "--today", TODAY])
    assert result.exit_code == 1
    codes = [f["code"] for f in json.loads(result.output)["repositories"][0]["findings"]]
    assert codes == ["A001", "P001"]
    above = runner.invoke(app, ["status", "--json", "--today", TODAY])
    assert above.exit_code == 0, above.output
    assert json.loads(above.output)["path"] == ".."
    monkeypatch.chdir(root.parent)
    spellings = [["status", "repo"], ["status", "--path", "repo"]]
    given = [runner.invoke(app, [*s, "--json", "--today", TODAY]).output for s in spellings]
    assert json.loads(given[0]) == json.loads(given[1])
    steps = [step["label"] for step in json.loads(given[0])["steps"]]
    assert steps == [step["label"] for step in json.loads(above.output)["steps"]]


def test_outside_any_repository_the_folder_is_named(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["status", "--today", TODAY])
    assert result.exit_code == 1
    assert "Fant ingen postmappe her" in result.output


def test_an_unclosed_quote_is_reported_where_it_opens(runner, build, monkeypatch) -> None:
    lines = [f"# linje {n}" for n in range(1, 29)]
    lines += ['workplace: "Rådhuset', "working_hours: 37,5 timer", "breaks: Etter loven"]
    root = build({"agreements/2024-01-01.yaml": "\n".join(lines) + "\n"})
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", "--today", TODAY])
    assert "agreements/2024-01-01.yaml:29:12: Y001 feil: Filen kan ikke leses som YAML her." in (
        result.output
    )
    assert "Et anførselstegn er ikke lukket." in result.output


def test_a_norwegian_word_without_aeoeaa_gets_a_suggestion(runner, build, monkeypatch) -> None:
    root = build({"agreements/2024-01-01.yaml": "start_date: 2024-01-01\nlonn: 1000000\n"})
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", "--today", TODAY])
    assert "«lonn»" in result.output and "Mente du «salary»?" in result.output


@pytest.mark.parametrize(
    ("counts", "files", "lang", "line"),
    [
        ({"warning": 1}, 1, "nb", "1 advarsel i 1 fil."),
        ({"error": 1, "warning": 2}, 8, "nb", "1 feil og 2 advarsler i 8 filer."),
        ({"error": 2, "warning": 1, "info": 3}, 8, "nb", "2 feil, 1 advarsel og 3 råd i 8 filer."),
        ({"warning": 2}, 3, "nn", "2 åtvaringar i 3 filer."),
        ({"warning": 1}, 1, "nn", "1 åtvaring i 1 fil."),
        ({"error": 0, "warning": 0}, 8, "nb", "Ingen funn i 8 filer."),
    ],
)
def test_plurals_in_the_summary(counts: dict[str, int], files: int, lang: str, line: str) -> None:
    assert summary(counts, files, lang) == line


def test_the_summary_counts_only_what_is_shown(runner, example) -> None:
    root = example("region")
    repo = root / "elvestrand-kommune"
    shown = runner.invoke(app, ["check", str(repo), "--today", TODAY])
    assert shown.exit_code == 0 and shown.output == ""  # info only, and not asked for
    with_info = runner.invoke(app, ["check", str(repo), "--today", TODAY, "--info"])
    assert with_info.output.endswith(" råd i 16 filer.\n")
    assert with_info.output.count(" info: ") == int(with_info.output.split()[-5])


pexpect = pytest.importorskip("pexpect")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("utvikling")
    return [str(script)] if script.exists() else [sys.executable, "-m", "utvikling"]


def test_check_on_a_terminal_says_so_when_all_is_well() -> None:
    command = _command()
    repo = str(EXAMPLES / "fjordvik-kommune")
    shown = pexpect.run(
        " ".join([*command, "check", repo, "--today", TODAY]), encoding="utf-8", timeout=60
    )
    assert shown.strip().endswith("\rIngen funn i 15 filer."), shown
    quiet = pexpect.run(
        " ".join([*command, "check", repo, "--today", TODAY, "-q"]), encoding="utf-8", timeout=60
    )
    assert re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\r", "", quiet).strip() == ""  # no text at all
    piped = subprocess.run(
        [*command, "check", repo, "--today", TODAY], capture_output=True, text=True, check=True
    )
    assert piped.stdout == ""


def test_shell_completion_completes_commands_and_options() -> None:
    import os

    command = _command()

    def complete(words: str) -> list[str]:
        env = {**os.environ, "_UTVIKLING_COMPLETE": "complete_bash", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - 1)
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr  # what went wrong, should it ever
        return done.stdout.split()

    assert complete("utvikling pl") == ["plan"]
    assert complete("utvikling check --to") == ["--today"]
    script = subprocess.run(
        [*command, "--show-completion", "bash"], capture_output=True, text=True, check=False
    )
    assert script.returncode == 0, script.stderr
    assert "_utvikling_completion" in script.stdout
