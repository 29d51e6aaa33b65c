"""The question form engine: progress, going back, refusals, pausing; `plan new` with it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import TODAY
from utvikling.actions.form import Form, Prompt, Question, parse_date
from utvikling.cli import app
from utvikling.models import Agreement, Plan
from utvikling.yamlsafe import parse


def _command() -> list[str]:
    script = Path(sys.executable).with_name("utvikling")
    return [str(script)] if script.exists() else [sys.executable, "-m", "utvikling"]


@pytest.mark.parametrize(
    "text", ["2027-03-01", "01.03.2027", "1.3.2027", "1. mars 2027", "1 Mars 2027", "1. mar 2027"]
)
def test_a_date_may_be_written_the_norwegian_way(text: str) -> None:
    assert parse_date(text) == dt.date(2027, 3, 1)


@pytest.mark.parametrize("text", ["31.02.2027", "1. marsj 2027", "mars 2027", "2027/03/01"])
def test_a_date_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def _lines(replies: list[str], seen: list[Prompt]) -> Callable[[Prompt], str]:
    def ask(prompt: Prompt) -> str:
        seen.append(prompt)
        return replies.pop(0)

    return ask


def test_the_model_refuses_an_answer_and_the_question_is_asked_again() -> None:
    questions = [
        Question("salary.annual_amount", "amount", "Årslønn"),
        Question("start_date", "date", "Tiltredelse"),
    ]
    form = Form("test", "nb", lambda _: questions, {}, Agreement)
    seen: list[Prompt] = []
    values = form.run(_lines(["200 000 000", "1 250 000", "1. mars 2027"], seen))
    assert values == {"salary": {"annual_amount": 1_250_000}, "start_date": dt.date(2027, 3, 1)}
    assert [p.number for p in seen] == [1, 1, 2]
    assert seen[1].message.startswith("Svaret kan ikke brukes: ")
    assert "100000000" in seen[1].message.replace(" ", "").replace("\u00a0", "")


def test_going_back_help_and_clearing() -> None:
    questions = [
        Question("title", "text", "Tittel", explain="Tittelen i avtalen."),
        Question("probation_months", "whole", "Prøvetid", low=0, high=6),
    ]
    form = Form("test", "nb", lambda _: questions, {"title": "rådmann"}, Agreement)
    seen: list[Prompt] = []
    values = form.run(_lines(["<", "", "9", "?", "<", "-", "3"], seen))
    assert values == {"title": None, "probation_months": 3}
    assert seen[0].shown == "rådmann" and seen[1].message == "Dette er det første spørsmålet."
    assert seen[3].message == "Svaret kan ikke brukes: Skriv et heltall fra 0 til 6."
    assert seen[4].message.startswith("Skriv et heltall fra 0 til 6.\nEnter godtar forslaget")
    assert [p.number for p in seen] == [1, 1, 2, 2, 2, 1, 2]


def test_plan_new_with_answers(runner, build, monkeypatch) -> None:
    root = build({})
    monkeypatch.chdir(root)
    (root.parent / "svar.yaml").write_text(
        "goals:\n  - id: M1\n    title: Bedre økonomi\n    theme: economy\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["plan", "new", "2027", "--answers", "../svar.yaml", "--no-commit", "--today", TODAY]
    )
    assert result.exit_code == 0, result.output
    plan = Plan.model_validate(parse((root / "plans" / "2027.yaml").read_bytes()).data)
    assert plan.goals is not None and plan.goals[0].theme == "economy"


def test_plan_new_with_a_wrong_theme_in_the_answers_says_so(runner, build, monkeypatch) -> None:
    root = build({})
    monkeypatch.chdir(root)
    (root.parent / "svar.yaml").write_text(
        "goals:\n  - id: M1\n    theme: okonomi\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["plan", "new", "2027", "--answers", "../svar.yaml"])
    assert result.exit_code == 1
    assert (
        "Traceback" not in result.output
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    )
    assert result.output.startswith("../svar.yaml:3:12: S002 feil: ")
    assert "economy" in result.output
    assert not (root / "plans" / "2027.yaml").exists()


pexpect = pytest.importorskip("pexpect")


def _spawn(root: Path) -> pexpect.spawn:
    command = _command()
    child = pexpect.spawn(
        command[0],
        [*command[1:], "plan", "new", "2027", "--no-commit", "--today", TODAY],
        cwd=str(root),
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 200),
    )
    return child


def _answer(child: pexpect.spawn, pattern: str, reply: str) -> str:
    child.expect(pattern)
    seen = child.before or ""
    assert "Traceback" not in seen and "Error" not in seen, seen
    child.sendline(reply)
    return seen


def test_plan_new_on_a_terminal_guides_goes_back_pauses_and_continues(build) -> None:
    root = build({})
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    child = _spawn(root)
    child.expect(r"Spørsmål 1 av 16 · KS anbefaler")
    _answer(child, r"Hvor mange mål \(høyst 5\) \[3\]", "1")
    _answer(child, r"Mål 1: hva skal oppnås", "Sunn økonomi")
    child.expect("1 Økonomi  2 Brukere av tjenester")
    _answer(child, r"Tema:", "Innovasjon")  # not one of the choices
    child.expect("Svaret kan ikke brukes: Svar med ett av disse: Økonomi, ")
    _answer(child, r"Tema:", "okonomi")  # written without ø: still Økonomi
    child.expect(r"Spørsmål 4 av 6")
    _answer(child, r"bygger på", "<")
    child.expect(r"Spørsmål 3 av 6")
    _answer(child, r"Tema \[Økonomi\]", "3")  # going back changes the earlier answer
    _answer(child, r"bygger på", "Arbeidsgiverstrategien")
    _answer(child, r"Saksnummer", "25/7")
    child.expect(r"Kritisk suksessfaktor")
    child.sendintr()
    child.expect("Svarene så langt er lagret i ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = root / ".utvikling" / "skjema-plan-2027.json"
    assert saved.is_file() and saved.stat().st_mode & 0o077 == 0
    assert not (root / "plans" / "2027.yaml").exists()
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True
    )
    assert ".utvikling" not in status.stdout

    child = _spawn(root)
    resume = r"Du har svart på 5 spørsmål tidligere\. Fortsette der du slapp\? \(ja/nei\) \[ja\]"
    _answer(child, resume, "ja")
    child.expect(r"Spørsmål 6 av 7")
    _answer(child, r"Kritisk suksessfaktor", "Ledergruppen med")
    _answer(child, r"Måleindikator", "Sykefravær")
    _answer(child, r"Utgangsverdi", "8 %")
    _answer(child, r"Målverdi", "6 %")
    child.expect(pexpect.EOF)
    rest = child.before or ""
    child.close()
    assert "Traceback" not in rest and child.exitstatus == 0, rest
    assert not saved.exists()
    plan = Plan.model_validate(parse((root / "plans" / "2027.yaml").read_bytes()).data)
    assert plan.goals is not None and len(plan.goals) == 1
    goal = plan.goals[0]
    assert (goal.id, goal.title, goal.theme) == ("M1", "Sunn økonomi", "employees")
    assert goal.anchoring is not None and goal.anchoring[0].case_number == "25/7"
    assert goal.success_factors == ["Ledergruppen med"]
    assert goal.indicators is not None and goal.indicators[0].target == "6 %"


def test_init_form_uses_the_county_words_once_the_kind_is_chosen(tmp_path: Path) -> None:
    from utvikling.actions.init import init_form, settings_of

    form = init_form(tmp_path / "ny", {})
    seen: list[Prompt] = []
    replies = ["nb", "2", "Vestfjord fylkeskommune", "4699", "46", "", "Frida Fylke", ""]
    replies += ["24/1", "1. mars 2024", "Olga Ordfører", "", "", "", ""]
    values = settings_of(form.run(_lines(replies, seen)))
    labels = [p.question.label for p in seen]
    assert "Navnet på fylkeskommunen (for eksempel Fjordvik fylkeskommune)" in labels
    refused = "Svaret kan ikke brukes: Fylkesnummeret har to sifre, for eksempel 46."
    assert seen[4].message == refused
    assert seen[5].shown == "fylkeskommunedirektør" and seen[7].shown == "fylkesutvalget"
    assert any("fylkestinget" in label for label in labels)
    assert values["municipality"] == {
        "kind": "fylkeskommune",
        "name": "Vestfjord fylkeskommune",
        "number": "46",
    }
    assert values["chief_executive"] == {"title": "fylkeskommunedirektør", "name": "Frida Fylke"}
    body = values["employer_body"]
    assert body["kind"] == "fylkesutvalg" and body["name"] == "fylkesutvalget"
    assert body["mandate"] == {
        "case_number": "24/1",
        "date": dt.date(2024, 3, 1),
        "body": "Fylkestinget",
    }
    assert body["members"] == [{"name": "Olga Ordfører", "role": "mayor"}]


def test_fill_refuses_without_a_terminal_and_names_the_forms(runner, example) -> None:
    root = example("fjordvik-kommune")
    unknown = runner.invoke(app, ["fill", "egenvurdering", "2026-09-15", "--path", str(root)])
    assert unknown.exit_code == 2
    assert unknown.output.splitlines()[-1] == (
        "Feil: Ugyldig verdi for SKJEMA: ukjent skjema «egenvurdering»; velg en av "
        "self-evaluation, evaluation, input, minutes."
    )
    piped = runner.invoke(app, ["fill", "self-evaluation", "2026-09-15", "--path", str(root)])
    assert piped.exit_code == 2
    assert "«utvikling fill» spør i en terminal" in piped.output


def test_fill_refuses_reported_minutes(example) -> None:
    from utvikling.actions.fill import start
    from utvikling.errors import InputError

    root = example("fjordvik-kommune")
    with pytest.raises(InputError) as refused:
        start(root, "2026-09-15", "minutes", day=dt.date.fromisoformat(TODAY))
    assert refused.value.message == "Referatet er lagt fram for kommunestyret og er låst."


def test_fill_walks_a_self_evaluation_and_keeps_its_comments(example) -> None:
    import re

    root = example("fjordvik-kommune")
    subprocess.run(
        [*_command(), "prepare-conversation", "2026-12-10", "--no-commit", "--today", TODAY],
        cwd=root,
        check=True,
        capture_output=True,
    )
    record = root / "conversations" / "2026-12-10" / "self-evaluation.yaml"
    comments = [line for line in record.read_text(encoding="utf-8").splitlines() if "#" in line]
    command = _command()
    child = pexpect.spawn(
        command[0],
        [*command[1:], "fill", "self-evaluation", "2026-12-10", "--no-commit", "--today", TODAY],
        cwd=str(root / "conversations"),  # a folder below the repository
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 200),
    )
    ansi = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
    answers = {"levert": "1. desember 2026", "Hvor langt": "delvis nådd", "Kommentar": "God fart"}
    groups = []
    while child.expect([r"Spørsmål \d+ av \d+", pexpect.EOF]) == 0:
        above = ansi.sub("", child.before or "")
        groups += [line.strip() for line in above.splitlines() if " – " in line]
        child.expect(r":\x1b\[")
        screen = ansi.sub("", child.before or "")
        label = screen.splitlines()[-1]
        assert "Traceback" not in screen and "Målets merkelapp" not in label, screen
        keys = [key for key in answers if key in label]
        child.sendline(answers.pop(keys[0]) if keys else "")
    child.close()
    assert child.exitstatus == 0
    assert groups[:2] == [
        "Per mål – M1",
        "Siste verdi for målets indikatorer – Netto driftsresultat",
    ]
    from utvikling.models import SelfEvaluation

    text = record.read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if "#" in line] == comments
    evaluation = SelfEvaluation.model_validate(parse(text.encode("utf-8")).data)
    assert evaluation.submitted == dt.date(2026, 12, 1)
    assert evaluation.goals is not None and evaluation.goals[0].status == "partly_achieved"
    assert evaluation.goals[0].comment == "God fart"


def test_fill_writes_new_minutes_with_a_review_entry_per_goal(example) -> None:
    from utvikling.actions.fill import finish, start
    from utvikling.models import Minutes

    root = example("fjordvik-kommune")
    subprocess.run(
        [*_command(), "prepare-conversation", "2026-12-10", "--no-commit", "--today", TODAY],
        cwd=root,
        check=True,
        capture_output=True,
    )
    filling = start(root, "2026-12-10", "minutes", day=dt.date.fromisoformat(TODAY))
    seen: list[Prompt] = []

    def ask(prompt: Prompt) -> str:
        seen.append(prompt)
        label = prompt.question.label
        if label == "Offentlig tittel":
            return "Referat fra utviklingssamtalen 10. desember 2026"
        if label.startswith("3. Prinsipper"):
            return "Faste møter; Åpen dialog"
        if label == "Hvor langt målet er nådd" and prompt.question.key.startswith(
            "results_review.goals.0."
        ):
            return "delvis nådd"
        return ""

    values = filling.form.run(ask)
    assert finish(filling, values, commit=False).state == "skipped"
    groups = [p.question.group for p in seen if p.question.key.endswith(".status")]
    assert groups[:4] == [f"Per mål – M{n}" for n in range(1, 5)]
    text = filling.path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/minutes.schema.json\n")
    minutes = Minutes.model_validate(parse(text.encode("utf-8")).data)
    assert minutes.date == dt.date(2026, 12, 10)
    assert minutes.results_review is not None and minutes.results_review.goals is not None
    assert [g.goal for g in minutes.results_review.goals] == ["M1", "M2", "M3", "M4"]
    assert minutes.results_review.goals[0].status == "partly_achieved"
    assert [i.text for i in minutes.interaction_principles or []] == ["Faste møter", "Åpen dialog"]


def test_a_pause_never_saves_the_salary(tmp_path: Path) -> None:
    questions = [
        Question("start_date", "date", "Tiltredelse"),
        Question("salary.annual_amount", "amount", "Årslønn", secret=True),
        Question("workplace", "text", "Arbeidssted"),
    ]
    form = Form("avtale", "nb", lambda _: questions, {}, Agreement, tmp_path)
    replies = ["1. mars 2027", "1 250 000", "Rådhuset"]

    def ask(prompt: Prompt) -> str:
        if prompt.number == 3:
            raise KeyboardInterrupt
        return replies.pop(0)

    with pytest.raises(KeyboardInterrupt):
        form.run(ask)
    saved = form.pause()
    assert saved is not None and "1250000" not in saved.read_text(encoding="utf-8")
    again = Form("avtale", "nb", lambda _: questions, {}, Agreement, tmp_path)
    again.resume()
    assert again.position == 1  # the salary is asked again
    assert again.values == {"start_date": "2027-03-01"}
