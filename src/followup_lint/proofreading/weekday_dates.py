"""A weekday that does not fall on the date beside it: "Monday, October 7, 2026" when October 7,
2026 is a Wednesday (the `weekday-date` rule).

A follow-up that proposes "Thursday, June 12" sends the reader to two different days when June
12 is a Friday, and a calendar is the only way to see it. Read: a weekday name (or its usual
abbreviation), an optional comma, and a date written month first ("October 7", "Oct. 7th") or
day first ("7 October", "7th of October"), with or without a year. With a four-digit year the
date is that day; without one it is the nearest such date to when the draft is sent (the
context's `sent_at`, else now), since a follow-up speaks of days a few weeks away, so "Monday,
January 5" written in December is read in the next year. A date that does not exist ("June
31") is `impossible-date`'s, not this rule's.

One precompiled pattern over the paragraph is the gate: a paragraph with no weekday name
beside a month name costs one scan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import Hit
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
# The weekday names and their abbreviations, written to start with one capital letter out of a
# class (the regex engine then skips ahead to those letters instead of trying every position).
_WD = (
    r"[MTWFS](?<![\w-][MTWFS])"
    r"(?:onday|uesday|ednesday|hursday|riday|aturday|unday|on|ues?|ed|hu(?:rs?)?|ri|at|un)"
)
_MON = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
_DAY = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:,?[ \t]+(?P<y>(?:19|20)\d\d)\b(?![,.]?\d))?"
# Capitalised names only (a lower-case "sun" or "sat" is a word); a weekday abbreviation may
# take a full stop ("Thu., Oct. 9").
_RE = rc.compile(
    rf"({_WD})\b\.?,?[ \t]+(?:(?:the[ \t]+)?(?P<d1>{_DAY})[ \t]+(?:of[ \t]+)?(?P<m1>{_MON})\b\.?"
    rf"|(?P<m2>{_MON})\b\.?[ \t]+(?P<d2>{_DAY})\b(?![.,:/]?\d)){_YEAR}"
)


def _reference(analysis: Analysis) -> dt.date:
    sent = analysis.context.sent_at
    if sent is not None:
        return sent.date()
    return dt.datetime.now(dt.timezone.utc).date()


def _date(month: int, day: int, year: str | None, ref: dt.date) -> dt.date | None:
    """The date meant, or None when it does not exist in the year(s) it could be."""
    if year is not None:
        try:
            return dt.date(int(year), month, day)
        except ValueError:
            return None
    best: dt.date | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - ref).days) < abs((best - ref).days):
            best = d
    return best


def find_weekday_date(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    ref: dt.date | None = None
    for m in _RE.finditer(text):
        day_text = m.group("d1") or m.group("d2")
        month_text = m.group("m1") or m.group("m2")
        day = int(day_text.rstrip("stndrh"))
        month = _MONTHS[month_text.lower()]
        if ref is None:
            ref = _reference(analysis)
        date = _date(month, day, m.group("y"), ref)
        if date is None:
            continue
        said = _WEEKDAYS[m.group(1).lower()]
        if date.weekday() == said:
            continue
        a, b = part.start + m.start(), part.start + m.end()
        if covered(protected_spans(analysis), a, b):
            continue
        yield Hit(
            a,
            b,
            {
                "found": text[m.start() : m.end()],
                "said": _NAMES[said],
                "real": _NAMES[date.weekday()],
                "date": f"{date:%B} {date.day}, {date.year}",
            },
        )
