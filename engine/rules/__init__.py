"""Every rule, in article order: one module per article (一)…(十三)."""

from __future__ import annotations

from engine.rules import (
    art01_transport,
    art02_workshop,
    art03_incubator,
    art04_broker,
    art05_sme_insurance,
    art06_public_welfare_post,
    art07_startup,
    art08_training,
    art09_out_of_region,
    art10_skill_upgrade,
    art11_two_after,
    art12_special_ability,
    art13_unemployment_registration,
)
from engine.rules.base import Rule

MODULES = (
    art01_transport, art02_workshop, art03_incubator, art04_broker, art05_sme_insurance,
    art06_public_welfare_post, art07_startup, art08_training, art09_out_of_region,
    art10_skill_upgrade, art11_two_after, art12_special_ability, art13_unemployment_registration,
)
ALL_RULES: tuple[Rule, ...] = tuple(rule for module in MODULES for rule in module.RULES)


def variants_by_benefit() -> dict[str, tuple[Rule, ...]]:
    """Benefit id → its rule variants, in article order (the first that applies is used)."""
    found: dict[str, list[Rule]] = {}
    for rule in ALL_RULES:
        found.setdefault(rule.benefit, []).append(rule)
    return {benefit: tuple(rules) for benefit, rules in found.items()}


VARIANTS = variants_by_benefit()
BENEFIT_IDS: tuple[str, ...] = tuple(VARIANTS)
PERSON_RULES: dict[str, Rule] = {rule.benefit: rule for rule in ALL_RULES if rule.person_level}
