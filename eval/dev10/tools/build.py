import json, re, glob, os, sys
sys.path.insert(0, os.path.dirname(__file__))
import build_cases_a, build_cases_b, build_cases_c, build_cases_d
try:
    import build_cases_e
except ImportError:
    pass
from build_cases_a import C
here = os.path.dirname(os.path.abspath(__file__))
bodies = {}
for f in glob.glob(os.path.join(here, "..", "corpus", "*.md")):
    t = open(f).read()
    bodies[os.path.basename(f)] = t.split("\n---\n", 1)[1]
def norm(s): return re.sub(r"\s+", " ", s.lower())
def contains(hay, needle):
    h, n = norm(hay), norm(needle).strip()
    if re.fullmatch(r"[\d,.]+", n):
        v = n.replace(",", "")
        nums = [x.replace(",", "").rstrip(".") for x in re.findall(r"\d[\d,]*(?:\.\d+)?", h)]
        return any(x == v or (x.replace('.','',1).isdigit() and v.replace('.','',1).isdigit() and float(x) == float(v)) for x in nums)
    return re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", h) is not None
errs = []; ids = set()
for c in C:
    if c["id"] in ids: errs.append("dup " + c["id"])
    ids.add(c["id"])
    docs = []
    for e in c.get("evidence", []):
        hits = [k for k, b in bodies.items() if norm(e) in norm(b)]
        if not hits: errs.append(f"{c['id']}: evidence not found: {e}")
        docs += hits
    for g in c.get("expect", []):
        alts = [g] if isinstance(g, str) else g
        if not any(contains(e, a) for e in c.get("evidence", []) for a in alts):
            errs.append(f"{c['id']}: expect {alts} not in evidence")
        for a in alts:
            if re.search(r'\b(January|February|March|April|May|June|July|Feb|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b|^\d{4}-\d\d-\d\d$', a): continue
            if not any(contains(b, a) for b in bodies.values()):
                errs.append(f"{c['id']}: expect alt {a!r} not in any article")
    if c["answerable"]:
        for f in c.get("forbid", []):
            for e in c.get("evidence", []):
                if contains(e, f): errs.append(f"{c['id']}: forbid {f} in evidence")
    c["_docs"] = set(docs)
n = len(C); u = sum(not c["answerable"] for c in C)
print("cases", n, "answerable", n - u, "unanswerable", u, "share %.3f" % (u / n))
print("conflicts", sum(bool(c.get("conflict")) for c in C), "followups", sum("history" in c for c in C),
      "two-article", sum(len(c["_docs"]) >= 2 for c in C))
art_used = set().union(*[c["_docs"] for c in C]); print("articles", len(bodies), "used", len(art_used), sorted(set(bodies) - art_used))
print("\n".join(errs)); print(len(errs), "errors")
if "--write" in sys.argv and not errs:
    with open(os.path.join(here, "..", "cases.jsonl"), "w") as fh:
        for c in C:
            c.pop("_docs")
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    print("written")
