"""The cache of ``check``: a warm check says what a fresh one says, and any change misses."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, TODAY
from utvikling.actions import check as check_module
from utvikling.cli import app
from utvikling.records import cache

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402  (the bench's corpus generator)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENVIRONMENT, str(folder))
    return folder


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 24 generated repositories (4 years each), as a KS adviser would check."""
    out = tmp_path_factory.mktemp("corpus") / "n24"
    corpus.generate(out, municipalities=24, years=4)
    return out


class Spy:
    """Counts the repositories checked afresh (not answered from the cache) in this process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.checked: list[Path] = []
        real = check_module.check_repository

        def counted(root: Path, *args: object, **named: object) -> object:
            self.checked.append(root)
            return real(root, *args, **named)  # type: ignore[arg-type]

        monkeypatch.setattr(check_module, "check_repository", counted)

    def take(self) -> int:
        count = len(self.checked)
        self.checked.clear()
        return count


def run(runner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize(
    "options",
    [
        ["--jobs", "1"],
        ["--jobs", "1", "--json"],
        ["--jobs", "1", "--info", "--history", "--strict"],
        ["--jobs", "2", "--json"],
        ["--jobs", "2", "--select", "C,U", "--ignore", "C210"],
    ],
)
def test_warm_check_of_many_repositories_is_byte_identical(
    runner, many: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    spy = Spy(monkeypatch)
    args = [str(many), "--today", TODAY, *options]
    fresh = run(runner, *args, "--no-cache")
    assert not cache_dir.exists()  # --no-cache neither reads nor writes
    cold = run(runner, *args)
    warm = run(runner, *args)
    assert fresh[1].count("\n") > 10  # the corpus has gaps, like real archives
    assert cold == fresh
    assert warm == fresh
    assert len(list(cache_dir.glob("check-*.json"))) == 24
    if options[1] == "1":  # in this process: the warm run checked nothing afresh
        assert spy.take() == 24 * 2
        run(runner, *args)
        assert spy.take() == 0


def test_one_file_path_is_answered_from_the_cache_too(
    runner, example, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = example("fjordvik-kommune")
    target = root / "utvikling.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "ukjent_felt: 1\n", encoding="utf-8")
    spy = Spy(monkeypatch)
    fresh = run(runner, str(target), "--today", TODAY, "--no-cache")
    assert "ukjent_felt" in fresh[1]
    assert run(runner, str(target), "--today", TODAY) == fresh
    assert run(runner, str(target), "--today", TODAY) == fresh
    assert spy.take() == 2


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_changing_any_one_input_misses_the_cache(
    runner, example, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = example("fjordvik-kommune")
    spy = Spy(monkeypatch)
    base = [str(root), "--today", TODAY, "--info"]

    def misses(*extra: str) -> bool:
        """Check twice: the first must say what a fresh check says; True if it missed."""
        first = run(runner, *base, *extra)
        missed = spy.take() == 1
        assert first == run(runner, *base, *extra, "--no-cache")
        spy.take()
        assert run(runner, *base, *extra) == first  # and now it is stored
        assert spy.take() == 0
        return missed

    assert misses()
    assert not misses()
    # the options and the day
    assert misses("--today", "2026-11-24")
    assert misses("--select", "A1")
    assert misses("--ignore", "A1")
    assert misses("--history")
    assert not misses("--strict")  # what is printed, not what is found: same findings
    # the files: content, a new file, a removed one, a renamed one, a template override
    plan = next((root / "plans").glob("*.yaml"))
    original = plan.read_bytes()
    _append(plan, "# en kommentar\n")
    assert misses()
    plan.write_bytes(original)
    assert not misses()  # that content's result is still stored
    extra = root / "plans" / "notat.yaml"
    extra.write_text("a: 1\n", encoding="utf-8")
    assert misses()
    extra.rename(root / "plans" / "notat2.yaml")
    assert misses()
    (root / "plans" / "notat2.yaml").unlink()
    assert not misses()
    (root / "templates" / "documents").mkdir(parents=True)
    (root / "templates" / "documents" / "agenda.md.j2").write_text("x", encoding="utf-8")
    assert misses()
    # where findings are shown from (paths relative to the working folder)
    monkeypatch.chdir(root.parent)
    assert misses()
    # the tool: its code, rule data and libraries
    real = check_module.tool_version()
    monkeypatch.setattr(check_module, "tool_version", lambda: [*real[:1], "other rules", *real[2:]])
    assert misses()


def test_the_tool_fingerprint_follows_the_rule_data(tmp_path: Path) -> None:
    package = Path(check_module.__file__).resolve().parent.parent
    copy = tmp_path / "utvikling"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache.package_fingerprint(copy)
    assert before == cache.package_fingerprint(package)
    rules = copy / "data" / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache.package_fingerprint(copy) != before
    assert check_module.tool_version()[1] == cache.package_fingerprint(package)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_new_commit_misses_the_cache(runner, example, cache_dir: Path, monkeypatch) -> None:
    root = example("fjordvik-kommune")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "first"], cwd=root, check=True)
    first = cache.git_state(root)
    assert first is not None and len(first[1]) == 40
    spy = Spy(monkeypatch)
    run(runner, str(root), "--today", TODAY)
    run(runner, str(root), "--today", TODAY)
    assert spy.take() == 1
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "second"], cwd=root, check=True)
    assert cache.git_state(root) != first
    subprocess.run([*git, "pack-refs", "--all"], cwd=root, check=True)  # refs in packed-refs
    assert cache.git_state(root) == cache.git_state(root) != first
    run(runner, str(root), "--today", TODAY)
    assert spy.take() == 1


def test_a_corrupt_cache_file_is_ignored_and_replaced(
    runner, example, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = example("havbrekke-fylkeskommune")
    args = [str(root), "--today", TODAY, "--info"]
    fresh = run(runner, *args, "--no-cache")
    assert run(runner, *args) == fresh
    (stored,) = cache_dir.glob("check-*.json")
    spy = Spy(monkeypatch)
    document = json.loads(stored.read_text(encoding="utf-8"))
    for key in document["results"]:  # a result of another shape under the right key
        document["results"][key][1]["findings"] = [["C210", "error"]]
    broken = [
        b"",
        b"\x00\xff not json",
        b'{"format": 1}',
        b"[]",
        json.dumps(document).encode(),
    ]
    for content in broken:
        stored.write_bytes(content)
        assert run(runner, *args) == fresh
        assert spy.take() == 1
        replaced = json.loads(stored.read_text(encoding="utf-8"))
        assert replaced["format"] == cache.FORMAT
    assert run(runner, *args) == fresh
    assert spy.take() == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_cache_is_the_users_alone_and_not_in_the_repository(
    runner, example, cache_dir: Path
) -> None:
    root = example("fjordvik-kommune")
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    run(runner, str(root), "--today", TODAY)
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before
    (stored,) = cache_dir.iterdir()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700


def test_the_default_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cache.ENVIRONMENT, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform not in ("win32", "darwin"):
        assert cache.cache_folder() == tmp_path / "xdg" / "utvikling"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
        assert cache.cache_folder() == Path.home() / ".cache" / "utvikling"
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path / "chosen"))
    assert cache.cache_folder() == tmp_path / "chosen"
    first = cache.file_for(tmp_path / "a")
    assert first == cache.file_for(tmp_path / "b" / ".." / "a")
    assert first != cache.file_for(tmp_path / "b")


def test_an_unwritable_cache_folder_is_no_error(
    runner, example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.ENVIRONMENT, str(blocked / "cache"))
    root = example("fjordvik-kommune")
    assert run(runner, str(root), "--today", TODAY) == run(
        runner, str(root), "--today", TODAY, "--no-cache"
    )


def test_a_remembered_hash_is_used_only_while_the_file_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"a: 1\n")
    location = str(path)
    reads: list[str] = []

    def read(where: str) -> bytes:
        reads.append(where)
        return Path(where).read_bytes()

    store = cache.Store(tmp_path / "c.json")
    real = store.file_hash(location, read)
    assert real == cache.digest(b"a: 1\n") and len(reads) == 1
    # a remembered hash is trusted when the stat matches and the cache was written well after
    store.files[location][1] = "remembered"
    store.written_ns = time.time_ns() + 10 * cache.RACY_NS
    assert store.file_hash(location, read) == "remembered" and len(reads) == 1
    # ... but not when the file was modified just before the cache was written (same tick)
    store.written_ns = path.stat().st_mtime_ns + cache.RACY_NS // 2
    assert store.file_hash(location, read) == real and len(reads) == 2
    # ... nor when anything in the stat differs
    store.files[location][1] = "remembered"
    store.written_ns = time.time_ns() + 10 * cache.RACY_NS
    path.write_bytes(b"a: 2\n")
    assert store.file_hash(location, read) == cache.digest(b"a: 2\n")
    # a file that cannot be read is known by its error, and not remembered
    assert store.file_hash(str(tmp_path / "gone.yaml"), read).startswith("!")


def test_concurrent_checks_share_the_cache_safely(many: Path, tmp_path: Path) -> None:
    env = {**os.environ, cache.ENVIRONMENT: str(tmp_path / "shared")}
    argv = [sys.executable, "-m", "utvikling", "check", str(many), "--today", TODAY, "--json"]
    fresh = subprocess.run([*argv, "--no-cache"], capture_output=True, env=env, check=False)
    for _ in range(2):
        runs = [
            subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            for _ in range(3)
        ]
        for proc in runs:
            out, err = proc.communicate(timeout=300)
            assert (proc.returncode, out, err) == (fresh.returncode, fresh.stdout, b"")
    for stored in (tmp_path / "shared").iterdir():
        assert json.loads(stored.read_bytes())["format"] == cache.FORMAT


def test_a_warm_check_starts_no_processes(
    runner, many: Path, tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    corpus_copy = tmp_path / "n24"
    shutil.copytree(many, corpus_copy)
    args = [str(corpus_copy), "--today", TODAY, "--jobs", "2", "--json"]
    cold = run(runner, *args)
    pools: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def counted(*pos: object, **named: object) -> object:
        pools.append(1)
        return real(*pos, **named)  # type: ignore[arg-type]

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", counted)
    assert run(runner, *args) == cold
    assert pools == [], "every repository was a hit: answered without a process pool"
    middle = sorted(p for p in corpus_copy.iterdir() if p.is_dir())[12]
    _append(middle / "utvikling.yaml", "ukjent_felt: 1\n")
    changed = run(runner, *args)
    assert pools == [1], "from the first miss on, the rest are checked in processes"
    assert changed == run(runner, *args, "--no-cache") != cold
    assert "ukjent_felt" in changed[1]
