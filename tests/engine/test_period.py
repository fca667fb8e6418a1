"""本意见自2018年7月1日起执行，有效期至2020年12月31日。Both ends are inclusive; outside them every benefit is
"out_of_period", with no amount, in_force False and a total of 0."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import BENEFIT_IDS, ELIGIBLE, result_for, run

DATES = [
    pytest.param(date(2018, 6, 30), False, id="2018-06-30：施行前一日"),
    pytest.param(date(2018, 7, 1), True, id="2018-07-01：自2018年7月1日起执行"),
    pytest.param(date(2020, 12, 31), True, id="2020-12-31：有效期至2020年12月31日（含）"),
    pytest.param(date(2021, 1, 1), False, id="2021-01-01：有效期届满"),
]


@pytest.mark.parametrize("benefit", BENEFIT_IDS)
@pytest.mark.parametrize(("on", "in_force"), DATES)
def test_period(benefit, on, in_force):
    r = result_for(ELIGIBLE[benefit], benefit, on=on)
    if in_force:
        assert r["status"] == "eligible"
    else:
        assert (r["status"], r["amount"]) == ("out_of_period", None)


@pytest.mark.parametrize(("on", "in_force"), DATES)
def test_every_benefit_and_the_total(on, in_force):
    profile = {key: value for benefit in ("transport_subsidy", "workshop_grant", "broker_fee")
               for key, value in ELIGIBLE[benefit].items()}
    out = run(profile, on)
    assert out["in_force"] is in_force
    if in_force:
        assert out["total"] == 800 + 30_000 + 1_000
    else:
        assert out["total"] == 0
        assert {r["status"] for r in out["results"]} == {"out_of_period"}
