"""Old home of the content vocabularies; app.content has them now.

Kept only until app/pages.py and app/templating.py import from app.content; then delete it.
"""
from app.content import GOALS, POSITIONS, TIMES_OF_DAY

__all__ = ["GOALS", "POSITIONS", "TIMES_OF_DAY"]
