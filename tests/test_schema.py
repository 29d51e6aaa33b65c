"""JSON Schemas from the models: in step with them, Norwegian, and every example valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from utvikling.actions.schema import file_name, kind_named, modeline, schema_for, schema_text
from utvikling.cli import app
from utvikling.models.kinds import KINDS
from utvikling.records.layout import discover, find_repositories
from utvikling.yamlsafe import parse

jsonschema = pytest.importorskip("jsonschema")

SCHEMAS = ROOT / "schemas"
"""The schemas as the project ships them (for editors pointed at the project)."""


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.id)
def test_the_shipped_schemas_are_in_step_with_the_models(kind) -> None:
    shipped = SCHEMAS / file_name(kind)
    assert shipped.read_text(encoding="utf-8") == schema_text(kind), (
        f"{shipped} is stale: run «utvikling schema --output schemas --force»"
    )


def _properties(node, path=""):
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield f"{path}.{name}", prop
        for key, value in node.items():
            yield from _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value, path)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.id)
def test_every_field_has_a_norwegian_title_and_description(kind) -> None:
    schema = schema_for(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    fields = list(_properties(schema))
    assert len(fields) >= 5
    for where, prop in fields:
        assert prop.get("title") and prop.get("description"), where
        english = where.rsplit(".", 1)[-1].replace("_", " ").title()  # pydantic's own title
        assert prop["title"] != english, where


def test_choices_have_norwegian_labels_and_laws_are_named() -> None:
    plan = json.dumps(schema_for(kind_named("plan")), ensure_ascii=False)
    assert '"enumDescriptions": ["Økonomi", "Brukere av tjenester"' in plan
    agreement = schema_for(kind_named("agreement"))
    probation = agreement["properties"]["probation_months"]
    assert "arbeidsmiljøloven § 14-6 første ledd bokstav f" in probation["description"]
    months = next(c for c in probation["anyOf"] if c.get("type") == "integer")
    assert (months["minimum"], months["maximum"]) == (0, 120)


RECORDS = [
    (repo, record)
    for repo in find_repositories(EXAMPLES)
    for record in discover(repo)
    if record.kind is not None
]


@pytest.mark.parametrize(
    ("repo", "record"), RECORDS, ids=[f"{r.name}/{f.relative}" for r, f in RECORDS]
)
def test_every_example_record_is_valid_against_its_schema(repo: Path, record) -> None:
    schema = schema_for(kind_named(record.kind))
    data = parse(record.path.read_bytes()).data
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=str)
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_a_wrong_record_is_refused_by_the_schema() -> None:
    schema = schema_for(kind_named("plan"))
    wrong = {"goals": [{"id": "M1", "theme": "okonomi"}], "lonn": 1}
    messages = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(wrong)]
    assert len(messages) == 2


def test_modeline_points_at_the_schema_from_the_record() -> None:
    assert modeline("agreement", "agreements/2027-01-01.yaml") == (
        "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
    )
    assert modeline("meeting", "conversations/2027-01-20/meeting.yaml").endswith(
        "=../../schemas/meeting.schema.json\n"
    )


def test_schema_command_prints_and_writes(runner, tmp_path: Path) -> None:
    shown = runner.invoke(app, ["schema", "plan"])
    assert (
        shown.exit_code == 0
        and json.loads(shown.output)["title"] == "Resultat- og utviklingsplanen"
    )
    wrote = runner.invoke(app, ["schema", "--output", str(tmp_path / "s")])
    assert wrote.exit_code == 0, wrote.output
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == sorted(file_name(k) for k in KINDS)
    one = runner.invoke(app, ["schema", "plan", "--output", str(tmp_path / "one")])
    assert [p.name for p in (tmp_path / "one").iterdir()] == ["plan.schema.json"], one.output
    again = runner.invoke(app, ["schema", "--output", str(tmp_path / "s")])
    assert again.exit_code == 0 and again.output == ""  # the same files: nothing to write
    (tmp_path / "s" / "plan.schema.json").write_text("{}", encoding="utf-8")
    kept = runner.invoke(app, ["schema", "--output", str(tmp_path / "s")])
    assert kept.exit_code == 1 and "Skjemafilen finnes allerede og er endret." in kept.output
    forced = runner.invoke(app, ["schema", "--output", str(tmp_path / "s"), "--force"])
    assert forced.exit_code == 0 and "plan.schema.json" in forced.output
    unknown = runner.invoke(app, ["schema", "avtale"])
    assert unknown.exit_code == 2
    assert "Feil: Ugyldig verdi for TYPE: ukjent posttype «avtale»; velg en av settings," in (
        unknown.output
    )


def test_init_writes_the_schemas_and_the_editor_settings(runner, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "ny", "--no-input", "--no-git", "--kind", "kommune"])
    assert result.exit_code == 0, result.output
    assert "Opprettet ny/schemas/ (8 JSON-skjemaer som gir hjelp i editoren)\n" in result.output
    root = tmp_path / "ny"
    settings = json.loads((root / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema, globs in settings["yaml.schemas"].items():
        assert (root / schema).is_file(), schema
        assert globs and all(not g.startswith("/") for g in globs)
    assert settings["yaml.schemas"]["./schemas/agreement.schema.json"] == ["agreements/*.yaml"]
    extensions = json.loads((root / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert extensions == {"recommendations": ["redhat.vscode-yaml"]}
    first = (root / "utvikling.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schemas/settings.schema.json"
    for kind in KINDS:
        written = (root / "schemas" / file_name(kind)).read_text(encoding="utf-8")
        assert written == schema_text(kind, "nb", "kommune")  # the repository's words


def test_a_county_in_nynorsk_gets_schemas_in_its_language_and_words(runner, example) -> None:
    root = example("havbrekke-fylkeskommune")
    shown = runner.invoke(app, ["schema", "agreement", "--path", str(root)])
    assert shown.exit_code == 0, shown.output
    agreement = json.loads(shown.output)
    assert agreement["title"] == "Arbeidsavtalen med fylkeskommunedirektøren"
    adoption = agreement["$defs"]["Decision"]["properties"]["body"]
    assert adoption["description"] == "Organet som gjorde vedtaket, t.d. fylkestinget."
    expectations = agreement["$defs"]["Expectations"]["properties"]
    assert expectations["mayor_responsibility"]["title"] == (
        "Det særlege ansvaret til fylkesordføraren"
    )
    roles = json.dumps(agreement["$defs"]["Person"], ensure_ascii=False)
    assert '"fylkesordførar", "fylkesvaraordførar"' in roles
    settings = schema_for(kind_named("settings"), "nn", "fylkeskommune")
    body = settings["$defs"]["EmployerBody"]["properties"]["kind"]["anyOf"][0]
    assert body["enum"] == ["fylkesutvalg", "utvalg", "fylkesting", "other"]  # no formannskap
    assert body["enumDescriptions"][0] == "fylkesutval"
    wrote = runner.invoke(app, ["schema", "--output", str(root / "schemas"), "--path", str(root)])
    assert wrote.exit_code == 0 and "Oppretta" in wrote.output, wrote.output
    on_disk = (root / "schemas" / "agreement.schema.json").read_text(encoding="utf-8")
    assert on_disk == shown.output


def test_without_a_repository_the_schemas_are_the_generic_ones(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shown = runner.invoke(app, ["schema", "settings"])
    assert shown.exit_code == 0 and shown.output == schema_text(kind_named("settings"))
    body = json.loads(shown.output)["$defs"]["EmployerBody"]["properties"]["kind"]["anyOf"][0]
    assert "formannskap" in body["enum"] and "fylkesting" in body["enum"]  # every value


def test_no_english_docstring_reaches_a_schema() -> None:
    for kind in KINDS:
        schema = schema_for(kind)
        assert all("description" not in d and "title" not in d for d in schema["$defs"].values())
        assert schema["description"].startswith(schema["title"])


def test_every_model_field_has_a_text_in_both_languages() -> None:
    from utvikling.actions.schema import field_paths, field_texts

    table = field_texts()  # validated against the models when read
    assert sorted(table) == sorted(k.id for k in KINDS)
    for kind in KINDS:
        assert sorted(table[kind.id]) == sorted(field_paths(kind)), kind.id
        for path, entry in table[kind.id].items():
            assert entry["nb"].strip() and entry["nn"].strip(), f"{kind.id}.{path}"
    assert sum(len(v) for v in table.values()) >= 300


def _fields_document(edit):
    from utvikling import yamlsafe

    text = (ROOT / "src" / "utvikling" / "data" / "fields.yaml").read_text(encoding="utf-8")
    return yamlsafe.parse(edit(text).encode("utf-8"))


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        (
            lambda t: t.replace("    period.start:", "    period.begin:"),
            "plan.period.begin",
            "Feltet «period.begin» finnes ikke i posttypen «plan».",
        ),
        (
            lambda t: t.replace("    period.start:", "    # period.start:"),
            "plan",
            "Feltet «period.start» i posttypen «plan» har ingen tekst i fields.yaml.",
        ),
        (
            lambda t: t.replace('nn: "Første dag i perioden."', 'nn: ""'),
            "plan.period.start",
            "Feltet «period.start» i fields.yaml må ha en tekst på bokmål (nb) og en på nynorsk"
            " (nn).",
        ),
        (
            lambda t: t.replace('nb: "Første dag i perioden."', 'nb: "Første dag i {kommune}."'),
            "plan.period.start",
            "Teksten til «period.start» bruker «{kommune}», som ordlisten ikke har.",
        ),
        (
            lambda t: t.replace(
                '    adoption.case_number: {nb: "Saksnummer, f.eks. 24/118."',
                '    adoption.case_number: {nb: "Saksnummer."',
            ),
            "agreement.adoption.case_number",
            "«adoption.case_number» og «responsibility.delegation_rules.case_number» er samme"
            " felt i en felles del og må ha samme tekst.",
        ),
    ],
    ids=["unknown", "missing", "one-language", "placeholder", "shared"],
)
def test_a_mistake_in_the_field_texts_is_named_with_its_place(edit, where, message) -> None:
    from utvikling.actions.schema import FieldDataError, parse_field_texts

    document = _fields_document(edit)
    with pytest.raises(FieldDataError) as caught:
        parse_field_texts(document)
    error = caught.value
    assert error.message == message
    assert error.file == "fields.yaml" and error.line is not None
    *kind, last = where.split(".", 1) if "." in where else (where,)
    path = ("fields", *kind, last) if kind else ("fields", last)
    assert (error.line, error.column) == document.position(path, key=True)


PER_KIND = {
    # Texts that differ by kind of authority on purpose, where the model's one description
    # (docs/records.md, the file format's reference) names both kinds or lists the values.
    ("settings", "municipality.number"),
    ("settings", "municipality.kind"),
    ("settings", "chief_executive.title"),
    ("settings", "employer_body.kind"),
    ("agreement", "employer.name"),
}


def test_the_bokmal_kommune_texts_are_the_models_descriptions() -> None:
    """The field texts and the models' descriptions cannot drift apart: in bokmål, for a
    kommune with the law's title, they are the same words (but for ``PER_KIND``)."""
    from utvikling import texts
    from utvikling.actions.schema import field_paths, field_text

    words = texts.terms("kommune", "nb")
    differ = set()
    for kind in KINDS:
        for path, (model, name) in field_paths(kind).items():
            if field_text(kind.id, path, "nb", words) != model.model_fields[name].description:
                differ.add((kind.id, path))
    assert differ == PER_KIND
