import csv, statistics, json, sys
W = ["volledig oneens","oneens","eerder oneens","neutraal","eerder eens","eens","volledig eens"]
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))
head, body = rows[0], rows[1:]
def val(v):
    v = v.strip()
    if v == "": return None
    return float(v) if v.replace('.','',1).isdigit() else float(W.index(v.lower()))
dims = {"A1":[3,4],"A2":[5,6],"B":[7,8],"D.1":[9,10],"E.1 Ouders worden betrokken":[11]}
out = {}
for d, cols in dims.items():
    scores = {}
    for r in body:
        vs = [val(r[c]) for c in cols if val(r[c]) is not None]
        if vs: scores[r[0]] = (sum(vs)/len(vs), r[1])
    def s(xs): return {"n":len(xs),"mean":statistics.mean(xs),"median":statistics.median(xs),"sd":statistics.stdev(xs) if len(xs)>1 else None}
    out[d] = {"all": s([v for v,_ in scores.values()]), **{g: s([v for v,gg in scores.values() if gg==g]) for g in ["leerkracht","ondersteuner","schoolleider"]}}
print(json.dumps(out))
