# The project's commands. `make test` is what CI runs (.ci/run); it installs
# the tools it needs when they are missing: staticcheck (go install),
# Chromium (Debian's package) and axe-core (npm, into examples/tools/node).

GO          ?= go
GOBIN       := $(shell $(GO) env GOPATH)/bin
STATICCHECK := $(GOBIN)/staticcheck
STATICCHECK_VERSION := v0.8.2
# Each fuzz target of make test runs a number of inputs, not a duration:
# go1.26's coordinator can fail a duration-bounded run with "context
# deadline exceeded" when the time ends (golang/go#75804, fixed in go1.27),
# and count-bounded runs never take that path. FUZZSCALE multiplies them.
FUZZSCALE   ?= 1

# The status widget (package wasm) and its browser tests.
WIDGET_DIR  := $(CURDIR)/examples/demo/dist
NODE_DIR    := $(CURDIR)/examples/tools/node
AXE_VERSION := 4.14.1
AJV_VERSION := 8.20.0
AJV_FORMATS_VERSION := 3.0.1
# The most bytes the widget's wasm may have, gzipped and with brotli. The
# goals are 1,000,000 and 750,000 and are not met: the widget is about
# 1,316,000 and 957,000 (make widget-costs prints what each dependency
# adds). The budgets keep growth in check: a change that needs more cuts
# something first.
WIDGET_BUDGET_GZIP ?= 1325000
WIDGET_BUDGET_BROTLI ?= 965000
# The widget's build tags (widgetbuild.WidgetTags; see go doc ./promise ID).
WIDGET_TAGS := medborgarlofte_nouuid

.PHONY: test check lint unit fuzz examples generate tools \
	toolscheck wasmvet browser node widget widget-costs wasmtest e2e loadtime \
	ajv schemacheck cost editor editor-e2e editor-measure

# test runs every check and test. It is the README's test command.
test: tools check toolscheck wasmvet unit fuzz examples schemacheck widget wasmtest e2e
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
	$(GO) mod tidy -diff

# toolscheck checks the nested module of test tooling (its own go.mod, so
# chromedp and brotli never reach the library's).
toolscheck: tools
	cd examples/tools && $(GO) vet ./... && $(STATICCHECK) ./... && $(GO) mod verify && $(GO) mod tidy -diff
	cd examples/tools && GOOS=js GOARCH=wasm $(GO) vet ./internal/gofloor && GOOS=js GOARCH=wasm $(STATICCHECK) ./internal/gofloor

# wasmvet checks the widget and the editor as they are built: for js/wasm,
# the widget with its tags.
wasmvet: tools
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...
	GOOS=js GOARCH=wasm $(STATICCHECK) ./wasm/...
	GOOS=js GOARCH=wasm $(GO) vet -tags=$(WIDGET_TAGS) ./wasm ./wasm/internal/...
	GOOS=js GOARCH=wasm $(STATICCHECK) -tags=$(WIDGET_TAGS) ./wasm ./wasm/internal/...
	@if GOOS=js GOARCH=wasm $(GO) list -tags=$(WIDGET_TAGS) -deps ./wasm | grep -qx github.com/google/uuid; then \
	  echo "the widget links github.com/google/uuid again: its packages must use promise.ID and promise.ParseID (see go doc ./promise ID)"; exit 1; fi

# unit also runs the tests of the widget's packages with the widget's tag,
# where promise.ID is promise/internal/uid's UUID.
unit:
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -tags=$(WIDGET_TAGS) ./promise/... ./followup ./followup/view ./wasm/internal/strict

# fuzz runs each fuzz target briefly; the seeds include every example file.
# A new input is minimized at most 200 times: go test otherwise spends up to
# a minute minimizing and fails with "context deadline exceeded" when the
# fuzz time ends during it.
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$$(($(FUZZSCALE)*200000))x -fuzzminimizetime=200x ./schema/internal/jsonscan
	$(GO) test -run='^$$' -fuzz='^FuzzDecode$$' -fuzztime=$$(($(FUZZSCALE)*10000))x -fuzzminimizetime=200x ./schema
	$(GO) test -run='^$$' -fuzz='^FuzzMerge$$' -fuzztime=$$(($(FUZZSCALE)*10000))x -fuzzminimizetime=200x ./schema
	$(GO) test -run='^$$' -fuzz='^FuzzEvaluate$$' -fuzztime=$$(($(FUZZSCALE)*10000))x -fuzzminimizetime=200x ./followup
	$(GO) test -run='^$$' -fuzz='^FuzzImport$$' -fuzztime=$$(($(FUZZSCALE)*10000))x -fuzzminimizetime=200x ./followup/sheet
	$(GO) test -run='^$$' -fuzz='^FuzzDecode$$' -fuzztime=$$(($(FUZZSCALE)*10000))x -fuzzminimizetime=200x ./wasm/internal/strict
	$(GO) test -run='^$$' -fuzz='^FuzzSameAsGoogleUUID$$' -fuzztime=$$(($(FUZZSCALE)*200000))x -fuzzminimizetime=200x ./promise/internal/uid
	$(GO) test -run='^$$' -fuzz='^FuzzPattern$$' -fuzztime=$$(($(FUZZSCALE)*200000))x -fuzzminimizetime=200x ./wasm/internal/strict

# examples validates every example file with the validator command.
examples:
	$(GO) run ./schema/cmd/validate examples/data/*.json examples/data/bundles/*.json

generate:
	$(GO) generate ./...

# browser installs Debian's Chromium when there is none.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

# node installs axe-core for the accessibility test, once.
node: $(NODE_DIR)/node_modules/axe-core/axe.min.js

$(NODE_DIR)/node_modules/axe-core/axe.min.js:
	mkdir -p $(NODE_DIR)
	npm install --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)

# ajv installs ajv and ajv-formats, a second JSON Schema validator, once.
ajv: $(NODE_DIR)/node_modules/ajv-formats/package.json

$(NODE_DIR)/node_modules/ajv-formats/package.json:
	mkdir -p $(NODE_DIR)
	npm install --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error ajv@$(AJV_VERSION) ajv-formats@$(AJV_FORMATS_VERSION)

# schemacheck checks that ajv gives the verdict schema.Decode gives on every
# example, the national synthetic data and schema/testdata/bad: the
# published schema means the same to both validators.
schemacheck: ajv
	MEDBORGARLOFTE_REQUIRE_AJV=1 $(GO) -C examples/tools test -count=1 ./schemacheck

# cost prints the time, peak memory and output size of the validator, the
# report command and the widget on adversarial files of up to 16 MiB and
# on national synthetic data of the same sizes (not part of make test: it
# takes a quarter of an hour). It builds the widget first, whatever its
# size. COSTFLAGS passes flags, e.g. COSTFLAGS='-only nulls -widget=false'.
cost: browser
	$(GO) -C examples/tools run ./cmd/buildwidget -out $(WIDGET_DIR) -budget-gzip 0
	$(GO) -C examples/tools run ./cmd/cost $(COSTFLAGS)

# widget builds widget.js, widget.HASH.wasm and their .gz and .br files
# into examples/demo/dist (where the demo serves them from), prints their
# sizes and fails when the wasm is over a budget.
widget:
	$(GO) -C examples/tools run ./cmd/buildwidget -out $(WIDGET_DIR) -budget-gzip $(WIDGET_BUDGET_GZIP) -budget-brotli $(WIDGET_BUDGET_BROTLI)

# widget-costs also prints what each dependency adds to the wasm, and the
# code of each package in it.
widget-costs:
	$(GO) -C examples/tools run ./cmd/buildwidget -out $(WIDGET_DIR) -budget-gzip $(WIDGET_BUDGET_GZIP) -budget-brotli $(WIDGET_BUDGET_BROTLI) -costs

# wasmtest runs the widget's Go tests (package wasm) in headless Chromium.
wasmtest: browser
	$(GO) -C examples/tools run ./cmd/wasmtest

# e2e runs the nested module's tests: the demo page in headless Chromium.
e2e: browser node widget
	$(GO) -C examples/tools test -count=1 ./...

# editor builds the editor (wasm/editor) into examples/demo/dist/editor,
# where the demo serves it at /redigera, and prints its sizes.
editor:
	$(GO) -C examples/tools run ./cmd/buildeditor -out $(WIDGET_DIR)/editor

# editor-e2e runs only the editor's end-to-end tests (examples/tools/editore2e,
# which make e2e runs with the others) in headless Chromium, with axe-core.
editor-e2e: browser node widget
	$(GO) -C examples/tools test -count=1 -timeout 30m ./editore2e

# editor-measure prints the editor's sizes and its time to interactive,
# cold and warm.
editor-measure: browser
	$(GO) -C examples/tools run ./cmd/buildeditor -out $(WIDGET_DIR)/editor -measure

# loadtime prints how fast the widget shows its data next to a plain-JS
# floor widget on one server: cold and warm, 1 and 10 instances, on the
# desktop and the phone profile (medians of 7 interleaved runs; about 12
# minutes). With it, the Go floor: a Go program that does only what the
# JS floor does, loaded as the widget is (what Go in WebAssembly costs).
loadtime: browser
	$(GO) -C examples/tools run ./cmd/loadtime -gofloor
