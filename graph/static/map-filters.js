/* geokg map, part 5 of 7: the filters, and what they leave on the map.
 *
 * Actor types, communities, relation types and modalities are sets of what
 * is ticked; the time range keeps the evidence dated within it (and the
 * undated evidence while its box is ticked), so a relation is shown with
 * the evidence of those years only; "top N" keeps the N actors with the most
 * evidence among what the other filters leave. Actors in no relation at all
 * are governed by their own toggle (vis-network's `hidden`, so they keep
 * their place); once the time range is narrowed, an actor with no relation
 * in it leaves the map.
 */

function makeFilters(data, relations) {
  var view = data.view || {};
  var years = view.years || null;
  var legend = data.legend;
  var named = new Set(legend.communities.filter(function (c, i) { return i < legend.communities_shown; })
    .map(function (c) { return c.value; }));
  var state = {
    actor: new Set(legend.actors.map(function (a) { return a.value; })),
    relation: new Set(legend.relations.map(function (r) { return r.value; })),
    modality: new Set(legend.modalities.map(function (m) { return m.value; })),
    community: null, // null: every community; else a Set of community keys
    isolated: false,
    from: years ? years[0] : null,
    to: years ? years[1] : null,
    undated: true,
    top: Infinity,
  };

  function communityKey(n) { return named.has(n.community) ? String(n.community) : "other"; }
  function timeActive() { return !state.undated || (!!years && (state.from > years[0] || state.to < years[1])); }
  // The evidence of a relation that the time range keeps.
  function evidenceIn(e) {
    if (!timeActive()) return e.count;
    var n = state.undated ? e.undated : 0;
    if (years) e.years.forEach(function (p) { if (p[0] >= state.from && p[0] <= state.to) n += p[1]; });
    return n;
  }

  // nodes: the page's node items. Returns the shown actors (a Set of ids; the isolated ones
  // included, their toggle hides them), the shown relations (id -> evidence kept) and the
  // actors in order of importance (evidence kept, then mentions, then id).
  function compute(nodes) {
    var timeOn = timeActive();
    var kept = new Map(), strength = new Map(), active = new Set();
    relations.forEach(function (e) {
      var n = evidenceIn(e);
      if (!n) return;
      active.add(e.from);
      active.add(e.to);
      if (!state.relation.has(e.type) || !state.modality.has(e.modality)) return;
      kept.set(e.id, n);
      if (e.from === e.to) return;
      strength.set(e.from, (strength.get(e.from) || 0) + n);
      strength.set(e.to, (strength.get(e.to) || 0) + n);
    });
    var shown = new Set(), ranked = [];
    nodes.forEach(function (n) {
      if (!state.actor.has(n.type)) return;
      if (state.community && !state.community.has(communityKey(n))) return;
      if (n.degree === 0) { shown.add(n.id); return; }
      if (timeOn && !active.has(n.id)) return;
      ranked.push(n);
    });
    ranked.sort(function (a, b) {
      return (strength.get(b.id) || 0) - (strength.get(a.id) || 0) || b.mentions - a.mentions ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    var order = ranked.slice(0, state.top).map(function (n) { return n.id; });
    order.forEach(function (id) { shown.add(id); });
    var rels = new Map();
    kept.forEach(function (n, id) {
      var e = relations.get(id);
      if (shown.has(e.from) && shown.has(e.to)) rels.set(id, n);
    });
    return { nodes: shown, relations: rels, order: order, strength: strength, candidates: ranked.length };
  }

  return { state: state, years: years, compute: compute, communityKey: communityKey, timeActive: timeActive };
}
