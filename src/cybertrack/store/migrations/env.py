"""Alembic's entry point: migrations run on the connection `store.migrations` hands over, inside its transaction
(and so under cybertrack's write lock); batch mode lets SQLite alter tables it cannot ALTER in place."""

from alembic import context

from cybertrack.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
