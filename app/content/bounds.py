"""How far a routine a person builds (or is given by link) may go: plain data, importing nothing."""

# The bounds an own routine is held to, here and (through app/rules.py, which pages and scripts
# read) by the builder's form, the shared link's reader and the player. Seconds for hold and
# rest, and for the whole routine as the player lays it out (sides, switches and rests counted).
OWN_ROUTINES = {
    "steps": (1, 20),
    "hold": (5, 120),  # an exercise timed by a hold
    "reps": (1, 30),  # an exercise counted in repetitions
    "rest": (0, 120),  # after a step (the last step's rest is never played)
    "most_seconds": 60 * 60,
    "name": 60,  # characters
    "often": 80,  # "how often", if the maker says
    "switch_sides": 5,  # seconds to change sides, as the built-in routines mostly give
    "slug_prefix": "own-",  # then the routine's id: an own routine's slug, in history and feedback
}
