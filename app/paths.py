"""Where the project's folders are: beside app/, not inside it."""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_ROOT / "templates"
STATIC_DIR = PROJECT_ROOT / "static"
ROUTINES_DIR = PROJECT_ROOT / "routines"
PICTURES_DIR = STATIC_DIR / "pictures"
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
TRANSLATIONS_DIR = PROJECT_ROOT / "translations"
