"""The ``utvikling`` command: parse arguments, call the library, print.

The commands, their help and the framework's words are listed in ``data/cli.yaml``; the root
group (:class:`utvikling.cli._norsk.LazyGroup`) imports a command's module only when that
command is used, so ``utvikling --help`` and ``--version`` are fast. Exit codes: 0 ok; 1
findings at error level (or warnings with ``--strict``), invalid input or a refused write; 2
wrong use of the command; 130 interrupted (Ctrl-C).

A command may also be registered here with ``app.command(...)(function)``; it is listed after
those in ``data/cli.yaml``, gets the Norwegian epilog and the shared parameters' help, and takes
its own help from an entry of the same name in ``data/cli.yaml`` (``short``, ``help``,
``params``, without ``module``) when there is one.
"""

from __future__ import annotations

import typer

from utvikling._version import __version__
from utvikling.cli._norsk import LazyGroup

EXIT_CODES_HELP = ""
"""For ``app.command(..., epilog=EXIT_CODES_HELP)`` lines; the epilog is from ``cli.yaml``."""

# Tracebacks must never show local variables: records hold salaries and evaluations.
app = typer.Typer(
    name="utvikling",
    cls=LazyGroup,
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"utvikling {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True),
) -> None:
    """Records, checks and documents for the council as employer of the chief executive."""
