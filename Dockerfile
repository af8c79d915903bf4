# syntax=docker/dockerfile:1
# The reminder gateway's images, from one build:
#   docker build --target gateway -t reminder-gateway:dev .           production gateway (Gateway.dll)
#   docker build --target sandbox -t reminder-gateway-sandbox:dev .   sandbox lender and outbox carrier, for staging and compose
# Both run as a non-root numeric user and write nothing outside the volumes they are given, so
# they run with a read-only root filesystem (mount an emptyDir or tmpfs at /tmp).

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
WORKDIR /src
# Restore first, from the project files alone, so that a source change does not restore again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY eng/ eng/
COPY src/Gateway.Contracts/Gateway.Contracts.csproj src/Gateway.Contracts/
COPY src/Gateway/Gateway.csproj src/Gateway/
COPY src/Gateway.Sandbox/Gateway.Sandbox.csproj src/Gateway.Sandbox/
RUN dotnet restore src/Gateway.Sandbox/Gateway.Sandbox.csproj
COPY protos/ protos/
COPY deploy/rules/ deploy/rules/
COPY deploy/sandbox/ deploy/sandbox/
COPY src/ src/
RUN dotnet publish src/Gateway/Gateway.csproj -c Release --no-restore -o /out/gateway \
 && dotnet publish src/Gateway.Sandbox/Gateway.Sandbox.csproj -c Release --no-restore -o /out/sandbox

# What both images share: the ASP.NET Core runtime, the IANA time zone database (quiet hours are
# evaluated in every zone a recipient may be in) and ICU (culture-aware template rendering and
# NFKC normalisation of the content check); globalization is never invariant.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble AS runtime
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tzdata libicu74 \
 && rm -rf /var/lib/apt/lists/*
# ASPNETCORE_HTTP_PORTS is emptied: the Kestrel endpoints of each target replace the base image's port.
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    TZ=Etc/UTC \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_gcServer=1
WORKDIR /app
# 1654 is the base image's "app" user; numeric, so Kubernetes can check runAsNonRoot.
USER 1654:1654

FROM runtime AS gateway
COPY --from=build --chown=0:0 /out/gateway/ /app/
# gRPC on 8080 (HTTP/2 only); health, /metrics and the carriers' webhooks on 8081 (HTTP/1.1).
ENV Kestrel__Endpoints__Grpc__Url=http://+:8080 \
    Kestrel__Endpoints__Grpc__Protocols=Http2 \
    Kestrel__Endpoints__Http__Url=http://+:8081 \
    Kestrel__Endpoints__Http__Protocols=Http1
EXPOSE 8080 8081
# SIGTERM: /readyz and gRPC health go NOT_SERVING, decisions in flight finish (Gateway:Drain), exit.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/Gateway.dll"]

FROM runtime AS sandbox
COPY --from=build --chown=0:0 /out/sandbox/ /app/
# The sandbox (make run's process): the sandbox lender on 127.0.0.1:5090 and its own gateway on
# Garnet, all on the container's loopback; gateways that share its network namespace reach the
# lender there. The outbox carrier's file goes to the volume mounted at /var/lib/reminder-gateway.
ENV Sandbox__OutboxPath=/var/lib/reminder-gateway/outbox.jsonl
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/Gateway.Sandbox.dll"]
