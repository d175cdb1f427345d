#!/usr/bin/env python3
"""Regenerate the golden reference files for Sightline's graph engine.

Run from anywhere:  python3 make_reference.py
(With igraph importable, e.g. from a throwaway venv holding networkx, igraph,
scipy and numpy, crosscheck.txt also gets the igraph comparison.)

Every reference value is computed from a networkx graph built by reading back
the NAME.edges.csv file this script writes, so the golden numbers describe
exactly what the CSV says:
  * undirected files -> nx.Graph, directed files -> nx.DiGraph;
  * a repeated row (parallel edge, either direction for undirected graphs)
    collapses into one edge; for weighted files the LAST row's weight wins
    (nx.Graph.add_edges_from updates the edge's data dict);
  * a row "x,x" is a self-loop and is kept in the graph (see README.md for
    what each measure does with it).
See README.md for the file formats and conventions.
"""

import csv
import math
import os
import platform
import sys

import networkx as nx

try:
    import igraph as ig
except ImportError:  # cross-checks are skipped without igraph
    ig = None

HERE = os.path.dirname(os.path.abspath(__file__))

COLUMNS = ["node", "degree", "betweenness", "closeness", "harmonic",
           "pagerank", "eigenvector", "coreness", "component"]

# Always written as floats; degree is an int unless weighted, coreness and
# component are ints.
FLOAT_COLUMNS = {"betweenness", "closeness", "harmonic", "pagerank", "eigenvector"}

NOTES = []          # human-readable findings, written to crosscheck.txt
CROSS = []          # (graph, measure, max abs diff or text)


def note(msg):
    NOTES.append(msg)
    print("NOTE:", msg)


# --------------------------------------------------------------------------
# Graph definitions: (name, directed, weighted, rows)
# rows are tuples of strings/numbers written verbatim, in this order.
# --------------------------------------------------------------------------

def graph_specs():
    specs = []

    karate = nx.karate_club_graph()
    specs.append(("karate", False, False,
                   [(str(u), str(v)) for u, v in karate.edges()]))
    specs.append(("karate_weighted", False, True,
                   [(str(u), str(v), d["weight"]) for u, v, d in karate.edges(data=True)]))

    flor = nx.florentine_families_graph()
    specs.append(("florentine", False, False,
                  [(str(u), str(v)) for u, v in flor.edges()]))

    lesmis = nx.les_miserables_graph()
    specs.append(("lesmis", False, False,
                  [(str(u), str(v)) for u, v in lesmis.edges()]))
    specs.append(("lesmis_weighted", False, True,
                  [(str(u), str(v), d["weight"]) for u, v, d in lesmis.edges(data=True)]))

    kite = nx.krackhardt_kite_graph()
    specs.append(("kite", False, False,
                  [(str(u), str(v)) for u, v in kite.edges()]))

    # ---- hand-made graphs ------------------------------------------------
    specs.append(("empty", False, False, []))

    # A lone node cannot be written in an edge list: it is the self-loop a,a.
    specs.append(("single", False, False, [("a", "a")]))

    # Two triangles and a 3-node path.  Rows are deliberately not in the
    # order of the component numbering (numbering is by smallest node name).
    specs.append(("disconnected", False, False, [
        ("p", "q"), ("q", "r"), ("r", "p"),      # triangle -> component 1
        ("x", "y"), ("y", "z"),                  # path     -> component 2
        ("b", "a"), ("c", "b"), ("a", "c"),      # triangle -> component 0
    ]))

    # Multigraph rows: a-b three times (once reversed), a self-loop on c,
    # c-d twice.
    specs.append(("selfloop_parallel", False, False, [
        ("a", "b"), ("a", "b"), ("b", "a"), ("b", "c"), ("c", "c"),
        ("c", "d"), ("d", "c"), ("a", "c"), ("d", "e"),
    ]))
    # Same rows, weighted.  The last row for each pair wins:
    # {a,b} -> 2 (from row b,a,2), {c,d} -> 1 (from row d,c,1), loop c -> 5.
    specs.append(("selfloop_parallel_weighted", False, True, [
        ("a", "b", 1), ("a", "b", 3), ("b", "a", 2), ("b", "c", 1), ("c", "c", 5),
        ("c", "d", 4), ("d", "c", 1), ("a", "c", 4), ("d", "e", 2),
    ]))

    # Weighted graph where weighted shortest paths differ from hop-count
    # ones; s->t has two tied weighted shortest paths of length 4
    # (s-a-b-t and s-a-c-t) while the direct s-t edge costs 10.
    specs.append(("weighted_path", False, True, [
        ("s", "t", 10), ("s", "a", 1), ("a", "b", 2), ("b", "t", 1),
        ("a", "c", 1), ("c", "t", 2), ("t", "u", 1), ("s", "u", 8),
        ("a", "u", 6), ("u", "v", 0.5),
    ]))

    specs.append(("star", False, False,
                  [("h", "l%d" % i) for i in range(1, 7)]))

    # Directed: cycles a->b->c->a and c->d->e->c, a source f, a sink g.
    specs.append(("directed_small", True, False, [
        ("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"),
        ("e", "c"), ("f", "a"), ("b", "g"),
    ]))
    return specs


# --------------------------------------------------------------------------
# I/O
# --------------------------------------------------------------------------

def write_edges(name, weighted, rows):
    path = os.path.join(HERE, name + ".edges.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight"] if weighted else ["source", "target"])
        for r in rows:
            if weighted:
                wt = r[2]
                w.writerow([r[0], r[1], repr(wt) if isinstance(wt, float) else str(wt)])
            else:
                w.writerow([r[0], r[1]])
    return path


def read_graph(path, directed, weighted):
    """Build the reference graph from a CSV exactly as a user would."""
    G = nx.DiGraph() if directed else nx.Graph()
    with open(path, newline="") as f:
        rd = csv.reader(f)
        header = next(rd)
        for row in rd:
            if weighted:
                G.add_edges_from([(row[0], row[1], {"weight": float(row[2])})])
            else:
                G.add_edges_from([(row[0], row[1])])
    assert header[:2] == ["source", "target"]
    return G


def fmt(x):
    if x is None:
        return ""
    if isinstance(x, bool):
        raise TypeError(x)
    if isinstance(x, int):
        return str(x)
    return repr(float(x))


# --------------------------------------------------------------------------
# networkx measures
# --------------------------------------------------------------------------

def components(G):
    comps = (nx.weakly_connected_components(G) if G.is_directed()
             else nx.connected_components(G))
    comps = sorted(comps, key=lambda c: min(c))
    return {n: i for i, c in enumerate(comps) for n in c}


def compute(name, G, weighted):
    """Return dict measure -> {node: value}, networkx defaults as called."""
    res = {}
    if weighted:
        res["degree"] = {n: G.degree(n, weight="weight") for n in G}
        res["betweenness"] = nx.betweenness_centrality(G, weight="weight")
        res["closeness"] = nx.closeness_centrality(G, distance="weight")
        res["harmonic"] = nx.harmonic_centrality(G, distance="weight")
        res["pagerank"] = nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000,
                                      weight="weight")
    else:
        res["degree"] = {n: G.degree(n) for n in G}
        res["betweenness"] = nx.betweenness_centrality(G)
        res["closeness"] = nx.closeness_centrality(G)
        res["harmonic"] = nx.harmonic_centrality(G)
        res["pagerank"] = nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000)

    wkw = {"weight": "weight"} if weighted else {}
    ev = None
    try:
        ev = nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, **wkw)
    except nx.PowerIterationFailedConvergence as e:
        note(f"{name}: eigenvector_centrality did not converge ({e}); cells left empty")
    except nx.NetworkXException as e:
        if len(G):
            note(f"{name}: eigenvector_centrality raised {type(e).__name__}: {e}")
    res["eigenvector"] = ev if ev is not None else {n: None for n in G}

    if len(G):
        try:
            evn = nx.eigenvector_centrality_numpy(G, **wkw)
            if ev is not None:
                d = max(abs(ev[n] - evn[n]) for n in G)
                msg = (f"{name}: eigenvector_centrality vs eigenvector_centrality_numpy "
                       f"max abs diff {d:.3g}")
                if d > 1e-6:
                    msg += "  ** DISAGREE > 1e-6 **"
                note(msg)
                CROSS.append((name, "eigenvector(nx power vs nx numpy)", d))
        except Exception as e:  # AmbiguousSolution, ARPACK size limits, ...
            note(f"{name}: eigenvector_centrality_numpy not usable: "
                 f"{type(e).__name__}: {str(e).splitlines()[0]}")

    H = G
    if nx.number_of_selfloops(G):
        try:
            nx.core_number(G)
            note(f"{name}: core_number ACCEPTED a graph with self-loops")
        except nx.NetworkXNotImplemented as e:
            note(f"{name}: core_number refuses self-loops ({type(e).__name__}: {e}); "
                 "coreness computed after G.remove_edges_from(nx.selfloop_edges(G))")
        H = G.copy()
        H.remove_edges_from(list(nx.selfloop_edges(H)))
    res["coreness"] = nx.core_number(H)
    res["component"] = components(G)
    return res


def write_measures(path, G, res):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for n in sorted(G, key=str):
            row = [n]
            for c in COLUMNS[1:]:
                v = res[c][n]
                if c in FLOAT_COLUMNS and v is not None:
                    v = float(v)   # e.g. harmonic_centrality's int 0 -> 0.0
                row.append(fmt(v))
            w.writerow(row)


# --------------------------------------------------------------------------
# igraph cross-check
# --------------------------------------------------------------------------

def to_igraph(G, weighted, drop_loops=False):
    nodes = sorted(G, key=str)
    idx = {n: i for i, n in enumerate(nodes)}
    edges, weights = [], []
    for u, v, d in G.edges(data=True):
        if drop_loops and u == v:
            continue
        edges.append((idx[u], idx[v]))
        weights.append(d.get("weight", 1.0))
    g = ig.Graph(n=len(nodes), edges=edges, directed=G.is_directed())
    if weighted:
        g.es["weight"] = weights
    return g, nodes


def maxdiff(a, b):
    return max((abs(x - y) for x, y in zip(a, b)), default=0.0)


def crosscheck(name, G, weighted, res):
    if ig is None or len(G) == 0:
        return
    g, nodes = to_igraph(G, weighted)
    n = len(nodes)
    directed = G.is_directed()
    w = "weight" if weighted else None
    mode = "in" if directed else "all"   # networkx closeness/harmonic use in-distances
    nxv = lambda m: [float(res[m][v]) for v in nodes]

    b = g.betweenness(directed=directed, weights=w)
    if n > 2:
        scale = (1.0 if directed else 2.0) / ((n - 1) * (n - 2))
        b = [x * scale for x in b]
    else:
        b = [0.0 for _ in b]
    CROSS.append((name, "betweenness", maxdiff(b, nxv("betweenness"))))

    # igraph: (r-1)/sum over the r nodes reachable (incl. itself), NaN if r=1.
    # networkx wf_improved multiplies that by (r-1)/(n-1); on a connected
    # graph that factor is 1.
    c = g.closeness(mode=mode, weights=w)
    cc = []
    for i, x in enumerate(c):
        r = len(g.subcomponent(i, mode=mode))
        cc.append(0.0 if (x is None or math.isnan(x) or n < 2) else x * (r - 1) / (n - 1))
    connected = (nx.is_strongly_connected(G) if directed else nx.is_connected(G))
    label = "closeness" + ("" if connected else
                           " (igraph x (r-1)/(n-1); graph not %sconnected)"
                           % ("strongly " if directed else ""))
    CROSS.append((name, label, maxdiff(cc, nxv("closeness"))))

    h = g.harmonic_centrality(mode=mode, weights=w, normalized=False)
    CROSS.append((name, "harmonic", maxdiff(h, nxv("harmonic"))))

    p = g.pagerank(damping=0.85, directed=directed, weights=w)
    CROSS.append((name, "pagerank", maxdiff(p, nxv("pagerank"))))

    g2, _ = to_igraph(G, weighted, drop_loops=True)
    k = g2.coreness(mode="all")
    CROSS.append((name, "coreness", maxdiff(k, nxv("coreness"))))

    def ig_eigen(graph):
        # igraph 1.0 rejects directed=False on an undirected graph, so only
        # pass it for directed ones.  igraph scales max to 1; rescale to the
        # unit L2 norm networkx uses.
        kw = {"directed": True} if directed else {}
        e = graph.eigenvector_centrality(weights=w, **kw)
        norm = math.sqrt(sum(x * x for x in e)) or 1.0
        return [x / norm for x in e]

    weakly = nx.is_weakly_connected(G) if directed else nx.is_connected(G)
    if not weakly:
        # The leading eigenvalue is shared by several components: the
        # eigenvector is not unique and igraph's ARPACK answer changes from
        # run to run.  networkx's power iteration from the all-ones start is
        # deterministic but equally arbitrary.
        CROSS.append((name, "eigenvector", "skipped: disconnected, not unique"))
    elif res["eigenvector"][nodes[0]] is not None:
        try:
            CROSS.append((name, "eigenvector (igraph rescaled to unit L2 norm)",
                          maxdiff(ig_eigen(g), nxv("eigenvector"))))
        except Exception as ex:
            CROSS.append((name, "eigenvector", f"igraph failed: {ex}"))

    if nx.number_of_selfloops(G) and not directed:
        # igraph puts 2*w on the adjacency diagonal for an undirected
        # self-loop, networkx puts w.  Check that this is the whole
        # difference: rerun networkx with every self-loop weight doubled.
        D = G.copy()
        for u, v, d in D.edges(data=True):
            d["weight"] = d.get("weight", 1.0) * (2 if u == v else 1)
        pd = nx.pagerank(D, alpha=0.85, tol=1e-12, max_iter=10000, weight="weight")
        CROSS.append((name, "pagerank vs networkx with self-loop weight doubled",
                      maxdiff(p, [pd[v] for v in nodes])))
        ed = nx.eigenvector_centrality(D, max_iter=10000, tol=1e-12, weight="weight")
        try:
            CROSS.append((name, "eigenvector vs networkx with self-loop weight doubled",
                          maxdiff(ig_eigen(g), [ed[v] for v in nodes])))
        except Exception as ex:
            CROSS.append((name, "eigenvector (loop doubled)", f"igraph failed: {ex}"))


# --------------------------------------------------------------------------
# Louvain
# --------------------------------------------------------------------------

def louvain(name, G, weighted):
    comms = nx.community.louvain_communities(G, seed=42)
    q42 = nx.community.modularity(G, comms)
    best, best_seed, best_k = -math.inf, None, None
    for seed in range(20):
        cs = nx.community.louvain_communities(G, seed=seed)
        q = nx.community.modularity(G, cs)
        if q > best:
            best, best_seed, best_k = q, seed, len(cs)
    path = os.path.join(HERE, name + ".louvain.txt")
    with open(path, "w") as f:
        f.write(f"# {name}: {'weighted (weight attribute)' if weighted else 'unweighted'} graph "
                f"from {name}.edges.csv\n")
        f.write("# nx.community.modularity(G, nx.community.louvain_communities(G, seed=S))\n")
        f.write(f"modularity_seed42={q42!r}\n")
        f.write(f"communities_seed42={len(comms)}\n")
        f.write(f"best_modularity_seeds_0_19={best!r}\n")
        f.write(f"best_seed={best_seed}\n")
        f.write(f"communities_best_seed={best_k}\n")
    print(f"{name}: louvain seed42 Q={q42:.6f} best Q={best:.6f} (seed {best_seed})")


# --------------------------------------------------------------------------

def versions():
    import numpy
    import scipy
    lines = [
        f"python {platform.python_version()}",
        f"networkx {nx.__version__}",
        f"scipy {scipy.__version__}",
        f"numpy {numpy.__version__}",
        f"igraph {ig.__version__ if ig is not None else 'not available (no cross-check)'}",
        f"platform {platform.platform()}",
    ]
    return lines


def main():
    # Several networkx routines iterate over Python sets of string nodes
    # (e.g. harmonic_centrality's sources, louvain internals), so the order of
    # float summation, and with it the last bits of some values, would change
    # from run to run with hash randomisation.  Pin it so the files are
    # byte-for-byte reproducible.
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)
    vers = versions()
    for line in vers:
        print(line)
    with open(os.path.join(HERE, "versions.txt"), "w") as f:
        f.write("\n".join(vers) + "\n")

    for name, directed, weighted, rows in graph_specs():
        path = write_edges(name, weighted, rows)
        G = read_graph(path, directed, weighted)
        res = compute(name, G, weighted)
        write_measures(os.path.join(HERE, name + ".networkx.csv"), G, res)
        if nx.number_of_selfloops(G):
            # Same graph with self-loops removed, for engines that drop them.
            H = G.copy()
            H.remove_edges_from(list(nx.selfloop_edges(H)))
            rH = compute(name + ".noselfloops", H, weighted)
            write_measures(os.path.join(HERE, name + ".noselfloops.networkx.csv"), H, rH)
            crosscheck(name + ".noselfloops", H, weighted, rH)
        crosscheck(name, G, weighted, res)
        print(f"{name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
              f"{nx.number_of_selfloops(G)} self-loops, {len(rows)} rows")
        if name in ("karate", "karate_weighted", "florentine", "lesmis",
                    "lesmis_weighted", "kite"):
            louvain(name, G, weighted)

    with open(os.path.join(HERE, "crosscheck.txt"), "w") as f:
        f.write("# versions: " + "; ".join(vers[:5]) + "\n")
        if ig is None:
            f.write("# igraph not available: only networkx-internal checks below\n")
        else:
            f.write("# max |igraph - networkx| per graph and measure; igraph built from the\n"
                    "# same collapsed nx graph (self-loops kept, removed for coreness).\n"
                    "# betweenness normalised as networkx: 2b/((n-1)(n-2)) undirected,\n"
                    "# b/((n-1)(n-2)) directed; closeness/harmonic use mode='in' for directed.\n")
        f.write("graph,measure,max_abs_diff\n")
        for g, m, d in CROSS:
            f.write(f"{g},{m},{d if isinstance(d, str) else format(d, '.3g')}\n")
        f.write("\n# notes\n")
        for msg in NOTES:
            f.write("# " + msg + "\n")
    print("\nCross-check maxima:")
    for g, m, d in CROSS:
        print(f"  {g:28s} {m:60s} {d if isinstance(d, str) else format(d, '.3g')}")


if __name__ == "__main__":
    sys.exit(main())
