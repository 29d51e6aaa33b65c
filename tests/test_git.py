"""Git as the audit trail: a commit per changing command, refusals, tags, and history checks.

Every test makes a real git repository in tmp_path and runs git with a fixed identity.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, TODAY
from test_minutes import MINUTES
from utvikling.cli import app
from utvikling.records.integrity import locked_hash, locked_parts, minutes_sources, stored_matches
from utvikling.records.repository import load_repository

SCHEMA_FILES = [
    f"{kind}.schema.json"
    for kind in (
        "settings",
        "agreement",
        "plan",
        "meeting",
        "input",
        "self_evaluation",
        "evaluation",
        "minutes",
    )
]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

IDENTITY = {
    "GIT_AUTHOR_NAME": "Sigrid Vatne",
    "GIT_AUTHOR_EMAIL": "sigrid@fjordvik.invalid",
    "GIT_COMMITTER_NAME": "Sigrid Vatne",
    "GIT_COMMITTER_EMAIL": "sigrid@fjordvik.invalid",
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def last_commit(root: Path) -> tuple[str, list[str]]:
    """The last commit's message and the files it changed."""
    message = git(root, "log", "-1", "--format=%s").strip()
    files = git(root, "show", "--name-only", "--format=", "HEAD").split()
    return message, files


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The Fjordvik example in a git repository of its own, with new minutes committed."""
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    root = tmp_path / "fjordvik"
    shutil.copytree(EXAMPLES / "fjordvik-kommune", root)
    (root / "conversations" / "2026-12-10").mkdir()
    (root / "conversations" / "2026-12-10" / "minutes.yaml").write_text(MINUTES, "utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Postene slik de var")
    monkeypatch.chdir(root)
    return root


def run(runner, *args: str):
    return runner.invoke(app, list(args))


APPROVE = ["minutes", "approve", "2026-12-10", "--by", "Arbeidsgiverutvalget", "--on", "2026-12-15"]
ACKNOWLEDGE = ["minutes", "acknowledge", "2026-12-10", "--on", "2026-12-16"]
REPORT = ["minutes", "report", "2026-12-10", "--case", "27/4", "--on", "2027-01-28"]
AMEND = [
    "minutes",
    "amend",
    "2026-12-10",
    "--text",
    "Rettet navnet på utvalget.",
    "--reason",
    "Skrivefeil",
    "--on",
    "2027-02-01",
]
MINUTES_FILE = "conversations/2026-12-10/minutes.yaml"


def test_every_lifecycle_step_is_one_commit_of_the_minutes_alone(runner, repo: Path) -> None:
    (repo / "README.md").write_text("Et utkast noen andre holder på med.\n", "utf-8")
    git(repo, "add", "README.md")  # someone else's staged change must stay theirs
    expected = [
        (APPROVE, "Referat 2026-12-10 godkjent av Arbeidsgiverutvalget"),
        (ACKNOWLEDGE, "Referat 2026-12-10 kvittert av kommunedirektøren"),
        (REPORT, "Referat 2026-12-10 lagt fram for kommunestyret, sak 27/4"),
        (AMEND, "Referat 2026-12-10: endring datert 2027-02-01"),
    ]
    for args, message in expected:
        result = run(runner, *args)
        assert result.exit_code == 0, result.output
        commit = git(repo, "log", "-1", "--format=%h").strip()
        assert f"Lagret i git: {commit} «{message}»" in result.output
        assert last_commit(repo) == (message, [MINUTES_FILE])
    assert git(repo, "status", "--porcelain", "--", "README.md") == "M  README.md\n"
    assert len(git(repo, "log", "--format=%h").split()) == 5
    author = git(repo, "log", "-1", "--format=%an <%ae>").strip()
    assert author == "Sigrid Vatne <sigrid@fjordvik.invalid>"


def test_reporting_tags_the_commit(runner, repo: Path) -> None:
    for args in (APPROVE, ACKNOWLEDGE):
        assert run(runner, *args).exit_code == 0
    result = run(runner, *REPORT)
    assert result.exit_code == 0, result.output
    assert "Merket i git som referat-2026-12-10." in result.output
    tagged = git(repo, "rev-list", "-n", "1", "referat-2026-12-10").strip()
    assert tagged == git(repo, "rev-parse", "HEAD").strip()
    message = git(repo, "tag", "-l", "--format=%(contents:subject)", "referat-2026-12-10")
    assert message.strip() == "Referat 2026-12-10 lagt fram for kommunestyret, sak 27/4"


def test_uncommitted_edits_to_the_minutes_are_refused(runner, repo: Path) -> None:
    path = repo / MINUTES_FILE
    path.write_text(MINUTES + "# et notat som ikke er lagret\n", "utf-8")
    before = path.read_bytes()
    result = run(runner, *APPROVE)
    assert result.exit_code == 1
    assert result.output == (
        f"{MINUTES_FILE} har endringer som ikke er lagret i git; "
        "utvikling lagrer bare sine egne endringer.\n"
        f'    Lagre endringene først (git add {MINUTES_FILE} && git commit -m "…"), '
        "eller kjør kommandoen med --no-commit.\n"
    )
    assert path.read_bytes() == before
    assert len(git(repo, "log", "--format=%h").split()) == 1


def test_reporting_refuses_uncommitted_edits_to_what_the_lock_covers(runner, repo: Path) -> None:
    for args in (APPROVE, ACKNOWLEDGE):
        assert run(runner, *args).exit_code == 0
    plan = repo / "plans" / "2026.yaml"
    plan.write_text(plan.read_text("utf-8") + "# endret\n", "utf-8")
    result = run(runner, *REPORT)
    assert result.exit_code == 1
    assert "Referatet låser også plans/2026.yaml, som har endringer som ikke er lagret i git." in (
        result.output
    )
    assert "reported:" not in (repo / MINUTES_FILE).read_text("utf-8")


def test_no_commit_changes_the_record_and_commits_nothing(runner, repo: Path) -> None:
    result = run(runner, *APPROVE, "--no-commit")
    assert result.exit_code == 0, result.output
    assert result.output == f"Godkjenningen er ført inn i {MINUTES_FILE}.\n"
    assert "approved:" in (repo / MINUTES_FILE).read_text("utf-8")
    assert len(git(repo, "log", "--format=%h").split()) == 1
    assert git(repo, "status", "--porcelain") == f" M {MINUTES_FILE}\n"


def test_a_folder_outside_git_still_works_with_one_info_line(runner, example, monkeypatch) -> None:
    root = example("fjordvik-kommune")
    (root / "conversations" / "2026-12-10").mkdir()
    (root / "conversations" / "2026-12-10" / "minutes.yaml").write_text(MINUTES, "utf-8")
    monkeypatch.chdir(root)
    result = run(runner, *APPROVE)
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Godkjenningen er ført inn i {MINUTES_FILE}.\n"
        "Mappen er ikke et git-depot; endringen er ikke lagret i historikken.\n"
    )


def test_without_a_configured_identity_the_fallback_signs(runner, repo: Path, monkeypatch) -> None:
    for key in IDENTITY:
        monkeypatch.delenv(key)
    monkeypatch.delenv("EMAIL", raising=False)
    result = run(runner, *APPROVE)
    assert result.exit_code == 0, result.output
    author = git(repo, "log", "-1", "--format=%an <%ae>|%cn <%ce>").strip()
    assert author == "utvikling <utvikling@localhost>|utvikling <utvikling@localhost>"


def test_init_makes_the_first_commit(runner, tmp_path: Path, monkeypatch) -> None:
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    result = run(
        runner, "init", "testvik", "--name", "Testvik kommune", "--kind", "kommune", "--no-input"
    )
    assert result.exit_code == 0, result.output
    root = tmp_path / "testvik"
    message, files = last_commit(root)
    assert message == "Postmappe for Testvik kommune opprettet"
    assert sorted(files) == [
        ".gitignore",
        ".pre-commit-config.yaml",
        ".vscode/extensions.json",
        ".vscode/settings.json",
        "agreements/README.md",
        "conversations/README.md",
        "plans/README.md",
        *sorted(f"schemas/{name}" for name in SCHEMA_FILES),
        "utvikling.yaml",
    ]
    assert git(root, "status", "--porcelain") == ""


def test_new_agreement_plan_and_preparation_commit_what_they_made(runner, repo: Path) -> None:
    answers = EXAMPLES / "fjordvik-agreement-answers.yaml"
    made = run(
        runner,
        "new-agreement",
        "--answers",
        str(answers),
        "--start-date",
        "2027-01-01",
        "--supersedes",
        "2024-03-01",
        "--no-input",
        "--today",
        TODAY,
    )
    assert "Lagret i git:" in made.output, made.output
    assert last_commit(repo) == (
        "Ny avtale 2027-01-01, erstatter avtalen 2024-03-01",
        ["agreements/2024-03-01.yaml", "agreements/2027-01-01.yaml"],
    )
    plan = run(runner, "plan", "new", "2027", "--today", TODAY)
    assert "Lagret i git:" in plan.output, plan.output
    assert last_commit(repo) == ("Ny resultat- og utviklingsplan for 2027", ["plans/2027.yaml"])
    prepared = run(runner, "prepare-conversation", "2027-09-14", "--today", TODAY)
    assert "Lagret i git:" in prepared.output, prepared.output
    message, files = last_commit(repo)
    assert message == "Utviklingssamtale 2027-09-14 forberedt"
    assert sorted(files) == [
        f"conversations/2027-09-14/{name}"
        for name in ("evaluation.yaml", "input.yaml", "meeting.yaml", "self-evaluation.yaml")
    ]


def _reported(runner, repo: Path) -> None:
    for args in (APPROVE, ACKNOWLEDGE, REPORT):
        result = run(runner, *args)
        assert result.exit_code == 0, result.output


def _edit_and_recompute_the_checksum(root: Path, work_tree: Path) -> None:
    """Edit the reported minutes of ``root`` and give them a checksum that fits, committed."""
    path = root / MINUTES_FILE
    text = path.read_text("utf-8").replace("Alle mål er nådd.", "Nesten alle mål.")
    path.write_text(text, "utf-8")
    context = load_repository(root).context
    conversation = context.conversation("2026-12-10")
    assert conversation is not None
    sources = minutes_sources(context, conversation)
    assert sources is not None and sources.minutes.reported is not None
    old = sources.minutes.reported.content_sha256
    assert old and stored_matches(sources) is False
    path.write_text(text.replace(old, locked_hash(locked_parts(sources))), "utf-8")
    git(work_tree, "commit", "-qam", "Ny kontrollsum")


def test_a_recomputed_checksum_is_found_through_history(runner, repo: Path) -> None:
    _reported(runner, repo)
    locked = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    date = git(repo, "log", "-1", "--format=%cs").strip()
    _edit_and_recompute_the_checksum(repo, repo)  # the checksum now fits the new text …
    result = run(runner, "check", "--select", "C2", "--today", "2027-02-02")
    assert result.exit_code == 1
    assert (  # … but git remembers what was reported, and says where the report stands
        f"{MINUTES_FILE}:16:1: C212 feil: Referatet er endret siden det ble låst i commit "
        f"{locked} ({date}): {MINUTES_FILE}."
    ) in result.output
    assert f"Se endringen med git diff {locked} -- {MINUTES_FILE}." in result.output
    assert "C209" not in result.output
    refused = run(runner, "minutes", "report", "2026-12-10", "--repair")
    assert refused.exit_code == 1 and "C212 feil:" in refused.output


def test_a_meeting_naming_a_plan_that_does_not_exist_is_not_reported_as_changed(
    runner, repo: Path
) -> None:
    """Git's version and today's agree on which plan the minutes lock: none, when the meeting
    names one that is not there (it used to fall back to the plan covering the date: a false
    C212 right after reporting)."""
    meeting = repo / "conversations" / "2026-12-10" / "meeting.yaml"
    meeting.write_text("date: 2026-12-10\nplan_under_review: 2030\n", "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Møtet peker på en plan som ikke finnes")
    _reported(runner, repo)
    result = run(runner, "check", "--select", "C2", "--today", "2027-02-02")
    assert "C212" not in result.output
    assert result.exit_code == 0, result.output


def test_every_file_changed_since_the_lock_is_named(runner, repo: Path) -> None:
    _reported(runner, repo)
    locked = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    date = git(repo, "log", "-1", "--format=%cs").strip()
    settings = repo / "utvikling.yaml"
    settings.write_text(
        settings.read_text("utf-8").replace("name: Fjordvik kommune", "name: Fjordvik by"), "utf-8"
    )
    path = repo / MINUTES_FILE
    text = path.read_text("utf-8").replace("Alle mål er nådd.", "Nesten alle mål.")
    path.write_text(text, "utf-8")
    context = load_repository(repo).context
    conversation = context.conversation("2026-12-10")
    assert conversation is not None
    sources = minutes_sources(context, conversation)
    assert sources is not None
    old = sources.minutes.reported.content_sha256  # type: ignore[union-attr]
    assert old
    path.write_text(text.replace(old, locked_hash(locked_parts(sources))), "utf-8")
    git(repo, "commit", "-qam", "Ny kontrollsum")
    result = run(runner, "check", "--select", "C212", "--today", "2027-02-02")
    assert (
        f"C212 feil: Referatet er endret siden det ble låst i commit {locked} ({date}): "
        f"{MINUTES_FILE} utvikling.yaml."
    ) in result.output, result.output


def test_a_removed_report_is_found_through_history_and_not_reported_again(
    runner, repo: Path
) -> None:
    _reported(runner, repo)
    locked = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    date = git(repo, "log", "-1", "--format=%cs").strip()
    path = repo / MINUTES_FILE
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("reported:")].replace("Alle mål", "Ingen mål"), "utf-8")
    git(repo, "commit", "-qam", "Fjernet framleggingen")
    result = run(runner, "check", "--select", "C2", "--today", "2027-02-02")
    assert result.exit_code == 1
    assert (
        f"{MINUTES_FILE}:1:1: C213 feil: Referatet ble lagt fram og låst i commit {locked} "
        f"({date}), men framleggingen er fjernet fra minutes.yaml."
    ) in result.output
    assert f"Hent tilbake teksten med git show {locked}:{MINUTES_FILE}," in result.output
    again = run(runner, "minutes", "report", "2026-12-10", "--case", "27/9", "--on", "2027-02-03")
    assert again.exit_code == 1
    assert "Referatet er endret etter at det ble låst, og kan ikke føres videre nå." in again.output
    assert "reported:" not in path.read_text("utf-8")


def test_a_report_left_without_its_date_is_found_at_the_report(runner, repo: Path) -> None:
    _reported(runner, repo)
    path = repo / MINUTES_FILE
    text = path.read_text("utf-8")
    path.write_text(text.replace("  date: 2027-01-28\n", ""), "utf-8")
    git(repo, "commit", "-qam", "Fjernet datoen")
    line = text[: text.index("\nreported:")].count("\n") + 2
    result = run(runner, "check", "--select", "C213", "--today", "2027-02-02")
    assert f"{MINUTES_FILE}:{line}:1: C213 feil: Referatet ble lagt fram" in result.output


def test_the_last_amendment_removed_is_found_at_those_kept(runner, repo: Path) -> None:
    _reported(runner, repo)
    assert run(runner, *AMEND).exit_code == 0
    second = [*AMEND[:4], "Rettet en dato.", *AMEND[5:]]
    assert run(runner, *second).exit_code == 0
    path = repo / MINUTES_FILE
    text = path.read_text("utf-8")
    path.write_text(text[: text.rindex("\n  - ") + 1], "utf-8")
    git(repo, "commit", "-qam", "Fjernet den siste endringen")
    line = text[: text.index("\namendments:")].count("\n") + 2
    result = run(runner, "check", "--select", "C214", "--today", "2027-02-02")
    assert f"{MINUTES_FILE}:{line}:1: C214 feil: En endring som ble ført inn" in result.output


def test_an_amendment_removed_in_a_commit_is_found(runner, repo: Path) -> None:
    _reported(runner, repo)
    assert run(runner, *AMEND).exit_code == 0
    amended = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    path = repo / MINUTES_FILE
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("amendments:")], "utf-8")
    git(repo, "commit", "-qam", "Fjernet endringen")
    result = run(runner, "check", "--select", "C2", "--today", "2027-02-02")
    assert result.exit_code == 1
    assert f"C214 feil: En endring som ble ført inn i commit {amended}, er borte" in (result.output)
    assert f"Hent endringene tilbake med git show {amended}:{MINUTES_FILE};" in result.output


def test_history_lists_the_lifecycle_with_its_commits(runner, repo: Path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _reported(runner, repo)
    result = run(runner, "historikk", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["git"] == "yes"
    assert [a["superseded_by"] for a in data["agreements"]] == ["2024-03-01", None]
    year = next(y for y in data["years"] if y["year"] == 2026)
    conversation = next(c for c in year["conversations"] if c["folder"] == "2026-12-10")
    minutes = conversation["minutes"]
    assert minutes["approved"] == {"date": "2026-12-15", "body": "Arbeidsgiverutvalget"}
    assert minutes["acknowledged"] == "2026-12-16"
    assert minutes["reported"] == {
        "date": "2027-01-28",
        "case_number": "27/4",
        "locked": True,
        "checksum_added_later": None,
        "tag": "referat-2026-12-10",
    }
    assert [c["message"] for c in minutes["commits"]] == [
        "Postene slik de var",
        "Referat 2026-12-10 godkjent av Arbeidsgiverutvalget",
        "Referat 2026-12-10 kvittert av kommunedirektøren",
        "Referat 2026-12-10 lagt fram for kommunestyret, sak 27/4",
    ]
    table = run(runner, "historikk")
    assert table.exit_code == 0, table.output
    assert "Samtale 2026-12-10" in table.output and "merket referat-2026-12-10" in table.output


def test_repositories_sharing_a_work_tree_share_one_history_question(
    runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A KS adviser's folder of many repositories in one git work tree: the locking commits of
    all their minutes come from one git run, and say what each repository's own run says."""
    from utvikling.records.git import Repo

    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    region = tmp_path / "region"
    names = ("fjordvik", "heianes")
    for name in names:
        shutil.copytree(EXAMPLES / "fjordvik-kommune", region / name)
        (region / name / "conversations" / "2026-12-10").mkdir()
        (region / name / MINUTES_FILE).write_text(MINUTES, "utf-8")
    git(region, "init", "-q")
    git(region, "add", "-A")
    git(region, "commit", "-q", "-m", "Postene slik de var")
    for name in names:  # the same day's minutes in both: each gets a tag of its own
        monkeypatch.chdir(region / name)
        _reported(runner, region / name)
    _edit_and_recompute_the_checksum(region / "heianes", region)
    monkeypatch.chdir(region)

    asked: list[str] = []
    real = Repo.first_changes

    def counted(self: Repo, string: str, pathspec: str) -> dict:
        asked.append(pathspec)
        return real(self, string, pathspec)

    monkeypatch.setattr(Repo, "first_changes", counted)
    check = ["check", "--select", "C2", "--today", "2027-02-02", "--no-cache", "--jobs", "1"]
    one_by_one = [run(runner, *check, name).output for name in names]
    assert asked == [f"{name}/conversations/*/minutes.yaml" for name in names]
    asked.clear()
    together = run(runner, *check, ".")
    assert asked == ["*conversations/*/minutes.yaml"]
    assert together.exit_code == 1
    assert "heianes/conversations/2026-12-10/minutes.yaml:16:1: C212 feil:" in together.output
    findings = [line for out in one_by_one for line in out.splitlines()[:-1]]  # no summary
    assert together.output.splitlines() == [*findings, "1 feil i 32 filer."]
    assert git(region, "tag").split() == [f"{name}/referat-2026-12-10" for name in names]
    shown = run(runner, "historikk", "--path", "heianes")
    assert "heianes/referat-2026-12-10" in shown.output, shown.output
