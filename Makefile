# Convenience targets; each is one command you could also type yourself.
PREFIX ?= /usr/local

.PHONY: setup build release test install sample clean

setup:            ## install system packages, build release, lint the sample
	scripts/setup.sh

build:
	swift build

release:
	swift build -c release

test:             ## the whole test suite (what CI runs)
	scripts/test.sh

install: release  ## copy the binary to $(PREFIX)/bin (rules are embedded in it)
	install -d $(PREFIX)/bin
	install -m 755 .build/release/edlint $(PREFIX)/bin/edlint

sample: build
	.build/debug/edlint samples/sample-article.md || true

clean:
	rm -rf .build

.PHONY: eval
DATA ?= ../shared/eval
eval: release     ## accuracy on labelled data: make eval [DATA=path]
	scripts/eval.py $(DATA)

.PHONY: bench
bench:            ## benchmark on ../shared/corpus (not a test): make bench [CORPUS=path]
	scripts/bench.sh $(CORPUS)

.PHONY: profile
profile:          ## instruction counts (callgrind) on 100 corpus files: make profile [CORPUS=path]
	scripts/profile.sh "" $(CORPUS)

.PHONY: asan
asan:             ## the whole suite under AddressSanitizer (debug build in .build-asan; a few minutes)
	swift test --sanitize=address --scratch-path .build-asan

.PHONY: fuzz
FUZZ_SECONDS ?= 60
fuzz:             ## libFuzzer over reading, source maps, sentences and all rules: make fuzz [FUZZ_SECONDS=600]
	scripts/fuzz.sh $(FUZZ_SECONDS)
