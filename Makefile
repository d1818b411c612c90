# Easeback: `make run` to try it, `make test` to prove it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app app

.PHONY: run serve test system-packages bench mutation check db migration screenshots pictures voice voice-sample clean \
	messages translations

# The virtualenv is rebuilt whenever the declared dependencies change.
$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/activate

## run: serve the app on http://127.0.0.1:$(PORT) with the SQLite database
run: db translations
	$(FLASK) run --debug --host 127.0.0.1 --port $(PORT)

## serve: production serving with gunicorn (needs FLASK_SECRET_KEY; DATABASE_URL optional;
## several workers need shared rate-limit counts, e.g. FLASK_RATELIMIT_STORAGE_URI=redis://127.0.0.1:6379)
WORKERS ?= 2
serve: $(BIN)/activate translations
	$(FLASK) db upgrade
	$(BIN)/gunicorn --config python:app.site.gunicorn_conf --workers $(WORKERS) --bind 127.0.0.1:$(PORT) \
	  --access-logfile - 'app:create_app()'

## messages: gather every translatable string into translations/messages.pot and bring each
## language's messages.po up to date with it (new strings empty, changed ones marked fuzzy)
messages: $(BIN)/activate
	$(BIN)/pybabel extract -F babel.cfg --no-location --no-wrap --sort-output -k lazy_gettext -k _l \
	  -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete --no-wrap

## translations: compile each language's messages.po into the messages.mo the app reads
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/messages.po))
translations: $(CATALOGUES)
translations/%.mo: translations/%.po $(BIN)/activate
	$(BIN)/pybabel compile --statistics -i $< -o $@

## db: create or upgrade the database to the latest migration
db: $(BIN)/activate
	FLASK_DEBUG=1 $(FLASK) db upgrade

## system-packages: the Debian packages the tests drive (installed as root, else the command is shown)
system-packages:
	@sh tools/system_packages.sh

## test: the whole suite: front-end unit tests (node), then pytest with the browser tests on
## SQLite, then all of pytest again on a throwaway PostgreSQL (Debian's pg_virtualenv)
test: system-packages $(BIN)/activate translations
	$(BIN)/ruff check .
	node --test tests/js/
	$(BIN)/pytest
	@echo "== The whole suite again, on PostgreSQL =="
	pg_virtualenv sh -c 'TEST_DATABASE_URL="postgresql+psycopg://$$PGUSER:$$PGPASSWORD@127.0.0.1:$$PGPORT/$$PGDATABASE" $(BIN)/pytest'

## migration: write a new migration from the models, e.g. make migration m="add favourites"
migration: $(BIN)/activate
	FLASK_DEBUG=1 $(FLASK) db migrate -m "$(m)"

## bench: measure transfer, precache, timers, server throughput and latency (wrk), a 60 s load
## test (Locust) on SQLite and, when installed, PostgreSQL, and Lighthouse when `npm ci` has
## been run; prints one table. Needs wrk (apt-get install wrk). PARTS="server" runs only some
## of pages, server, lighthouse.
$(VENV)/.bench: $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

bench: $(VENV)/.bench
	@if command -v pg_virtualenv >/dev/null; then \
	  pg_virtualenv $(BIN)/python -m bench $(PARTS); \
	else \
	  $(BIN)/python -m bench $(PARTS); \
	fi

## mutation: mutation testing, slow and not part of make test: mutmut changes the rule modules
## (pyproject.toml [tool.mutmut]) one change at a time and runs their tests; tools/mutate_js.py does
## the same for the pure front-end modules under node --test. Both list every surviving mutant.
$(VENV)/.mutation: $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[test,mutation]'
	touch $@

mutation: $(VENV)/.mutation
	rm -rf mutants
	$(BIN)/mutmut run
	$(BIN)/mutmut results
	$(BIN)/python -m tools.mutate_js

## check: validate all content (exercises, routines, the checklist)
check: $(BIN)/activate
	$(FLASK) content check

## voice: record the player's spoken cues into static/audio/voice/ with flite (voice slt), each
## clip at one loudness, the same bytes on every run (installs Debian's flite, sox, lame as root)
voice: $(BIN)/activate
	@sh tools/system_packages.sh voice
	$(BIN)/python -m tools.voice

## voice-sample: one routine's cues in the order the player says them, from the committed clips,
## as build/voice-sample.wav (not committed) to listen to; ROUTINE=<slug> picks another routine
ROUTINE ?= guided-walk
voice-sample: $(BIN)/activate
	@sh tools/system_packages.sh voice
	$(BIN)/python -m tools.voice --sample --routine $(ROUTINE)

## screenshots: PNGs of every page, in English and Spanish (390x844 and 360x640, light and dark, and 360x640 at 200% text) in screenshots/; fails naming any page that scrolls sideways
screenshots: $(BIN)/activate
	$(BIN)/python -m tools.screenshots

## pictures: check every pose (bone lengths, joint ranges, contacts, the floor, the working side,
## start and end positions), redraw the exercise pictures (static/pictures/) from them, then their
## square PNG artwork for the lock screen (static/pictures/artwork/) and a contact sheet of every
## picture at 320 px, light and dark, as drawn and mirrored (screenshots/pictures/), to look at
pictures: $(BIN)/activate
	$(BIN)/python -m tools.figures
	$(BIN)/python -m tools.artwork
	$(BIN)/python -m tools.figures.sheet screenshots/pictures

clean:
	rm -rf $(VENV) instance .pytest_cache
