"""The schema of the releases before migrations: databases they made are stamped here, after gaining the optional
columns they lacked (`store.Database`), and upgraded from here.

Revision ID: 0001
Revises:
"""

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to run: an empty database gets today's tables at once, and an older one is stamped, not built."""


def downgrade() -> None:
    """Nothing to undo."""
