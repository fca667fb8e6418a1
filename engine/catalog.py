"""One description per benefit: what it is, who pays it, from which fund, what to bring, where to go.

Pages, the printed summary and roster exports all read these, so they say the same thing
(the idea of aides-jeunes' benefit files). Text is English msgids, translated by the UI.
Documents are the ones later Ningxia restatements ask for (shared/facts/README.md); pages say
that they are guidance.
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n import N_

FUND_EMPLOYMENT = "就业补助资金"
FUND_EMPLOYMENT_SPECIAL = "就业专项资金"
FUND_UNEMPLOYMENT = "失业保险基金"
FUND_POVERTY = "财政专项扶贫资金"

FUND_LABELS = {
    FUND_EMPLOYMENT: N_("employment subsidy fund"),
    FUND_EMPLOYMENT_SPECIAL: N_("special employment fund"),
    FUND_UNEMPLOYMENT: N_("unemployment insurance fund"),
    FUND_POVERTY: N_("special fiscal poverty-alleviation fund"),
}

APPLY_COUNTY_HRSS = N_(
    "The employment service centre (就业服务中心) of the county human resources and social security "
    "bureau (人力资源和社会保障局) where your household is registered; hotline 12333."
)
APPLY_EMPLOYER_COUNTY = N_(
    "The employment service centre (就业服务中心) of the county human resources and social security "
    "bureau (人力资源和社会保障局) where the workshop or enterprise is; hotline 12333."
)
APPLY_HOME_COUNTY = N_(
    "The human resources and social security bureau and the finance bureau of the county where the "
    "worker's household is registered in Ningxia; hotline 12333."
)
APPLY_SCHOOL = N_("The technical school, with the county employment service centre; hotline 12333.")
APPLY_STREET = N_(
    "The street office or community (街道/社区) of the town where you live; hotline 12333."
)


@dataclass(frozen=True)
class Benefit:
    id: str
    article: int
    role: str  # resident | employer | institution | broker
    label: str
    summary: str
    payee: str  # person | employer | institution | broker | students
    payer: str
    fund: str | None
    kind: str = "cash"  # cash | in_kind | service
    documents: tuple[str, ...] = ()
    apply_at: str = APPLY_COUNTY_HRSS
    notes: tuple[str, ...] = ()  # what a person must know to act on it (posts are limited; fees are waived)


POSTS_ASSIGNED = N_(
    "Posts are limited and assigned by the county (托底安排), first to people who find it hardest to get work: "
    "being eligible does not guarantee a post. Ask your village committee or the county employment service centre."
)
FEES_WAIVED = N_(
    "During the semester the student pays no tuition, accommodation fees (bedding included) or practice-material "
    "fees: they are waived (学费、住宿费（含卧具）和实习材料费全免)."
)


BENEFITS: tuple[Benefit, ...] = (
    Benefit(
        "transport_subsidy", 1, "resident", N_("Transport subsidy for work away from home"),
        N_("200 yuan a year for stable work in another county of Ningxia, 800 yuan in another province."),
        "person", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Social-insurance payment vouchers"), N_("Wage certificate from the employer"),
                   N_("Wage bank statement"), N_("Labour contract"))),
    Benefit(
        "workshop_grant", 2, "employer", N_("One-off grant to a poverty-alleviation workshop or base"),
        N_("20,000 to 100,000 yuan by the number of registered poor workers employed stably for a year."),
        "employer", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Application form with the workshop's bank account"), N_("Labour contracts"),
                   N_("Wage bank statements"), N_("Social-insurance payment vouchers"),
                   N_("Roster of the workers (name, ID number, household registration, contract date)")),
        apply_at=APPLY_EMPLOYER_COUNTY),
    Benefit(
        "incubator_award", 3, "employer", N_("Award to an entrepreneurship incubation park"),
        N_("At least 500,000 yuan from the city, or 1,000,000 yuan from the region, by the standard met."),
        "institution", N_("The prefecture-level city or the autonomous region"), FUND_EMPLOYMENT,
        documents=(N_("Proof that the park meets the demonstration-base standard"),),
        apply_at=APPLY_EMPLOYER_COUNTY),
    Benefit(
        "broker_fee", 4, "broker", N_("Service subsidy for placing registered poor workers"),
        N_("An employment and business-start service subsidy (就业创业服务补贴) of 200 yuan for each registered "
           "poor worker placed into a first job of a year or more."),
        "broker", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("List of placed workers"), N_("Their labour contracts"),
                   N_("Their social-insurance payment vouchers"))),
    Benefit(
        "broker_4050_insurance", 4, "broker", N_("Social-insurance subsidy for “4050” brokers"),
        N_("Women brokers aged 40+ and men aged 50+ who join employee social insurance are covered by "
           "the flexible-employment social-insurance subsidy."),
        "broker", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Social-insurance payment vouchers"), N_("Proof of work as a labour broker"))),
    Benefit(
        "sme_insurance_subsidy", 5, "employer", N_("Social-insurance subsidy for SMEs and other named employers"),
        N_("One year of the employer part of pension, medical and unemployment insurance for each "
           "registered poor worker hired with a labour contract of a year or more and social insurance paid."),
        "employer", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Labour contracts"), N_("Social-insurance payment vouchers"),
                   N_("Roster of the workers (name, ID number, household registration, contract date)")),
        apply_at=APPLY_EMPLOYER_COUNTY),
    Benefit(
        "public_welfare_post", 6, "resident", N_("Public-welfare post"),
        N_("A post such as road care, forest or water keeping, village cleaning or elder care, with a "
           "monthly living subsidy, tier-2 pension and medical insurance and accident insurance."),
        "person", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Household registration booklet"), N_("Disability certificate, if any")),
        notes=(POSTS_ASSIGNED,)),
    Benefit(
        "startup_subsidy", 7, "resident", N_("Start-up subsidy"),
        N_("10,000 yuan once for a small business or self-employment that has run for a year and "
           "employs others."),
        "person", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Business licence"), N_("Proof of a year of normal operation (tax or accounts)"),
                   N_("Proof of the people employed (contracts or wage records)"))),
    Benefit(
        "training_subsidy", 8, "resident", N_("Vocational training subsidy"),
        N_("Choose a training institution yourself; after you get the certificate the subsidy is paid "
           "to you at the region's standard."),
        "person", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Training certificate or vocational qualification certificate"),
                   N_("Bank card in your name"))),
    Benefit(
        "out_of_region_training_subsidy", 9, "employer",
        N_("Training and assessment subsidy for employers outside Ningxia"),
        N_("An employer outside Ningxia that hires registered poor workers from Ningxia with a labour contract of a "
           "year or more and social insurance, working outside Ningxia, and gives them pre-job or on-the-job skills "
           "training can apply to the worker's home county for training and assessment subsidies at Ningxia's "
           "standard."),
        "employer", N_("The worker's home county in Ningxia"), FUND_EMPLOYMENT_SPECIAL,
        documents=(N_("Labour contracts"), N_("Social-insurance payment vouchers"),
                   N_("Training records and certificates")), apply_at=APPLY_HOME_COUNTY),
    Benefit(
        "out_of_region_insurance_subsidy", 9, "employer",
        N_("Social-insurance subsidy for employers outside Ningxia"),
        N_("An employer outside Ningxia that hires registered poor workers from Ningxia with a labour contract of a "
           "year or more and social insurance, working outside Ningxia, can apply for a social-insurance subsidy at "
           "Ningxia's flexible-employment standard."),
        "employer", N_("The worker's home county in Ningxia"), FUND_EMPLOYMENT,
        documents=(N_("Labour contracts"), N_("Social-insurance payment vouchers")),
        apply_at=APPLY_HOME_COUNTY),
    Benefit(
        "employer_training_subsidy", 10, "employer", N_("Training and assessment subsidy for employers"),
        N_("An employer in Ningxia that trains the poor workers it hires can apply for the region's training and "
           "assessment subsidy after they obtain a certificate."),
        "employer", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Training records"), N_("Training or qualification certificates of the workers")),
        apply_at=APPLY_EMPLOYER_COUNTY),
    Benefit(
        "skill_upgrade_subsidy", 10, "resident", N_("Skill-upgrade subsidy"),
        N_("1,000, 1,500 or 2,000 yuan for a junior, intermediate or senior certificate, applied for in the year "
           "it is obtained, after 3 years of unemployment insurance (1 year from 2019)."),
        "person", N_("The county human resources and social security bureau"), FUND_UNEMPLOYMENT,
        documents=(N_("The certificate, obtained in the year you apply"), N_("Unemployment insurance record"),
                   N_("Bank card in your name"))),
    Benefit(
        "two_after_training_grant", 11, "institution", N_("Training grant for “two-after” students"),
        N_("6,000 yuan paid to the technical school for each student from a registered poor family who completes "
           "a semester there and passes; tuition, lodging and materials are free."),
        "institution", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Enrolment record"), N_("Training pass record")), apply_at=APPLY_SCHOOL, notes=(FEES_WAIVED,)),
    Benefit(
        "two_after_study_aid", 11, "institution", N_("Study aid for “two-after” students"),
        N_("3,000 yuan of poverty-alleviation study aid for each such student."),
        "students", N_("The county poverty-alleviation office"), FUND_POVERTY,
        documents=(N_("Enrolment record"), N_("Proof of registered poor household")), apply_at=APPLY_SCHOOL,
        notes=(FEES_WAIVED,)),
    Benefit(
        "special_ability_assessment", 12, "resident", N_("Free special vocational ability assessment"),
        N_("Free assessment in one of 18 projects, such as excavator operation, Ningxia snacks, "
           "embroidery, weaving and paper-cutting."),
        "person", N_("The county human resources and social security bureau"), None, kind="in_kind",
        documents=(N_("ID card"), N_("Proof of registered poor household or ecological migrant status"))),
    Benefit(
        "unemployment_registration", 13, "resident", N_("Unemployment registration in town"),
        N_("After 6 months living in town without work you can register as unemployed there and use "
           "the employment and start-up policies."),
        "person", N_("The street office or community"), None, kind="service",
        documents=(N_("ID card"), N_("Proof of residence in town")), apply_at=APPLY_STREET),
)

BY_ID: dict[str, Benefit] = {benefit.id: benefit for benefit in BENEFITS}
ROLES = ("resident", "employer", "institution", "broker")
