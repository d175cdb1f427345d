#!/usr/bin/env python3
"""Render benchmark: times of `sightline render overview` for views of about 100, 500 and 2,000
entities with each layout engine, and a collapsed overview of a very large generated network.

  Benchmarks/render.py [--large PEOPLE] [--engines dot,neato,sfdp,fdp] [--timeout S]

For each size it generates a fictional network (`sightline generate --people N --seed 3`: 40, 200
and 800 people give about 100, 480 and 1,900 linked entities), ingests it, and times, in a fresh
process each, `render overview --threshold 100000` (every entity drawn) as SVG with each engine.
Times are wall-clock seconds for the whole command (reading the store, clustering, layout,
writing), so they are what an analyst waits. Then, unless --large 0, it generates PEOPLE people
(default 1,000,000), ingests them and times `render overview` with the default threshold (300): the
clusters collapse, so the picture has at most 301 nodes whatever the network's size. A run that
exceeds --timeout (default 900 s) is reported as such. Outside the test suite on purpose.
"""
import os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def timed(cmd, timeout):
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    return time.perf_counter() - t, (p.stderr.strip().splitlines() or [""])[-1] if p.returncode == 0 else "failed: " + p.stderr.strip()[-200:]


def main():
    engines = arg("--engines", "dot,neato,sfdp,fdp").split(",")
    large = int(arg("--large", "1000000"))
    timeout = float(arg("--timeout", "900"))
    subprocess.run(["swift", "build", "-c", "release", "--product", "sightline"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    bin = os.path.join(ROOT, ".build/release/sightline")
    work = tempfile.mkdtemp(prefix="sightline-render-bench-")
    print(f"{'people':>8} {'engine':6} {'seconds':>8}  result")
    for people in (40, 200, 800):
        out = os.path.join(work, f"g{people}")
        subprocess.run([bin, "generate", "--people", str(people), "--seed", "3", "--out", out], check=True, capture_output=True)
        db = os.path.join(out, "s.sqlite")
        subprocess.run([bin, "ingest", os.path.join(out, "network.jsonl"), "--db", db], check=True, capture_output=True)
        for engine in engines:
            s, result = timed([bin, "render", "overview", "--db", db, "--threshold", "100000", "--engine", engine,
                               "-o", os.path.join(out, f"overview-{engine}.svg")], timeout)
            print(f"{people:>8} {engine:6} {s if s is None else round(s, 2):>8}  {result}", flush=True)
    if large:
        out = os.path.join(work, "large")
        t = time.perf_counter()
        subprocess.run([bin, "generate", "--people", str(large), "--seed", "3", "--out", out], check=True, capture_output=True)
        db = os.path.join(out, "s.sqlite")
        subprocess.run([bin, "ingest", os.path.join(out, "network.jsonl"), "--db", db], check=True, capture_output=True)
        print(f"generated and ingested {large} people in {time.perf_counter() - t:.0f} s")
        s, result = timed([bin, "render", "overview", "--db", db, "-o", os.path.join(out, "overview.svg")], timeout)
        print(f"{large:>8} {'auto':6} {s if s is None else round(s, 2):>8}  {result}", flush=True)


if __name__ == "__main__":
    main()
