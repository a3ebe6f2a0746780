# Convenience targets; each is one command you could also type yourself.
PREFIX ?= /usr/local

.PHONY: setup build release test install dist sample clean

setup:            ## install system packages, build release, lint the sample
	scripts/setup.sh

build:
	swift build

release:
	swift build -c release

test:             ## the whole test suite (what CI runs)
	scripts/test.sh

dist:             ## release tarball (static Swift runtime, man page, completions) and its checksum in .build/dist
	scripts/dist.sh

install: dist     ## the binary, man pages and completions under $(PREFIX) (rules are embedded in the binary)
	stage="$$(ls -d .build/dist/edlint-*-linux-*/ | head -n 1)"; \
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(PREFIX)/share/bash-completion/completions \
	  $(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d; \
	install -m 755 "$$stage/bin/edlint" $(PREFIX)/bin/edlint; \
	install -m 644 "$$stage"/share/man/man1/*.1 $(PREFIX)/share/man/man1/; \
	install -m 644 "$$stage/share/bash-completion/completions/edlint" $(PREFIX)/share/bash-completion/completions/edlint; \
	install -m 644 "$$stage/share/zsh/site-functions/_edlint" $(PREFIX)/share/zsh/site-functions/_edlint; \
	install -m 644 "$$stage/share/fish/vendor_completions.d/edlint.fish" $(PREFIX)/share/fish/vendor_completions.d/edlint.fish

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
