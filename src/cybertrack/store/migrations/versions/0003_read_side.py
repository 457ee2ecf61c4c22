"""The read side in SQL: incidents gain their report count, sortable title and listing, and their facets, search
text and graph edges are written from the stored incidents; the full-text indexes of incidents and articles are made
and filled (`store.read_model`, `store.search`).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from cybertrack.store.incidents import incident_from_json, listed_columns
from cybertrack.store.read_model import replace_read_side
from cybertrack.store.schema import actor_victim_edges, incident_facets, incident_search, incidents
from cybertrack.store.search import create_search_indexes

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    # opening the database has made the tables and columns it lacked already (`store.Database`); a database
    # upgraded by Alembic alone gets them here
    inspector = sa.inspect(connection)
    columns = {column["name"] for column in inspector.get_columns("incidents")}
    indexes = {index["name"] for index in inspector.get_indexes("incidents")}
    for name, kind in (("reports", sa.Integer()), ("sort_title", sa.Text()), ("listing", sa.Text())):
        if name not in columns:
            op.add_column("incidents", sa.Column(name, kind))
        if name != "listing" and f"ix_incidents_{name}" not in indexes:
            op.create_index(f"ix_incidents_{name}", "incidents", [name])
    if "incidents_version" not in {column["name"] for column in inspector.get_columns("resolution_state")}:
        op.add_column("resolution_state", sa.Column("incidents_version", sa.Integer()))
    for table in (incident_facets, incident_search, actor_victim_edges):
        table.create(connection, checkfirst=True)
    create_search_indexes(connection, rebuild=True)
    stored = [incident_from_json(payload) for payload in connection.execute(sa.select(incidents.c.payload)).scalars()]
    for data in stored:
        connection.execute(sa.update(incidents).where(incidents.c.id == data["id"]).values(**listed_columns(data)))
    replace_read_side(connection, stored)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for trigger in ("document_fts_insert", "document_fts_delete", "document_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS document_fts")
        op.execute("DROP TABLE IF EXISTS incident_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_documents_words")
    for table in ("actor_victim_edges", "incident_search", "incident_facets"):
        op.drop_table(table)
    op.drop_column("resolution_state", "incidents_version")
    op.drop_index("ix_incidents_sort_title", table_name="incidents")
    op.drop_index("ix_incidents_reports", table_name="incidents")
    for column in ("listing", "sort_title", "reports"):
        op.drop_column("incidents", column)
