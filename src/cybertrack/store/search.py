"""Full-text search over incidents and articles, in each database's own engine: SQLite's FTS5, PostgreSQL's text
search.

Neither engine's index is a table SQLAlchemy can describe portably, so they are made here, by the statements of the
database at hand: on SQLite, FTS5 tables over ``incident_search`` and ``documents`` (external content: the text is
stored once, the index beside it; triggers keep the articles' index in step with every write); on PostgreSQL, GIN
indexes on the text-search vectors of the same columns. A query is the words of what the user typed, each matched as
a word prefix ("lutr" finds "Lutrecht"), all of them required; nothing of the query's text is read as syntax.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, String, TextualSelect, column, text

_WORD = re.compile(r"\w+")
_SQLITE_TOKENIZER = "unicode61 remove_diacritics 2"  # "Séville" is found by "seville"
_DOCUMENT_TEXT = "coalesce(title, '') || ' ' || clean_text"

_SQLITE_INDEXES = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS incident_fts USING fts5(body, content='incident_search', content_rowid='id',"
    f" tokenize='{_SQLITE_TOKENIZER}')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS document_fts USING fts5(title, clean_text, content='documents',"
    f" content_rowid='id', tokenize='{_SQLITE_TOKENIZER}')",
    "CREATE TRIGGER IF NOT EXISTS document_fts_insert AFTER INSERT ON documents BEGIN"
    " INSERT INTO document_fts(rowid, title, clean_text) VALUES (new.id, new.title, new.clean_text); END",
    "CREATE TRIGGER IF NOT EXISTS document_fts_delete AFTER DELETE ON documents BEGIN"
    " INSERT INTO document_fts(document_fts, rowid, title, clean_text)"
    " VALUES ('delete', old.id, old.title, old.clean_text); END",
    "CREATE TRIGGER IF NOT EXISTS document_fts_update AFTER UPDATE OF title, clean_text ON documents BEGIN"
    " INSERT INTO document_fts(document_fts, rowid, title, clean_text)"
    " VALUES ('delete', old.id, old.title, old.clean_text);"
    " INSERT INTO document_fts(rowid, title, clean_text) VALUES (new.id, new.title, new.clean_text); END",
)
_POSTGRESQL_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_incident_search_words ON incident_search"
    " USING GIN (to_tsvector('simple', body))",
    f"CREATE INDEX IF NOT EXISTS ix_documents_words ON documents USING GIN (to_tsvector('simple', {_DOCUMENT_TEXT}))",
)


def create_search_indexes(connection: Connection, *, rebuild: bool = False) -> None:
    """Make the full-text indexes if they are not there; ``rebuild`` indexes what the tables hold already (a
    database made before them)."""
    if _sqlite(connection):
        for statement in _SQLITE_INDEXES:
            connection.exec_driver_sql(statement)
        if rebuild:
            connection.exec_driver_sql("INSERT INTO document_fts(document_fts) VALUES ('rebuild')")
            refresh_incident_search(connection)
    else:
        for statement in _POSTGRESQL_INDEXES:
            connection.exec_driver_sql(statement)


def refresh_incident_search(connection: Connection) -> None:
    """Index ``incident_search`` as it now is (it is rewritten whole with the incidents). PostgreSQL's index follows
    its table by itself."""
    if _sqlite(connection):
        connection.exec_driver_sql("INSERT INTO incident_fts(incident_fts) VALUES ('rebuild')")


def search_terms(query: str) -> list[str]:
    """The words of a query, case-folded: what is searched for."""
    return [word.casefold() for word in _WORD.findall(query)]


def incidents_matching(connection: Connection, query: str) -> TextualSelect:
    """A subquery of the ids of the incidents whose text holds every word of ``query`` (each as a word prefix)."""
    terms = search_terms(query)
    if not terms:
        statement = text("SELECT incident_id FROM incident_search WHERE 1 = 0")
    elif _sqlite(connection):
        statement = text("SELECT s.incident_id FROM incident_fts JOIN incident_search s ON s.id = incident_fts.rowid"
                         " WHERE incident_fts MATCH :incident_words").bindparams(incident_words=_fts5_query(terms))
    else:
        statement = text("SELECT incident_id FROM incident_search"
                         " WHERE to_tsvector('simple', body) @@ to_tsquery('simple', :incident_words)"
                         ).bindparams(incident_words=_tsquery(terms))
    return statement.columns(column("incident_id", String))


def documents_matching(connection: Connection, query: str, limit: int) -> list[str]:
    """The source ids of up to ``limit`` articles whose title or text holds every word of ``query``, best first."""
    terms = search_terms(query)
    if not terms:
        return []
    if _sqlite(connection):
        found = connection.execute(text(
            "SELECT d.source_id FROM document_fts JOIN documents d ON d.id = document_fts.rowid"
            " WHERE document_fts MATCH :words ORDER BY document_fts.rank LIMIT :limit"),
            {"words": _fts5_query(terms), "limit": limit})
    else:
        found = connection.execute(text(
            f"SELECT source_id FROM documents, to_tsquery('simple', :words) AS query"
            f" WHERE to_tsvector('simple', {_DOCUMENT_TEXT}) @@ query"
            f" ORDER BY ts_rank(to_tsvector('simple', {_DOCUMENT_TEXT}), query) DESC, id LIMIT :limit"),
            {"words": _tsquery(terms), "limit": limit})
    return list(found.scalars())


def _fts5_query(terms: list[str]) -> str:
    # each word quoted (FTS5 reads nothing inside quotes as syntax) and matched as a prefix
    return " ".join(f'"{term}"*' for term in terms)


def _tsquery(terms: list[str]) -> str:
    # \w+ words hold no tsquery operator
    return " & ".join(f"{term}:*" for term in terms)


def _sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"
