# Two commands for a fresh machine:  `make run` (set up + start the app)  and  `make test` (set up + run all tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Folder with CBS boundary files in the format of ../shared/geo; empty = download the official CBS/PDOK files.
KS_GEO_SOURCE ?= $(wildcard ../shared/geo)
export KS_GEO_SOURCE
CACHE_STAMP := data/cache/.built
GEO_ARGS := $(if $(KS_GEO_SOURCE),--from $(KS_GEO_SOURCE),--download)

.PHONY: run workshop test setup setup-dev browser servers data clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt

setup-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt

# Debian's Chromium for the browser tests and screenshots (Playwright's own browser download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Installeer Chromium: sudo apt-get install chromium (browsertests worden anders overgeslagen)"; fi; }

# Debian's PostgreSQL server binaries and nginx for the storage tests on PostgreSQL and the two-server test
# (issue 17). Only the binaries are used: the tests start their own servers on 127.0.0.1 (no system service).
servers:
	@{ ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && [ -x /usr/sbin/nginx ]; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends postgresql nginx-light >/dev/null \
	    && { systemctl disable --now nginx postgresql >/dev/null 2>&1 \
	         || { service nginx stop; service postgresql stop; } >/dev/null 2>&1 || true; }; \
	  else echo "Installeer PostgreSQL en nginx: sudo apt-get install postgresql nginx-light (die tests worden anders overgeslagen)"; fi; }

# Boundary cache (from $KS_GEO_SOURCE or the CBS/PDOK download) and the synthetic demo set keyed on it;
# rebuilt when the code that builds them changes (e.g. the population proxy of the synthetic births).
$(CACHE_STAMP): $(wildcard ks_data/geo/*.py) ks_data/perinatal/synthetic.py
	$(BIN)/python -m ks_data.geo $(GEO_ARGS)
	$(BIN)/python -m ks_data.perinatal.synthetic
	@touch $@

data: setup
	rm -f $(CACHE_STAMP)
	$(MAKE) --no-print-directory $(CACHE_STAMP)

# MALLOC_ARENA_MAX=2: glibc gives every new thread (Streamlit runs each session's script in one) a malloc
# arena of its own, up to 8 per core, so the server's memory crept up ~10% over the first sessions and
# stayed there (not a leak). Two arenas keep it flat (bench/RESULTS.md, issue 7).
MALLOC_ARENA_MAX ?= 2

# `make run` listens on this computer only (127.0.0.1): a laptop on a cafe's wifi does not publish the
# coalition's work. `make workshop` listens on the network, so participants' phones can join (issue 14).
run: setup
	@$(MAKE) --no-print-directory $(CACHE_STAMP) || echo "Let op: de kaartgegevens konden niet worden opgebouwd; de kaartpagina legt uit hoe. De rest van de app werkt."
	MALLOC_ARENA_MAX=$(MALLOC_ARENA_MAX) $(BIN)/python -m streamlit run app.py --server.port=$(PORT) --server.address=127.0.0.1

# runner.postScriptGC=false: Streamlit's full garbage collection after every rerun held the GIL for ~30 ms, which
# capped one server at ~12 reruns/s; a room of 30 phones needs more (Python's own collector still runs).
WORKSHOP_OPTIONS := --runner.postScriptGC=false

workshop: setup
	@$(MAKE) --no-print-directory $(CACHE_STAMP) || echo "Let op: de kaartgegevens konden niet worden opgebouwd; de kaartpagina legt uit hoe. De rest van de app werkt."
	@echo "Workshop: de app is bereikbaar voor iedereen op dit netwerk. Open het Workshop: groepsscherm voor het adres en de QR-code."
	MALLOC_ARENA_MAX=$(MALLOC_ARENA_MAX) $(BIN)/python -m streamlit run app.py --server.port=$(PORT) --server.address=0.0.0.0 $(WORKSHOP_OPTIONS)

# lint-imports: the package layers and 'only ui imports streamlit / only storage opens a database' (.importlinter).
test: setup-dev browser servers $(CACHE_STAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) data/cache static/cache test-output
