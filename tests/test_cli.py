"""The command line through Typer's runner, and the installed entry point as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, MINIMAL_SETTINGS, TODAY, tree_digest
from utvikling import __version__
from utvikling.cli import app


def test_version(runner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"utvikling {__version__}\n"


def test_version_matches_package_metadata() -> None:
    from importlib.metadata import version

    assert version("utvikling") == __version__


def test_help_lists_commands_and_exit_codes(runner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("init", "check", "rules"):
        assert command in result.output
    assert "Avslutningskoder" in result.output


COMMANDS = [
    "init",
    "check",
    "rules",
    "new-agreement",
    "prepare-conversation",
    "plan",
    "render-minutes",
    "render-agreement",
    "render",
    "minutes",
    "templates",
    "historikk",
    "status",
    "overview",
    "site",
    "schema",
    "fill",
]
HIDDEN = ["history"]
"""Other names of commands in the list (``history`` is ``historikk``)."""


def test_the_command_list_is_complete() -> None:
    import typer.main

    root = typer.main.get_command(app)
    assert sorted(root.list_commands(None)) == sorted(COMMANDS)  # type: ignore[attr-defined,arg-type]
    for name in COMMANDS + HIDDEN:
        assert root.get_command(None, name) is not None, name  # type: ignore[attr-defined,arg-type]
    assert root.get_command(None, "history").hidden  # type: ignore[attr-defined,arg-type,union-attr]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_docs(runner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Eksempel: utvikling" in result.output
    docs = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"## `utvikling {command}" in docs


def test_check_clean_example_is_silent(runner) -> None:
    result = runner.invoke(
        app, ["check", str(EXAMPLES / "fjordvik-kommune"), "--today", TODAY, "--info"]
    )
    assert result.exit_code == 0
    assert result.output == ""


def test_check_missing_repository(runner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"{tmp_path.as_posix()}: Fant ingen postmappe her (ingen utvikling.yaml).\n"
        "    Gå til mappen med postene, eller lag en ny med «utvikling init».\n"
    )


def test_check_bad_date_option_is_a_usage_error(runner) -> None:
    result = runner.invoke(app, ["check", str(EXAMPLES / "fjordvik-kommune"), "--today", "1.1"])
    assert result.exit_code == 2
    assert "ÅÅÅÅ-MM-DD" in result.output


def test_check_json_strict_select_ignore(runner, build, monkeypatch) -> None:
    root = build({})
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", "--json", "--today", TODAY])
    assert result.exit_code == 1
    document = json.loads(result.output)
    codes = [f["code"] for f in document["repositories"][0]["findings"]]
    assert codes == ["A001", "P001"]
    assert document["summary"]["errors"] == 2
    only_plan = runner.invoke(app, ["check", "--select", "P", "--today", TODAY])
    assert only_plan.exit_code == 1
    assert only_plan.output.startswith("utvikling.yaml:1:1: P001 feil:")
    ignored = runner.invoke(app, ["check", "--ignore", "A001,P", "--today", TODAY])
    assert ignored.exit_code == 0 and ignored.output == ""
    settings = root / "utvikling.yaml"
    settings.write_text(settings.read_text().replace("role: mayor", "role: member"))
    warning = runner.invoke(app, ["check", "--select", "M106", "--today", TODAY])
    assert warning.exit_code == 0 and " M106 advarsel:" in warning.output
    strict = runner.invoke(app, ["check", "--select", "M106", "--strict", "--today", TODAY])
    assert strict.exit_code == 1


def test_check_many_repositories_in_one_folder(runner, tmp_path: Path) -> None:
    import shutil

    for name in ("a", "b"):
        shutil.copytree(EXAMPLES / "fjordvik-kommune", tmp_path / name)
    (tmp_path / "b" / "plans" / "2026.yaml").write_text("goals: 3\n", encoding="utf-8")
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["check", str(tmp_path), "--today", TODAY, "--jobs", jobs])
        assert result.exit_code == 1
        lines = [line for line in result.output.splitlines() if not line.startswith(" ")]
        assert lines[0] == (
            f"{(tmp_path / 'b' / 'plans' / '2026.yaml').as_posix()}:1:8: S002 feil: "
            "«goals» skal være en liste."
        )


def test_init_no_input_then_refuses_to_overwrite(runner, tmp_path: Path) -> None:
    target = tmp_path / "ny"
    args = ["init", str(target), "--name", "Testvik kommune", "--number", "4698"]
    result = runner.invoke(app, [*args, "--kind", "kommune", "--no-input", "--no-git"])
    assert result.exit_code == 0, result.output
    assert (target / "utvikling.yaml").read_text(encoding="utf-8").count("Testvik kommune") == 2
    for folder in ("agreements", "plans", "conversations"):
        assert (target / folder / "README.md").is_file()
    assert (target / ".gitignore").read_text(encoding="utf-8").endswith("/dokumenter/\n")
    assert oct((target / "utvikling.yaml").stat().st_mode & 0o777) != oct(0o600)
    before = tree_digest(target)
    again = runner.invoke(app, [*args, "--no-input", "--no-git"])
    assert again.exit_code == 1
    assert again.output == (
        f"{(target / 'utvikling.yaml').as_posix()}: Det finnes allerede en postmappe her.\n"
        "    utvikling init overskriver aldri. Velg en annen mappe, eller bruk den som finnes.\n"
    )
    assert tree_digest(target) == before


def test_init_creates_a_repository_that_check_understands(runner, tmp_path: Path) -> None:
    target = tmp_path / "ny"
    runner.invoke(app, ["init", str(target), "--no-input", "--no-git", "--language", "nn"])
    text = (target / "utvikling.yaml").read_text(encoding="utf-8")
    assert "language: nn" in text and "Namnet slik det skal stå" in text
    result = runner.invoke(app, ["check", str(target), "--today", TODAY])
    assert result.exit_code == 1
    assert "M101 feil: utvikling.yaml manglar namnet på kommunen." in result.output


def test_init_answers_file_and_bad_option(runner, tmp_path: Path) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_text(MINIMAL_SETTINGS, encoding="utf-8")
    target = tmp_path / "ny"
    result = runner.invoke(app, ["init", str(target), "--answers", str(answers), "--no-git"])
    assert result.exit_code == 0, result.output
    check = runner.invoke(app, ["check", str(target), "--today", TODAY, "--select", "M"])
    assert check.exit_code == 0 and check.output == ""
    bad = runner.invoke(app, ["init", str(tmp_path / "x"), "--number", "123", "--no-input"])
    assert bad.exit_code == 2
    assert "«municipality.number» har feil form." in bad.output
    assert not (tmp_path / "x").exists()
    answers.write_text("municipality:\n  nmae: X\n", encoding="utf-8")
    refused = runner.invoke(app, ["init", str(tmp_path / "y"), "--answers", str(answers)])
    assert refused.exit_code == 1
    assert f"{answers.as_posix()}:2:3: S001 feil: Ukjent felt «nmae»." in refused.output


def test_init_makes_a_git_repository(runner, tmp_path: Path) -> None:
    import shutil

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    target = tmp_path / "ny"
    result = runner.invoke(app, ["init", str(target), "--no-input"])
    assert result.exit_code == 0
    assert (target / ".git").is_dir()
    assert "Mappen er nå et git-depot." in result.output


def test_rules_markdown_is_the_checked_in_reference(runner) -> None:
    result = runner.invoke(app, ["rules", "--markdown"])
    assert result.exit_code == 0
    docs = Path(__file__).resolve().parent.parent / "docs" / "checklist.md"
    assert docs.read_text(encoding="utf-8") == result.output, (
        "docs/checklist.md is stale: run `utvikling rules --markdown > docs/checklist.md`"
    )


def _installed_command() -> list[str]:
    script = Path(sys.executable).with_name("utvikling")
    return [str(script)] if script.exists() else [sys.executable, "-m", "utvikling"]


def test_installed_entry_point_runs_as_a_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    version = subprocess.run(
        [*_installed_command(), "--version"], capture_output=True, text=True, env=env, check=False
    )
    assert version.returncode == 0 and version.stdout == f"utvikling {__version__}\n"
    checked = subprocess.run(
        [*_installed_command(), "check", str(EXAMPLES / "fjordvik-kommune"), "--today", TODAY],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")
    module = subprocess.run(
        [sys.executable, "-m", "utvikling", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert module.stdout == f"utvikling {__version__}\n"


def test_cli_import_stays_light() -> None:
    code = (
        "import sys, utvikling.cli\n"
        "heavy = ('pydantic', 'yaml', 'jinja2', 'babel', 'ruamel', 'pypandoc', 'typst',"
        " 'utvikling.models')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_records_reference_is_the_checked_in_doc() -> None:
    from utvikling.models.reference import markdown_reference

    docs = Path(__file__).resolve().parent.parent / "docs" / "records.md"
    assert docs.read_text(encoding="utf-8") == markdown_reference() + "\n", (
        "docs/records.md is stale: run `python -m utvikling.models.reference > docs/records.md`"
    )


def test_check_one_file_shows_only_its_findings(runner, monkeypatch) -> None:
    root = EXAMPLES / "havbrekke-fylkeskommune"
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", "plans/2026.yaml", "--info", "--today", TODAY])
    assert result.exit_code == 0, "the plan's gaps are KS «bør» and «viktig»: warnings"
    located = [line.split(" ")[0] for line in result.output.splitlines() if line.startswith("p")]
    assert located == ["plans/2026.yaml:18:1:", "plans/2026.yaml:48:5:", "plans/2026.yaml:48:5:"]


def test_check_path_that_does_not_exist(runner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.output == (
        f"{(tmp_path / 'nope').as_posix()}: Finner ikke denne filen eller mappen.\n"
        "    Sjekk stavemåten, eller gå til mappen med postene først.\n"
    )
