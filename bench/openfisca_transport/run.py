"""Compute article (一)'s transport subsidy for every person of a roster CSV with OpenFisca.

Run inside a virtual environment that has openfisca-core and pandas, with ``bench/`` on the path::

    PYTHONPATH=bench VENV/bin/python -m openfisca_transport.run ROSTER.csv --date 2020-06-30 --out OUT.csv

The roster has the engine's columns (``person.job.place`` ...) and words (``other_province``, ``true``). It is read
with pandas, as OpenFisca users load survey data; a blank cell takes the variable's ``default_value`` (OpenFisca
has no unknown value). The output has ``id`` (the row's position, from 0) and ``amount`` (yuan, 0 when none).
One JSON line on standard output gives the time of each phase.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import pandas as pd
from openfisca_core.indexed_enums import Enum
from openfisca_core.simulations import SimulationBuilder

from openfisca_transport import TransportTaxBenefitSystem

COLUMNS = {  # roster column → OpenFisca variable
    "person.registered_poor": "registered_poor",
    "person.job.place": "job_place",
    "person.job.months": "job_months",
    "person.job.contract": "job_contract",
    "person.job.social_insurance": "job_social_insurance",
}
WORDS = {"person.job.contract": {"1_year_or_more": "one_year_or_more"}}  # words that are not Python names


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roster")
    parser.add_argument("--date", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    phases = {}
    start = time.perf_counter()

    frame = pd.read_csv(args.roster, usecols=list(COLUMNS),
                        dtype={"person.job.place": "string", "person.job.contract": "string"})
    phases["read"] = time.perf_counter() - start

    system = TransportTaxBenefitSystem()
    simulation = SimulationBuilder().build_default_simulation(system, count=len(frame))
    for column, name in COLUMNS.items():
        variable = system.variables[name]
        values = frame[column]
        if column in WORDS:
            values = values.replace(WORDS[column])
        if variable.value_type is Enum:
            values = values.fillna(variable.default_value.name).to_numpy(dtype=str)
        elif variable.value_type is bool:
            values = values.map({True: True, False: False, "true": True, "false": False})
            values = values.fillna(variable.default_value).to_numpy(dtype=bool)
        else:
            values = values.fillna(variable.default_value).to_numpy(dtype=variable.dtype)
        simulation.set_input(name, args.date, values)
    phases["build"] = time.perf_counter() - start - phases["read"]

    amount = simulation.calculate("transport_subsidy", args.date)
    phases["calculate"] = time.perf_counter() - start - phases["read"] - phases["build"]

    pd.DataFrame({"id": range(len(frame)), "amount": amount}).to_csv(args.out, index=False)
    phases["write"] = time.perf_counter() - start - sum(phases.values())
    print(json.dumps({"rows": len(frame), **{k: round(v, 4) for k, v in phases.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
