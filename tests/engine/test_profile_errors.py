"""Invalid input raises engine.ProfileError (a ValueError) whose message names the dotted field; every value the
contract allows is accepted."""

from __future__ import annotations

from datetime import date

import pytest

from engine import ProfileError, evaluate

ON = date(2019, 6, 1)

ERRORS = [
    pytest.param({"nobody": {}}, "nobody", id="未知的顶层字段"),
    pytest.param({"person": {"salary": 3000}}, "person.salary", id="未知字段"),
    pytest.param({"person": {"job": {"salary": 3000}}}, "person.job.salary", id="未知的嵌套字段"),
    pytest.param({"person": "poor"}, "person", id="person不是对象"),
    pytest.param({"person": {"job": "other_province"}}, "person.job", id="job不是对象"),
    pytest.param({"person": {"age": "forty"}}, "person.age", id="年龄为文字"),
    pytest.param({"person": {"age": 40.5}}, "person.age", id="年龄为小数"),
    pytest.param({"person": {"age": True}}, "person.age", id="年龄为布尔值"),
    pytest.param({"person": {"age": -1}}, "person.age", id="年龄为负"),
    pytest.param({"person": {"registered_poor": "yes"}}, "person.registered_poor", id="布尔字段为文字"),
    pytest.param({"person": {"registered_poor": 1}}, "person.registered_poor", id="布尔字段为数字"),
    pytest.param({"person": {"job": {"months": -1}}}, "person.job.months", id="务工月数为负"),
    pytest.param({"person": {"job": {"months": "12"}}}, "person.job.months", id="务工月数为文字"),
    pytest.param({"person": {"job": {"place": "abroad"}}}, "person.job.place", id="未知的务工地点"),
    pytest.param({"person": {"job": {"contract": "verbal"}}}, "person.job.contract", id="未知的合同类型"),
    pytest.param({"person": {"business": {"kind": "corporation"}}}, "person.business.kind", id="未知的经营形式"),
    pytest.param({"person": {"business": {"months": -3}}}, "person.business.months", id="经营月数为负"),
    pytest.param({"person": {"city": "beijing"}}, "person.city", id="区外城市"),
    pytest.param({"person": {"county": 640422}}, "person.county", id="区县代码为数字"),
    pytest.param({"person": {"unemployment_insurance_years": -0.5}}, "person.unemployment_insurance_years", id="参保年限为负"),
    pytest.param({"person": {"unemployment_insurance_years": "3"}}, "person.unemployment_insurance_years", id="参保年限为文字"),
    pytest.param({"person": {"certificate_this_year": "expert"}}, "person.certificate_this_year", id="未知的证书等级"),
    pytest.param({"person": {"pension_subsidy": "half"}}, "person.pension_subsidy", id="未知的缴费资助"),
    pytest.param({"person": {"urban_months": -6}}, "person.urban_months", id="常住月数为负"),
    pytest.param({"person": {"city_rural_income_last_year": -11708}}, "person.city_rural_income_last_year", id="收入为负"),
    pytest.param({"employer": {"kind": "SME"}}, "employer.kind", id="单位类型大小写不符"),
    pytest.param({"employer": {"carrier": "factory"}}, "employer.carrier", id="未知的载体"),
    pytest.param({"employer": {"located_in": "city"}}, "employer.located_in", id="未知的载体所在地"),
    pytest.param({"employer": {"qualifying_hires": -1}}, "employer.qualifying_hires", id="吸纳人数为负"),
    pytest.param({"employer": {"qualifying_hires": 2.5}}, "employer.qualifying_hires", id="吸纳人数为小数"),
    pytest.param({"employer": {"employer_insurance_monthly": -500}}, "employer.employer_insurance_monthly", id="缴费额为负"),
    pytest.param({"employer": {"in_region": "no"}}, "employer.in_region", id="是否区内为文字"),
    pytest.param({"incubator": {"level": "county"}}, "incubator.level", id="未知的孵化基地级别"),
    pytest.param({"broker": {"qualifying_placements": -2}}, "broker.qualifying_placements", id="组织人数为负"),
    pytest.param({"broker": {"is_4050": "40"}}, "broker.is_4050", id="4050为文字"),
    pytest.param({"institution": {"kind": "university"}}, "institution.kind", id="未知的机构类型"),
    pytest.param({"institution": {"two_after_passed": -35}}, "institution.two_after_passed", id="合格人数为负"),
]


@pytest.mark.parametrize(("profile", "field"), ERRORS)
def test_invalid_profile_names_the_field(profile, field):
    with pytest.raises(ProfileError, match=field.replace(".", r"\.")):
        evaluate(profile, ON)


def test_profile_error_is_a_value_error():
    assert issubclass(ProfileError, ValueError)


ENUMS = {
    "person.job.place": ["none", "same_county", "other_county_in_region", "other_province"],
    "person.job.contract": ["none", "under_1_year", "1_year_or_more"],
    "person.business.kind": ["none", "micro_enterprise", "individual"],
    "person.city": ["yinchuan", "shizuishan", "wuzhong", "guyuan", "zhongwei"],
    "person.certificate_this_year": ["none", "junior", "intermediate", "senior"],
    "person.pension_subsidy": ["none", "partial", "full"],
    "employer.kind": ["sme", "new_agri_entity", "private_non_enterprise", "social_group", "large_enterprise", "other"],
    "employer.carrier": ["none", "workshop", "community_factory", "industry_base", "agri_processing_base"],
    "employer.located_in": ["poor_village", "migrant_village", "industrial_park", "other"],
    "incubator.level": ["none", "city", "region", "national"],
    "institution.kind": ["technical_school", "training_institution", "enterprise"],
}
VALID = [pytest.param(field, value, id=f"{field}={value}") for field, values in ENUMS.items() for value in values]
VALID += [
    pytest.param("person.county", "640422", id="person.county=640422（西吉县）"),
    pytest.param("person.unemployment_insurance_years", 2.9, id="参保年限可为小数"),
    pytest.param("person.unemployment_insurance_years", 3, id="参保年限可为整数"),
    pytest.param("employer.employer_insurance_monthly", 812.5, id="缴费额可为小数"),
    pytest.param("person.job.months", 0, id="务工月数可为0"),
]


@pytest.mark.parametrize(("field", "value"), VALID)
def test_every_contract_value_is_accepted(field, value):
    profile: dict = {}
    *parents, leaf = field.split(".")
    node = profile
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value
    out = evaluate(profile, ON)
    assert len(out["results"]) == 17
