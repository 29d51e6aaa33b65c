"""The corrected rules (issue #12), each with the exact finding it gives, or its absence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from utvikling.records import CheckOptions, check_repository

TODAY = dt.date(2026, 11, 23)


def findings(root: Path, *select: str, today: dt.date = TODAY, lang: str = "nb") -> list[str]:
    """The findings as `check --info` prints them, the path shown from the repository."""
    result = check_repository(root, CheckOptions(today=today, select=select), base=root)
    return [f.format(lang) for f in result.findings]


PLAN_TWO_GOALS = """\
period: {start: 2026-01-01, end: 2026-12-31}
goals:
  - id: M1
    title: Sykefraværet ned
  - id: M2
    title: Budsjett i balanse
"""


def test_goal_count_is_an_example_from_practice_not_a_recommendation(build) -> None:
    root = build({"plans/2026.yaml": PLAN_TWO_GOALS})
    assert findings(root, "P102", "P107") == [
        "plans/2026.yaml:1:1: P107 info: Planen mangler vedtak av planen. (eksempel fra praksis:"
        " lederavtale for rådmann, Hægebostad kommune, § 6)\n"
        "    Fyll ut «adopted.date». Skriv hvilket organ som vedtok planen, med dato og saksnummer,"
        " så kan planen spores i sakssystemet.",
        "plans/2026.yaml:2:1: P102 info: Planen har 2 mål (eksempel fra praksis: 3 til 5)."
        " (eksempel fra praksis: lederavtale for rådmann, Hægebostad kommune, § 6)\n"
        "    KS sier ikke hvor mange mål planen skal ha. Få, konkrete mål som kan etterprøves ved"
        " periodens slutt, gir en bedre samtale.",
    ]
