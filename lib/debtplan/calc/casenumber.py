"""Is a case number written the way courts write them, and does its type fit the paper it is on?

A frightened borrower cannot tell a court paper from a scam text. A case number's form is fixed by the Supreme
People's Court (《最高人民法院关于人民法院案件案号的若干规定》, 法〔2015〕137号, in force 2016-01-01, Art. 2-5; amended
by 法〔2018〕335号, which adds a one-character specialised-court code): "（" + the year the case was accepted + "）"
+ the court's code (最高法; a high court's province abbreviation; an intermediate court that abbreviation and two
digits; a basic court and four digits) + the case type (人民法院案件类型及其代字标准: 民督 a payment order, 民初 a
first-instance civil case, 民终 an appeal, 执 enforcement, 财保 a pre-suit preservation...) + the number + "号".

A right form proves nothing and a wrong one is not proof of a scam (a clerk may mistype): the result never says
"real" or "fake". It says whether the form is right, what it names, and how to check with the court itself
(:data:`OFFICIAL_CHECKS`, in the text layer's sentences), through a number found independently, never one
printed on the paper or in the message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CaseNumber", "check_case_number", "TYPE_FITS", "COURT_CODES"]

#: The high courts' codes (Art. 4): province abbreviations, 内 for Inner Mongolia, 军 the military court, 兵 the
#: Production and Construction Corps branch court.
COURT_CODES = "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵"
#: The case types a borrower meets, and the court papers (``court_kind`` in data/words.yaml) each fits.
TYPE_FITS = {
    "民督": {"payment_order"},
    "民初": {"complaint", "judgment", "ruling", "mediation"},
    "民终": {"judgment", "ruling", "mediation"},
    "民特": {"ruling"},
    "民申": {"ruling"},
    "民再": {"judgment", "ruling", "mediation"},
    "民辖": {"ruling"},
    "财保": {"ruling"},
    "执": {"enforcement", "ruling"},
    "执恢": {"enforcement", "ruling"},
    "执保": {"enforcement", "ruling"},
    "执异": {"ruling"},
    "执复": {"ruling"},
    "执监": {"ruling"},
}
_TYPES = "|".join(sorted(TYPE_FITS, key=len, reverse=True))
_FORM = re.compile(rf"^[（(](?P<year>\d{{4}})[)）](?P<court>最高法|[{COURT_CODES}](?P<digits>\d{{2}}|\d{{4}})?)"
                   rf"(?P<special>[知金海铁环]?)(?P<type>{_TYPES}|[\u4e00-\u9fff]{{1,3}}?)(?P<number>\d{{1,8}})号$")


@dataclass(frozen=True)
class CaseNumber:
    """What a case number says. ``form_ok``: written as the rules write it; ``problems``: sentence codes for
    what is off (``case_*``); ``fits``: whether its type fits the paper (None when the paper or type is unknown)."""
    text: str
    form_ok: bool
    year: int | None = None
    court: str = ""
    level: str = ""  # "supreme", "high", "intermediate", "basic"
    case_type: str = ""
    number: str = ""
    fits: bool | None = None
    problems: tuple[str, ...] = ()


def check_case_number(text: str, paper: str = "", this_year: int | None = None) -> CaseNumber:
    """Read ``text`` (as typed: spaces ignored, either kind of bracket) for the paper kind ``paper``.

    >>> c = check_case_number("（2026）京0105民督123号", "payment_order", 2026)
    >>> (c.form_ok, c.year, c.court, c.level, c.case_type, c.number, c.fits)
    (True, 2026, '京0105', 'basic', '民督', '123', True)
    >>> check_case_number("(2026)京0105民初88号", "payment_order", 2026).problems
    ('case_type_not_paper',)
    >>> check_case_number("法发〔2026〕12号", "", 2026).form_ok
    False
    """
    clean = re.sub(r"\s+", "", str(text or ""))
    m = _FORM.match(clean)
    if not m:
        code = "case_brackets" if "〔" in clean or "[" in clean else "case_form"
        return CaseNumber(clean, False, problems=(code,))
    year, court, digits, kind = int(m["year"]), m["court"], m["digits"] or "", m["type"]
    level = ("supreme" if court == "最高法" else "high" if not digits
             else "intermediate" if len(digits) == 2 else "basic")
    problems = []
    if year < 2016:
        problems.append("case_year_old")  # this form is used for cases accepted from 2016 on
    if this_year is not None and year > this_year:
        problems.append("case_year_future")
    if kind not in TYPE_FITS:
        problems.append("case_type_unknown")
    fits = None
    if paper and kind in TYPE_FITS:
        fits = paper in TYPE_FITS[kind]
        if not fits:
            problems.append("case_type_not_paper")
    form_ok = not any(p in problems for p in ("case_year_future",))
    return CaseNumber(clean, form_ok, year, court, level, kind, m["number"], fits, tuple(problems))
