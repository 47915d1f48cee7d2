#!/usr/bin/env python3
"""Builds the benchmark corpus: COPIES variants of every Dockerfile and
compose file of the shared corpus, under OUT/vNNN/<repo>/<path>.

The variations are deterministic (seeded by copy number and path) so every
run measures the same bytes: a base-image tag bump, an extra LABEL or
environment entry, a comment, CRLF line ends for some files, a dropped
trailing newline. The folder layout is kept, so compose `build:` contexts
still reach their Dockerfiles.
"""
import os
import random
import re
import sys

TAG = re.compile(rb"^(FROM\s+\S+?:)(\d+)", re.M | re.I)


def vary_dockerfile(text, rnd, copy):
    if copy and rnd.random() < 0.5:
        text = TAG.sub(lambda m: m.group(1) + str(int(m.group(2)) + copy % 3).encode(), text, 1)
    lines = text.split(b"\n")
    if rnd.random() < 0.5:
        at = rnd.randrange(len(lines) + 1)
        lines.insert(at, b"# variant %d" % copy)
    if rnd.random() < 0.4:
        lines.append(b'LABEL bench.variant="%d"' % copy)
    if rnd.random() < 0.2:
        lines.append(b"RUN apt-get update && apt-get install -y curl-%d" % copy)
    return b"\n".join(lines)


def vary_compose(text, rnd, copy):
    lines = text.split(b"\n")
    if rnd.random() < 0.5:
        lines.insert(0, b"# variant %d" % copy)
    if rnd.random() < 0.3:
        lines.append(b"x-bench-variant: %d" % copy)
    return b"\n".join(lines)


def main():
    src, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    files = []
    with open(os.path.join(src, "manifest.tsv"), "rb") as f:
        for row in f.read().decode().splitlines()[1:]:
            cols = row.split("\t")
            if len(cols) >= 4 and cols[3] in ("dockerfile", "compose"):
                files.append((os.path.join(cols[0].replace("/", "+"), cols[1]), cols[3]))
    texts = {}
    for rel, _ in files:
        with open(os.path.join(src, rel), "rb") as f:
            texts[rel] = f.read()
    for copy in range(copies):
        for rel, kind in files:
            rnd = random.Random("%d:%s" % (copy, rel))
            text = texts[rel]
            vary = vary_dockerfile if kind == "dockerfile" else vary_compose
            text = vary(text, rnd, copy) if copy else text
            if copy and rnd.random() < 0.1:
                text = text.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            if copy and rnd.random() < 0.1:
                text = text.rstrip(b"\r\n")
            path = os.path.join(out, "v%03d" % copy, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(text)


if __name__ == "__main__":
    main()
