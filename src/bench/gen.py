#!/usr/bin/env python3
"""Generates realistic predictions for the benchmark as NDJSON files in Hindsight's import format.

    python3 src/bench/gen.py --out DIR --first 1 --count 100000 --due 10000 [--per-file 10000] [--seed 7]

Writes DIR/0001.ndjson, DIR/0002.ndjson, ... with --per-file predictions each, keyed bench-0000001,
bench-0000002, ... from --first on. Exactly --due of them (spread evenly) have a target date in 2025, so the
due scan flags them; every other dated one ends in a later year (2027-2035 while that lies ahead, always more
than a month ahead so that no reminder fires either), and the undated ones (basis NONE) are reviewed every 6
or 12 months from the import, so they are not due now. Deterministic for a given seed and range.

Fields: varied statements built from templates, speakers from a small set (Sam Altman's point to the seed
source), 1-3 topics from a vocabulary of 30 with a skewed distribution ("cost" is the most common, in about a
fifth of the predictions; "rare-earths" is added to one in 10,000), the four kinds, target dates with precision
YEAR/QUARTER/MONTH/DAY at the last day of their window and a label, quotes (English or Traditional Chinese)
with a locator, resolution criteria, and a metric on about one in five.
"""
import argparse
import calendar
import datetime
import json
import os
import random

SPEAKERS = [
    ("Sam Altman", "altman-town-hall-2026-01-27"),
    ("Dario Amodei", None),
    ("Demis Hassabis", None),
    ("Jensen Huang", None),
    ("Satya Nadella", None),
    ("Mustafa Suleyman", None),
    ("Fei-Fei Li", None),
    ("Yann LeCun", None),
]
SPEAKER_WEIGHTS = [30, 12, 12, 12, 10, 8, 8, 8]

# 30 topics; the weights make a few common (cost first), as real tags are.
TOPICS = ["cost", "models", "agents", "jobs", "software-engineering", "science", "hardware", "energy",
          "safety", "regulation", "k12-education", "hiring", "startups", "speed", "open-source", "robotics",
          "healthcare", "chips", "data-centers", "creativity", "memory", "search", "devices", "privacy",
          "geopolitics", "biology", "mathematics", "compute", "alignment", "media"]
TOPIC_WEIGHTS = [40, 25, 22, 20, 16, 14, 12, 11, 10, 10, 9, 9, 8, 8, 7, 7, 6, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 3, 3]

# One prediction in 10,000 also has this topic: the sparse-filter rows of the benchmark look for it.
RARE_TOPIC = "rare-earths"
RARE_EVERY = 10000

KINDS = ["FORECAST", "COMMITMENT", "STANCE", "CLAIM"]
KIND_WEIGHTS = [60, 15, 10, 15]

SUBJECTS = ["AI models", "Coding agents", "Frontier labs", "Open-weight models", "Humanoid robots",
            "AI tutors", "Inference chips", "Autonomous research agents", "Small on-device models",
            "Data-centre operators", "Most new software", "Drug-discovery pipelines", "Customer-support teams",
            "National AI institutes", "Consumer assistants", "Video-generation models", "Startups of ten people"]
ACTIONS = ["will cut the price of {thing} by a factor of {n}", "will run {thing} at {n} times today's speed",
           "will handle {pct}% of {thing}", "will replace {pct}% of {thing}", "will double {thing}",
           "will make {thing} available to {n} million people", "will publish {thing} openly",
           "will be trusted with {thing} without human review", "will account for {pct}% of {thing}",
           "will reach parity with experts on {thing}"]
THINGS = ["frontier-level reasoning", "routine programming work", "customer-support tickets",
          "graduate-level science questions", "new drug candidates", "classroom tutoring hours",
          "global electricity demand", "cloud compute spending", "code reviews at large companies",
          "medical imaging reads", "mathematical proofs", "chip design verification", "video production",
          "legal document drafting", "translation of live speech", "personal long-term memory"]
STANCES = ["Children under {n} should not use AI companions unsupervised",
           "Frontier models should be evaluated by independent labs before release",
           "Open-weight models above {n} billion parameters need a licence",
           "Schools should teach prompting before typing",
           "Companies should disclose when {pct}% of a product was written by AI"]
QUOTES_ZH = ["成本至少降低{n}倍", "大部分程式碼將由AI撰寫", "我們會開放更多模型", "速度將提升{n}倍",
             "幼兒不應使用AI", "未來幾年內會實現", "這是我們的承諾"]
QUOTES_EN = ["we will get there within {n} years", "the cost curve keeps falling by {n}x a year",
             "most code will be written by agents", "we are committed to shipping it openly",
             "I would not let young kids use it", "this is the decade of robotics"]
SECTIONS = ["§1 Jobs", "§2 Startups", "§3 Agents", "§4 Models", "§5 Cost and speed", "§6 Science",
            "§7 Education", "§8 Hiring", "§9 Creativity", "§10 Memory", "§11 Safety", "§12 Hardware"]
QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def target(rnd, year):
    """A dated target in this year: the last day of its window, the precision and a label."""
    precision = rnd.choices(["YEAR", "QUARTER", "MONTH", "DAY"], [40, 25, 25, 10])[0]
    if precision == "YEAR":
        return datetime.date(year, 12, 31), precision, f"by the end of {year}"
    if precision == "QUARTER":
        q = rnd.randint(1, 4)
        m, d = QUARTER_END[q]
        return datetime.date(year, m, d), precision, f"by Q{q} {year}"
    month = rnd.randint(1, 12)
    last = calendar.monthrange(year, month)[1]
    if precision == "MONTH":
        return datetime.date(year, month, last), precision, f"by the end of {MONTHS[month - 1]} {year}"
    day = datetime.date(year, month, rnd.randint(1, last))
    return day, precision, f"on {day.isoformat()}"


def prediction(rnd, number, due, first_year):
    speaker, source = rnd.choices(SPEAKERS, SPEAKER_WEIGHTS)[0]
    kind = rnd.choices(KINDS, KIND_WEIGHTS)[0]
    n, pct = rnd.choice([2, 3, 5, 10, 20, 50, 100]), rnd.choice([10, 25, 30, 50, 75, 90])
    thing = rnd.choice(THINGS)
    if kind == "STANCE":
        statement = rnd.choice(STANCES).format(n=n, pct=pct) + "."
    else:
        subject = rnd.choice(SUBJECTS)
        if kind == "COMMITMENT":
            subject = rnd.choice(["OpenAI", "Anthropic", "Google DeepMind", "NVIDIA", "Microsoft"])
        verb = rnd.choice(ACTIONS).format(thing=thing, n=n, pct=pct)
        if kind == "CLAIM":
            verb = verb.replace("will ", "already ", 1)
        statement = f"{subject} {verb}"
    topics = []
    while len(topics) < rnd.choice([1, 2, 2, 3]):
        t = rnd.choices(TOPICS, TOPIC_WEIGHTS)[0]
        if t not in topics:
            topics.append(t)
    if number % RARE_EVERY == RARE_EVERY // 2:
        # Not drawn from rnd, so every other field is what it would be without it.
        topics.append(RARE_TOPIC)

    item = {"key": f"bench-{number:07d}"}
    basis = "EXPLICIT" if due else rnd.choices(["EXPLICIT", "INFERRED", "NONE"], [50, 25, 25])[0]
    review_every = None
    if basis == "NONE":
        tgt = {"date": None, "precision": None, "basis": "NONE", "label": None}
        review_every = rnd.choice(["P6M", "P1Y"])
    else:
        year = 2025 if due else rnd.randint(first_year, first_year + 8)
        date, precision, label = target(rnd, year)
        phrase = label
        if basis == "INFERRED":
            label = f"inferred: '{rnd.choice(['soon', 'in a few years', 'this decade'])}' read as {label}"
        tgt = {"date": date.isoformat(), "precision": precision, "basis": basis, "label": label}
        if rnd.random() < 0.3:
            review_every = "P1Y"
        if statement[-1] != ".":
            statement += " " + phrase + "."
    if statement[-1] != ".":
        statement += "."
    item["statement"] = statement
    item["kind"] = kind
    item["speaker"] = speaker
    if source:
        item["source"] = source
    else:
        item["madeOn"] = (datetime.date(2023, 1, 1) + datetime.timedelta(days=rnd.randint(0, 1300))).isoformat()
    if rnd.random() < 0.85:
        zh = speaker == "Sam Altman" and rnd.random() < 0.7
        text = rnd.choice(QUOTES_ZH if zh else QUOTES_EN).format(n=n)
        item["quote"] = {"text": text, "lang": "zh-Hant" if zh else "en", "locator": rnd.choice(SECTIONS)}
    item["topics"] = topics
    item["target"] = tgt
    if review_every:
        item["reviewEvery"] = review_every
    item["resolutionCriteria"] = (
        f"CORRECT if public, verifiable reports (company filings, benchmark leaderboards, or at least two "
        f"independent news sources) show that {thing} meets the claim {tgt['label'] or 'at the review'}; "
        f"PARTIALLY_CORRECT if it holds for at least {pct // 2}% of the stated scale; INCORRECT otherwise.")
    if rnd.random() < 0.2:
        decrease = "price" in statement or "cut" in statement
        item["metric"] = {"name": f"{thing} relative to 2026", "unit": "ratio",
                          "baseline": {"value": 1.0, "on": "2026-01-27"},
                          "target": (1.0 / n) if decrease else float(n),
                          "direction": "DECREASE" if decrease else "INCREASE"}
    return item


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--first", type=int, default=1, help="number of the first key")
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--due", type=int, required=True, help="how many have a target date in 2025")
    ap.add_argument("--per-file", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if a.due > a.count:
        ap.error("--due exceeds --count")
    today = datetime.date.today()
    # Dated targets start in the first year whose 1 January lies more than 31 days ahead (2027 in 2026).
    first_year = max(2027, (today + datetime.timedelta(days=31)).year + 1)
    due_positions = {k * a.count // a.due for k in range(a.due)} if a.due else set()
    os.makedirs(a.out, exist_ok=True)
    rnd = random.Random(a.seed * 1_000_003 + a.first)
    files = 0
    for start in range(0, a.count, a.per_file):
        files += 1
        path = os.path.join(a.out, f"{files:04d}.ndjson")
        with open(path, "w", encoding="utf-8") as f:
            for i in range(start, min(a.count, start + a.per_file)):
                item = prediction(rnd, a.first + i, i in due_positions, first_year)
                f.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
                f.write("\n")
    print(f"{a.count} predictions ({len(due_positions)} due) in {files} files under {a.out}")


if __name__ == "__main__":
    main()
