#!/usr/bin/env python3
"""Train Readout's record-confidence model (data/models/confidence.tsv) reproducibly.

Step 1 (--system): label the happened records of an export of ../shared/corpus/real against its gold with the
shared scorer's own matching (a record is right when it matches a gold event with the same day and mode; a
record on another day than a silver document's main interaction is left out, as the scorer leaves it unscored)
and write the training table data/models/confidence-training.tsv (features as the records state them in
`confidence_factors`, the label, the document).
Step 2 (always): fit a logistic regression (L2, full-batch gradient descent from zero: deterministic) on the
table, write the weights, and print precision and recall at each threshold, measured out of fold (five folds
by document) so that the figures are not the training fit.

  ./readout --db real.db ingest ../shared/corpus/real && ./readout --db real.db export --format jsonl --out real.jsonl
  scripts/train-confidence.py --system real.jsonl --gold ../shared/corpus/real/wh-readouts --gold ../shared/corpus/real/open
  scripts/train-confidence.py            # retrain from the table the repository keeps
"""
import argparse, hashlib, importlib.util, json, math, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, "data", "models", "confidence-training.tsv")
MODEL = os.path.join(ROOT, "data", "models", "confidence.tsv")
FEATURES = ["bias", "sources", "restated", "told_in_title", "told_early", "mode_stated", "day_stated", "exact_day",
            "day_from_publication", "transcript", "known_people", "with_country", "two_sides", "leaders", "multilateral", "conflicts"]


def scorer(path):
    spec = importlib.util.spec_from_file_location("score_events", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def label(system_path, gold_dirs, scorer_path):
    se = scorer(scorer_path)
    gold, aliases = se.load_gold(gold_dirs)
    records = [r for r in se.load_system(system_path) if (r.get("status") or "happened") == "happened"]
    by_doc = {}
    for r in records:
        for s in r.get("sources") or []:
            uri = s.get("uri") or s.get("url") if isinstance(s, dict) else s
            d = aliases.get(str(uri or "").rstrip("/")) or se.doc_of(s)
            if d in gold:
                by_doc.setdefault(d, {})[r["id"]] = r
    verdict = {}   # record id -> (right, doc)
    for doc, g in sorted(gold.items()):
        cands = list(by_doc.get(doc, {}).values())
        used = set()
        for ge in g["events"]:
            best, best_key = None, (0, False, False)
            for i, r in enumerate(cands):
                if i in used:
                    continue
                k = se.matches(ge["participants"], [se.name_of(p) for p in r.get("participants") or []])
                key = (k, str(r.get("date") or "")[:10] == ge["date"], r.get("mode") == ge["mode"])
                if key > best_key:
                    best, best_key = i, key
            if best is None or best_key[0] < min(2, len(ge["participants"])):
                continue
            used.add(best)
            r = cands[best]
            right = best_key[1] and best_key[2]
            verdict[r["id"]] = (verdict.get(r["id"], (True, doc))[0] and right, doc)
        for i, r in enumerate(cands):
            if i in used:
                continue
            gold_days = {ge["date"] for ge in g["events"]}
            if g.get("partial") and str(r.get("date") or "")[:10] not in gold_days:
                continue   # the scorer does not score it: no label
            verdict[r["id"]] = (False, doc)
    rows = []
    for r in records:
        if r["id"] not in verdict:
            continue
        f = {x["name"]: x["value"] for x in r.get("confidence_factors") or []}
        missing = [n for n in FEATURES if n not in f]
        if missing:
            sys.exit(f"train-confidence: record {r['id']} has no confidence_factors {missing}: export with this build of Readout")
        right, doc = verdict[r["id"]]
        rows.append((doc, r["id"], [float(f[n]) for n in FEATURES], 1 if right else 0))
    rows.sort(key=lambda x: (x[0], x[1]))
    with open(TABLE, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Training table for the confidence model: written by scripts/train-confidence.py --system; one labelled record a line.\n")
        fh.write("\t".join(["doc", "record", *FEATURES, "right"]) + "\n")
        for doc, rid, x, y in rows:
            fh.write("\t".join([doc, rid, *(f"{v:.6g}" for v in x), str(y)]) + "\n")
    return rows


def read_table():
    rows = []
    with open(TABLE, encoding="utf-8") as fh:
        header = None
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                if header != ["doc", "record", *FEATURES, "right"]:
                    sys.exit(f"train-confidence: {TABLE}: header does not list the features {FEATURES}")
                continue
            rows.append((cells[0], cells[1], [float(v) for v in cells[2:-1]], int(cells[-1])))
    return rows


def fit(rows, l2=1.0, steps=4000, rate=0.5):
    w = [0.0] * len(FEATURES)
    n = len(rows)
    for _ in range(steps):
        grad = [0.0] * len(w)
        for _, _, x, y in rows:
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-z))
            for j, v in enumerate(x):
                grad[j] += (p - y) * v
        for j in range(len(w)):
            reg = 0.0 if FEATURES[j] == "bias" else l2 * w[j]
            w[j] -= rate * (grad[j] + reg) / n
    return w


def predict(w, x):
    return 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))


def fold(doc):
    return int(hashlib.sha256(doc.encode("utf-8")).hexdigest()[:8], 16) % 5


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--system", help="JSON Lines export of ../shared/corpus/real made by this build (step 1)")
    ap.add_argument("--gold", action="append", default=[], help="gold folder (repeatable; with --system)")
    ap.add_argument("--scorer", default=os.path.join(ROOT, "..", "shared", "tools", "score_events.py"))
    a = ap.parse_args()
    if a.system:
        if not a.gold:
            sys.exit("train-confidence: --system needs --gold folders")
        rows = label(a.system, a.gold, a.scorer)
    else:
        if not os.path.exists(TABLE):
            sys.exit(f"train-confidence: {TABLE} does not exist: run with --system first")
        rows = read_table()
    right = sum(y for *_, y in rows)
    print(f"training table: {len(rows)} records, {right} right, {len(rows) - right} wrong")

    # out of fold: each record scored by a model that never saw its document
    oof = []
    for k in range(5):
        train = [r for r in rows if fold(r[0]) != k]
        w = fit(train)
        oof += [(predict(w, x), y) for doc, _, x, y in rows if fold(doc) == k]
    print("threshold  kept  precision  recall (out of fold, five folds by document)")
    for t in (0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95):
        kept = [(p, y) for p, y in oof if p >= t]
        tp = sum(y for _, y in kept)
        prec = tp / len(kept) if kept else float("nan")
        print(f"{t:9.2f}  {len(kept):4d}  {prec:9.3f}  {tp / right if right else float('nan'):6.3f}")

    w = fit(rows)
    with open(MODEL, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# The confidence model: logistic regression weights written by scripts/train-confidence.py from\n")
        fh.write(f"# data/models/confidence-training.tsv ({len(rows)} records, {len(rows) - right} wrong); do not edit by hand.\n")
        fh.write("feature\tweight\n")
        for name, v in zip(FEATURES, w):
            fh.write(f"{name}\t{v:.4f}\n")
    print("wrote", os.path.relpath(MODEL, ROOT))


if __name__ == "__main__":
    main()
