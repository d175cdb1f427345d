#!/usr/bin/env bash
# The main job on the samples: install what is missing, build, ingest Samples/ into a fresh
# store (out/samples.sqlite) and print what it holds. Every command that shows personal data is
# logged in out/samples.audit.sqlite (kept from run to run: a disclosure log is never reset).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product sightline
bin=.build/release/sightline
mkdir -p out
rm -f out/samples.sqlite out/samples.sqlite-wal out/samples.sqlite-shm
$bin ingest Samples/ --db out/samples.sqlite
$bin stats --db out/samples.sqlite
echo
echo "Likely-same people for an analyst to review (nothing is merged automatically on a name):"
$bin resolve candidates --db out/samples.sqlite --limit 10
echo
echo "Clusters and central actors (adults and places; children are never ranked):"
$bin analyse --db out/samples.sqlite --top 10
echo
echo "Whose disruption would separate children from suspects most (greedy; each row cites its items):"
$bin impact --greedy 3 --db out/samples.sqlite
echo
echo "Locations of risk (children's exposure there; every row cites its items):"
$bin disrupt locations --db out/samples.sqlite --limit 5 --format csv | cut -c1-160
$bin disrupt locations --db out/samples.sqlite --limit 0 --format csv -o out/locations-of-risk.csv
echo
echo "Adults for whom a Child Abduction Warning Notice should be considered (for a person to review):"
$bin notices candidates --db out/samples.sqlite --limit 5
$bin notices candidates --db out/samples.sqlite --limit 0 --format csv -o out/notice-candidates.csv
echo
echo "Pictures through Graphviz:"
$bin render overview --db out/samples.sqlite -o out/overview.svg
$bin render ego "Callum Mallowby" --db out/samples.sqlite -o out/ego-callum-mallowby.svg
echo
echo "A MACE partner's export (GraphML for yEd, Gephi or Cytoscape: no C-handled item, references minted for this"
echo "disclosure, children pseudonymised), with its manifest, and the disclosure log checked against it:"
$bin export graphml --db out/samples.sqlite --audience mace_partner --purpose "MACE panel (demonstration)" \
  --recipient "panel chair" -o out/partner-network.graphml
$bin audit verify --db out/samples.sqlite --checkpoint out/partner-network.graphml.manifest.json
echo
echo "A MACE panel's pack for partners (the agenda, each child's multi-agency chronology with its patterns,"
echo "network and what changed, the lists, and whether each recorded disruption worked), print-ready:"
$bin pack --db out/samples.sqlite --panel-date 2025-07-01 --audience mace_partner --purpose "MACE panel (demonstration)" \
  --recipient "panel chair" -o out/mace-pack
$bin audit verify --db out/samples.sqlite --checkpoint out/mace-pack/manifest.json
echo
echo "The store is out/samples.sqlite; the lists out/locations-of-risk.csv and out/notice-candidates.csv;"
echo "the pictures out/overview.svg and out/ego-callum-mallowby.svg; a partner's export out/partner-network.graphml;"
echo "the MACE partners' pack out/mace-pack/index.html (open it, or print it to PDF), its tables in out/mace-pack/tables/;"
echo "who saw or was sent what: $bin audit show --db out/samples.sqlite"
echo "try: $bin show E1 --db out/samples.sqlite"
