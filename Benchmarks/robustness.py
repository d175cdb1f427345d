#!/usr/bin/env python3
"""Robustness benchmark: do the lists keep single-source decoys out of their top rows?

  Benchmarks/robustness.py [--people 100000] [--seed 42] [--top 20] [--work DIR] [--rates 0.01,0.05,0.10]

For each decoy rate it generates PEOPLE fictional people with `sightline generate --decoys RATE`
(places, adults, vehicles and phones linked to many children at risk and suspects only by weak
items, source 2 or 3 and assessment D or E, from one agency each; listed in truth.json under
`decoys`), ingests them, and runs each list as JSON twice: as is, and with `--unweighted` (each
count as it was before lists weighed evidence; "n/a" when the build has no such flag, exit 2).
For each list, rate and mode it prints the wall time, the precision of the first TOP ranked rows
(planted rows / rows shown, matched to the truth as Benchmarks/lists.py does) and how many of
them are decoys. Only the ranked rows count: rows a list holds back as needing corroboration are
not ranked.

The summary line per rate gives the lowest precision across the lists and the decoys ranked in
all of them, and PASS when every list has precision >= 0.95 and no decoy in its first TOP rows.
The run day is fixed (SIGHTLINE_TODAY), as in lists.py. Figures go in docs/benchmarks.md.
"""
import json, os, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lists import arg, build, run, rows_of, truth_sets, entity_ids, scorers, vehicle_key  # noqa: E402

LISTS = [
    ("disrupt locations", ["disrupt", "locations"], "location"),
    ("disrupt people", ["disrupt", "people"], "person"),
    ("disrupt vehicles", ["disrupt", "vehicles"], "vehicle"),
    ("disrupt phones", ["disrupt", "phones"], "phone"),
    ("notices candidates", ["notices", "candidates", "--kind", "cawn"], "pair"),
]
MIN_PRECISION = 0.95


def decoy_sets(truth):
    d = truth.get("decoys", {})
    return {
        "location": set(d.get("locations", [])),
        "person": set(d.get("people", [])),
        "vehicle": {vehicle_key(v) for v in d.get("vehicles", [])},
        "phone": set(d.get("phones", [])),
    }


def prepare(bin, work, people, seed, rate):
    """Generates and ingests one network per rate (kept in WORK/rate-R for a later run)."""
    folder = os.path.join(work, "rate-%s" % rate)
    db = os.path.join(folder, "s.sqlite")
    if not os.path.exists(db):
        p, _ = run([bin, "generate", "--people", str(people), "--seed", seed, "--decoys", rate, "--out", folder])
        _, t = run([bin, "ingest", os.path.join(folder, "network.jsonl"), "--db", db])
        print("rate %s: %s; ingested in %.0f s" % (rate, p.stdout.strip().split("(", 1)[-1].rstrip(")"), t), flush=True)
    return folder, db


def main():
    people = int(arg("--people", "100000"))
    seed = arg("--seed", "42")
    top = int(arg("--top", "20"))
    rates = arg("--rates", "0.01,0.05,0.10").split(",")
    bin = build()
    work = arg("--work", None) or tempfile.mkdtemp(prefix="sightline-robustness-bench-")
    print("%d people, seed %s, first %d ranked rows (%s)" % (people, seed, top, work), flush=True)
    summaries = []
    for rate in rates:
        folder, db = prepare(bin, work, people, seed, rate)
        truth = json.load(open(os.path.join(folder, "truth.json")))
        ids = entity_ids(bin, db)
        planted, pair_planted = scorers(ids, truth_sets(truth))
        decoys = decoy_sets(truth)

        def is_decoy(row, kind):
            if kind == "pair":
                return bool(ids.get(row.get("adultID"), set()) & decoys["person"])
            return bool(ids.get(row.get("entity"), set()) & decoys[kind])

        print("%-20s %-10s %8s %6s %14s %7s" % ("list", "mode", "seconds", "rows", "precision", "decoys"))
        results = {"as is": [], "unweighted": []}
        for name, args, kind in LISTS:
            for mode, extra in (("as is", []), ("unweighted", ["--unweighted"])):
                p, t = run([bin] + args + extra + ["--db", db, "--format", "json", "--limit", str(top)], check=False)
                if extra and p.returncode == 2:
                    print("%-20s %-10s %8s" % (name, mode, "n/a"), flush=True)
                    continue
                if p.returncode not in (0, 1):
                    sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(args + extra), p.stderr[-2000:]))
                rows = rows_of(json.loads(p.stdout) if p.stdout.strip() else [])[:top]
                hits = sum(1 for r in rows if (pair_planted(r) if kind == "pair" else planted(r.get("entity"), kind)))
                fakes = sum(1 for r in rows if is_decoy(r, kind))
                precision = hits / len(rows) if rows else 0.0  # a list that ranks nothing fails
                results[mode].append((precision, fakes))
                shown = "%d/%d = %.2f" % (hits, len(rows), precision) if rows else "-"
                print("%-20s %-10s %8.2f %6d %14s %7d" % (name, mode, t, len(rows), shown, fakes), flush=True)
        parts = []
        for mode in ("as is", "unweighted"):
            r = results[mode]
            if not r:
                parts.append("%s: n/a" % mode)
                continue
            low, total = min(p for p, _ in r), sum(f for _, f in r)
            verdict = "PASS" if low >= MIN_PRECISION and total == 0 else "FAIL"
            parts.append("%s: min precision %.2f, %d decoys ranked, %s" % (mode, low, total, verdict))
        summaries.append("rate %s: %s" % (rate, "; ".join(parts)))
        print(flush=True)
    print("summary (PASS: precision >= %.2f and no decoy in the first %d rows of every list)" % (MIN_PRECISION, top))
    for s in summaries:
        print(s)


if __name__ == "__main__":
    main()
