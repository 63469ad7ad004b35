"""Dates in Arabic news text: absolute dates in every common form, and relative ones.

``find_dates`` scans a folded copy of the text with one pattern (built on first use),
tried only next to the digits and words every date contains (see "where to look"), and
returns :class:`DateMention` objects whose offsets index the text AS GIVEN.

Absolute forms: ``15 مايو/أيار 1992``, ``6 يناير/كانون الثاني``, ``السادس من يناير``,
``نهاية أبريل/نيسان عام 2021``, ``مايو/أيار 1992``, ``سنة 1994``, ``في 2010``, year lists
after a cue or joined by و (``2005 و2010 و2020``), ``2/1/2022`` and ``2022-01-02``; the
Gregorian, Levantine (كانون الثاني …) and Maghrebi (جانفي …) month series.

Relative forms (``relative=True``): اليوم، أمس، أول أمس، غدًا، الليلة الماضية، the seven
weekdays with يوم/ليلة/صباح/مساء and الماضي/المقبل, and ``ليلة الأربعاء-الخميس``.
See :func:`find_dates` for how they are resolved.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate, compress
from typing import NamedTuple

from geo.numbers import (
    _DROPPED,
    CharScan,
    FoldedText,
    WordStarts,
    char_scan,
    fold_text,
    fold_word,
    loose_alternation,
    loosen,
    word_alternation,
)

# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    # Gregorian names as used in the Mashriq and Egypt
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونية": 6, "يوليو": 7, "يولية": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Syriac names (Levant, Iraq)
    "كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين أول": 10,
    "تشرين الثاني": 11, "تشرين ثاني": 11, "كانون الأول": 12, "كانون أول": 12,
    # French-derived names (Maghreb)
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "جويلة": 7, "أوت": 8,
}  # fmt: skip
_WEEKDAY_STEMS = {"أحد": 6, "اثنين": 0, "ثلاثاء": 1, "أربعاء": 2, "خميس": 3, "جمعة": 4, "سبت": 5}
_ORDINAL_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
# words before a month that let it stand without a day or a year ("في يناير", "مطلع يناير")
_MONTH_CUES = (
    "في", "منذ", "حتى", "خلال", "بداية", "نهاية", "مطلع", "مستهل", "أوائل", "أواخر", "منتصف",
    "أواسط", "قبل", "بعد", "أول", "آخر", "غرة", "بدء", "طيلة", "طوال", "حلول", "بحلول",
)  # fmt: skip
_MONTH_START_CUES = ("بداية", "مطلع", "مستهل", "أوائل", "أول", "غرة", "بدء")
# words that make a following bare number a year
_WEAK_YEAR_CUES = (
    "في", "منذ", "حتى", "بين", "خلال", "قبل", "بعد", "مطلع", "مستهل", "أوائل", "أواخر",
    "نهاية", "بداية", "منتصف", "أواسط", "خريف", "ربيع", "صيف", "شتاء", "حلول", "بحلول", "مع",
)  # fmt: skip
_STRONG_YEAR_WORDS = ("عامي", "عام", "سنتي", "سنة")
# a weak cue + number + one of these is a count ("حتى 2000 جندي"), not a year
_COUNT_NOUNS = (
    "جندي", "جنود", "عسكري", "عسكريا", "شخص", "أشخاص", "قتيل", "قتيلا", "جريح", "جريحا",
    "مصاب", "مصابا", "عنصر", "عناصر", "فرد", "أفراد", "متظاهر", "متظاهرا", "مدني", "مدنيا",
    "ضابط", "ضباط", "دولار", "يورو", "روبل", "طن", "كيلومتر", "كلم", "كم", "متر", "رجل",
    "امرأة", "طفل", "مقاتل", "مقاتلا", "معتقل", "معتقلا", "موقوف", "رحلة", "مبنى", "سيارة",
    "منزل", "إصابة", "حالة", "ألف", "آلاف", "مليون", "مليار", "بالمئة", "بالمائة", "%",
)  # fmt: skip
_YEAR_SHIFTS = {
    "الماضي": -1, "الماضية": -1, "المنصرم": -1, "المنصرمة": -1, "الفائت": -1, "الفائتة": -1,
    "السابق": -1, "السابقة": -1, "الجاري": 0, "الحالي": 0, "الحالية": 0, "المقبل": 1,
    "المقبلة": 1, "القادم": 1, "القادمة": 1,
}  # fmt: skip
# a year told relative to the year named before it: "في العام التالي"، "في العام نفسه"
_NEXT_YEAR_WORDS = {
    "التالي": 1, "التالية": 1, "اللاحق": 1, "اللاحقة": 1, "الموالي": 1, "نفسه": 0, "نفسها": 0,
    "ذاته": 0, "ذاتها": 0,
}  # fmt: skip
_NEXT_DAY_WORDS = {
    "التالي": 1, "الموالي": 1, "اللاحق": 1, "نفسه": 0, "ذاته": 0, "السابق": -1,
}  # fmt: skip
_MONTH_SHIFTS = {
    "الجاري": 0, "الحالي": 0, "ذاته": 0, "نفسه": 0, "الماضي": -1, "المنصرم": -1, "الفائت": -1,
    "السابق": -1, "المقبل": 1, "القادم": 1,
}  # fmt: skip
# "العاشر من الشهر نفسه" points back to the month told before it, not to the publication's
_SAME_MONTH_WORDS = frozenset({"ذاته", "نفسه"})
_YEAR_MIN, _YEAR_MAX = 1900, 2100
_RECENT_DAYS = 7
_ROLL_BACK_DAYS = 60  # a yearless date this far after publication belongs to the year before
SHARED_YEAR_REACH = 30  # "6 و7 يناير 2022": a later date this close lends its year


class DateMention(NamedTuple):
    """A date found in the text; offsets index the original text.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` following ``precision``; it is
    None when the date does not exist (31 فبراير) or nothing tells which year or day.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str  # "day" | "month" | "year"
    relative: bool


# --------------------------------------------------------------------------- patterns


def _alt(words) -> str:
    return word_alternation({fold_word(w) for w in words})


@cache
def _ordinals() -> dict[str, int]:
    table = {w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)}
    table["العاشر"] = 10
    table["الحادي عشر"] = 11
    for i, w in enumerate(_ORDINAL_UNITS[1:], start=2):
        table[f"{w} عشر"] = 10 + i
    for tens, name in ((20, "العشرين"), (30, "الثلاثين")):
        table[name] = tens
        for i, w in enumerate(["الحادي", *_ORDINAL_UNITS[1:]], start=1):
            if tens + i <= 31:
                table[f"{w} و{name}"] = tens + i
    return {fold_word(k): v for k, v in table.items()}


@cache
def _month_numbers() -> dict[str, int]:
    return {fold_word(k): v for k, v in _MONTHS.items()}


def _month_expr(tag: str) -> str:
    months = _alt(_MONTHS)
    return (
        rf"(?P<mp{tag}>[وف]?[بل]?)(?P<mon{tag}>{months})(?!\w)"
        rf"(?:\s*[/\\(\-–]\s*[وبل]?(?:{months})(?!\w)(?:\s*\))?)?"
    )


def _year_tail(tag: str) -> str:
    return (
        rf"(?:\s*[,،]?\s*(?:(?:من\s+)?(?:ال|ل)?(?:عام|سنه)\s+)?"
        rf"(?P<y{tag}>{_YEAR_DIGITS})(?![0-9]|[.,][0-9])(?:\s*م(?!\w))?"
        rf"|(?P<cur{tag}>\s+(?:الجاري|الحالي)(?!\w)))?"
    )


_YEAR_DIGITS = "[1١۱][9٩۹][0-9]{2}|[2٢۲][0٠۰][0-9]{2}"  # 1900-2099 in three scripts
_YEAR = r"[0-9]{4}(?![0-9]|[-/.][0-9]{1,2}[-/.])"  # not the head of 2022-01-07
_YEAR_LIST = rf"{_YEAR}(?:\s*(?:[,،\-–]\s*(?:و\s*)?|و\s*|(?:الى|حتى)\s+){_YEAR})*"

# relative day words and times of day, in the order the pattern tries them
_DAY_WORDS = (
    r"الليله\s+(?:الماضيه|المنصرمه|الفائته|السابقه)|الليله|اول\s+(?:من\s+)?امس|امس\s+الاول"
    r"|بالامس|الامس|امس|البارحه|بعد\s+غد|غدا|الغد|غد|اليوم"
)
_TIMES_OF_DAY = r"صباح|مساء|ظهر|ظهيره|فجر|عصر|ليل|ليله|منتصف\s+ليل|منتصف\s+ليله"


def _weekday_alt() -> str:
    return _alt(_WEEKDAY_STEMS)


# The kinds of key (see "where to look") a date may hold. A match holds a key of one of the
# kinds its branch lists, and only those branches are tried where keys of other kinds
# stood (the others fail at once), so a try that fails costs less.
_DIGIT_KEY, _MONTH_KEY, _WEEKDAY_KEY, _YEAR_KEY, _DAY_KEY, _SHAHR_KEY = (1 << k for k in range(6))
_ANY_KEY = (1 << 6) - 1


@cache
def _branches() -> list[tuple[str, int]]:
    """The branches of the master pattern, each with the kinds of key it may hold."""
    wd = _weekday_alt()
    day_words = _DAY_WORDS
    digit, month, year, shahr = _DIGIT_KEY, _MONTH_KEY, _YEAR_KEY, _SHAHR_KEY
    kinds = [
        digit, digit, digit | shahr | month | year, digit | shahr, shahr | month | year | digit,
        year | digit, year, shahr, year, _DAY_KEY, _DAY_KEY | _WEEKDAY_KEY,
    ]  # fmt: skip
    branches = [
        # 2022-01-06, 2022/1/6
        rf"(?<![0-9.,/\-])(?P<iy>{_YEAR_DIGITS})(?P<isep>[-/.])(?P<im>[0-9]{{1,2}})(?P=isep)"
        r"(?P<id>[0-9]{1,2})(?![0-9]|[.,/][0-9])",
        # 6/1/2022, 06.01.2022, 6-1-2022 (day first, as Arabic outlets write it)
        r"[وب]?(?<![0-9.,/\-])(?P<n1>[0-9]{1,2})(?P<nsep>[-/.])(?P<n2>[0-9]{1,2})(?P=nsep)"
        r"(?P<n3>[0-9]{4})(?![0-9]|[.,/][0-9])",
        # 15 مايو/أيار 1992, السادس من شهر يناير
        rf"(?:[وب]?(?<![0-9.,/:])(?P<day>[0-9]{{1,2}})(?![0-9])|(?<!\w)[وف]?(?P<ord>{_alt(_ordinals())})(?=\s+من\s))"
        rf"\s*(?:-\s*)?(?:من\s+)?(?:شهر\s+)?{_month_expr('1')}{_year_tail('1')}",
        # الخامس من الشهر الجاري, 13 من الشهر الماضي, السادس من هذا الشهر, "في 19 منه" (of the month told)
        rf"(?:[وب]?(?<![0-9.,/:])(?P<cday>[0-9]{{1,2}})(?![0-9])|(?<!\w)[وف]?(?P<cord>{_alt(_ordinals())}))"
        rf"\s+(?:من\s+(?:(?:ال)?شهر\s+(?P<cdir>{_alt(_MONTH_SHIFTS)})|(?P<this>هذا\s+)?الشهر)|منه)(?!\w)",
        # مايو/أيار 1992, في يونيو/حزيران لعام 2010, بداية شهر يناير الجاري
        rf"(?<!\w)(?:(?P<mcue>[وف]?(?:{_alt(_MONTH_CUES)}))\s+(?:(?:شهر|الشهر)\s+)?"
        rf"|(?P<shahr>[وفبل]?شهر)\s+)?{_month_expr('2')}{_year_tail('2')}",
        # عام 2019, في 2010, بين عامي 1992 و2002, ثورات 2005 و2010 و2020
        rf"(?<![\w.,/\-])(?:(?P<ycue>[وف]?(?:{_alt(_WEAK_YEAR_CUES)}))\s+(?:من\s+)?)?"
        rf"(?P<ysw>[وفب]?(?:ال|لل|ل)?(?:{_alt(_STRONG_YEAR_WORDS)})\s+)?"
        rf"(?P<ylist>{_YEAR_LIST})(?![.,][0-9])",
        # العام الماضي، السنة المقبلة
        rf"(?<!\w)[وف]?(?:ب|ل)?(?P<ryear>(?:ال)?(?:عام|سنه)\s+(?:{_alt(_YEAR_SHIFTS)}))(?!\w)",
        # الشهر الماضي، الشهر المقبل: a month relative to publication
        rf"(?<!\w)[وف]?(?:ب|ل)?(?P<rmonth>(?:ال)?شهر\s+(?:{_alt(_MONTH_SHIFTS)}))(?!\w)",
        # في العام التالي، في السنة نفسها
        rf"(?<!\w)[وف]?(?:ب|ل)?(?P<nyear>(?:ال)?(?:عام|سنه)\s+(?:{_alt(_NEXT_YEAR_WORDS)}))(?!\w)",
        # في اليوم التالي، صباح اليوم نفسه: a day counted from the day told before
        rf"(?<!\w)[وف]?(?:(?:{_TIMES_OF_DAY})\s+)?(?P<nday>(?:ال|ل|بال|لل)يوم\s+(?:{_alt(_NEXT_DAY_WORDS)}))(?!\w)",
        # relative: اليوم، أمس، صباح اليوم، يوم الخميس، ليلة الأربعاء-الخميس، الأحد الماضي
        rf"(?<!\w)(?P<rp>[وف])?(?P<tod>[بل]?(?:{_TIMES_OF_DAY})\s+)?"
        rf"(?P<yom>[بل]?يوم\s+)?"
        rf"(?:(?P<dw>{day_words})(?:\s+(?P<wd1>ال(?:{wd})))?"
        rf"|(?P<wd2>(?:بال|لل|ال)(?:{wd}))"
        rf"(?:\s*(?:[-–/]|\s(?:الى|على|و)\s)\s*(?P<wd3>(?:ال)?(?:{wd})))?"
        rf"(?:\s+(?P<dir>الماضي|المنصرم|الفائت|السابق|المنقضي|المقبل|القادم))?)(?!\w)",
    ]
    return list(zip(branches, kinds, strict=True))


@cache
def _master_re(kinds: int = _ANY_KEY) -> re.Pattern[str]:
    """The master pattern; with ``kinds``, the branches that hold no key of those kinds
    fail at once (they keep their groups, so every match reads the same)."""
    branches = [b if held & kinds else f"(?!){b}" for b, held in _branches()]
    # Every match starts by consuming the non-word character before the date, so the
    # regex engine skips all other positions fast; _scan searches " " + text.
    return re.compile(loosen(r"\W(?:" + "|".join(f"(?:{b})" for b in branches) + ")"))


@cache
def _count_noun_re() -> re.Pattern[str]:
    return re.compile(loosen(rf"\s*(?:{_alt(_COUNT_NOUNS)})(?!\w)"))


@cache
def _year_in_list_re() -> re.Pattern[str]:
    return re.compile(loosen(r"[0-9]{4}"))


@cache
def _weekday_stems() -> dict[str, int]:
    return {fold_word(k): v for k, v in _WEEKDAY_STEMS.items()}


# --------------------------------------------------------------------------- raw items


@dataclass(slots=True)
class _Abs:
    start: int  # folded offsets
    end: int
    precision: str
    year: int | None
    month: int | None = None
    day: int | None = None
    explicit_year: bool = True
    current: bool = False  # "يناير الجاري": the year of publication
    month_start: bool = False  # "بداية شهر يناير"
    impossible: bool = False
    shift: int | None = None  # "العام الماضي": a year relative to publication
    month_shift: int | None = None  # "الخامس من الشهر الجاري": a day of a month relative to publication
    after_year: int | None = None  # "العام التالي" (1), "العام نفسه" (0): relative to the year told before
    after_day: int | None = None  # "في اليوم التالي" (1), "في اليوم نفسه" (0): relative to the day told before
    same_month: bool = False  # "العاشر من الشهر نفسه": in the month told before it


@dataclass(slots=True)
class _Rel:
    start: int
    end: int
    offset: int | None = None  # days from publication, for اليوم/أمس/غدًا
    weekday: int | None = None  # Monday = 0
    direction: str = ""  # "" | "past" | "future"


def _weekday_of(word: str) -> int:
    word = fold_word(word)
    for stem, wd in _weekday_stems().items():
        if word.endswith(stem):
            return wd
    raise AssertionError(word)  # the pattern only matches known stems


def _month_of(m: re.Match[str], tag: str) -> int:
    return _month_numbers()[fold_word(m.group("mon" + tag))]


def _numeric(m: re.Match[str]) -> _Abs:
    if m.group("iy") is not None:
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        d, mo, y = int(m.group("n1")), int(m.group("n2")), int(m.group("n3"))
        if mo > 12 >= d:  # 1/25/2022 is the American order
            d, mo = mo, d
    a = _Abs(m.start() + 1, m.end(), "day", y, mo, d)
    a.impossible = not _YEAR_MIN <= y <= _YEAR_MAX
    return a


def _day_month(m: re.Match[str]) -> _Abs:
    day = int(m.group("day")) if m.group("day") else _ordinals()[fold_word(m.group("ord"))]
    year = m.group("y1")
    return _Abs(
        m.start("day" if m.group("day") else "ord"), m.end(), "day", int(year) if year else None,
        _month_of(m, "1"), day,
        explicit_year=year is not None, current=m.group("cur1") is not None,
    )  # fmt: skip


def _month_year(m: re.Match[str]) -> _Abs | None:
    year, cue = m.group("y2"), m.group("mcue")
    if year is None and cue is None and m.group("shahr") is None:
        return None  # a bare "مارس" may be the verb "practised"
    start = m.start("mon2")  # the cue and an attached و/ب/ل stay outside the span
    cue_word = fold_word(cue).lstrip("وف") if cue else ""
    return _Abs(
        start, m.end(), "month", int(year) if year else None, _month_of(m, "2"),
        explicit_year=year is not None, current=m.group("cur2") is not None,
        month_start=cue_word in _month_start_cues(),
    )  # fmt: skip


_SHIFT_TABLES = {
    "year": _YEAR_SHIFTS, "month": _MONTH_SHIFTS, "next_day": _NEXT_DAY_WORDS, "next_year": _NEXT_YEAR_WORDS,
}  # fmt: skip


@cache
def _shifts(table: str) -> dict[str, int]:
    """One of the tables of relative words (العام الماضي، الشهر الجاري، اليوم التالي، العام
    نفسه), keyed by the folded word."""
    return {fold_word(k): v for k, v in _SHIFT_TABLES[table].items()}


@cache
def _same_month_words() -> frozenset[str]:
    return frozenset(fold_word(w) for w in _SAME_MONTH_WORDS)


@cache
def _month_start_cues() -> frozenset[str]:
    return frozenset(fold_word(w) for w in _MONTH_START_CUES)


def _years(m: re.Match[str], s: str) -> list[_Abs]:
    cue, strong = m.group("ycue"), m.group("ysw")
    years = list(_year_in_list_re().finditer(s, m.start("ylist"), m.end("ylist")))
    if cue is None and strong is None and len(years) < 2:
        return []
    if strong is None and _count_noun_re().match(s, m.end()):
        return []  # "حتى 2000 جندي", "بين 2000 و3000 جندي": counts, not years
    found = []
    for i, y in enumerate(years):
        value = int(y.group())
        if not _YEAR_MIN <= value <= _YEAR_MAX:
            continue
        start = m.start("ysw") + len(strong) - len(strong.lstrip("وفب")) if strong and i == 0 else y.start()
        found.append(_Abs(start, y.end(), "year", value))
    return found


def _relative(m: re.Match[str], s: str, original: str, folded: FoldedText) -> _Rel | None:
    dw, tod, yom = m.group("dw"), m.group("tod"), m.group("yom")
    if dw is not None:
        return _day_word(m, dw, tod, yom, s, original, folded)
    weekday = _weekday_of(m.group("wd3") or m.group("wd2"))
    if weekday == 0 and not (tod or yom or m.group("dir") or m.group("wd3")) and not _monday_cued(m, s):
        return None  # bare "الاثنين" is as often "the two"
    direction = {"المقبل": "future", "القادم": "future"}.get(m.group("dir") or "", "past")
    return _Rel(_rel_start(m), m.end(), weekday=weekday, direction=direction if m.group("dir") else "")


def _rel_start(m: re.Match[str]) -> int:
    return m.end("rp") if m.group("rp") else m.start() + 1  # an attached و/ف stays outside


_NOT_TODAY = (
    "التالي", "السابق", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "الاخير", "نفسه", "ذاته",
    "الموالي", "العالمي", "الوطني", "الدولي", "الذي", "التي", "الواحد",
)  # fmt: skip


# a superlative after اليوم (ال + أفعل: الأعنف، الأسوأ، الأطول) tells which day, not today
_SUPERLATIVE = re.compile(r"الا[\u0621-\u064a]{3}$")


def _day_word(m, dw: str, tod, yom, s: str, original: str, folded: FoldedText) -> _Rel | None:
    word = fold_word(dw)
    if word in ("غد", "الغد") and not (tod or yom or word == "بعد غد"):
        return None  # "الغد" is also "the future", "حزب الغد"
    if word == "غدا" and not (tod or yom or m.group("wd1")) and "\u064b" not in original[
        folded.start(m.start("dw") - 1) : folded.end(m.end("dw") - 1)
    ]:
        return None  # without tanween "غدا" is mostly the verb "became"
    if word == "اليوم" and not m.group("wd1") and not tod and (
            (after := _next_word(s, m.end())) in _NOT_TODAY or _SUPERLATIVE.match(after)):
        return None  # "اليوم التالي", "اليوم العالمي", "كان اليوم الأعنف" (the most violent day)
    offset = _DAY_WORD_OFFSETS.get(word.split()[0] if word.startswith("الليله") else word, 0)
    if word.startswith("اول") or word == "امس الاول":
        offset = -2
    elif word == "بعد غد":
        offset = 2
    if tod and fold_word(tod).lstrip("بل") in ("ليل", "ليله") and offset == -1:
        offset = 0  # "ليلة أمس" is "الليلة الماضية": counted on the later day
    if m.group("wd1"):
        direction = "past" if offset < 0 else "future" if offset > 0 else ""
        return _Rel(_rel_start(m), m.end(), weekday=_weekday_of(m.group("wd1")), direction=direction)
    return _Rel(_rel_start(m), m.end(), offset=offset)


_DAY_WORD_OFFSETS = {
    "اليوم": 0, "الليله": 0, "امس": -1, "الامس": -1, "بالامس": -1, "البارحه": -1,
    "غدا": 1, "غد": 1, "الغد": 1,
}  # fmt: skip


@cache
def _word_re() -> re.Pattern[str]:
    return re.compile(r"\s*(\w+)")


def _next_word(s: str, pos: int) -> str:
    m = _word_re().match(s, pos)
    return fold_word(m.group(1)) if m else ""


def _monday_cued(m: re.Match[str], s: str) -> bool:
    before = fold_word(s[max(0, m.start() - 12) : m.start()]).split()
    if before and before[-1].lstrip("وف") in ("منذ", "حتى", "بحلول", "حلول", "قبل", "بعد"):
        return True
    if before and before[-1].endswith(("ت", "وا")) and _adverb_follows_re().match(s, m.end()):
        return True  # "ثم امتدت الاثنين إلى آكتاو"، "أعلنت الاثنين أن": when, right after a past verb
    return _date_follows_re().match(s, m.end()) is not None


@cache
def _adverb_follows_re() -> re.Pattern[str]:
    """What follows a weekday told as when something happened: a preposition, أن, punctuation."""
    return re.compile(loosen(r"\s*(?:[،,.؛]|(?:الى|إلى|في|من|عن|على|علي|أن|ان|الماضي)(?!\w))"))


@cache
def _date_follows_re() -> re.Pattern[str]:
    return re.compile(loosen(r"\s*[,،]?\s*(?:الموافق\s+)?[0-9]"))


# --------------------------------------------------------------------------- where to look
#
# Trying the master pattern at every word boundary is the whole cost of find_dates, and
# almost every try fails. Every match holds a "key": a digit, a month or weekday name,
# عام/سنة, شهر, or the core of a day word (أمس، ليل، غد، يوم، البارحة). Before the key a match
# holds only the letters attached to the key's word and a run of "lead words" separated
# by whitespace: the cues (في، منذ، مطلع…), من, شهر, هذا, the ordinals, the times of day,
# أول and بعد; شهر is a key too ("الخامس من الشهر الجاري"). So a match can only start
# right before the key's word or before one of the lead words just ahead of it. The
# character scan of geo.numbers (CharScan, WordStarts) gives the digit runs and the few
# places where another key may begin, a pattern checks each, one pattern run on the
# reversed text walks back over the lead words, and the master pattern is tried only at
# those positions, in text order, as finditer would; at each, only the branches that can
# hold the kinds of key that put it there.

_DAY_KEYS = ("امس", "ليل", "بارح", "غد", "يوم")


def _keys() -> dict[str, list[str]]:
    """The keys in canonical spelling by kind, with what must follow them."""
    # "كانون" and "تشرين" stand for their two-word names
    return {
        "month": sorted({fold_word(month).split()[0] for month in _MONTHS}),  # end their word
        "weekday": sorted({fold_word(w) for w in _WEEKDAY_STEMS}),  # end their word
        "year": ["عام", "عامي", "سنه", "سنتي"],  # always followed by whitespace
        "day": list(_DAY_KEYS),  # anywhere in a word
        "shahr": ["شهر"],  # anywhere: "الخامس من الشهر الجاري"، "من هذا الشهر"
    }


_KEY_KINDS = {"month": _MONTH_KEY, "weekday": _WEEKDAY_KEY, "year": _YEAR_KEY, "day": _DAY_KEY, "shahr": _SHAHR_KEY}
_ENDS_WORD = {"month", "weekday"}


@cache
def _key_words() -> WordStarts:
    return WordStarts({w: kind in _ENDS_WORD for kind, words in _keys().items() for w in words})


@cache
def _key_re() -> re.Pattern[str]:
    """A key at the position tried, with what must follow it; the group named is its kind.
    No two kinds of key can both begin at one place (none is another's head there)."""
    after = {"month": r"(?!\w)", "weekday": r"(?!\w)", "year": r"(?=\s)", "day": "", "shahr": ""}
    return re.compile("|".join(
        f"(?P<{kind}>{loose_alternation(words)}){after[kind]}" for kind, words in _keys().items()
    ))


def _lead_words() -> set[str]:
    words = {"من", "شهر", "الشهر", "اول", "بعد", "هذا"}
    words.update(fold_word(w) for w in (*_MONTH_CUES, *_WEAK_YEAR_CUES))
    words.update(w for ordinal in _ordinals() for w in ordinal.split())
    words.update(re.split(r"\\s\+|\|", _TIMES_OF_DAY))
    return words


@cache
def _lead_back_re() -> re.Pattern[str]:
    """On the reversed text: the rest of the key's word, then lead words going back."""
    # as a trie, longest first like the flat list it replaces (which tried every word in turn)
    alternation = loose_alternation(w[::-1] for w in _lead_words())
    return re.compile(rf"\w*(?P<lead>(?:\s+(?:{alternation})[وفبل]{{0,3}}(?!\w))*)")


@cache
def _word_start_re() -> re.Pattern[str]:
    return re.compile(r"\W(?=\w)")


@cache
def _date_digits_re() -> re.Pattern[str]:
    """A run of digits a date can begin with: a day (one or two digits) or a year (four);
    "200 جندي" starts none."""
    return re.compile(loosen(r"(?:[0-9]{1,2}|[0-9]{4})(?![0-9])"))


def _key_starts(s: str, scan: CharScan) -> dict[int, int]:
    """Where each key begins, and its kind."""
    key = _key_re()
    digits = _date_digits_re()
    starts = {start: _DIGIT_KEY for start in scan.digit_starts if digits.match(s, start)}
    for start in _key_words().positions(scan)[0]:
        m = key.match(s, start)
        if m is not None:
            starts[start] = _KEY_KINDS[m.lastgroup]
    return starts


def _candidates(s: str, scan: CharScan) -> list[tuple[int, int]]:
    """Positions (each a non-word character) where the master pattern may match, in text
    order, each with the kinds of the keys that put it there."""
    n = len(s)
    reversed_s = s[::-1]
    back = _lead_back_re()
    found: dict[int, int] = {}
    for key, kind in _key_starts(s, scan).items():
        m = back.match(reversed_s, n - key)
        before_word = n - 1 - m.start("lead")
        if m.end() == m.start("lead"):
            found[before_word] = found.get(before_word, 0) | kind
        else:
            for w in _word_start_re().finditer(s, n - m.end() - 1, before_word + 2):
                found[w.start()] = found.get(w.start(), 0) | kind
    return sorted(found.items())


def _matches(s: str, scan: CharScan | None = None):
    """What ``_master_re().finditer(s)`` yields, trying only the candidate positions."""
    pos = 0
    for start, kinds in _candidates(s, CharScan(s) if scan is None else scan):
        if start >= pos:
            # a position put there by keys of two kinds (rare) tries every branch: each
            # combination would be a pattern of its own to compile (about 12 ms each)
            m = _master_re(kinds if kinds & (kinds - 1) == 0 else _ANY_KEY).match(s, start)
            if m is not None:
                pos = m.end()
                yield m


def _scan(s: str, original: str, folded: FoldedText) -> tuple[list[_Abs], list[_Rel]]:
    """Raw items with offsets into ``s``, which is " " + the folded text."""
    absolute: list[_Abs] = []
    relative: list[_Rel] = []
    for m in _matches(s, char_scan(folded)):
        if m.group("n1") is not None or m.group("iy") is not None:
            absolute.append(_numeric(m))
        elif m.group("mon1") is not None:
            absolute.append(_day_month(m))
        elif m.group("mon2") is not None:
            item = _month_year(m)
            if item is not None:
                absolute.append(item)
        elif m.group("ylist") is not None:
            absolute.extend(_years(m, s))
        elif m.group("cdir") is not None or m.group("cday") is not None or m.group("cord") is not None:
            day = int(m.group("cday")) if m.group("cday") else _ordinals()[fold_word(m.group("cord"))]
            direction = fold_word(m.group("cdir")) if m.group("cdir") else ""
            shift = _shifts("month")[direction] if direction else 0
            start = m.start("cday" if m.group("cday") else "cord")
            # "الرابع من الشهر" with no word after it is the month being told, like "من الشهر نفسه"
            same = direction in _same_month_words() or not (direction or m.group("this"))
            absolute.append(_Abs(start, m.end(), "day", None, None, day, explicit_year=False, month_shift=shift,
                                 same_month=same))
        elif m.group("nday") is not None:
            after = _shifts("next_day")[fold_word(m.group("nday")).split()[-1]]
            absolute.append(_Abs(m.start() + 1, m.end(), "day", None, explicit_year=False, after_day=after))
        elif m.group("nyear") is not None:
            after = _shifts("next_year")[fold_word(m.group("nyear")).split()[-1]]
            absolute.append(_Abs(m.start("nyear"), m.end(), "year", None, explicit_year=False, after_year=after))
        elif m.group("rmonth") is not None:
            direction = fold_word(m.group("rmonth")).split()[-1]
            absolute.append(_Abs(m.start("rmonth"), m.end(), "month", None, explicit_year=False,
                                 month_shift=_shifts("month")[direction],
                                 same_month=direction in _same_month_words()))
        elif m.group("ryear") is not None:
            shift = _shifts("year")[fold_word(m.group("ryear")).split()[-1]]
            absolute.append(_Abs(m.start("ryear"), m.end(), "year", None, shift=shift))
        else:
            rel = _relative(m, s, original, folded)
            if rel is not None:
                relative.append(rel)
    return absolute, relative


# --------------------------------------------------------------------------- years


class _Sentences:
    """Sentence boundaries of the folded text, found only when a date needs them."""

    def __init__(self, scan: CharScan) -> None:
        self._scan = scan
        self._ends: list[int] | None = None

    def index(self, pos: int) -> int:
        if self._ends is None:
            self._ends = self._scan.stops()
        return bisect_right(self._ends, pos)


def _fill_years(
    items: list[_Abs], s: str, scan: CharScan, published: date | None, default_year: int | None
) -> None:
    reference = published.year if published is not None else default_year
    for a in items:
        if a.shift is not None:
            a.year = None if reference is None else reference + a.shift
        elif a.month_shift is not None and not a.same_month:
            _month_of_publication(a, published)
    last_told = None  # the year told last, in text order ("عام 1992 … العام التالي … السنة نفسها")
    for a in sorted(items, key=lambda b: b.start):
        if a.after_year is not None:
            a.year = None if last_told is None else last_told + a.after_year
        if a.year and not a.impossible and (a.explicit_year or a.after_year is not None):
            last_told = a.year
    sentences = _Sentences(scan)
    explicit: list[tuple[int, int, int, bool]] | None = None  # (sentence, position, year, bare), made when needed
    for a in items:
        if a.year is not None or a.precision == "year" or a.same_month:
            continue
        if explicit is None:
            explicit = [
                (sentences.index(b.start), b.start, b.year, b.precision == "year")
                for b in items
                if b.year and not b.impossible
                and (b.explicit_year or (b.precision == "year" and (b.after_year is not None or b.shift is not None)))
            ]  # a year told relative to another ("من العام نفسه"، "من العام الماضي") lends it as well
        a.year = None if a.current else (_year_in_sentence(a, explicit, sentences)
                                         or _year_of_the_month_told(a, items, s))
        if a.year is None and published is not None:
            a.year = _publication_year(a, published)
            if not a.current and _after(a, published):
                # a day still to come in the publication's year, in an article that told that
                # month of an earlier year: history ("في 11 يونيو 2010 … وفي الرابع عشر من يونيو اجتمع")
                a.year = _year_of_the_month_told(a, items, s, anywhere=True) or a.year
        if a.year is None:
            a.year = default_year
    if any(a.same_month for a in items):
        _same_month(items, published)


def _same_month(items: list[_Abs], published: date | None) -> None:
    """"العاشر من الشهر نفسه": the month of the last date told before it with a month (and
    year), in text order; with none told, the month of publication."""
    last: tuple[int, int] | None = None
    for a in sorted(items, key=lambda b: b.start):
        if a.same_month:
            if last is None:
                _month_of_publication(a, published)
            else:
                a.year, a.month = last
        if a.year and a.month and a.precision != "year" and not a.impossible:
            last = (a.year, a.month)


def _month_of_publication(a: _Abs, published: date | None) -> None:
    """"الخامس من الشهر الجاري": the month (and year) of publication, moved by ``month_shift``."""
    if published is None:
        a.impossible = True  # a month told only relative to an unknown day stays unknown
        return
    months = published.year * 12 + published.month - 1 + (a.month_shift or 0)
    a.year, a.month = divmod(months, 12)
    a.month += 1


def _year_in_sentence(a: _Abs, explicit: list[tuple[int, int, int, bool]], sentences: _Sentences) -> int | None:
    """The explicit year nearest ``a`` in its sentence (``explicit``: sentence, position, year,
    whether it is a bare year). The year of another date after ``a`` counts only when that
    date is listed right after it ("6 و7 يناير 2022"): "في 11 يناير، … منذ قمة نوفمبر 2021"
    does not put the 11th in 2021."""
    if not explicit:
        return None
    here = sentences.index(a.start)
    same = [(abs(pos - a.start), y) for sentence, pos, y, bare in explicit
            if sentence == here and (bare or pos < a.start or pos - a.end <= SHARED_YEAR_REACH)]
    return min(same)[1] if same else None


def _after(a: _Abs, published: date) -> bool:
    try:
        return date(a.year or 1, a.month or 1, a.day or 1) > published
    except ValueError:
        return False


def _year_of_the_month_told(a: _Abs, items: list[_Abs], s: str, *, anywhere: bool = False) -> int | None:
    """The year of the last date told before ``a`` in its paragraph (``anywhere``: in the
    text) with the same month and a year of its own: "ففي السادس من كانون الثاني 2022 بدأت …
    إذ انطلق الانسحاب في 13 كانون الثاني" is January 2022, whenever the article was published."""
    told = [b for b in items if b.explicit_year and b.year and b.month == a.month and b.end <= a.start
            and not b.impossible]
    if not told or a.month is None:
        return None
    last = max(told, key=lambda b: b.start)
    return last.year if anywhere or "\n" not in s[last.end : a.start] else None


def _publication_year(a: _Abs, published: date) -> int:
    try:
        candidate = date(published.year, a.month or 1, a.day or 1)
    except ValueError:
        return published.year
    too_late = (candidate - published).days > _ROLL_BACK_DAYS
    return published.year - 1 if too_late else published.year


def _abs_value(a: _Abs) -> tuple[str | None, date | None]:
    """(value, the day itself when precision is day)."""
    if a.impossible or a.year is None:
        return None, None
    if a.precision == "year":
        return f"{a.year:04d}", None
    if a.precision == "month":
        return (f"{a.year:04d}-{a.month:02d}", None) if 1 <= (a.month or 0) <= 12 else (None, None)
    try:
        day = date(a.year, a.month or 0, a.day or 0)
    except ValueError:
        return None, None
    return day.isoformat(), day


# --------------------------------------------------------------------------- relative


class _Anchor(NamedTuple):
    pos: int  # folded offset
    day: date
    exact: bool  # a real day-precision date, not the first of a month named with "مطلع"


def _anchors(items: list[_Abs], values: list[tuple[str | None, date | None]]) -> list[_Anchor]:
    found = []
    for a, (value, day) in zip(items, values, strict=True):
        if day is not None:
            found.append(_Anchor(a.start, day, True))
        elif a.month_start and value is not None:
            found.append(_Anchor(a.start, date(a.year, a.month, 1), False))
    return found


def _on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta((ref.weekday() - weekday) % 7)


def _strictly_before(ref: date, weekday: int) -> date:
    return ref - timedelta((ref.weekday() - weekday - 1) % 7 + 1)


def _strictly_after(ref: date, weekday: int) -> date:
    return ref + timedelta((weekday - ref.weekday() - 1) % 7 + 1)


def _on_or_after(ref: date, weekday: int) -> date:
    return ref + timedelta((weekday - ref.weekday()) % 7)


def _nearest(anchors: list[_Anchor], pos: int) -> _Anchor:
    return min(anchors, key=lambda a: abs(a.pos - pos))


def _resolve(rel: _Rel, published: date | None, anchors: list[_Anchor], apposite: date | None):
    if rel.weekday is None:
        return None if published is None or rel.offset is None else published + timedelta(rel.offset)
    if apposite is not None and apposite.weekday() == rel.weekday:
        return apposite  # "الخميس 6 يناير"
    if published is not None:
        return _from_published(rel, published, anchors)
    return _from_anchors(rel, anchors)


def _from_published(rel: _Rel, published: date, anchors: list[_Anchor]) -> date:
    if rel.direction == "past":
        return _strictly_before(published, rel.weekday)
    if rel.direction == "future":
        return _strictly_after(published, rel.weekday)
    earliest = published - timedelta(_RECENT_DAYS)
    tied = [
        a for a in anchors if a.exact and a.day.weekday() == rel.weekday and earliest <= a.day <= published
    ]
    if tied:
        return _nearest(tied, rel.start).day
    return _on_or_before(published, rel.weekday)


def _from_anchors(rel: _Rel, anchors: list[_Anchor]) -> date | None:
    same = [a for a in anchors if a.exact and a.day.weekday() == rel.weekday]
    if same:
        return _nearest(same, rel.start).day
    if not anchors:
        return None
    latest = max(a.day for a in anchors)
    if rel.direction == "past":
        return _strictly_before(latest, rel.weekday)
    if rel.direction == "future":
        return _strictly_after(latest, rel.weekday)
    earliest = min(a.day for a in anchors if a.day >= latest - timedelta(_RECENT_DAYS))
    return _on_or_after(earliest, rel.weekday)


@cache
def _apposition_re() -> re.Pattern[str]:
    return re.compile(loosen(r"\s*[,،]?\s*(?:الموافق\s+)?$"))


def _apposite(rel: _Rel, items: list[_Abs], days: list[date | None], s: str) -> date | None:
    for a, day in zip(items, days, strict=True):
        if a.start >= rel.end and day is not None:
            gap = s[rel.end : a.start]
            return day if len(gap) < 16 and _apposition_re().match(gap) else None
    return None


# --------------------------------------------------------------------------- public


def prepare() -> None:
    """Compile the date patterns now (about 0.1 s) rather than on the first articles that need
    them: a long-lived extractor calls this once when it is built."""
    for k in range(_ANY_KEY.bit_length()):
        _master_re(1 << k)
    _master_re(_ANY_KEY)


def find_dates(
    text: str, *, published: date | None = None, default_year: int | None = None, folded: FoldedText | None = None
) -> list[DateMention]:
    """Every date in ``text``, absolute and relative, in text order.

    A date without a year takes the nearest explicit year in the same sentence, else
    the year of ``published`` (the year before when that would put it more than two
    months after publication), else ``default_year``; otherwise its value is None.
    A day of a month told relative to publication ("الخامس من الشهر الجاري", "من الشهر
    الماضي") needs ``published``; "العام التالي" / "العام نفسه" count from the year told
    last before them in the text.

    Relative dates resolve against ``published`` when given: اليوم is that day, أمس the
    day before, a bare weekday the latest such day on or before it (الماضي: strictly
    before; المقبل: after), unless an absolute date in the text within the week before
    publication falls on that weekday, which then wins. Without ``published`` a weekday
    takes an absolute date in the text falling on it, else the first such weekday on or
    after the earliest of the recent dates in the text (a "مطلع/بداية يناير" counts as
    the 1st); day words (اليوم، أمس) then stay None.

    ``folded`` is fold_text(text) when the caller has it already.
    """
    folded = fold_text(text) if folded is None else folded
    s = " " + folded.text  # offsets below are one more than in folded.text
    items, rels = _scan(s, text, folded)
    ranges = _range_starts(items, s)
    items += [first for first, _ in ranges]
    _fill_years(items, s, char_scan(folded), published, default_year)
    for first, last in ranges:
        first.year, first.impossible = last.year, first.impossible or last.impossible
    values = [_abs_value(a) for a in items]
    anchors = _anchors(items, values)
    days = [day for _, day in values]
    mentions = [
        _mention(text, folded, a.start, a.end, v, a.precision, a.shift is not None or a.month_shift is not None)
        for a, (v, _) in zip(items, values, strict=True)
    ]
    for rel in rels:
        day = _resolve(rel, published, anchors, _apposite(rel, items, days, s))
        value = day.isoformat() if day else None
        mentions.append(_mention(text, folded, rel.start, rel.end, value, "day", True))
    mentions.sort(key=lambda m: m.start)
    if any(a.after_day is not None for a in items):
        _count_days_on(mentions, {folded.start(a.start - 1): a.after_day for a in items if a.after_day is not None},
                       text)
    return mentions


@cache
def _range_start_re() -> re.Pattern[str]:
    # "من 5 إلى 19 يناير"، "من 6 حتى 20 يناير"، "بين 10 و12 فبراير": the first day is a date too
    return re.compile(loosen(r"(?<!\w)[وف]?(?:من|بين)\s+(?P<d>[0-9]{1,2})\s*(?:الى|حتى|-|–|و)\s*$"))


def _range_starts(items: list[_Abs], s: str) -> list[tuple[_Abs, _Abs]]:
    """The first day of a range whose last day names the month: a date of its own, in the
    same month and year (filled from the last day), so that what began then is dated by it.
    Pairs (first day, last day)."""
    out = []
    for a in items:
        if a.precision != "day" or a.month is None or a.day is None or a.same_month or a.month_shift is not None:
            continue
        m = _range_start_re().search(s, max(0, a.start - 16), a.start)
        if m is not None and 1 <= int(m.group("d")) < a.day:
            first = _Abs(m.start("d"), m.end("d"), "day", None, a.month, int(m.group("d")), explicit_year=False)
            out.append((first, a))
    return out


def _count_days_on(mentions: list[DateMention], after_day: dict[int, int], text: str) -> None:
    """"في اليوم التالي" is the day after the last day told before it (in text order); not a day
    that ends a period ("حتى 19 يناير"), which is no day anything was told on."""
    last: date | None = None
    for i, m in enumerate(mentions):
        if m.start in after_day:
            day = None if last is None else last + timedelta(after_day[m.start])
            mentions[i] = m._replace(value=day.isoformat() if day else None, relative=True)
            last = day or last
        elif m.precision == "day" and m.value and not UNTIL.search(text, max(0, m.start - 12), m.start):
            last = date.fromisoformat(m.value)


# "حتى 19 يناير" ends a period: the words right before such a date (the extractor dates no claim by it)
UNTIL = re.compile(r"(?:حت[ىي]|لغاي[ةه]|الى غاي[ةه]|إلى غاي[ةه])\s*$")


def _mention(text, folded, a, b, value, precision, relative) -> DateMention:
    start, end = folded.start(a - 1), folded.end(b - 1)
    return DateMention(start, end, text[start:end], value, precision, relative)


# --------------------------------------------------------------------------- dateline

_HEAD_LINES = 5
_TAIL_LINES = 3
_DATELINE_MAX = 80
_NOT_DATELINE = ("تحديث", "محدث", "updated", "update", "©", "حقوق", "copyright")


@cache
def _dateline_rest_re() -> re.Pattern[str]:
    """What may sit beside the date on a dateline: a time, a label, punctuation."""
    labels = _alt(("نشر في", "نشر بتاريخ", "تاريخ النشر", "بتاريخ", "الموافق", "صباحا", "مساء", "توقيت"))
    return re.compile(loosen(
        rf"(?:[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?|{labels}|(?<!\w)(?:ص|م|am|pm|AM|PM|GMT|UTC)(?!\w)"
        rf"|[\s|:\-–—,،.()+/•·])*",
    ))


@cache
def _today_re() -> re.Pattern[str]:
    return re.compile(loosen(rf"(?<!\w)[وف]?اليوم\s+ال(?:{_weekday_alt()})\s*[,،]?\s*(?:الموافق\s+)?"))


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of the lines that hold more than white space (in C iterators: an
    article has dozens of lines, and only a few of them are read)."""
    lines = text.splitlines(keepends=True)
    starts = accumulate(map(len, lines), initial=0)  # one more than the lines: the text's end
    return list(compress(zip(starts, lines, strict=False), map(str.strip, lines)))


def _full_day(mentions: list[DateMention]) -> DateMention | None:
    for m in mentions:
        if not m.relative and m.precision == "day" and m.value is not None:
            return m
    return None


@cache
def _year_digits_re() -> re.Pattern[str]:
    # four digits in a row once folding has dropped the marks between them
    dropped = _DROPPED.removesuffix("+") + "*"
    return re.compile(loosen(f"[0-9](?:{dropped}[0-9]){{3}}"))


def _has_year_digits(text: str) -> bool:
    """Whether ``text`` may name a year: every year the date patterns read is four digits
    (see _YEAR_DIGITS, _YEAR), so a full date found without a publication date or a
    default year holds four digits in a row."""
    return _year_digits_re().search(text) is not None


def _dateline(line: str) -> date | None:
    lowered = line.lower()
    if len(line.strip()) > _DATELINE_MAX or any(word in lowered for word in _NOT_DATELINE):
        return None
    if not _has_year_digits(line):
        return None  # a full date without published or default year names its year in digits
    mentions = find_dates(line)  # no year to borrow: a value means the line names the year
    day = _full_day(mentions)
    if day is None:
        return None
    rest = "".join(line[a:b] for a, b in _gaps(mentions, len(line)))
    if _dateline_rest_re().fullmatch(fold_word(rest)) is None:
        return None
    return date.fromisoformat(day.value)


def _gaps(mentions: list[DateMention], length: int) -> list[tuple[int, int]]:
    gaps, pos = [], 0
    for m in mentions:
        gaps.append((pos, max(pos, m.start)))
        pos = max(pos, m.end)
    gaps.append((pos, length))
    return gaps


def _today_in_body(text: str, body_end: int, folded: FoldedText | None = None) -> date | None:
    # The whole text is folded (the extractor hands its fold down and reads the date
    # finders' from it too) and searched as if it ended at the body's end; folding drops
    # characters one by one, so the folded body is a prefix of the folded text.
    folded = fold_text(text) if folded is None else folded
    f = folded.text
    f_end = body_end - _dropped_before(folded, body_end)
    for m in _today_matches(f, f_end):
        start = body_end if m.end() == f_end else folded.end(m.end())
        if not _has_year_digits(text[start : start + 60]):
            continue  # no year: no full date (see _dateline)
        day = _full_day(find_dates(text[start : start + 60]))
        if day is not None and day.start == 0:
            return date.fromisoformat(day.value)
    return None


def _dropped_before(folded: FoldedText, end: int) -> int:
    """How many characters of the original ``text[:end]`` folding dropped."""
    dropped = 0
    for cut, shift in zip(folded.cuts, folded.shifts, strict=True):
        if cut + shift > end:  # this run begins at or after ``end``, or straddles it
            return dropped + max(0, end - (cut + dropped))
        dropped = shift
    return dropped


def _today_matches(f: str, end: int):
    """What ``_today_re().finditer(f, 0, end)`` yields; every match holds "ليوم"."""
    pattern = _today_re()
    pos = 0
    at = f.find("ليوم", 0, end)
    while at >= 0:
        for start in (at - 2, at - 1):
            if start >= pos:
                m = pattern.match(f, start, end)
                if m is not None:
                    pos = m.end()
                    yield m
                    break
        at = f.find("ليوم", max(at + 1, pos), end)


def infer_published(text: str, *, folded: FoldedText | None = None) -> date | None:
    """The publication day, only when the article itself states it.

    Evidence is a line among the first few that holds nothing but a full date (a
    weekday, a time and labels like "نشر في" may sit beside it), or "اليوم <weekday>
    <full date>" in the body. Lines about updates, copyright lines and the last lines
    of the article are never used. Returns None without such evidence. ``folded`` is
    fold_text(text) when the caller has it already.
    """
    lines = _lines(text)
    body = lines[: max(0, len(lines) - _TAIL_LINES)]
    for _, line in body[:_HEAD_LINES]:
        found = _dateline(line)
        if found is not None:
            return found
    body_end = body[-1][0] + len(body[-1][1]) if body else 0
    return _today_in_body(text, body_end, folded)
