"""Every word of the command line in Norwegian: help pages, usage errors, and a fast --help."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from utvikling.actions.schema import kind_ids
from utvikling.cli import app

wordfreq = pytest.importorskip("wordfreq")

SHELLS = {"bash", "zsh", "fish", "powershell", "vs", "code", "enter", "ctrl", "tab"}
"""Names of programs (the shells, VS Code) and keys (Enter, Ctrl-C), not prose."""


def _commands() -> list[list[str]]:
    root = typer.main.get_command(app)
    found: list[list[str]] = [[]]
    for name in root.list_commands(None):  # type: ignore[attr-defined,arg-type]
        found.append([name])
        command = root.get_command(None, name)  # type: ignore[attr-defined,arg-type]
        for sub in getattr(command, "commands", {}):
            found.append([name, sub])
    hidden = ["history", "sjekk", "regler", "ny-avtale", "oversikt", "referat", "maler", "fyll-ut"]
    return found + [[name] for name in hidden]


NAMES = (
    {part for path in _commands() for part in path}
    | set(kind_ids())
    | {"self", "evaluation", "input", "minutes"}
)
"""Names the user types: commands, and the record kinds «schema» takes (self_evaluation …)."""


def english_words(text: str, lang: str = "nb") -> set[str]:
    """Words of ``text`` far more common in English than in Norwegian (wordfreq's corpora).

    wordfreq has no nynorsk; for ``nn`` a word counts as Norwegian when it is common in
    bokmål, Swedish or Danish (nynorsk «hand», «planar»). Command names, option names, paths,
    file names and the example line are left out: they are names the user types, not prose.
    """
    neighbours = ("nb",) if lang == "nb" else ("nb", "sv", "da")
    text = re.sub(r"Eksempel:.*", "", text)
    found = set()
    for token in text.split():
        if re.search(r"[-/._<>|\d]", token.strip("«».,;:()[]")):
            continue
        for word in re.findall(r"[^\W\d_]+", token):
            lowered = word.lower()
            if lowered in NAMES or lowered in SHELLS or len(lowered) < 2:
                continue
            english = wordfreq.zipf_frequency(lowered, "en")
            norwegian = max(wordfreq.zipf_frequency(lowered, n) for n in neighbours)
            if english >= 3.0 and english - norwegian >= 1.0:
                found.add(lowered)
    return found


def test_the_detector_finds_english() -> None:
    assert english_words("Show this message and exit.") >= {"show", "this", "message"}
    assert english_words("Usage: utvikling [OPTIONS] COMMAND [ARGS]...") >= {"usage", "options"}
    assert english_words("Vis denne hjelpen og avslutt. Kontroller postene.") == set()
    assert english_words("Show this message and exit.", "nn") >= {"this", "message"}
    assert (
        english_words(
            "Vis denne hjelpa og avslutt. Erstatt dokument sjølv om dei er endra for hand.", "nn"
        )
        == set()
    )


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "utvikling")
def test_every_help_page_is_norwegian(runner, lang: str, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"UTVIKLING_SPRAK": lang})
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Bruk: utvikling {' '.join(command)}".rstrip() + " [VAL")
    assert english_words(result.output, lang) == set(), result.output
    assert ("Eksempel: utvikling" in result.output) == bool(command)
    assert "Avslutningskod" in result.output
    assert ("Vis denne hjelpa og avslutt." in result.output) == (lang == "nn")


def test_the_language_follows_the_repository_and_the_variable_wins(runner, build, monkeypatch):
    root = build({})
    (root / "utvikling.yaml").write_text(
        (root / "utvikling.yaml").read_text().replace("language: nb", "language: nn")
    )
    (root / "plans").mkdir()
    monkeypatch.chdir(root / "plans")  # a folder below the repository
    monkeypatch.delenv("UTVIKLING_SPRAK", raising=False)
    from utvikling.cli import _norsk

    _norsk.language.cache_clear()
    try:
        shown = runner.invoke(app, ["--help"]).output
        assert "Val:" in shown and "Vis denne hjelpa og avslutt." in shown
        _norsk.language.cache_clear()
        monkeypatch.setenv("UTVIKLING_SPRAK", "nb")
        assert "Vis denne hjelpen og avslutt." in runner.invoke(app, ["--help"]).output
    finally:
        _norsk.language.cache_clear()


ERRORS = [
    (["sjekkk"], "Feil: Ukjent kommando «sjekkk». Mente du «sjekk»?"),
    (["chek"], "Feil: Ukjent kommando «chek». Mente du «check»?"),
    (["check", "--tday", "2026-01-01"], "Feil: Ukjent valg «--tday». Mente du «--today»?"),
    (["plan", "new"], "Feil: Argumentet ÅR mangler."),
    (["plan", "new", "1800"], "Feil: Ugyldig verdi for ÅR: skriv et heltall fra 1990 til 2100."),
    (["plan", "new", "neste"], "Feil: Ugyldig verdi for ÅR: skriv et heltall fra 1990 til 2100."),
    (
        ["check", "--today", "1.1"],
        "Feil: Ugyldig verdi for --today: skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-09-15.",
    ),
    (["status", "a", "b", "c"], "Feil: For mange argumenter: b c."),
    (["init", "--kind"], "Feil: Valget --kind trenger en verdi."),
]


@pytest.mark.parametrize(("args", "last"), ERRORS, ids=lambda v: " ".join(v) if v else "")
def test_usage_errors_are_norwegian(runner, args: list[str], last: str, monkeypatch) -> None:
    monkeypatch.setenv("UTVIKLING_SPRAK", "nb")
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[-1] == last
    if len(lines) > 1:
        assert lines[0].startswith("Bruk: utvikling")
        assert lines[1].startswith("Se «utvikling") and lines[1].endswith("--help» for hjelp.")
    assert english_words(result.output) == set()


def test_a_group_without_a_command_shows_its_help(runner) -> None:
    result = runner.invoke(app, ["minutes"], env={"UTVIKLING_SPRAK": "nn"})
    assert result.exit_code == 2
    assert result.output.startswith("Bruk: utvikling minutes [VAL] KOMMANDO [ARGUMENT]...")
    assert "Kommandoar:" in result.output and "approve" in result.output


def test_aborted_is_norwegian(runner, build, monkeypatch) -> None:
    import typer as typer_module

    def stop() -> None:
        raise typer_module.Abort()

    import utvikling.cli.rules

    monkeypatch.setenv("UTVIKLING_SPRAK", "nb")
    monkeypatch.setattr(utvikling.cli.rules, "rules", stop)
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 1
    assert result.output == "Avbrutt.\n"


HEAVY = ["pydantic", "jinja2", "utvikling.models", "utvikling.checklist", "utvikling.render"]


@pytest.mark.parametrize(
    "args",
    [["--help"], ["check", "--help"], ["plan", "--help"], ["plan", "new", "--help"], ["sjekkk"]],
)
def test_help_imports_nothing_heavy(args: list[str]) -> None:
    code = (
        "import json, sys\n"
        f"sys.argv = ['utvikling', *{args!r}]\n"
        "from utvikling._entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout.splitlines()[-1]) == []


def test_version_is_answered_before_the_framework_is_imported() -> None:
    code = (
        "import sys\nsys.argv = ['utvikling', '--version']\n"
        "from utvikling._entry import main\nmain()\n"
        "print('typer' in sys.modules, 'utvikling.cli' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == "False False"


def test_a_command_registered_in_cli_init_gets_the_norwegian_frame(runner, monkeypatch) -> None:
    import typer as typer_module

    from utvikling.cli import EXIT_CODES_HELP

    def extra(path: str = typer_module.Option(".", "--path")) -> None:
        """Noe annet."""

    # A copy, so the command is gone again after the test.
    monkeypatch.setattr(app, "registered_commands", list(app.registered_commands))
    app.command("ekstra", epilog=EXIT_CODES_HELP)(extra)
    listing = runner.invoke(app, ["--help"], env={"UTVIKLING_SPRAK": "nb"}).output
    assert "  ekstra " in listing and "Noe annet." in listing
    shown = runner.invoke(app, ["ekstra", "--help"], env={"UTVIKLING_SPRAK": "nb"}).output
    assert shown.startswith("Bruk: utvikling ekstra [VALG]")
    assert "Postmappen. Standard: mappen du står i" in shown and "Avslutningskoder" in shown


def test_help_reads_the_compiled_cli_data_without_the_yaml_parser() -> None:
    from utvikling import texts

    assert texts.data_file("cli.yaml") == texts.data_document("cli.yaml").data
    code = (
        "import sys\nsys.argv = ['utvikling', '--help']\n"
        "from utvikling._entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('yaml' in sys.modules, 'utvikling.yamlsafe' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[0].startswith("Bruk: utvikling")
    assert run.stdout.splitlines()[-1] == "False False"


def test_compiled_data_is_used_only_while_its_source_is_unchanged(tmp_path: Path) -> None:
    from utvikling import texts

    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    parsed: list[dict[str, object]] = []

    def parse() -> dict[str, object]:
        data = {"a": len(parsed)}
        parsed.append(data)
        return data

    assert texts.load_compiled(source, parse) == {"a": 0}
    compiled = next((tmp_path / "__pycache__").glob("words.yaml.*.marshal"))
    assert texts.load_compiled(source, parse) == {"a": 0}, "from the compiled file"
    assert len(parsed) == 1
    source.write_text("a: 22\n", encoding="utf-8")  # another size: parsed again
    assert texts.load_compiled(source, parse) == {"a": 1}
    compiled.write_bytes(compiled.read_bytes()[:-3])  # cut short: parsed again, replaced
    assert texts.load_compiled(source, parse) == {"a": 2}
    assert texts.load_compiled(source, parse) == {"a": 2}
    assert len(parsed) == 3
    shutil.rmtree(tmp_path / "__pycache__")
    (tmp_path / "__pycache__").write_text("", encoding="utf-8")  # cannot be written: no error
    assert texts.load_compiled(source, parse) == {"a": 3}
    assert texts.load_compiled(source, parse) == {"a": 4}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["__pycache__", "words.yaml"]
