"""The profile: the facts a rule may read, their types and allowed values (a contract).

Every fact is optional; an unknown fact that a rule needs gives ``needs_info``. Facts are
addressed by dotted names (``person.job.months``), which are also the column names of a
roster file (pandas' ``json_normalize`` convention).
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from i18n import N_

CITIES = ("yinchuan", "shizuishan", "wuzhong", "guyuan", "zhongwei")

# National Bureau of Statistics division codes, unchanged 2017-2022 (shared/facts/README.md).
COUNTIES_BY_CITY: dict[str, tuple[str, ...]] = {
    "yinchuan": ("640104", "640105", "640106", "640121", "640122", "640181"),
    "shizuishan": ("640202", "640205", "640221"),
    "wuzhong": ("640302", "640303", "640323", "640324", "640381"),
    "guyuan": ("640402", "640422", "640423", "640424", "640425"),
    "zhongwei": ("640502", "640521", "640522"),
}
# Place names are proper nouns, not messages: (Chinese, English) for each city and county.
CITY_NAMES: dict[str, tuple[str, str]] = {
    "yinchuan": ("银川市", "Yinchuan"), "shizuishan": ("石嘴山市", "Shizuishan"), "wuzhong": ("吴忠市", "Wuzhong"),
    "guyuan": ("固原市", "Guyuan"), "zhongwei": ("中卫市", "Zhongwei"),
}
COUNTY_NAMES: dict[str, tuple[str, str]] = {
    "640104": ("兴庆区", "Xingqing District"), "640105": ("西夏区", "Xixia District"),
    "640106": ("金凤区", "Jinfeng District"), "640121": ("永宁县", "Yongning County"),
    "640122": ("贺兰县", "Helan County"), "640181": ("灵武市", "Lingwu City"),
    "640202": ("大武口区", "Dawukou District"), "640205": ("惠农区", "Huinong District"),
    "640221": ("平罗县", "Pingluo County"), "640302": ("利通区", "Litong District"),
    "640303": ("红寺堡区", "Hongsibao District"), "640323": ("盐池县", "Yanchi County"),
    "640324": ("同心县", "Tongxin County"), "640381": ("青铜峡市", "Qingtongxia City"),
    "640402": ("原州区", "Yuanzhou District"), "640422": ("西吉县", "Xiji County"),
    "640423": ("隆德县", "Longde County"), "640424": ("泾源县", "Jingyuan County"),
    "640425": ("彭阳县", "Pengyang County"), "640502": ("沙坡头区", "Shapotou District"),
    "640521": ("中宁县", "Zhongning County"), "640522": ("海原县", "Haiyuan County"),
}


def place_name(code: str, lang: str) -> str:
    """A city's or county's name in ``lang`` (Chinese for zh_CN, with the Chinese beside it in English)."""
    zh, en = CITY_NAMES.get(code) or COUNTY_NAMES.get(code) or (code, code)
    return zh if lang == "zh_CN" else f"{en} ({zh})"


COUNTIES = tuple(code for codes in COUNTIES_BY_CITY.values() for code in codes)


@dataclass(frozen=True)
class Field:
    """One fact: its JSON type, allowed values and lower bound."""

    kind: str  # "bool" | "int" | "number" | "enum"
    values: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


BOOL = Field("bool")
COUNT = Field("int", minimum=0, maximum=10_000_000)
MONTHS = Field("int", minimum=0, maximum=1200)
MONEY = Field("number", minimum=0, maximum=1e12)


def enum(*values: str) -> Field:
    return Field("enum", values)


FIELDS: dict[str, Field] = {
    "person.registered_poor": BOOL,
    "person.age": Field("int", minimum=0, maximum=130),  # in full years (周岁); a birth year decides it (engine.age)
    "person.birth_year": Field("int", minimum=1900, maximum=2010),
    "person.birth_month": Field("int", minimum=1, maximum=12),
    "person.disabled": BOOL,
    "person.able_to_work": BOOL,
    "person.wants_work": BOOL,
    "person.city": enum(*CITIES),
    "person.county": enum(*COUNTIES),
    "person.job.place": enum("none", "same_county", "other_county_in_region", "other_province"),
    "person.job.months": MONTHS,
    "person.job.contract": enum("none", "under_1_year", "1_year_or_more"),
    "person.job.social_insurance": BOOL,
    "person.business.kind": enum("none", "micro_enterprise", "individual"),
    "person.business.months": MONTHS,
    "person.business.employs_others": BOOL,
    "person.unemployment_insurance_years": Field("number", minimum=0, maximum=100),
    "person.certificate_this_year": enum("none", "junior", "intermediate", "senior"),
    "person.training_certificate": BOOL,
    "person.two_after_student": BOOL,
    "person.tech_school_semesters": Field("int", minimum=0, maximum=40),
    "person.training_passed": BOOL,
    "person.urban_months": MONTHS,
    "person.unemployed_months": MONTHS,
    "person.ecological_migrant": BOOL,
    "person.pension_subsidy": enum("none", "partial", "full"),
    "person.city_rural_income_last_year": MONEY,
    "employer.kind": enum(
        "sme", "new_agri_entity", "private_non_enterprise", "social_group", "large_enterprise", "other"
    ),
    "employer.carrier": enum("none", "workshop", "community_factory", "industry_base", "agri_processing_base"),
    "employer.located_in": enum("poor_village", "migrant_village", "industrial_park", "other"),
    "employer.in_region": BOOL,
    # One count per meaning (issue 16): each article qualifies a hire its own way.
    "employer.qualifying_hires": COUNT,  # 二: registered poor, 12 months or more, a contract, social insurance
    "employer.insured_hires": COUNT,  # 五: registered poor, a contract of 1 year or more, social insurance paid
    "employer.out_of_region_hires": COUNT,  # 九: Ningxia's registered poor, contract ≥ 1 year, insured, working outside
    "employer.certified_trained_hires": COUNT,  # 十: trained by the employer, then a training or vocational certificate
    "employer.employer_insurance_monthly": MONEY,
    "employer.trains_hires": BOOL,
    "incubator.level": enum("none", "city", "region", "national"),
    "broker.qualifying_placements": COUNT,
    "broker.kind": enum("person", "agency"),  # a labour broker (劳务经纪人) or a labour agency (劳务中介组织)
    "broker.is_4050": BOOL,  # a birth year and sex decide it (engine.age)
    "broker.sex": enum("woman", "man"),
    "broker.birth_year": Field("int", minimum=1900, maximum=2010),
    "broker.birth_month": Field("int", minimum=1, maximum=12),
    "broker.joined_employee_insurance": BOOL,
    "institution.kind": enum("technical_school", "training_institution", "enterprise"),
    "institution.two_after_passed": COUNT,
}
SECTIONS = ("person", "employer", "incubator", "broker", "institution")


class ProfileError(ValueError):
    """Bad input: names the dotted field and what is wrong, in one line.

    ``message`` is the English msgid of the problem with named ``params`` (the command line says it in the chosen
    language); ``problem`` and ``str(error)`` are the English text."""

    def __init__(self, field: str, problem: str, **params: Any) -> None:
        self.field = field
        self.message, self.params = problem, params
        self.problem = problem.format(**params)
        super().__init__(f"{field}: {self.problem}")


def check_value(name: str, value: Any) -> Any:
    """The value if it fits the field ``name``; raises ProfileError otherwise. ``None`` is unknown."""
    spec = FIELDS[name]
    if value is None:
        return None
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise ProfileError(name, N_("must be true or false, got {value}"), value=shown(value))
        return value
    if spec.kind == "enum":
        if not isinstance(value, str) or value not in spec.values:
            raise ProfileError(name, N_("must be one of {choices}; got {value}"), choices=", ".join(spec.values),
                               value=shown(value))
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProfileError(name, N_("must be a number, got {value}"), value=shown(value))
    if isinstance(value, float) and not math.isfinite(value):  # an int of any size is finite
        raise ProfileError(name, N_("must be a finite number, got {value}"), value=shown(value))
    if spec.kind == "int" and isinstance(value, float) and not value.is_integer():
        raise ProfileError(name, N_("must be a whole number, got {value}"), value=shown(value))
    if spec.minimum is not None and value < spec.minimum:
        if spec.minimum == 0:
            raise ProfileError(name, N_("must not be negative, got {value}"), value=shown(value))
        raise ProfileError(name, N_("must be at least {minimum}, got {value}"), minimum=spec.minimum,
                           value=shown(value))
    if spec.maximum is not None and value > spec.maximum:
        raise ProfileError(name, N_("must be at most {maximum}, got {value}"), maximum=f"{spec.maximum:g}",
                           value=shown(value))
    return int(value) if spec.kind == "int" else value


TRUE_WORDS = frozenset({"true", "yes", "y", "1", "是", "有", "对"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "否", "无", "没有"})


def parse_text(name: str, text: str | None) -> Any:
    """A value of the field ``name`` written as text (a link's query string): ``None`` when empty; yes/no as
    words; numbers with thousands separators. Raises ProfileError."""
    text = "" if text is None else str(text).strip()
    if text == "":
        return None
    kind = FIELDS[name].kind
    if kind == "bool":
        word = text.lower()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS
        raise ProfileError(name, N_("must be yes or no, got {value}"), value=shown(text))
    if kind in ("int", "number"):
        try:
            number = float(text.replace(",", ""))
        except ValueError:
            raise ProfileError(name, N_("must be a number, got {value}"), value=shown(text)) from None
        return check_value(name, int(number) if kind == "int" and number.is_integer() else number)
    return check_value(name, text)


class _Shown(reprlib.Repr):
    """A short ``repr`` for error messages: long text and deep nesting cut, huge integers not written out."""

    def repr_int(self, x: int, level: int) -> str:
        return repr(x) if x.bit_length() <= 128 else "a number too large"


_SHOWN = _Shown()
_SHOWN.maxstring = _SHOWN.maxother = 60
_SHOWN.maxlevel = 3


def shown(value: Any) -> str:
    """``value`` as an error message quotes it: at most 64 characters, one line."""
    text = _SHOWN.repr(value)
    return text if len(text) <= 64 else text[:61] + "..."


def _key_name(key: Any) -> str:
    """A key of the profile as an error names it: as written when plain, else quoted and cut."""
    plain = isinstance(key, str) and key.strip() and key.isprintable() and len(key) <= 64
    return key if plain else shown(key)


def flatten(profile: Mapping[str, Any]) -> dict[str, Any]:
    """Check a nested profile and return its known facts by dotted name.

    A top-level ``date`` (YYYY-MM-DD) is allowed and ignored here; see :func:`profile_date`.
    """
    if not isinstance(profile, Mapping):
        raise ProfileError("profile", N_("must be a JSON object"))
    facts: dict[str, Any] = {}

    def walk(prefix: str, node: Any) -> None:
        if not isinstance(node, Mapping):
            raise ProfileError(prefix, N_("must be an object"))
        for key, value in node.items():
            name = f"{prefix}.{key}"
            if name in FIELDS:
                checked = check_value(name, value)
                if checked is not None:
                    facts[name] = checked
            elif any(field.startswith(name + ".") for field in FIELDS):
                if value is not None:
                    walk(name, value)
            else:
                raise ProfileError(f"{prefix}.{_key_name(key)}", N_("unknown field"))

    for key, value in profile.items():
        if key == "date":
            continue
        if key not in SECTIONS:
            raise ProfileError(_key_name(key), N_("unknown field"))
        if value is not None:
            walk(key, value)
    return facts


def profile_date(profile: Mapping[str, Any]) -> date | None:
    """The profile's own assessment date, if it has one."""
    if not isinstance(profile, Mapping) or profile.get("date") is None:
        return None
    return parse_date(profile["date"], "date")


def parse_date(text: Any, field: str) -> date:
    try:
        if not isinstance(text, str):
            raise ValueError(field)
        return date.fromisoformat(text)
    except ValueError:
        raise ProfileError(field, N_("must be a date written YYYY-MM-DD, got {value}"), value=shown(text)) from None


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a profile, built from :data:`FIELDS`."""
    root: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Profile for 宁政办规发〔2018〕9号",
        "type": "object",
        "additionalProperties": False,
        "properties": {"date": {"type": "string", "format": "date"}},
    }
    for name, spec in FIELDS.items():
        node = root
        parts = name.split(".")
        for part in parts[:-1]:
            node = node["properties"].setdefault(
                part, {"type": "object", "additionalProperties": False, "properties": {}}
            )
        node["properties"][parts[-1]] = _field_schema(spec)
    return root


def _field_schema(spec: Field) -> dict[str, Any]:
    if spec.kind == "bool":
        return {"type": ["boolean", "null"]}
    if spec.kind == "enum":
        return {"enum": [*spec.values, None]}
    schema: dict[str, Any] = {"type": ["integer" if spec.kind == "int" else "number", "null"]}
    if spec.minimum is not None:
        schema["minimum"] = spec.minimum
    if spec.maximum is not None:
        schema["maximum"] = spec.maximum
    return schema
