"""`utvikling init` on a real terminal: it asks, and the answers make a valid repository."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import TODAY

pexpect = pytest.importorskip("pexpect")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("utvikling")
    return [str(script)] if script.exists() else [sys.executable, "-m", "utvikling"]


def test_init_asks_on_a_terminal(tmp_path: Path) -> None:
    command = _command()
    child = pexpect.spawn(
        command[0],
        [*command[1:], "init", "ny", "--no-git"],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=20,
    )
    answers: list[tuple[str, str | None]] = [
        ("Målform", "nn"),
        ("Forvaltingsnivå", ""),
        ("Namnet på kommunen", "Testvik kommune"),
        ("Kommunenummer", "12"),
        ("Svaret kan ikkje brukast: Kommunenummeret har fire siffer", None),
        ("Kommunenummer", "4698"),
        ("Tittelen på den øvste leiaren", "rådmann"),
        ("Namnet på rådmannen", "Rita Rådmann"),
        ("Organet som fører utviklingssamtalen", "formannskapet"),
        ("Saksnummeret for vedtaket i kommunestyret", "23/96"),
        ("Datoen for vedtaket", "31.02.2023"),
        ("Svaret kan ikkje brukast: Skriv datoen som", None),
        ("Datoen for vedtaket", "2023-11-16"),
        ("Namnet på ordføraren", "Ola Ordførar"),
        ("Partiet eller gruppa til Ola Ordførar", "Bygdelista"),
        ("Namnet på varaordføraren", "Vera Vara"),
        ("Partiet eller gruppa til Vera Vara", ""),
        ("Namnet på opposisjonsleiaren", "Otto Opposisjon"),
        ("Partiet eller gruppa til Otto Opposisjon", "Kystpartiet"),
        ("Eit anna medlem", "Mona Medlem"),
        ("Partiet eller gruppa til Mona Medlem", ""),
        ("Eit anna medlem", ""),
    ]
    for prompt, answer in answers:
        child.expect(prompt)
        if answer is not None:
            child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    text = (tmp_path / "ny" / "utvikling.yaml").read_text(encoding="utf-8")
    assert 'kind: "kommune"' in text and 'title: "rådmann"' in text
    assert 'name: "Mona Medlem"\n      role: "member"' in text
    assert 'kind: "formannskap"' in text and 'case_number: "23/96"' in text
    assert 'party: "Kystpartiet"' in text

    import datetime as dt

    from utvikling.actions.check import CheckOptions, check_repository

    result = check_repository(
        tmp_path / "ny", CheckOptions(today=dt.date.fromisoformat(TODAY), select=("M",))
    )
    assert result.findings == []
    assert result.language == "nn"


def test_new_agreement_walks_through_every_item(tmp_path: Path) -> None:
    """Answer every question at a real terminal; the result is a valid, complete agreement."""
    import shutil

    from conftest import EXAMPLES

    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(EXAMPLES / "fjordvik-kommune" / "utvikling.yaml", root / "utvikling.yaml")
    answers = {
        "Organisasjonsnummer": "",
        "Tiltredelsesdato": "1. januar 2027",
        "Arbeidssted": "Rådhuset",
        "Prøvetid": "6",
        "Arbeidstid": "37,5 timer per uke",
        "særlige arbeidstidsordninger": "nei",
        "Arbeid utover": "Ikke aktuelt, ledende stilling",
        "Pauser": "Etter arbeidsmiljøloven",
        "Ferie": "Etter ferieloven",
        "kommunedirektøren sier opp": "6",
        "kommunen sier opp": "6",
        "Fremgangsmåte ved opphør": "Skriftlig",
        "Årslønn": "1 250 000",
        "Lønnen gjelder fra": "",
        "Utbetalingsmåte": "Den 12. hver måned",
        "tillegg til lønnen": "nei",
        "Tariffavtale som gjelder": "Hovedtariffavtalen",
        "Kapittel og punkt": "kap. 3",
        "kompensasjon for møtevirksomhet": "nei",
        "Pensjon og forsikring": "KLP",
        "Ansvars- og myndighetsområde": "Øverste leder",
        "Taushetsplikt": "Etter forvaltningsloven",
        "CV-en offentliggjøres": "ja",
        "bierverv og verv": "Godkjennes av ordføreren",
        "Egenutvikling": "Kurs etter avtale",
        "et åremål": "nei",
        "retrettstilling": "nei",
        "etterlønn": "ja",
        "Antall måneder etterlønn": "12",
        "avkorting": "Krone for krone",
        "Fraskriver kommunedirektøren": "ja",
        "Hvordan lages": "Utkast i desember",
        "måned skal planen": "1",
        "Organet som fører": "",
        "Antall utviklingssamtaler": "2",
        "lønnssamtalen": "9",
        "Trinn når": "Vurdering",
        "bakgrunn": "Ny avtale",
        "rollefordeling": "Klare roller",
        "forventninger til kommunedirektøren": "Lojalitet",
        "forventninger til de folkevalgte": "Tydelighet",
        "Gyldighet": "Løpende",
    }
    answers["forventninger til kommunedirektøren"] = "Lojalitet; Åpenhet"
    answers["Trinn når"] = "Vurdering; Plan med tiltak"
    answers["tillegg til lønnen"] = "Bil: 40 000; Telefon: 6 000"
    command = _command()
    child = pexpect.spawn(
        command[0],
        [*command[1:], "new-agreement", "--today", TODAY],
        cwd=str(root),
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 250),
    )
    child.logfile_read = (tmp_path / "terminal.log").open("w", encoding="utf-8")
    ansi = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
    asked = []
    while True:
        index = child.expect([r"Spørsmål (\d+) av (\d+)", pexpect.EOF])
        if index == 1:
            break
        asked.append((int(child.match.group(1)), int(child.match.group(2))))
        child.expect(r":\x1b\[")  # the end of the question prompt_toolkit draws
        label = ansi.sub("", child.before or "").splitlines()[-1]
        assert "Error" not in label and "Traceback" not in label, label
        keys = [key for key in answers if key.lower() in label.lower()]
        child.sendline(answers[max(keys, key=len)] if keys else "")
    assert asked[0] == (1, asked[0][1]) and asked[-1][0] == asked[-1][1] > 40
    child.close()
    assert child.exitstatus == 0, child.before
    assert (root / "dokumenter" / "avtaleutkast-2027-01-01.md").is_file()
    from utvikling.models import Agreement
    from utvikling.yamlsafe import parse

    data = parse((root / "agreements" / "2027-01-01.yaml").read_bytes()).data
    agreement = Agreement.model_validate(data)
    assert agreement.salary is not None and agreement.salary.annual_amount == 1_250_000
    assert agreement.severance is not None and agreement.severance.waiver_aml_15_16_2 is True
    assert [(a.name, a.amount) for a in agreement.salary.allowances or []] == [
        ("Bil", 40_000),
        ("Telefon", 6_000),
    ]
    assert agreement.expectations is not None
    assert agreement.expectations.of_chief_executive == ["Lojalitet", "Åpenhet"]
    assert agreement.procedures is not None and agreement.procedures.deviation is not None
    assert agreement.procedures.deviation.steps == ["Vurdering", "Plan med tiltak"]
    assert agreement.collective_agreements is not None
    assert agreement.collective_agreements[0].clause == "kap. 3"
