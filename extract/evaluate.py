"""Scoring extracted relations against gold annotations (the ONTOLOGY.md gold format).

The same measure as the project's reference scorer, so users who annotate
their own articles get comparable figures: a predicted actor resolves to a
gold actor by id, or by its label or mention against the gold names and
aliases (NFKC, no spaces, titles dropped); a relation is right when its
(source, type, target) resolves to a gold relation, symmetric types in
either direction. Standard library only.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .types import RelationType

__all__ = ["Gold", "GoldFileError", "format_report", "genre", "load_gold", "load_triples", "score"]

_SYMMETRIC = {t.value for t in RelationType if t.symmetric}
_TYPES = {t.value for t in RelationType}
_SUFFIXES = (
    "総書記",
    "大統領",
    "首相",
    "国家主席",
    "主席",
    "委員長",
    "外相",
    "国務長官",
    "長官",
    "大臣",
    "教授",
    "氏",
    "さん",
    "側",
)


def _norm(s: object) -> str:
    s = unicodedata.normalize("NFKC", str(s or "")).strip().lower()
    s = "".join(s.split())
    changed = True
    while changed and s:
        changed = False
        for suf in _SUFFIXES:
            if s.endswith(suf) and len(s) > len(suf):
                s, changed = s[: -len(suf)], True
    return s


def _doc_key(path: object) -> str:
    return Path(str(path)).stem


def genre(doc: str) -> str | None:
    """The genre a document's name gives: its letters before the first hyphen.

    >>> genre("gov-03"), genre("tests/data/dev/texts/wiki-11.txt"), genre("000_db80d0d6cdafb80b")
    ('gov', 'wiki', None)
    """
    head, sep, _ = _doc_key(doc).partition("-")
    return head if sep and head.isalpha() else None


def _key(src: str, typ: str, tgt: str) -> tuple[str, str, str]:
    if typ in _SYMMETRIC:
        src, tgt = sorted((src, tgt))
    return (src, typ, tgt)


@dataclass
class Gold:
    """One gold document."""

    doc: str
    actors: dict[str, dict[str, Any]]
    relations: dict[tuple[str, str, str], dict[str, Any]]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Gold:
        relations = {_key(r["source"], r["type"], r["target"]): dict(r) for r in data.get("relations", [])}
        return cls(
            doc=_doc_key(data["doc"]), actors={a["id"]: dict(a) for a in data.get("actors", [])}, relations=relations
        )

    def __post_init__(self) -> None:
        self.by_id = {_norm(i): i for i in self.actors}
        names: dict[str, set[str]] = defaultdict(set)
        for aid, a in self.actors.items():
            for n in [a.get("name", ""), *list(a.get("aliases", []))]:
                if _norm(n):
                    names[_norm(n)].add(aid)
        # An alias shared by two actors resolves to neither.
        self.by_name = {n: next(iter(ids)) for n, ids in names.items() if len(ids) == 1}

    def resolve(self, ident: str, *names: str) -> str | None:
        if _norm(ident) in self.by_id:
            return self.by_id[_norm(ident)]
        for n in names:
            if _norm(n) in self.by_name:
                return self.by_name[_norm(n)]
        return None


class GoldFileError(ValueError):
    """A gold or triples file that cannot be scored (the message names the file and the field)."""


def load_gold(path: str | Path) -> list[Gold]:
    """Gold documents from a JSON file or a folder of them.

    Raises FileNotFoundError when there is none, :class:`GoldFileError`
    (a ValueError naming the file and the field) for one that is not in the
    format of docs/ontology.md.
    """
    p = Path(path)
    files = sorted(p.glob("*.json")) if p.is_dir() else [p]
    if not files or not all(f.is_file() for f in files):
        raise FileNotFoundError(f"{p}: no gold JSON files there")
    out = []
    for f in files:
        try:
            data = _json(f.read_bytes())
            _check_gold(data)
            out.append(Gold.from_dict(data))
        except _Bad as e:
            raise GoldFileError(f"{f}: {e}; a gold file is one JSON object in the format of docs/ontology.md") from None
    return out


class _Bad(ValueError):
    pass


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise _Bad(f"not UTF-8 ({e.reason} at byte {e.start})") from None
    except RecursionError:
        raise _Bad("nested too deep to be what geokg reads") from None
    except ValueError as e:  # bad JSON, an integer of thousands of digits
        raise _Bad(f"not JSON ({e})") from None


def _string(item: Mapping[str, Any], name: str, where: str, *, required: bool = True) -> None:
    if name not in item:
        if required:
            raise _Bad(f'{where}: has no "{name}"' if where else f'has no "{name}"')
    elif not isinstance(item[name], str):
        raise _Bad(f"{where + '.' if where else ''}{name}: must be a string, not {_shown(item[name])}")


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _objects(data: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    items = data.get(name, [])
    if not isinstance(items, list):
        raise _Bad(f"{name}: must be a list, not {_shown(items)}")
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise _Bad(f"{name}[{i}]: must be an object, not {_shown(item)}")
    return items


def _check_gold(data: Any) -> None:
    """Every field the scorer reads, of the type it reads it as."""
    if not isinstance(data, dict):
        raise _Bad(f"must be a JSON object, not {_shown(data)}")
    _string(data, "doc", "")
    for i, a in enumerate(_objects(data, "actors")):
        where = f"actors[{i}]"
        _string(a, "id", where)
        _string(a, "name", where, required=False)
        aliases = a.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(x, str) for x in aliases):
            raise _Bad(f"{where}.aliases: must be a list of strings, not {_shown(aliases)}")
    for i, r in enumerate(_objects(data, "relations")):
        where = f"relations[{i}]"
        for name in ("source", "target"):
            _string(r, name, where)
        if r.get("type") not in _TYPES:
            raise _Bad(f"{where}.type: must be one of {', '.join(sorted(_TYPES))}, not {_shown(r.get('type'))}")
        if r.get("modality") is not None and not isinstance(r["modality"], str):
            raise _Bad(f"{where}.modality: must be a string, not {_shown(r['modality'])}")


def load_triples(path: str | Path) -> list[dict[str, Any]]:
    """The relations of a ``triples.jsonl`` to score; :class:`GoldFileError` naming the line and the field."""
    p = Path(path)
    out = []
    with open(p, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                line = _json(raw)
                if not isinstance(line, dict):
                    raise _Bad(f"must be a JSON object (one relation), not {_shown(line)}")
                for name in ("doc", "type", "source", "target"):
                    if not isinstance(line.get(name), str):
                        raise _Bad(f'"{name}" must be a string, not {_shown(line.get(name))}')
            except _Bad as e:
                raise GoldFileError(f"{p}:{n}: {e}; --triples takes the triples.jsonl of `geokg build`") from None
            out.append(line)
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def score(golds: list[Gold], triples: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Relation, pair and actor P/R/F1 (pooled), per type, with every miss listed."""
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for t in triples:
        by_doc[_doc_key(t.get("doc", ""))].append(t)
    tot: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    modality: Counter[str] = Counter()
    docs: dict[str, Any] = {}
    for g in golds:
        pred_keys, pred_actors, first = _predicted(g, by_doc.get(g.doc, []))
        gold_keys = set(g.relations)
        gold_actors = {a for k in gold_keys for a in (k[0], k[2])}
        tp = pred_keys & gold_keys
        for k in tp:
            gm = g.relations[k].get("modality")
            if gm:
                modality["gold"] += 1
                modality["right"] += first[k].get("modality", "asserted") == gm
        pairs_pred = {tuple(sorted((k[0], k[2]))) for k in pred_keys}
        pairs_gold = {tuple(sorted((k[0], k[2]))) for k in gold_keys}
        rel = _prf(len(tp), len(pred_keys), len(gold_keys))
        pairs = _prf(len(pairs_pred & pairs_gold), len(pairs_pred), len(pairs_gold))
        actors = _prf(len(pred_actors & gold_actors), len(pred_actors), len(gold_actors))
        docs[g.doc] = {
            "relations": rel,
            "pairs": pairs,
            "actors": actors,
            "missed": [list(k) for k in sorted(gold_keys - pred_keys)],
            "spurious": [[*list(k), str(first[k].get("sentence", ""))] for k in sorted(pred_keys - gold_keys)],
        }
        for name, d in (("rel", rel), ("pair", pairs), ("actor", actors)):
            for part in ("tp", "pred", "gold"):
                tot[f"{name}_{part}"] += int(d[part])
        for part, keys in (("gold", gold_keys), ("pred", pred_keys), ("tp", tp)):
            for k in keys:
                per_type[k[1]][part] += 1
    scored = [d["relations"]["f1"] for d in docs.values() if d["relations"]["gold"]]
    return {
        "relations": _prf(tot["rel_tp"], tot["rel_pred"], tot["rel_gold"]),
        "relations_macro_f1": round(sum(scored) / len(scored), 4) if scored else 0.0,
        "pairs": _prf(tot["pair_tp"], tot["pair_pred"], tot["pair_gold"]),
        "actors": _prf(tot["actor_tp"], tot["actor_pred"], tot["actor_gold"]),
        "modality_accuracy": round(modality["right"] / modality["gold"], 4) if modality["gold"] else None,
        "by_type": {t: _prf(c["tp"], c["pred"], c["gold"]) for t, c in sorted(per_type.items())},
        "by_genre": _by_genre(docs),
        "docs": docs,
        "missing_docs": sorted(g.doc for g in golds if g.doc not in by_doc),
    }


def _predicted(
    g: Gold, triples: Iterable[Mapping[str, Any]]
) -> tuple[set[tuple[str, str, str]], set[str], dict[tuple[str, str, str], Mapping[str, Any]]]:
    """The relation keys and actors predicted for one gold document, and the first triple of each key."""
    pred_keys: set[tuple[str, str, str]] = set()
    pred_actors: set[str] = set()
    first: dict[tuple[str, str, str], Mapping[str, Any]] = {}
    for t in triples:
        if t.get("type") not in _TYPES:
            continue
        s = g.resolve(t.get("source", ""), t.get("source_label", ""), t.get("source_mention", ""))
        o = g.resolve(t.get("target", ""), t.get("target_label", ""), t.get("target_mention", ""))
        for x, side in ((s, "source"), (o, "target")):
            pred_actors.add(x or "?" + str(t.get(side + "_label") or t.get(side)))
        if s is None or o is None:
            k = (
                "?" + str(t.get("source_label") or t.get("source")),
                str(t["type"]),
                "?" + str(t.get("target_label") or t.get("target")),
            )
        else:
            k = _key(s, str(t["type"]), o)
        pred_keys.add(k)
        first.setdefault(k, t)
    return pred_keys, pred_actors, first


def _by_genre(docs: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    by_genre: dict[str, dict[str, Any]] = {}
    for name in sorted({g for g in map(genre, docs) if g}):
        members = [d for k, d in docs.items() if genre(k) == name]
        by_genre[name] = {
            "documents": len(members),
            **{
                part: _prf(*(sum(int(d[part][x]) for d in members) for x in ("tp", "pred", "gold")))
                for part in ("relations", "pairs", "actors")
            },
        }
    return by_genre


def format_report(res: Mapping[str, Any], *, show: bool = False) -> str:
    lines = []
    if show:
        for doc, d in sorted(res["docs"].items()):
            lines.append(f"== {doc}")
            lines += ["  missed   " + " ".join(k) for k in d["missed"]]
            lines += ["  spurious " + " ".join(k[:3]) + " | " + k[3][:80] for k in d["spurious"]]
    for t, d in res["by_type"].items():
        lines.append(
            f"  {t:12s} P={d['p']:.2f} R={d['r']:.2f} F1={d['f1']:.2f}  ({d['tp']}/{d['pred']} pred, {d['gold']} gold)"
        )
    if res["missing_docs"]:
        lines.append("documents with no triples: " + ", ".join(res["missing_docs"]))
    lines.append(f"modality accuracy: {res['modality_accuracy']}")
    lines.append(f"relation F1 averaged over documents: {res['relations_macro_f1']:.3f}")
    for g, d in res.get("by_genre", {}).items():
        rel, act = d["relations"], d["actors"]
        lines.append(
            f"genre {g:5s} ({d['documents']} docs) relations P={rel['p']:.3f} R={rel['r']:.3f} F1={rel['f1']:.3f}"
            f"  actors F1={act['f1']:.3f}  (tp {rel['tp']}, pred {rel['pred']}, gold {rel['gold']})"
        )
    for name in ("actors", "pairs", "relations"):
        d = res[name]
        lines.append(
            f"{name:9s} P={d['p']:.3f} R={d['r']:.3f} F1={d['f1']:.3f}  "
            f"(tp {d['tp']}, pred {d['pred']}, gold {d['gold']})"
        )
    return "\n".join(lines)
