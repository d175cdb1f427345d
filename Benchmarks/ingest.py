#!/usr/bin/env python3
"""Bulk-ingest benchmark: Sightline against sqlite3's own CSV import, in the same run.

Generates a call-data-records export of N rows (each row one intelligence item and one
'contacted' link between two handsets), then times, each in a fresh process:

  1. sightline ingest     (validate, normalise phones to E.164, resolve handsets, one transaction)
  2. sightline ingest     again on the same store (every item re-ingested: replace, no duplicates)
  3. sqlite3 .import      of the same CSV rows into a table with UNIQUE(agency, reference)

and prints items per second, peak memory (max RSS) and the ratios. Usage:

  Benchmarks/ingest.py [ROWS] [--keep DIR]

Outside the test suite on purpose: timings belong to benchmarks, not tests.
"""
import os, resource, shutil, subprocess, sys, tempfile, time

def run(cmd, **kw):
    """Runs a command in a fresh process; returns (seconds, peak RSS in MB)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, **kw)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rows = int(args[0]) if args else 1_000_000
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run(["swift", "build", "-c", "release", "--product", "sightline"], cwd=root, check=True,
                   stdout=subprocess.DEVNULL)
    bin = os.path.join(root, ".build/release/sightline")
    work = keep or tempfile.mkdtemp(prefix="sightline-bench-")
    os.makedirs(work, exist_ok=True)
    subprocess.run([bin, "generate", "--calls", str(rows), "--seed", "42", "--out", work], check=True, stdout=subprocess.DEVNULL)
    csv = os.path.join(work, "calls.csv")
    size_mb = os.path.getsize(csv) / 1e6
    db = os.path.join(work, "bench.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix): os.remove(db + suffix)
    quiet = dict(stderr=subprocess.DEVNULL)
    first, first_rss = run([bin, "ingest", csv, "--db", db], **quiet)
    again, again_rss = run([bin, "ingest", csv, "--db", db], **quiet)

    raw = os.path.join(work, "raw.sqlite")
    if os.path.exists(raw): os.remove(raw)
    subprocess.run(["sqlite3", raw, "CREATE TABLE item (agency TEXT, reference TEXT, caller TEXT, recipient TEXT, "
                    "start TEXT, duration TEXT, type TEXT, extracted TEXT, UNIQUE (agency, reference));"], check=True)
    sq, sq_rss = run(["sqlite3", raw, ".import --csv --skip 1 " + csv + " item"])

    print(f"rows (items):                {rows:,} ({size_mb:.0f} MB of CSV)")
    print(f"sightline ingest:            {first:7.2f} s  {rows / first:10,.0f} items/s  peak {first_rss:6.0f} MB")
    print(f"sightline re-ingest (same):  {again:7.2f} s  {rows / again:10,.0f} items/s  peak {again_rss:6.0f} MB")
    print(f"sqlite3 .import:             {sq:7.2f} s  {rows / sq:10,.0f} rows/s   peak {sq_rss:6.0f} MB")
    print(f"ratio sightline / sqlite3:   {first / sq:.2f}x (goal <= 2)")
    print(f"ratio re-ingest / first:     {again / first:.2f}x (goal <= 1)")
    if not keep:
        shutil.rmtree(work)

if __name__ == "__main__":
    main()
