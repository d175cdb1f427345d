#!/usr/bin/env python3
"""Graph-engine benchmark: Sightline against python-igraph and NetworKit, side by side, in one run.

For each size it writes a planted-partition graph with Benchmarks/planted_partition.py
(communities of 50-200 nodes, 85% of edges inside, seed 42), then times every algorithm the
engines share, each in a fresh process:

  sightline measure --edges F --measures X --timings   (best of up to 5 runs, like the peers)
  Benchmarks/peer_measure.py LIB ALGO F                (igraph and NetworKit; their exact calls)

and prints times, peak memory and the ratio of Sightline's time to the fastest peer's.

  Benchmarks/graph.py [--sizes 10k,100k,1m] [--python PATH_TO_VENV_PYTHON] [--only load,leiden,...] [--work DIR]

The peers need `pip install igraph networkit leidenalg pandas numpy` in the Python given by
--python (a throwaway venv). Outside the test suite on purpose.
"""
import argparse, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "Benchmarks")   # planted_partition.py and peer_measure.py
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

def parse_arguments(argv=None):
    labels = [a[0] for a in ALGORITHMS]
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                epilog="algorithms: " + ", ".join(labels))
    p.add_argument("--sizes", default="10k,100k", help="comma-separated sizes among %s (default 10k,100k)" % ", ".join(SIZES))
    p.add_argument("--python", default=sys.executable,
                   help="the Python with igraph, networkit, leidenalg, pandas and numpy (a throwaway venv's bin/python)")
    p.add_argument("--only", default=None, help="comma-separated algorithm labels to run (default: all)")
    p.add_argument("--work", default=None, help="folder for the generated graphs, kept between runs (default: a new temporary folder)")
    args = p.parse_args(argv)
    args.sizes = args.sizes.split(",")
    unknown = [s for s in args.sizes if s not in SIZES]
    if unknown:
        p.error("unknown size %s; sizes are %s" % (", ".join(unknown), ", ".join(SIZES)))
    if args.only:
        args.only = args.only.split(",")
        unknown = [a for a in args.only if a not in labels]
        if unknown:
            p.error("unknown algorithm %s; algorithms are %s" % (", ".join(unknown), ", ".join(labels)))
    return args

def main():
    args = parse_arguments()
    sizes, python, only = args.sizes, args.python, args.only
    subprocess.run(["swift", "build", "-c", "release", "--product", "sightline"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    sightline = os.path.join(ROOT, ".build/release/sightline")
    work = args.work or tempfile.mkdtemp(prefix="sightline-graph-bench-")
    os.makedirs(work, exist_ok=True)
    print(f"{'size':6} {'algorithm':14} {'sightline':>10} {'igraph':>10} {'networkit':>10} {'ratio':>7}  peak MiB (s/ig/nk)  modularity (s/ig/nk)")
    for size in sizes:
        n, m = SIZES[size]
        edges = os.path.join(work, f"pp{size}.csv")
        if not os.path.exists(edges):  # --work keeps generated graphs between runs
            subprocess.run([python, os.path.join(HERE, "planted_partition.py"), str(n), str(m), "42", edges],
                           check=True, stdout=subprocess.DEVNULL)
        for label, measure, extra, peer_algo, where in ALGORITHMS:
            if size not in where or (only and label not in only):
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
                p = subprocess.run([python, os.path.join(HERE, "peer_measure.py"), lib, peer_algo, edges],
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
