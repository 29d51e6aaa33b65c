"""``utvikling site``: the public site, without a browser (see test_site_browser.py for that).

What it shows, that two builds give the same bytes, that no confidential value and nothing of
an internal document reaches any page, that record text never becomes markup, and that a
folder is never written into without ``--force`` unless the tool wrote it.
"""

from __future__ import annotations

import hashlib
import html.parser
from pathlib import Path

import pytest

from conftest import EXAMPLES, assert_golden, tree_digest
from project_api import RECORD_KINDS, app, emit, yamlsafe
from test_conversations import CANARY, _plant

TODAY = "2026-11-23"


def _build(runner, source: Path, out: Path, *extra: str):
    return runner.invoke(app, ["site", str(source), "--output", str(out), "--today", TODAY, *extra])


def _pages(folder: Path) -> dict[str, str]:
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(folder.iterdir())
        if p.suffix == ".html"
    }


def _text(page: str) -> str:
    """The text a reader sees: tags dropped, entities decoded, white space collapsed."""

    class Text(html.parser.HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.parts.append("" if tag in INLINE else " ")

        def handle_endtag(self, tag: str) -> None:
            self.parts.append("" if tag in INLINE else " ")

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(page)
    return " ".join("".join(parser.parts).split())


INLINE = {"a", "strong", "span"}


def test_one_repository_gives_front_year_and_history_pages(runner, tmp_path):
    out = tmp_path / "nettsted"
    result = _build(runner, EXAMPLES / "fjordvik-kommune", out)
    assert result.exit_code == 0, result.output
    assert (
        result.output == f"Nettstedet er skrevet til {out.as_posix()}: 4 sider og 5 filer i alt.\n"
    )
    assert sorted(p.name for p in out.iterdir()) == [
        ".utvikling-nettsted.json",
        "2025.html",
        "2026.html",
        "historikk.html",
        "index.html",
        "stil.css",
    ]
    pages = {name: _text(page) for name, page in _pages(out).items()}
    front = pages["index.html"]
    assert "Fjordvik kommune: arbeidsgiver for kommunedirektøren" in front
    assert "Kommunedirektør er Ingrid Solheim Aasen." in front
    assert "Kari Nordbø, ordfører (Fjordvik Fellesliste)" in front
    assert "Vedtatt Kommunestyret, sak 24/12, 8. februar 2024" in front
    assert "M1 Netto driftsresultat på minst 2 prosent av driftsinntektene" in front
    assert (
        "Handlings- og økonomiplan 2026–2029 og budsjett 2026 (Kommunestyret, sak 25/121" in front
    )
    assert "Netto driftsresultat (prosent av driftsinntektene) 1,5 (prognose 2025) 2,0" in front
    assert (
        "31. januar 2027 Resultat- og utviklingsplan for 2027 Arbeidsgiverutvalget senere" in front
    )
    year = pages["2026.html"]
    assert "Referat fra utviklingssamtale med kommunedirektøren 15. september 2026" in year
    assert "M2 Flere eldre bor trygt hjemme med velferdsteknologi nådd" in year
    assert "Godkjent av Arbeidsgiverutvalget, 22. september 2026." in year
    assert "Lagt fram for Kommunestyret, sak 26/91, 22. oktober 2026." in year
    assert "2 opplysninger er unntatt offentlighet etter offentleglova § 13" in year
    assert "Møtet ble holdt for lukkede dører etter kommuneloven § 11-5" in year
    history = pages["historikk.html"]
    assert "2019-08-01 Rådmann: Terje Mikalsen Fra 1. august 2019 til 29. februar 2024" in history
    assert "Erstattet av avtalen 2024-03-01" in history
    assert "Gjelder; erstatter avtalen 2019-08-01" in history
    assert "M4 Felles lederutviklingsprogram for kommunens ledere nådd" in history


def test_a_county_in_nynorsk_takes_the_county_words(runner, tmp_path):
    out = tmp_path / "nettstad"
    result = _build(runner, EXAMPLES / "havbrekke-fylkeskommune", out)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Nettstaden er skriven til ")
    front = _text((out / "index.html").read_text(encoding="utf-8"))
    assert '<html lang="nn">' in (out / "index.html").read_text(encoding="utf-8")
    assert "Havbrekke fylkeskommune: arbeidsgjevar for fylkeskommunedirektøren" in front
    assert "Fylkestinget har ansvaret som arbeidsgjevar for fylkeskommunedirektøren." in front
    assert "Randi Sælen, fylkesordførar" in front
    assert "Framside" in front and "Avtalen som gjeld" in front
    for word in ("kommunestyret", "ordfører ", "Forside", "ikke "):
        assert word not in front, word


def test_a_folder_of_repositories_gets_an_index_with_the_overview_and_figures(runner, tmp_path):
    out = tmp_path / "region"
    result = _build(runner, EXAMPLES / "region", out)
    assert result.exit_code == 0, result.output
    index = (out / "index.html").read_text(encoding="utf-8")
    text = _text(index)
    assert "Oversikt over 7 postmapper" in text
    assert "Nasjonale tall, regnet ut fra postene" in text
    assert "Utviklingssamtale siste 12 måneder 5/6 (83,3 %) 1/1 (100,0 %) 6/7 (85,7 %)" in text
    assert '<a href="vestmark-fylkeskommune.html">Vestmark fylkeskommune</a>' in index
    assert (out / "vestmark-fylkeskommune-historikk.html").is_file()
    front = (out / "solvik-kommune.html").read_text(encoding="utf-8")
    assert '<a href="index.html">Alle postmapper</a>' in front


def test_two_builds_from_the_same_records_are_byte_identical(runner, tmp_path):
    for name in ("fjordvik-kommune", "havbrekke-fylkeskommune", "region"):
        first, second = tmp_path / f"{name}-1", tmp_path / f"{name}-2"
        assert _build(runner, EXAMPLES / name, first).exit_code == 0
        assert _build(runner, EXAMPLES / name, second).exit_code == 0
        assert tree_digest(first) == tree_digest(second)
        before = tree_digest(first)
        again = _build(runner, EXAMPLES / name, first)
        assert again.exit_code == 0, again.output
        assert tree_digest(first) == before, "a rebuild in place changes nothing"


def _plant_everywhere(root: Path) -> None:
    """The canary in every confidential field of every record, and in withheld items."""
    for path in sorted(root.rglob("*.yaml")):
        relative = path.relative_to(root).as_posix()
        if relative == "utvikling.yaml":
            kind = "settings"
        elif relative.startswith("agreements/"):
            kind = "agreement"
        elif relative.startswith("plans/"):
            kind = "plan"
        else:
            kind = {
                "input.yaml": "input",
                "self-evaluation.yaml": "self_evaluation",
                "evaluation.yaml": "evaluation",
                "meeting.yaml": "meeting",
                "minutes.yaml": "minutes",
            }[path.name]
        model = RECORD_KINDS[kind]
        data = _plant(yamlsafe.parse(path.read_bytes()).data, model)
        if kind == "minutes":
            for key in ("interaction_principles", "development_measures"):
                data[key] = [*data.get(key, []), {"text": CANARY, "confidential": True}]
            data["results_review"]["goals"].append(
                {"goal": "M1", "summary": CANARY, "confidential": True}
            )
            data["new_goals"]["expectations"].append({"text": CANARY, "confidential": True})
            if data.get("salary"):
                data["salary"] = {**data["salary"], "conclusion": CANARY, "confidential": True}
        if kind in ("input", "self_evaluation", "evaluation"):
            # Internal documents: never read by the site, whatever their fields say.
            data = {**data, **{k: CANARY for k, v in data.items() if isinstance(v, str)}}
        path.write_text(emit(model, data), encoding="utf-8")


@pytest.mark.parametrize("name", ["fjordvik-kommune", "havbrekke-fylkeskommune"])
def test_no_confidential_value_reaches_any_page(runner, example, tmp_path, name):
    root = example(name)
    _plant_everywhere(root)
    planted = [p.name for p in sorted(root.rglob("*.yaml")) if CANARY in p.read_text("utf-8")]
    assert {"minutes.yaml", "input.yaml", "evaluation.yaml", "self-evaluation.yaml"} < set(
        planted
    ), planted
    # Internal documents in the documents folder are never copied, whatever they hold.
    (root / "dokumenter").mkdir()
    for conversation in sorted((root / "conversations").iterdir()):
        if conversation.is_dir():
            for stem in ("referat-{}-intern", "samtale-{}-forberedelse-intern"):
                target = root / "dokumenter" / (stem.format(conversation.name) + ".pdf")
                target.write_bytes(b"%PDF-1.7 " + CANARY.encode())
    out = tmp_path / "ut"
    result = _build(runner, root, out)
    assert result.exit_code == 0, result.output
    files = sorted(p for p in out.iterdir() if p.is_file())
    assert len([p for p in files if p.suffix == ".html"]) >= 3
    for path in files:
        assert CANARY.encode() not in path.read_bytes(), path.name
    assert not [p for p in files if "intern" in p.name]


def test_the_canary_is_planted_where_a_public_field_would_show_it(runner, example, tmp_path):
    """The same planting in a public field does show, so the test above can fail."""
    root = example("fjordvik-kommune")
    path = root / "plans" / "2026.yaml"
    data = yamlsafe.parse(path.read_bytes()).data
    data["goals"][0]["description"] = CANARY
    path.write_text(emit(RECORD_KINDS["plan"], data), encoding="utf-8")
    out = tmp_path / "ut"
    assert _build(runner, root, out).exit_code == 0
    assert CANARY in (out / "index.html").read_text(encoding="utf-8")


HOSTILE = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    '"><a href="javascript:alert(1)">klikk</a>',
    "{{ 7 * 7 }} {% raw %}",
    "<!-- kommentar --> &amp; &lt;b&gt;",
    "**fet** [lenke](http://example.invalid) <style>body{display:none}</style>",
]


def test_hostile_record_text_stays_text_on_every_page(runner, example, tmp_path):
    root = example("fjordvik-kommune")
    plan = root / "plans" / "2026.yaml"
    data = yamlsafe.parse(plan.read_bytes()).data
    goal = data["goals"][0]
    goal["title"], goal["description"] = HOSTILE[0], "\n".join(HOSTILE)
    goal["indicators"][0]["name"] = HOSTILE[1]
    goal["anchoring"][0]["title"] = HOSTILE[2]
    plan.write_text(emit(RECORD_KINDS["plan"], data), encoding="utf-8")
    settings = root / "utvikling.yaml"
    data = yamlsafe.parse(settings.read_bytes()).data
    data["municipality"]["name"] = HOSTILE[3]
    data["chief_executive"]["name"] = HOSTILE[4]
    data["employer_body"]["members"][0]["party"] = HOSTILE[5]
    settings.write_text(emit(RECORD_KINDS["settings"], data), encoding="utf-8")
    out = tmp_path / "ut"
    result = _build(runner, root, out)
    assert result.exit_code == 0, result.output
    allowed = {
        "html", "head", "meta", "title", "link", "body", "a", "header", "div", "p", "nav", "ul",
        "li", "main", "h1", "h2", "h3", "h4", "section", "strong", "dl", "dt", "dd", "article",
        "span", "table", "caption", "thead", "tbody", "tr", "th", "td", "footer", "img",
    }  # fmt: skip

    class Tags(html.parser.HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: set[str] = set()
            self.hrefs: set[str] = set()
            self.comments: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.add(tag)
            self.hrefs |= {v or "" for k, v in attrs if k in ("href", "src")}
            assert not [k for k, _ in attrs if k.startswith("on")], (tag, attrs)

        def handle_comment(self, data: str) -> None:
            self.comments.append(data)

    for name, page in _pages(out).items():
        parser = Tags()
        parser.feed(page)
        assert parser.tags <= allowed, (name, parser.tags - allowed)
        assert not parser.comments, name
        assert not [h for h in parser.hrefs if ":" in h], (name, parser.hrefs)
    front = _text((out / "index.html").read_text(encoding="utf-8"))
    for text in HOSTILE:
        assert " ".join(text.split()) in front, text


def test_a_folder_holding_other_files_is_not_written_into_without_force(runner, tmp_path):
    out = tmp_path / "www"
    out.mkdir()
    (out / "notat.txt").write_text("mitt eget\n", encoding="utf-8")
    before = tree_digest(out)
    result = _build(runner, EXAMPLES / "fjordvik-kommune", out)
    assert result.exit_code == 1
    assert result.output == (
        f"{(out / 'notat.txt').as_posix()}: Mappen {out.as_posix()} inneholder notat.txt, som "
        "utvikling ikke har laget, så nettstedet skrives ikke dit.\n"
        "    Velg en tom eller ny mappe med --output, eller bruk --force for å skrive nettstedet "
        "dit likevel (filer utvikling ikke har laget, blir liggende). Ingenting er endret.\n"
    )
    assert tree_digest(out) == before
    forced = _build(runner, EXAMPLES / "fjordvik-kommune", out, "--force")
    assert forced.exit_code == 0, forced.output
    assert (out / "notat.txt").read_text(encoding="utf-8") == "mitt eget\n"
    assert (out / "index.html").is_file()


def test_a_page_changed_by_hand_is_not_replaced_without_force(runner, tmp_path):
    out = tmp_path / "www"
    assert _build(runner, EXAMPLES / "fjordvik-kommune", out).exit_code == 0
    (out / "2025.html").write_text("endret\n", encoding="utf-8")
    before = tree_digest(out)
    result = _build(runner, EXAMPLES / "fjordvik-kommune", out)
    assert result.exit_code == 1
    assert result.output.startswith(
        f"{(out / '2025.html').as_posix()}: 2025.html i {out.as_posix()} er endret for hånd "
        "siden utvikling laget nettstedet.\n"
    )
    assert tree_digest(out) == before
    assert _build(runner, EXAMPLES / "fjordvik-kommune", out, "--force").exit_code == 0
    assert (out / "2025.html").read_text(encoding="utf-8") != "endret\n"


def test_pages_a_new_build_no_longer_makes_are_removed(runner, example, tmp_path):
    root = example("fjordvik-kommune")
    out = tmp_path / "www"
    assert _build(runner, root, out).exit_code == 0
    (root / "plans" / "2025.yaml").unlink()
    for path in (root / "conversations").glob("2025-*/*"):
        path.unlink()
    result = _build(runner, root, out)
    assert result.exit_code == 0, result.output
    assert not (out / "2025.html").exists()
    assert (out / "2026.html").is_file()


def test_public_pdf_documents_are_copied_and_linked_and_internal_ones_never(
    runner, example, tmp_path
):
    root = example("fjordvik-kommune")
    (root / "dokumenter").mkdir()
    public = b"%PDF-1.7 offentlig referat"
    (root / "dokumenter" / "referat-2026-09-15.pdf").write_bytes(public)
    (root / "dokumenter" / "referat-2026-09-15-intern.pdf").write_bytes(b"%PDF-1.7 intern")
    out = tmp_path / "www"
    assert _build(runner, root, out).exit_code == 0
    assert (out / "referat-2026-09-15.pdf").read_bytes() == public
    assert not (out / "referat-2026-09-15-intern.pdf").exists()
    year = (out / "2026.html").read_text(encoding="utf-8")
    assert '<a href="referat-2026-09-15.pdf">Referat 15. september 2026 (PDF/A)</a>' in year
    assert ".pdf" not in (out / "2025.html").read_text(encoding="utf-8")


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def test_a_logo_is_copied_in_and_shown_beside_the_name(runner, tmp_path):
    logo = tmp_path / "våpen.png"
    logo.write_bytes(PNG)
    out = tmp_path / "www"
    result = _build(runner, EXAMPLES / "fjordvik-kommune", out, "--logo", str(logo))
    assert result.exit_code == 0, result.output
    assert (out / "logo.png").read_bytes() == PNG
    for page in _pages(out).values():
        assert '<img class="logo" src="logo.png" alt="">' in page


def test_a_file_that_is_not_an_image_is_refused_as_logo(runner, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_text("<html>ikke et bilde</html>", encoding="utf-8")
    out = tmp_path / "www"
    result = _build(runner, EXAMPLES / "fjordvik-kommune", out, "--logo", str(logo))
    assert result.exit_code == 1
    assert result.output == (
        f"{logo.as_posix()}: Logoen {logo.as_posix()} kan ikke brukes: filen er "
        "ikke et PNG-, JPEG- eller SVG-bilde.\n"
        "    Bruk en PNG-, JPEG- eller SVG-fil på høyst 1 MB. Ingenting er endret.\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    "body",
    [
        "{% autoescape false %}{{ name }}{% endautoescape %}",
        "{{ name|safe }}",
        "{{ name|urlize }}",
    ],
)
def test_a_page_template_cannot_let_record_text_through_as_markup(runner, tmp_path, body):
    templates = tmp_path / "maler"
    (templates / "site" / "nb").mkdir(parents=True)
    (templates / "site" / "nb" / "front.html.j2").write_text(body, encoding="utf-8")
    out = tmp_path / "www"
    result = _build(runner, EXAMPLES / "fjordvik-kommune", out, "--templates", str(templates))
    assert result.exit_code == 1
    assert "site/nb/front.html.j2" in result.output
    assert not out.exists()


def test_the_manifest_lists_every_file_with_its_checksum(runner, tmp_path):
    import json

    out = tmp_path / "www"
    assert _build(runner, EXAMPLES / "fjordvik-kommune", out).exit_code == 0
    manifest = json.loads((out / ".utvikling-nettsted.json").read_text(encoding="utf-8"))
    assert manifest == {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.iterdir())
        if not p.name.startswith(".")
    }


@pytest.mark.parametrize(
    ("name", "pages"),
    [
        ("fjordvik-kommune", ["index.html", "2025.html", "2026.html", "historikk.html"]),
        ("havbrekke-fylkeskommune", ["index.html", "2026.html", "historikk.html"]),
        ("region", ["index.html"]),
    ],
)
def test_the_pages_match_their_golden_files(runner, tmp_path, name, pages):
    out = tmp_path / "www"
    assert _build(runner, EXAMPLES / name, out).exit_code == 0
    for page in pages:
        assert_golden(f"site-{name}-{page}", (out / page).read_text(encoding="utf-8"))


def test_an_interrupted_write_leaves_the_previous_site_whole(
    runner, example, tmp_path, monkeypatch
):
    from utvikling.render import transaction

    root = example("fjordvik-kommune")
    out = tmp_path / "www"
    assert _build(runner, root, out).exit_code == 0
    before = tree_digest(out)
    plan = root / "plans" / "2026.yaml"
    data = yamlsafe.parse(plan.read_bytes()).data
    data["goals"][0]["title"] = "Et nytt mål"
    plan.write_text(emit(RECORD_KINDS["plan"], data), encoding="utf-8")
    renames: list[Path] = []
    real = transaction._rename

    def failing(source: Path, target: Path) -> None:
        renames.append(target)
        if len(renames) == 3:
            raise OSError(5, "Input/output error")
        real(source, target)

    monkeypatch.setattr(transaction, "_rename", failing)
    result = _build(runner, root, out)
    assert result.exit_code == 1
    assert result.output == (
        f"Kunne ikke skrive i {out.as_posix()}: Input/output error.\n"
        "    Sjekk mappen, eller velg en annen med --output. Ingen dokumenter er endret.\n"
    )
    assert len(renames) == 3
    assert tree_digest(out) == before
    monkeypatch.setattr(transaction, "_rename", real)
    assert _build(runner, root, out).exit_code == 0
    assert "Et nytt mål" in (out / "index.html").read_text(encoding="utf-8")


def test_an_output_that_is_a_file_is_named_and_left_alone(runner, tmp_path):
    out = tmp_path / "nettsted"
    out.write_text("en fil\n", encoding="utf-8")
    result = _build(runner, EXAMPLES / "fjordvik-kommune", out)
    assert result.exit_code == 1
    assert result.output.startswith(f"{out.as_posix()} er en fil, ikke en mappe")
    assert out.read_text(encoding="utf-8") == "en fil\n"


def test_a_plan_not_yet_adopted_and_a_draft_agreement_are_not_published(runner, example, tmp_path):
    root = example("fjordvik-kommune")
    plan = root / "plans" / "2026.yaml"
    data = yamlsafe.parse(plan.read_bytes()).data
    del data["adopted"]
    plan.write_text(emit(RECORD_KINDS["plan"], data), encoding="utf-8")
    agreement = root / "agreements" / "2024-03-01.yaml"
    data = yamlsafe.parse(agreement.read_bytes()).data
    data["status"] = "draft"
    agreement.write_text(emit(RECORD_KINDS["agreement"], data), encoding="utf-8")
    out = tmp_path / "www"
    result = _build(runner, root, out)
    assert result.exit_code == 0, result.output
    pages = {name: _text(page) for name, page in _pages(out).items()}
    assert "Planen for året er ikke vedtatt ennå." in pages["index.html"]
    assert "Ingen avtale er i kraft per 23. november 2026." in pages["index.html"]
    assert "Planen for 2026 er ikke vedtatt ennå." in pages["2026.html"]
    raw = _pages(out)
    assert '<article class="goal">' not in raw["index.html"]
    assert '<article class="goal">' not in raw["2026.html"]
    assert '<article class="goal">' in raw["2025.html"], "the 2025 plan was adopted"
    assert "Årslønn i avtalen" not in pages["index.html"]
    assert "Planen for 2026" not in pages["historikk.html"]
    assert "2024-03-01 Kommunedirektør" not in pages["historikk.html"]


def test_a_logo_in_the_repository_is_used_but_not_a_link_to_elsewhere(runner, example, tmp_path):
    root = example("havbrekke-fylkeskommune")
    outside = tmp_path / "annet.png"
    outside.write_bytes(PNG)
    (root / "logo.png").symlink_to(outside)
    out = tmp_path / "www"
    assert _build(runner, root, out).exit_code == 0
    assert not (out / "logo.png").exists()
    (root / "logo.png").unlink()
    (root / "logo.png").write_bytes(PNG)
    assert _build(runner, root, out).exit_code == 0
    assert (out / "logo.png").read_bytes() == PNG
    assert '<img class="logo" src="logo.png" alt="">' in (out / "index.html").read_text("utf-8")
