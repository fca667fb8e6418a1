"""Employers' what-if figures come from the rules: the grant (二) by hires, total support with the SME subsidy
(五: 12 months of the employer part per hire), and the monthly contribution from the employer's own base and rates."""

from __future__ import annotations

from datetime import date

import pytest

from engine import employer as emp

ON = date(2019, 12, 31)
CARRIER = {"employer.carrier": "workshop", "employer.located_in": "poor_village"}


def at(curve, hires):
    return next(point for point in curve if point["hires"] == hires)


@pytest.mark.parametrize(("hires", "grant"), [
    pytest.param(0, 0, id="0人：0元"), pytest.param(10, 0, id="10人：0元"), pytest.param(11, 20_000, id="11人：2万元"),
    pytest.param(20, 20_000, id="20人：2万元"), pytest.param(21, 30_000, id="21人：3万元"),
    pytest.param(31, 60_000, id="31人：6万元"), pytest.param(100, 60_000, id="100人：重叠处按6万元"),
    pytest.param(101, 100_000, id="101人：10万元"),
])
def test_grant_curve_follows_the_bands(hires, grant):
    assert at(emp.grant_curve(CARRIER, ON, 17), hires)["amount"] == grant


def test_grant_curve_reaches_past_the_top_band_and_past_the_employer():
    assert emp.grant_curve(CARRIER, ON)[-1]["hires"] >= 101
    far = emp.grant_curve(CARRIER, ON, 5_000)
    assert far[-1]["hires"] >= 5_000
    assert at(far, 5_000)["amount"] == 100_000
    assert len(far) < 400


def test_no_grant_for_a_carrier_elsewhere():
    curve = emp.grant_curve({**CARRIER, "employer.located_in": "other"}, ON, 50)
    assert {point["amount"] for point in curve} == {0}


def test_support_curve_adds_one_year_of_subsidy_per_hire():
    employer = {**CARRIER, "employer.kind": "sme", "employer.employer_insurance_monthly": 600}
    point = at(emp.support_curve(employer, ON, 25), 25)
    assert point == {"hires": 25, "grant": 30_000, "subsidy": 25 * 12 * 600, "total": 30_000 + 25 * 12 * 600}


def test_support_curve_without_the_monthly_amount_has_no_subsidy():
    point = at(emp.support_curve({**CARRIER, "employer.kind": "sme"}, ON, 25), 25)
    assert point["grant"] == 30_000
    assert point["subsidy"] is None
    assert point["total"] is None


def test_large_enterprises_get_no_sme_subsidy():
    point = at(emp.support_curve({**CARRIER, "employer.kind": "large_enterprise",
                                  "employer.employer_insurance_monthly": 600}, ON, 25), 25)
    assert point["subsidy"] == 0


def test_overlap_at_100_and_the_reading():
    assert emp.overlap(ON) == {"hires": 100, "amount": 60_000, "interpretation": "workshop_band_overlap_100"}


def test_next_band_from_the_result():
    """New hires are made after the day assessed and count after 12 months: hired on 31 December 2019 at the
    latest (assessed the day before), they count on 31 December 2020, the policy's last day."""
    day_before = date(2019, 12, 30)
    result = emp.results({**CARRIER, "employer.qualifying_hires": 17}, day_before, "en",
                         ["workshop_grant"])["workshop_grant"]
    step = emp.next_band(result)
    assert {k: step[k] for k in ("hires", "amount", "months", "from")} == {
        "hires": 21, "amount": 30_000, "months": 12, "from": "2020-12-31"}
    for late_day in (ON, date(2020, 1, 2)):  # new hires could not count before the policy ends
        late = emp.results({**CARRIER, "employer.qualifying_hires": 17}, late_day, "en", ["workshop_grant"])
        assert emp.next_band(late["workshop_grant"]) is None
    assert emp.band_of(17, ON)["amount"] == 20_000
    assert emp.band_of(5, ON) is None


def test_monthly_contribution_from_base_and_rates():
    got = emp.monthly_contribution(4_000, {"pension": 16, "medical": 8, "unemployment": 0.5}, ON)
    assert got.monthly == 980
    assert not got.errors
    assert not got.notes


@pytest.mark.parametrize(("base", "rates", "named"), [
    pytest.param(None, {"pension": 16, "medical": 8, "unemployment": 1}, {"base"}, id="缺缴费基数"),
    pytest.param(0, {"pension": 16, "medical": 8, "unemployment": 1}, {"base"}, id="基数为0"),
    pytest.param(4000, {"pension": 16, "medical": None, "unemployment": 1}, {"medical"}, id="缺医疗费率"),
    pytest.param(4000, {"pension": 160, "medical": 8, "unemployment": 1}, {"pension"}, id="费率超过100%"),
])
def test_monthly_contribution_names_the_bad_input(base, rates, named):
    got = emp.monthly_contribution(base, rates, ON)
    assert got.monthly is None
    assert {error.name for error in got.errors} == named
    assert all(error.message for error in got.errors)


def test_pension_rate_above_the_national_cap_is_flagged_from_may_2019_only():
    rates = {"pension": 20, "medical": 8, "unemployment": 1}
    assert emp.monthly_contribution(4000, rates, date(2019, 4, 30)).notes == []
    note = emp.monthly_contribution(4000, rates, date(2019, 5, 1)).notes[0]
    assert note.params == {"start": "2019-05-01", "cap": 16, "source": "国办发〔2019〕13号"}
    assert emp.pension_cap(date(2019, 5, 1))[0] == 16
    assert emp.pension_cap(date(2018, 7, 1))[0] is None


def test_no_default_rate_is_assumed():
    assert emp.monthly_contribution(4000, {}, ON).monthly is None


def test_a_curve_asked_again_is_the_same_and_each_caller_gets_its_own_copy():
    """Curves are remembered per input (the employers' page asks for both on every rerun): the second answer is
    the rules' own, and one caller changing its rows changes no other caller's."""
    first = emp.grant_curve(CARRIER, ON, 17)
    worked_out = emp.grant_curve.__wrapped__(CARRIER, ON, 17)
    first[0]["amount"] = -1
    again = emp.grant_curve(CARRIER, ON, 17)
    assert again == worked_out
    assert again[0]["amount"] != -1
    support = {**CARRIER, "employer.kind": "sme", "employer.monthly_contribution": 500}
    assert emp.support_curve(support, ON, 25) == emp.support_curve.__wrapped__(support, ON, 25)
