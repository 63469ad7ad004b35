"""Figures in Arabic text: what a reader of the troop and casualty layers would see."""

from __future__ import annotations

import pytest

from geo.numbers import find_numbers, parse_number


def values(text, **kw):
    return [m.value for m in find_numbers(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل 3 آلاف جندي إلى المطار", 3000),
        ("أرسلت ثلاثة آلاف عسكري", 3000),
        ("يقدَّر عددهم بألف عنصر", 1000),
        ("الألف جندي الذين وصلوا", 1000),
        ("انتشر ألفان من المظليين", 2000),
        ("بعث ألفين من الجنود", 2000),
        ("نقلت الطائرات مئة مدرعة", 100),
        ("قرابة مائتين من الضباط", 200),
        ("وصل ثلاثمئة شرطي", 300),
        ("وصل ثلاثمائة شرطي", 300),
        ("أرسلت خمسة وعشرين ألفا", 25000),
        ("سترسل البلاد ثلاثة آلاف وخمسمئة جندي", 3500),
        ("القوة تضم 2.5 ألف مقاتل", 2500),
        ("بلغت الكلفة 1.5 مليون دولار", 1_500_000),
        ("تعداد القوة 3,600 فرد", 3600),
        ("تعداد القوة 3.600 فرد", 3600),
        ("تعداد القوة ٣٬٦٠٠ فرد", 3600),
        ("تعداد القوة 3 600 فرد", 3600),
        ("تعداد القوة ۳۶۰۰ فرد", 3600),
        ("قتل سبعة من المحتجين", 7),
        ("أصيب ثلاثون شخصا", 30),
        ("أصيب أحد عشر شرطيا", 11),
    ],
)
def test_each_form_gives_its_value(text, expected):
    assert values(text) == [expected]


def test_attached_waw_and_arabic_indic_digits():
    found = find_numbers("أرسلت 500 من مينسك، و٢٠٠ من دوشنبه")
    assert [m.value for m in found] == [500, 200]
    assert found[1].text == "٢٠٠"  # the attached و is not part of the figure


def test_offsets_index_the_text_as_given_even_with_diacritics():
    text = "قُتِلَ نحوَ ثلاثةِ آلافٍ وجُرِحَ ٤٠٠"
    for m in find_numbers(text):
        assert text[m.start : m.end] == m.text
    assert [m.value for m in find_numbers(text)] == [3000, 400]


@pytest.mark.parametrize(
    "text",
    [
        "أكثر من ألف شخص",
        "ما لا يقل عن 12 قتيلا",
        "نحو 400 مصاب",
        "حوالى 70 عسكريا",
        "حوالي 70 عسكريا",
        "قرابة 50 مدرعة",
        "زهاء 300 متظاهر",
        "ما يقرب من 200 جندي",
        "أزيد من 30 جريحا",
        "أقل من 10 طائرات",
        "عدد القتلى قد تجاوز 160",
        "بنحو 90 شخصا",
        "وصل 500 جندي تقريبا",
    ],
)
def test_qualifiers_make_a_figure_approximate(text):
    (m,) = find_numbers(text)
    assert m.approx and not m.vague


def test_a_bare_figure_is_exact():
    (m,) = find_numbers("قتل 12 شرطيا")
    assert (m.value, m.approx, m.vague) == (12, False, False)


@pytest.mark.parametrize(
    ("text", "value"),
    [("قتل عشرات المحتجين", 10), ("أصيب المئات", 100), ("خرج الآلاف إلى الشوارع", 1000),
     ("شارك آلاف الأشخاص", 1000), ("احتشد عشرات الآلاف", 10_000), ("مئات الآلاف من السكان", 100_000)],
)  # fmt: skip
def test_vague_multipliers(text, value):
    (m,) = find_numbers(text)
    assert (m.value, m.approx, m.vague) == (value, True, True)


def test_a_multiplier_after_a_figure_is_not_vague():
    (m,) = find_numbers("أكدت الوزارة وصول 7 آلاف عنصر")
    assert (m.value, m.vague) == (7000, False)


def test_ranges_and_lists_stay_separate_figures():
    assert values("بين 300 و400 جندي") == [300, 400]
    assert values("بين عامي 1992 و2002") == [1992, 2002]


def test_exclude_spans_report_nothing_inside():
    text = "في 6 يناير 2022 وصل 3000 جندي"
    date_span = (text.index("6"), text.index("2022") + 4)
    assert values(text, exclude=[date_span]) == [3000]
    assert values(text) == [6, 2022, 3000]


def test_a_forty_digit_run_is_no_figure_and_no_crash():
    assert find_numbers("الرقم " + "7" * 40 + " غريب") == []
    assert values("1234567890123 و 5") == [5]


def test_text_that_is_only_numbers():
    assert values("12 45 7") == [12, 45, 7]
    assert values("٣") == [3]
    assert find_numbers("") == []


def test_lastu_is_not_six():
    assert values("لست متأكدا") == []


def test_decimal_without_multiplier_is_no_count():
    assert values("ارتفع المؤشر 2.5 نقطة") == []


def test_parse_number():
    assert parse_number("3 آلاف") == 3000
    assert parse_number(" ٣٬٦٠٠ ") == 3600
    assert parse_number("و٢٠٠") == 200
    assert parse_number("ألف") == 1000
    assert parse_number("ثلاثمائة وخمسون") == 350
    assert parse_number("جنود") is None
    assert parse_number("3 جنود و4 ضباط") is None
    assert parse_number("") is None
