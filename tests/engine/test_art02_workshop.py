"""(二) 在贫困村、移民村和扶贫产业园创建就业扶贫车间、社区工厂、产业扶贫基地、农产品加工基地等就业扶贫载体……
吸纳11人至20人的一次性补贴2万元；吸纳21人至30人的一次性补贴3万元；吸纳31人至100人的一次性补贴6万元；
吸纳100人以上的一次性补贴10万元（就业补助资金）。Bands overlap at 100: the closed band "31人至100人" is read
literally (interpretation "workshop_band_overlap_100"): 100 → 60,000, 101 or more → 100,000."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

BENEFIT = "workshop_grant"
BASE = ELIGIBLE[BENEFIT]  # workshop in a poor village, 25 qualifying hires
H = "employer.qualifying_hires"

CASES = [
    pytest.param({H: 0}, "not_eligible", None, id="吸纳0人：无补贴"),
    pytest.param({H: 10}, "not_eligible", None, id="吸纳10人：不足11人"),
    pytest.param({H: 11}, "eligible", 20_000, id="吸纳11人：2万元"),
    pytest.param({H: 20}, "eligible", 20_000, id="吸纳20人：2万元"),
    pytest.param({H: 21}, "eligible", 30_000, id="吸纳21人：3万元"),
    pytest.param({H: 30}, "eligible", 30_000, id="吸纳30人：3万元"),
    pytest.param({H: 31}, "eligible", 60_000, id="吸纳31人：6万元"),
    pytest.param({H: 100}, "eligible", 60_000, id="吸纳100人：31人至100人一档6万元（重叠按闭区间）"),
    pytest.param({H: 101}, "eligible", 100_000, id="吸纳101人：10万元"),
    pytest.param({H: 500}, "eligible", 100_000, id="吸纳500人：10万元封顶"),
    pytest.param({"employer.carrier": "community_factory"}, "eligible", 30_000, id="社区工厂：载体"),
    pytest.param({"employer.carrier": "industry_base"}, "eligible", 30_000, id="产业扶贫基地：载体"),
    pytest.param({"employer.carrier": "agri_processing_base"}, "eligible", 30_000, id="农产品加工基地：载体"),
    pytest.param({"employer.carrier": "none"}, "not_eligible", None, id="非就业扶贫载体"),
    pytest.param({"employer.located_in": "migrant_village"}, "eligible", 30_000, id="移民村：可"),
    pytest.param({"employer.located_in": "industrial_park"}, "eligible", 30_000, id="扶贫产业园：可"),
    pytest.param({"employer.located_in": "other"}, "not_eligible", None, id="不在贫困村、移民村或扶贫产业园"),
    pytest.param({"employer.kind": "large_enterprise"}, "eligible", 30_000, id="载体由大企业自建：企业规模不限"),
    pytest.param({"employer.carrier": MISSING}, "needs_info", None, id="载体类型未知：待补充"),
    pytest.param({"employer.located_in": MISSING}, "needs_info", None, id="载体所在地未知：待补充"),
    pytest.param({H: MISSING}, "needs_info", None, id="吸纳人数未知：待补充"),
    pytest.param({H: 5, "employer.carrier": MISSING}, "not_eligible", None, id="吸纳5人且载体未知：已确定不满足"),
]


@pytest.mark.parametrize(("overrides", "status", "amount"), CASES)
def test_workshop_grant(overrides, status, amount):
    check_case(result_for(build(BASE, overrides), BENEFIT), overrides, status, amount)


@pytest.mark.parametrize("hires", [100, 101], ids=["100人：重叠处的解释", "101人：重叠处的解释"])
def test_overlap_interpretation_is_shown(hires):
    r = result_for(build(BASE, {H: hires}), BENEFIT)
    assert "workshop_band_overlap_100" in r["interpretations"]


def test_metadata():
    r = result_for(BASE, BENEFIT)
    check_metadata(r, 2, "employer", "就业补助资金", "cash", "吸纳100人以上的一次性补贴10万元")
