#!/usr/bin/env python3
"""Helpers of src/bench/run.sh: parse wrk's output and JSON answers, and print the results table.

    util.py wrk FILE                  -> "RPS P50_MS P99_MS NON2XX SOCKET_ERRORS COMPLETED"
    util.py json FILE EXPR            -> the value at EXPR (dotted path, e.g. result.flagged)
    util.py median V1 V2 ...          -> the median
    util.py report FIGURES OUT.md     -> prints the Markdown table and writes it to OUT.md
"""
import json
import re
import statistics
import sys

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if not rps:
        raise SystemExit(f"no Requests/sec in {path}: wrk failed?")
    lat = {}
    for pct, value, unit in re.findall(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M):
        lat[pct] = float(value) * UNITS_MS[unit]
    if "50" not in lat or "99" not in lat:
        raise SystemExit(f"no latency distribution in {path}: run wrk with --latency")
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    socket_errors = sum(int(g) for g in errors.groups()) if errors else 0
    done = re.search(r"(\d+) requests in", text)
    print(f"{float(rps.group(1)):.0f} {lat['50']:.3f} {lat['99']:.3f} {int(non2xx.group(1)) if non2xx else 0} "
          f"{socket_errors} {int(done.group(1)) if done else 0}")


def json_value(path, expr):
    value = json.load(open(path, encoding="utf-8"))
    for part in expr.split("."):
        if part.isdigit():
            value = value[int(part)]
        else:
            value = value[part]
    print(value if not isinstance(value, (dict, list)) else json.dumps(value))


def report(figures_path, out_path):
    f = {}
    for line in open(figures_path, encoding="utf-8"):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            f[k] = v
    small, large = f.get("small", "100k"), f.get("large", "1M")
    rows = []

    def num(key):
        return float(f[key]) if key in f and f[key] != "" else None

    def row(what, target, measured, ratio, ok, bad_key=None):
        if bad_key and f.get(bad_key) == "-1":
            rows.append((what, target, "no request completed during the wrk run", "n/a", "FAIL"))
            return
        rows.append((what, target, measured, "n/a" if ratio is None else ratio,
                     "n/a" if ok is None else ("pass" if ok else "FAIL")))

    if f.get("sparse_only") == "1":
        rows += sparse_rows(f, small, large)
    else:
        if f.get("mode") != "webhooks":
            load_rows(f, num, row, small, large)
            rows += sparse_rows(f, small, large)
        if f.get("db") == "postgresql":
            replica_rows(f, num, row, large)
        else:
            hooks_rows(f, num, row)

    lines = ["| what | target | measured | ratio | result |", "|---|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows]
    lines.append("")
    lines.append(f"Machine: {f.get('machine', '?')}. Date: {f.get('date', '?')}. Mode: {f.get('mode', '?')}"
                 f"{', PostgreSQL' if f.get('db') == 'postgresql' else ', H2 file'}; Hindsight's JVM options: "
                 f"{f.get('java_opts', '(none)')}; "
                 f"run took {f.get('elapsed', '?')}.")
    text = "\n".join(lines) + "\n"
    open(out_path, "w", encoding="utf-8").write(text)
    print(text, end="")


def replica_rows(f, num, row, large):
    """Two replicas against one PostgreSQL database, reads, against one replica."""
    for what, key in (("`GET /predictions/{key}`, random keys", "key"), ("filtered list, topic going round 30", "list")):
        one, two = num(f"replicas_{key}_one"), num(f"replicas_{key}_two")
        r = two / one if one and two else None
        row(f"two replicas vs one (PostgreSQL, {large} stored): {what}, requests/s",
            "at least 1.6x (issue 18; on 2 cores shared with wrk, CPU-bound either way)",
            f"{two:.0f} req/s with two, {one:.0f} with one" if r is not None else "n/a",
            f"{r:.2f}x" if r is not None else None, None if r is None else r >= 1.6)


def hooks_rows(f, num, row):
    """Webhook delivery to a healthy receiver: alone (before and after), and with a slow receiver subscribed too."""
    n1, ms1, n2, ms2 = num("hooks_alone_1_n"), num("hooks_alone_1_ms"), num("hooks_alone_2_n"), num("hooks_alone_2_ms")
    alone = None if None in (n1, ms1, n2, ms2) else (n1 + n2) / ((ms1 + ms2) / 1000)
    shared = num("hooks_shared_rate")
    row("webhook delivery to a healthy local receiver, alone: deliveries/s", "(no target: the reference for the next row)",
        f"{alone:.0f} deliveries/s ({n1 + n2:.0f} in {(ms1 + ms2) / 1000:.1f} s, half before and half after the next "
        f"row; {f.get('hooks_alone_1_cpu_ms')} / {f.get('hooks_alone_2_cpu_ms')} ms of the service's CPU each)"
        if alone is not None else "n/a", None, None)
    r = None if alone is None or shared is None or alone == 0 else shared / alone
    row("webhook delivery to a healthy local receiver, with a slow receiver subscribed: deliveries/s",
        "not held back by it (issue 11): at least 80% of its rate alone",
        f"{shared:.0f} deliveries/s ({f.get('hooks_shared_n')} in {num('hooks_shared_ms') / 1000:.1f} s, "
        f"{f.get('hooks_shared_cpu_ms')} ms of CPU each; meanwhile the slow receiver got {f.get('hooks_shared_slow')} "
        f"requests, {f.get('hooks_shared_failed')} attempts timed out)" if r is not None else "n/a",
        f"{r:.2f}x" if r is not None else None, None if r is None else r >= 0.8)


def load_rows(f, num, row, small, large):
    """The design's targets: reads, lists, due scan, import, start."""
    bare_rps, bare_p50, bare_p99 = num("bare_rps"), num("bare_p50"), num("bare_p99")
    key_rps, key_p99 = num("key_rps"), num("key_p99")

    def bad(key):
        n = int(f.get(key, "0") or 0)
        if n < 0:
            return "; no request completed during the run"
        return f"; {n} answers not 2xx or failed" if n else ""

    def ok_if(cond, key):
        return None if cond is None else (cond and int(f.get(key, "0") or 0) == 0)

    def ratio_of(a, b):
        return None if a is None or b is None or b == 0 or a == 0 else a / b

    r = ratio_of(key_rps, bare_rps)
    row(f"`GET /predictions/{{key}}`, c=32, random keys over {small}: requests/s",
        "at least 60% of the bare endpoint's (issue 18: 40%)",
        f"{key_rps:.0f} req/s (bare {bare_rps:.0f}){bad('key_bad')}" if r is not None else "n/a",
        f"{r:.0%}" if r is not None else None, ok_if(None if r is None else r >= 0.60, "key_bad"), "key_bad")
    r = ratio_of(key_p99, bare_p99)
    row(f"`GET /predictions/{{key}}`, c=32, random keys over {small}: p99",
        "at most 2x the bare endpoint's p99 (issue 18: 3x)",
        f"{key_p99:.2f} ms (bare {bare_p99:.2f} ms)" if r is not None else "n/a",
        f"{r:.2f}x" if r is not None else None, ok_if(None if r is None else r <= 2.0, "key_bad"), "key_bad")
    key_large_rps, key_large_p99 = num("key_large_rps"), num("key_large_p99")
    r = ratio_of(key_large_rps, bare_rps)
    if key_large_rps is not None:
        row(f"`GET /predictions/{{key}}`, c=32, random keys over {large} (the read cache holds a fraction)",
            "(no target of its own: what a read the cache cannot answer costs)",
            f"{key_large_rps:.0f} req/s, p99 {key_large_p99:.2f} ms (bare {bare_rps:.0f} req/s, p99 {bare_p99:.2f} ms)"
            f"{bad('key_large_bad')}", f"{r:.0%}" if r is not None else None, None, "key_large_bad")
    list_small, list_large = num("list_small_p50"), num("list_large_p50")
    r = ratio_of(list_small, bare_p50)
    row(f"filtered list (status + topic, 50 items), c=32: p50 at {small}", "at most 3x the bare endpoint's p50",
        f"{list_small:.2f} ms (bare {bare_p50:.2f} ms; {num('list_small_rps'):.0f} req/s){bad('list_small_bad')}"
        if r is not None else "n/a",
        f"{r:.2f}x" if r is not None else None, ok_if(None if r is None else r <= 3.0, "list_small_bad"), "list_small_bad")
    r = ratio_of(list_large, list_small)
    row(f"filtered list, c=32: p50 at {large} vs at {small}", "at most 1.5x",
        f"{list_large:.2f} ms at {large} ({num('list_large_rps'):.0f} req/s{bad('list_large_bad')}), "
        f"{list_small:.2f} ms at {small}" if r is not None else "n/a",
        f"{r:.2f}x" if r is not None else None, ok_if(None if r is None else r <= 1.5, "list_large_bad"), "list_large_bad")
    cold_small, cold_large = num("list_small_uncached_ms"), num("list_large_uncached_ms")
    r = ratio_of(cold_small, bare_p50)
    row(f"filtered list, one at a time (wrk c=1), topic going round 30 (no H2 result cache): p50 at {small}",
        "(the same targets) at most 3x the bare endpoint's p50 (issue 18: 5x)",
        f"{cold_small:.2f} ms (bare p50 {bare_p50:.2f} ms)" if r is not None else "n/a",
        f"{r:.1f}x" if r is not None else None, None if r is None else r <= 3.0)
    r = ratio_of(cold_large, cold_small)
    row(f"filtered list, one at a time, topic going round 30: p50 at {large} vs at {small}",
        "(the same targets) at most 1.5x",
        f"{cold_large:.2f} ms at {large} ({ratio_of(cold_large, bare_p50) or 0:.1f}x the bare p50), "
        f"{cold_small:.2f} ms at {small}" if r is not None else "n/a",
        f"{r:.2f}x" if r is not None else None, None if r is None else r <= 1.5)
    scan_small, scan_large = num("scan_small_ms"), num("scan_large_ms")
    r = ratio_of(scan_large, scan_small)
    row(f"due scan, {f.get('due_label', '10k')} due: among {large} vs among {small}", "at most 1.5x",
        f"{scan_large / 1000:.2f} s among {large} ({f.get('scan_large_flagged')} flagged), "
        f"{scan_small / 1000:.2f} s among {small} ({f.get('scan_small_flagged')} flagged)" if r is not None else "n/a",
        f"{r:.2f}x" if r is not None else None, None if r is None else r <= 1.5)
    worst = max(x for x in (scan_small, scan_large) if x is not None) if (scan_small or scan_large) else None
    row(f"due scan, {f.get('due_label', '10k')} flagged", "in a few seconds (read as at most 5 s)",
        f"{scan_small / 1000:.2f} s / {scan_large / 1000:.2f} s (wall {num('scan_small_wall_ms') / 1000:.2f} s / "
        f"{num('scan_large_wall_ms') / 1000:.2f} s)" if worst is not None and scan_large is not None else "n/a",
        f"{worst / 5000:.2f}x of 5 s" if worst is not None else None, None if worst is None else worst <= 5000)
    for phase, label in (("small", f"first {small}"), ("large", f"next {f.get('large_added', '900k')} (to {large})")):
        rate = num(f"import_{phase}_rate")
        row(f"import (NDJSON, 10k a request), {label}", "20k predictions/s or more",
            f"{rate:.0f} predictions/s" if rate is not None else "n/a",
            f"{rate / 20000:.2f}x of 20k/s" if rate is not None else None, None if rate is None else rate >= 20000)
    if f.get("db") == "postgresql":
        return
    bare_start, hs_start = num("bare_start_ms"), num("hs_start_ms")
    r = ratio_of(hs_start, bare_start)
    row("start: time to ready (prod jar, H2 file, seeds loaded)", "at most 2x the bare app's (issue 18: 2.5x)",
        f"{hs_start / 1000:.2f} s (bare {bare_start / 1000:.2f} s)" if r is not None else "n/a",
        f"{r:.2f}x" if r is not None else None, None if r is None else r <= 2.0)
    bare_rss, hs_rss = num("bare_rss_kb"), num("hs_rss_kb")
    r = ratio_of(hs_rss, bare_rss)
    row("start: idle RSS", "at most 1.5x the bare app's (issue 18: 2x)",
        f"{hs_rss / 1024:.0f} MiB (bare {bare_rss / 1024:.0f} MiB)" if r is not None else "n/a",
        f"{r:.2f}x" if r is not None else None, None if r is None else r <= 1.5)


SPARSE_NOISE_MS = 5.0


def sparse_rows(f, small, large):
    """Rows of the sparse filters: each one at a time at both sizes, then the burst of 8 at the larger."""
    rows = []

    def answer(phase, i):
        status = f.get(f"sparse_{phase}_{i}_status")
        if status is None:
            return None, None, "n/a"
        ms = float(f[f"sparse_{phase}_{i}_ms"])
        if status == "timeout":
            return status, ms, f"no answer within {ms / 1000:.0f} s"
        items = f.get(f"sparse_{phase}_{i}_items", "-")
        return status, ms, f"{ms:.1f} ms ({status}{'' if items == '-' else f', {items} items'})"

    i = 0
    while f"sparse_label_{i}" in f:
        label = f[f"sparse_label_{i}"]
        s_status, s_ms, s_text = answer("small", i)
        l_status, l_ms, l_text = answer("large", i)
        answered = all(st not in (None, "timeout") and not st.startswith("5") for st in (s_status, l_status))
        ratio = l_ms / s_ms if answered and s_ms else None
        # Times of a few milliseconds move by more than half between two requests: within SPARSE_NOISE_MS counts.
        ok = answered and ratio is not None and (ratio <= 1.5 or l_ms - s_ms <= SPARSE_NOISE_MS)
        rows.append((f"sparse filter `{label}`, one at a time, median of 5: at {large} vs at {small}",
                     f"in line with the page: at most 1.5x (or {SPARSE_NOISE_MS:.0f} ms more); "
                     "over the work budget a 4xx, never a 5xx",
                     f"{l_text} at {large}, {s_text} at {small}",
                     "n/a" if ratio is None else f"{ratio:.2f}x", "pass" if ok else "FAIL"))
        i += 1
    burst = f.get("sparse_large_burst")
    if burst is not None:
        ok = not any(part.startswith(("5", "timeout", "000")) for part in burst.split())
        rows.append((f"8 sparse filters at once at {large}", "every answer 2xx or 4xx, none 5xx or timed out",
                     f"all answered in {float(f['sparse_large_burst_ms']) / 1000:.2f} s; statuses {burst}",
                     "n/a", "pass" if ok else "FAIL"))
    return rows


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "wrk":
        wrk(sys.argv[2])
    elif cmd == "json":
        json_value(sys.argv[2], sys.argv[3])
    elif cmd == "median":
        print(statistics.median(float(v) for v in sys.argv[2:]))
    elif cmd == "report":
        report(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
