"""Own routines: a routine a person builds (or is given by link), saved by the id its device made,
the last change winning; a delete is kept as a change without the definition.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 23:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('saved_routines',
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('definition', sa.JSON(), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('changed_at', sa.BigInteger(), nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['profiles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('profile_id', 'id')
    )


def downgrade():
    op.drop_table('saved_routines')
