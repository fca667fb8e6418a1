"""Readings of ambiguous text: the one place where the engine records how it reads the policy.

Each result that depends on a reading carries its id, so a page can say "read as …"; a result that a reading
decides also carries its face sentence (``face``; ``Rule.decides`` says when). When an official ruling is found,
change the reading here and the parameter it affects, nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n import N_


@dataclass(frozen=True)
class Interpretation:
    id: str
    article: int
    text_zh: str  # the words of the policy that are ambiguous
    reading: str  # English msgid: how the engine reads them
    basis: str  # English msgid: why
    # English msgid: the reading in one short sentence, said on the face of a card whose result it decides (the
    # reading and its basis stay under "The policy says"); Chinese at most 40 characters.
    face: str = ""


INTERPRETATIONS: dict[str, Interpretation] = {
    item.id: item
    for item in (
        Interpretation(
            "yishang_inclusive", 0, "以上",
            N_("“以上” (“or more”) includes the number itself: 12 months, age 40, 3 years and 6 months "
               "all count."),
            N_("General Provisions of the Civil Law of the PRC (民法总则, in force from 1 October 2017 to 31 December "
               "2020), article 205: 以上、以下、以内、届满 include the number itself."),
            face=N_("“以上” (“or more”) includes the number itself: reaching it exactly counts."),
        ),
        Interpretation(
            "transport_contract_any_length", 1, "对外出务工稳定在1年以上并签订劳动合同、缴纳各项社会保险的建档立卡贫困劳动力",
            N_("A signed labour contract of any length counts for the transport subsidy: the “1年以上” (1 year or "
               "more) is the time in stable work away from home, not the length of the contract."),
            N_("The article asks for a signed contract and sets no length for it, unlike Article 5 (五) and "
               "Article 9 (九), which ask for a contract of 1 year or more (1年以上劳动合同)."),
            face=N_("A labour contract of any length counts here, one shorter than a year too."),
        ),
        Interpretation(
            "workshop_band_overlap_100", 2, "吸纳31人至100人的一次性补贴6万元；吸纳100人以上的一次性补贴10万元",
            N_("At exactly 100 qualifying hires the text gives two amounts: 60,000 yuan by “31人至100人” (31 to "
               "100), and 100,000 yuan by “100人以上” (100 or more, since 以上 includes the number). This site "
               "uses 60,000 yuan for 100 and 100,000 yuan from 101."),
            N_("No official ruling was found. The band “31人至100人” names 100 itself, and the lower amount never "
               "promises more than may be paid. The county employment service centre decides for a workshop "
               "with exactly 100 qualifying hires: ask there."),
            face=N_("At exactly 100 hires the text allows 60,000 or 100,000 yuan: the site uses 60,000; the county "
                    "decides."),
        ),
        Interpretation(
            "workshop_carrier_location", 2, "在贫困村、移民村和扶贫产业园创建就业扶贫车间、社区工厂、产业扶贫基地、农产品加工基地",
            N_("The grant is for poverty-alleviation workshops and bases (扶贫载体: workshops, community "
               "factories, industry bases and farm-produce processing bases) set up in a poor village, a migrant "
               "village or a poverty-alleviation industrial park."),
            N_("The article creates the workshops and bases in those places and pays the grant to them."),
            face=N_("The grant is only for workshops and bases in a poor village, a migrant village or an "
                    "industrial park."),
        ),
        Interpretation(
            "incubator_minimum_award", 3, "由所在地级市一次性给予不低于50万元奖补资金",
            N_("For a park at the city-level standard the award is at least 500,000 yuan: the amount shown is "
               "that minimum, and the city may pay more."),
            N_("“不低于50万元” (not less than 500,000 yuan) sets a floor and no ceiling, and the city pays it. The "
               "region's award for the region- or national-level standard is a fixed 1,000,000 yuan."),
            face=N_("For a city-level park, 500,000 yuan is the least the city pays; it may pay more."),
        ),
        Interpretation(
            "public_welfare_monthly", 6, "以所在地级市上年度农村常住居民人均可支配收入为基数按月发放",
            N_("The amount shown is the living subsidy for a year: the city's previous-year rural per-capita "
               "disposable income. It is paid monthly, as that figure ÷ 12, shown beside it as the monthly "
               "amount."),
            N_("No document was found that says how the monthly amount is derived; a base paid monthly is "
               "read as one twelfth a month."),
            face=N_("The amount is for a year; paid monthly, a month is one twelfth of it."),
        ),
        Interpretation(
            "public_welfare_disabled_age", 6, "对于有一定劳动能力的残疾建档立卡贫困劳动力年龄可适当放宽",
            N_("A disabled registered poor worker who is able to work may be placed before age 40, from age 16 "
               "(the legal working age); the county decides how far the age is relaxed."),
            N_("The article says the age “may be appropriately relaxed” and names no lower limit of its own."),
            face=N_("You are disabled, so the age of 40 is relaxed for you (not below 16); the county decides."),
        ),
        Interpretation(
            "public_welfare_min_working_age", 6, "对于有一定劳动能力的残疾建档立卡贫困劳动力年龄可适当放宽",
            N_("The relaxed age for a disabled worker stops at the legal working age: a post is for someone aged "
               "16 or more. Under 16, no post; age not known, it is asked."),
            N_("Labour Law of the PRC, article 15: no employer may recruit a minor under 16 (禁止用人单位招用未满十六周岁"
               "的未成年人). The article relaxes its own age of 40, not the law."),
            face=N_("The age relaxed for a disabled person stops at 16, the legal working age."),
        ),
        Interpretation(
            "public_welfare_no_upper_age", 6, "托底安排年满40周岁以上有就业愿望和就业能力的建档立卡贫困劳动力",
            N_("The posts have no upper age on this site: a person of 60, 70 or more who wants work and is able to "
               "do some is shown as eligible. The county employment service centre decides whether a post suits "
               "them."),
            N_("The article sets only the lower age “年满40周岁以上” (aged 40 or more) and asks for the wish and the "
               "ability to work (有就业愿望和就业能力); it names no upper age."),
            face=N_("The site sets no upper age for a post; the county decides whether a post suits you."),
        ),
        Interpretation(
            "startup_employs_others", 7, "带动就业",
            N_("“Creating jobs” (带动就业) is read as: the business employs at least one person besides "
               "the founder."),
            N_("The article sets no number; one other person is the smallest reading."),
            face=N_("“Creating jobs” (带动就业) is read as employing at least one person besides you."),
        ),
        Interpretation(
            "training_certificate_either_kind", 8, "培训结束并取得相应资格证书后",
            N_("The certificate a course leads to counts, of either kind: a training-completion certificate "
               "(培训合格证书) or a vocational qualification certificate (职业资格证书, including skill-level and "
               "special-ability certificates)."),
            N_("Article 8 (八) says “the corresponding certificate” (相应资格证书) without naming its kind; Article 10 "
               "(十) of the same policy pays training after either kind (培训合格证书或职业资格证书). Reading only one "
               "kind would turn away a trainee who holds the other."),
            face=N_("Either certificate counts: a training-completion or a vocational qualification certificate."),
        ),
        Interpretation(
            "training_registered_poor_from_heading", 8, "培训对象自主选择培训机构的",
            N_("The trainee must be a registered poor worker (建档立卡贫困劳动力). The clause itself says only "
               "“the trainee” (培训对象); the heading of its part of the policy names registered poor workers."),
            N_("Article 8 (八) stands under the heading “二、技能培训助推建档立卡贫困劳动力就业” (skills training to help "
               "registered poor workers into work), like the whole policy. Other people may apply for a training "
               "subsidy under the region's general training policy: ask the county employment service centre."),
            face=N_("This policy's training subsidy is for registered poor workers only."),
        ),
        Interpretation(
            "out_of_region_worker_facts", 9, "区外用人单位与我区建档立卡贫困劳动力签订1年以上劳动合同、缴纳社会保险并在区外就业",
            N_("A worker counts for an employer outside Ningxia when the worker is registered poor in Ningxia, has "
               "a labour contract of 1 year or more and social insurance paid, and works outside Ningxia: "
               "“并在区外就业” (and works outside the region) is a condition on each counted worker. The employer "
               "gives the number of such workers (the site has no roster for this article)."),
            N_("The clause names the contract, the insurance and the work outside the region together, as what "
               "the employer and the worker must have; the subsidies are for the workers so employed."),
            face=N_("Counted are Ningxia's registered poor workers with a contract of a year or more and social "
                    "insurance, working outside Ningxia."),
        ),
        Interpretation(
            "employer_training_certified_hires", 10,
            "培训后取得培训合格证书或职业资格证书（职业技能等级证书、专项职业能力证书），按照自治区职业培训政策给予培训鉴定补贴",
            N_("Counted are the hires the employer trained who then obtained a training-completion certificate or "
               "a vocational qualification certificate (including skill-level and special-ability certificates); "
               "the subsidy for each is the region's training-subsidy standard."),
            N_("The clause pays after training once a certificate is obtained (培训后取得…证书), at the region's "
               "vocational training policy (按照自治区职业培训政策), the same standard as Article 8 (八)."),
            face=N_("Counted are the hires you trained who then obtained a certificate."),
        ),
        Interpretation(
            "two_after_school_count", 11,
            "凡有培训意愿的建档立卡贫困家庭“两后生”到技工院校参加1个学期的职业技能培训且培训合格的",
            N_("When a technical school gives its number of “two-after” students who passed after a semester, "
               "that number is assessed (the amounts for each student) and one student's own answers are not: "
               "the school counts each student who meets every condition."),
            N_("The amounts are per person (每人) and the training grant goes to the school; the school's count "
               "already holds each student's facts, and assessing both would count a student twice."),
            face=N_("The school's count is assessed, not one student's own answers."),
        ),
        Interpretation(
            "two_after_one_semester_minimum", 11, "到技工院校参加1个学期的职业技能培训",
            N_("“1个学期” (one semester) is read as at least one: a student with two or more semesters of "
               "training at a technical school qualifies too, and is paid once."),
            N_("The article names the least training a student must have done, not the most; the amounts are per person "
               "(每人), not per semester."),
            face=N_("“1个学期” (one semester) is read as at least one: more semesters count too, paid once."),
        ),
        Interpretation(
            "unemployment_six_months", 13, "在城镇常住并处于无业状态6个月以上",
            N_("Living in town and being without work must both have lasted 6 months or more."),
            N_("The 6 months qualify the whole state of living in town without work."),
            face=N_("Living in town and being without work must both have lasted 6 months."),
        ),
        Interpretation(
            "two_after_payee", 11, "按照每人6000元标准从就业补助资金中给予培训补助",
            N_("The 6,000-yuan training grant is paid to the technical school that trained the student; "
               "the 3,000-yuan study aid goes to the student."),
            N_("The article does not name the payee of the training grant; under Article 8 (八), training that the "
               "government buys is paid to the institution."),
            face=N_("The 6,000-yuan training grant is paid to the technical school, not to the student."),
        ),
        Interpretation(
            "one_course_one_subsidy", 8, "将职业技能培训补贴直补个人",
            N_("One course, one subsidy: a “two-after” student's semester at a technical school is paid under "
               "Article 11 (十一) and is not also an Article 8 (八) training subsidy. Unless you told us you are a "
               "“two-after” student with a technical-school semester, your certificate is taken to be from "
               "another course."),
            N_("Article 8 (八) pays for a course the trainee chose; Article 11 (十一) pays for the technical school's "
               "semester. Both are paid from the employment subsidy fund, and neither says one course is paid "
               "twice."),
            face=N_("Your technical-school semester is paid under Article 11 (十一), not a second time here."),
        ),
        Interpretation(
            "post_or_work_away", 6, "托底安排年满40周岁以上有就业愿望和就业能力的建档立卡贫困劳动力",
            N_("A public-welfare post and the transport subsidy are not added into one total: the post is a job "
               "near home for people without other work (托底安排), the transport subsidy is for a year of work in "
               "another county or province. Both are shown if you can apply for both; the total counts the larger "
               "one, and the county decides."),
            N_("“托底安排” (a safety-net placement) is for people who want work and have none; one person does not "
               "hold a village post and a job away from home in the same year. No document was found that rules "
               "on a person who could apply for both."),
            face=N_("A post and the transport subsidy are not added into one total: the larger one is counted."),
        ),
        Interpretation(
            "one_certificate_one_subsidy", 10, "当年取得国家职业资格证书或职业技能等级证书的建档立卡贫困劳动力可按规定申请职工技能提升补贴",
            N_("The training subsidy and the skill-upgrade subsidy are not added into one total: both pay for a "
               "certificate, and the site cannot tell whether yours are one certificate or two. The total counts "
               "the larger known amount; if you obtained two different certificates, ask the county about both."),
            N_("Article 8 (八) pays after a course once its certificate is obtained; Article 10 (十) pays for a "
               "certificate obtained this year (按规定, under the rules). One certificate paid twice is read as "
               "not intended; no document was found that says so in words."),
            face=N_("The training and skill-upgrade subsidies are not added into one total: the larger is counted."),
        ),
        Interpretation(
            "skill_upgrade_12_months", 10, "依法参加失业保险3年以上",
            N_("From 1 January 2019 the skill-upgrade subsidy needs 12 months (1 year) of unemployment-insurance "
               "contributions instead of 3 years; the site applies this to registered poor workers too."),
            N_("中卫市人力资源和社会保障局, “提技能稳就业 小政策大作为” (25 December 2020): from 1 January 2019 the "
               "condition was relaxed from 36 to 12 months of contributions. No source says in words that it "
               "overrides the 3 years of Article 10 (十) for registered poor workers: ask the county if you have "
               "between 1 and 3 years."),
            face=N_("From 2019, 1 year of unemployment insurance is enough instead of 3."),
        ),
        Interpretation(
            "two_after_semester_months", 11, "到技工院校参加1个学期的职业技能培训",
            N_("A semester is taken to last at most 6 months (a school year holds two), so a step that needs one "
               "more semester is offered only when 6 months remain before the policy ends."),
            N_("The policy sets no length for a semester; the bound is used only to date a step, never an "
               "amount."),
            face=N_("A semester is taken to last at most 6 months, to date the next step."),
        ),
        Interpretation(
            "sme_qualifying_hires", 5, "依法签订1年以上劳动合同并交纳社会保险费",
            N_("Counted hires are registered poor workers with a contract of one year or more and social "
               "insurance paid; the subsidy is 12 months of the employer part of pension, medical and "
               "unemployment insurance for each."),
            N_("The employment subsidy fund's social-insurance subsidy covers the employer part of those "
               "three insurances (财社〔2017〕164号)."),
            face=N_("The subsidy is a year of the employer part of pension, medical and unemployment insurance."),
        ),
        Interpretation(
            "workshop_worker_counts", 2, "吸纳建档立卡贫困劳动力稳定就业在1年以上并签订劳动合同、缴纳各项社会保险",
            N_("A worker counts toward the grant when registered poor, employed by the workshop for 12 months "
               "or more without a break, with a signed labour contract of any length and social insurance "
               "paid."),
            N_("“Stable employment” is read as unbroken work for the same workshop; the article asks for a "
               "labour contract but, unlike Article 5 (五), sets no length for it."),
            face=N_("A worker counts after 12 months in a row with a contract of any length and social insurance."),
        ),
        Interpretation(
            "public_welfare_with_a_job", 6, "托底安排年满40周岁以上有就业愿望和就业能力的建档立卡贫困劳动力",
            N_("No test of other work is applied to a post: a person who has a job now is shown as able to apply "
               "too. The posts are a safety net (托底安排) for people without other work, so the county employment "
               "service centre decides whether to give one to someone in work."),
            N_("The article's conditions are the age, the wish and the ability to work (有就业愿望和就业能力); "
               "“托底安排” (a safety-net placement) says what the posts are for and sets no test of having no job. "
               "No document was found that rules on a person in work."),
            face=N_("You have a job: the site still shows the post, but posts are a safety net for people without "
                    "other work, and the county decides."),
        ),
        Interpretation(
            "out_of_region_insurance_in_addition", 9,
            "吸纳我区建档立卡贫困户家庭中劳动力就业的，再按我区灵活就业人员社保补贴办法和标准从就业补助资金中给予社保补贴",
            N_("“再” is read as “in addition”: an employer outside Ningxia that employs the workers can apply for the "
               "social-insurance subsidy whether or not it trains them; the training is a condition of the training "
               "and assessment subsidies only."),
            N_("The words after the semicolon set their own condition (吸纳…就业的, employing the workers), their own "
               "standard and their own fund (就业补助资金), apart from the training and assessment subsidies paid "
               "from 就业专项资金. No document was found that ties the social-insurance subsidy to the training."),
            face=N_("The insurance subsidy does not need the training: “再” is read as “in addition”."),
        ),
        Interpretation(
            "out_of_region_insurance_same_hires", 9, "吸纳我区建档立卡贫困户家庭中劳动力就业的",
            N_("The workers of registered poor households (建档立卡贫困户家庭中劳动力) whose employment earns the "
               "social-insurance subsidy are read as the same workers as the training subsidy's: Ningxia's "
               "registered poor workers with a contract of 1 year or more and social insurance, working outside "
               "Ningxia. One count serves both subsidies."),
            N_("A registered poor worker (建档立卡贫困劳动力) is a working-age member of a registered poor household, "
               "and the clause speaks of the same employer outside Ningxia throughout."),
            face=N_("The insurance subsidy counts the same workers as the training subsidy."),
        ),
        Interpretation(
            "broker_placement_counts", 4, "组织建档立卡贫困劳动力到企业初次就业1年以上并签订劳动合同、缴纳社会保险的",
            N_("A placement counts when the placed worker is registered poor, the job is the worker's first (初次就业) "
               "and with an enterprise (企业), and the worker has worked there 12 months or more with a labour "
               "contract and social insurance paid. The number of placements a broker gives is read as the number "
               "of such placements; a list of placed workers is checked row by row."),
            N_("The clause says each of these of the placed worker and pays per person (200元/人); 以上 includes "
               "the number."),
            face=N_("Only first jobs with an enterprise, of 12 months or more with a contract and social insurance, "
                    "count."),
        ),
        Interpretation(
            "broker_4050_ages", 4, "劳务经纪人中的“4050”人员",
            N_("A “4050” person (“4050”人员) is a woman aged 40 or more or a man aged 50 or more, in full years "
               "(周岁) on the day assessed."),
            N_("The policy does not define “4050”; in employment-support policy the words name women of 40 and men "
               "of 50 or more (女40周岁以上、男50周岁以上) who find it hard to get work, and 以上 includes the number."),
            face=N_("A “4050” person is read as a woman aged 40 or more or a man aged 50 or more."),
        ),
        Interpretation(
            "broker_4050_is_a_broker", 4, "劳务经纪人中的“4050”人员",
            N_("The subsidy is for a labour broker (劳务经纪人) who is a “4050” person: the applicant is the broker, "
               "a person. A labour agency (劳务中介组织) is not a person and cannot apply for it; it can apply for "
               "the service subsidy per placement."),
            N_("The clause names “4050” people among labour brokers (劳务经纪人中的“4050”人员); an age belongs to a "
               "person, not to an organisation."),
            face=N_("Only a labour broker who is a person can apply; a labour agency cannot."),
        ),
        Interpretation(
            "broker_4050_flexible_subsidy", 4, "纳入城镇灵活就业人员社会保险补贴范围",
            N_("“纳入…补贴范围” (brought within the scheme) is read as: the broker can apply for the flexible-employment "
               "social-insurance subsidy towards the social insurance they pay, at that scheme's standard, which "
               "this policy does not give."),
            N_("The clause names the scheme, not an amount; the region sets its standard and the county human "
               "resources and social security bureau publishes it."),
            face=N_("The subsidy is at the flexible-employment insurance scheme's standard; this policy gives no "
                    "amount."),
        ),
        Interpretation(
            "action_after_day_assessed", 0, "本意见自2018年7月1日起执行，有效期至2020年12月31日",
            N_("What is still to be done (a labour contract signed, social insurance paid, a course finished and "
               "its certificate obtained, a hire, a placement or training made, insurance joined) is done after "
               "the day assessed and by 31 December 2020, when the policy ends: assessed on that day, no day is "
               "left for it. What must then last some months (a new hire's 12 months of work, a semester) counts "
               "from the day after the day assessed. No length is assumed for a course, a certificate or a "
               "contract."),
            N_("The policy is in force until 31 December 2020 (有效期至2020年12月31日). Your answers describe your "
               "situation on the day assessed, so what is not yet done is done on a later day. The policy sets no "
               "length for a course, a certificate or a contract, so none is assumed beyond that day; the county "
               "decides whether it was done in time."),
            face=N_("What is still to be done must be done by 31 December 2020."),
        ),
        Interpretation(
            "skill_certificate_calendar_year", 10, "当年取得国家职业资格证书或职业技能等级证书",
            N_("“当年” (that year) is the calendar year of the day assessed: a certificate obtained in 2019 is for "
               "the skill-upgrade subsidy of 2019. A step that needs one names the year and ends on 31 December "
               "of it."),
            N_("The article says “当年取得” (obtained that year) without naming the year; the subsidy is applied "
               "for in the year the certificate is obtained. No document was found that says how a certificate "
               "of one year is treated in the next: ask the county."),
            face=N_("The certificate must be obtained in the year you apply."),
        ),
        Interpretation(
            "transport_insurance_paid_now", 1, "对外出务工稳定在1年以上并签订劳动合同、缴纳各项社会保险的建档立卡贫困劳动力，凭社会保险缴费凭证",
            N_("Social insurance is asked as paid now, when you apply: the months already worked in the job count "
               "toward the year even if insurance was paid for only some of them. The county may ask for payment "
               "vouchers covering the whole year."),
            N_("The article asks for a year of stable work, a contract and social insurance paid, and pays on the "
               "social-insurance payment vouchers (凭社会保险缴费凭证), without saying how many months the vouchers must "
               "cover. No document was found that says: ask the county."),
            face=N_("Months worked without insurance are counted here; the county may ask for a year of vouchers."),
        ),
        Interpretation(
            "out_of_region_insurance_payee", 9, "吸纳我区建档立卡贫困户家庭中劳动力就业的，再按我区灵活就业人员社保补贴办法和标准从就业补助资金中给予社保补贴",
            N_("The social-insurance subsidy of Article 9 (九) is shown as paid to the employer outside Ningxia that "
               "hires the workers: the clause's subject is that employer."),
            N_("The clause names no payee, and Ningxia's flexible-employment subsidy is usually paid to the insured "
               "person. No document was found that says who is paid here: ask the worker's home county."),
            face=N_("The clause names no payee: the site shows the employer; the county decides."),
        ),
        Interpretation(
            "age_stated_when_the_day_decides", 6, "年满40周岁以上",
            N_("When the birthday falls in the month assessed, the year and month of birth cannot tell whether it "
               "has passed on that day: an age in full years that you state, and that fits the birth date, is "
               "taken. The county checks the day on the ID card."),
            N_("The site asks the year and the month of birth, not the day. A stated age can be counted in 虚岁, so "
               "one that the birth date rules out is never taken; within the two ages the birth date allows, "
               "only the day tells, and the ID card shows it."),
            face=N_("Your birthday is in the month assessed: the age you gave is used."),
        ),
        Interpretation(
            "birthday_on_the_months_last_day", 6, "年满40周岁以上",
            N_("By the last day of the month of birth everyone born in it has had their birthday that year: "
               "someone born on 29 February has it on 28 February in other years."),
            N_("民法总则 第二百零二条: a period counted in years or months ends on the corresponding day of the last "
               "month, or on that month's last day when it has none (in force 2017-10-01 to 2020-12-31)."),
            face=N_("Born on 29 February: the birthday counts on 28 February in other years."),
        ),
    )
}
