#!/usr/bin/env python3
"""Time one algorithm of a peer graph library on an edge list, in this process, as one JSON line.

    python3 Benchmarks/peer_measure.py LIB ALGO EDGES.csv

LIB is igraph, networkit or leidenalg (`pip install igraph networkit leidenalg pandas numpy` in a
throwaway venv). ALGO is one of load, cc, degree, betweenness, betw_cutoff3, closeness, harmonic,
pagerank, eigenvector, louvain, leiden, leiden_conv, kcore, bfs (igraph); those of NetworKit's
without betw_cutoff3 and leiden_conv but with approx_betw, estimate_betw and louvain_refine; and
leiden (leidenalg). EDGES.csv has the header `source,target`
and integer node identifiers 0..n-1, as Benchmarks/planted_partition.py writes them.

Benchmarks/graph.py runs this once per library and algorithm, each in a fresh process, beside
`sightline measure --timings` on the same file. The calls, and how they are timed, are the ones
behind the peer figures in docs/benchmarks.md, so that ratios measured now mean what they meant
then:

- the import and the load are timed apart from the algorithm; igraph (and leidenalg) load through
  pandas into `Graph(n, directed=False).add_edges`, NetworKit through its `EdgeListReader`;
- NetworKit runs on 2 threads with seed 42, and Python's `random` is seeded with 42;
- an algorithm is run again while each run is under a second, the runs add up to at most five
  seconds and there are fewer than five (`best_s` is the fastest, `first_s` the first);
- `peak_rss_mib` is the process's maximum resident set; community detection also reports the
  modularity and the number of communities of the first run's partition.
"""
import json
import random
import resource
import sys
import time


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load_igraph(path, result, with_leidenalg=False):
    started = time.perf_counter()
    import numpy as np
    import pandas as pd
    import igraph
    if with_leidenalg:
        import leidenalg  # noqa: F401 (timed with the other imports)
    result["import_s"] = time.perf_counter() - started
    started = time.perf_counter()
    edges = pd.read_csv(path, dtype=np.int64).to_numpy()
    graph = igraph.Graph(n=int(edges.max()) + 1, directed=False)
    graph.add_edges(edges)
    del edges
    result["load_s"] = time.perf_counter() - started
    return graph, graph.vcount(), graph.ecount()


def load_networkit(path, result):
    started = time.perf_counter()
    import networkit
    networkit.setNumberOfThreads(2)
    networkit.engineering.setSeed(42, True)
    result["import_s"] = time.perf_counter() - started
    started = time.perf_counter()
    # The header line starts with "s", so it is read as a comment.
    graph = networkit.graphio.EdgeListReader(",", 0, commentPrefix="s", continuous=True, directed=False).read(path)
    result["load_s"] = time.perf_counter() - started
    return graph, graph.numberOfNodes(), graph.numberOfEdges()


def igraph_calls(g):
    return {
        "load": lambda: None,
        "cc": lambda: len(g.connected_components().sizes()),
        "degree": lambda: max(g.degree()),
        "betweenness": lambda: max(g.betweenness(directed=False)),
        "betw_cutoff3": lambda: max(g.betweenness(directed=False, cutoff=3)),
        "closeness": lambda: max(g.closeness()),
        "harmonic": lambda: max(g.harmonic_centrality()),
        "pagerank": lambda: max(g.pagerank(damping=0.85)),
        "eigenvector": lambda: max(g.eigenvector_centrality(scale=True)),
        "louvain": lambda: g.community_multilevel(),
        # Two iterations, igraph's default.
        "leiden": lambda: g.community_leiden(objective_function="modularity"),
        # Until the partition stops changing.
        "leiden_conv": lambda: g.community_leiden(objective_function="modularity", n_iterations=-1),
        "kcore": lambda: max(g.coreness()),
        "bfs": lambda: len(g.bfs(0)[0]),
    }


def leidenalg_calls(g):
    import leidenalg
    # Two iterations, leidenalg's default.
    return {"leiden": lambda: leidenalg.find_partition(g, leidenalg.ModularityVertexPartition, seed=42)}


def networkit_calls(g):
    import networkit as nk
    centrality = nk.centrality

    def ran(algorithm, answer):
        algorithm.run()
        return answer(algorithm)

    def reachable(bfs):
        return bfs.getReachableNodes() if hasattr(bfs, "getReachableNodes") else None

    return {
        "load": lambda: None,
        "cc": lambda: ran(nk.components.ConnectedComponents(g), lambda a: a.numberOfComponents()),
        "degree": lambda: ran(centrality.DegreeCentrality(g), lambda a: max(a.scores())),
        "betweenness": lambda: ran(centrality.Betweenness(g, normalized=False), lambda a: max(a.scores())),
        "approx_betw": lambda: ran(centrality.ApproxBetweenness(g, epsilon=0.1, delta=0.1), lambda a: a.numberOfSamples()),
        "estimate_betw": lambda: ran(centrality.EstimateBetweenness(g, 256, normalized=False, parallel=True), lambda a: max(a.scores())),
        "closeness": lambda: ran(centrality.Closeness(g, True, centrality.ClosenessVariant.GENERALIZED), lambda a: max(a.scores())),
        "harmonic": lambda: ran(centrality.HarmonicCloseness(g, True), lambda a: max(a.scores())),
        "pagerank": lambda: ran(centrality.PageRank(g, damp=0.85, tol=1e-9), lambda a: a.numberOfIterations()),
        "eigenvector": lambda: ran(centrality.EigenvectorCentrality(g, tol=1e-9), lambda a: max(a.scores())),
        "louvain": lambda: ran(nk.community.PLM(g, refine=False), lambda a: a.getPartition()),
        "louvain_refine": lambda: ran(nk.community.PLM(g, refine=True), lambda a: a.getPartition()),
        "leiden": lambda: ran(nk.community.ParallelLeiden(g, randomize=True, iterations=3, gamma=1), lambda a: a.getPartition()),
        "kcore": lambda: ran(centrality.CoreDecomposition(g), lambda a: max(a.scores())),
        "bfs": lambda: ran(nk.distance.BFS(g, 0, storePaths=False), reachable),
    }


COMMUNITIES = ("louvain", "louvain_refine", "leiden", "leiden_conv")


def quality(lib, graph, partition):
    """Modularity and number of communities of a partition, each library's own way."""
    if lib == "igraph":
        return graph.modularity(partition.membership), len(partition)
    if lib == "leidenalg":
        return partition.modularity, len(partition)
    import networkit
    return networkit.community.Modularity().getQuality(partition, graph), partition.numberOfSubsets()


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("igraph", "networkit", "leidenalg"):
        sys.exit(__doc__)
    lib, algo, path = sys.argv[1:4]
    result = {"lib": lib, "algo": algo, "tag": path}
    random.seed(42)
    if lib == "networkit":
        graph, n, m = load_networkit(path, result)
    else:
        graph, n, m = load_igraph(path, result, with_leidenalg=lib == "leidenalg")
    result["n"], result["m"] = n, m
    result["rss_after_load_mib"] = round(peak_mib(), 1)
    calls = {"igraph": igraph_calls, "leidenalg": leidenalg_calls, "networkit": networkit_calls}[lib](graph)
    if algo not in calls:
        sys.exit("%s has no %s here; it has: %s" % (lib, algo, ", ".join(calls)))
    call = calls[algo]

    times, first = [], None
    while True:
        started = time.perf_counter()
        answer = call()
        times.append(time.perf_counter() - started)
        if len(times) == 1:
            first = answer
        if algo == "load" or times[-1] >= 1.0 or len(times) >= 5 or sum(times) > 5.0:
            break
    result["times_s"] = [round(t, 4) for t in times]
    result["best_s"] = round(min(times), 4)
    result["first_s"] = round(times[0], 4)
    result["peak_rss_mib"] = round(peak_mib(), 1)
    if algo in COMMUNITIES:
        result["modularity"], result["communities"] = quality(lib, graph, first)
    elif first is not None and not hasattr(first, "membership"):
        result["check"] = first if isinstance(first, (int, float)) else str(first)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
