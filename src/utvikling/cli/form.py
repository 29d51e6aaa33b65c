"""The terminal side of the question forms: prompts with line editing, progress, pausing.

The questions, their order, parsing and validation are :mod:`utvikling.actions.form`; this
module only shows a :class:`~utvikling.actions.form.Prompt` and reads a line, with
prompt_toolkit (arrow keys edit the line instead of printing ``^[[A``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from utvikling.actions.form import Form, Prompt

INTERRUPTED = 130
"""The exit code after Ctrl-C, as shells use it."""


def _word(key: str, lang: str, **params: Any) -> str:
    from utvikling import texts

    entry = texts.data_file("forms.yaml")["words"][key]
    return texts.fill(texts.localized(entry, lang), params)


def read_line(text: str) -> str:
    """Read one line on the terminal, with line editing."""
    import os

    # A plain line prompt needs no cursor position; without this prompt_toolkit prints an
    # English warning on terminals that do not answer the request.
    os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")
    from prompt_toolkit import prompt

    return prompt(text)


def show_prompt(prompt: Prompt, lang: str) -> str:
    """Print where the user is and the question; return the typed line."""
    question = prompt.question
    if prompt.new_group and question.group:
        typer.echo("")
        typer.echo(typer.style(question.group, bold=True))
    if prompt.message:
        typer.echo(prompt.message)
    place = _word("progress", lang, n=prompt.number, total=prompt.total)
    line = f"{place} · {question.explain}" if question.explain else place
    typer.echo(typer.style(line, dim=True))
    if question.kind == "choice":
        typer.echo("  ".join(f"{n} {c.label}" for n, c in enumerate(question.choices, start=1)))
    default = f" [{prompt.shown}]" if prompt.shown else ""
    label = question.label
    if question.kind == "yesno" and "(ja/nei)" not in label:
        label += " (ja/nei)"
    return read_line(f"{label}{default}: ")


def run_form(form: Form) -> dict[str, Any]:
    """Run ``form`` on the terminal, offering to continue saved answers first.

    On Ctrl-C (or Ctrl-D) the answers so far are saved and the command ends with exit code 130.
    """
    from utvikling.actions.form import parse

    lang = form.lang
    saved = form.saved()
    if saved is not None and saved[0] > 0:
        from utvikling.actions.form import Question

        yes_no = Question("_resume", "yesno", _word("resume", lang, count=saved[0]))
        while True:
            try:
                reply = read_line(yes_no.label + " [ja]: ").strip() or "ja"
                again = parse(yes_no, reply, lang)
                break
            except ValueError as problem:
                typer.echo(str(problem))
            except (KeyboardInterrupt, EOFError):
                raise typer.Exit(INTERRUPTED) from None
        if again:
            form.resume()
    typer.echo(typer.style(_word("keys", lang), dim=True))
    try:
        values = form.run(lambda prompt: show_prompt(prompt, lang))
    except (KeyboardInterrupt, EOFError):
        path = form.pause()
        typer.echo("")
        if path is not None:
            typer.echo(_word("paused", lang, path=path.as_posix()), err=True)
        raise typer.Exit(INTERRUPTED) from None
    form.forget()
    return values
