"""Only regular files are read: a FIFO, socket or device is a finding, never a hang; a symbolic
link out of the repository is refused and nothing of its target is shown."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import TODAY
from utvikling.cli import app

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")

R010 = (
    "R010 feil: Dette er ikke en vanlig fil (men for eksempel en FIFO, en socket eller en "
    "enhet), så den leses ikke.\n    Poster er vanlige tekstfiler. Fjern den fra postmappen, "
    "eller erstatt den med filen den skulle være.\n"
)
R011 = (
    "R011 feil: En snarvei (symbolsk lenke) som peker ut av postmappen; den følges ikke.\n"
    "    Alle poster må ligge i postmappen. Kopier filen inn i stedet for å lenke til den.\n"
)


class Hung(Exception):
    pass


@contextlib.contextmanager
def deadline(seconds: int = 20) -> Iterator[None]:
    """Fail instead of hanging: opening a FIFO blocks until SIGALRM interrupts it."""

    def expired(signum, frame):
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def test_a_fifo_record_is_a_finding_not_a_hang(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    _fifo(root / "conversations" / "2026-09-15" / "evaluation.yaml")
    monkeypatch.chdir(root)
    with deadline():
        result = runner.invoke(app, ["check", "--today", TODAY])
    assert result.exit_code == 1
    assert f"conversations/2026-09-15/evaluation.yaml: {R010}" in result.output


def test_a_socket_record_is_a_finding(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    monkeypatch.chdir(root)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("plans/2027.yaml")
        with deadline():
            result = runner.invoke(app, ["check", "--today", TODAY])
    finally:
        server.close()
    assert result.exit_code == 1
    assert f"plans/2027.yaml: {R010}" in result.output


def test_minutes_approve_on_a_fifo_explains_instead_of_hanging(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    _fifo(root / "conversations" / "2026-09-15" / "minutes.yaml")
    monkeypatch.chdir(root)
    with deadline():
        result = runner.invoke(app, ["minutes", "approve", "2026-09-15", "--by", "utvalget"])
    assert result.exit_code == 1
    assert result.output == f"conversations/2026-09-15/minutes.yaml: {R010}"


def test_a_link_out_of_the_repository_is_refused_and_its_target_not_shown(
    runner, example, monkeypatch, tmp_path
):
    root = example("fjordvik-kommune")
    secret = tmp_path / "utenfor" / "lonn-HEMMELIG.yaml"
    secret.parent.mkdir()
    secret.write_text("employee:\n  name: HEMMELIG-NAVN\n", encoding="utf-8")
    (root / "agreements" / "2030-01-01.yaml").symlink_to(secret)
    (root / "conversations" / "2027-09-15").symlink_to(secret.parent, target_is_directory=True)
    inside = root / "plans" / "lenke.yaml"
    inside.symlink_to(root / "plans" / "2026.yaml")  # a link inside the repository is followed
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", "--today", TODAY])
    assert result.exit_code == 1
    assert f"agreements/2030-01-01.yaml: {R011}" in result.output
    assert f"conversations/2027-09-15: {R011}" in result.output
    assert "plans/lenke.yaml" not in result.output
    assert result.output.endswith("2 feil i 18 filer.\n")
    assert "utenfor" not in result.output and "HEMMELIG" not in result.output


def test_fifos_where_documents_are_written_never_block(runner, example, monkeypatch):
    root = example("fjordvik-kommune")
    out = root / "dokumenter"
    out.mkdir()
    _fifo(out / ".utvikling-generert.json")
    _fifo(out / "referat-2026-09-15.md")
    _fifo(out / "gammel.md")  # check --stale reads the header of every document
    template = root / "templates" / "documents" / "nb" / "minutes-internal.md.j2"
    template.parent.mkdir(parents=True)
    os.mkfifo(template)  # never opened, and the built-in template is used
    monkeypatch.chdir(root)
    with deadline():
        refused = runner.invoke(app, ["render-minutes", "2026-09-15", "--today", TODAY])
        stale = runner.invoke(app, ["check", "--stale", "--today", TODAY])
        listed = runner.invoke(app, ["templates", "list"])
    assert refused.exit_code == 1
    assert "referat-2026-09-15.md er endret for hånd siden utvikling laget den." in (refused.output)
    assert stale.exit_code == 0, stale.output
    assert "documents/nb/minutes-internal.md.j2  built-in" in listed.output
