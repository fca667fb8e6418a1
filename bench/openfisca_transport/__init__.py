"""A minimal OpenFisca country package for one rule of 宁政办规发〔2018〕9号: article (一), the transport subsidy.

It exists only to compare our command line with OpenFisca on the same rule (``bench/cli_bench.py``); it runs in
a virtual environment of its own that has ``openfisca-core`` (the project's environment does not). The rule is
the one of ``engine/rules/art01_transport.py`` and the amounts those of ``engine/parameters/art01_transport.yaml``.
"""

from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_transport import variables
from openfisca_transport.entities import ENTITIES

PARAMETERS = Path(__file__).resolve().parent / "parameters"


class TransportTaxBenefitSystem(TaxBenefitSystem):
    """Persons only (no group entity), the five input variables, ``transport_subsidy`` and its parameters."""

    def __init__(self) -> None:
        super().__init__(ENTITIES)
        self.add_variables(*variables.VARIABLES)
        self.load_parameters(str(PARAMETERS))
