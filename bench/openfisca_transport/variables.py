"""Article (一)'s input variables and its vectorised formula.

> 对外出务工稳定在1年以上并签订劳动合同、缴纳各项社会保险的建档立卡贫困劳动力……区内跨县（市）就业的每人每年
> 一次性给予200元交通补贴；跨省（区）就业的每人每年一次性给予800元交通补贴

Values are stated on the assessment day (``DAY`` periods), as ``python -m engine batch --date`` takes one day.
Enum members are named with the engine's own words (``other_province``), so a roster's cells encode directly.
OpenFisca has no "unknown": every input has a value, its ``default_value`` when not given.
"""

from openfisca_core.indexed_enums import Enum
from openfisca_core.model_api import select
from openfisca_core.periods import DAY
from openfisca_core.variables import Variable

from openfisca_transport.entities import Person


class JobPlace(Enum):
    none = "No job"
    same_county = "In the home county"
    other_county_in_region = "In another county of Ningxia"
    other_province = "In another province"


class Contract(Enum):
    none = "No labour contract"
    under_1_year = "A contract of under a year"
    one_year_or_more = "A contract of a year or more"  # the engine's word "1_year_or_more" is not a name


class registered_poor(Variable):  # OpenFisca names a variable by its class
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Registered poor worker (建档立卡贫困劳动力)"


class job_place(Variable):
    value_type = Enum
    possible_values = JobPlace
    default_value = JobPlace.none
    entity = Person
    definition_period = DAY
    label = "Where the job is"


class job_months(Variable):
    value_type = int
    entity = Person
    definition_period = DAY
    label = "Months in this job"


class job_contract(Variable):
    value_type = Enum
    possible_values = Contract
    default_value = Contract.none
    entity = Person
    definition_period = DAY
    label = "Labour contract signed"


class job_social_insurance(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Social insurance paid by the employer"


class transport_subsidy(Variable):
    value_type = float
    entity = Person
    definition_period = DAY
    label = "One-off transport subsidy (article (一)), yuan"
    reference = "宁政办规发〔2018〕9号 第（一）条"
    end = "2020-12-31"  # 本意见自2018年7月1日起执行，有效期至2020年12月31日

    def formula_2018_07_01(person, period, parameters):  # OpenFisca calls it with the population first
        law = parameters(period).transport
        place = person("job_place", period)
        contract = person("job_contract", period)
        eligible = (
            person("registered_poor", period)
            * (person("job_months", period) >= law.min_months)
            * ((contract == Contract.under_1_year) + (contract == Contract.one_year_or_more))
            * person("job_social_insurance", period)
        )
        amount = select(
            [place == JobPlace.other_county_in_region, place == JobPlace.other_province],
            [law.amount_by_place.other_county_in_region, law.amount_by_place.other_province],
            0,
        )
        return eligible * amount


VARIABLES = (registered_poor, job_place, job_months, job_contract, job_social_insurance, transport_subsidy)
