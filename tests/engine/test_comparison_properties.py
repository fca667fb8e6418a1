"""The "where to work" comparison, for any resident and date (hypothesis), and next steps checked through the
command line on generated profiles.

A row is the engine on the profile it describes: the person's facts with the row's ``change``, on the same date.
``still_needed`` is empty only when the person already meets the choice: then the engine on the person's own
facts gives the same benefit and amount. A row whose parts take past the policy's end says so; a row in time
whose parts ask for something to be done names the last day for it (``by``), after the day assessed. What is
done comes after the day assessed: ``from`` is ``months`` after it, or after the day after when a part is done.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_step_properties import DATES, value

from bench.promise_audit import apply, generated_profiles
from engine import evaluate
from engine.profile import FIELDS
from engine.questions import nest
from engine.scenarios import compare
from engine.steps import add_months

ROOT = Path(__file__).resolve().parents[2]
PERSON = sorted(name for name in FIELDS if name.startswith("person."))
TOO_LATE = {"That takes until {date}, after the policy ends on {end}.",
            "That must be done after the day assessed and by {end}, when the policy ends: no day is left for it.",
            "To last long enough before the policy ends on {end}, that must start after the day assessed and by {date}: "
            "no day is left for it."}
DEADLINES = {"by {end}, when the policy ends", "starting by {date}, to last long enough before the policy ends on {end}"}
DAY = timedelta(days=1)


@st.composite
def residents(draw: st.DrawFn) -> dict:
    chosen = draw(st.lists(st.sampled_from(PERSON), unique=True, max_size=len(PERSON)))
    return {name: draw(value(name)) for name in chosen}


def engine_on(facts: dict, benefit: str, on: date) -> dict:
    return next(r for r in evaluate(nest(facts), on, None)["results"] if r["benefit"] == benefit)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(residents(), DATES)
def test_every_row_is_the_engine_on_the_profile_it_describes(facts: dict, on: date):
    for row in compare(facts, on, lang=None):
        result = engine_on({**facts, **row["change"]}, row["benefit"], on)
        assert row["status"] == result["status"], row["scenario"]
        assert row["amount"] == ((result["amount"] or 0) if result["status"] == "eligible" else 0), row["scenario"]
        ready = date.fromisoformat(row["from"])
        assert ready in {add_months(on, row["months"]), add_months(on + DAY, row["months"])}, row["scenario"]
        assert row["in_time"] == (date(2018, 7, 1) <= ready <= date(2020, 12, 31)), row["scenario"]
        if not row["still_needed"]:
            own = engine_on(facts, row["benefit"], on)
            assert (own["status"], own["amount"]) == ("eligible", result["amount"]), row["scenario"]
        if own_is_due_here(facts, row, on):
            assert row["still_needed"] == [], row["scenario"]
        late = [m for m in row["still_needed"] if m["id"] in TOO_LATE]
        in_force = date(2018, 7, 1) <= on <= date(2020, 12, 31)
        assert bool(late) == (not row["in_time"] and in_force and not result["unmet"]), row["scenario"]
        named = [m for m in row["still_needed"] if m["id"] in DEADLINES]
        assert bool(named) == (row["in_time"] and in_force and not result["unmet"] and row["by"] is not None)
        if named:
            assert on < date.fromisoformat(row["by"]) <= date(2020, 12, 31), row["scenario"]
        if result["unmet"]:  # a choice that would not pay: its reasons come first
            assert [m["id"] for m in row["still_needed"][:len(result["unmet"])]] == [m["id"] for m in result["unmet"]]


def own_is_due_here(facts: dict, row: dict, on: date) -> bool:
    """The person already works in the row's place and gets its subsidy today."""
    place = row["change"].get("person.job.place")
    if place is None or facts.get("person.job.place") != place:
        return False
    return engine_on(facts, row["benefit"], on)["status"] == "eligible"


def _cli_lines(tmp_path: Path, profiles: list[dict], name: str) -> list[dict]:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in profiles) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "engine", "evaluate", str(path), "--lang", "en"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_steps_checked_through_the_command_line_on_generated_profiles(tmp_path):
    """600 generated profiles through ``python -m engine evaluate FILE.jsonl``; every step's change, applied and
    assessed its months later, goes through the command line again and gives what the step said."""
    profiles = generated_profiles(600, seed=20181)
    outs = _cli_lines(tmp_path, profiles, "generated.jsonl")
    promises, changed = [], []
    for profile, out in zip(profiles, outs, strict=True):
        for result in out["results"]:
            for step in result["next"]:
                assert step["from"] <= "2020-12-31", step["text"]
                assessed = date.fromisoformat(out["date"])
                later = {add_months(assessed, step["months"]), add_months(assessed + DAY, step["months"])}
                assert date.fromisoformat(step["from"]) in later
                if step["by"] is not None:
                    assert out["date"] < step["by"] <= "2020-12-31", step["text"]
                promises.append((result["benefit"], step["gives"]))
                changed.append({**apply(profile, step["change"]), "date": step["from"]})
    assert len(promises) >= 100, "the generated profiles should give many steps"
    again = _cli_lines(tmp_path, changed, "changed.jsonl")
    for (benefit, gives), out in zip(promises, again, strict=True):
        found = next(r for r in out["results"] if r["benefit"] == benefit)
        assert {"status": found["status"], "amount": found["amount"]} == gives, benefit
