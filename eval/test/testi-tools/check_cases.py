import json, glob, re, os, collections
here = os.path.dirname(__file__)
bodies = {}
for p in glob.glob(os.path.join(here, '..', 'corpus', 'i-*.md')):
    t = open(p).read()
    assert t.startswith('---\n')
    bodies[os.path.basename(p)] = t.split('\n---\n', 1)[1]
def norm(s): return re.sub(r'\s+', ' ', s.lower())
def numval(s):
    return re.sub(r'(?<=\d),(?=\d{3})', '', s)
def found(alt, text):
    a, t = norm(numval(alt)), norm(numval(text))
    return re.search(r'(?<![\w.])' + re.escape(a) + r'(?![\w]|\.\d)', t) is not None
cases = [json.loads(l) for l in open(os.path.join(here, '..', 'testi-cases.jsonl'))]
ids = [c['id'] for c in cases]
assert len(ids) == len(set(ids)), [i for i, n in collections.Counter(ids).items() if n > 1]
bad = 0; two = []
for c in cases:
    assert c['id'].startswith('test-i-')
    docs = set()
    for e in c.get('evidence', []):
        hits = [d for d, b in bodies.items() if e in b]
        if not hits: print('EVIDENCE MISSING', c['id'], repr(e)); bad += 1
        docs |= set(hits[:1])
    if len(docs) > 1: two.append(c['id'])
    if c['answerable']:
        for g in c.get('expect', []):
            alts = [g] if isinstance(g, str) else g
            if not any(found(a, e) for a in alts for e in c['evidence']):
                print('EXPECT NOT IN EVIDENCE', c['id'], alts); bad += 1
            if not any(found(a, b) for a in alts for b in bodies.values()):
                print('EXPECT NOT IN CORPUS', c['id'], alts); bad += 1
        for g in c.get('claimants', []):
            alts = [g] if isinstance(g, str) else g
            if not any(found(a, b) for a in alts for b in bodies.values()):
                print('CLAIMANT NOT IN CORPUS', c['id'], alts); bad += 1
        for f in c.get('forbid', []):
            if any(found(f, e) for e in c['evidence']) and not c.get('history'):
                print('NOTE forbid inside own evidence', c['id'], f)
    if c.get('conflict'):
        assert len(c['claimants']) >= 2, c['id']
n = len(cases); u = sum(not c['answerable'] for c in cases)
print('cases', n, 'answerable', n - u, 'unanswerable', u, round(u / n, 3))
print('conflict', sum(bool(c.get('conflict')) for c in cases), 'history', sum(bool(c.get('history')) for c in cases))
print('two-article', len(two), two)
print('errors', bad)
