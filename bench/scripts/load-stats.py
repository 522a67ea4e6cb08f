#!/usr/bin/env python3
"""Summarises h2load --log-file logs (start µs since epoch, status, duration µs per request).

Usage: load-stats.py [--status 200] [--from S --to S] [--per-second] LOG...
"""
import argparse, collections

p = argparse.ArgumentParser()
p.add_argument('logs', nargs='+')
p.add_argument('--status', type=int, help='latency percentiles over this status only')
p.add_argument('--per-second', action='store_true', help='one line per second: requests, 2xx, p99 of 2xx')
p.add_argument('--origin', type=float, help='epoch seconds that --per-second counts from')
a = p.parse_args()

rows = []
for path in a.logs:
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                rows.append((int(parts[0]), int(parts[1]), int(parts[2])))
if not rows:
    raise SystemExit('no requests logged')
rows.sort()

def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] / 1000.0

if a.per_second:
    origin = a.origin * 1e6 if a.origin else rows[0][0]
    buckets = collections.defaultdict(list)
    for start, status, dur in rows:
        buckets[int((start - origin) // 1_000_000)].append((status, dur))
    print('second  requests  2xx  503  429  p99_2xx_ms')
    for s in sorted(buckets):
        b = buckets[s]
        ok = [d for st, d in b if 200 <= st < 300]
        print(f"{s:6d} {len(b):9d} {len(ok):4d} {sum(1 for st, _ in b if st == 503):4d} "
              f"{sum(1 for st, _ in b if st == 429):4d} {pct(ok, 0.99) if ok else float('nan'):10.2f}")
    raise SystemExit(0)

span = (rows[-1][0] + rows[-1][2] - rows[0][0]) / 1e6
statuses = collections.Counter(st for _, st, _ in rows)
sel = [d for _, st, d in rows if a.status is None or st == a.status]
print(f"requests={len(rows)} seconds={span:.1f} req/s={len(rows) / span:.0f} "
      f"statuses={dict(sorted(statuses.items()))} "
      f"p50={pct(sel, .5):.2f}ms p99={pct(sel, .99):.2f}ms p99.9={pct(sel, .999):.2f}ms")
