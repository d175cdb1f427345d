#!/usr/bin/env python3
"""Lists benchmark: how long each list takes on a generated network, and how well its top rows
match the planted truth.

  Benchmarks/lists.py [--people 100000] [--seed 42] [--top 20] [--work DIR] [--baseline BIN]

It builds the release binary, generates PEOPLE fictional people (`sightline generate`, which also
writes truth.json), ingests them, then runs each list in a fresh process as JSON and times it
(wall clock for the whole command: reading the store, building the network, the list, writing), and
scores its first TOP rows against the truth the generator planted:

  disrupt locations   a planted hotspot (a group's flat or public meeting place)
  disrupt people      a planted group member or broker
  disrupt vehicles    a group's shared vehicle
  disrupt phones      a group's shared phone
  notices candidates  an adult-child pair found together on two or more missing episodes within
                      365 days while the child was under 16 (counted by the generator on its own)
  trawl missing       an adult or place that is a group member or hotspot

Precision of the top rows = planted rows / rows shown. `missing brief` is timed for the child with
the most missing episodes. Outside the test suite on purpose: figures go in docs/benchmarks.md.

--baseline BIN times another build of sightline (an earlier commit's release binary) on the same
generated network, ingested into a store of its own, running each list alternately with this build
(best of 3 each), and prints both times and their ratio: the machine is noisy, so only times taken
side by side compare. The run day is fixed (SIGHTLINE_TODAY) so both builds judge ages alike.
"""
import json, os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


ENV = dict(os.environ, SIGHTLINE_TODAY=os.environ.get("SIGHTLINE_TODAY", "2026-01-31"))


def run(cmd, check=True):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - t
    if check and p.returncode not in (0, 1):
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr[-2000:]))
    return p, elapsed


def rows_of(doc):
    """The ranked rows of a list's JSON: a bare array, or the first array of objects in an object.
    Rows held back as needing corroboration (`needsCorroboration`) are not ranked, so never taken."""
    if isinstance(doc, list):
        return doc
    for key in ("rows", "ranked", "candidates", "adults", "places"):
        if isinstance(doc.get(key), list):
            return doc[key]
    for k, v in doc.items():
        if "corroborat" in k.lower():
            continue
        if isinstance(v, list) and v and isinstance(v[0], dict):
            return v
    return []


def build():
    """Builds the release binary and returns its path."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "sightline"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build/release/sightline")


def vehicle_key(v):
    """The generator writes registrations as spelled on the road ("WX21 BAZ"); the store keeps them
    without spaces."""
    return v.replace(" ", "").upper().replace("VEHICLE:", "vehicle:")


def truth_sets(truth):
    """The planted identifiers of truth.json (docs/formats.md, "Planted truth") by kind."""
    groups = truth["offendingGroups"]
    return {
        "person": {m["id"] for g in groups for m in g["members"]} | {b["person"]["id"] for b in truth["brokers"]},
        "location": set(truth["hotspots"]["planted"]),
        "vehicle": {vehicle_key(v["vehicle"]) for g in groups for v in g["sharedVehicles"]},
        "phone": {p["phone"] for g in groups for p in g["sharedPhones"]},
        "pairs": {(p["adult"], p["child"]) for p in truth["warningNoticeCandidates"]["candidates"]},
    }


def entity_ids(bin, db):
    """Entity numbers to the identifiers each holds, to compare rows with the truth."""
    p, _ = run([bin, "entities", "--db", db, "--format", "json"])
    return {e["id"]: set(e["identifiers"]) for e in json.loads(p.stdout)}


def scorers(ids, sets):
    """(is a planted entity of a kind, is a planted warning-notice pair) for rows of the lists."""
    def planted(entity, kind):
        return bool(ids.get(entity, set()) & sets.get(kind, set()))

    def pair_planted(row):
        adults, children = ids.get(row.get("adultID"), set()), ids.get(row.get("childID"), set())
        return any((a, c) in sets["pairs"] for a in adults for c in children)
    return planted, pair_planted


def main():
    people = int(arg("--people", "100000"))
    seed = arg("--seed", "42")
    top = int(arg("--top", "20"))
    bin = build()
    baseline = arg("--baseline", None)
    work = arg("--work", None) or tempfile.mkdtemp(prefix="sightline-lists-bench-")
    db = os.path.join(work, "s.sqlite")
    base_db = os.path.join(work, "baseline.sqlite")
    if not os.path.exists(db):
        run([bin, "generate", "--people", str(people), "--seed", seed, "--out", work])
        _, t = run([bin, "ingest", os.path.join(work, "network.jsonl"), "--db", db])
        print("generated and ingested %d people in %.0f s (%s)" % (people, t, work))
    if baseline and not os.path.exists(base_db):
        _, t = run([baseline, "ingest", os.path.join(work, "network.jsonl"), "--db", base_db])
        print("baseline ingested them in %.0f s" % t)
    # truth.json in the schema of docs/formats.md ("Planted truth").
    sets = truth_sets(json.load(open(os.path.join(work, "truth.json"))))
    pairs = sets["pairs"]
    planted, pair_planted = scorers(entity_ids(bin, db), sets)

    lists = [
        ("disrupt locations", ["disrupt", "locations"], lambda r: planted(r["entity"], "location")),
        ("disrupt people", ["disrupt", "people"], lambda r: planted(r["entity"], "person")),
        ("disrupt vehicles", ["disrupt", "vehicles"], lambda r: planted(r["entity"], "vehicle")),
        ("disrupt phones", ["disrupt", "phones"], lambda r: planted(r["entity"], "phone")),
        ("notices candidates", ["notices", "candidates", "--kind", "cawn"], pair_planted),
        ("trawl: adults", ["trawl", "missing", "--days", "36600"], lambda r: planted(r.get("entity", ""), "person")),
        ("trawl: places", ["trawl", "missing", "--days", "36600"], lambda r: planted(r.get("entity", ""), "location")),
    ]
    sections = {"trawl: adults": "recurringAdults", "trawl: places": "recurringPlaces"}
    if baseline:
        print("%-20s %8s %9s %6s %6s %10s" % ("list", "seconds", "baseline", "ratio", "rows", "precision"))
    else:
        print("%-20s %8s %6s %10s" % ("list", "seconds", "rows", "precision"))
    for name, args, is_planted in lists:
        if baseline:
            times, base = [], []
            for _ in range(3):
                p, t = run([bin] + args + ["--db", db, "--format", "json", "--limit", str(top)])
                times.append(t)
                _, b = run([baseline] + args + ["--db", base_db, "--format", "json", "--limit", str(top)])
                base.append(b)
            t = min(times)
        else:
            p, t = run([bin] + args + ["--db", db, "--format", "json", "--limit", str(top)])
        doc = json.loads(p.stdout) if p.stdout.strip() else []
        rows = doc[sections[name]] if name in sections else rows_of(doc)
        hits = sum(1 for r in rows[:top] if is_planted(r))
        shown = min(top, len(rows))
        precision = "%d/%d = %.2f" % (hits, shown, hits / shown) if shown else "-"
        if baseline:
            print("%-20s %8.2f %9.2f %6.2f %6d %10s" % (name, t, min(base), t / min(base), len(rows), precision), flush=True)
        else:
            print("%-20s %8.2f %6d %10s" % (name, t, len(rows), precision), flush=True)
    # The child with the most episodes, for the missing brief.
    counts = {}
    for line in open(os.path.join(work, "network.jsonl")):
        if line.startswith('{"type":"missing"'):
            c = json.loads(line)["child"]
            counts[c] = counts.get(c, 0) + 1
    child = max(sorted(counts), key=lambda c: counts[c])
    runs = []
    for _ in range(3):
        p, t = run([bin, "missing", "brief", child, "--db", db])
        runs.append(t)
    print("%-20s %8.2f  (best of 3; %s, %d episodes)" % ("missing brief", min(runs), child, counts[child]))
    # Recall of the notice rule over all candidates, not just the top rows.
    p, t = run([bin, "notices", "candidates", "--kind", "cawn", "--db", db, "--format", "json", "--limit", "0"])
    doc = json.loads(p.stdout) if p.stdout.strip() else []
    rows = rows_of(doc)
    found = sum(1 for r in rows if pair_planted(r))
    print("notices candidates: %d rows in %.2f s; %d of %d planted pairs listed (recall %.3f); precision %.3f"
          % (len(rows), t, found, len(pairs), found / max(1, len(pairs)), found / max(1, len(rows))))
    # Pairs that meet the rule only with associations resting on weak items are listed apart, for
    # a person to corroborate: planted pairs found there are not lost, but never candidates.
    weak = doc.get("needsCorroboration", []) if isinstance(doc, dict) else []
    if weak:
        apart = sum(1 for r in weak if pair_planted(r))
        print("  and %d rows needing corroboration: %d more planted pairs (their associations graded below 2C); "
              "recall with them %.3f" % (len(weak), apart, (found + apart) / max(1, len(pairs))))


if __name__ == "__main__":
    main()
