# The front door. `make run` and `make test` do all the set-up a fresh machine needs.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIGURATION ?= Debug
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TEST_LOG := artifacts/test-output.log

.PHONY: all deps build test check-deploy run demo bench bench-micro clean

all: build

## deps: install what the tests need from Debian's packages when it is missing (redis-server, tzdata, prometheus for promtool)
deps:
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

## build: compile everything, warnings as errors
build:
	$(DOTNET) build Gateway.sln -c $(CONFIGURATION)

## check-deploy: promtool checks the alerting and recording rules and runs their unit tests (deploy/prometheus/tests)
check-deploy: deps
	promtool check rules deploy/prometheus/*.rules.yml
	promtool test rules deploy/prometheus/tests/*.test.yml

## test: build and run every test; starts its own redis-server, lender and gateways on free loopback ports
test: deps check-deploy
	@mkdir -p artifacts
	@set -o pipefail; $(DOTNET) test Gateway.sln -c $(CONFIGURATION) 2>&1 | tee $(TEST_LOG); status=$$?; \
	passed=$$(grep -Eo 'Passed: +[0-9]+' $(TEST_LOG) | awk '{n += $$2} END {print n + 0}'); \
	failed=$$(grep -Eo 'Failed: +[0-9]+' $(TEST_LOG) | awk '{n += $$2} END {print n + 0}'); \
	echo; echo "$$passed passed, $$failed failed"; exit $$status

## run: the gateway on its embedded default (in-process Garnet, sandbox lender, outbox carrier)
run:
	$(DOTNET) run --project src/Gateway.Sandbox -c $(CONFIGURATION) -- --Sandbox:OutboxPath=$(CURDIR)/var/outbox.jsonl

## demo: play every seeded sandbox debtor against the running gateway (start `make run` first)
demo:
	$(DOTNET) run --project src/Gateway.Cli -c $(CONFIGURATION) -- demo

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
