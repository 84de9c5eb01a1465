// Reads a GraphML or GEXF file with graphology's parsers (the readers behind
// Gephi Lite) and prints what they loaded as JSON, for tests/test_graph_export.py.
//
//   node tests/js/read_graph.js graphml FILE
//   node tests/js/read_graph.js gexf FILE
'use strict';

const fs = require('fs');
const Graph = require('graphology');

const [format, file] = process.argv.slice(2);
const parsers = {graphml: 'graphology-graphml', gexf: 'graphology-gexf'};
if (!parsers[format] || !file) {
  process.stderr.write('usage: node read_graph.js graphml|gexf FILE\n');
  process.exit(2);
}
const parser = require(parsers[format]);
const graph = parser.parse(Graph, fs.readFileSync(file, 'utf8'));

const out = {
  type: graph.type,
  multi: graph.multi,
  order: graph.order,
  size: graph.size,
  nodes: {},
  edges: [],
};
graph.forEachNode((node, attrs) => {
  out.nodes[node] = attrs;
});
graph.forEachEdge((edge, attrs, source, target) => {
  out.edges.push({key: edge, source, target, attributes: attrs});
});
process.stdout.write(JSON.stringify(out));
