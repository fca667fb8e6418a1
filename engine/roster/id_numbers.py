"""Resident ID numbers (GB 11643-1999): checked a column at a time, shown masked.

An 18-character number is 17 digits (the 7th to 14th the date of birth) and a check character, 0-9 or X,
for (Σ digit × weight) mod 11. The policy counts identified people: a wrong number is reported with what is
wrong (length, an old 15-digit number, a number Excel turned into 6.40422E+17, the date of birth, the check
digit), and only a valid number is compared with the others for repeats.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from i18n import N_

ID_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
ID_CHECK_CHARACTERS = "10X98765432"  # GB 11643-1999: the check character for (Σ digit × weight) mod 11


def check_id_numbers(raw: pd.Series, column: Any = None) -> tuple[pd.Series, pd.Series, pd.Series]:
    """A column of ID numbers as text: (the valid numbers, else NA; each bad cell's problem msgid; its params),
    as every cell check of :mod:`engine.roster.cells` gives them."""
    text = raw.str.normalize("NFKC").str.replace(r"\s", "", regex=True).str.upper()
    problem = pd.Series(None, index=raw.index, dtype=object)
    params = pd.Series(None, index=raw.index, dtype=object)
    empty = text.eq("")
    shaped = text.str.fullmatch(r"\d{17}[\dX]")
    as_number = text.str.fullmatch(r"\d(\.\d+)?E\+?\d+")
    problem[~empty & ~shaped] = N_("“{value}” is not an 18-character ID number.")
    problem[~empty & text.str.fullmatch(r"\d{15}")] = N_(
        "“{value}” is an old 15-digit ID number: give the 18-character number.")
    problem[as_number] = N_("“{value}”: Excel turned the ID number into a number and lost digits. Format "
                            "the column as text and type the numbers again.")
    if shaped.any():
        candidates = text[shaped]
        # Shaped: 18 ASCII characters each, so the column is one byte matrix (a row per ID number).
        characters = candidates.to_numpy(dtype=object).astype("S18").view(np.uint8).reshape(-1, 18)
        digits = characters[:, :17].astype(np.int64) - ord("0")
        expected = np.frombuffer(ID_CHECK_CHARACTERS.encode("ascii"), dtype=np.uint8)[(digits @ ID_WEIGHTS) % 11]
        wrong = pd.Series(expected != characters[:, 17], index=candidates.index)
        born = pd.Series(_is_calendar_date(digits[:, 6:14]), index=candidates.index)
        problem[born[~born].index] = N_("“{value}” is not a valid ID number: its date of birth is not a date.")
        wrong_index = wrong[wrong & born].index
        problem[wrong_index] = N_("“{value}”: the check digit (the last character) is wrong; check the ID "
                                  "number.")
    value = text.where(shaped & problem.isna())
    return value.mask(empty).astype("string"), problem, params


def _is_calendar_date(digits: np.ndarray) -> np.ndarray:
    """Whether each row of eight digits (YYYYMMDD) is a date of the Gregorian calendar, year 1 or later."""
    year = digits[:, :4] @ np.array([1000, 100, 10, 1])
    month = digits[:, 4:6] @ np.array([10, 1])
    day = digits[:, 6:8] @ np.array([10, 1])
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days_in_month = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[np.clip(month, 0, 12)]
    days_in_month = days_in_month + ((month == 2) & leap)
    return (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= days_in_month)


def id_check_character(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits of an ID number."""
    total = sum(int(d) * int(w) for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARACTERS[total % 11]


def mask_id(number: str | None) -> str:
    """An ID number with the middle hidden (6401**********123X), to show or export."""
    if number is None or pd.isna(number) or len(str(number)) < 8:
        return ""
    text = str(number)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]
