"""Draw the exercise pictures in static/pictures/ from poses (python -m tools.figures)."""
