#!/usr/bin/env python3
"""Write a planted-partition graph for the graph benchmark (Benchmarks/graph.py).

    python3 Benchmarks/planted_partition.py N M SEED OUT.csv

N nodes, exactly M distinct undirected edges, written to OUT.csv as `source,target` (source < target,
sorted), and the planted community of every node, one per line in node order, to
OUT.communities.txt. Needs numpy.

The rules (the ones the peer figures in docs/benchmarks.md were measured on, so that ratios stay
comparable; one numpy Generator seeded with SEED drives every draw, in this order):

1. Community sizes are uniform whole numbers in [50, 200], drawn one at a time until they add up
   to at least N; the last is cut to fit, and if that leaves it under 50 it joins the one before.
   Nodes 0..N-1 are laid out community by community.
2. round(0.85 M) edges fall inside communities and the rest between them. An inside edge picks u
   uniformly among all nodes and v uniformly inside u's community, so a community gets edges in
   proportion to its size and every node has the same expected degree, 2M/N. An outside edge picks
   u and v uniformly among all nodes and is dropped when they share a community.
3. Self-loops are dropped and pairs are made unordered and distinct. Each kind is drawn in batches
   of 5% more than still missing (plus 16) until there are enough; a surplus is removed by a
   uniform choice of the pairs to keep.
4. Node labels are then shuffled by a uniform permutation, so an identifier says nothing about
   its community, and the pairs are put back in (smaller, larger) order and sorted.
"""
import sys
import time

import numpy as np

INSIDE_SHARE = 0.85
SMALLEST, LARGEST = 50, 200


def community_sizes(rng, n):
    """Rule 1: sizes in [50, 200] covering n nodes exactly."""
    sizes, total = [], 0
    while total < n:
        size = int(rng.integers(SMALLEST, LARGEST + 1))
        sizes.append(size)
        total += size
    sizes[-1] -= total - n
    if len(sizes) > 1 and sizes[-1] < SMALLEST:
        last = sizes.pop()
        sizes[-1] += last
    return np.array(sizes, dtype=np.int64)


def distinct_pairs(rng, n, wanted, draw):
    """Rule 3: `wanted` distinct unordered pairs without self-loops, as keys lo * n + hi."""
    keys = np.empty(0, dtype=np.int64)
    while keys.size < wanted:
        u, v = draw(int((wanted - keys.size) * 1.05) + 16)
        keep = u != v
        u, v = u[keep], v[keep]
        keys = np.unique(np.concatenate([keys, np.minimum(u, v) * n + np.maximum(u, v)]))
    if keys.size > wanted:
        keys = np.sort(rng.choice(keys, size=wanted, replace=False))
    return keys


def planted_partition(n, m, seed):
    """The graph of rules 1-4: (sources, targets, community of each node, community sizes)."""
    rng = np.random.default_rng(seed)
    sizes = community_sizes(rng, n)
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])   # first node of each community
    community = np.repeat(np.arange(len(sizes)), sizes)
    inside = int(round(INSIDE_SHARE * m))

    def draw_inside(k):
        u = rng.integers(0, n, size=k)
        c = community[u]
        return u, first[c] + rng.integers(0, sizes[c])

    def draw_outside(k):
        u = rng.integers(0, n, size=k)
        v = rng.integers(0, n, size=k)
        between = community[u] != community[v]
        return u[between], v[between]

    # Inside and outside pairs cannot coincide: one kind shares a community, the other never does.
    keys = np.concatenate([distinct_pairs(rng, n, inside, draw_inside),
                           distinct_pairs(rng, n, m - inside, draw_outside)])
    relabel = rng.permutation(n)                             # rule 4
    a, b = relabel[keys // n], relabel[keys % n]
    sources, targets = np.minimum(a, b), np.maximum(a, b)
    order = np.lexsort((targets, sources))
    planted = np.empty(n, dtype=np.int64)
    planted[relabel] = community
    return sources[order], targets[order], planted, sizes


def main():
    if len(sys.argv) != 5 or sys.argv[1] in ("-h", "--help"):
        sys.exit(__doc__)
    n, m, seed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    if n < 2 or m < 1 or m > n * (n - 1) // 2:
        sys.exit("need N >= 2 and 1 <= M <= N(N-1)/2")
    started = time.time()
    sources, targets, planted, sizes = planted_partition(n, m, seed)
    generated = time.time()
    with open(out, "w") as f:
        f.write("source,target\n")
        np.savetxt(f, np.column_stack([sources, targets]), fmt="%d", delimiter=",")
    np.savetxt(out[:-4] + ".communities.txt" if out.endswith(".csv") else out + ".communities.txt", planted, fmt="%d")
    print("N=%d M=%d seed=%d communities=%d size[min/mean/max]=%d/%.1f/%d gen_s=%.2f write_s=%.2f" % (
        n, m, seed, len(sizes), sizes.min(), sizes.mean(), sizes.max(), generated - started, time.time() - generated))


if __name__ == "__main__":
    main()
