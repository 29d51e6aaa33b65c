"""A document set is written whole or not at all, and every failure to write is explained."""

from __future__ import annotations

import datetime as dt
import errno
import os
import random
import signal
import time
from pathlib import Path

import pytest

from conftest import TODAY, tree_digest
from utvikling.cli import app
from utvikling.render import transaction
from utvikling.render.export import export_bytes as REAL_EXPORT
from utvikling.render.export import export_set as REAL_EXPORT_SET
from utvikling.render.writing import MANIFEST

OTHER_DAY = "2026-11-24"


def _render(runner, root: Path, *args: str, day: str = TODAY, formats=("html",)):
    fmt = [a for f in formats for a in ("-f", f)]
    return runner.invoke(app, ["render-minutes", "2026-09-15", "--today", day, *fmt, *args])


def _state(folder: Path) -> dict[str, str]:
    return tree_digest(folder) if folder.is_dir() else {}


def _fake_export(markdown_text, formats, meta, *, reference_doc=None, style=None):
    """Stands in for pandoc and Typst where the conversion is not what a test is about."""
    return {f: f"{f}:{meta.title}:{markdown_text}".encode() for f in formats if f != "md"}


def _fake_export_set(items, formats, *, style=None):
    return [_fake_export(text, formats, meta) for text, meta in items]


@pytest.fixture
def rendered(runner, example, monkeypatch):
    """The bokmål example with a set of documents written once (HTML beside the Markdown),
    converted by a stand-in (tests that are about the converters put the real ones back)."""
    from utvikling.render import export

    monkeypatch.setattr(export, "export_bytes", _fake_export)
    monkeypatch.setattr(export, "export_set", _fake_export_set)
    root = example("fjordvik-kommune")
    monkeypatch.chdir(root)
    result = _render(runner, root)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def real_converters(monkeypatch):
    from utvikling.render import export

    monkeypatch.setattr(export, "export_bytes", REAL_EXPORT)
    monkeypatch.setattr(export, "export_set", REAL_EXPORT_SET)


def test_a_set_interrupted_by_a_converter_error_leaves_the_previous_set(
    runner, rendered, real_converters, monkeypatch
):
    """The first document is converted to HTML, then Typst fails on its PDF."""
    from utvikling.render import export

    out = rendered / "dokumenter"
    before = _state(out)

    class Broken:
        def compile(self, *args, **kwargs):
            raise RuntimeError("typst: unknown variable")

    monkeypatch.setattr(export, "_typst_compiler", lambda style: (Broken(), Path()))
    result = _render(runner, rendered, day=OTHER_DAY, formats=("html", "pdf"))
    assert result.exit_code == 1
    assert result.output == (
        "Kunne ikke lage PDF av referat-2026-09-15.md: Typst stoppet med en feil.\n"
        "    Ingen dokumenter er endret. Prøv igjen uten -f PDF, eller se over en egen mal "
        "eller reference.docx hvis du bruker det.\n"
    )
    assert _state(out) == before


def test_a_broken_reference_document_is_a_pandoc_error_not_a_traceback(
    runner, rendered, real_converters
):
    (rendered / "templates").mkdir()
    (rendered / "templates" / "reference.docx").write_bytes(b"PK\x03\x04 ikke en docx")
    before = _state(rendered / "dokumenter")
    result = _render(runner, rendered, formats=("docx",))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "Kunne ikke lage DOCX av referat-2026-09-15.md: pandoc stoppet med en feil."
    )
    assert _state(rendered / "dokumenter") == before


def test_output_that_is_a_file(runner, rendered):
    (rendered / "fil.txt").write_text("x", encoding="utf-8")
    for output in ("fil.txt", "fil.txt/under"):
        result = _render(runner, rendered, "--output", output)
        assert result.exit_code == 1
        assert result.output == (
            "fil.txt er en fil, ikke en mappe, så dokumentene kan ikke skrives dit.\n"
            "    Velg en mappe med --output, eller gi filen et annet navn. Ingen dokumenter er "
            "endret.\n"
        )


def test_a_name_too_long(runner, rendered):
    name = "n" * 300
    result = _render(runner, rendered, "--output", name)
    assert result.exit_code == 1
    assert result.output == (
        f"Navnet er for langt for filsystemet: {name}.\n"
        "    Velg en mappe med kortere navn med --output. Ingen dokumenter er endret.\n"
    )


def test_a_full_disk_midway_leaves_the_previous_set(runner, rendered, monkeypatch):
    out = rendered / "dokumenter"
    before = _state(out)
    written = []
    real = transaction._write

    def full(path: Path, data: bytes) -> None:
        written.append(path.name)
        if len(written) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(transaction, "_write", full)
    result = _render(runner, rendered, day=OTHER_DAY)
    assert result.exit_code == 1
    assert result.output == (
        "Disken er full, så dokumentene kan ikke skrives i dokumenter.\n"
        "    Gjør plass på disken, eller velg en annen mappe med --output. Ingen dokumenter er "
        "endret.\n"
    )
    assert _state(out) == before


def test_a_failure_while_moving_files_in_puts_the_previous_set_back(runner, rendered, monkeypatch):
    out = rendered / "dokumenter"
    before = _state(out)
    moved = []

    def fail_third(source: Path, target: Path) -> None:
        moved.append(target.name)
        if len(moved) == 3:
            raise OSError(errno.EIO, "Input/output error")
        source.replace(target)

    monkeypatch.setattr(transaction, "_rename", fail_third)
    result = _render(runner, rendered, day=OTHER_DAY)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == ("Kunne ikke skrive i dokumenter: Input/output error.")
    assert _state(out) == before


def _as_nobody(function):
    """Run ``function`` in a forked child as the user nobody; return what it returned."""
    import pickle

    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            os.write(write, pickle.dumps(function()))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as stream:
        data = stream.read()
    os.waitpid(child, 0)
    return pickle.loads(data)


def _as_nobody_in_a_copy(runner, rendered, monkeypatch, output: str, prepare=None):
    """Render a copy of ``rendered`` into ``output`` as nobody.

    Returns where the copy was, (exit code, output), and what the output folder then held.

    Root may write anywhere, so the command runs as nobody, in a forked copy of this process
    (the interpreter under /root may not be reachable by nobody). The copy lives where nobody
    can read it, and so do the built-in templates (the checkout may not be: it is not in CI).
    ``prepare(shared)`` takes away what the test is about, after everything is made readable.
    """
    if os.geteuid() != 0:
        pytest.skip("needs root to become nobody (run as root, or it cannot be set up)")
    import shutil

    from utvikling.render import environment

    shared = Path(os.environ.get("TMPDIR", "/tmp")) / f"utvikling-nobody-{os.getpid()}"
    shutil.copytree(rendered, shared / "repo", ignore=shutil.ignore_patterns("dokumenter"))
    shutil.copytree(environment.BUILTIN_TEMPLATES, shared / "builtin")
    monkeypatch.setattr(environment, "BUILTIN_TEMPLATES", shared / "builtin")
    shared.chmod(0o755)
    for folder, _, files in os.walk(shared):
        Path(folder).chmod(0o755)
        for name in files:
            Path(folder, name).chmod(0o644)
    if prepare is not None:
        prepare(shared)
    os.chdir(shared / "repo")
    try:

        def attempt():
            result = _render(runner, shared / "repo", "--output", output)
            return result.exit_code, result.output

        done = _as_nobody(attempt)
        target = shared / "repo" / output
        return shared, done, sorted(p.name for p in target.iterdir()) if target.is_dir() else None
    finally:
        os.chdir(rendered)
        for folder, _, _ in os.walk(shared):
            Path(folder).chmod(0o755)
        shutil.rmtree(shared)


@pytest.mark.skipif(os.name != "posix", reason="permissions are POSIX here")
def test_a_folder_without_write_permission(runner, rendered, monkeypatch):
    def lock(shared: Path) -> None:
        (shared / "repo" / "låst").mkdir(mode=0o555)

    _, (code, output), held = _as_nobody_in_a_copy(runner, rendered, monkeypatch, "låst", lock)
    assert held == []
    assert code == 1
    assert output == (
        "Har ikke lov til å skrive i låst.\n"
        "    Velg en mappe du kan skrive i med --output, eller be om skrivetilgang. Ingen "
        "dokumenter er endret.\n"
    )


@pytest.mark.skipif(os.name != "posix", reason="permissions are POSIX here")
def test_templates_that_cannot_be_read_are_named(runner, rendered, monkeypatch):
    """An installation whose templates the user may not read: F005 names the template, rather
    than calling it missing or falling through to another folder."""

    def close(shared: Path) -> None:
        (shared / "builtin").chmod(0o700)

    shared, (code, output), held = _as_nobody_in_a_copy(runner, rendered, monkeypatch, "ut", close)
    assert held is None  # nothing written, not even the folder
    assert code == 1
    template = f"{shared}/builtin/documents/nb/minutes-public.md.j2"
    assert output.splitlines()[0] == f"{template}: Har ikke lov til å lese malen {template}."
    assert output.splitlines()[1] == (
        "    Ingen dokumenter er endret. Be den som har satt opp maskinen om lesetilgang til "
        "malmappen, eller installer utvikling på nytt."
    )


def test_killed_at_random_points_the_set_is_old_or_new_never_half(rendered):
    """SIGKILL a render again and again: each file is whole, the set is the old or the new one
    (after the recovery every write starts with), and the next run needs no --force."""
    from utvikling.actions.documents import DocumentOptions
    from utvikling.actions.minutes import render_minutes
    from utvikling.render.writing import refuse_hand_edited

    out = rendered / "dokumenter"
    days = {TODAY: dt.date.fromisoformat(TODAY), OTHER_DAY: dt.date.fromisoformat(OTHER_DAY)}

    def render(day: str) -> None:
        options = DocumentOptions(day=days[day], formats=("md", "html"))
        render_minutes(rendered, "2026-09-15", options)

    sets = {TODAY: _state(out)}
    started = time.monotonic()
    render(OTHER_DAY)
    duration = time.monotonic() - started
    sets[OTHER_DAY] = _state(out)
    assert sets[TODAY] != sets[OTHER_DAY]
    versions = {name: {sets[TODAY].get(name), sets[OTHER_DAY].get(name)} for name in sets[TODAY]}
    current, chance = OTHER_DAY, random.Random(10)
    kinds = []
    from utvikling.render import writing

    real_commit = writing.commit
    for round_ in range(6):
        target = TODAY if current == OTHER_DAY else OTHER_DAY
        read, write = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - the child, killed
            os.close(read)

            def commit(*args, signal_to: int = write, **kwargs) -> None:
                os.write(signal_to, b"c")
                real_commit(*args, **kwargs)

            def slow(source: Path, destination: Path, signal_to: int = write) -> None:
                os.write(signal_to, b".")
                time.sleep(0.02)
                source.replace(destination)

            writing.commit, transaction._rename = commit, slow
            try:
                render(target)
            finally:
                os._exit(0)
        os.close(write)
        phase = round_ % 3
        if phase == 0:  # anywhere, from the start to the end
            time.sleep(chance.uniform(0, duration))
        elif phase == 1:  # while the set is staged and the journal written
            os.read(read, 1)
            time.sleep(chance.uniform(0, 0.02))
        else:  # while the files are moved in
            while (seen := os.read(read, 1)) and seen != b".":
                pass
            time.sleep(chance.uniform(0, 0.11))
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        os.close(read)
        for name, digest in _state(out).items():
            if not name.startswith(transaction.STAGING_PREFIX):
                assert digest in versions.get(name, {digest}), f"{name} is half written"
        transaction.recover(out)
        state = _state(out)
        assert state in (sets[TODAY], sets[OTHER_DAY]), f"a mixed set after round {round_}"
        kinds.append("new" if state == sets[target] else "old")
        current = target if state == sets[target] else current
        refuse_hand_edited(
            [out / "referat-2026-09-15.md", out / "referat-2026-09-15-intern.md"],
            force=False,
            lang="nb",
            formats=("md", "html"),
        )
    render(TODAY if current == OTHER_DAY else OTHER_DAY)  # the next run: no --force needed
    assert "old" in kinds, kinds
    assert MANIFEST in _state(out)
