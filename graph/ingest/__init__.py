"""Graph ingest: extraction results → Neo4j, idempotent and incremental, with provenance on every edge.

Public interface (others call these):
* `ingest_results(db, results, *, batch_size=500, progress=None) -> IngestSummary`
* `ingest_paths(db, paths, *, extractor=None, n_process=1, ...) -> IngestSummary`
* `delete_document(db, doc_id) -> IngestSummary` / `delete_documents(db, ids)`
"""

from graph.ingest.delete import delete_document, delete_documents
from graph.ingest.paths import ingest_paths, read_extraction_jsonl
from graph.ingest.run import ingest_results
from graph.ingest.summary import Failure, IngestSummary

__all__ = [
    "Failure",
    "IngestSummary",
    "delete_document",
    "delete_documents",
    "ingest_paths",
    "ingest_results",
    "read_extraction_jsonl",
]
