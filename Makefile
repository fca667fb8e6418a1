# 就业扶贫政策自助通 — one line a task. A fresh Debian machine with Python 3.11 needs only:
#   make run    (the site on http://localhost:8501)
#   make test   (every test: unit, app and end-to-end in Debian's Chromium)
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Every package of pyproject.toml (runtime and the test extra), transitive ones and pip included: pinned, with
# the sha256 of each of their files. `make lock` writes it.
LOCK := requirements.lock
UV_VERSION := 0.13.8

.PHONY: run test lint lock i18n i18n-check bench system-deps clean

# A fresh venv holding exactly the lock, nothing downloaded that the lock has no hash for (wheels only: no build
# step fetches a build backend). The project itself is not installed: pytest and streamlit run from the checkout.
$(STAMP): pyproject.toml $(LOCK)
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --require-hashes --only-binary :all: -r $(LOCK)
	touch $(STAMP)

# Rewrite the lock from pyproject.toml with a pinned uv in a throwaway venv. Pins already in the lock are kept
# while pyproject.toml allows them (new packages get the newest release); `make lock UPGRADE=1` takes the newest
# of everything. --universal: one lock for x86_64 and aarch64 (other systems' packages get a marker).
lock:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON))"; exit 1; }
	tool=$$(mktemp -d) && trap 'rm -rf "$$tool"' EXIT && \
	$(PYTHON) -m venv "$$tool" && "$$tool/bin/pip" install --quiet uv==$(UV_VERSION) && \
	printf 'pip\n' | UV_CACHE_DIR="$$tool/cache" "$$tool/bin/uv" pip compile --quiet pyproject.toml - --extra test \
	  --universal --python-version 3.11 --generate-hashes --custom-compile-command 'make lock' \
	  $(if $(UPGRADE),--upgrade) -o $(LOCK)

# PORT: the port visitors use (default 8501). serve.py is Streamlit's app compressed (ui/serving.py).
PORT ?= 8501

run: $(STAMP)
	@if [ -n "$$ZIZHUTONG_KIOSK" ] && [ -z "$$ZIZHUTONG_PUBLIC_URL" ]; then \
	  echo "WARNING: kiosk mode without ZIZHUTONG_PUBLIC_URL: the QR codes will hold this machine's own address," \
	       "which phones cannot open (set ZIZHUTONG_PUBLIC_URL=https://... )" >&2; fi
	$(PY) -m streamlit run serve.py --server.headless true --browser.gatherUsageStats false \
	  --server.address 0.0.0.0 --server.port $(PORT)

# Debian's chromium and a CJK font for the end-to-end tests (playwright install cannot download here), and
# nginx for the scale-out test (tests/deploy; nginx is in /usr/sbin, often not on a user's PATH).
system-deps:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi 'noto sans cjk' \
	    || ! { command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null || ! command -v openssl >/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk nginx openssl >/dev/null; \
	fi

test: $(STAMP) system-deps
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

# Extract messages, merge them into both catalogs (new entries need translating: the tests fail until they are).
# Then translate with: $(PY) -m i18n.catalogs translate zh_CN FILE.json   ({"English msgid": "中文", ...})
i18n: $(STAMP)
	$(VENV)/bin/pybabel extract -F pyproject.toml -k N_ -k Nn_:1,2 -c TRANSLATORS: --sort-by-file --no-location --omit-header \
	  -o i18n/messages.pot --project="jiuye-fupin-zizhutong" .
	for locale in zh_CN en; do \
	  if [ -f i18n/$$locale/LC_MESSAGES/messages.po ]; then \
	    $(VENV)/bin/pybabel update -i i18n/messages.pot -d i18n -l $$locale --no-fuzzy-matching --omit-header; \
	  else \
	    $(VENV)/bin/pybabel init -i i18n/messages.pot -d i18n -l $$locale; \
	  fi; \
	done
	$(PY) -m i18n.catalogs fill-en
	$(PY) -m i18n.catalogs check | tail -n 3

# Not part of `make test`: timings depend on the machine. Figures go to docs/performance.md.
bench: $(STAMP) system-deps
	$(PY) bench/roster_bench.py
	$(PY) bench/site_bench.py
	$(PY) bench/cli_bench.py --big
	$(PY) bench/ws_load.py --apps minimal resident employer institution broker --sessions 50 100 --duration 20
	$(PY) bench/ws_load.py --apps employer institution broker --sessions 100 150 --duration 20 --behind-nginx 2
	$(PY) bench/ws_soak.py --apps resident employer --sessions 30 --think 2 --duration 300

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
