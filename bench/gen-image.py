#!/usr/bin/env python3
"""Writes a large, realistic-looking container image archive for bench/image-scan.sh.

docker save layout (manifest.json, HEX.json config, N/layer.tar) with plain layers, or an OCI archive with gzip
layers. Content: a Debian-like base (os-release, a dpkg status with 400 packages), then layers of application
files: many small text files (configs, scripts, sources), some in package-managed trees, a few large binaries,
whiteouts of earlier files. Deterministic (seeded), no real secrets.
"""
import argparse, gzip, hashlib, io, json, os, random, tarfile

def tar_bytes(entries):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()

def base_layer(rng):
    status = []
    for i in range(400):
        status.append(f"Package: pkg{i}\nStatus: install ok installed\nArchitecture: amd64\nSource: src{i // 3}\nVersion: 1.{i}.0-{i % 7}+deb12u1\nDescription: package {i}\n continuation line\n")
    return [
        ("etc/os-release", b'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n'),
        ("var/lib/dpkg/status", "\n".join(status).encode()),
    ] + [(f"usr/share/doc/pkg{i}/copyright", rng.randbytes(2048).hex().encode()) for i in range(400)]

WORDS = b"server port host timeout retries enabled name value path user level debug info cache size limit".split()

POOL = None

def text_file(rng, size):
    # Slices of one pre-generated 4 MiB text pool: realistic YAML-ish lines, fast to produce.
    global POOL
    if POOL is None:
        out = bytearray()
        while len(out) < 4 * 1024 * 1024:
            out += b"%s: %s_%d\n" % (rng.choice(WORDS), rng.choice(WORDS), rng.randrange(100000))
        POOL = bytes(out)
    start = rng.randrange(len(POOL) - size)
    return POOL[start:start + size]

def app_layer(rng, index, target):
    entries, total, n = [], 0, 0
    # two large binaries per layer, the rest small files
    for b in range(2):
        blob = rng.randbytes(target // 4)
        entries.append((f"opt/app{index}/bin/tool{b}", blob))
        total += len(blob)
    while total < target:
        size = rng.choice((512, 1024, 2048, 4096, 8192, 16384))
        where = rng.choice(("srv/app{i}/conf", "srv/app{i}/src", "usr/lib/python3/dist-packages/mod{i}", "app{i}/node_modules/dep/lib", "etc/app{i}"))
        entries.append((f"{where.format(i=index)}/file{n}.txt", text_file(rng, size)))
        total += size
        n += 1
    if index > 1:
        entries.append((f"srv/app{index - 1}/conf/.wh.file0.txt", b""))
    return entries

def main():
    p = argparse.ArgumentParser()
    p.add_argument("output")
    p.add_argument("--mib", type=int, default=1024)
    p.add_argument("--layers", type=int, default=24)
    p.add_argument("--format", choices=("docker", "oci-gzip"), default="docker")
    a = p.parse_args()
    rng = random.Random(42)
    per_layer = a.mib * 1024 * 1024 // a.layers
    layers = [tar_bytes(base_layer(rng))] + [tar_bytes(app_layer(rng, i, per_layer)) for i in range(1, a.layers)]
    config = {"architecture": "amd64", "os": "linux",
              "config": {"User": "app", "Env": ["PATH=/usr/bin"], "Healthcheck": {"Test": ["CMD", "true"]}},
              "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(l).hexdigest() for l in layers]}}
    cfg = json.dumps(config).encode()
    cfg_hex = hashlib.sha256(cfg).hexdigest()
    with tarfile.open(a.output, "w") as out:
        def add(name, data):
            info = tarfile.TarInfo(name); info.size = len(data); out.addfile(info, io.BytesIO(data))
        if a.format == "docker":
            manifest = [{"Config": cfg_hex + ".json", "RepoTags": ["bench/app:1.0"], "Layers": [f"l{i}/layer.tar" for i in range(len(layers))]}]
            add("manifest.json", json.dumps(manifest).encode())
            add(cfg_hex + ".json", cfg)
            for i, l in enumerate(layers):
                add(f"l{i}/layer.tar", l)
        else:
            descs = []
            for l in layers:
                z = gzip.compress(l, compresslevel=1)
                h = hashlib.sha256(z).hexdigest()
                add("blobs/sha256/" + h, z)
                descs.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + h, "size": len(z)})
            add("blobs/sha256/" + cfg_hex, cfg)
            man = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                              "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + cfg_hex, "size": len(cfg)},
                              "layers": descs}).encode()
            mh = hashlib.sha256(man).hexdigest()
            add("blobs/sha256/" + mh, man)
            add("oci-layout", b'{"imageLayoutVersion":"1.0.0"}')
            add("index.json", json.dumps({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:" + mh, "size": len(man),
                "annotations": {"org.opencontainers.image.ref.name": "1.0"}}]}).encode())

if __name__ == "__main__":
    main()
