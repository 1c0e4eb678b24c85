# The two commands of the README: `make run` and `make test`. Both set everything up first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_PROFILE ?= var/demo-profile
DEMO_SERVER ?= var/demo-server

.PHONY: setup run test bench chaos clean-demo translations

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The console's browser tests (tests/integration/test_console_browser.py) drive Debian's
# Chromium; as root (CI) it is installed when missing, otherwise say what to install.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && apt-get install -y -qq chromium; \
	else echo "Note: $(CHROMIUM) is missing; install the 'chromium' package for the console's browser tests."; fi

setup: $(STAMP)

# A local central service (demo municipality) on loopback, the demo profile enrolled and
# synced, then the desktop; the service stops when the desktop closes (ui/demo.py).
run: setup
	$(BIN)/python -m ui.demo --profile $(DEMO_PROFILE) --passphrase demo \
		--server-data $(DEMO_SERVER)

test: setup $(CHROMIUM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 -q

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The randomized fault campaign (tests/chaos/campaign.py): RUNS seeded runs from SEED of three
# devices against a real service through faulty proxies, with kills; prints the figures and a
# one-line replay command for each failing seed. BACKEND: sqlite, postgresql, postgresql2 (two
# service processes on one PostgreSQL database) or all. FEATURES: the kinds of trouble a run
# may contain (default: all of them). MINUTES: start no run after that many minutes.
RUNS ?= 20
SEED ?= 1
BACKEND ?= sqlite
FEATURES ?=
STEPS ?= 16
KILL_RATE ?= 0.4
MINUTES ?=
chaos: setup
	$(BIN)/python -m tests.chaos.campaign --runs $(RUNS) --seed $(SEED) --backend $(BACKEND) \
		--steps $(STEPS) --kill-rate $(KILL_RATE) $(if $(FEATURES),--features $(FEATURES)) \
		$(if $(MINUTES),--minutes $(MINUTES))

clean-demo:
	rm -rf $(DEMO_PROFILE) $(DEMO_SERVER)

# Extract every translatable string into ui/i18n/consultant_app_en.ts (translations kept,
# new strings unfinished) and compile ui/i18n/consultant_app_en.qm.
translations: setup
	$(BIN)/python -m ui.i18n.update
