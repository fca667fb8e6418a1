"""Properties that hold for every profile (hypothesis): no negative amount, monotone grants,
the roster evaluation equals the single evaluation, and results keep their contract."""

from __future__ import annotations

from datetime import date

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import evaluate
from engine.profile import FIELDS
from engine.roster.persons import evaluate_batch
from engine.rules import BENEFIT_IDS, PERSON_RULES

STATUSES = {"eligible", "not_eligible", "needs_info", "out_of_period"}
DATES = st.dates(min_value=date(2017, 1, 1), max_value=date(2022, 12, 31))


def _value(name: str) -> st.SearchStrategy:
    spec = FIELDS[name]
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "enum":
        return st.sampled_from(spec.values)
    low = spec.minimum or 0
    top = spec.maximum if low >= 200 else min(spec.maximum or 200, 200)  # a year of birth: its whole range
    if spec.kind == "int":
        return st.integers(min_value=int(low), max_value=int(top))
    return st.floats(min_value=0, max_value=top, allow_nan=False).map(lambda x: round(x, 1))


def _nest(flat: dict) -> dict:
    profile: dict = {}
    for name, value in flat.items():
        node = profile
        *parents, leaf = name.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return profile


@st.composite
def flat_profiles(draw, prefix: str = "") -> dict:
    names = [n for n in FIELDS if n.startswith(prefix)]
    chosen = draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))
    return {name: draw(_value(name)) for name in chosen}


@settings(max_examples=300, deadline=None)
@given(flat=flat_profiles(), on=DATES)
def test_every_result_keeps_the_contract(flat, on):
    out = evaluate(_nest(flat), on, lang=None)
    assert [r["benefit"] for r in out["results"]] == list(BENEFIT_IDS)
    for result in out["results"]:
        assert result["status"] in STATUSES
        amount = result["amount"]
        assert amount is None or amount >= 0, result
        if result["status"] != "eligible":
            assert amount is None
        if result["status"] == "needs_info":
            assert result["missing"], result
    expected = sum(r["amount"] for r in out["results"] if r["status"] == "eligible" and r["amount"])
    assert out["total"] == expected


@settings(max_examples=200, deadline=None)
@given(
    hires=st.lists(st.integers(min_value=0, max_value=400), min_size=2, max_size=2),
    carrier=st.sampled_from(FIELDS["employer.carrier"].values),
    place=st.sampled_from(FIELDS["employer.located_in"].values),
)
def test_workshop_grant_never_falls_as_hires_rise(hires, carrier, place):
    low, high = sorted(hires)

    def grant(n):
        employer = {"carrier": carrier, "located_in": place, "qualifying_hires": n}
        result = evaluate({"employer": employer}, date(2019, 6, 1), lang=None)["results"][1]
        return result["amount"] or 0

    assert grant(low) <= grant(high)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(flat_profiles("person."), min_size=1, max_size=25), on=DATES)
def test_batch_equals_single(rows, on):
    frame = pd.DataFrame([{name: row.get(name) for name in FIELDS if name.startswith("person.")}
                          for row in rows])
    batch = evaluate_batch(frame, on)
    for position, row in enumerate(rows):
        single = {r["benefit"]: r for r in evaluate(_nest(row), on, lang=None)["results"]}
        for benefit in PERSON_RULES:
            status = batch.iloc[position][f"{benefit}.status"]
            amount = batch.iloc[position][f"{benefit}.amount"]
            assert status == single[benefit]["status"], (benefit, row)
            expected = single[benefit]["amount"]
            assert (pd.isna(amount) and expected is None) or amount == expected, (benefit, row)
