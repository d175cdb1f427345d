#!/usr/bin/env python3
"""Differential check of `sightline measure` against networkx on random edge lists.

  scripts/crosscheck-networkx.py [--graphs N] [--seed S] [--sightline PATH]

Needs networkx and numpy (a throwaway venv: pip install networkx numpy scipy). For each of N seeded
random graphs of varied shape -- sparse and disconnected, scale-free, community-structured, stars
with isolated pairs; directed or not; weighted or not; with self-loops, repeated rows and node
names holding spaces, quotes, commas and non-ASCII letters -- it writes a CSV edge list, runs
`sightline measure --format csv` on it, builds the networkx graph from the same file exactly as the
golden reference files are built (Tests/SightlineGraphTests/Reference/make_reference.py), and
compares every node's values:

  degree, coreness: exactly (weighted degree within 1e-12 relative: the sum's order differs);
  component: the same partition;
  betweenness, closeness, harmonic: within 1e-9; pagerank, eigenvector: within 1e-6;
  community: Sightline's modularity against networkx's louvain_communities(seed=42), reported.

It prints one line per graph and a summary, and exits 1 if any value disagrees.
"""
import csv, json, math, os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "SightlineGraphTests", "Reference"))
import networkx as nx  # noqa: E402
import make_reference as ref  # noqa: E402

TOLERANCE = {"betweenness": 1e-9, "closeness": 1e-9, "harmonic": 1e-9, "pagerank": 1e-6, "eigenvector": 1e-6}
ODD_NAMES = ["O'Brien", "Zoë Ærø", "a, b", 'say "hi"', "  padded", "tab\tname", "<b>bold</b>", "&amp;", "back\\slash", "0",
             "007", "-1", "1e3", "Łódź", "名前"]


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def random_rows(rng, kind, n):
    """Edges (u, v) over node numbers 0..n-1 in the given shape."""
    if kind == "sparse":
        G = nx.gnm_random_graph(n, int(n * 0.8), seed=rng.randrange(1 << 30))
    elif kind == "scale-free":
        G = nx.barabasi_albert_graph(n, 2, seed=rng.randrange(1 << 30))
    elif kind == "communities":
        sizes = [n // 4] * 4
        G = nx.stochastic_block_model(sizes, [[0.3 if i == j else 0.01 for j in range(4)] for i in range(4)],
                                      seed=rng.randrange(1 << 30))
    else:  # a star and isolated pairs
        G = nx.star_graph(n // 2)
        G.add_edges_from((n // 2 + 1 + 2 * k, n // 2 + 2 + 2 * k) for k in range(n // 6))
    rows = list(G.edges())
    rng.shuffle(rows)
    return rows


def make_case(rng, i, folder):
    kind = ["sparse", "scale-free", "communities", "star"][i % 4]
    directed = i % 3 == 1
    weighted = i % 2 == 1
    n = rng.randrange(12, 90)
    rows = [(u, v) if rng.random() < 0.5 else (v, u) for u, v in random_rows(rng, kind, n)]
    if i % 5 == 0 and rows:
        rows += [rows[rng.randrange(len(rows))] for _ in range(3)]                     # repeated rows
    if i % 7 == 0 and rows:
        rows += [(rows[0][0], rows[0][0])]                                             # a self-loop
    names = {}
    def name(x):
        if x not in names:
            names[x] = ODD_NAMES[x] if (i % 4 == 3 and x < len(ODD_NAMES)) else f"n{x}" if i % 2 else str(x)
        return names[x]
    path = os.path.join(folder, f"case{i}.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target"] + (["weight"] if weighted else []))
        for u, v in rows:
            w.writerow([name(u), name(v)] + ([round(rng.uniform(0.1, 5.0), rng.choice([1, 2, 6]))] if weighted else []))
    return path, kind, directed, weighted


def read_networkx(path, directed, weighted):
    # As make_reference.read_graph, but reading names exactly as Sightline does (csv module, trimmed).
    G = nx.DiGraph() if directed else nx.Graph()
    with open(path, newline="") as f:
        rd = csv.reader(f)
        next(rd)
        for row in rd:
            a, b = row[0].strip(" \t"), row[1].strip(" \t")
            if weighted:
                G.add_edges_from([(a, b, {"weight": float(row[2])})])
            else:
                G.add_edges_from([(a, b)])
    return G


def main():
    count = int(arg("--graphs", "40"))
    rng = random.Random(int(arg("--seed", "7")))
    sightline = arg("--sightline", os.path.join(ROOT, ".build", "release", "sightline"))
    folder = tempfile.mkdtemp(prefix="sightline-crosscheck-")
    failures = 0
    worst = {m: 0.0 for m in TOLERANCE}
    for i in range(count):
        path, kind, directed, weighted = make_case(rng, i, folder)
        args = [sightline, "measure", "--edges", path, "--format", "csv"] + (["--directed"] if directed else []) + (["--weighted"] if weighted else [])
        p = subprocess.run(args, capture_output=True, text=True)
        if p.returncode != 0:
            print(f"case {i}: sightline failed: {p.stderr.strip()}")
            failures += 1
            continue
        ours = {r["node"]: r for r in csv.DictReader(p.stdout.splitlines())}
        G = read_networkx(path, directed, weighted)
        ref.note = lambda msg: None
        theirs = ref.compute(f"case{i}", G, weighted)
        problems = []
        if set(ours) != set(G.nodes):
            problems.append(f"nodes differ: {sorted(set(ours) ^ set(G.nodes))[:5]}")
        for node in G.nodes:
            if node not in ours:
                continue
            row = ours[node]
            deg = theirs["degree"][node]
            if (abs(float(row["degree"]) - deg) > 1e-12 * abs(deg)) if weighted else (int(row["degree"]) != deg):
                problems.append(f"degree {node!r}: {row['degree']} vs {deg}")
            if int(row["coreness"]) != theirs["coreness"][node]:
                problems.append(f"coreness {node!r}: {row['coreness']} vs {theirs['coreness'][node]}")
            for m, tol in TOLERANCE.items():
                t = theirs[m][node]
                if t is None:
                    continue  # networkx did not converge either
                if row[m] == "":
                    problems.append(f"{m} {node!r}: empty, networkx {t}")
                    continue
                d = abs(float(row[m]) - t)
                worst[m] = max(worst[m], d)
                if d > tol:
                    problems.append(f"{m} {node!r}: {row[m]} vs {t} (diff {d:.3g})")
        # Components: the same partition.
        by_ours, by_theirs = {}, {}
        for node in G.nodes:
            by_ours.setdefault(ours[node]["component"], set()).add(node)
            by_theirs.setdefault(theirs["component"][node], set()).add(node)
        if sorted(map(sorted, by_ours.values())) != sorted(map(sorted, by_theirs.values())):
            problems.append("components differ")
        # Communities: modularity, as networkx scores it, against networkx's Louvain.
        U = G.to_undirected() if directed else G
        comms = {}
        for node in G.nodes:
            comms.setdefault(ours[node]["community"], set()).add(node)
        wkey = "weight" if weighted else None
        q_ours = nx.community.modularity(U, comms.values(), weight=wkey) if U.number_of_edges() else 0
        q_nx = nx.community.modularity(U, nx.community.louvain_communities(U, weight=wkey, seed=42), weight=wkey) if U.number_of_edges() else 0
        flag = "ok" if not problems else "DIFFERS"
        print(f"case {i:3} {kind:12} {'directed' if directed else 'undirected':10} {'weighted' if weighted else 'plain':8} "
              f"n={G.number_of_nodes():3} m={G.number_of_edges():4}  modularity {q_ours:.4f} (networkx Louvain {q_nx:.4f})  {flag}")
        for pr in problems[:8]:
            print("    ", pr)
        failures += bool(problems)
    print(f"\n{count - failures} of {count} graphs agree with networkx {nx.__version__}; largest differences: "
          + ", ".join(f"{m} {d:.2g}" for m, d in worst.items()))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
