# The front door. `make run` and `make test` do all the set-up a fresh machine needs.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIGURATION ?= Debug
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TEST_LOG := artifacts/test-output.log

.PHONY: all deps build test check-deploy run demo bench bench-micro clean

all: build

BUF := tools/node_modules/.bin/buf
# npm ci rewrites this file on every install, so it stands for "tools/ matches its package-lock.json".
TOOLS_STAMP := tools/node_modules/.package-lock.json
NODE_EXAMPLE_STAMP := examples/node/node_modules/.package-lock.json
# The breaking-change baseline: the last released protos as a buf image (eng/protos/README.md).
# BUF_AGAINST='.git#branch=main,subdir=protos' compares with a branch instead.
BUF_AGAINST ?= eng/protos/released-image.json

## deps: install what the tests need when it is missing: redis-server, tzdata and prometheus (promtool) from Debian's packages, buf from npm (tools/)
deps: $(TOOLS_STAMP) $(NODE_EXAMPLE_STAMP)
	@missing=""; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	command -v redis-cli >/dev/null 2>&1 || missing="$$missing redis-tools"; \
	[ -e /usr/share/zoneinfo/America/New_York ] || missing="$$missing tzdata"; \
	command -v promtool >/dev/null 2>&1 || missing="$$missing prometheus"; \
	command -v kubectl >/dev/null 2>&1 || echo "make deps: kubectl (kustomize v4 or later built in) is missing; the Kubernetes manifest tests render the overlays with it"; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

.PHONY: check-protos protos-baseline

# --ignore-scripts: buf's postinstall only re-links the binary its platform package already ships.
$(TOOLS_STAMP): tools/package.json tools/package-lock.json
	npm ci --prefix tools --ignore-scripts --prefer-offline --no-audit --no-fund

## check-protos: buf build, lint (STANDARD) and breaking (FILE) on protos/, offline once `make deps` has run
check-protos: $(TOOLS_STAMP)
	$(BUF) build protos
	$(BUF) lint protos
	$(BUF) breaking protos --against '$(BUF_AGAINST)'

## protos-baseline: at a release, make the current protos the baseline that `check-protos` compares with
protos-baseline: $(TOOLS_STAMP)
	$(BUF) build protos --exclude-source-info -o eng/protos/released-image.json

.PHONY: example-node check-examples

$(NODE_EXAMPLE_STAMP): examples/node/package.json examples/node/package-lock.json
	npm ci --prefix examples/node --ignore-scripts --prefer-offline --no-audit --no-fund

## example-node: the Node client (examples/node), generated from protos/ by buf, against the gateway of `make run`
example-node: $(TOOLS_STAMP) $(NODE_EXAMPLE_STAMP)
	$(BUF) generate --template protos/buf.gen.yaml
	node examples/node/send-reminder.js

## check-examples: each example client against a sandbox it starts on free ports, its output checked
check-examples: $(TOOLS_STAMP) $(NODE_EXAMPLE_STAMP)
	$(BUF) generate --template protos/buf.gen.yaml
	$(DOTNET) build src/Gateway.Sandbox -c $(CONFIGURATION)
	CONFIGURATION=$(CONFIGURATION) examples/node/run-against-sandbox.sh

## build: compile everything, warnings as errors
build:
	$(DOTNET) build Gateway.sln -c $(CONFIGURATION)

## check-deploy: promtool checks the alerting and recording rules and runs their unit tests (deploy/prometheus/tests)
check-deploy: deps
	promtool check rules deploy/prometheus/*.rules.yml
	promtool test rules deploy/prometheus/tests/*.test.yml

## test: check the protos and the deploy files, build and run every test; starts its own redis-server, lender and gateways on free loopback ports
test: deps check-protos check-examples check-deploy
	@mkdir -p artifacts
	@set -o pipefail; $(DOTNET) test Gateway.sln -c $(CONFIGURATION) 2>&1 | tee $(TEST_LOG); status=$$?; \
	passed=$$(grep -Eo 'Passed: +[0-9]+' $(TEST_LOG) | awk '{n += $$2} END {print n + 0}'); \
	failed=$$(grep -Eo 'Failed: +[0-9]+' $(TEST_LOG) | awk '{n += $$2} END {print n + 0}'); \
	echo; echo "$$passed passed, $$failed failed"; exit $$status

## run: the gateway on its embedded default (in-process Garnet, sandbox lender, outbox carrier); ports 5080, 5081, 5090, 6390 when free, else free ones (Sandbox__GrpcPort=... to choose)
run:
	$(DOTNET) run --project src/Gateway.Sandbox -c $(CONFIGURATION) -- --Sandbox:OutboxPath=$(CURDIR)/var/outbox.jsonl

## demo: play every seeded sandbox debtor against the running gateway (start `make run` first); it finds the gateway in var/gateway-address
demo:
	@addr=$${GATEWAY_ADDRESS:-$$(cat var/gateway-address 2>/dev/null)}; \
	env $${addr:+GATEWAY_ADDRESS=$$addr} $(DOTNET) run --project src/Gateway.Cli -c $(CONFIGURATION) -- demo

BENCH_DLL := artifacts/bin/Gateway.Bench/release/Gateway.Bench.dll
BENCH_ARGS ?=

## bench: Release build, then the gateway (Gateway.dll) against a real redis-server under load, about 2 minutes; writes bench/results/latest.{json,md}
bench: deps
	$(DOTNET) build bench/Gateway.Bench -c Release
	$(DOTNET) $(BENCH_DLL) $(BENCH_ARGS)

## bench-micro: BenchmarkDotNet (ShortRun, in process) on the hot pure steps; BENCH_FILTER narrows it
BENCH_FILTER ?= *
bench-micro:
	$(DOTNET) build bench/Gateway.Bench -c Release
	cd artifacts && $(DOTNET) ../$(BENCH_DLL) --micro --filter '$(BENCH_FILTER)'

clean:
	rm -rf artifacts var
