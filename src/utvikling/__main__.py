"""``python -m utvikling``: the same as the ``utvikling`` command."""

from utvikling._entry import main

main()
