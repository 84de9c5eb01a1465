// Reads a geokg output with graphology (the library behind Gephi Lite) and prints what it loaded as JSON,
// for tests/test_graph_export.py.
//
//   node tests/js/read_graph.js graphml graph.graphml     graphology-graphml's parser
//   node tests/js/read_graph.js gexf graph.gexf           graphology-gexf's parser
//   node tests/js/read_graph.js json graph.json           node-link JSON, as a graphology user would import it
//   node tests/js/read_graph.js csv nodes.csv edges.csv   neo4j-admin CSV, typed by its header (name:int …)
'use strict';

const fs = require('fs');
const Graph = require('graphology');

const [format, file, second] = process.argv.slice(2);

function fromNodeLink(text) {
  const data = JSON.parse(text);
  const graph = new Graph({type: 'directed', multi: true});
  for (const {id, ...attrs} of data.nodes) graph.addNode(String(id), attrs);
  for (const {source, target, ...attrs} of data.edges) graph.addEdge(String(source), String(target), attrs);
  return graph;
}

// RFC 4180: fields in double quotes may hold commas, quotes ("") and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// A neo4j-admin header cell: "name:kind", ":ID" and the like. An empty cell is no property.
function typed(rows) {
  const [header, ...body] = rows;
  return body.map((cells) => {
    const out = {};
    header.forEach((h, i) => {
      const [name, kind = 'string'] = h.split(':');
      const cell = cells[i];
      if (cell === '') return;
      const key = name || ':' + kind;
      if (kind === 'int') out[key] = parseInt(cell, 10);
      else if (kind === 'double') out[key] = parseFloat(cell);
      else if (kind === 'boolean') out[key] = cell === 'true';
      else if (kind.endsWith('[]')) out[key] = cell.split(';');
      else out[key] = cell;
    });
    return out;
  });
}

function fromCsv(nodesText, edgesText) {
  const graph = new Graph({type: 'directed', multi: true});
  for (const {id, ':LABEL': labels, ...attrs} of typed(parseCsv(nodesText))) graph.addNode(id, attrs);
  for (const {':START_ID': s, ':END_ID': t, ':TYPE': type, ...attrs} of typed(parseCsv(edgesText))) {
    graph.addEdge(s, t, attrs);
  }
  return graph;
}

const readers = {
  graphml: () => require('graphology-graphml').parse(Graph, fs.readFileSync(file, 'utf8')),
  gexf: () => require('graphology-gexf').parse(Graph, fs.readFileSync(file, 'utf8')),
  json: () => fromNodeLink(fs.readFileSync(file, 'utf8')),
  csv: () => fromCsv(fs.readFileSync(file, 'utf8'), fs.readFileSync(second, 'utf8')),
};
if (!readers[format] || !file || (format === 'csv' && !second)) {
  process.stderr.write('usage: node read_graph.js graphml|gexf|json FILE | csv NODES EDGES\n');
  process.exit(2);
}
const graph = readers[format]();

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
