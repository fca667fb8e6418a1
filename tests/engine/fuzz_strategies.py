"""Hypothesis strategies for the fuzz tests: JSON-like values of every kind, and profiles that are partly valid
(fact names of the contract with good or bad values, unknown names, wrong nesting), so the fuzzing reaches the
rules and not only the first check."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from hypothesis import strategies as st

from engine.profile import FIELDS, SECTIONS
from engine.rules import BENEFIT_IDS
from engine.totals import EXCLUSIVE_SETS

STATUSES = {"eligible", "not_eligible", "needs_info", "out_of_period"}
# Integers beyond Python's 4,300-digit str() limit are built by a function: hypothesis could not print them.
HUGE_NUMBERS = (st.sampled_from([400, 5000]).map(lambda digits: 10**digits)
                | st.sampled_from([2**63, -(2**63) - 1, 1e308, -1e308, 5e-324, -0.0]))
SCALARS = (st.none() | st.booleans() | st.integers() | HUGE_NUMBERS | st.floats()
           | st.text(max_size=30) | st.sampled_from(["", "是", "12", "none", "2019-06-01", "a\nb", "\u2028", "\x00"]))
JSON_VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12)
NAMES = sorted(FIELDS)
JUNK_NAMES = ["person.job", "person.nope", "person.job.months.extra", "employer", "x", "person.", ".person",
              "person.job.", "broker.is_4050.x", "date"]


def good_value(name: str) -> st.SearchStrategy:
    spec = FIELDS[name]
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "enum":
        return st.sampled_from(spec.values)
    low, high = spec.minimum or 0, spec.maximum or 1e6
    if spec.kind == "int":
        return st.integers(min_value=int(low), max_value=int(high)) | st.sampled_from([int(low), int(high)])
    return st.floats(min_value=low, max_value=high, allow_nan=False)


@st.composite
def nested_profiles(draw: st.DrawFn, bad_share: float = 0.15, junk: bool = True) -> dict[str, Any]:
    """A profile built from dotted names: mostly good values, some bad ones and some unknown names."""
    names = draw(st.lists(st.sampled_from(NAMES + JUNK_NAMES if junk else NAMES), unique=True, max_size=12))
    profile: dict[str, Any] = {}
    for name in names:
        bad = name not in FIELDS or draw(st.floats(0, 1)) < bad_share
        value = draw(JSON_VALUES if bad else good_value(name))
        node: Any = profile
        *parents, leaf = name.split(".")
        for part in parents:
            node = node.setdefault(part, {}) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node[leaf] = value
    if draw(st.booleans()):
        profile["date"] = draw(st.dates().map(date.isoformat) | JSON_VALUES)
    return profile


PROFILES = (nested_profiles()
            | st.dictionaries(st.sampled_from([*SECTIONS, "date"]) | st.text(max_size=8), JSON_VALUES, max_size=4)
            | JSON_VALUES)


def check_result(out: Any, on: date | None = None) -> None:
    """``out`` is a result of :func:`engine.evaluate`: the documented keys, statuses and amounts, plain JSON."""
    assert isinstance(out, dict)
    assert set(out) >= {"policy", "date", "in_force", "results", "total", "left_out"}, sorted(out)
    if on is not None:
        assert out["date"] == on.isoformat()
    assert [r["benefit"] for r in out["results"]] == list(BENEFIT_IDS)
    eligible_total = 0.0
    for result in out["results"]:
        assert result["status"] in STATUSES, result["status"]
        amount = result["amount"]
        if amount is not None:
            assert isinstance(amount, int | float)
            assert not isinstance(amount, bool)
            assert math.isfinite(amount), (result["benefit"], amount)
            assert amount >= 0, (result["benefit"], amount)
            assert result["status"] == "eligible", result
            eligible_total += amount
        if not out["in_force"]:
            assert result["status"] == "out_of_period"
    assert math.isfinite(out["total"])
    assert out["total"] >= 0
    amounts = {r["benefit"]: r["amount"] for r in out["results"] if r["amount"] is not None}
    left_out = {entry["benefit"] for entry in out["left_out"]}
    for entry in out["left_out"]:  # a benefit is left out only for a due one of its set, with at least its amount
        assert entry["instead"] in amounts, entry
        assert entry["instead"] not in left_out, entry
        assert amounts[entry["instead"]] >= amounts[entry["benefit"]], entry
    for exclusive in EXCLUSIVE_SETS:  # the total never adds two of one set
        assert len([b for b in exclusive.benefits if b in amounts and b not in left_out]) <= 1, (exclusive.id, amounts)
    counted = eligible_total - sum(amounts[b] for b in left_out)
    assert abs(out["total"] - counted) < 0.01 * max(1.0, counted)
