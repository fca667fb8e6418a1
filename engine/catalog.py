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
# Article (五) names employers inside and outside Ningxia (区内外) and no office for those outside: do not send them to a
# county where they are.
APPLY_OUTSIDE_EMPLOYER = N_(
    "The policy does not say where an employer outside Ningxia applies: ask the human resources and social "
    "security bureau of the county in Ningxia where the worker's household is registered, or call 12333."
)
APPLY_HOME_COUNTY = N_(
    "The human resources and social security bureau and the finance bureau of the county where the "
    "worker's household is registered in Ningxia; hotline 12333."
)
# A labour agency has no household registration, and no source says which county handles a broker's subsidy: the
# text says so plainly rather than guess.
APPLY_BROKER = N_(
    "The employment service centre (就业服务中心) of a county human resources and social security bureau "
    "(人力资源和社会保障局). The policy does not say which county handles it: ask there, or call 12333 first."
)
APPLY_SCHOOL = N_("Through the technical school, which applies with the county employment service centre; hotline 12333.")
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
    payee: str  # person | employer | institution | broker (the agency or broker) | broker_person | students
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
        N_("For registered poor workers in a job outside their home county for a year or more, with a signed labour "
           "contract and social insurance paid: 200 yuan a year in another county of Ningxia, 800 yuan in another "
           "province."),
        "person", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Social-insurance payment vouchers"), N_("Wage certificate from the employer"),
                   N_("Wage bank statement"), N_("Labour contract"))),
    Benefit(
        "workshop_grant", 2, "employer", N_("One-off grant to a poverty-alleviation workshop or base"),
        N_("A one-off grant of 20,000 to 100,000 yuan, by the number of hires, to a poverty-alleviation workshop or "
           "base (扶贫载体) in a poor village, a migrant village or a poverty-alleviation industrial park that employs "
           "at least 11 "
           "registered poor workers, each for a year or more with a labour contract and social insurance."),
        "employer", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Application form with the workshop's bank account"), N_("Labour contracts"),
                   N_("Wage bank statements"), N_("Social-insurance payment vouchers"),
                   N_("Roster of the workers (name, ID number, household registration, contract date)")),
        apply_at=APPLY_EMPLOYER_COUNTY),
    Benefit(
        "incubator_award", 3, "employer", N_("Award to an entrepreneurship incubation park"),
        N_("A one-off award to an entrepreneurship incubation park that meets a demonstration-base standard: at least "
           "500,000 yuan from the city for the city level, 1,000,000 yuan from the region for the region or national "
           "level."),
        "institution", N_("The prefecture-level city or the autonomous region"), FUND_EMPLOYMENT,
        documents=(N_("Proof that the park meets the demonstration-base standard"),),
        apply_at=APPLY_EMPLOYER_COUNTY),
    Benefit(
        "broker_fee", 4, "broker", N_("Service subsidy for placing registered poor workers"),
        N_("An employment and business-start service subsidy (就业创业服务补贴) of 200 yuan for each registered "
           "poor worker placed into a first job with an enterprise, once the worker has worked there a year or more "
           "with a labour contract and social insurance paid."),
        "broker", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("List of placed workers"), N_("Their labour contracts"),
                   N_("Their social-insurance payment vouchers")), apply_at=APPLY_BROKER),
    Benefit(
        "broker_4050_insurance", 4, "broker", N_("Social-insurance subsidy for “4050” brokers"),
        N_("A broker who is a “4050” person (a woman aged 40 or more, a man aged 50 or more, in full years) "
           "and joins urban employee social insurance voluntarily can apply for the flexible-employment "
           "social-insurance subsidy."),
        # Article (四) covers "劳务经纪人中的“4050”人员": the broker as a person, never an agency.
        "broker_person", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Social-insurance payment vouchers"), N_("Proof of work as a labour broker")),
        apply_at=APPLY_BROKER),
    Benefit(
        "sme_insurance_subsidy", 5, "employer", N_("Social-insurance subsidy for SMEs and other named employers"),
        N_("Small, medium and micro enterprises, new agricultural businesses, private non-enterprise units "
           "and social groups, in Ningxia or outside it, that hire Ningxia's registered poor workers with a labour "
           "contract of a year or more and social insurance paid: one year of the employer part of their pension, "
           "medical and unemployment insurance."),
        "employer", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Labour contracts"), N_("Social-insurance payment vouchers"),
                   N_("Roster of the workers (name, ID number, household registration, contract date)")),
        apply_at=APPLY_EMPLOYER_COUNTY),
    Benefit(
        "public_welfare_post", 6, "resident", N_("Public-welfare post"),
        N_("For registered poor workers aged 40 or more (the age may be relaxed for a disabled person) who "
           "want such work and are able to do it: a post such as forest keeping, village cleaning or elder "
           "care, with a monthly living subsidy and pension and medical insurance paid. Posts are limited and "
           "assigned by the county."),
        "person", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Household registration booklet"), N_("Disability certificate, if any")),
        notes=(POSTS_ASSIGNED,)),
    Benefit(
        "startup_subsidy", 7, "resident", N_("Start-up subsidy"),
        N_("10,000 yuan once for a registered poor worker whose small or micro enterprise or self-employment has "
           "run normally for a year or more and employs others (the site reads this as at least one person besides "
           "them)."),
        "person", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Business licence"), N_("Proof of a year of normal operation (tax or accounts)"),
                   N_("Proof of the people employed (contracts or wage records)"))),
    Benefit(
        "training_subsidy", 8, "resident", N_("Vocational training subsidy"),
        N_("For registered poor workers who choose a training institution themselves: once they finish the "
           "course and obtain its certificate, the subsidy is paid to them at the region's standard."),
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
        N_("An employer in Ningxia that gives the poor workers it hires induction, job-change or on-the-job "
           "skills training can apply for the region's training and assessment subsidy once they obtain a training "
           "or vocational qualification certificate."),
        "employer", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Training records"), N_("Training or qualification certificates of the workers")),
        apply_at=APPLY_EMPLOYER_COUNTY),
    Benefit(
        "skill_upgrade_subsidy", 10, "resident", N_("Skill-upgrade subsidy"),
        N_("For registered poor workers with 3 years of unemployment insurance (from 2019 the site takes 1 year, by "
           "a later rule): 1,000, "
           "1,500 or 2,000 yuan for a junior, intermediate or senior certificate, applied for in the year it is "
           "obtained."),
        "person", N_("The county human resources and social security bureau"), FUND_UNEMPLOYMENT,
        documents=(N_("The certificate, obtained in the year you apply"), N_("Unemployment insurance record"),
                   N_("Bank card in your name"))),
    Benefit(
        "two_after_training_grant", 11, "institution", N_("Training grant for “two-after” students"),
        N_("6,000 yuan for each “two-after” student (a school leaver after junior or senior high school who did "
           "not go on) from a registered poor family who completes a semester at a technical school and passes, "
           "paid to the school as the site reads it; tuition, lodging and materials are free."),
        "institution", N_("The county human resources and social security bureau"), FUND_EMPLOYMENT,
        documents=(N_("Enrolment record"), N_("Training pass record")), apply_at=APPLY_SCHOOL, notes=(FEES_WAIVED,)),
    Benefit(
        "two_after_study_aid", 11, "institution", N_("Study aid for “two-after” students"),
        N_("3,000 yuan of poverty-alleviation study aid for each “two-after” student from a registered poor "
           "family who completes a semester at a technical school and passes."),
        "students", N_("The county poverty-alleviation office"), FUND_POVERTY,
        documents=(N_("Enrolment record"), N_("Proof of registered poor household")), apply_at=APPLY_SCHOOL,
        notes=(FEES_WAIVED,)),
    Benefit(
        "special_ability_assessment", 12, "resident", N_("Free special vocational ability assessment"),
        N_("Free assessment, for registered poor workers and the 12th Five-Year Plan's ecological migrants, "
           "in one of 18 projects such as excavator operation, Ningxia snacks, embroidery, weaving and "
           "paper-cutting."),
        "person", N_("The county human resources and social security bureau"), None, kind="in_kind",
        documents=(N_("ID card"), N_("Proof of registered poor household or ecological migrant status"))),
    Benefit(
        "unemployment_registration", 13, "resident", N_("Unemployment registration in town"),
        N_("A registered poor worker who has lived in a town for 6 months or more without work can register "
           "as unemployed there (失业登记), at the street office or community, and use the employment and start-up "
           "policies."),
        "person", N_("The street office or community"), None, kind="service",
        documents=(N_("ID card"), N_("Proof of residence in town")), apply_at=APPLY_STREET),
)

BY_ID: dict[str, Benefit] = {benefit.id: benefit for benefit in BENEFITS}
ROLES = ("resident", "employer", "institution", "broker")
