package org.vinfra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inputs for {@code ./vinfra benchmark import}: one large compose file, and many files of the three
 * formats, written as people write them (anchors and merge keys, interpolation, extends, long and
 * short syntax; multi-stage Dockerfiles with heredocs; LXC configs with includes and legacy keys).
 */
final class ImportCorpusGenerator {

    private ImportCorpusGenerator() {
    }

    /** A compose file of {@code services} services on 20 networks, sharing settings through an anchor. */
    static String composeFile(int services) {
        StringBuilder text = new StringBuilder();
        text.append("x-common: &common\n  restart: unless-stopped\n  logging:\n    driver: json-file\n    options:\n      max-size: \"10m\"\n")
                .append("  environment:\n    TZ: UTC\n\nservices:\n");
        for (int i = 0; i < services; i++) {
            String name = "svc" + i;
            text.append("  ").append(name).append(":\n")
                    .append("    <<: *common\n")
                    .append("    image: \"example/app-").append(i % 50).append(":${APP_TAG:-1.").append(i % 7).append(".0}\"\n")
                    .append("    command: [\"serve\", \"--port\", \"").append(8000 + i % 1000).append("\"]\n")
                    .append("    environment:\n      SERVICE_NAME: ").append(name).append("\n      cluster.node: n").append(i).append('\n')
                    .append("    labels:\n      com.example.tier: \"").append(i % 3 == 0 ? "web" : "backend").append("\"\n")
                    .append("    networks:\n      net").append(i % 20).append(":\n        aliases: [\"").append(name).append("-alias\"]\n")
                    .append("    expose: [\"").append(9000 + i % 100).append("\"]\n")
                    .append("    volumes:\n      - data").append(i % 10).append(":/var/lib/app\n      - type: tmpfs\n        target: /tmp\n");
            if (i % 10 == 0) {
                text.append("    ports:\n      - \"").append(20000 + i).append(":8080\"\n")
                        .append("    healthcheck:\n      test: [\"CMD\", \"wget\", \"-q\", \"-O-\", \"http://localhost:8080/\"]\n      interval: 30s\n");
            }
            if (i > 0 && i % 10 != 0) {
                text.append("    depends_on:\n      svc").append(i - i % 10).append(":\n        condition: service_healthy\n");
            }
            text.append("    deploy:\n      resources:\n        limits:\n          memory: 256M\n");
        }
        text.append("networks:\n");
        for (int n = 0; n < 20; n++) {
            text.append("  net").append(n).append(":\n    ipam:\n      config:\n        - subnet: 10.").append(n).append(".0.0/16\n");
        }
        text.append("volumes:\n");
        for (int v = 0; v < 10; v++) {
            text.append("  data").append(v).append(": {}\n");
        }
        return text.toString();
    }

    /** {@code count} files (a third of each format), each compose file in a folder of its own (its project). */
    static List<Path> files(Path folder, int count) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file;
            switch (i % 3) {
                case 0 -> {
                    Path project = folder.resolve(String.format(Locale.ROOT, "project%04d", i));
                    Files.createDirectories(project.resolve("app"));
                    Files.writeString(project.resolve(".env"), "WEB_TAG=1.27." + i % 10 + "\n");
                    file = project.resolve("compose.yaml");
                    Files.writeString(file, smallCompose(i));
                }
                case 1 -> {
                    file = folder.resolve(String.format(Locale.ROOT, "image%04d.Dockerfile", i));
                    Files.writeString(file, dockerfile(i));
                }
                default -> {
                    file = folder.resolve(String.format(Locale.ROOT, "box%04d.conf", i));
                    Files.writeString(file, lxcConfig(i));
                }
            }
            files.add(file);
        }
        return files;
    }

    private static String smallCompose(int i) {
        return """
                x-base: &base
                  restart: always
                  environment:
                    LOG_LEVEL: info
                services:
                  web:
                    <<: *base
                    image: "nginx:${WEB_TAG:-1.27.0}"
                    ports: ["%d:80"]
                    volumes: ["./app:/usr/share/nginx/html:ro"]
                    depends_on:
                      api:
                        condition: service_healthy
                  api:
                    <<: *base
                    build:
                      context: ./app
                      args:
                        VERSION: "%d"
                    image: example/api:%d.0
                    healthcheck:
                      test: "wget -q -O- http://localhost:8080/health"
                      interval: 10s
                    sysctls:
                      net.core.somaxconn: "1024"
                  worker:
                    extends: api
                    command: --queue default
                    ulimits:
                      nofile: {soft: 1024, hard: 4096}
                """.formatted(10000 + i, i, i % 9 + 1);
    }

    private static String dockerfile(int i) {
        return """
                # syntax=docker/dockerfile:1
                ARG GO_VERSION=1.22
                FROM golang:${GO_VERSION}-bookworm AS build
                WORKDIR /src
                COPY go.mod go.sum ./
                RUN --mount=type=cache,target=/root/.cache/go-build go mod download
                COPY . .
                RUN CGO_ENABLED=0 go build -o /out/server%d ./cmd/server
                FROM gcr.io/distroless/static-debian12:nonroot
                LABEL org.opencontainers.image.version="%d" maintainer="lab"
                COPY --from=build /out/server%d /server
                COPY <<EOT /etc/motd
                image %d
                EOT
                EXPOSE 8080 9090/udp
                HEALTHCHECK --interval=30s CMD ["/server", "-check"]
                USER nonroot
                ENTRYPOINT ["/server"]
                """.formatted(i, i, i, i);
    }

    private static String lxcConfig(int i) {
        return """
                # Parameters passed to the template: -d alpine -r 3.19 -a amd64
                lxc.include = /usr/share/lxc/config/common.conf
                lxc.arch = x86_64
                lxc.utsname = box%04d
                lxc.rootfs = /var/lib/lxc/box%04d/rootfs
                lxc.network.type = veth
                lxc.network.link = lxcbr%d
                lxc.network.flags = up
                lxc.network.ipv4 = 10.%d.%d.%d/16
                lxc.network.hwaddr = 00:16:3e:%02x:%02x:%02x
                lxc.mount.entry = /srv/box%04d srv none bind,create=dir 0 0
                lxc.cgroup.memory.limit_in_bytes = 512M
                lxc.cgroup.cpuset.cpus = 0-1
                """.formatted(i, i, i % 4, 100 + i % 4, i / 250, i % 250 + 1, i % 256, (i / 256) % 256, 7, i);
    }
}
