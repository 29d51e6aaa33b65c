"""``python -m utvikling``: the same as the ``utvikling`` command."""

from utvikling.cli import main

main()
