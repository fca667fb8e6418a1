"""(七) 有创业意愿和创业能力的建档立卡贫困劳动力自主或联合创办小微企业带动就业或从事个体经营带动就业的，连续正常
经营1年以上，一次性给予1万元创业补贴（就业补助资金）。"1年以上" includes 12 months."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

BENEFIT = "startup_subsidy"
BASE = ELIGIBLE[BENEFIT]  # individual business, 14 months, employs others

CASES = [
    pytest.param({}, "eligible", 10_000, id="个体经营带动就业14个月：1万元"),
    pytest.param({"person.business.kind": "micro_enterprise"}, "eligible", 10_000, id="创办小微企业：1万元"),
    pytest.param({"person.business.kind": "none"}, "not_eligible", None, id="未创业"),
    pytest.param({"person.business.employs_others": False}, "not_eligible", None, id="未带动就业"),
    pytest.param({"person.business.months": 11}, "not_eligible", None, id="经营11个月：不满1年"),
    pytest.param({"person.business.months": 12}, "eligible", 10_000, id="经营12个月：1年以上含本数"),
    pytest.param({"person.business.months": 13}, "eligible", 10_000, id="经营13个月：满1年"),
    pytest.param({"person.registered_poor": False}, "not_eligible", None, id="非建档立卡贫困劳动力"),
    pytest.param({"person.registered_poor": MISSING}, "needs_info", None, id="是否建档立卡未知：待补充"),
    pytest.param({"person.business.kind": MISSING}, "needs_info", None, id="经营形式未知：待补充"),
    pytest.param({"person.business.employs_others": MISSING}, "needs_info", None, id="是否带动就业未知：待补充"),
    pytest.param({"person.business.months": MISSING}, "needs_info", None, id="经营月数未知：待补充"),
]


@pytest.mark.parametrize(("overrides", "status", "amount"), CASES)
def test_startup_subsidy(overrides, status, amount):
    check_case(result_for(build(BASE, overrides), BENEFIT), overrides, status, amount)


def test_metadata():
    r = result_for(BASE, BENEFIT)
    check_metadata(r, 7, "person", "就业补助资金", "cash", "一次性给予1万元创业补贴")
