"""`utvikling init` on a real terminal: it asks, and the answers make a valid repository."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import TODAY

pexpect = pytest.importorskip("pexpect")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("utvikling")
    return [str(script)] if script.exists() else [sys.executable, "-m", "utvikling"]


def test_init_asks_on_a_terminal(tmp_path: Path) -> None:
    command = _command()
    child = pexpect.spawn(
        command[0],
        [*command[1:], "init", "ny", "--no-git"],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=20,
    )
    answers: list[tuple[str, str | None]] = [
        ("Målform", "nn"),
        ("Namnet på kommunen", "Testvik kommune"),
        ("Kommunenummer", "12"),
        ("Kommunenummeret har fire siffer", None),
        ("Kommunenummer", "4698"),
        ("kommune eller fylkeskommune", ""),
        ("Tittelen på kommunedirektøren", "rådmann"),
        ("Namnet på kommunedirektøren", "Rita Rådmann"),
        ("Organet som fører utviklingssamtalen", "formannskapet"),
        ("Namnet på ordføraren", "Ola Ordførar"),
        ("Namnet på varaordføraren", "Vera Vara"),
        ("Namnet på opposisjonsleiaren", "Otto Opposisjon"),
        ("Eit anna medlem", "Mona Medlem"),
        ("Eit anna medlem", ""),
    ]
    for prompt, answer in answers:
        child.expect(prompt)
        if answer is not None:
            child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    text = (tmp_path / "ny" / "utvikling.yaml").read_text(encoding="utf-8")
    assert 'kind: "kommune"' in text and 'title: "rådmann"' in text
    assert 'name: "Mona Medlem"\n      role: "member"' in text

    import datetime as dt

    from utvikling.records import CheckOptions, check_repository

    result = check_repository(
        tmp_path / "ny", CheckOptions(today=dt.date.fromisoformat(TODAY), select=("M",))
    )
    assert result.findings == []
    assert result.language == "nn"
