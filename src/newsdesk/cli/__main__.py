"""`python -m newsdesk.cli`: the same command as `newsdesk`."""

from newsdesk.cli import main

main()
