"""`HybridRetriever`: newsdesk's hybrid search as a LangChain retriever.

Kept apart from `newsdesk.index.retrieval` because importing LangChain's
retriever base class imports its runnables and tracers (over a second of
start-up on this machine), which a one-question CLI run does not need.
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from newsdesk.index.lexical import Passage
from newsdesk.index.retrieval import HybridSearch, SearchFilters, SnapshotReader
from newsdesk.settings import ARTICLE_WEIGHT, DENSE_WEIGHT, FusionMode, RetrieverMode


class HybridRetriever(BaseRetriever):
    """Top-k passages for a query; metadata gains ``chunk_id``, ``score`` and ``rank``.

    Usage: ``HybridRetriever(reader=SnapshotReader(store), k=5).invoke("How many soldiers were wounded?")``.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    reader: SnapshotReader
    k: int = 5
    mode: RetrieverMode = "hybrid"
    candidates: int = 30
    rrf_k: int = 60
    filters: SearchFilters = SearchFilters()
    fusion: FusionMode = "convex"
    dense_weight: float = DENSE_WEIGHT
    article_weight: float = ARTICLE_WEIGHT

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun | None = None
    ) -> list[Document]:
        return self._search().invoke(query)

    def search(self, query: str) -> list[tuple[Passage, float]]:
        return self._search().search(query)

    def _search(self) -> HybridSearch:
        return HybridSearch(self.reader, self.k, self.mode, self.candidates, self.rrf_k, self.filters, self.fusion, self.dense_weight,
                            article_weight=self.article_weight)
