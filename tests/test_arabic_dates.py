"""Dates in Arabic news: absolute forms, year filling, relative resolution, datelines."""

from __future__ import annotations

from datetime import date

import pytest

from geo.arabic_dates import find_dates, infer_published

THU_6_JAN = date(2022, 1, 6)


def found(text, **kw):
    return [(m.text, m.value, m.precision, m.relative) for m in find_dates(text, **kw)]


def vals(text, **kw):
    return [m.value for m in find_dates(text, **kw)]


@pytest.mark.parametrize(
    ("text", "mention", "value", "precision"),
    [
        ("ولد الزعيم في 15 مايو/أيار 1992 بالعاصمة", "15 مايو/أيار 1992", "1992-05-15", "day"),
        ("صدر البيان ١٠ يناير ٢٠٢٢ صباحا", "١٠ يناير ٢٠٢٢", "2022-01-10", "day"),
        ("تأسست الهيئة في 3 آذار 2004", "3 آذار 2004", "2004-03-03", "day"),
        ("اندلع القتال في 12 تشرين الأول 2019", "12 تشرين الأول 2019", "2019-10-12", "day"),
        ("وقّع الاتفاق يوم 4 كانون الثاني/يناير 2021", "4 كانون الثاني/يناير 2021", "2021-01-04", "day"),
        ("وصل الوفد في 14 جانفي 2022", "14 جانفي 2022", "2022-01-14", "day"),
        ("جرت الانتخابات في 20 جوان 2021", "20 جوان 2021", "2021-06-20", "day"),
        ("الاجتماع المقرر في السادس من شهر يناير 2022", "السادس من شهر يناير 2022", "2022-01-06", "day"),
        ("تغيرت الحكومة نهاية أبريل/نيسان عام 2021", "أبريل/نيسان عام 2021", "2021-04", "month"),
        ("أحداث عنف في يونيو/حزيران لعام 2012", "يونيو/حزيران لعام 2012", "2012-06", "month"),
        ("وقعت الأزمة في ابريل 2016", "ابريل 2016", "2016-04", "month"),
        ("تأجلت القمة إلى أيلول 2023", "أيلول 2023", "2023-09", "month"),
        ("انضمت الدولة سنة 1994", "سنة 1994", "1994", "year"),
        ("استقال الرئيس عام 2019", "عام 2019", "2019", "year"),
        ("وفي 2010 اتفق الأعضاء", "2010", "2010", "year"),
        ("تعطل المشروع منذ 2011 بلا سبب", "2011", "2011", "year"),
        ("سجلت الشرطة الحادث بتاريخ 2/1/2022", "2/1/2022", "2022-01-02", "day"),
        ("نشر التقرير في 2022-01-07", "2022-01-07", "2022-01-07", "day"),
        ("الموعد ٠٨/٠١/٢٠٢٢ نهائي", "٠٨/٠١/٢٠٢٢", "2022-01-08", "day"),
    ],
)
def test_absolute_forms(text, mention, value, precision):
    assert found(text) == [(mention, value, precision, False)]


def test_offsets_index_the_text_as_given():
    text = "وقَعَت المواجهاتُ في ١٥ أيّار ٢٠٢١، ثم غداً تنتهي"
    for m in find_dates(text, published=date(2021, 5, 20)):
        assert text[m.start : m.end] == m.text


def test_month_with_attached_preposition():
    assert vals("تعود جذور الأزمة ليناير 2022") == ["2022-01"]
    assert vals("وبفبراير 2020 بدأت المفاوضات") == ["2020-02"]


def test_year_list_after_a_cue_or_joined_by_waw_gives_one_mention_per_year():
    assert found("شهد البلد انتفاضات 2005 و2010 و2020 متتالية") == [
        ("2005", "2005", "year", False),
        ("2010", "2010", "year", False),
        ("2020", "2020", "year", False),
    ]
    assert vals("تشكل التحالف بين عامي 1992 و2002") == ["1992", "2002"]


def test_a_bare_four_digit_number_is_no_year():
    assert find_dates("وصل 2015 عنصرا إلى المطار") == []


def test_a_count_after_a_weak_cue_is_no_year():
    assert find_dates("قد يصل عددهم حتى 2000 جندي") == []
    assert find_dates("بين 1950 و2010 جنود") == []


def test_years_outside_1900_2100_are_ignored():
    assert find_dates("في عام 3022 ستكون المدن مختلفة") == []
    assert find_dates("منذ 1850 كانت المنطقة") == []


def test_dates_that_do_not_exist_have_no_value_and_do_not_crash():
    assert found("جرى ذلك في 31 فبراير 2022") == [("31 فبراير 2022", None, "day", False)]
    assert found("الموعد 30/02/2022") == [("30/02/2022", None, "day", False)]
    assert found("بتاريخ 0 مارس 2020") == [("0 مارس 2020", None, "day", False)]


def test_a_date_without_year_takes_the_nearest_year_in_its_sentence():
    text = "في عام 2015 وتحديدا في 3 مارس وقعت الحادثة. وفي 9 مارس تكررت."
    assert vals(text) == ["2015", "2015-03-03", None]
    assert vals(text, default_year=2022) == ["2015", "2015-03-03", "2022-03-09"]


def test_a_date_without_year_then_takes_the_publication_year():
    assert vals("وصلت القوات في 6 يناير/كانون الثاني", published=date(2022, 1, 9)) == ["2022-01-06"]
    # a December date in a January article is last December
    assert vals("بدأت الأزمة في 28 ديسمبر", published=date(2022, 1, 9)) == ["2021-12-28"]


def test_month_without_year_keeps_month_precision():
    assert found("اندلعت الاحتجاجات مطلع يناير", default_year=2022) == [
        ("يناير", "2022-01", "month", False)
    ]
    assert found("اندلعت الاحتجاجات مطلع يناير") == [("يناير", None, "month", False)]


def test_a_bare_month_name_without_cue_is_not_a_date():
    assert find_dates("مارس الجيش ضغوطا كبيرة") == []


def test_last_year_resolves_against_publication():
    assert found("في العام الماضي اندلعت اشتباكات", published=THU_6_JAN) == [
        ("العام الماضي", "2021", "year", True)
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [("اندلعت المواجهات في الرابع من الشهر الجاري", "2022-01-04"),
     ("وصلت الطلائع يوم 28 من الشهر الماضي", "2021-12-28"),
     ("تبدأ المناورات في العاشر من الشهر المقبل", "2022-02-10"),
     ("أعلنت الحكومة في الثاني من هذا الشهر", "2022-01-02")],
)
def test_a_day_of_a_month_told_relative_to_publication(text, value):
    assert [m.value for m in find_dates(text, published=THU_6_JAN)] == [value]


@pytest.mark.parametrize(("text", "value"), [("استضافت دوشنبه قمتها الشهر الماضي", "2021-12"),
                                             ("تبدأ المناورات الشهر المقبل", "2022-02")])
def test_a_month_told_relative_to_publication(text, value):
    assert [(m.value, m.precision) for m in find_dates(text, published=THU_6_JAN)] == [(value, "month")]
    assert [m.value for m in find_dates(text)] == [None]


def test_the_same_month_is_the_month_told_before_it():
    text = "بدأت الاحتجاجات في 2 ديسمبر 2021. وفي الشهر نفسه انسحبت القوات."
    assert [m.value for m in find_dates(text, published=THU_6_JAN)] == ["2021-12-02", "2021-12"]


def test_a_day_of_the_current_month_without_publication_has_no_value():
    assert [m.value for m in find_dates("في الخامس من الشهر الجاري")] == [None]


@pytest.mark.parametrize("published", [None, THU_6_JAN])
def test_a_day_of_the_same_month_takes_the_month_told_before_it(published):
    text = ("اندلعت الأزمة في 20 ديسمبر 2021. وفي الثالث والعشرين من الشهر ذاته، أعلن البرلمان موقفه، "
            "وفي اليوم نفسه خرجت مسيرة.")
    assert [(m.text, m.value) for m in find_dates(text, published=published)][1:] == [
        ("الثالث والعشرين من الشهر ذاته", "2021-12-23"), ("اليوم نفسه", "2021-12-23")
    ]


def test_a_day_of_the_month_with_no_word_after_it_is_of_the_month_being_told():
    text = "اندلعت الاحتجاجات في الثاني من ديسمبر 2021، قبل أن تتحول إلى أعمال عنف مساء الرابع من الشهر."
    assert [m.value for m in find_dates(text, published=THU_6_JAN)] == ["2021-12-02", "2021-12-04"]


def test_a_day_of_the_same_month_with_no_month_told_takes_the_publication_month():
    assert [m.value for m in find_dates("وفي الخامس من الشهر نفسه", published=THU_6_JAN)] == ["2022-01-05"]


def test_the_next_day_counts_from_the_day_told_before():
    text = ("غادرت الوحدة الأولى الجمعة 14 يناير 2022، وتبعتها الثانية في اليوم التالي، "
            "والثالثة صباح اليوم التالي، وفي اليوم نفسه عادت الرابعة.")
    assert [(m.text, m.value) for m in find_dates(text)][-3:] == [
        ("اليوم التالي", "2022-01-15"), ("صباح اليوم التالي", "2022-01-16"), ("اليوم نفسه", "2022-01-16")
    ]


def test_the_following_year_counts_from_the_year_told_before():
    text = "وقعت المعاهدة عام 1992، ودخلت حيز التنفيذ في العام التالي، وفي السنة نفسها انضمت جورجيا."
    assert [(m.text, m.value) for m in find_dates(text)] == [
        ("عام 1992", "1992"), ("العام التالي", "1993"), ("السنة نفسها", "1993")
    ]
    assert [m.value for m in find_dates("وفي العام التالي انسحبت")] == [None]


def test_the_first_day_of_a_range_is_a_date_in_the_month_named_at_its_end():
    text = ("فرضت حالة الطوارئ من 5 إلى 19 يناير، وتستمر القيود من ٦ حتى ٢٠ يناير. "
            "وزار الوفد موسكو بين 10 و12 فبراير 2021.")
    found = [(m.text, m.value) for m in find_dates(text, published=date(2022, 1, 6))]
    assert found == [("5", "2022-01-05"), ("19 يناير", "2022-01-19"), ("٦", "2022-01-06"), ("٢٠ يناير", "2022-01-20"),
                     ("10", "2021-02-10"), ("12 فبراير 2021", "2021-02-12")]
    # a first day after the last is no range: nothing is made up
    assert [m.text for m in find_dates("من 28 إلى 3 مارس")] == ["3 مارس"]


def test_a_day_takes_the_year_told_relative_to_another_right_after_it():
    text = ("اندلعت المواجهات في يونيو 2010، بعد احتجاجات السابع من أبريل من العام نفسه. "
            "وقعت المعاهدة عام 1992 ودخلت حيز التنفيذ في 20 أبريل من العام التالي.")
    found = {m.text: m.value for m in find_dates(text, published=date(2020, 6, 11))}
    assert found["السابع من أبريل"] == "2010-04-07"  # not the publication's year
    assert found["20 أبريل"] == "1993-04-20"
    last_year = {m.text: m.value for m in find_dates("وفي 5 مارس من العام الماضي زار موسكو.",
                                                      published=date(2022, 1, 10))}
    assert last_year["5 مارس"] == "2021-03-05"


# ----------------------------------------------------------------------- relative


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("قال المتحدث يوم الأربعاء إن", "2022-01-05"),
        ("أعلن أمس الأربعاء أن", "2022-01-05"),
        ("أكد اليوم الخميس أن", "2022-01-06"),
        ("بدأت الاحتجاجات الأحد في المدينة", "2022-01-02"),
        ("ألقى خطابا الأربعاء الماضي", "2022-01-05"),
        ("يجتمع المجلس السبت المقبل", "2022-01-08"),
        ("اقتحموا المباني الليلة الماضية", "2022-01-06"),
        ("هدأت الأوضاع صباح اليوم", "2022-01-06"),
        ("وقعت اشتباكات مساء أمس", "2022-01-05"),
        ("وصلت الطائرات البارحة", "2022-01-05"),
        ("حدث ذلك أول أمس", "2022-01-04"),
        ("سيصل الوفد غدًا", "2022-01-07"),
        ("قتل عشرة ليلة الأربعاء-الخميس", "2022-01-06"),
        ("قتل عشرة ليلة الأربعاء إلى الخميس", "2022-01-06"),
        ("تظاهروا يوم الجمعة", "2021-12-31"),
        ("وصلوا الثلاثاء", "2022-01-04"),
    ],
)
def test_relative_dates_resolve_against_publication(text, value):
    (m,) = find_dates(text, published=THU_6_JAN)
    assert (m.value, m.precision, m.relative) == (value, "day", True)


def test_tomorrow_with_weekday():
    (m,) = find_dates("تعقد القمة يوم غد الثلاثاء", published=date(2022, 1, 10))
    assert (m.text, m.value) == ("يوم غد الثلاثاء", "2022-01-11")


def test_relative_day_words_without_publication_have_no_value():
    assert vals("قال المتحدث أمس إن الوضع هادئ") == [None]
    assert vals("قال المتحدث يوم الخميس إن الوضع هادئ") == [None]


def test_weekday_tied_to_an_absolute_date_in_the_text():
    text = "تتواصل الاحتجاجات منذ الأحد، بدءًا من 2 يناير 2022 في المدن الغربية"
    assert vals(text, published=date(2022, 1, 9)) == ["2022-01-02", "2022-01-02"]
    assert vals(text) == ["2022-01-02", "2022-01-02"]


def test_weekdays_anchor_on_the_beginning_of_the_month_without_publication():
    text = (
        "اندلعت الاحتجاجات بداية شهر يناير. وتشهد البلاد منذ الأحد مظاهرات. "
        "وأعلنت المنظمة الخميس إرسال قوات، بعد مواجهات ليلة الأربعاء-الخميس."
    )
    rel = [(m.text, m.value) for m in find_dates(text, default_year=2022) if m.relative]
    assert rel == [
        ("الأحد", "2022-01-02"),
        ("الخميس", "2022-01-06"),
        ("ليلة الأربعاء-الخميس", "2022-01-06"),
    ]


def test_weekday_without_exact_anchor_takes_the_first_such_day_after_recent_dates():
    text = "وصلت القوات في 6 يناير 2022، ثم انسحبت يوم الاثنين."
    assert vals(text) == ["2022-01-06", "2022-01-10"]


def test_weekday_next_to_a_full_date_takes_that_date():
    assert vals("يعقد الاجتماع الخميس 13 يناير 2022", published=THU_6_JAN) == ["2022-01-13", "2022-01-13"]


def test_words_that_only_look_relative():
    # "the next day" is not today: with no day told before it, it has no value
    assert [m.value for m in find_dates("في اليوم التالي عاد الهدوء", published=THU_6_JAN)] == [None]
    assert find_dates("اتفق الاثنين على التهدئة", published=THU_6_JAN) == []
    assert find_dates("غدا الوضع أكثر توترا", published=THU_6_JAN) == []


# ----------------------------------------------------------------------- datelines


def test_infer_published_from_a_dateline_near_the_top():
    text = "عنوان الخبر\n\n١٠ يناير ٢٠٢٢\n\nنص الخبر هنا.\nسطر\nسطر\nسطر"
    assert infer_published(text) == date(2022, 1, 10)
    assert infer_published("عنوان\n06/01/2022\nنص\nسطر\nسطر\nسطر") == date(2022, 1, 6)
    assert infer_published("عنوان\nالخميس 6 يناير 2022 - 10:45\nنص\nسطر\nسطر\nسطر") == date(2022, 1, 6)


def test_infer_published_from_today_with_weekday_and_full_date_in_the_body():
    text = "عنوان\nقال الرئيس اليوم الاثنين 10 يناير/كانون الثاني 2022 إن الأزمة انتهت.\nسطر\nسطر\nسطر"
    assert infer_published(text) == date(2022, 1, 10)


@pytest.mark.parametrize(
    "text",
    [
        "عنوان\nآخر تحديث: 06/01/2022\nنص\nسطر\nسطر\nسطر",
        "عنوان\nUpdated 06/01/2022\nنص\nسطر\nسطر\nسطر",
        "عنوان\nنص يذكر أن الاتفاق وقع في 6 يناير 2022 بالعاصمة\nسطر\nسطر\nسطر",
        "عنوان\nنص\nسطر\nسطر\nسطر\nسطر\nسطر\nنشر في 06/01/2022",
        "عنوان\nنص\nسطر\nسطر\nسطر\nسطر\n© 2022 جميع الحقوق محفوظة",
        "عنوان\nنص\nسطر\nسطر\nسطر\nسطر\nسطر\nقال اليوم الخميس 6 يناير 2022 إن",
        "عنوان\nمايو 2021\nنص\nسطر\nسطر\nسطر",
        "",
    ],
)
def test_infer_published_ignores_page_furniture_and_partial_dates(text):
    assert infer_published(text) is None


# ----------------------------------------------------------------------- where the scan looks

# Sentences written for this test: every pattern branch, lead words spread over long
# whitespace runs and line breaks, keys glued to their prefixes, spelling variants,
# diacritics and tatweel, and look-alikes that must stay undated.
_SCAN_CASES = [
    "ولد الزعيم في 15 مايو/أيار 1992 بالعاصمة، وتوفي في 2010-03-04.",
    "السادس      من \n\n شهر   يناير 2022 كان يوما طويلا",
    "جرى ذلك في الحادي     والعشرين\nمن\tشهر كانون     الثاني عام 2021",
    "منذ\n\n\n\n\n\n\n\n\n\nمطلع الشهر يناير الجاري تتوالى الأحداث",
    "بين عامي 1992 و2002، ثم في            2005 و2010 و2020",
    "وصباح    يوم      الخميس الماضي، ومنتصف ليلة الأربعاء-الخميس، وفجر أول   من   أمس",
    "ليناير 2022 ووبفبراير 2020 وبالأمس والبارحة وبعد     غد وغداً والغد",
    "العامَ الماضي وللسنة المقبلة وفي السنة الجارية، ٦/١/٢٠٢٢ و۲۰۲۲/۱/۶",
    "١٠ يناير ٢٠٢٢ ثم الجمعة والجمعه، وأواخر أبريل/نيسان عام 2021 ونهاية شهر مارس",
    "بدأت الـــمــظــاهــرات يوم الأحد الثاني من يناير وفي تشرين الثاني 2019",
    "حتى 2000 جندي وصلوا بين 2000 و3000 عسكري، وأحد الضباط قال إن واحد فقط",
    "2022 في أول سطر، ثم السنة 1994",
    "في أوت 2021 وخلال جويلية وجويلة، ثم 14 جانفي وفيفري وأفريل وماي وجوان",
    "في أيلول وتموز وحزيران وشباط وآذار وكانون أول وتشرين ثاني، ويونية ويولية",
    "أمس",
    "",
    "مارس الضغط، آب إلى رشده، اثنين من الجنود، الأحدث، كانونيا",
    "في الخامس   من \n هذا الشهر و١٣ من الشهر الماضي، والسادس من شهر أشهر، وفي العام التالي",
    "وفي اليوم التالي وصباح اليوم نفسه وللیوم ذاته، واليوم السابق",
]


@pytest.mark.parametrize("text", _SCAN_CASES)
def test_scanning_only_near_keys_finds_what_a_full_scan_finds(text):
    from geo.arabic_dates import _master_re, _matches
    from geo.numbers import fold_text

    s = " " + fold_text(text).text
    full = [(m.start(), m.end(), m.lastgroup) for m in _master_re().finditer(s)]
    assert [(m.start(), m.end(), m.lastgroup) for m in _matches(s)] == full


def test_lead_words_far_from_the_month_still_count():
    text = "السادس      من \n\n شهر   يناير 2022 كان يوما طويلا"
    assert [m.value for m in find_dates(text)] == ["2022-01-06"]


def test_today_in_body_with_diacritics_around_it():
    text = "عنوانٌ مُهِمّ\nقالَ الرئيسُ اليومَ الخميسَ، 6 يناير 2022 إنّ\u200f الأزمةَ انتهت\nسطر\nسطر\nسطر"
    assert infer_published(text) == date(2022, 1, 6)


def test_dropped_before_counts_folded_away_characters_up_to_any_offset():
    from geo.arabic_dates import _dropped_before
    from geo.numbers import fold_text

    text = "قالَ ـالرئيسُّ\u200f اليومَ"
    folded = fold_text(text)
    dropped = "\u064e\u064f\u0651\u0640\u200f"
    for end in range(len(text) + 1):
        assert _dropped_before(folded, end) == sum(c in dropped for c in text[:end])


def test_a_yearless_date_does_not_borrow_the_year_of_a_later_unrelated_date():
    text = "وفي 11 يناير، عقد الوزراء اجتماعا هو الأول منذ أن أعلنت قمة إسطنبول في نوفمبر 2021 تحويل المجلس إلى منظمة."
    assert [m.value for m in find_dates(text, default_year=2022)] == ["2022-01-11", "2021-11"]


def test_a_yearless_date_listed_before_a_dated_one_shares_its_year():
    assert [m.value for m in find_dates("وقعت الاشتباكات في 14 سبتمبر و16 سبتمبر 2021.", default_year=2022)] == [
        "2021-09-14", "2021-09-16"
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [("ثم امتدت الاثنين إلى آكتاو.", "2022-01-03"),  # Monday, right after a past verb
     ("وقتلت الشرطة الاثنين بعد مطاردة.", None)],  # "the two"
)
def test_a_bare_monday_right_after_a_past_verb(text, value):
    days = [m.value for m in find_dates(text, published=THU_6_JAN) if m.text == "الاثنين"]
    assert days == ([value] if value else [])


def test_a_day_of_the_month_just_told_takes_its_year_and_minhu_is_that_month():
    # a retrospective published a year later: the withdrawal is January 2022, not 2023
    text = ("ففي السادس من كانون الثاني 2022 بدأت طلائع القوة بالوصول. "
            "ولم تمكث طويلاً، إذ انطلق الانسحاب في 13 كانون الثاني، واكتملت مغادرة آخر الجنود في 19 منه.")
    found = {m.text: m.value for m in find_dates(text, published=date(2023, 1, 6))}
    assert found["13 كانون الثاني"] == "2022-01-13"
    assert found["19 منه"] == "2022-01-19"
    # with no such date told before, a yearless day is the publication's year
    assert [m.value for m in find_dates("انطلق الانسحاب في 13 كانون الثاني.", published=date(2023, 1, 20))] == [
        "2023-01-13"]


def test_a_day_still_to_come_in_the_publication_year_is_history_when_that_month_of_a_past_year_was_told():
    text = ("فجر الحادي عشر من يونيو 2010 تحولت مشاجرة في أوش إلى مواجهات.\n\n"
            "وفي الرابع عشر من يونيو اجتمع أمناء مجالس الأمن في موسكو.")
    found = {m.text: m.value for m in find_dates(text, published=date(2020, 6, 11))}
    assert found["الرابع عشر من يونيو"] == "2010-06-14"
    # with no such month told, a day a little after publication keeps the publication's year
    assert [m.value for m in find_dates("وفي الرابع عشر من يونيو يجتمع الأمناء.", published=date(2020, 6, 11))] == [
        "2020-06-14"]
