"""The benchmark's parse-only floor reads every record file, in each of its modes.

``bench/`` is not run by the suite (its figures need minutes and a quiet machine), but a floor
that read fewer files than ``check``, or failed in one mode, would make every ratio it prints
wrong. This runs the floor script, as ``bench/run.py`` writes it, on a small generated corpus.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402  (the bench's corpus generator)
import floors  # noqa: E402


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("floors") / "corpus"
    corpus.generate(out, municipalities=3, years=2)
    return out, sum(1 for _ in out.rglob("*.yaml"))


@pytest.mark.parametrize(
    "loader", [floors.CSAFE, floors.DEFAULT_LOADER, f"repository={floors.DEFAULT_VALIDATOR}"]
)
@pytest.mark.parametrize("processes", [1, 2])
def test_the_floor_reads_every_record_file(
    region: tuple[Path, int], tmp_path: Path, loader: str, processes: int
) -> None:
    root, files = region
    script = tmp_path / "parse_only.py"
    script.write_text(floors.PARSE_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), loader, str(processes), str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(files)
    assert files > 3 * 2 * 5  # settings, agreements, plans and conversations of each
