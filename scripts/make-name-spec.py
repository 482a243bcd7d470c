#!/usr/bin/env python3
"""Write tests/Readout.Tests/Specs/Analyse/names.spec: name forms as real readouts write them, with the person and
country the gold of ../shared/corpus/real gives (not Readout's own output), for the name spec test.

For every White House readout the phrases are its title and its first sentence; a phrase is kept for each gold
participant whose family name it contains, and a phrase whose written forms are all already in the file is left
out, so that each line adds a name form. Run again when the corpus grows; the file is reviewed like code.
"""
import glob, json, os, re, unicodedata
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "..", "shared", "corpus", "real", "wh-readouts")
OUT = os.path.join(ROOT, "tests", "Readout.Tests", "Specs", "Analyse", "names.spec")


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower().replace("ı", "i")


def front_matter(text):
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    return (yaml.safe_load(m.group(1)), m.group(2)) if m else ({}, text)


def first_sentence(body):
    flat = re.sub(r"\s+", " ", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)).strip()
    m = re.search(r"^(.{20,400}?[a-z)\]’”][.])\s+(?=[A-Z“\"])", flat)
    return m.group(1) if m else None


def written_form(phrase, name):
    """The words of the phrase that write the name: from its family name back over capitalised words and particles."""
    family = fold(name.split()[-1].strip(".,"))
    words = phrase.replace("’s", "").replace("'s", "").split()
    for i, w in enumerate(words):
        if fold(w).strip(".,;:()") .startswith(family[: max(4, len(family) - 1)]):
            j = i
            while j > 0 and (words[j - 1][:1].isupper() or fold(words[j - 1]) in ("bin", "al", "da", "de", "van", "von", "el", "ibn")):
                j -= 1
            return " ".join(words[j : i + 1]).strip(".,;:()")
    return None


def main():
    # a line marked "pending" (a form Readout does not read yet) keeps its mark when the file is written again
    pending = set()
    if os.path.exists(OUT):
        pending = {l[len("pending "):].strip() for l in open(OUT, encoding="utf-8") if l.startswith("pending ")}
    lines, seen = [], set()
    for gold_path in sorted(glob.glob(os.path.join(REAL, "*.gold.json"))):
        gold = json.load(open(gold_path, encoding="utf-8"))
        doc = os.path.join(REAL, gold["doc"])
        meta, body = front_matter(open(doc, encoding="utf-8").read())
        published = str(meta.get("date") or gold.get("published") or "")[:10]
        for event in gold["events"]:
            people = list(zip(event["participants"], event["countries"]))
            for phrase in (re.sub(r"\s+", " ", str(meta.get("title") or "")).strip(), first_sentence(body)):
                if not phrase or "|" in phrase:
                    continue
                named = [(n, c, written_form(phrase, n)) for n, c in people]
                named = [(n, c, w) for n, c, w in named if w]
                forms = {(w, c) for _, c, w in named}
                if not named or forms <= seen:
                    continue
                seen |= forms
                expected = "; ".join(f"{n} ({c})" for n, c, _ in named)
                line = f"{published} | {phrase} | {expected}"
                lines.append(("pending " if line in pending else "") + line)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Name forms as real readouts write them (../shared/corpus/real/wh-readouts: titles and first sentences),\n")
        fh.write("# with each named participant and country as the corpus gold gives them. Written by scripts/make-name-spec.py.\n")
        fh.write("# publication date | phrase | expected people: Name (ISO3); Name (ISO3)\n")
        fh.write("# A line marked 'pending' is a form Readout does not read yet: the test skips it while it fails, and fails once it passes.\n")
        fh.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} lines, {len(seen)} name forms to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
