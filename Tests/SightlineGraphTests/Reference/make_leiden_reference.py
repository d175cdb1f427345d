#!/usr/bin/env python3
"""Write NAME.leiden.txt: igraph's Leiden modularity on the reference graphs that Louvain is
tested on, for Sightline's Leiden tests.

Run from a venv holding networkx and igraph (see README.md), after make_reference.py has written
the NAME.edges.csv files:

    /tmp/refvenv/bin/python make_leiden_reference.py

Each graph is read back from NAME.edges.csv exactly as make_reference.py reads it (networkx:
parallel rows collapse, the last weight wins), turned into an igraph Graph with the same edges and
weights, and run through

    g.community_leiden(objective_function="modularity", n_iterations=-1, weights=W)

(W = the weights for the weighted files, None otherwise; n_iterations=-1 iterates until the
partition is stable) with Python's random module, which igraph draws from, seeded 0..19. The best
modularity (igraph's g.modularity with the same weights) is written, with its seed and number of
communities and the library versions.
"""

import os
import platform
import random

import igraph as ig
import networkx as nx

from make_reference import read_graph

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = [("karate", False), ("karate_weighted", True), ("florentine", False),
          ("lesmis", False), ("lesmis_weighted", True), ("kite", False)]
SEEDS = range(20)


def to_igraph(G, weighted):
    nodes = list(G.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()], directed=False)
    if weighted:
        g.es["weight"] = [float(d.get("weight", 1.0)) for _, _, d in G.edges(data=True)]
    return g


def main():
    for name, weighted in GRAPHS:
        G = read_graph(os.path.join(HERE, name + ".edges.csv"), False, weighted)
        g = to_igraph(G, weighted)
        w = "weight" if weighted else None
        best, best_seed, best_k = -1.0, None, None
        for seed in SEEDS:
            random.seed(seed)
            p = g.community_leiden(objective_function="modularity", n_iterations=-1, weights=w)
            q = g.modularity(p.membership, weights=w)
            if q > best:
                best, best_seed, best_k = q, seed, len(p)
        with open(os.path.join(HERE, name + ".leiden.txt"), "w") as f:
            f.write(f"# {name}: {'weighted (weight attribute)' if weighted else 'unweighted'} graph "
                    f"from {name}.edges.csv\n")
            f.write('# igraph community_leiden(objective_function="modularity", n_iterations=-1, '
                    f'weights={w!r}), random.seed(S) for S in 0..{SEEDS[-1]}; best g.modularity\n')
            f.write(f"# python {platform.python_version()}, igraph {ig.__version__}, "
                    f"networkx {nx.__version__}\n")
            f.write(f"igraph_version={ig.__version__}\n")
            f.write(f"best_modularity_seeds_0_{SEEDS[-1]}={best!r}\n")
            f.write(f"best_seed={best_seed}\n")
            f.write(f"communities_best_seed={best_k}\n")
        print(f"{name}: igraph leiden best Q={best:.6f} (seed {best_seed}, {best_k} communities)")


if __name__ == "__main__":
    main()
