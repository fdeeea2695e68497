#!/usr/bin/env python3
"""report.py NFPROF_TXT RUN_LOG SOURCE_LABEL: Markdown report of the per-method IL profile written by the profiling
nanoCLR (nfprof_impl.inc) while DeviceProbe ran. Region letters: s swap controller ticks, i idle controller ticks,
g/f/h CAN session ticks (see DeviceProbe.cs)."""
import collections, re, sys, time

path, runlog, label = sys.argv[1], sys.argv[2], sys.argv[3]
regions = {}
M = collections.defaultdict(dict)   # letter -> key -> [entries, inlined, ops, fl, fs, co, vco, locals, args]
E = collections.defaultdict(dict)   # letter -> (caller, callee, virtual) -> n
O = collections.defaultdict(lambda: collections.defaultdict(list))  # letter -> key -> [(off, n, op, operand)]
N = {}
I = collections.defaultdict(dict)   # letter -> key -> [ops, calls, field loads] inclusive
for line in open(path, errors="replace"):
    p = line.rstrip("\n").split("\t")
    t = p[0]
    if t == "R": regions[p[1]] = int(p[2])
    elif t == "M": M[p[1]][p[2]] = [int(x) for x in p[3:12]]
    elif t == "E": E[p[1]][(p[2], p[3], p[5] == "1")] = int(p[4])
    elif t == "O": O[p[1]][p[2]].append((int(p[3]), int(p[4]), p[5], p[6] if len(p) > 6 else ""))
    elif t == "N": N[p[1]] = p[2]
    elif t == "I": I[p[1]][p[2]] = [int(x) for x in p[3:6]]
log = open(runlog, errors="replace").read()
m = re.search(r"frames in the live session (\d+)", log)
live_frames = int(m.group(1)) if m else 0

def name(k):
    n = N.get(k, k)
    return n.replace("|", "/")

def totals(letter, per):
    ms = M[letter]
    s = [0] * 7
    init_calls = init_locals = 0
    for k, v in ms.items():
        for i in range(7): s[i] += v[i]
        if v[7]:
            init_calls += v[0]
            init_locals += v[0] * v[7]
    ops, fl, fs = s[2], s[3], s[4]
    calls = sum(v[0] for v in ms.values())
    inl = sum(v[1] for v in ms.values())
    vcalls = sum(v[6] for v in ms.values())
    return [("IL ops", ops / per), ("calls (call/callvirt executed)", calls / per),
            ("  of which virtual/interface dispatch", vcalls / per), ("  of which inlined by nanoCLR (no frame push)", inl / per),
            ("calls into a method with locals (InitializeLocals runs)", init_calls / per),
            ("locals initialised", init_locals / per),
            ("field loads (ldfld/ldflda/ldsfld/ldsflda)", fl / per), ("field stores (stfld/stsfld)", fs / per)]

def table_totals(letters_per):
    cols = [totals(l, p) for l, p, _ in letters_per]
    print("| per unit | " + " | ".join(h for _, _, h in letters_per) + " |")
    print("|---|" + "---:|" * len(cols))
    for i, (lab, _) in enumerate(cols[0]):
        print(f"| {lab} | " + " | ".join(f"{c[i][1]:,.1f}" for c in cols) + " |")
    print()

def top(letter, per, n=60, sub=None):
    ms = dict(M[letter])
    if sub:  # (letter minus sub) per unit, e.g. CAN frames f - g
        rows = {}
        for k in set(ms) | set(M[sub]):
            a = ms.get(k, [0] * 9); b = M[sub].get(k, [0] * 9)
            rows[k] = [a[i] - b[i] if i < 7 else max(a[i], b[i]) for i in range(9)]
        ms = rows
    items = sorted(ms.items(), key=lambda kv: (-kv[1][2], -kv[1][0]))[:n]
    print("| # | method | entries | inlined | IL ops | field loads | field stores | calls out | virt. out | locals |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for i, (k, v) in enumerate(items, 1):
        print(f"| {i} | `{name(k)}` | {v[0]/per:,.2f} | {v[1]/per:,.2f} | {v[2]/per:,.1f} | {v[3]/per:,.1f} | {v[4]/per:,.1f} | {v[5]/per:,.2f} | {v[6]/per:,.2f} | {v[7]} |")
    print()

def inclusive(letter, per, n=60):
    ms = I[letter]
    items = sorted(((k, v) for k, v in ms.items() if not name(k).startswith("Station.DeviceProbe")),
                   key=lambda kv: -kv[1][0])[:n]
    print("| # | method | entries | IL ops incl. | calls incl. | field loads incl. | IL ops self |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for i, (k, v) in enumerate(items, 1):
        s = M[letter].get(k, [0] * 9)
        print(f"| {i} | `{name(k)}` | {s[0]/per:,.2f} | {v[0]/per:,.1f} | {v[1]/per:,.2f} | {v[2]/per:,.1f} | {s[2]/per:,.1f} |")
    print()

def outside(letter, per):
    ms = M[letter]
    fake = [v for k, v in ms.items() if name(k).startswith("Station.Device.Tests.Fakes")]
    probe = [v for k, v in ms.items() if name(k).startswith("Station.DeviceProbe")]
    f = lambda rows, i: sum(r[i] for r in rows) / per
    return (f"of these, in the test fakes (HAL stand-ins: on a board these are the HAL's own calls): IL ops {f(fake, 2):,.1f}, "
            f"field loads {f(fake, 3):,.1f}; in the probe's own code inside the region (its call of Tick and of the marker native): IL ops {f(probe, 2):,.1f}, "
            f"calls out {f(probe, 5):,.2f}.")

def top_calls(letter, per, n=60):
    ms = M[letter]
    items = sorted(ms.items(), key=lambda kv: -kv[1][0])[:n]
    print("| # | callee | entries | inlined | IL ops per entry | locals | args |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for i, (k, v) in enumerate(items, 1):
        if v[0] == 0: break
        print(f"| {i} | `{name(k)}` | {v[0]/per:,.2f} | {v[1]/per:,.2f} | {v[2]/max(v[0],1):,.1f} | {v[7]} | {v[8]} |")
    print()

def edges(letter, per, n=80):
    items = sorted(E[letter].items(), key=lambda kv: -kv[1])[:n]
    print("| # | caller | callee | per unit | dispatch |")
    print("|---:|---|---|---:|---|")
    for i, ((a, b, v), c) in enumerate(items, 1):
        print(f"| {i} | `{name(a)}` | `{name(b)}` | {c/per:,.2f} | {'virtual' if v else 'direct'} |")
    print()

def listing(letter, per, n=25):
    ms = M[letter]
    items = sorted(ms.items(), key=lambda kv: -kv[1][2])[:n]
    for k, v in items:
        print(f"#### `{name(k)}`: {v[2]/per:,.1f} IL ops, {v[0]/per:,.2f} entries per unit, {v[7]} locals\n")
        print("```")
        print(f"{'offset':>6} {'per unit':>9}  op")
        for off, c, op, operand in sorted(O[letter][k]):
            print(f"{off:>6} {c/per:>9.2f}  {op} {operand}")
        print("```\n")

s, i = regions.get("s", 0), regions.get("i", 0)
print(f"# Per-method IL profile of the DeviceProbe's measured swap on nanoCLR\n")
print(f"Source: {label}; written {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.\n")
print("Counted by a profiling build of the kit's nanoCLR (the kit's nf-interpreter + tools/Station.DeviceProbe/ilprofile: a counter in")
print("`CLR_RT_Thread::Execute_IL`'s loop, in its call op and in the marker native). No valgrind: IL ops, calls and field")
print("loads are exact counts, not host instructions. A method's IL ops are the ops executed while its code runs (self,")
print("not callees); `entries` = executed call/callvirt ops that reached it (after virtual resolution; natives included);")
print("`inlined` = of those, the ones nanoCLR ran as an inline frame (instance non-virtual small methods without a frame push);")
print("`calls out` / `virt. out` = call ops the method itself executed / of those dispatched virtually (interface or virtual).")
print("Offsets in listings are nanoFramework byte-code offsets (the .pdbx ILMap maps them to IL offsets).\n")
print(f"Regions: measured swap controller ticks (s) {s}, idle controller ticks (i) {i}; "
      + ", ".join(f"{k}: {v}" for k, v in sorted(regions.items())) + f"; live-session frames {live_frames}.\n")
print("## Totals per unit\n")
cols = [("s", max(s, 1), "swap tick"), ("i", max(i, 1), "idle tick")]
if "h" in regions and live_frames: cols.append(("h", live_frames, "live GB/T session, per frame"))
table_totals(cols)
print("Swap tick: " + outside("s", max(s, 1)) + "\n")
print("Idle tick: " + outside("i", max(i, 1)) + "\n")
if "f" in regions and "g" in regions:
    ft, gt = totals("f", 200), totals("g", 200)
    print("CAN frame received and decoded (f − g, per frame, 200 frames): " + "; ".join(f"{a[0]} {a[1]-b[1]:,.1f}" for a, b in zip(ft, gt)) + "\n")
STATE_NAMES = ("Off Recovery NotHomed Homing Idle Arming RaiseToPack Unlock LowerDepleted WaitStaged Transfer RaiseCharged "
               "Lock LowerEmpty ReleaseGate Released Faulted").split()
steps = [(c, regions[c]) for c in sorted(regions) if "0" <= c <= "@"]
if steps:
    print("## Swap tick by the step it started in (s split by SwapState)\n")
    print("| step | ticks | IL ops | calls | virtual | field loads | locals initialised | top methods by self IL ops (ops per tick) |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for c, n in steps:
        t_ = dict(totals(c, n))
        ms = sorted(M[c].items(), key=lambda kv: -kv[1][2])[:6]
        topm = ", ".join(f"{name(k).split('.')[-1]} {v[2]/n:,.0f}" for k, v in ms)
        print(f"| {STATE_NAMES[ord(c) - ord('0')]} | {n} | {t_['IL ops']:,.0f} | {t_['calls (call/callvirt executed)']:,.1f} | "
              f"{t_['  of which virtual/interface dispatch']:,.1f} | {t_['field loads (ldfld/ldflda/ldsfld/ldsflda)']:,.0f} | "
              f"{t_['locals initialised']:,.0f} | {topm} |")
    print()
print("## Swap tick (s): top 60 methods by IL ops per tick\n")
top("s", max(s, 1))
print("## Swap tick (s): top 60 methods by inclusive IL ops per tick (the method and everything it calls)\n")
inclusive("s", max(s, 1))
print("## Swap tick (s): top 60 callees by entries per tick\n")
top_calls("s", max(s, 1))
print("## Swap tick (s): top 80 call edges per tick\n")
edges("s", max(s, 1))
print("## Idle tick (i): top 60 methods by IL ops per tick\n")
top("i", max(i, 1))
print("## Idle tick (i): top 40 methods by inclusive IL ops per tick\n")
inclusive("i", max(i, 1), 40)
print("## Idle tick (i): top 40 callees by entries per tick\n")
top_calls("i", max(i, 1), 40)
if "f" in regions and "g" in regions:
    print("## CAN frame received and decoded (f − g, per frame): top 40 methods\n")
    top("f", 200, 40, sub="g")
print("## Allocation sites: every newobj, newarr and box executed, per region (total counts, not per unit)\n")
print("Managed allocations only (a native that makes a string or an array is not an IL op). Regions: s swap controller")
print("ticks, S console + cloud periods through the swap (whole application), i / I the idle ones.\n")
for letter in ("s", "S", "i", "I"):
    sites = [(n, op, k, off, operand) for k, rows in O[letter].items() for off, n, op, operand in rows
             if op in ("newobj", "newarr", "box")]
    print(f"- region {letter}: {sum(x[0] for x in sites)} allocating ops" + ("" if sites else " (none)"))
    for n, op, k, off, operand in sorted(sites, key=lambda x: -x[0]):
        print(f"  - {n} × `{op}` in `{name(k)}` at {off} {operand}")
print()
print("## Swap tick (s): per-offset listings of the top 25 methods (count per tick)\n")
listing("s", max(s, 1))
print("## Idle tick (i): per-offset listings of the top 10 methods (count per tick)\n")
listing("i", max(i, 1), 10)
