// Graphviz's C library (libgvc, libcgraph) as Sightline uses it. The inline functions hide what
// Swift 6 cannot use directly: the graph descriptors are mutable globals, which strict
// concurrency refuses to read from Swift.
#ifndef SIGHTLINE_CGRAPHVIZ_SHIM_H
#define SIGHTLINE_CGRAPHVIZ_SHIM_H

#include <gvc.h>
#include <cgraph.h>

/// The descriptor of a directed graph (`Agdirected`).
static inline Agdesc_t sightline_directed(void) { return Agdirected; }

/// The descriptor of an undirected graph (`Agundirected`).
static inline Agdesc_t sightline_undirected(void) { return Agundirected; }

#endif
