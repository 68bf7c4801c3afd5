# The project's commands. `make test` is what CI runs (.ci/run); it installs
# the tools it needs when they are missing.

GO          ?= go
GOBIN       := $(shell $(GO) env GOPATH)/bin
STATICCHECK := $(GOBIN)/staticcheck
STATICCHECK_VERSION := v0.8.2
FUZZTIME    ?= 15s

.PHONY: test check lint unit fuzz examples generate tools

# test runs every check and test. It is the README's test command.
test: tools check unit fuzz examples
	@echo "make test: all checks passed"

tools: $(STATICCHECK)

$(STATICCHECK):
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

check:
	@out=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...
	$(GO) mod verify

unit:
	$(GO) test -race -count=1 ./...

# fuzz runs each fuzz target briefly; the seeds include every example file.
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./schema/internal/jsonscan
	$(GO) test -run='^$$' -fuzz='^FuzzDecode$$' -fuzztime=$(FUZZTIME) ./schema

# examples validates every example file with the validator command.
examples:
	$(GO) run ./schema/cmd/validate examples/data/*.json

generate:
	$(GO) generate ./...
