"""Build the wheel, install it (not editable) into a fresh environment, and run it there.

This catches package data missing from the wheel (templates, rules, messages).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, TODAY

pytestmark = pytest.mark.wheel


def test_wheel_installs_and_checks_the_example(tmp_path: Path) -> None:
    try:
        import hatchling  # noqa: F401
    except ImportError:
        pytest.skip("hatchling is needed to build the wheel without network access")
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("utvikling-*.whl"))
    environment = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(environment)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # Added after the install, so pip cannot mistake an installed copy for the wheel; the
    # environment's own site-packages still comes before it on sys.path.
    # The dependencies come from the running environment; utvikling itself only from the wheel.
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run(
        [str(python), "-c", "import utvikling, sys; print(utvikling.__file__)"],
        cwd=outside,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert where.startswith(site)
    checked = subprocess.run(
        [str(bin_dir / "utvikling"), "check", str(EXAMPLES / "fjordvik-kommune"), "--today", TODAY],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")
    created = subprocess.run(
        [str(bin_dir / "utvikling"), "init", "ny", "--no-input", "--no-git", "--name", "X kommune"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    assert "X kommune" in (outside / "ny" / "utvikling.yaml").read_text(encoding="utf-8")
    # Every document, rendered by the installed package from the templates the wheel carries
    # (a template left out of the wheel fails here), in both written languages.
    assert (Path(site) / "utvikling" / "templates" / "documents").is_dir()
    assert not (ROOT / "src" / "utvikling" / "templates").exists()
    for example, runs in {
        "fjordvik-kommune": [
            ["render-minutes", "2026-09-15"],
            ["prepare-conversation", "2027-01-20"],
            [
                "new-agreement",
                "--answers",
                str(EXAMPLES / "fjordvik-agreement-answers.yaml"),
                "--supersedes",
                "2024-03-01",
                "--no-input",
            ],
        ],
        "havbrekke-fylkeskommune": [
            ["render-minutes", "2026-06-10", "--draft"],
            ["prepare-conversation", "2027-01-20"],
        ],
    }.items():
        copy = outside / example
        shutil.copytree(EXAMPLES / example, copy)
        for args in runs:
            done = subprocess.run(
                [str(bin_dir / "utvikling"), *args, "--today", TODAY],
                cwd=copy,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            assert "Traceback" not in done.stderr, done.stderr
        written = sorted(p.name for p in (copy / "dokumenter").glob("*.md"))
        expected = 5 if example == "fjordvik-kommune" else 4
        assert len(written) == expected, (example, written, done.stdout, done.stderr)
    # The house style ships too: the final agreement in every format, with its archive metadata.
    assert (Path(site) / "utvikling" / "templates" / "style" / "reference.docx").is_file()
    assert (Path(site) / "utvikling" / "data" / "archive.schema.json").is_file()
    final = subprocess.run(
        [str(bin_dir / "utvikling"), "render-agreement", "2024-03-01", "--today", TODAY]
        + ["-f", "html", "-f", "docx", "-f", "pdf"],
        cwd=outside / "fjordvik-kommune",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert final.returncode == 0, final.stdout + final.stderr
    out = outside / "fjordvik-kommune" / "dokumenter"
    for name in ("avtale-2024-03-01.pdf", "avtale-2024-03-01.docx", "avtale-2024-03-01.arkiv.json"):
        assert (out / name).is_file(), name
