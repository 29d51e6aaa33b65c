"""New agreements: the question form, defaults, writing the record, superseding, the draft.

``new-agreement`` calls :func:`new_agreement` with an optional ``ask`` function (the CLI's
questions on a terminal); everything it does can be done from Python.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from utvikling import texts, yamlsafe
from utvikling.actions.check import CheckOptions, check_repository
from utvikling.actions.documents import (
    DRAFT_PREFIX,
    FINAL_PREFIX,
    DocumentOptions,
    parties,
    withheld,
    write_documents,
)
from utvikling.actions.form import Form, Question, get
from utvikling.actions.recording import Recorded, Recording
from utvikling.actions.schema import modeline
from utvikling.errors import FileExistsRefusedError, InputError
from utvikling.files import create_file, replace_file
from utvikling.findings import Finding
from utvikling.models import Agreement
from utvikling.models._types import parse_amount
from utvikling.records import layout
from utvikling.records.emit import emit
from utvikling.records.load import load_answers, schema_findings
from utvikling.records.loaded import LoadedRecord, RepositoryContext
from utvikling.records.repository import load_settings
from utvikling.render.documents import Source
from utvikling.render.writing import DocumentSpec
from utvikling.yamlsafe import scalar


@dataclass(frozen=True)
class FormItem:
    """One question: the field it fills, its kind, and the words in both languages."""

    field: str
    kind: str
    ask: dict[str, str]
    why: dict[str, str]
    default: str | None = None
    details: tuple[FormItem, ...] = ()
    secret: bool = False


@dataclass(frozen=True)
class FormGroup:
    """A group of questions, as the KS checklist groups them."""

    id: str
    title: dict[str, str]
    items: tuple[FormItem, ...]


def _item(raw: dict[str, Any]) -> FormItem:
    return FormItem(
        field=raw["field"],
        kind=raw["kind"],
        ask=raw["ask"],
        why=raw.get("why", {"nb": "", "nn": ""}),
        default=raw.get("default"),
        details=tuple(_item(d) for d in raw.get("details", [])),
        secret=bool(raw.get("secret", False)),
    )


@cache
def form() -> tuple[FormGroup, ...]:
    """Return the question form from ``data/agreement_form.yaml``."""
    return tuple(
        FormGroup(g["id"], g["title"], tuple(_item(i) for i in g["items"]))
        for g in texts.data_file("agreement_form.yaml")["groups"]
    )


def get_path(data: dict[str, Any], path: str) -> Any:
    """Return the value at a dotted path in nested dicts, or None."""
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at a dotted path in nested dicts, creating groups as needed."""
    *parents, last = path.split(".")
    for part in parents:
        if not isinstance(data.get(part), dict):
            data[part] = {}
        data = data[part]
    data[last] = value


def deep_merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """Return ``base`` with ``overlay`` on top; groups are merged, everything else replaced."""
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def prune(value: Any) -> Any:
    """Drop None values and groups left empty (an empty list is an answer and stays)."""
    if isinstance(value, dict):
        pruned = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v is not None and v != {}}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


NOT_CARRIED_OVER = (
    "status",
    "start_date",
    "validity.start",
    "validity.end",
    "salary.effective_from",
    "adoption",
    "signatures",
    "supersedes",
    "superseded_by",
    "supplement_requested_at",
    "suppress",
)
"""What a new agreement never takes from the one in force: its dates, its adoption and its
signatures belong to that agreement alone and are asked for again."""


def carried_over(previous: Agreement) -> dict[str, Any]:
    """The values of the agreement in force that a new one proposes.

    Parties, workplace, terms and procedures; never the dates, adoption and signatures.
    """
    values: dict[str, Any] = prune(previous.model_dump(mode="python"))
    for path in NOT_CARRIED_OVER:
        *parents, last = path.split(".")
        group: Any = values
        for part in parents:
            group = group.get(part) if isinstance(group, dict) else None
        if isinstance(group, dict):
            group.pop(last, None)
    return dict(prune(values))


def defaults(context: RepositoryContext) -> dict[str, Any]:
    """Suggested values: the agreement in force, then utvikling.yaml and the standard terms."""
    settings = context.settings_model
    previous = context.current_agreement()
    values: dict[str, Any] = {}
    if previous is not None:
        assert isinstance(previous.model, Agreement)
        values = carried_over(previous.model)
    settings_data = prune(settings.model_dump(mode="python")) if settings else {}
    words = context.terms()
    for group in form():
        for item in group.items:
            if item.default is None or get_path(values, item.field) is not None:
                continue
            source, _, rest = item.default.partition(".")
            if source == "settings":
                suggestion = get_path(settings_data, rest)
            elif source == "term":
                suggestion = words.get(rest)  # as the glossary writes it: «kommunestyret»
            else:
                suggestion = get_path(values, item.default)
            if suggestion is not None:
                set_path(values, item.field, suggestion)
    return values


def follow_defaults(values: dict[str, Any]) -> dict[str, Any]:
    """Fill what the form proposes from another answer, where it is still empty.

    The salary date follows the new start date; the agreement in force never gives these.
    """
    values = dict(values)
    for group in form():
        for item in group.items:
            source = item.default.partition(".")[0] if item.default else ""
            if not item.default or source in ("settings", "term"):
                continue
            if get_path(values, item.field) is None:
                suggestion = get_path(values, item.default)
                if suggestion is not None:
                    set_path(values, item.field, suggestion)
    return values


def comments(
    lang: str, terms: dict[str, str] | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """Return (a comment per field, a section header per top-level key) from the form.

    ``terms`` are the glossary's words for the authority (a kommune's when not given).
    """
    words = terms or texts.terms("kommune", lang)

    def say(value: Any) -> str:
        return texts.fill(texts.localized(value, lang), words)

    per_field: dict[str, str] = {}
    headers: dict[str, str] = {}
    for group in form():
        first = group.items[0].field.split(".")[0]
        headers.setdefault(first, say(group.title))
        for item in group.items:
            why = say(item.why)
            ask = say(item.ask)
            ask = ask if ask.endswith(("?", ".", ":")) else ask + "."
            per_field[item.field if item.kind != "conditional" else f"{item.field}.agreed"] = (
                f"{ask} {why}".strip()
            )
            for detail in item.details:
                per_field[f"{item.field}.{detail.field}"] = say(detail.ask)
    return per_field, headers


def field_order() -> list[str]:
    """Top-level keys in the order the form asks about them."""
    order: list[str] = []
    for group in form():
        for item in group.items:
            top = item.field.split(".")[0]
            if top not in order:
                order.append(top)
    return order


def agreement_text(values: dict[str, Any], lang: str, terms: dict[str, str] | None = None) -> str:
    """Return the YAML for a new agreement, checked by reading it back.

    Raises:
        AssertionError: the text does not read back as ``values`` (a bug, not a user error).
    """
    per_field, headers = comments(lang, terms)
    intro = texts.localized(texts.data_file("messages.yaml")["agreement_file"]["intro"], lang)
    # The title goes into a comment line: nothing of it may end the line or be a control
    # character (a line break would turn the rest into a key of the record).
    title = " ".join(
        "".join(c if c.isprintable() else " " for c in str(values.get("title") or "")).split()
    )
    intro = texts.fill(
        intro, {"ce": texts.definite(title) if title else texts.terms(None, lang)["ce"]}
    )
    body = emit(Agreement, values, comments=per_field, order=field_order(), headers=headers)
    text = "".join(f"# {line}\n".replace("# \n", "#\n") for line in intro.splitlines()) + body
    text = modeline("agreement", "agreements/x.yaml") + text
    back = yamlsafe.parse(text.encode("utf-8")).data
    assert prune(Agreement.model_validate(back).model_dump(mode="python")) == prune(
        Agreement.model_validate(values).model_dump(mode="python")
    ), "the agreement YAML does not read back as written"
    return text


_SUPERSEDED_LINE = re.compile(r"^superseded_by:[ \t]*(?:null|~)?[ \t]*(#.*)?$", re.MULTILINE)
_ANY_SUPERSEDED = re.compile(r"^superseded_by:", re.MULTILINE)


def mark_superseded(text: str, by: str) -> str:
    """Return ``text`` with ``superseded_by`` set, keeping every comment and the key order.

    Raises:
        ValueError: the agreement is already superseded, or the edit would not be exact.
    """
    before = yamlsafe.parse(text.encode("utf-8")).data
    if before.get("superseded_by"):
        raise ValueError("already superseded")
    line = f"superseded_by: {scalar(by)}"
    if _SUPERSEDED_LINE.search(text):
        edited = _SUPERSEDED_LINE.sub(
            lambda m: line + (f"  {m.group(1)}" if m.group(1) else ""), text, count=1
        )
    elif _ANY_SUPERSEDED.search(text):
        raise ValueError("superseded_by has a value this edit cannot replace exactly")
    else:
        edited = text + ("" if text.endswith("\n") else "\n") + line + "\n"
    after = yamlsafe.parse(edited.encode("utf-8")).data
    if after != {**before, "superseded_by": by}:
        raise ValueError("the edit would change more than superseded_by")
    return edited


@dataclass
class NewAgreement:
    """What ``create_agreement`` did."""

    path: Path
    agreement: Agreement
    superseded: Path | None = None
    findings: list[Finding] = field(default_factory=list)


def validate_values(values: dict[str, Any], source: str, lang: str) -> Agreement:
    """Validate answers as an agreement; all problems are reported together.

    Raises:
        InputError: the answers do not make a well-formed agreement.
    """
    try:
        return Agreement.model_validate(values)
    except ValidationError as exc:
        document = yamlsafe.parse(b"{}\n")
        found = schema_findings(exc, Agreement, document, source, lang)
        raise InputError(
            found[0].message, hint=found[0].hint, file=source, findings=found
        ) from None


def read_answers(path: Path, lang: str) -> dict[str, Any]:
    """Read an answers file shaped like an agreement record, checked as strictly as one.

    Raises:
        InputError: the file cannot be read or is not a well-formed agreement.
    """
    return dict(load_answers(path, "agreement", lang).document.data)


def create_agreement(
    root: Path,
    values: dict[str, Any],
    *,
    lang: str,
    supersedes: str | None = None,
    terms: dict[str, str] | None = None,
) -> NewAgreement:
    """Write ``agreements/<start-date>.yaml`` from ``values``; never overwrites.

    With ``supersedes`` (the old agreement's file name without ``.yaml``) the new agreement
    records ``supersedes`` and the old one gets ``superseded_by``, its comments kept.

    Raises:
        InputError: no start date, invalid values, or an agreement that cannot be superseded.
        FileExistsRefusedError: an agreement with that start date exists.
    """
    values = prune(values)
    values.setdefault("status", "draft")
    agreement = validate_values(values, "--answers", lang)
    if agreement.start_date is None:
        message, hint = texts.message("N001", lang)
        raise InputError(message, hint=hint)
    name = agreement.start_date.isoformat()
    target = root / "agreements" / f"{name}.yaml"
    if target.exists():
        message, hint = texts.message("N002", lang, {"name": name})
        raise FileExistsRefusedError(message, hint=hint, file=target)
    old_path: Path | None = None
    old_text: str | None = None
    if supersedes:
        old_path = root / "agreements" / f"{supersedes}.yaml"
        try:
            old_text = mark_superseded(old_path.read_text(encoding="utf-8"), name)
        except FileNotFoundError:
            message, hint = texts.message("N003", lang, {"name": supersedes})
            raise InputError(message, hint=hint, file=old_path) from None
        except (ValueError, yamlsafe.LoadProblem, UnicodeDecodeError):
            message, hint = texts.message("N004", lang, {"name": supersedes})
            raise InputError(message, hint=hint, file=old_path) from None
        values["supersedes"] = supersedes
        agreement = validate_values(values, "--answers", lang)
    text = agreement_text(prune(agreement.model_dump(mode="python")), lang, terms)
    create_file(target, text)
    if old_path is not None and old_text is not None:
        replace_file(old_path, old_text)
    return NewAgreement(target, agreement, old_path)


def parse_answer(kind: str, text: str, lang: str) -> Any:
    """Turn one typed answer of ``kind`` into a value (None for an empty answer).

    Raises:
        ValueError: the answer does not fit; its text says why, in ``lang``.
    """
    text = text.strip()
    if not text:
        return None
    if kind == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(_prompt_text("prompt.bad_date", lang)) from None
    if kind in ("months", "month", "count"):
        limits = {"months": (0, 120), "month": (1, 12), "count": (1, 4)}[kind]
        if not text.isdigit() or not limits[0] <= int(text) <= limits[1]:
            raise ValueError(_prompt_text("prompt.bad_whole", lang, low=limits[0], high=limits[1]))
        return int(text)
    if kind == "amount":
        amount = parse_amount(text)
        if amount is None:
            raise ValueError(_prompt_text("prompt.bad_amount", lang))
        return amount
    if kind in ("flag", "conditional", "yesno"):
        answer = text.lower()
        if answer in ("ja", "j", "yes", "y", "true"):
            return True
        if answer in ("nei", "n", "no", "false"):
            return False
        raise ValueError(_prompt_text("prompt.bad_choice", lang, choices="ja / nei"))
    return text


_KINDS: dict[str, tuple[str, int, int]] = {
    "months": ("whole", 0, 120),
    "month": ("whole", 1, 12),
    "count": ("whole", 1, 4),
    "flag": ("yesno", 0, 0),
    "conditional": ("yesno", 0, 0),
}
_HOW_TO_WRITE = re.compile(r"\s*\((?:ÅÅÅÅ-MM-DD|[^()]*per lin[je]e?)\)")


def agreement_form(
    root: Path, values: dict[str, Any], lang: str, terms: dict[str, str], previous: str | None
) -> Form:
    """The questions of ``new-agreement`` as a form over the agreement's values.

    A conditional item's details are asked only after «ja»; the last question, when an
    agreement is in force, is whether the new one replaces it (``_supersedes``).
    """

    def say(value: Any) -> str:
        return texts.fill(texts.localized(value, lang), terms)

    def asked(item: FormItem, base: str, group: str, current: dict[str, Any]) -> list[Question]:
        path = f"{base}{item.field}"
        label = _HOW_TO_WRITE.sub("", say(item.ask))
        kind, low, high = _KINDS.get(item.kind, (item.kind, 0, 999))
        suggest = item.default if item.default and "." not in item.default else None
        common: dict[str, Any] = {"group": group, "explain": say(item.why), "secret": item.secret}
        if item.kind == "conditional":
            found = [Question(f"{path}.agreed", "yesno", label, **common)]
            if get(current, f"{path}.agreed") is True:
                for detail in item.details:
                    found += asked(detail, f"{path}.", group, current)
            return found
        if item.kind == "collective":
            clause = _prompt_text("prompt.clause", lang)
            return [
                Question(f"{path}.0.name", "text", label, **common),
                Question(f"{path}.0.clause", "text", clause, **common),
            ]
        return [Question(path, kind, label, low=low, high=high, suggest=suggest, **common)]

    def questions(current: dict[str, Any]) -> list[Question]:
        found: list[Question] = []
        for group in form():
            for item in group.items:
                found += asked(item, "", say(group.title), current)
        if previous is not None:
            label = _prompt_text("prompt.supersedes", lang, name=previous)
            found.append(Question("_supersedes", "yesno", label.replace(" (ja/nei)", "")))
        return found

    start = dict(values)
    if previous is not None:
        start.setdefault("_supersedes", True)
    return Form("avtale", lang, questions, start, Agreement, root)


def _prompt_text(key: str, lang: str, **params: Any) -> str:
    section, _, name = key.partition(".")
    return texts.fill(
        texts.localized(texts.data_file("messages.yaml")[section][name], lang), params
    )


def employed_since(record: LoadedRecord, context: RepositoryContext) -> dt.date | None:
    """When the employment began, if before this agreement; None when it is the first.

    The start of the earliest agreement in the chain this one supersedes with the same chief
    executive: an agreement renewed in 2025 for someone employed since 2008 says so.
    """
    model = record.model
    assert isinstance(model, Agreement)
    name = model.employee.name if model.employee else None
    by_stem = {r.stem: r.model for r in context.agreements if isinstance(r.model, Agreement)}
    earliest: dt.date | None = None
    seen = {record.stem}
    current = model
    while name and current.supersedes and current.supersedes not in seen:
        seen.add(current.supersedes)
        older = by_stem.get(current.supersedes)
        if older is None or not older.employee or older.employee.name != name:
            break
        if older.start_date is not None:
            earliest = older.start_date
        current = older
    if earliest is not None and model.start_date is not None and earliest < model.start_date:
        return earliest
    return None


def _signers(agreement: Agreement, context: RepositoryContext) -> list[dict[str, Any]]:
    """Who signs: as the record has it, or the mayor for the council and the chief executive."""
    words = context.terms()
    if agreement.signatures:
        return [
            {"name": s.name or "", "role": s.on_behalf_of or "", "date": s.date}
            for s in agreement.signatures
        ]
    settings = context.settings_model
    body = settings.employer_body if settings else None
    mayor = (
        next((m.name for m in (body.members or []) if m.role == "mayor"), None) if body else None
    )
    employee = agreement.employee.name if agreement.employee else None
    title = agreement.title or words["ce_title"]
    return [
        {
            "name": mayor or "",
            "role": f"{words['mayor_title']}, for {words['council']}",
            "date": None,
        },
        {"name": employee or "", "role": title, "date": None},
    ]


def draft_context(agreement: Agreement, context: RepositoryContext) -> dict[str, Any]:
    """Return what the agreement template sees: public data only."""
    from utvikling.render.projection import public

    settings = context.settings_model
    words = parties(context)
    title = agreement.title or words["ce_title"]
    return {
        **words,
        "agreement": public(agreement),
        "settings": public(settings) if settings else None,
        "ce_title": title,
        "ce": texts.definite(title),
        "lang": context.language,
        "final": False,
        "missing": [],
        "employed_since": None,
        "signers": _signers(agreement, context),
    }


@dataclass
class Draft:
    """A rendered agreement (a draft, or the final text) and where it was written."""

    path: Path
    gaps: list[str]
    files: list[Path] = field(default_factory=list)
    final: bool = False
    missing: list[str] = field(default_factory=list)


def open_items(record: LoadedRecord, findings: list[Finding]) -> list[str]:
    """What is still open in an agreement: its errors and warnings, each once."""
    missing: list[str] = []
    for finding in findings:
        open_item = finding.file == record.path and finding.severity in ("error", "warning")
        if open_item and finding.message not in missing:
            missing.append(finding.message)
    return missing


def agreement_spec(
    root: Path,
    record: LoadedRecord,
    context: RepositoryContext,
    findings: list[Finding],
    options: DocumentOptions,
) -> tuple[DocumentSpec, bool, list[str]]:
    """The agreement document of ``record``: the final text when it is complete, else a draft.

    Final means adopted (``status: adopted`` and the council's decision dated), with no open
    item (no error or warning of the checklist) and no gap in the text. Anything else is a
    draft, marked UTKAST, that lists every open item. Returns (spec, final, open items).
    """
    from utvikling.render.catalog import search_path
    from utvikling.render.documents import render_document

    model = record.model
    assert isinstance(model, Agreement)
    lang = context.language
    template = f"documents/{lang}/agreement.md.j2"
    source = Source.of(root, f"agreements/{Path(record.path).name}")
    template_context = draft_context(model, context)
    template_context["employed_since"] = employed_since(record, context)
    missing = open_items(record, findings)
    adopted = model.status == "adopted" and bool(model.adoption and model.adoption.date)
    if not adopted:
        missing.append(_document_text("not_adopted", lang, council=context.terms()["council"]))
    template_context["final"] = True
    trial = render_document(
        template,
        template_context,
        lang=lang,
        root=template_context["agreement"],
        sources=[source],
        day=options.day,
        search_path=search_path(root / layout.TEMPLATES_DIR, options.templates),
    )
    if trial.gaps:  # never a final-looking text with a gap in it; every gap is an open item
        missing.append(_document_text("gaps_in_text", lang, labels=", ".join(trial.gaps)))
    final = not missing
    template_context["final"] = final
    template_context["missing"] = missing
    prefix = FINAL_PREFIX if final else DRAFT_PREFIX
    spec = DocumentSpec(
        options.folder(root) / f"{prefix}{record.stem}.md",
        template,
        template_context,
        [source],
        root=template_context["agreement"],
        withheld=withheld(model, lang),
    )
    return spec, final, missing


def _document_text(key: str, lang: str, **params: Any) -> str:
    entry = texts.data_file("messages.yaml")["document"][key]
    return texts.fill(texts.localized(entry, lang), params)


def write_draft(
    root: Path,
    record: LoadedRecord,
    context: RepositoryContext,
    findings: list[Finding],
    options: DocumentOptions,
) -> Draft:
    """Render the agreement of ``record``: the final text when complete, else the draft.

    Raises:
        FileExistsRefusedError: the document exists and was edited by hand (without ``force``).
    """
    spec, final, missing = agreement_spec(root, record, context, findings, options)
    written = write_documents(root, context, [spec], options)
    return Draft(spec.target, written.rendered[0].gaps, written.files, final, missing)


write_agreement = write_draft


def find_agreement(context: RepositoryContext, reference: str | None) -> LoadedRecord | None:
    """The agreement ``reference`` names, or the one in force when none is given.

    ``reference`` is its file name in ``agreements/``, with or without ``.yaml``.
    """
    if reference is None:
        return context.current_agreement()
    stem = Path(reference).name.removesuffix(".yaml")
    return next((r for r in context.agreements if r.stem == stem), None)


@dataclass
class RenderedAgreement:
    """What :func:`render_agreement` wrote."""

    document: Draft
    shown: str
    """The agreement record's path as the user sees it."""
    lang: str


def render_agreement(
    root: Path,
    reference: str | None,
    options: DocumentOptions,
    *,
    base: Path | None = None,
) -> RenderedAgreement:
    """Render an existing agreement record: the final agreement when complete, else a draft.

    Raises:
        RepositoryNotFoundError: ``root`` holds no repository.
        InputError: no agreement of that name (or none at all).
        FileExistsRefusedError: the document was edited by hand (without ``force``).
    """
    result = check_repository(root, CheckOptions(today=options.day), base=base)
    assert result.loaded is not None
    context = result.loaded.context
    record = find_agreement(context, reference)
    if record is None or not isinstance(record.model, Agreement):
        name = reference or "agreements/"
        message, hint = texts.message("N006", context.language, {"name": name})
        raise InputError(message, hint=hint, file=root / "agreements")
    document = write_draft(root, record, context, result.findings, options)
    return RenderedAgreement(document, record.path, context.language)


@dataclass(frozen=True)
class AgreementRequest:
    """What the user gave ``new-agreement``: answers, a start date, the agreement it replaces."""

    answers: Path | None = None
    start_date: dt.date | None = None
    supersedes: str | None = None


Asker = Callable[[Form], dict[str, Any]]
"""Runs the form of :func:`agreement_form` (on a terminal) and returns its values."""


@dataclass
class AgreementResult:
    """What :func:`new_agreement` did, and what is still open in the new agreement."""

    created: NewAgreement
    shown: str
    """The new record's path as the user sees it."""
    draft: Draft
    findings: list[Finding]
    lang: str
    recorded: Recorded = Recorded("skipped")


def new_agreement(
    root: Path,
    request: AgreementRequest,
    documents: DocumentOptions,
    *,
    ask: Asker | None = None,
    base: Path | None = None,
    commit: bool = True,
) -> AgreementResult:
    """Write a new agreement from defaults, answers and questions; render its draft; check it.

    Raises:
        InputError: the repository's settings do not load, or the answers are not usable.
        FileExistsRefusedError: the agreement or a hand-edited draft exists.
    """
    context = load_settings(root, documents.day, base=base)
    lang = context.language
    values = defaults(context)
    if request.answers is not None:
        values = deep_merge(values, read_answers(request.answers, lang))
    if request.start_date is not None:
        values["start_date"] = request.start_date
    values = follow_defaults(values)
    supersedes = request.supersedes
    if ask is not None:
        previous = context.current_agreement() if supersedes is None else None
        questions = agreement_form(
            root, values, lang, context.terms(), previous.stem if previous else None
        )
        values = ask(questions)
        chosen = values.pop("_supersedes", None)
        supersedes = supersedes or (previous.stem if chosen and previous else None)
    recording = Recording(root, lang, commit=commit, base=base)
    old = [root / "agreements" / f"{supersedes}.yaml"] if supersedes else []
    with recording.locked(old):
        recording.refuse_uncommitted(old)
        created = create_agreement(
            root, values, lang=lang, supersedes=supersedes, terms=context.terms()
        )
        changed = [created.path, *([created.superseded] if created.superseded else [])]
        name = created.path.stem
        if created.superseded is not None:
            recorded = recording.save(
                changed, "agreement_superseding", name=name, old=created.superseded.stem
            )
        else:
            recorded = recording.save(changed, "agreement_created", name=name)
    result = check_repository(root, CheckOptions(today=documents.day), base=base)
    assert result.loaded is not None
    reloaded = result.loaded.context
    record = next(r for r in reloaded.agreements if Path(r.path).name == created.path.name)
    draft = write_draft(root, record, reloaded, result.findings, documents)
    remaining = [f for f in result.findings if f.file == record.path]
    return AgreementResult(created, record.path, draft, remaining, lang, recorded)


__all__ = [
    "AgreementRequest",
    "AgreementResult",
    "Draft",
    "FormGroup",
    "FormItem",
    "NewAgreement",
    "create_agreement",
    "defaults",
    "draft_context",
    "form",
    "new_agreement",
    "render_agreement",
    "read_answers",
    "write_draft",
]
