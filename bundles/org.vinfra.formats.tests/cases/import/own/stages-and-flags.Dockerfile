# syntax=docker/dockerfile:1.7
# Stages named and numbered, ARG scoping, COPY flags, RUN mounts, and the rarer instructions.
ARG BASE=alpine:3.20
FROM golang:1.22-alpine
ARG VERSION=dev
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=bind,source=.,target=/src go build -ldflags "-X main.v=${VERSION}" -o /out/app .

FROM ${BASE} AS runtime
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION}" maintainer="lab team"
COPY --from=0 --chown=app:app --chmod=0755 --link /out/app /usr/local/bin/app
COPY conf/a.conf conf/b.conf /etc/app/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.org/data.tar.gz /data/
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
VOLUME /var/lib/app /var/log/app
STOPSIGNAL SIGTERM
ONBUILD COPY . /src
HEALTHCHECK --interval=10s --timeout=2s --retries=3 CMD wget -q -O- http://localhost:8080/health || exit 1
EXPOSE 8080 9090/udp
USER app
ENTRYPOINT ["/usr/local/bin/app"]
CMD ["--serve"]
