#!/usr/bin/env python3
"""probe.py WORK_DIR ASSEMBLY_DIR: sums callgrind's per-region dumps (cg.out.<n>, one per marker call of DeviceProbe)
by region letter and prints instructions and managed allocations per controller tick, console+cloud period and CAN
frame. A managed allocation is a call of one of nanoCLR's object allocators (objects, arrays, strings, boxes);
the interpreter's own stack-frame blocks (ExtractHeapBlocksForEvents) are counted apart."""
import collections, glob, os, re, sys

work, assemblies = sys.argv[1], sys.argv[2]
log = open(os.path.join(work, "run.log")).read()
regions = re.search(r"^probe: regions (\S+)", log, re.M).group(1)
frames = int(re.search(r"frames in the live session (\d+)", log).group(1))
ALLOCATORS = re.compile(r"ExtractHeapBlocksForArray|ExtractHeapBlocksForClassOrValueTypes|ExtractHeapBytesForObjects|ExtractHeapBlocksForObjects")
FRAMES = re.compile(r"ExtractHeapBlocksForEvents")

def read(path):
    names, cfn, ir, objects, events = {}, None, 0, 0, 0
    for line in open(path, errors="replace"):
        head = line[:3]
        if head in ("fn=", "cfn"):
            m = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?", line)
            if m:
                if m.group(3): names[m.group(2)] = m.group(3)
                if m.group(1) == "cfn": cfn = names.get(m.group(2), "")
        elif head == "cal" and cfn is not None:
            n = int(line[6:].split()[0])
            if ALLOCATORS.search(cfn): objects += n
            elif FRAMES.search(cfn): events += n
        elif head in ("sum", "tot"):
            ir = int(line.split(":")[1])
    return ir, objects, events

m = re.search(r"^probe: states (\S*)", log, re.M)
states = m.group(1) if m else ""
# SwapState's numbers (firmware/Station.Core/SwapState.cs) for the per-step rows.
STATE_NAMES = ("Off Recovery NotHomed Homing Idle Arming RaiseToPack Unlock LowerDepleted WaitStaged Transfer RaiseCharged "
               "Lock LowerEmpty ReleaseGate Released Faulted").split()
sums = collections.defaultdict(lambda: [0, 0, 0, 0, 0])  # ir, objects, frames, count, max objects in one region
steps = collections.OrderedDict()  # state letter -> [ir, objects, count], in the order the swap reached them
swap_ticks = 0
for k, letter in enumerate(regions, start=1):
    ir, objects, events = read(os.path.join(work, f"cg.out.{k}"))
    s = sums[letter]
    s[0] += ir; s[1] += objects; s[2] += events; s[3] += 1; s[4] = max(s[4], objects)
    if letter == "s" and swap_ticks < len(states):
        st = steps.setdefault(states[swap_ticks], [0, 0, 0])
        st[0] += ir; st[1] += objects; st[2] += 1
        swap_ticks += 1

def row(label, letter, per=None, n=None):
    ir, objects, events, count, worst = sums[letter]
    n = n or count
    print(f"{label:<44} {n:>6} {ir / n:>12,.0f} {objects / n:>10.3f} {objects:>8} {worst:>6} {events:>7}")

print(f"{'region':<44} {'count':>6} {'instr/each':>12} {'allocs/each':>10} {'allocs':>8} {'worst':>6} {'frames':>7}")
row("controller tick, idle", "i")
row("console + cloud period, idle", "I")
row("controller tick, through a whole swap", "s")
row("console + cloud period, through a whole swap", "S")
row("test plant + fake BMS step (not firmware)", "p")
g, f = sums["g"], sums["f"]
print(f"{'CAN: per frame received and decoded (BCL, BSM)':<44} {200:>6} {(f[0] - g[0]) / 200:>12,.0f} {(f[1] - g[1]) / 200:>10.3f} {f[1]:>8} {'':>6} {f[2]:>7}")
row("CAN: live GB/T session, per frame", "h", n=max(frames, 1))
if steps:
    print("controller tick by the swap step it started in:")
    for letter, (ir, objects, count) in steps.items():
        n = ord(letter) - ord("a")
        name = STATE_NAMES[n] if 0 <= n < len(STATE_NAMES) else str(n)
        print(f"  {name:<42} {count:>6} {ir / count:>12,.0f} {objects / count:>10.3f} {objects:>8}")
