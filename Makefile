# Two commands for a fresh machine:  `make run` (set up + start the app)  and  `make test` (set up + run all tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Folder with CBS boundary files in the format of ../shared/geo; empty = download the official CBS/PDOK files.
KS_GEO_SOURCE ?= $(wildcard ../shared/geo)
export KS_GEO_SOURCE

.PHONY: run test setup setup-dev data clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt

setup-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt

run: setup
	$(BIN)/python -m streamlit run app.py --server.port=$(PORT)

test: setup-dev
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) data/cache test-output
