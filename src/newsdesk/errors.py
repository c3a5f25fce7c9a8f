"""The exceptions newsdesk raises on purpose.

Each message says what went wrong and what to do about it; the CLI and the
chat translate them once, at their boundary, into a line for the user.
"""

from __future__ import annotations

from pathlib import Path


class NewsdeskError(Exception):
    """Base class: an error the user can act on, never a programming bug."""


class ConfigError(NewsdeskError):
    """A setting, config file or environment variable has a bad value."""


class RequestError(NewsdeskError):
    """A question's options (filters, dates) are malformed or too large."""


class CorpusError(NewsdeskError):
    """One article could not be read or parsed; the rest of the corpus is unaffected."""

    def __init__(self, path: Path | str, reason: str, doc_id: str | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.doc_id = doc_id
        super().__init__(f"{self.path}: {reason}")


class StoreError(NewsdeskError):
    """The index store is missing, unreadable or from an incompatible version."""


class StoreLockedError(StoreError):
    """Another process is reindexing the same store."""


class EmptyIndexError(StoreError):
    """The store holds no documents: never built, emptied, or its snapshot deleted."""

    def __init__(self, store: Path | str) -> None:
        super().__init__(
            f"The index at {store} is missing or empty; build it with `newsdesk reindex --corpus DIR` "
            "(or the chat's Reindex button)."
        )


class MassDeleteError(NewsdeskError):
    """A reindex would delete most of the index (a wrong or unmounted corpus folder?); nothing was changed."""

    def __init__(self, deleting: int, indexed: int, max_share: float) -> None:
        self.deleting = deleting
        self.indexed = indexed
        super().__init__(
            f"This reindex would delete {deleting} of the {indexed} indexed documents "
            f"(more than {max_share:.0%}); nothing was changed. Check the corpus folders; if the articles "
            "really are gone, run `newsdesk reindex --allow-mass-delete` (or raise max_delete_share)."
        )


class DocumentNotFoundError(NewsdeskError):
    """A document id that is not in the index."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        super().__init__(
            f"No document {doc_id!r} in the index. `newsdesk status` lists the documents."
        )


class EvalSetError(NewsdeskError):
    """An eval set line is malformed; names file, line and field."""

    def __init__(self, path: Path | str, line: int, field: str, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.field = field
        self.reason = reason
        super().__init__(f"{self.path}:{line}: field {field!r}: {reason}")


class ModelUnavailableError(NewsdeskError):
    """The embedding model could not be loaded from its local path."""


class PackageDataError(NewsdeskError):
    """A data file shipped inside the package (the judge, the synonym table) is missing or unreadable."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(
            f"{path}: {problem}. This file ships with newsdesk; reinstall it (`make install`, or "
            "`pip install --force-reinstall .` in the checkout)."
        )


class LlmUnavailableError(NewsdeskError):
    """The llm answerer was asked for, but its optional dependencies or its model file are missing."""
