"""The database: documents now; incidents, claims and evidence in the extraction stage."""

from cybertrack.store.database import Database, StoreError, default_db_path
from cybertrack.store.documents import DocumentStore, Outcome

__all__ = ["Database", "DocumentStore", "Outcome", "StoreError", "default_db_path"]
