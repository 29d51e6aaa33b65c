"""The ``utvikling`` console script: answers ``--version`` before importing the CLI framework."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line."""
    if sys.argv[1:] == ["--version"]:
        from utvikling._version import __version__

        sys.stdout.write(f"utvikling {__version__}\n")
        return
    from utvikling.cli import app

    app()
