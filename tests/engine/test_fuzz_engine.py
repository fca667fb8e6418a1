"""Fuzzing the engine (hypothesis): ``engine.evaluate`` on any JSON-like value either returns a result that keeps
the contract or raises ProfileError naming a field, in one line; never anything else. The command line's own
fuzzing is in test_fuzz_cli.py."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fuzz_strategies import PROFILES, check_result, nested_profiles
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import evaluate
from engine.profile import ProfileError, check_value, flatten, profile_date, shown

LANGS = st.sampled_from([None, "zh_CN", "en"])
IN_FORCE = st.dates(min_value=date(2018, 7, 1), max_value=date(2020, 12, 31))


def evaluate_or_refuse(profile, on, lang):
    try:
        out = evaluate(profile, on, lang=lang)
    except ProfileError as error:
        refused = error
    else:
        check_result(out, on)
        json.dumps(out, ensure_ascii=False, allow_nan=False)  # plain JSON: no NaN, no object of another kind
        return out
    assert refused.field
    assert "\n" not in refused.problem, refused.problem
    assert 0 < len(refused.problem) < 300, refused.problem
    return None
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=PROFILES, on=IN_FORCE | st.dates(), lang=LANGS)
def test_any_value_gives_a_result_or_a_profile_error(profile, on, lang):
    evaluate_or_refuse(profile, on, lang)


@settings(max_examples=300, deadline=None)
@given(profile=nested_profiles(bad_share=0.0, junk=False), on=IN_FORCE, lang=LANGS)
def test_good_values_always_give_a_result(profile, on, lang):
    profile.pop("date", None)
    check_result(evaluate(profile, on, lang=lang), on)


BAD_NUMBERS = {"5000 digits": 10**5000, "-400 digits": -(10**400), "NaN": float("nan"), "inf": float("inf"),
               "1e308": 1e308, "nested lists": [[[[[[1]]]]]], "object": {"a": 1}, "100,000 characters": "x" * 100_000,
               "newline": "a\nb", "fraction": 2.5, "true": True}


@pytest.mark.parametrize("value", BAD_NUMBERS.values(), ids=BAD_NUMBERS.keys())
def test_a_number_field_refuses_any_bad_value_in_one_short_line(value):
    with pytest.raises(ProfileError) as refused:
        check_value("person.job.months", value)
    assert "\n" not in str(refused.value)
    assert len(str(refused.value)) < 200


def test_a_huge_whole_number_is_compared_not_converted():
    assert check_value("employer.qualifying_hires", 10**7) == 10**7
    with pytest.raises(ProfileError, match="at most 1e"):
        check_value("employer.qualifying_hires", 10**5000)


@pytest.mark.parametrize("when", [20190601, 0, ["2019-06-01"], "2019-02-30", "x" * 10_000],
                         ids=["number", "zero", "list", "30 February", "long text"])
def test_a_bad_profile_date_is_a_profile_error(when):
    with pytest.raises(ProfileError, match=r"^date: must be a date"):
        profile_date({"date": when})


def test_shown_cuts_long_and_deep_values():
    assert len(shown("x" * 10_000)) <= 64
    assert shown(10**5000) == "a number too large"
    assert "\n" not in shown("a\nb")
    assert flatten({"person": {"age": 30}}) == {"person.age": 30}
