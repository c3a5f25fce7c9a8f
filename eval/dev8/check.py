# Mechanical checks for eval/dev8 (not part of the product).
import json, re, os, glob, sys
D = os.path.dirname(os.path.abspath(__file__))
bodies = {}
for f in glob.glob(os.path.join(D, "corpus", "*.md")):
    t = open(f).read(); bodies[os.path.basename(f)] = t.split("\n---\n", 1)[1]
alltext = "\n".join(bodies.values())
def norm(s): return re.sub(r"\s+", " ", s.lower())
NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
def has(hay, needle):
    h = norm(hay); n = norm(needle)
    if re.fullmatch(r"[\d,\.]+", n.strip()):
        v = float(n.replace(",", ""))
        return any(float(m.replace(",", "").rstrip(".")) == v for m in NUM.findall(h) if m.replace(",", "").rstrip(".") )
    return re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", h) is not None
errs = []; ids = set(); n = un = conf = fu = two = 0
for ln, line in enumerate(open(os.path.join(D, "cases.jsonl")), 1):
    c = json.loads(line); n += 1
    i = c["id"]
    if not i.startswith("dev8-") or i in ids: errs.append(f"{ln} bad/dup id {i}")
    ids.add(i)
    un += not c["answerable"]; conf += bool(c.get("conflict")); fu += bool(c.get("history"))
    docs = set()
    for e in c.get("evidence", []):
        hit = [k for k, b in bodies.items() if e in b]
        if not hit: errs.append(f"{ln} {i} evidence not verbatim: {e!r}")
        docs.update(hit[:1])
    if len(docs) > 1: two += 1
    ev = " \n ".join(c.get("evidence", []))
    for g in c.get("expect", []):
        alts = g if isinstance(g, list) else [g]
        if not any(has(ev, x) for x in alts): errs.append(f"{ln} {i} expect {alts} not in evidence")
        for x in alts:
            if re.search(r"\d{4}-\d\d-\d\d|January|February|March|April|May|June|July|August|September|October|November|December", x) and re.search(r"when|day", c["question"].lower()): continue
            if not has(alltext, x): errs.append(f"{ln} {i} expect alt {x!r} not in corpus")
    for g in c.get("claimants", []):
        alts = g if isinstance(g, list) else [g]
        if not any(has(alltext, x) for x in alts): errs.append(f"{ln} {i} claimant {alts} not in corpus")
    if c["answerable"]:
        for fb in c.get("forbid", []):
            for g in c.get("expect", []):
                for x in (g if isinstance(g, list) else [g]):
                    if has(x, fb): errs.append(f"{ln} {i} forbid {fb!r} inside expect {x!r}")
print("\n".join(errs))
print(f"articles={len(bodies)} cases={n} answerable={n-un} unanswerable={un} share={un/n:.3f} conflicts={conf} followups={fu} two_article={two}")
sys.exit(1 if errs or not (0.28 <= un/n <= 0.40) else 0)
