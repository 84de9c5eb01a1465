/* geokg map, part 4 of 7: the search box reads a query as graph.KnowledgeGraph.resolve does.
 *
 * queryKey, stripTitles and looseRomaji follow graph.map_search.query_key,
 * graph.names.strip_titles and extract.normalize.loose_romaji (for Latin
 * letters); the tests compare them with the Python in Chromium. Each actor
 * brings the keys graph.map_search.search_keys lists for it.
 */

function makeSearch(nodes, nodeById, search) {
  var TITLES = search.titles;
  var LOOSE = search.loose;
  var SPACE = /[\s\x1c-\x1f\x85\u180e\u200b\ufeff]+/g;
  // Python's str.strip(): its white space, which is not quite JavaScript's trim().
  var PY_STRIP = /^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
  function queryKey(s) { return String(s).normalize("NFKC").replace(SPACE, "").toLowerCase(); }
  function stripTitles(name) {
    var text = String(name).replace(/[(（][^)）]*[)）]/g, "").replace(PY_STRIP, "");
    var changed = true;
    while (changed) {
      changed = false;
      for (var i = 0; i < TITLES.length; i++) {
        var w = TITLES[i];
        if (text.length > w.length && text.slice(-w.length) === w) {
          text = text.slice(0, -w.length).replace(/[・･ 　]+$/, "");
          changed = true;
          break;
        }
      }
    }
    return text;
  }
  function looseRomaji(text) {
    var s = String(text).normalize("NFKC").toLowerCase();
    LOOSE.forEach(function (p) { s = s.split(p[0]).join(p[1]); });
    return s.replace(/[^a-z]|[aeiouyw]/g, "").replace(/(.)\1+/g, "$1");
  }
  var searchIndex = new Map(); // key -> [node ids]
  nodes.forEach(function (n) {
    n.keys.forEach(function (k) {
      if (!searchIndex.has(k)) searchIndex.set(k, []);
      searchIndex.get(k).push(n.id);
    });
  });
  function ranked(ids) {
    return ids.slice().sort(function (a, b) {
      var d = nodeById.get(b).mentions - nodeById.get(a).mentions;
      return d || (a < b ? -1 : a > b ? 1 : 0);
    });
  }
  function plainKeys(n) { return n.keys.filter(function (k) { return k.charAt(0) !== "~"; }); }
  // The actors a query names, best first: the steps of graph.KnowledgeGraph.resolve.
  function findActors(query) {
    var q = queryKey(query);
    if (!q) return [];
    if (searchIndex.has(q)) return ranked(searchIndex.get(q));
    var bare = stripTitles(query), bq = queryKey(bare);
    if (bq && bq !== q && searchIndex.has(bq)) return ranked(searchIndex.get(bq));
    var key = bq || q;
    var hits = [];
    if (key.length >= 2) {
      nodes.forEach(function (n) {
        if (n.type === "person" && plainKeys(n).some(function (k) { return k.indexOf(key) === 0; })) hits.push(n.id);
      });
      if (hits.length) return ranked(hits);
    }
    var latin = (bare || String(query)).normalize("NFKC");
    if (/^[\x00-\x7f]+$/.test(latin)) {
      var r = "~" + looseRomaji(latin);
      if (r.length >= 3 && searchIndex.has(r)) return ranked(searchIndex.get(r));
    }
    nodes.forEach(function (n) {
      if (plainKeys(n).some(function (k) { return k.indexOf(q) >= 0; })) hits.push(n.id);
    });
    if (!hits.length && q.length >= 2 && q.length <= 4) {
      // 独仏, ロ朝: a compound of one-character names, each naming one state
      var parts = Array.from(q).map(function (c) { return searchIndex.has(c) ? searchIndex.get(c) : []; });
      if (parts.every(function (ids) { return ids.length === 1; })) {
        hits = parts.map(function (ids) { return ids[0]; });
      }
    }
    return ranked(Array.from(new Set(hits)));
  }
  function findActor(query) { var ids = findActors(query); return ids.length ? ids[0] : null; }

  return { findActors: findActors, findActor: findActor, queryKey: queryKey, stripTitles: stripTitles, looseRomaji: looseRomaji };
}
