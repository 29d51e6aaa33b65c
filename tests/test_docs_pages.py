"""Every command block of README.md, docs/, the examples' and the benchmark's READMEs runs as a
reader would run it, and what it prints is what the page shows (tools/docs_run.py).

``python tools/docs_run.py --update`` writes the real output into the pages after a change.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import docs_run  # noqa: E402


@pytest.mark.parametrize("page", docs_run.PAGES)
def test_the_page_runs_as_written(page: str, tmp_path: Path) -> None:
    parsed, outcomes, problems = docs_run.check_page(page, tmp_path)
    assert not problems, "\n\n".join(problems) + "\n\n(python tools/docs_run.py --update)"
    assert len(outcomes) == len(parsed.blocks), "every command block of the page ran"


def _page(tmp_path: Path, text: str) -> docs_run.Page:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "page.md"  # outside the project: a copy of it never holds the page
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return docs_run.parse(path)


def _problems(tmp_path: Path, text: str) -> list[str]:
    page = _page(tmp_path, text)
    copy = docs_run.fresh_copy(tmp_path)
    outcomes = list(docs_run.run(page, copy, docs_run.environment(tmp_path)))
    return docs_run.problems(page, outcomes, copy)


def test_a_broken_command_fails_the_page(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        """\
        ```sh
        utvikling check examples/fjordvik-kommune --no-such-option
        ```
        """,
    )
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path}/page.md:1: ")
    assert ":1: exit code 2, the page expects 0\n$ utvikling check" in problems[0]


def test_output_that_differs_fails_and_matching_output_passes(tmp_path: Path) -> None:
    page = "```console\n$ echo Opprettet y.yaml\n{shown}```\n"
    assert _problems(tmp_path / "a", page.format(shown="Opprettet x.yaml\n")) == [
        f"{tmp_path}/a/page.md:1: the output differs from what the page shows\n"
        "$ echo Opprettet y.yaml\n--- shown\nOpprettet x.yaml\n--- printed\nOpprettet y.yaml"
    ]
    assert _problems(tmp_path / "b", page.format(shown="Opprettet y.yaml\n")) == []


def test_cd_carries_over_and_cd_minus_goes_back(tmp_path: Path) -> None:
    assert (
        _problems(
            tmp_path,
            """\
            ```sh
            cd examples
            ```

            ```console
            $ basename "$PWD"
            examples
            $ cd - >/dev/null && basename "$PWD"
            utvikling
            ```
            """,
        )
        == []
    )


def test_an_expected_exit_code_is_the_last_commands(tmp_path: Path) -> None:
    page = "<!-- docs: exit=1 -->\n```console\n$ true\n$ {last}\n```\n"
    assert _problems(tmp_path / "a", page.format(last="false")) == []
    problems = _problems(tmp_path / "b", page.format(last="true"))
    assert [p.splitlines()[0] for p in problems] == [
        f"{tmp_path}/b/page.md:2: exit code 0, the page expects 1"
    ]


def test_instead_runs_the_smaller_command_and_skips_comparing(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        """\
        <!-- docs: instead=echo small && echo run -->
        ```sh
        sleep 3600
        ```

        ```
        not compared
        ```
        """,
    )
    assert page.blocks[0].instead == "echo small && echo run"
    copy = docs_run.fresh_copy(tmp_path)
    (outcome,) = docs_run.run(page, copy, docs_run.environment(tmp_path))
    assert (outcome.code, outcome.output) == (0, "small\nrun\n")
    assert docs_run.problems(page, [outcome], copy) == []


@pytest.mark.parametrize(
    ("shown", "printed", "same"),
    [
        (["a", "…", "d"], ["a", "b", "c", "d"], True),
        (["a", "…"], ["a"], True),
        (["a", "d"], ["a", "b", "d"], False),  # lines left out without saying so
        (["Vurderingen er ikke ferdig (…"], ["Vurderingen er ikke ferdig (M1)"], True),
        (["x…"], ["y"], False),
        ([], ["a"], False),
    ],
)
def test_what_an_ellipsis_stands_for(shown, printed, same) -> None:
    assert docs_run.matches(shown, printed) is same


def test_hashes_timings_folders_and_today_are_normalised(tmp_path: Path) -> None:
    import datetime as dt

    copy = tmp_path / "utvikling"
    text = (
        f"Lagret i git: 0035702 «x»\ncommit 3a5f8ea9\n{tmp_path}/y\n1,5 s 12 ms\n"
        "per 1. desember 2026 2026-12-01\nsak 26/41 org 4699\n"
    )
    assert docs_run.normalise(text, copy, dt.date(2026, 12, 1)) == [
        "Lagret i git: <commit> «x»",
        "commit <commit>",
        "<tmp>/y",
        "<tid> <tid>",
        "per <i dag> <i dag>",
        "sak 26/41 org 4699",
    ]
