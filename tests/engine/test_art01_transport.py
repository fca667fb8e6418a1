"""(一) 对外出务工稳定在1年以上并签订劳动合同、缴纳各项社会保险的建档立卡贫困劳动力……区内跨县（市）就业的
每人每年一次性给予200元交通补贴；跨省（区）就业的每人每年一次性给予800元交通补贴（就业补助资金）。"""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

BENEFIT = "transport_subsidy"
BASE = ELIGIBLE[BENEFIT]  # 跨省, 14 months, contract, social insurance

CASES = [
    pytest.param({}, "eligible", 800, id="跨省务工14个月、签合同、缴社保：800元"),
    pytest.param({"person.job.place": "other_county_in_region"}, "eligible", 200, id="区内跨县务工：200元"),
    pytest.param({"person.job.place": "same_county"}, "not_eligible", None, id="本县务工：不属外出务工"),
    pytest.param({"person.job.place": "none"}, "not_eligible", None, id="未就业：无交通补贴"),
    pytest.param({"person.job.months": 11}, "not_eligible", None, id="11个月：不满1年"),
    pytest.param({"person.job.months": 12}, "eligible", 800, id="12个月：1年以上含本数"),
    pytest.param({"person.job.months": 13}, "eligible", 800, id="13个月：满1年"),
    pytest.param({"person.job.months": 0}, "not_eligible", None, id="刚入职0个月：不满1年"),
    pytest.param({"person.job.contract": "none"}, "not_eligible", None, id="未签劳动合同"),
    pytest.param({"person.job.contract": "under_1_year"}, "eligible", 800, id="签订不满1年的劳动合同：条文只要求签订劳动合同"),
    pytest.param({"person.job.social_insurance": False}, "not_eligible", None, id="未缴社会保险"),
    pytest.param({"person.registered_poor": False}, "not_eligible", None, id="非建档立卡贫困劳动力"),
    pytest.param({"person.registered_poor": MISSING}, "needs_info", None, id="是否建档立卡未知：待补充"),
    pytest.param({"person.job.place": MISSING}, "needs_info", None, id="务工地点未知：待补充"),
    pytest.param({"person.job.months": MISSING}, "needs_info", None, id="务工月数未知：待补充"),
    pytest.param({"person.job.contract": MISSING}, "needs_info", None, id="劳动合同未知：待补充"),
    pytest.param({"person.job.social_insurance": MISSING}, "needs_info", None, id="社保缴纳未知：待补充"),
    pytest.param({"person.job.months": 11, "person.job.social_insurance": MISSING}, "not_eligible", None,
                 id="11个月且社保未知：已确定不满足"),
    pytest.param({"person.job.place": "same_county", "person.registered_poor": MISSING}, "not_eligible", None,
                 id="本县务工且身份未知：已确定不满足"),
]


@pytest.mark.parametrize(("overrides", "status", "amount"), CASES)
def test_transport_subsidy(overrides, status, amount):
    check_case(result_for(build(BASE, overrides), BENEFIT), overrides, status, amount)


def test_metadata():
    r = result_for(BASE, BENEFIT)
    check_metadata(r, 1, "person", "就业补助资金", "cash", "跨省（区）就业的每人每年一次性给予800元交通补贴")


@pytest.mark.parametrize("overrides", [
    {}, {"person.job.contract": "under_1_year"}, {"person.job.contract": "none"}, {"person.job.contract": MISSING},
], ids=["1_year_or_more", "under_1_year", "none", "unknown"])
def test_a_contract_of_any_length_is_a_disclosed_reading(overrides):
    """The article asks for a signed labour contract and names no length (unlike 五 and 九): disclosed."""
    assert "transport_contract_any_length" in result_for(build(BASE, overrides), BENEFIT)["interpretations"]
