"""Audit: are the site's forward-looking statements true? Next steps and comparison rows on generated profiles,
and, with ``--pages``, every claim the pages make around them.

Not a test (the tests check the same contract on fewer profiles): a measurement of what issues 11 and 26 counted.
Run from the project root:

    .venv/bin/python bench/promise_audit.py                # 600 profiles, seed 2018
    .venv/bin/python bench/promise_audit.py --count 5000 --seed 7
    .venv/bin/python bench/promise_audit.py --pages 50     # and 50 visitors of each page, in both languages

It generates residents, employers, brokers and schools near the articles' thresholds (months around 12, ages
around 40, hires around each band), with some facts left unknown and a date anywhere in the policy period, and
for every next step the engine offers it checks: the step ends on or before 2020-12-31; what it asks to be done
has a last day (``by``) after the day assessed and not after 2020-12-31; the profile with the step's ``change``
applied, assessed on its ``from`` date (``months`` later, or ``months`` after the day after when it asks for
something to be done), gives exactly ``gives``; the change names every fact that was unknown or unmet for that
benefit, unless the change makes that condition hold another way. For each resident it checks every row of the
"where to work" comparison against the engine on the profile it describes, and its deadline likewise.

``--pages N`` opens each page (residents, employers, institutions, brokers) in Streamlit's AppTest for N generated
visitors in both languages and checks every status, amount, payee, office and date it shows against the engine for
the facts the visitor gave (``tests/claims.py``): claims checked and untrue, by page and kind, and an example of
each kind of untrue claim. About 0.3 s of CPU a page.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine import evaluate
from engine.profile import FIELDS
from engine.questions import nest
from engine.scenarios import compare
from engine.steps import add_months

START, END = date(2018, 7, 1), date(2020, 12, 31)
DAY = timedelta(days=1)
NEAR_VALUES: dict[str, list[Any]] = {
    "person.age": list(range(14, 70)), "person.birth_year": list(range(1950, 2006)), "person.birth_month": [1, 6, 7, 12],
    "broker.birth_year": list(range(1965, 1981)), "broker.birth_month": [1, 6, 7, 12],
    "person.job.months": list(range(15)), "person.business.months": list(range(15)),
    "person.urban_months": list(range(9)), "person.unemployed_months": list(range(9)),
    "person.unemployment_insurance_years": [0, 0.5, 0.9, 1, 2, 2.9, 3, 4], "person.tech_school_semesters": [0, 1, 2],
    "person.city_rural_income_last_year": [11_708, 12_000],
    "employer.qualifying_hires": [0, 1, 10, 11, 20, 21, 30, 31, 100, 101],
    "employer.insured_hires": [0, 1, 3],
    "employer.out_of_region_hires": [0, 1, 2],
    "employer.certified_trained_hires": [0, 1, 2],
    "employer.employer_insurance_monthly": [300, 980], "broker.qualifying_placements": list(range(13)),
    "institution.two_after_passed": list(range(5)),
}


def generated_profiles(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` profiles (nested, each with its ``date``), the same for the same seed."""
    rng = random.Random(seed)
    days = (END - START).days
    profiles = []
    for _ in range(count):
        section = rng.choice(["person", "person", "person", "employer", "broker", "institution"])
        names = [n for n in FIELDS if n.startswith(section + ".")]
        facts: dict[str, Any] = {}
        for name in rng.sample(names, rng.randint(min(3, len(names)), len(names))):
            spec = FIELDS[name]
            if name in NEAR_VALUES:
                facts[name] = rng.choice(NEAR_VALUES[name])
            elif spec.kind == "bool":
                facts[name] = rng.random() < 0.7
            else:
                facts[name] = rng.choice(spec.values)
        on = date.fromordinal(START.toordinal() + rng.randint(0, days))
        profiles.append({**nest(facts), "date": on.isoformat()})
    return profiles


def apply(profile: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    out = {key: (dict(value) if isinstance(value, dict) else value) for key, value in profile.items()}
    for name, value in change.items():
        node = out
        *parents, leaf = name.split(".")
        for part in parents:
            node[part] = dict(node.get(part) or {})
            node = node[part]
        node[leaf] = value
    return out


def audit(profiles: list[dict[str, Any]]) -> Counter:
    found: Counter = Counter()
    for profile in profiles:
        on = date.fromisoformat(profile["date"])
        out = evaluate(profile, on, None)
        for result in out["results"]:
            found["results"] += 1
            found[f"status {result['status']}"] += 1
            found["ruled out with a reason of time"] += bool(result["too_late"])
            for step in result["next"]:
                found["next steps"] += 1
                later = date.fromisoformat(step["from"])
                found["steps ending after 2020-12-31"] += later > END
                waited = add_months(on, step["months"])
                found["steps dated other than months after the day assessed (or the day after)"] += later not in {
                    waited, add_months(on + DAY, step["months"])} and not (step["by"] is None and later == END < waited)
                if step["by"] is not None:
                    found["steps asking for something to be done"] += 1
                    found["steps whose last day to act is not after the day assessed or after 2020-12-31"] += not (
                        on < date.fromisoformat(step["by"]) <= END)
                again = next(r for r in evaluate(apply(profile, step["change"]), later, None)["results"]
                             if r["benefit"] == result["benefit"])
                kept = {"status": again["status"], "amount": again["amount"]} == step["gives"]
                found["steps that do not give what they say"] += not kept
                found["steps whose change leaves a condition open"] += bool(again["unmet"] or again["missing"])
                if "person.job.months" in step["change"] and result["benefit"] == "transport_subsidy":
                    found["'N more months in this job' steps"] += 1
                    found["... that deliver"] += kept
        if "person" in profile:
            facts = {k: v for k, v in _flat(profile).items() if k.startswith("person.")}
            for row in compare(facts, on, None):
                found["comparison rows"] += 1
                again = next(r for r in evaluate(nest({**facts, **row["change"]}), on, None)["results"]
                             if r["benefit"] == row["benefit"])
                amount = (again["amount"] or 0) if again["status"] == "eligible" else 0
                found["rows that differ from the engine"] += (row["status"], row["amount"]) != (again["status"], amount)
                found["rows that say nothing is needed"] += not row["still_needed"]
                found["rows that say they come too late"] += not row["in_time"]
                found["rows in time with a last day to act that cannot be met"] += bool(
                    row["in_time"] and row["by"] is not None and not on < date.fromisoformat(row["by"]) <= END)
    return found


def _flat(profile: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in profile.items():
        if key == "date" and not prefix:
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, name + "."))
        else:
            flat[name] = value
    return flat


def audit_pages(count: int, seed: int, pages: list[str], langs: list[str]) -> int:
    """Every claim of each page for ``count`` generated visitors in ``langs``: print the counts, return the untrue."""
    import logging  # noqa: PLC0415

    from tests import claims  # noqa: PLC0415 - AppTest and the pages only when asked for

    logging.disable(logging.WARNING)  # AppTest's warnings about bare mode and widgets seeded from the URL
    print(f"page claims: {count} visitors a page, seed {seed}, languages {', '.join(langs)}")
    print(f"  {'page':12} {'kind':12} {'checked':>8} {'untrue':>7}")
    untrue = 0
    for page in pages:
        report = claims.sample(page, count, seed, langs)
        wrong = report.untrue()
        for kind in claims.KINDS:
            checked = report.checked[(page, kind)]
            if checked:
                print(f"  {page:12} {kind:12} {checked:>8} {wrong[(page, kind)]:>7}")
        untrue += len(report.findings)
        shown: set[tuple[str, str]] = set()
        for finding in report.findings:
            if (finding.kind, finding.where.split()[0]) not in shown:
                shown.add((finding.kind, finding.where.split()[0]))
                print(f"    e.g. {str(finding)[:400]}")
    return untrue


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--pages", type=int, default=0, metavar="N",
                        help="also check every claim of each page for N generated visitors (AppTest)")
    parser.add_argument("--page", action="append", choices=["resident", "employer", "institution", "broker"],
                        help="only this page (repeatable; default: all four)")
    parser.add_argument("--lang", action="append", choices=["zh_CN", "en"], help="only this language (repeatable)")
    args = parser.parse_args(argv)
    found = audit(generated_profiles(args.count, args.seed))
    print(f"{args.count} profiles, seed {args.seed}, dates {START} to {END}")
    for key, value in sorted(found.items()):
        print(f"  {key:48} {value:>7}")
    broken = (found["steps ending after 2020-12-31"] + found["steps that do not give what they say"]
              + found["steps whose change leaves a condition open"] + found["rows that differ from the engine"]
              + found["steps dated other than months after the day assessed (or the day after)"]
              + found["steps whose last day to act is not after the day assessed or after 2020-12-31"]
              + found["rows in time with a last day to act that cannot be met"])
    if args.pages:
        broken += audit_pages(args.pages, args.seed, args.page or ["resident", "employer", "institution", "broker"],
                              args.lang or ["zh_CN", "en"])
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
