"""The one entity: a person (the transport subsidy is per person)."""

from openfisca_core.entities import build_entity

Person = build_entity(
    key="person",
    plural="persons",
    label="A registered worker",
    is_person=True,
)

ENTITIES = [Person]
