"""Articles whose content is guidance, not a computable benefit: what it means, what to do, whom to ask.

Pages show these beside results (e.g. article 八 beside the training subsidy). Covers articles
(四) recognition, (八) training routes, (十二) the assessment projects, (十三) public employment
services, and (十四)–(十七) in full. Every article (一)…(十七) is thus represented: 一–十三 as rules
(:mod:`engine.rules`), the rest here.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.rules.art12_special_ability import NAMED_PROJECTS, PROJECT_COUNT
from i18n import N_

CONTACT = N_(
    "The county human resources and social security bureau (人力资源和社会保障局) or its employment service "
    "centre (就业服务中心); hotline 12333."
)


@dataclass(frozen=True)
class Guidance:
    id: str
    article: int
    title: str
    meaning: str
    to_do: tuple[str, ...]
    contact: str = CONTACT
    audience: tuple[str, ...] = ("resident",)


GUIDANCE: tuple[Guidance, ...] = (
    Guidance(
        "broker_recognition", 4, N_("Recognition of brokers and labour organisations"),
        N_("Cities and counties commend labour agencies, brokers and out-of-region labour offices that "
           "bring many people into work; every two years the region names model counties for transfer "
           "employment."),
        (N_("Keep records of the people you place: contracts and social-insurance vouchers."),),
        audience=("broker",),
    ),
    Guidance(
        "training_routes", 8, N_("Two ways to get vocational training"),
        N_("Either you choose a training institution yourself and, after you finish and obtain the "
           "certificate, the training subsidy is paid to you; or the government buys a whole training "
           "programme from an institution or enterprise, you join it, and the institution is paid after "
           "the training is completed."),
        (N_("Ask the county employment service centre which courses and institutions are recognised."),
         N_("Keep your certificate: the subsidy is paid to you only after you obtain it."),
         N_("Registered poor workers who want to start a business can join free start-up training and guidance; each year "
            "some places on rural e-commerce courses are set aside for them.")),
        audience=("resident",),  # it speaks to the trainee: the institutions' page has the routes of its own
    ),
    Guidance(
        "special_ability_projects", 12, N_("Free special vocational ability assessment"),
        N_("Ningxia has 18 assessment projects for trades people value but the national catalogue lacks; "
           "the text names six: {projects}. Assessment is free for registered poor workers and 12th "
           "Five-Year Plan ecological migrants (including labour migrants)."),
        (N_("Ask the county employment service centre for the full list of 18 projects and the next "
            "assessment date."),),
        audience=("resident", "institution"),
    ),
    Guidance(
        "public_employment_services", 13, N_("Public employment services"),
        N_("Job fairs such as the Spring Breeze campaign and the private-enterprise recruitment week, job "
           "placement, career guidance, training and start-up support are offered to registered poor "
           "workers. After 6 months living in town without work you can register as unemployed where you "
           "live and use every employment and start-up policy."),
        (N_("Register as unemployed at the street office or community where you live in town."),),
    ),
    Guidance(
        "employment_information", 14, N_("Keeping your employment information up to date"),
        N_("Public employment service offices keep a register (台账) of registered poor workers, whether they work "
           "and where; poverty-alleviation offices send them updated records at the start of each year."),
        (N_("Tell your village or township when you start or lose a job, so the register is right."),),
    ),
    Guidance(
        "your_rights", 15, N_("Your rights at work"),
        N_("Employers must sign a labour contract with you and keep to it, pay your social insurance, pay "
           "your wages on time and in full, and protect your health at work."),
        (N_("Ask for a written labour contract and keep a copy."),
         N_("Check that social insurance is paid for you (the 12333 hotline or the social-insurance app)."),
         N_("If wages are late or unpaid, complain to the county labour inspection office or call 12333.")),
    ),
    Guidance(
        "integrity", 16, N_("Honest administration of the policy"),
        N_("Officials must make the policy easy to use so that every eligible worker and employer gets "
           "it; fraud, misuse of funds and formalism are punished."),
        (N_("If you are refused a subsidy you meet the conditions for, or asked for money to get it, "
            "report it to the county government or call 12333."),),
        audience=("resident", "employer", "institution", "broker"),
    ),
    Guidance(
        "publicity", 17, N_("Publicity"),
        N_("The policy and examples of people who found work or started a business are publicised in "
           "newspapers, radio, television and online."),
        (N_("Share this site with people who may be eligible."),),
        audience=("resident", "employer", "institution", "broker"),
    ),
)

BY_ARTICLE: dict[int, tuple[Guidance, ...]] = {}
for _entry in GUIDANCE:
    BY_ARTICLE.setdefault(_entry.article, ())
    BY_ARTICLE[_entry.article] += (_entry,)

PROJECT_PARAMS = {"projects": "、".join(NAMED_PROJECTS), "count": PROJECT_COUNT}
