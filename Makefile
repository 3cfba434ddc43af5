# obs — Observatoire de la précarité en Bretagne.
#   make run    build the store from the data, then serve it (see README)
#   make test   install what the tests need, then vet and test everything
# DuckDB's Arrow interface needs the duckdb_arrow build tag everywhere.
TAGS := -tags duckdb_arrow
GO   ?= go

.PHONY: run test build deps

build:
	$(GO) build $(TAGS) -o obs ./cmd/obs

deps:
	bash scripts/deps.sh

run: deps build
	./obs serve

test: deps
	@unformatted="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(TAGS) ./...
	$(GO) test $(TAGS) -count=1 ./...
