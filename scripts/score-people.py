#!/usr/bin/env python3
"""How well Readout names the people of its records.

  scripts/score-people.py --gold DIR... --system EXPORT.jsonl [-v]
      For every gold interaction, the system record matched to it as the event scorer matches (most
      participants in common, then the same day, then the same mode) among the records its article
      supports: how many gold participants appear in it by name. A gold interaction with no record at all
      counts all its participants as missing. Also lists participants that are a bare title ("Prime
      Minister of Greece") and participants without a country or organisation.
  scripts/score-people.py --resolved EXPORT.jsonl...
      The share of participants and attendees that resolve to an entry of the knowledge base (kb_id set).

Names are compared with the event scorer's rule (../shared/tools/score_events.py, found beside the
repository or with --scorer).
"""
import argparse, importlib.util, json, os, re, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BARE_TITLE = re.compile(r"^[A-Z][\w .'-]* of (the )?[A-Z]")


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score_events", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def records(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


def participants_score(a, sc):
    gold, aliases = sc.load_gold(a.gold)
    system = [e for e in records(a.system) if (e.get("status") or "happened") == "happened"]
    by_doc = defaultdict(list)
    for e in system:
        for s in e.get("sources") or []:
            uri = s.get("uri") or s.get("url") if isinstance(s, dict) else s
            d = aliases.get(str(uri or "").rstrip("/")) or sc.doc_of(s)
            if d in gold:
                by_doc[d].append(e)
    total = found = 0
    missing, bare, placeless = [], [], []
    for doc, g in sorted(gold.items()):
        cands = list({id(e): e for e in by_doc.get(doc, [])}.values())
        for ge in g["events"]:
            best, best_key = None, (-1, False, False)
            for se in cands:
                names = [sc.name_of(p) for p in se.get("participants") or []]
                key = (sc.matches(ge["participants"], names), str(se.get("date") or "")[:10] == ge["date"], se.get("mode") == ge["mode"])
                if key > best_key:
                    best, best_key = se, key
            names = [sc.name_of(p) for p in (best or {}).get("participants") or []]
            for p in ge["participants"]:
                total += 1
                if any(sc.same_person(p, n) for n in names):
                    found += 1
                else:
                    missing.append(f"{doc}: {p} (record: {', '.join(names) or 'none'})")
        for se in cands:
            for p in se.get("participants") or []:
                if BARE_TITLE.match(p.get("name") or "") and not p.get("kb_id"):
                    bare.append(f"{doc}: {p['name']}")
                if not p.get("country") and not p.get("organisation"):
                    placeless.append(f"{doc}: {p['name']}")
    print(f"participants by name in the matched record: {found}/{total} = {found / max(total, 1):.3f}")
    print(f"bare titles as participants: {len(bare)}")
    print(f"participants without country or organisation: {len(placeless)}")
    if a.verbose:
        for label, rows in (("MISSING", missing), ("BARE", bare), ("NOPLACE", placeless)):
            for r in rows:
                print(f"{label:8} {r}")


def kb_forms():
    """Every name and alias of data/lexicons/people.tsv, folded as the event scorer folds names."""
    forms = set()
    with open(os.path.join(ROOT, "data/lexicons/people.tsv"), encoding="utf-8") as fh:
        rows = [l.rstrip("\n").split("\t") for l in fh if not l.startswith("#")][1:]
    for r in rows:
        for f in [r[0]] + [a for a in r[1].split("|") if a]:
            forms.add(" ".join(sorted(re.findall(r"[^\W_]+", f.lower()))))
    return forms


def resolved_share(paths):
    """An actor resolves when its record names its knowledge-base entry (kb_id); for exports made before
    records carried kb_id, when its name is a name or alias of an entry."""
    forms = None
    for path in paths:
        n = kb = 0
        for r in records(path):
            for p in (r.get("participants") or []) + (r.get("attendees") or []):
                n += 1
                if "kb_id" in p or any("kb_id" in q for q in r.get("participants") or []):
                    kb += bool(p.get("kb_id"))
                else:
                    forms = forms or kb_forms()
                    kb += " ".join(sorted(re.findall(r"[^\W_]+", (p.get("name") or "").lower()))) in forms
        print(f"{path}: {kb}/{n} participants and attendees resolve to the knowledge base ({kb / max(n, 1):.3f})")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", action="append", default=[])
    ap.add_argument("--system")
    ap.add_argument("--resolved", nargs="+")
    ap.add_argument("--scorer", default=os.path.join(ROOT, "..", "shared", "tools", "score_events.py"))
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    if a.resolved:
        resolved_share(a.resolved)
    if a.system:
        if not a.gold:
            sys.exit("--system needs --gold")
        participants_score(a, load_scorer(a.scorer))
    if not a.resolved and not a.system:
        ap.error("give --system with --gold, or --resolved")


if __name__ == "__main__":
    main()
