"""Benchmark: check a 100,000-row employer roster, against the same work done row by row.

Not a test (timings depend on the machine). Run from the project root:

    .venv/bin/python bench/roster_bench.py            # CSV (GBK), 100,000 rows
    .venv/bin/python bench/roster_bench.py --xlsx     # also time reading the same roster as XLSX

It builds a synthetic roster in memory (Chinese headers, GBK like Excel in China saves it, valid ID
numbers, a mix of yes/no, months and contract words, 1 % bad cells), then times in one run:

* the engine: reading the bytes, checking every cell (GB 11643 check digits included), the per-worker
  rules of articles (二) and (五) over all rows at once, and the summary through ``engine.evaluate``;
  then, separately, each row's reason and next step as text (what the page shows and downloads);
* the reference, row by row on a sample, extrapolated to the whole roster: each cell checked one at a
  time, each worker's conditions evaluated with the single-profile evaluator (``Expr.one``) and its
  texts rendered one row at a time; and a full ``engine.evaluate`` of one profile per row.

Target (issue 4): under 2 s of engine time for 100,000 rows on a 2-core machine. Figures are written
in docs/performance.md.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openpyxl
import pandas as pd

from engine import evaluate
from engine.evaluate import params_on
from engine.logic import Context
from engine.messages import message_of, render
from engine.roster.cells import check_table, normalise_word
from engine.roster.files import load_table, load_table_here
from engine.roster.id_numbers import id_check_character
from engine.roster.workers import WORKER_SCHEMA, check_workers, explain, summarise
from engine.rules.workers import WORKER_RULES

ON = date(2020, 12, 31)
EMPLOYER = {"carrier": "workshop", "located_in": "poor_village", "kind": "sme", "employer_insurance_monthly": 520}
HEADERS = ["姓名", "身份证号", "是否建档立卡", "在岗月数", "劳动合同", "是否缴纳社保"]


def roster_rows(count: int, seed: int = 2018) -> list[list[str]]:
    chance = random.Random(seed)
    rows = []
    for i in range(count):
        first17 = f"640422{date(1960, 1, 1) + timedelta(days=i // 1000):%Y%m%d}{i % 1000:03d}"
        number = first17 + id_check_character(first17)
        months = str(chance.randint(0, 36))
        if chance.random() < 0.01:  # a bad cell now and then: a wrong check digit or a negative month count
            number = number[:-1] + ("0" if number[-1] != "0" else "1")
            months = "-3"
        rows.append([f"工人{i}", number, chance.choice(["是", "是", "是", "否"]), months,
                     chance.choice(["一年以上", "一年以上", "不满一年", "无", "3年", "是"]),
                     chance.choice(["是", "是", "是", "否"])])
    return rows


def as_csv(rows: list[list[str]]) -> bytes:
    return pd.DataFrame(rows, columns=HEADERS).to_csv(index=False).encode("gb18030")


def openpyxl_cells(book: bytes) -> int:
    """The reference: every cell of the first sheet through openpyxl in read-only mode (the site's reader until
    issue 14), counted."""
    workbook = openpyxl.load_workbook(io.BytesIO(book), read_only=True, data_only=True)
    try:
        return sum(len(row) for row in workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


def as_xlsx(rows: list[list[str]]) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def best_of(repeats: int, action):
    times, result = [], None
    for _ in range(repeats):
        result, seconds = timed(action)
        times.append(seconds)
    return result, min(times), statistics.median(times)


def reference_row(row: dict[str, str], words: dict[str, dict[str, object]], params: dict) -> list[str]:
    """One worker, the slow way: each cell by itself, the conditions on one profile, the texts rendered."""
    facts: dict[str, object] = {}
    for field, text in row.items():
        if field in words:
            value = words[field].get(normalise_word(text))
            if value is not None:
                facts[field] = value
        elif field == "worker.months":
            try:
                number = int(text)
            except ValueError:
                continue
            if number >= 0:
                facts[field] = number
        elif field == "worker.id_number" and id_check_character(text[:17]) != text[17:]:
            continue
    if facts.get("worker.contract") not in (None, "signed"):
        facts["worker.contract_length"] = facts["worker.contract"]
    texts = []
    ctx = Context(facts, params)
    for rule in WORKER_RULES:
        values = [condition.test.one(ctx) for condition in rule.conditions]
        messages = [c.unmet for c, v in zip(rule.conditions, values, strict=True) if v is False]
        shown = {k: e.one(ctx) for c in rule.conditions for k, e in c.params.items()}
        texts.append(" ".join(render(message_of(m, shown), "zh_CN") for m in messages))
    return texts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2_000, help="rows done one by one for the reference")
    parser.add_argument("--xlsx", action="store_true", help="also time reading the roster as XLSX")
    args = parser.parse_args(argv)

    rows = roster_rows(args.rows)
    data = as_csv(rows)
    print(f"machine: {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"pandas {pd.__version__}")
    print(f"roster: {args.rows:,} rows, {len(data) / 1e6:.1f} MB CSV in GB18030")
    check_workers(check_table(load_table(data[:20000].rsplit(b"\n", 1)[0], "warm.csv"), WORKER_SCHEMA), ON)  # warm up

    table, read_s, _ = best_of(3, lambda: load_table(data, "roster.csv"))
    _, here_s, _ = best_of(3, lambda: load_table_here(data, "roster.csv"))
    roster, cells_s, _ = best_of(3, lambda: check_table(table, WORKER_SCHEMA))
    result, rules_s, _ = best_of(3, lambda: check_workers(roster, ON))
    summary, summary_s, _ = best_of(3, lambda: summarise(result, EMPLOYER, "zh_CN"))
    texts, texts_s, _ = best_of(3, lambda: explain(result, "zh_CN"))
    engine_s = read_s + cells_s + rules_s + summary_s
    print("\nengine (best of 3)")
    print(f"  read CSV bytes        {read_s:7.3f} s   (in a child process; {here_s:.3f} s in this one: "
          f"{read_s / here_s:.2f}×)")
    print(f"  check cells           {cells_s:7.3f} s   ({len(result.errors):,} bad cells found)")
    print(f"  rules (二) and (五)     {rules_s:7.3f} s")
    print(f"  summary               {summary_s:7.3f} s   (二: {summary['workshop']['counts']:,} count → "
          f"{summary['workshop']['result']['amount']:,}; 五: {summary['sme']['counts']:,} → "
          f"{summary['sme']['result']['amount']:,})")
    print(f"  = engine time         {engine_s:7.3f} s   (target < 2 s)")
    print(f"  + texts for each row  {texts_s:7.3f} s   (what the page shows and downloads)")
    print(f"  = with texts          {engine_s + texts_s:7.3f} s")
    assert len(texts) == args.rows

    sample = table.head(args.sample)
    names = {c.zh_header: c.name for c in WORKER_SCHEMA.columns}
    records = [{names[k]: v for k, v in record.items() if k in names} for record in sample.to_dict("records")]
    words = {c.name: c.words() for c in WORKER_SCHEMA.columns if c.kind in ("bool", "enum")}
    params = params_on(ON)
    _, one_by_one = timed(lambda: [reference_row(r, words, params) for r in records])
    per_row = one_by_one / len(records)
    profile_sample = records[: max(1, args.sample // 4)]
    _, evaluate_s = timed(lambda: [evaluate({"person": {"registered_poor": r.get("worker.registered_poor") == "是",
                                                         "job": {"months": int(r["worker.months"])
                                                                 if r["worker.months"].isdigit() else None}}},
                                            ON, lang=None) for r in profile_sample])
    per_evaluate = evaluate_s / len(profile_sample)
    print(f"\nreference (row by row on {len(records):,} rows, extrapolated to {args.rows:,})")
    print(f"  cells + conditions + texts, one row at a time   {per_row * 1e6:7.1f} µs/row → "
          f"{per_row * args.rows:7.2f} s  ({per_row * args.rows / (engine_s + texts_s):.1f}× the engine with texts)")
    print(f"  engine.evaluate of one profile per row          {per_evaluate * 1e6:7.1f} µs/row → "
          f"{per_evaluate * args.rows:7.2f} s  ({per_evaluate * args.rows / engine_s:.1f}× the engine)")

    if args.xlsx:
        book, write_s = timed(lambda: as_xlsx(rows))
        _, xlsx_s, _ = best_of(3, lambda: load_table(book, "roster.xlsx"))
        _, xlsx_here_s, _ = best_of(3, lambda: load_table_here(book, "roster.xlsx"))
        _, reference_s = timed(lambda: openpyxl_cells(book))
        print(f"\nXLSX ({len(book) / 1e6:.1f} MB, written in {write_s:.1f} s): read (guards, then calamine, in a "
              f"child process) in {xlsx_s:.2f} s ({xlsx_here_s:.2f} s in this process: {xlsx_s / xlsx_here_s:.2f}×); "
              f"reference, openpyxl read-only as the site read it before: {reference_s:.2f} s "
              f"({reference_s / xlsx_s:.1f}×); the checks after reading take the same time as for CSV")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
