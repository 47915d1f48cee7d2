# pathfinder as a container image:
#   docker build -t pathfinder .
#   docker run --rm -v "$PWD:/src" pathfinder scan -p .
# Both stages use the same Debian 12 slim image, pinned by digest (the tag is
# for readers; the digest decides). Update both together.

FROM debian:12.12-slim@sha256:d5d3f9c23164ea16f31852f95bd5959aad1c5e854332fe00f7b3a20fcc9f635c AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR /build
# The build packages come from the project's own list, in a layer of their own
# so that editing the sources does not reinstall them.
COPY scripts/install-deps.sh scripts/
RUN scripts/install-deps.sh --build \
    && rm -rf /var/lib/apt/lists/*
COPY . .
# Release build without the tests, installed stripped as /opt/pathfinder/bin/pathfinder.
RUN BUILD_DIR=/build/out scripts/install.sh /opt/pathfinder \
    && /opt/pathfinder/bin/pathfinder version

FROM debian:12.12-slim@sha256:d5d3f9c23164ea16f31852f95bd5959aad1c5e854332fe00f7b3a20fcc9f635c
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
LABEL org.opencontainers.image.title="pathfinder" \
      org.opencontainers.image.description="Static scanner for Dockerfiles and docker-compose files"
# Runtime libraries of the binary (the Debian packages behind `ldd pathfinder`;
# .ci/run checks that this list covers them), CA certificates for the GitHub
# API (pathfinder ci --pr-comment) and git for diff-aware scans. /src is where
# the project is mounted: git must trust it although another user owns it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       ca-certificates git libcurl4 libfmt9 libre2-9 libyaml-cpp0.7 \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory /src \
    && git config --system --add safe.directory /github/workspace \
    && groupadd --system --gid 10001 pathfinder \
    && useradd --system --uid 10001 --gid 10001 --home-dir /home/pathfinder \
       --create-home --shell /usr/sbin/nologin pathfinder
COPY --from=build /opt/pathfinder/bin/pathfinder /usr/local/bin/pathfinder
USER 10001:10001
WORKDIR /src
# A command-line tool, not a service: there is nothing to probe.
HEALTHCHECK NONE
ENTRYPOINT ["pathfinder"]
CMD ["scan", "--project", "."]
