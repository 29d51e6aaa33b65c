"""Every word a user reads comes from the glossary by kind, language and title (issue #12).

Renders every rule text and message, every question ``init``, ``new-agreement`` and ``plan new``
ask, every record skeleton ``init`` and ``prepare-conversation`` create and every text of the
JSON Schemas ``init`` writes, for a fylkeskommune in nynorsk and bokmål and for a kommune
whose chief executive is titled «rådmann», and fails on a kommune-only term from the glossary;
and asks ``fill``'s questions of a county in nynorsk.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from utvikling import texts
from utvikling.actions.conversation import prepare
from utvikling.actions.init import init_repository
from utvikling.checklist import rules
from utvikling.models import Settings
from utvikling.records.repository import load_repository

KOMMUNE_ONLY = re.compile(
    r"\b(kommun(?!elov|ik|is)\w*|formannskap\w*|ordfør\w*|varaordfør\w*|rådhus\w*)",
    re.IGNORECASE,
)
"""Terms of a kommune that a fylkeskommune never reads (domain spec §6.2); the names of the
laws (kommuneloven, kommunelova) are the county's too."""
DEFAULT_TITLE = re.compile(r"\bkommunedirektør\w*", re.IGNORECASE)
"""The law's title, which a kommune that kept «rådmann» never reads."""

CASES = {
    "fylkeskommune-nn": ("fylkeskommune", "nn", "fylkeskommunedirektør", KOMMUNE_ONLY),
    "fylkeskommune-nb": ("fylkeskommune", "nb", "fylkeskommunedirektør", KOMMUNE_ONLY),
    "kommune-nb-rådmann": ("kommune", "nb", "rådmann", DEFAULT_TITLE),
    "kommune-nn-rådmann": ("kommune", "nn", "rådmann", DEFAULT_TITLE),
}

ALLOWED = {
    # The texts that ask which kind of authority this is name both kinds on purpose.
    "rule M103.label",
    "rule M103.message",
    "rule M103.hint",
    "msg prompt.kind",
    "msg problem.string_pattern_mismatch.hint",
}

WORDS = ("title", "description", "enumDescriptions")
"""What an editor shows from a JSON Schema: every title, description and value label. The
property names and the allowed values themselves are the file format's (``municipality``,
``formannskap`` in a kommune's schema), not words a user reads."""
KIND_CHOICE = ["kommune", "fylkeskommune"]
"""The values of the field that says which kind of authority this is: both kinds, on purpose."""

CHOICE = "«kommune» eller «fylkeskommune»"
OVERVIEW = "msg overview."
"""The overview is over many authorities, kommuner and fylkeskommuner alike."""


def _localized(prefix: str, node: Any, lang: str) -> Iterator[tuple[str, str]]:
    if not isinstance(node, dict):
        return
    if isinstance(node.get(lang), str):
        yield prefix, node[lang]
    elif isinstance(node.get(lang), dict):
        for key, text in node[lang].items():
            if isinstance(text, str):
                yield f"{prefix}.{key}", text
    else:
        for key, value in node.items():
            yield from _localized(f"{prefix}.{key}" if prefix else key, value, lang)


def _texts(lang: str, words: dict[str, str]) -> Iterator[tuple[str, str]]:
    for rule in rules():
        for name in ("label", "message", "hint"):
            value = getattr(rule, name)
            if value is not None:
                yield (
                    f"rule {rule.code}.{name}",
                    texts.fill(value.get(lang), {**words, **rule.params}),
                )
    for key, text in _localized("", texts.data_file("messages.yaml"), lang):
        yield f"msg {key}", texts.fill(text, words)


def _skeletons(root: Path, kind: str, lang: str, title: str) -> Iterator[tuple[str, str]]:
    settings = Settings.model_validate(
        {
            "municipality": {"name": "Havbrekke", "kind": kind, "number": "46"},
            "language": lang,
            "chief_executive": {"title": title, "name": "Siri Strand"},
            "employer_body": {
                "kind": "utvalg",
                "name": "Arbeidsgjevarutvalet",
                "members": [
                    {"name": "Kari Li", "role": "mayor"},
                    {"name": "Ola Vik", "role": "deputy_mayor"},
                    {"name": "Per Dal", "role": "opposition_leader", "party": "Raudt"},
                ],
            },
        }
    )
    init_repository(root, settings, git=False)
    (root / "plans" / "2026.yaml").write_text(
        "period: {start: 2026-01-01, end: 2026-12-31}\ngoals:\n  - {id: M1, title: Nærvær}\n",
        encoding="utf-8",
    )
    context = load_repository(root, dt.date(2026, 11, 1)).context
    prepare(root, "2026-12-10", context)
    for path in sorted(p for p in root.rglob("*") if p.is_file() and ".git" not in p.parts):
        shown = path.relative_to(root).as_posix()
        if path.parent.name == "schemas":
            yield from _schema_words(shown, json.loads(path.read_text(encoding="utf-8")), lang)
            continue
        yield shown, path.read_text(encoding="utf-8")


def _schema_words(shown: str, node: Any, lang: str, where: str = "") -> Iterator[tuple[str, str]]:
    """Every text an editor shows from a schema, named by the property it belongs to.

    The checklist's reference line a description ends with names its sources (a KS
    publication's title, «kommuneloven»): the rule data's, held to the glossary there.
    """
    reference = texts.localized(texts.data_file("schema.yaml")["reference"], lang)
    cut = reference.split("{", 1)[0].strip()
    if isinstance(node, dict) and node.get("enum") != KIND_CHOICE:
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                for name, prop in value.items():
                    yield from _schema_words(shown, prop, lang, f"{where}.{name}".lstrip("."))
            elif key in WORDS:
                for text in value if isinstance(value, list) else [value]:
                    yield f"{shown} {where or '/'} {key}", str(text).split(cut)[0]
            elif isinstance(value, (dict, list)):
                yield from _schema_words(shown, value, lang, where)
    elif isinstance(node, list):
        for value in node:
            yield from _schema_words(shown, value, lang, where)


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_kommune_only_term_reaches_a_county_or_a_radmann(case: str, tmp_path: Path) -> None:
    kind, lang, title, forbidden = CASES[case]
    words = texts.terms(kind, lang, title)
    found = []
    every = [*_texts(lang, words), *_skeletons(tmp_path, kind, lang, title)]
    for where, text in every:
        if where in ALLOWED or where.startswith(OVERVIEW):
            continue
        for line in text.splitlines():
            if CHOICE in line:  # the comment on municipality.kind names both kinds on purpose
                continue
            if words["title_examples"] in line:  # the titles an authority may choose among
                continue
            for match in forbidden.finditer(line):
                found.append(f"{where}: «{match.group(0)}» in {line.strip()!r}")
    assert found == []
    assert len(every) > 300, "every rule text, message and skeleton was rendered"
    assert sum(where.startswith("schemas/") for where, _ in every) > 300, "and every schema"


def test_the_nynorsk_words_the_glossary_corrects() -> None:
    words = texts.terms("fylkeskommune", "nn")
    every = " ".join(text for _, text in _texts("nn", words))
    assert "mynde-område" not in every
    assert "ansvars- og myndeområde" in every


EXAMPLES = {
    "havbrekke-fylkeskommune": KOMMUNE_ONLY,
    "region/vestmark-fylkeskommune": KOMMUNE_ONLY,
    "region/lyngstad-kommune": DEFAULT_TITLE,  # a kommune that kept «rådmann»
}
IN_A_COUNTY_TOO = re.compile(r"kommunal sektor|kommunane|kommunene")
"""What a county's records may say: the KS tariff area, and the municipalities in the county."""


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_examples_use_their_own_kind_and_title(name: str) -> None:
    root = Path(__file__).resolve().parent.parent / "examples" / name
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in EXAMPLES[name].finditer(IN_A_COUNTY_TOO.sub("", line)):
                found.append(f"{path.relative_to(root)}:{number}: «{match.group(0)}»")
    assert found == []


def test_a_new_agreement_names_the_title_it_is_for() -> None:
    from utvikling.actions.agreement import agreement_text

    modeline, first = agreement_text({"title": "fylkeskommunedirektør"}, "nn").splitlines()[:2]
    assert modeline == "# yaml-language-server: $schema=../schemas/agreement.schema.json"
    assert first == (
        "# Arbeidsavtale med leiaravtale for fylkeskommunedirektøren, laga med"
        " «utvikling new-agreement»."
    )
    assert "for rådmannen," in agreement_text({"title": "rådmann"}, "nb").splitlines()[1]


def _form_texts(form: Any, values: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for question in form.questions(values):
        for part in ("label", "group", "explain"):
            yield f"question {question.key}.{part}", getattr(question, part)
        for choice in question.choices:
            yield f"question {question.key}.choice", choice.label


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_kommune_only_term_reaches_a_countys_or_a_radmanns_questions(
    case: str, tmp_path: Path
) -> None:
    """Every question init, new-agreement and plan new ask (all conditional items answered
    «ja», so their details are asked too), in the authority's own words."""
    from utvikling.actions.agreement import agreement_form, form
    from utvikling.actions.init import init_form
    from utvikling.actions.plan import goal_form

    kind, lang, title, forbidden = CASES[case]
    words = texts.terms(kind, lang, title)
    agreed = {item.field: {"agreed": True} for g in form() for item in g.items}
    settings = {
        "language": lang,
        "municipality": {"kind": kind},
        "chief_executive": {"title": title},
    }
    every = [
        *_form_texts(agreement_form(tmp_path, agreed, lang, words, "2020-01-01"), agreed),
        *_form_texts(goal_form(tmp_path, 2027, lang, words), {"_count": 2}),
        *_form_texts(init_form(tmp_path, settings), settings),
    ]
    found = [
        f"{where}: «{match.group(0)}» in {text!r}"
        for where, text in every
        if CHOICE not in text and words["title_examples"] not in text
        for match in forbidden.finditer(text)
    ]
    assert found == []
    assert len(every) > 150, "every question was asked"


NB_ONLY = re.compile(r"\b(hvor|hvem|hva|ikke|fra|navn\w*|lønn\w*|arbeidsgiver\w*)\b", re.IGNORECASE)
"""Bokmål words with a nynorsk form of their own (kvar, kven, kva, ikkje, frå, namn, løn)."""


@pytest.mark.parametrize("stem", ["self-evaluation", "evaluation", "input", "minutes"])
def test_fill_asks_a_county_in_nynorsk_and_in_its_words(stem: str, example: Any) -> None:
    from utvikling.actions.fill import start

    root = example("havbrekke-fylkeskommune")
    minutes = root / "conversations" / "2026-06-10" / "minutes.yaml"
    minutes.unlink()  # reported minutes are not filled again: start new ones
    filling = start(root, "2026-06-10", stem, day=dt.date(2026, 6, 11))
    questions = filling.form.questions(filling.form.values)
    shown = [
        text
        for q in questions
        for text in (q.label, q.group, *(c.label for c in q.choices))
        if text
    ]
    assert len(questions) >= 4
    found = [t for t in shown if KOMMUNE_ONLY.search(t) or NB_ONLY.search(t)]
    assert found == []
    every = " ".join(shown)
    known = {
        "self-evaluation": "Eigne utviklingsbehov",
        "evaluation": "Utviklingsbehov for fylkeskommunedirektøren",
        "input": "Tema gruppa vil ta opp",
        "minutes": "4. Utviklingstiltak for fylkeskommunedirektøren",
    }
    assert known[stem] in every
