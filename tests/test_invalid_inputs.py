"""Every kind of bad input: a positioned message with a hint, exit code 1, nothing changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FIXTURES, TODAY, tree_digest
from utvikling import yamlsafe
from utvikling.cli import app
from utvikling.records.load import parse_record

INVALID = FIXTURES / "invalid"

CASES = {
    "unclosed-quote.yaml": (
        "unclosed-quote.yaml:2:9: Y001 feil: Filen kan ikke leses som YAML her.\n"
        "    Et anførselstegn er ikke lukket. Sjekk at hver verdi som starter med \" eller ' "
        "også slutter med det samme tegnet."
    ),
    "control-character.yaml": (
        "control-character.yaml:2:14: Y001 feil: Filen kan ikke leses som YAML her.\n"
        "    Filen inneholder et usynlig kontrolltegn. Skriv linjen på nytt, eller lim inn "
        "teksten som ren tekst."
    ),
    "tab-indent.yaml": (
        "tab-indent.yaml:2:1: Y002 feil: Tabulator er brukt til innrykk.\n"
        "    YAML tillater bare mellomrom i innrykk. Bytt tabulatoren med mellomrom "
        "(for eksempel to)."
    ),
    "duplicate-key.yaml": (
        "duplicate-key.yaml:4:3: Y003 feil: Feltet «name» står to ganger "
        "(første gang på linje 2).\n"
        "    Bare én av dem ville blitt brukt. Slå dem sammen til ett felt, eller fjern den som "
        "er feil."
    ),
    "unknown-key.yaml": (
        "unknown-key.yaml:1:1: S001 feil: Ukjent felt «langauge».\n"
        "    Mente du «language»? Gyldige felt her: chief_executive, employer_body, format, "
        "language, municipality, suppress."
    ),
    "wrong-choice.yaml": (
        "wrong-choice.yaml:3:9: S002 feil: «municipality.kind» har en verdi som ikke er tillatt.\n"
        "    Bruk en av disse: kommune, fylkeskommune."
    ),
    "wrong-number.yaml": (
        "wrong-number.yaml:3:11: S002 feil: «municipality.number» har feil form.\n"
        "    Skriv nummeret med sifre i anførselstegn: fire for en «kommune», to for en"
        ' «fylkeskommune», for eksempel "0301" eller "46".'
    ),
    "org-checksum.yaml": (
        "org-checksum.yaml:3:15: S002 feil: «municipality.org_number» har feil kontrollsiffer.\n"
        "    Sjekk organisasjonsnummeret i Enhetsregisteret; et siffer er trolig skrevet feil."
    ),
    "empty.yaml": (
        "empty.yaml:1:1: Y007 feil: Filen er tom.\n"
        "    Fyll ut filen, eller slett den om den ikke trengs."
    ),
    "comments-only.yaml": (
        "comments-only.yaml:1:1: Y007 feil: Filen er tom.\n"
        "    Fyll ut filen, eller slett den om den ikke trengs."
    ),
    "latin1.yaml": (
        "latin1.yaml:2:12: Y008 feil: Filen er ikke lagret som UTF-8.\n"
        "    Åpne filen i et tekstprogram og lagre den på nytt med tegnkoding UTF-8, så blir æ, "
        "ø og å riktige."
    ),
    "utf16.yaml": (
        "utf16.yaml:1:1: Y008 feil: Filen er ikke lagret som UTF-8 (UTF-16).\n"
        "    Åpne filen i et tekstprogram og lagre den på nytt med tegnkoding UTF-8, så blir æ, "
        "ø og å riktige."
    ),
    "binary.yaml": (
        "binary.yaml:1:1: Y009 feil: Filen er ikke en tekstfil.\n"
        "    Postene skal være tekstfiler i YAML. Flytt denne filen ut av mappen med poster."
    ),
    "python-tag.yaml": (
        "python-tag.yaml:1:15: Y004 feil: Merkelappen !!python/object/apply:os.syst… er ikke "
        "tillatt i postene.\n"
        "    Fjern merkelappen (ordet som starter med !). Skal verdien være tekst, sett den i "
        "anførselstegn."
    ),
    "anchor-alias.yaml": (
        "anchor-alias.yaml:1:7: Y005 feil: Ankere og henvisninger (& og *) er ikke tillatt i "
        "postene.\n"
        "    Skriv verdien ut der den skal stå. Er & eller * en del av en tekst, sett hele "
        "teksten i anførselstegn."
    ),
    "alias-bomb.yaml": (
        "alias-bomb.yaml:1:4: Y005 feil: Ankere og henvisninger (& og *) er ikke tillatt i "
        "postene.\n"
        "    Skriv verdien ut der den skal stå. Er & eller * en del av en tekst, sett hele "
        "teksten i anførselstegn."
    ),
    "merge-key.yaml": (
        "merge-key.yaml:2:3: Y006 feil: Sammenslåing med << er ikke tillatt i postene.\n"
        "    Skriv feltene ut der de skal stå."
    ),
    "top-level-list.yaml": (
        "top-level-list.yaml:1:1: Y012 feil: Filen skal bestå av felt med navn (navn: verdi) på "
        "øverste nivå.\n"
        "    Start filen med et felt, for eksempel «title: …», ikke med en liste eller en løs "
        "verdi."
    ),
    "agreement-impossible-date.yaml": (
        "agreement-impossible-date.yaml:1:13: S004 feil: «start_date» er ikke en gyldig dato.\n"
        "    Datoen finnes ikke i kalenderen. Sjekk dag og måned.\n"
        "agreement-impossible-date.yaml:2:19: S002 feil: «probation_months» skal være et "
        "heltall.\n"
        "    Skriv bare sifre, for eksempel 6, uten anførselstegn."
    ),
    "agreement-norwegian-date.yaml": (
        "agreement-norwegian-date.yaml:1:13: S004 feil: «start_date» er ikke en gyldig dato.\n"
        "    Skriv datoen som år-måned-dag: 2024-03-01."
    ),
}


def test_every_fixture_has_a_case() -> None:
    assert sorted(p.name for p in INVALID.glob("*.yaml")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_message(name: str) -> None:
    kind = "agreement" if name.startswith("agreement-") else "settings"
    record, findings = parse_record((INVALID / name).read_bytes(), kind, name, "nb")
    assert record is None
    assert "\n".join(f.format() for f in findings) == CASES[name]


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_reports_it_and_changes_nothing(runner, build, monkeypatch, name: str) -> None:
    target = "agreements/2024-03-01.yaml" if name.startswith("agreement-") else "utvikling.yaml"
    root = build({target: (INVALID / name).read_bytes()})
    before = tree_digest(root)
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", "--today", TODAY])
    assert result.exit_code == 1
    expected_first = CASES[name].split("\n")[0].replace(name, target, 1)
    assert expected_first in result.output
    assert "Traceback" not in result.output
    assert tree_digest(root) == before


def test_errors_in_several_files_are_all_reported(runner, build, monkeypatch) -> None:
    root = build(
        {
            "agreements/2024-03-01.yaml": (INVALID / "agreement-impossible-date.yaml").read_bytes(),
            "plans/2026.yaml": (INVALID / "duplicate-key.yaml").read_bytes(),
        }
    )
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", "--today", TODAY])
    codes = [
        line.split(": ")[1].split()[0]
        for line in result.output.splitlines()
        if ": " in line and not line.startswith(" ")
    ]
    assert codes.count("S004") == 1 and codes.count("S002") == 1 and codes.count("Y003") == 1


def test_yaml_11_booleans_stay_text_and_bom_crlf_is_accepted() -> None:
    record, findings = parse_record(
        (FIXTURES / "valid-bom-crlf.yaml").read_bytes(), "settings", "x.yaml", "nb"
    )
    assert findings == []
    assert record is not None
    data = record.model.model_dump()
    assert data["municipality"]["name"] == "NO"
    assert data["municipality"]["address"] == "yes"
    assert data["chief_executive"]["title"] == "off"


def test_leading_zero_number_stays_text() -> None:
    document = yamlsafe.parse(b"number: 0301\ncount: 12\nshare: 1.5\nflag: true\nnone: ~\n")
    assert document.data == {
        "number": "0301",
        "count": 12,
        "share": 1.5,
        "flag": True,
        "none": None,
    }


def test_over_large_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    from utvikling.records.load import load_record

    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (yamlsafe.MAX_BYTES + 10) + b"\n")
    record, findings = load_record(path, "settings", "big.yaml", "nb")
    assert record is None
    assert (
        findings[0]
        .format()
        .startswith(
            "big.yaml:1:1: Y010 feil: Filen er for stor (1000001 byte; grensen er 1000000)."
        )
    )


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        "- " * 40_000 + "x",
        "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 60)),
    ],
)
def test_deep_nesting_is_refused_before_libyaml_can_crash(text: str) -> None:
    with pytest.raises(yamlsafe.LoadProblem) as caught:
        yamlsafe.parse(text.encode())
    assert caught.value.code in {"Y011", "Y001"}
    if caught.value.code == "Y011":
        assert caught.value.params == {"limit": yamlsafe.MAX_DEPTH}


def test_error_text_never_echoes_a_whole_value() -> None:
    secret = "HEMMELIG-LØNN-" + "x" * 200
    raw = f"municipality:\n  kind: {secret}\n  {secret}: 1\n".encode()
    _, findings = parse_record(raw, "settings", "s.yaml", "nb")
    for finding in findings:
        assert secret not in finding.format()
        assert secret not in str(finding.to_dict())


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    from utvikling.records.load import load_record

    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "locked.yaml"
    path.write_text("a: 1\n")
    path.chmod(0)
    record, findings = load_record(path, "settings", "locked.yaml", "nb")
    assert record is None and findings[0].code == "R007"


@pytest.mark.parametrize(
    ("key", "meant"), [("lønn", "salary"), ("Tiltredelse", "start_date"), ("salery", "salary")]
)
def test_unknown_key_suggests_the_field_meant(key: str, meant: str) -> None:
    _, findings = parse_record(f"{key}: 1\n".encode(), "agreement", "a.yaml", "nb")
    assert findings[0].hint.startswith(f"Mente du «{meant}»? Gyldige felt her: ")
