"""(三) 对达到地市级创业孵化示范基地建设标准的园区，由所在地级市一次性给予不低于50万元奖补资金；对达到国家和
自治区级创业孵化示范基地建设标准的园区，由自治区一次性给予100万元奖补资金（就业补助资金）。"""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

BENEFIT = "incubator_award"
BASE = ELIGIBLE[BENEFIT]

CASES = [
    pytest.param({"incubator.level": "city"}, "eligible", 500_000, True, id="地市级示范基地：不低于50万元"),
    pytest.param({"incubator.level": "region"}, "eligible", 1_000_000, False, id="自治区级示范基地：100万元"),
    pytest.param({"incubator.level": "national"}, "eligible", 1_000_000, False, id="国家级示范基地：100万元"),
    pytest.param({"incubator.level": "none"}, "not_eligible", None, False, id="未达示范基地标准：无奖补"),
    pytest.param({"incubator.level": MISSING}, "needs_info", None, False, id="示范基地级别未知：待补充"),
]


@pytest.mark.parametrize(("overrides", "status", "amount", "minimum"), CASES)
def test_incubator_award(overrides, status, amount, minimum):
    r = result_for(build(BASE, overrides), BENEFIT)
    check_case(r, overrides, status, amount)
    assert bool(r.get("amount_is_minimum")) is minimum


def test_metadata():
    r = result_for(BASE, BENEFIT)
    check_metadata(r, 3, "institution", "就业补助资金", "cash", "一次性给予不低于50万元奖补资金")


@pytest.mark.parametrize("level", ["city", "region", "national", "none"])
def test_the_city_minimum_is_a_disclosed_reading(level):
    """"不低于50万元" is a floor: the amount shown for a city-level park is that minimum, and the result says so."""
    r = result_for(build(BASE, {"incubator.level": level}), BENEFIT)
    assert "incubator_minimum_award" in r["interpretations"]
