# obs — Observatoire de la précarité en Bretagne.
#   make run    build the store from the data, then serve it (see README)
#   make test   install what the tests need, then vet and test everything
# DuckDB's Arrow interface needs the duckdb_arrow build tag everywhere.
TAGS := -tags duckdb_arrow
GO   ?= go

.PHONY: run test build deps

# build embeds echarts (go:embed web/dist): one self-contained binary.
build: web/dist/echarts.min.js
	$(GO) build $(TAGS) -o obs ./cmd/obs

# echarts from the npm-installed package, copied where go:embed finds it.
web/dist/echarts.min.js: web/package-lock.json
	@[ -f web/node_modules/echarts/dist/echarts.min.js ] && [ web/node_modules/.package-lock.json -nt web/package-lock.json ] || npm ci --prefix web --no-audit --no-fund
	cp web/node_modules/echarts/package.json web/dist/echarts.package.json
	cp web/node_modules/echarts/dist/echarts.min.js web/dist/echarts.min.js

deps:
	bash scripts/deps.sh

run: deps build
	./obs serve

test: deps
	@unformatted="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(TAGS) ./...
	$(GO) test $(TAGS) -count=1 -timeout 60m ./...
