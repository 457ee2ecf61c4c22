"""An index on claims by stance: "every denial", "every self-claim" are questions analysts ask the claims table.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a claims table created since the database was made (by create_all) has the index already
    if "ix_claims_stance" not in {index["name"] for index in sa.inspect(op.get_bind()).get_indexes("claims")}:
        op.create_index("ix_claims_stance", "claims", ["stance"])


def downgrade() -> None:
    op.drop_index("ix_claims_stance", table_name="claims")
