"""newsdesk: a chat assistant over sourced news reports.

Every answer sentence cites the exact passage it rests on, every claim names
who made it, and nothing comes from outside the corpus.
"""

__version__ = "0.1.0"
