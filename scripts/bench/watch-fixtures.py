#!/usr/bin/env python3
"""Fixture feeds for measuring `readout watch`: N reports from a JSON Lines file (.jsonl or .jsonl.gz, objects
with text or html, title, published, as `readout ingest` reads) become N HTML pages under OUT/pages and K RSS 2.0
feeds under OUT/feeds linking to them at http://127.0.0.1:PORT/, listed in OUT/feeds.txt for `watch --feeds`.
Serve OUT with any static server on that port, e.g. `python3 -m http.server PORT --bind 127.0.0.1 -d OUT`.

    scripts/bench/watch-fixtures.py ../shared/corpus/bulk/whitehouse.jsonl.gz /tmp/feeds --items 1000 --feeds 10 --port 18080
"""
import argparse, email.utils, gzip, html, json, os, datetime

def reports(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)

def page(r):
    title = html.escape(r.get("title") or "Untitled")
    body = r.get("html")
    if body is None:
        paragraphs = [p.strip() for p in (r.get("text") or "").split("\n\n") if p.strip()]
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    date = html.escape(r.get("published") or "")
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="date" content="{date}"></head>\n<body><article><h1>{title}</h1>\n{body}\n</article></body></html>\n')

def rfc822(published):
    try:
        d = datetime.datetime.strptime(published[:10], "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc)
        return email.utils.format_datetime(d)
    except (TypeError, ValueError):
        return None

def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("source"); a.add_argument("out")
    a.add_argument("--items", type=int, default=1000); a.add_argument("--feeds", type=int, default=10)
    a.add_argument("--port", type=int, default=18080)
    o = a.parse_args()
    base = f"http://127.0.0.1:{o.port}"
    os.makedirs(os.path.join(o.out, "pages"), exist_ok=True)
    os.makedirs(os.path.join(o.out, "feeds"), exist_ok=True)
    items = []
    for r in reports(o.source):
        if len(items) == o.items:
            break
        if not (r.get("text") or r.get("html")):
            continue
        n = len(items) + 1
        with open(os.path.join(o.out, "pages", f"{n:05d}.html"), "w", encoding="utf-8") as f:
            f.write(page(r))
        items.append((n, r))
    urls = []
    for k in range(o.feeds):
        mine = [(n, r) for n, r in items if (n - 1) % o.feeds == k]
        entries = []
        for n, r in reversed(mine):   # newest first, as feeds list them
            date = rfc822(r.get("published") or "")
            entries.append(f"<item><title>{html.escape(r.get('title') or 'Untitled')}</title><link>{base}/pages/{n:05d}.html</link>"
                           f"<guid isPermaLink=\"false\">bench-{n:05d}</guid>" + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>")
        xml = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
               f"<title>Bench feed {k + 1}</title><link>{base}/</link><description>fixture</description>\n"
               + "\n".join(entries) + "\n</channel></rss>\n")
        with open(os.path.join(o.out, "feeds", f"feed-{k + 1:02d}.xml"), "w", encoding="utf-8") as f:
            f.write(xml)
        urls.append(f"{base}/feeds/feed-{k + 1:02d}.xml")
    with open(os.path.join(o.out, "feeds.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(urls) + "\n")
    print(f"{len(items)} pages in {o.feeds} feeds under {o.out}; serve it on {base}")

if __name__ == "__main__":
    main()
