"""Templates cannot run code or read files: an override template is sandboxed and named."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TODAY
from utvikling.cli import app

TEMPLATE = "templates/documents/nb/minutes-public.md.j2"
PWNED = "/tmp/utvikling-sandbox-test-PWNED"

ESCAPES = {
    "globals of a Jinja helper": (
        "{{ cycler.__init__.__globals__.os.popen('touch " + PWNED + "').read() }}"
    ),
    "lipsum's module": "{{ lipsum.__globals__['os'].system('touch " + PWNED + "') }}",
    "Python's class tree": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "the template's context": "{{ self._TemplateReference__context }}",
    "a format string": "{{ '{0.__class__.__base__}'.format(minutes) }}",
    "a model's file reader": "{{ minutes.parse_file('/etc/passwd') }}",
    "a model's methods": "{{ minutes.model_dump() }}",
    "a helper's closure": "{{ show.__globals__ }}",
    "the data's class": "{{ minutes.__class__.__init__ }}",
    "a list's methods": "{% set _ = participants.append(1) %}",
}


def _override(root: Path, text: str) -> Path:
    path = root / TEMPLATE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Referat\n\n" + text + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("attack", sorted(ESCAPES))
def test_a_hostile_override_template_is_refused_and_runs_nothing(
    runner, example, monkeypatch, attack
):
    root = example("fjordvik-kommune")
    _override(root, ESCAPES[attack])
    Path(PWNED).unlink(missing_ok=True)
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["render-minutes", "2026-09-15", "--today", TODAY])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    first, hint = result.output.splitlines()[:2]
    assert first == (
        f"{TEMPLATE}:3: Malen {TEMPLATE} prøver å nå noe en mal ikke har tilgang til, "
        "og brukes ikke."
    )
    assert hint == (
        "    En mal kan forme dokumentet, men ikke kjøre kode, lese filer eller nå programmets "
        "innside. Fjern det fra malen, eller start på nytt med «utvikling templates copy»."
    )
    assert not Path(PWNED).exists(), "the template ran a command"
    assert not (root / "dokumenter").exists(), "nothing is written"


def test_a_template_cannot_include_a_record_or_a_file_outside_its_folder(
    runner, example, monkeypatch
):
    root = example("fjordvik-kommune")
    evaluation = root / "conversations" / "2026-09-15" / "evaluation.yaml"
    link = root / "templates" / "documents" / "nb" / "vurdering.md.j2"
    link.parent.mkdir(parents=True)
    link.symlink_to(evaluation)  # inside the repository, but outside the template folder
    monkeypatch.chdir(root)
    for include in ("documents/nb/vurdering.md.j2", "../conversations/2026-09-15/evaluation.yaml"):
        _override(root, "{% include '" + include + "' %}")
        result = runner.invoke(app, ["render-minutes", "2026-09-15", "--today", TODAY])
        assert result.exit_code == 1, result.output
        assert "Malen" in result.output and "minutes-public.md.j2" in result.output
        assert evaluation.read_text(encoding="utf-8")[:60] not in result.output
        assert not (root / "dokumenter").exists()


def test_a_template_error_of_python_is_explained_without_the_value(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    _override(root, "{{ 1 // 0 }} {{ minutes.confidential.legal_basis + 1 }}")
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["render-minutes", "2026-09-15", "--today", TODAY])
    assert result.exit_code == 1
    assert "kan ikke brukes: ZeroDivisionError." in result.output.splitlines()[0]


def test_check_names_every_override_template_in_use(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    _override(root, "{{ show('meeting.body', 'organet') }}")
    (root / "templates" / "documents" / "nb" / "felles.md.j2").write_text("x", encoding="utf-8")
    (root / "templates" / "notater.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(root)
    quiet = runner.invoke(app, ["check", "--today", TODAY])
    assert quiet.exit_code == 0 and quiet.output == ""
    result = runner.invoke(app, ["check", "--info", "--today", TODAY])
    assert result.exit_code == 0
    hint = (
        "    En egen mal kan forme dokumentet, men ikke kjøre kode eller lese filer. Se over "
        "endringene i den før dokumentene sendes ut."
    )
    assert result.output.splitlines() == [
        "templates/documents/nb/felles.md.j2:1:1: T003 info: Postmappen har sin egen mal: "
        "documents/nb/felles.md.j2.",
        hint,
        f"{TEMPLATE}:1:1: T003 info: Postmappen har sin egen mal: "
        "documents/nb/minutes-public.md.j2.",
        hint,
        "2 råd i 15 filer.",
    ]
