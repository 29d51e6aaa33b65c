"""``utvikling overview``: a folder of many repositories at a glance, and the national figures.

Every repository is checked as ``check`` checks it (:func:`~utvikling.actions.check.check_path`,
in several processes for large folders); while its records are loaded, :func:`summarize` makes
one small :class:`Row` of it and the findings are dropped, so memory does not grow with the
number of repositories. The national figures are counted from the rows, beside the figures the
KS FoU report gives (``data/fou.yaml``, validated by the schema below).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from utvikling import texts
from utvikling.actions.check import CheckOptions, RepositoryResult, check_path
from utvikling.actions.status import describe, municipality_number
from utvikling.actions.status import word as status_word
from utvikling.errors import UsageError, UtviklingError
from utvikling.models import Agreement, Plan
from utvikling.records.cycle import (
    add_months,
    agreement_end,
    cycle_steps,
    in_force,
    months_between,
    next_step,
)
from utvikling.records.loaded import RepositoryContext

FOU_FILE = "fou.yaml"
KINDS = ("kommune", "fylkeskommune")
AgreementState = Literal["in_force", "expired", "not_started", "missing"]


# --- the FoU figures -------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(_Strict):
    """A text in bokmål and nynorsk."""

    nb: str
    nn: str

    def get(self, lang: str) -> str:
        """Return the text in ``lang`` (bokmål when ``lang`` is unknown)."""
        return self.nn if lang == "nn" else self.nb


class Published(_Strict):
    """A figure as the FoU report gives it."""

    percent: float
    tag: Literal["FoU"]
    text: Localized
    note: Localized | None = None


class Figure(_Strict):
    """One national figure: what it is, how it is computed, and the report's figure."""

    label: Localized
    definition: Localized
    fou: Published | None


class Figures(_Strict):
    """Every figure, in the order they are printed; each named, so a typo is an error."""

    conversation_12_months: Figure
    written_plan: Figure
    goals_anchored: Figure
    result_requirements: Figure


class FouData(_Strict):
    """The whole ``fou.yaml``."""

    source: Localized
    figures: Figures


FIGURES: tuple[str, ...] = tuple(Figures.model_fields)


@cache
def fou_data() -> FouData:
    """Return the validated FoU data (read once).

    Raises:
        UtviklingError: the data file does not match its schema.
    """
    document = texts.data_document(FOU_FILE)
    try:
        return FouData.model_validate(document.data)
    except ValidationError as exc:
        error = exc.errors(include_url=False, include_input=False)[0]
        line, column = document.position(
            tuple(error["loc"]), key=error["type"] == "extra_forbidden"
        )
        raise UtviklingError(
            f"{FOU_FILE}:{line}:{column}: {'.'.join(map(str, error['loc']))}: {error['msg']}",
            hint="Rett feltet som er nevnt; se forklaringen øverst i fou.yaml.",
            file=FOU_FILE,
            line=line,
            column=column,
        ) from None


# --- one row per repository ------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One municipality: small, so that hundreds of them cost next to nothing."""

    path: str
    name: str
    number: str
    kind: str
    language: str
    agreement: str
    """The agreement's file name (its start date), or empty."""
    agreement_end: dt.date | None
    agreement_state: AgreementState
    errors: int
    warnings: int
    infos: int
    plan: str
    """The plan in force (its file name), or empty."""
    goals: int
    anchored: int
    measurable: int
    """Goals with an indicator that has a target."""
    last_conversation: dt.date | None
    months_since: int | None
    minutes_reported: bool | None
    """Whether the last conversation's minutes are reported; None when it has no minutes."""
    next_step: str
    next_due: dt.date | None
    next_state: str
    """The next step's state id (``overdue``, ``due`` …), or empty."""
    conversation_12_months: bool
    written_plan: bool
    goals_anchored: bool
    result_requirements: bool
    loaded: bool = True
    """False when the settings did not load (the row then has only the findings)."""

    def figure(self, name: str) -> bool:
        """This municipality's value of one national figure."""
        value: bool = getattr(self, name)
        return value


def _anchored(goal: Any) -> bool:
    """As rule P103: the goal names a plan or a decision."""
    return any(a.title or a.case_number for a in goal.anchoring or [])


def _measurable(goal: Any) -> bool:
    """As rule P104: the goal has an indicator with a name and a target."""
    return any(i.name and i.target for i in goal.indicators or [])


def _agreement(context: RepositoryContext) -> tuple[str, dt.date | None, AgreementState, Any]:
    record = context.started_agreement(context.today)
    if record is None or not isinstance(record.model, Agreement):
        return "", None, "missing", None
    model = record.model
    end = agreement_end(model)
    if in_force(record, context.today):
        return record.stem, end, "in_force", model
    started = model.start_date is None or model.start_date <= context.today
    return record.stem, end, "expired" if started else "not_started", None


def row_of(result: RepositoryResult, lang: str) -> Row:
    """Make the overview's row of one repository from its check result (records loaded)."""
    counts = {s: result.count(s) for s in ("error", "warning", "info")}
    loaded = result.loaded
    if loaded is None or loaded.context.settings is None:
        return Row(
            result.root, result.municipality, result.number, "", result.language, "", None,
            "missing", counts["error"], counts["warning"], counts["info"], "", 0, 0, 0, None,
            None, None, "", None, "", False, False, False, False, loaded=False,
        )  # fmt: skip
    context = loaded.context
    today = context.today
    stem, end, state, agreement = _agreement(context)
    plan_record = context.plan_covering(today)
    plan = plan_record.model if plan_record and isinstance(plan_record.model, Plan) else None
    goals = list(plan.goals or []) if plan else []
    anchored = sum(1 for g in goals if _anchored(g))
    measurable = sum(1 for g in goals if _measurable(g))
    last = context.last_conversation(today)
    minutes = last.minutes if last else None
    reported = None
    if last is not None and minutes is not None:
        reported = bool(
            minutes.reported and minutes.reported.date and minutes.reported.date <= today
        )
    procedures = agreement.procedures if agreement else None
    expectations = procedures.expectations if procedures else None
    has_procedure = expectations is not None and any(
        getattr(expectations, name) for name in type(expectations).model_fields
    )
    steps = cycle_steps(context)
    upcoming = next_step(steps)
    # The overview's words, whatever each repository writes in.
    view = describe([upcoming], replace(context, language=lang))[0] if upcoming else None
    return Row(
        path=result.root,
        name=context.municipality_name,
        number=municipality_number(context),
        kind=context.kind,
        language=result.language,
        agreement=stem,
        agreement_end=end,
        agreement_state=state,
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        plan=plan_record.stem if plan_record else "",
        goals=len(goals),
        anchored=anchored,
        measurable=measurable,
        last_conversation=last.date if last else None,
        months_since=months_between(last.date, today) if last and last.date else None,
        minutes_reported=reported,
        next_step=view.label if view else "",
        next_due=upcoming.due if upcoming else None,
        next_state=upcoming.state if upcoming else "",
        conversation_12_months=bool(last and last.date and last.date > add_months(today, -12)),
        written_plan=bool(goals),
        goals_anchored=bool(goals) and anchored == len(goals),
        result_requirements=has_procedure and bool(goals) and measurable == len(goals),
    )


def summarize(lang: str, result: RepositoryResult) -> Row:
    """The row of one repository; its findings are counted and dropped here.

    Runs where the repository was checked (possibly another process), so only the row travels
    back to the process that prints the overview.
    """
    row = row_of(result, lang)
    result.findings = []
    return row


# --- the national figures ---------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    """How many municipalities of a kind have a figure, out of how many."""

    have: int
    of: int

    @property
    def percent(self) -> float | None:
        """The share in percent (one decimal), or None when there are none of this kind."""
        return round(100 * self.have / self.of, 1) if self.of else None


def national_figures(rows: Iterable[Row]) -> dict[str, dict[str, Count]]:
    """Each figure by kind (``kommune``, ``fylkeskommune``) and for ``all``."""
    counted = [r for r in rows if r.loaded]
    result: dict[str, dict[str, Count]] = {}
    for name in FIGURES:
        by_kind: dict[str, Count] = {}
        for kind in (*KINDS, "all"):
            group = [r for r in counted if kind == "all" or r.kind == kind]
            by_kind[kind] = Count(sum(1 for r in group if r.figure(name)), len(group))
        result[name] = by_kind
    return result


@dataclass
class Overview:
    """Every repository's row, and the national figures."""

    today: dt.date
    language: str
    rows: list[Row] = field(default_factory=list)

    def figures(self) -> dict[str, dict[str, Count]]:
        """The national figures of these rows."""
        return national_figures(self.rows)

    def to_dict(self) -> dict[str, Any]:
        """The overview as plain data for ``--json``."""
        data = fou_data()
        lang = self.language
        figures = []
        for name, by_kind in self.figures().items():
            figure = data.figures.__getattribute__(name)
            published = figure.fou
            figures.append(
                {
                    "id": name,
                    "label": figure.label.get(lang),
                    "definition": figure.definition.get(lang),
                    **{
                        kind: {"count": c.have, "of": c.of, "percent": c.percent}
                        for kind, c in by_kind.items()
                    },
                    "fou": None
                    if published is None
                    else {
                        "percent": published.percent,
                        "tag": published.tag,
                        "text": published.text.get(lang),
                        "note": published.note.get(lang) if published.note else None,
                    },
                }
            )
        return {
            "version": 1,
            "today": self.today.isoformat(),
            "municipalities": [_plain(asdict(row)) for row in self.rows],
            "figures": figures,
            "fou_source": data.source.get(lang),
        }


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def overview(
    path: Path,
    today: dt.date | None = None,
    *,
    language: str = "nb",
    jobs: int | None = None,
    base: Path | None = None,
    on_total: Callable[[int], None] | None = None,
    on_row: Callable[[Row], None] | None = None,
) -> Overview:
    """Check every repository below ``path`` and make its row; count the national figures.

    Args:
        path: a folder of records repositories (or one repository).
        today: the day to check for.
        language: the language of the words in the rows (``nb`` or ``nn``).
        jobs: processes to use; None picks several only for large folders.
        base: paths are shown relative to this folder when below it.
        on_total: told the number of repositories before the first is checked.
        on_row: told each row as it is made (for a progress bar).

    Raises:
        UsageError: ``language`` is neither nb nor nn.
        RepositoryNotFoundError: no repository at or below ``path``.
    """
    if language not in ("nb", "nn"):
        raise UsageError(
            "Skriv nb (bokmål) eller nn (nynorsk).", hint="For eksempel --language nn."
        )
    options = CheckOptions(today=today or dt.date.today())
    result = Overview(options.today, language)
    summary = functools.partial(summarize, language)
    for checked in check_path(
        path, options, jobs=jobs, base=base, summarize=summary, on_total=on_total
    ):
        row = checked.summary
        assert isinstance(row, Row)
        result.rows.append(row)
        if on_row is not None:
            on_row(row)
    result.rows.sort(key=lambda r: (r.kind != "kommune", r.name or r.path, r.path))
    return result


# --- words, CSV and XLSX ----------------------------------------------------------------------

COLUMNS: tuple[str, ...] = (
    "name",
    "number",
    "kind",
    "language",
    "agreement",
    "agreement_end",
    "agreement_state",
    "errors",
    "warnings",
    "infos",
    "plan",
    "goals",
    "anchored",
    "measurable",
    "last_conversation",
    "months_since",
    "minutes_reported",
    "next_step",
    "next_due",
    "next_state",
    "path",
)


def word(name: str, lang: str) -> str:
    """One of the overview's words (column headings, states) in ``lang``."""
    return texts.localized(texts.data_file("messages.yaml")["overview"][name], lang)


def headings(lang: str) -> list[str]:
    """The column headings, in ``lang``."""
    return [word(f"col_{name}", lang) for name in COLUMNS]


def cell(row: Row, name: str, lang: str) -> str | int | dt.date | None:
    """One cell of a row: numbers and dates as they are, the rest in words."""
    value: str | int | dt.date | None = getattr(row, name)
    if name == "agreement_state":
        return word(f"agreement_{value}", lang)
    if name == "next_state":
        return status_word(str(value), lang) if value else ""
    if name == "language":
        return word(f"language_{value}", lang)
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    return value


def csv_text(report: Overview) -> str:
    """The rows as CSV for a spreadsheet: semicolons, a header row, dates as YYYY-MM-DD."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headings(report.language))
    for row in report.rows:
        values = [cell(row, name, report.language) for name in COLUMNS]
        writer.writerow(
            ["" if v is None else v.isoformat() if isinstance(v, dt.date) else v for v in values]
        )
    return out.getvalue()


WIDTHS = {"name": 26, "next_step": 48, "path": 36, "agreement_state": 14}


def xlsx_bytes(report: Overview) -> bytes:
    """The rows and the national figures as an Excel workbook (two sheets)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    lang = report.language
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = word("sheet_rows", lang)
    sheet.append(headings(lang))
    for row in report.rows:
        sheet.append([cell(row, name, lang) for name in COLUMNS])
    bold = Font(bold=True)
    for index, name in enumerate(COLUMNS, 1):
        sheet.cell(row=1, column=index).font = bold
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDTHS.get(
            name, max(10, len(headings(lang)[index - 1]) + 2)
        )
        if name in ("agreement_end", "last_conversation", "next_due"):
            for line in range(2, len(report.rows) + 2):
                sheet.cell(row=line, column=index).number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    figures = book.create_sheet(word("sheet_figures", lang))
    figures.append(figure_headings(lang))
    for values in figure_rows(report):
        figures.append(values)
    for index in range(1, len(figure_headings(lang)) + 1):
        figures.cell(row=1, column=index).font = bold
    for letter, width in zip("ABCDEFG", (36, 14, 16, 12, 12, 60, 70), strict=True):
        figures.column_dimensions[letter].width = width
    for line in figures.iter_rows(min_row=2):
        for item in line[5:]:
            item.alignment = Alignment(wrap_text=True, vertical="top")
    figures.freeze_panes = "B2"
    figures.append([])
    figures.append([word("source", lang), fou_data().source.get(lang)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def figure_headings(lang: str) -> list[str]:
    """The headings of the national figures."""
    return [
        word(f"fig_{name}", lang)
        for name in ("figure", "kommune", "fylkeskommune", "all", "fou", "definition", "fou_text")
    ]


def share(count: Count) -> str:
    """«3 av 6 (50,0 %)», or «–» when there are none of this kind."""
    if not count.of:
        return "–"
    percent = f"{count.percent:.1f}".replace(".", ",")
    return f"{count.have}/{count.of} ({percent} %)"


def figure_rows(report: Overview) -> list[list[str]]:
    """The national figures as rows of text: the figure, by kind, the FoU figure, the notes."""
    lang = report.language
    data = fou_data()
    rows = []
    for name, by_kind in report.figures().items():
        figure: Figure = getattr(data.figures, name)
        published = figure.fou
        fou = "–"
        text = word("fou_none", lang)
        if published is not None:
            fou = f"{published.percent:.1f} % ({published.tag})".replace(".", ",")
            text = published.text.get(lang)
            if published.note is not None:
                text += " " + published.note.get(lang)
        rows.append(
            [
                figure.label.get(lang),
                *(share(by_kind[kind]) for kind in (*KINDS, "all")),
                fou,
                figure.definition.get(lang),
                text,
            ]
        )
    return rows
