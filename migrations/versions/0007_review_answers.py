"""Weekly reviews also ask whether the foot drags, whether leg pain woke the person on most nights,
and whether they are struggling to cope. Reviews saved before say no to each.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 12:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

ANSWERS = ('foot_drags', 'woken_most_nights', 'struggling')


def upgrade():
    with op.batch_alter_table('plan_reviews') as batch_op:
        for name in ANSWERS:
            batch_op.add_column(sa.Column(name, sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('plan_reviews') as batch_op:
        for name in reversed(ANSWERS):
            batch_op.drop_column(name)
