#!/usr/bin/env python3
"""MACE panel pack benchmark: the time to build a pack of 20 children on a generated network, and the
time for one chronology, against the separate commands the pack replaces, run in the same script.

  Benchmarks/pack.py [--people 100000] [--seed 42] [--work DIR] [--runs 3]

Builds the release binary, generates PEOPLE fictional people and ingests them (or reuses DIR's store).
The agenda is the 20 children with the most missing episodes (as lists.py picks the brief's child).
Each command runs in a fresh process, best of RUNS:

- `pack --children <the 20>` for police analysts and for a MACE partner (screened, references
  minted), the panel date the day after the newest item;
- `chronology` of the busiest child (JSON);
- the peer: what a coordinator would otherwise run for the same pack, one command each: a
  chronology and a `render ego` picture of each of the 20 children, the four `disrupt` lists,
  `notices candidates` and `trawl missing`. Their times are summed; the pack's ratio to that sum
  says what building it as one job saves (or costs).

Goals (issue 14): the pack under 30 s, one chronology under a second.
"""
import json, os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def run(cmd, env):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t
    if p.returncode not in (0, 1):
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr[-2000:]))
    return p, elapsed


def best(cmd, env, runs):
    return min(run(cmd, env)[1] for _ in range(runs))


def main():
    people = int(arg("--people", "100000"))
    seed = arg("--seed", "42")
    runs = int(arg("--runs", "3"))
    work = arg("--work", None) or tempfile.mkdtemp(prefix="sightline-pack-")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, SIGHTLINE_TODAY="2026-01-31", SIGHTLINE_AUDIT_KEY=os.path.join(work, "audit.key"))
    subprocess.run(["swift", "build", "-c", "release", "--product", "sightline"], cwd=ROOT, check=True, capture_output=True)
    bin_ = os.path.join(ROOT, ".build/release/sightline")
    db = os.path.join(work, "net.sqlite")
    gen = os.path.join(work, "gen", "network.jsonl")
    if not os.path.exists(db):
        run([bin_, "generate", "--people", str(people), "--seed", seed, "--out", os.path.join(work, "gen")], env)
        p, t = run([bin_, "ingest", gen, "--db", db], env)
        print("ingested %d people in %.1f s" % (people, t))
    counts, newest = {}, ""
    for line in open(gen):
        if line.startswith('{"type":"missing"'):
            c = json.loads(line)["child"]
            counts[c] = counts.get(c, 0) + 1
        elif line.startswith('{"type":"item"'):
            newest = max(newest, json.loads(line).get("recorded", "")[:10])
    children = sorted(sorted(counts), key=lambda c: -counts[c])[:20]
    y, m, d = map(int, newest.split("-"))
    import datetime
    panel = (datetime.date(y, m, d) + datetime.timedelta(days=1)).isoformat()
    print("network: %s (%d people); agenda: the 20 children with the most missing episodes (%d to %d); panel %s"
          % (db, people, counts[children[-1]], counts[children[0]], panel))

    partner = ["--audience", "mace_partner"]
    pack = [bin_, "pack", "--db", db, "--panel-date", panel, "--purpose", "benchmark", "--children", ",".join(children)]
    t_police = best(pack + ["-o", os.path.join(work, "pack-police")], env, runs)
    t_partner = best(pack + partner[:2] + ["--recipient", "panel", "-o", os.path.join(work, "pack-partner")], env, runs)
    t_chronology = best([bin_, "chronology", children[0], "--db", db, "--format", "json"], env, runs)

    # The peer: the same content, one command at a time.
    peer = 0.0
    for c in children:
        peer += run([bin_, "chronology", c, "--db", db, "--format", "json", "--until", panel], env)[1]
        peer += run([bin_, "render", "ego", c, "--hops", "1", "--db", db, "-o", os.path.join(work, "ego.svg")], env)[1]
    for lst in (["disrupt", "people"], ["disrupt", "locations"], ["disrupt", "vehicles"], ["disrupt", "phones"],
                ["notices", "candidates"], ["trawl", "missing"]):
        peer += run([bin_] + lst + ["--db", db, "--format", "csv", "--as-of", panel], env)[1]

    files = sum(len(fs) for _, _, fs in os.walk(os.path.join(work, "pack-police")))
    size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(os.path.join(work, "pack-police")) for f in fs)
    print("pack, police analysts: %.2f s (goal: under 30 s); %d files, %.1f MB" % (t_police, files, size / 1e6))
    print("pack, mace_partner:    %.2f s" % t_partner)
    print("one chronology:        %.3f s (goal: under 1 s)" % t_chronology)
    print("the separate commands (20 chronologies, 20 pictures, 6 lists): %.2f s; the pack takes %.2fx their time"
          % (peer, t_police / peer))


if __name__ == "__main__":
    main()
