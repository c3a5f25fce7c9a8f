"""``python -m newsdesk.cli``: the same as the ``newsdesk`` command."""

from newsdesk.cli import main

main()
