/* geokg map, part 2 of 7: one line per pair of actors.
 *
 * Every relation between two actors, of any type and either way, is drawn as
 * one line: its width grows with the evidence behind it, its colour is the
 * mean Goldstein score of that evidence (conflict red, cooperation blue;
 * negated and hypothetical relations did not happen and do not count, nor
 * do comments and roles, which have no score). The relations stay listed on
 * the line's tooltip and panel. A line is recomputed from what the filters
 * leave: the time range changes its width and colour.
 */

var UNCERTAIN = { hedged: 1, negated: 1, hypothetical: 1 };
var NO_EVENT = { negated: 1, hypothetical: 1 };

// One pair item per pair of actors (loops included), ids p0, p1 … in the order of the relation edges.
function buildPairs(relations) {
  var byKey = new Map(), pairs = [];
  relations.forEach(function (e) {
    var a = e.from, b = e.to;
    if (b < a) { var t = a; a = b; b = t; }
    var key = JSON.stringify([a, b]);
    var p = byKey.get(key);
    if (!p) {
      p = { id: "p" + pairs.length, kind: "pair", from: a, to: b, members: [], count: 0, width: 1,
            color: { color: "#999999", highlight: "#999999", hover: "#999999", opacity: 0.85 },
            "arrows": "", dashes: false, smooth: { enabled: false } };
      byKey.set(key, p);
      pairs.push(p);
    }
    p.members.push(e.id);
  });
  return pairs;
}

function pairWidth(count) { return Math.round(Math.min(8, 1.2 + 1.6 * Math.log2(Math.max(count, 1))) * 100) / 100; }

// What the pair looks like given the evidence each of its relations shows now (0: filtered out).
function pairLook(pair, relById, shownEvidence, view) {
  var count = 0, scored = 0, sum = 0, uncertain = true, shown = [];
  pair.members.forEach(function (id) {
    var n = shownEvidence.get(id) || 0;
    if (!n) return;
    var e = relById.get(id);
    shown.push(id);
    count += n;
    if (!has(UNCERTAIN, e.modality)) uncertain = false;
    if (e.goldstein !== null && e.goldstein !== undefined && !has(NO_EVENT, e.modality)) { scored += n; sum += e.goldstein * n; }
  });
  var balance = scored ? sum / scored : null;
  var colour = balance === null ? view.unscored : scaleColor(view.goldstein, balance);
  return { shown: shown, count: count, balance: balance, width: pairWidth(count), colour: colour,
           dashes: shown.length > 0 && uncertain ? [8, 5] : false };
}

function balanceText(b) {
  if (b === null || b === undefined) return "no cooperation or conflict score";
  var s = (b > 0 ? "+" : "") + (Math.round(b * 10) / 10).toFixed(1);
  return "Goldstein " + s + (b >= 1 ? " (cooperative)" : b <= -1 ? " (conflictual)" : " (neutral)");
}
