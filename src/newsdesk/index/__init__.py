"""The index: embeddings, the Chroma store and its snapshot, the BM25 index, the incremental
reindex, its integrity check, and hybrid retrieval of passages from the active snapshot.
"""
