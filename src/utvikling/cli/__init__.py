"""The ``utvikling`` command: parse arguments, call the library, print.

Only light modules are imported here; each command imports what it needs when it runs, so
``utvikling --help`` and ``--version`` are fast. Exit codes: 0 ok; 1 findings at error level
(or warnings with ``--strict``), invalid input or a refused write; 2 wrong use of the command.
"""

from __future__ import annotations

import typer

from utvikling._version import __version__
from utvikling.cli.check import check
from utvikling.cli.history import history
from utvikling.cli.init import init
from utvikling.cli.minutes import app as minutes_app
from utvikling.cli.minutes import render_minutes
from utvikling.cli.new_agreement import new_agreement
from utvikling.cli.overview import overview
from utvikling.cli.plan import app as plan_app
from utvikling.cli.prepare import prepare_conversation
from utvikling.cli.render import render
from utvikling.cli.render_agreement import render_agreement
from utvikling.cli.rules import rules
from utvikling.cli.status import status
from utvikling.cli.templates import app as templates_app

EXIT_CODES_HELP = (
    "Exit codes: 0 = all is well; 1 = errors in the records (or warnings with --strict), "
    "invalid input, or a file that would be overwritten; 2 = wrong use of the command."
)

# Tracebacks must never show local variables: records hold salaries and evaluations.
app = typer.Typer(
    name="utvikling",
    help="Records, checks and documents for the council as employer of the chief executive "
    "(kommunedirektør). " + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"utvikling {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Records, checks and documents for the council as employer of the chief executive."""


app.command(epilog=EXIT_CODES_HELP)(init)
app.command(epilog=EXIT_CODES_HELP)(check)
app.command(epilog=EXIT_CODES_HELP)(rules)
app.command("new-agreement", epilog=EXIT_CODES_HELP)(new_agreement)
app.command("prepare-conversation", epilog=EXIT_CODES_HELP)(prepare_conversation)
app.command("render-minutes", epilog=EXIT_CODES_HELP)(render_minutes)
app.command("render-agreement", epilog=EXIT_CODES_HELP)(render_agreement)
app.command("render", epilog=EXIT_CODES_HELP)(render)
app.command("historikk", epilog=EXIT_CODES_HELP)(history)
app.command("history", epilog=EXIT_CODES_HELP, hidden=True)(history)
app.command(epilog=EXIT_CODES_HELP)(status)
app.command(epilog=EXIT_CODES_HELP)(overview)
app.add_typer(plan_app, name="plan")
app.add_typer(minutes_app, name="minutes")
app.add_typer(templates_app, name="templates")
