#!/usr/bin/env python3
"""Reference values for cut vertices, bridges and disruption curves, from networkx.

Writes NAME.cuts.json (articulation points and bridges by node name) and NAME.curves.json (the
largest connected component after each removal, for degree and betweenness rankings, block and
sequential). Node order for tie-breaking is first appearance in the edge list; scores are compared
rounded to 12 decimal places, as Sightline's Graph.disruptionCurve does. Run: python3 make_cut_reference.py
"""
import csv, json, os
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))

def load(name):
    rows = list(csv.DictReader(open(os.path.join(HERE, name + ".edges.csv"))))
    order = []
    for r in rows:
        for k in ("source", "target"):
            if r[k] not in order:
                order.append(r[k])
    G = nx.Graph()
    G.add_nodes_from(order)
    G.add_edges_from((r["source"], r["target"]) for r in rows)
    return G, order

def lcc(G):
    return max((len(c) for c in nx.connected_components(G)), default=0)

def curve(G, order, strategy, sequential, steps):
    G = G.copy()
    index = {n: i for i, n in enumerate(order)}
    def scores(H):
        return dict(H.degree()) if strategy == "degree" else nx.betweenness_centrality(H)
    def ranked(s, H):
        return sorted(H.nodes(), key=lambda n: (-round(s[n] * 1e12), index[n]))
    initial = scores(G)
    block = ranked(initial, G)
    removed, sizes = [], [lcc(G)]
    for _ in range(min(steps, len(order))):
        if sequential:
            s = scores(G)
            node = ranked(s, G)[0]
        else:
            node = block[len(removed)]
        G.remove_node(node)
        removed.append(node)
        sizes.append(lcc(G))
    return {"strategy": strategy, "sequential": sequential, "removed": removed, "largestComponent": sizes}

for name in ["karate", "florentine", "lesmis", "kite", "disconnected", "star", "weighted_path"]:
    G, order = load(name)
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    cuts = {"articulationPoints": sorted(nx.articulation_points(G)),
            "bridges": sorted(sorted(e) for e in nx.bridges(G))}
    json.dump(cuts, open(os.path.join(HERE, name + ".cuts.json"), "w"), indent=1)
    if name in ("karate", "florentine", "kite"):
        curves = [curve(G, order, s, q, 10) for s in ("degree", "betweenness") for q in (False, True)]
        json.dump(curves, open(os.path.join(HERE, name + ".curves.json"), "w"), indent=1)
# Shortest paths, ego networks and connecting networks on the karate club and weighted Les Misérables.
def load_weighted(name):
    rows = list(csv.DictReader(open(os.path.join(HERE, name + ".edges.csv"))))
    G = nx.Graph()
    G.add_weighted_edges_from((r["source"], r["target"], float(r["weight"])) for r in rows)
    return G

paths = {}
G, _ = load("karate")
paths["karate"] = {
    "allShortest": [[s, t, sorted(nx.all_shortest_paths(G, s, t))] for s, t in [("0", "33"), ("16", "25"), ("4", "26")]],
    "ego": [[n, r, sorted(nx.ego_graph(G, n, radius=r).nodes())] for n, r in [("0", 1), ("16", 2), ("33", 0)]],
    "connecting": [[sorted(ns), sorted(set().union(*[set(p) for a in ns for b in ns if a < b
                                                       for p in nx.all_shortest_paths(G, a, b)]))]
                   for ns in [["16", "26"], ["4", "9", "24"]]],
}
W = load_weighted("lesmis_weighted")
paths["lesmis_weighted"] = {
    "allShortestWeighted": [[s, t, sorted(nx.all_shortest_paths(W, s, t, weight="weight"))]
                            for s, t in [("Napoleon", "Cosette"), ("Champtercier", "Javert")]],
}
json.dump(paths, open(os.path.join(HERE, "paths.json"), "w"), indent=1)
print("networkx", nx.__version__)
