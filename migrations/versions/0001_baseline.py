"""Baseline: the empty schema that later migrations build on.

It lets `make run` create the database and record its version from the
very first release, so every later change is an ordinary upgrade.

Revision ID: 0001
Revises: 
Create Date: 2026-11-21 20:22:44.190834

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
