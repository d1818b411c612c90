"""Calendar feeds get an id of their own, so a profile can keep two subscriptions after a link.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 03:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

COLUMNS = "profile_id, token_hash, created_at"


def upgrade():
    # A new table copied across: SQLite cannot change a primary key in place.
    op.create_table('calendar_feeds_new',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['profiles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.execute(f"INSERT INTO calendar_feeds_new ({COLUMNS}) SELECT {COLUMNS} FROM calendar_feeds")
    op.drop_table('calendar_feeds')
    op.rename_table('calendar_feeds_new', 'calendar_feeds')
    op.create_index(op.f('ix_calendar_feeds_profile_id'), 'calendar_feeds', ['profile_id'], unique=False)


def downgrade():
    # One subscription a profile again: the newest of each profile's is kept.
    op.create_table('calendar_feeds_old',
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['profiles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('profile_id'),
    sa.UniqueConstraint('token_hash')
    )
    op.execute(f"INSERT INTO calendar_feeds_old ({COLUMNS}) SELECT {COLUMNS} FROM calendar_feeds AS feed "
               "WHERE NOT EXISTS (SELECT 1 FROM calendar_feeds AS newer WHERE newer.profile_id = feed.profile_id "
               "AND (newer.created_at > feed.created_at OR (newer.created_at = feed.created_at AND newer.id > feed.id)))")
    op.drop_index(op.f('ix_calendar_feeds_profile_id'), table_name='calendar_feeds')
    op.drop_table('calendar_feeds')
    op.rename_table('calendar_feeds_old', 'calendar_feeds')
