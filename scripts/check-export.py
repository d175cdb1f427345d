#!/usr/bin/env python3
"""Reads Sightline's GraphML and GEXF exports back with networkx and igraph and prints what they
found, as one JSON line:

  {"graphml_nodes", "graphml_edges", "igraph_nodes", "igraph_edges", "gexf_nodes", "gexf_edges",
   "gexf_spells", "gexf_node_spells", "gexf_edge_spells", "gexf_mode"}

gexf_spells counts every (start, end) pair networkx read back from the node and edge <spells>;
"spells" holds them by node id and edge id, as networkx read them.
Run with the export venv: .build/venv-export/bin/python scripts/check-export.py GRAPHML GEXF
(scripts/install-deps.sh creates it). The Swift export tests compare the counts with the fixture.
"""
import json
import sys

import igraph
import networkx as nx


def main(graphml_path: str, gexf_path: str) -> None:
    g = nx.read_graphml(graphml_path)
    ig = igraph.Graph.Read_GraphML(graphml_path)
    x = nx.read_gexf(gexf_path)
    node_spells = sum(len(d.get("spells", [])) for _, d in x.nodes(data=True))
    edge_spells = sum(len(d.get("spells", [])) for _, _, d in x.edges(data=True))
    # Every spell read back must be a real span: start on or before end, as dates.
    for _, d in x.nodes(data=True):
        for s, e in d.get("spells", []):
            assert s <= e, (s, e)
    for _, _, d in x.edges(data=True):
        for s, e in d.get("spells", []):
            assert s == e, ("an edge spell is one day", s, e)
    spells = {n: [list(s) for s in d["spells"]] for n, d in x.nodes(data=True) if "spells" in d}
    spells.update({d["id"]: [list(s) for s in d["spells"]] for _, _, d in x.edges(data=True) if "spells" in d})
    print(json.dumps({
        "graphml_nodes": g.number_of_nodes(),
        "graphml_edges": g.number_of_edges(),
        "graphml_directed": g.is_directed(),
        "igraph_nodes": ig.vcount(),
        "igraph_edges": ig.ecount(),
        "igraph_directed": ig.is_directed(),
        "gexf_nodes": x.number_of_nodes(),
        "gexf_edges": x.number_of_edges(),
        "gexf_spells": node_spells + edge_spells,
        "gexf_node_spells": node_spells,
        "gexf_edge_spells": edge_spells,
        "gexf_mode": x.graph.get("mode"),
        "spells": spells,
    }, sort_keys=True))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: check-export.py GRAPHML GEXF")
    main(sys.argv[1], sys.argv[2])
