#!/usr/bin/env python3
"""Graph-engine benchmark: Sightline against python-igraph and NetworKit, side by side, in one run.

For each size it writes a planted-partition graph with ../shared/bench/planted_partition.py
(communities of 50-200 nodes, 85% of edges inside, seed 42), then times every algorithm the
engines share, each in a fresh process:

  sightline measure --edges F --measures X --timings   (best of up to 5 runs, like the peers)
  ../shared/bench/peer_measure.py LIB ALGO F           (igraph and NetworKit; their exact calls)

and prints times, peak memory and the ratio of Sightline's time to the fastest peer's.

  Benchmarks/graph.py [--sizes 10k,100k,1m] [--python PATH_TO_VENV_PYTHON] [--only load,leiden,...] [--work DIR]

The peers need `pip install igraph networkit leidenalg pandas numpy` in the Python given by
--python (a throwaway venv). Outside the test suite on purpose.
"""
import json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "bench")
SIZES = {"10k": (10_000, 50_000), "100k": (100_000, 500_000), "1m": (1_000_000, 5_000_000)}
# (label, Sightline measure, extra measure arguments, peer algorithm, sizes). Exact all-pairs
# measures run at 10k only, as in the issue; sampled betweenness (256 sources) at 100k.
ALL = ("10k", "100k", "1m")
ALGORITHMS = [
    ("load", "load", [], "load", ALL),
    ("degree", "degree", [], "degree", ALL),
    ("components", "component", [], "cc", ALL),
    ("one BFS", "bfs", [], "bfs", ALL),
    ("k-core", "coreness", [], "kcore", ALL),
    ("pagerank", "pagerank", [], "pagerank", ALL),
    ("eigenvector", "eigenvector", [], "eigenvector", ALL),
    ("louvain", "community", ["--communities", "louvain"], "louvain", ALL),
    ("leiden", "community", ["--communities", "leiden"], "leiden", ALL),
    ("betweenness", "betweenness", [], "betweenness", ("10k",)),
    ("closeness", "closeness", [], "closeness", ("10k",)),
    ("harmonic", "harmonic", [], "harmonic", ("10k",)),
    ("betw. 256 src", "betweenness", ["--samples", "256"], "estimate_betw", ("100k",)),
]

def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default

def main():
    sizes = arg("--sizes", "10k,100k").split(",")
    python = arg("--python", sys.executable)
    subprocess.run(["swift", "build", "-c", "release", "--product", "sightline"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    sightline = os.path.join(ROOT, ".build/release/sightline")
    work = arg("--work", None) or tempfile.mkdtemp(prefix="sightline-graph-bench-")
    os.makedirs(work, exist_ok=True)
    print(f"{'size':6} {'algorithm':14} {'sightline':>10} {'igraph':>10} {'networkit':>10} {'ratio':>7}  peak MiB (s/ig/nk)  modularity (s/ig/nk)")
    only = arg("--only", None)
    for size in sizes:
        n, m = SIZES[size]
        edges = os.path.join(work, f"pp{size}.csv")
        if not os.path.exists(edges):  # --work keeps generated graphs between runs
            subprocess.run([python, os.path.join(SHARED, "planted_partition.py"), str(n), str(m), "42", edges],
                           check=True, stdout=subprocess.DEVNULL)
        for label, measure, extra, peer_algo, where in ALGORITHMS:
            if size not in where or (only and label not in only.split(",")):
                continue
            row, quality = {}, {}
            asked = "degree" if measure == "load" else measure
            p = subprocess.run([sightline, "measure", "--edges", edges, "--measures", asked, "--timings", "--format", "csv"] + extra,
                               capture_output=True, text=True, check=True)
            t = json.loads([l for l in p.stderr.splitlines() if l.startswith("{")][-1])
            row["sightline"] = (t["load_s"] if measure == "load" else t["best_s"][measure], t["peak_rss_mib"])
            if "modularity" in t:
                quality["sightline"] = t["modularity"]
            for lib in ("igraph", "networkit"):
                p = subprocess.run([python, os.path.join(SHARED, "peer_measure.py"), lib, peer_algo, edges],
                                   capture_output=True, text=True)
                if p.returncode != 0 or not p.stdout.strip():
                    continue
                r = json.loads(p.stdout.strip().splitlines()[-1])
                row[lib] = (r["load_s"] if peer_algo == "load" else r["best_s"], r["peak_rss_mib"])
                if "modularity" in r:
                    quality[lib] = r["modularity"]
            peers = [row[l][0] for l in ("igraph", "networkit") if l in row]
            ratio = row["sightline"][0] / min(peers) if peers else float("nan")
            fmt = lambda k: f"{row[k][0]:10.4f}" if k in row else f"{'-':>10}"
            mem = "/".join(f"{row[k][1]:.0f}" if k in row else "-" for k in ("sightline", "igraph", "networkit"))
            q = "/".join(f"{quality[k]:.4f}" if k in quality else "-" for k in ("sightline", "igraph", "networkit")) if quality else ""
            print(f"{size:6} {label:14} {fmt('sightline')} {fmt('igraph')} {fmt('networkit')} {ratio:7.2f}  {mem:18}  {q}", flush=True)

if __name__ == "__main__":
    main()
