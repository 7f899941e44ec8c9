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

.PHONY: run test setup setup-dev browser data clean

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

# Boundary cache (from $KS_GEO_SOURCE or the CBS/PDOK download) and the synthetic demo set keyed on it.
$(CACHE_STAMP):
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

run: setup
	@$(MAKE) --no-print-directory $(CACHE_STAMP) || echo "Let op: de kaartgegevens konden niet worden opgebouwd; de kaartpagina legt uit hoe. De rest van de app werkt."
	MALLOC_ARENA_MAX=$(MALLOC_ARENA_MAX) $(BIN)/python -m streamlit run app.py --server.port=$(PORT)

# lint-imports: the package layers and 'only ui imports streamlit / only storage opens a database' (.importlinter).
test: setup-dev browser $(CACHE_STAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) data/cache test-output
