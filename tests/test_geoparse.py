"""The geoparser on sentences written for these tests (not the seeds): what it finds, what it
leaves alone, and where its offsets point."""

from __future__ import annotations

import pytest

ALMATY, AKTAU, AKTOBE, ASTANA, ZHANAOZEN = 1526384, 610612, 610611, 1526273, 607610


@pytest.fixture(scope="module")
def parser():
    from geo.gazetteer import get_index
    from geo.geoparse import Geoparser

    return Geoparser(get_index())


def parse(parser, text):
    places, mentions = parser.parse(text)
    for m in mentions:
        assert text[m.start : m.end] == m.surface, f"offsets {m.start}:{m.end} do not point at {m.surface!r}"
    return places, mentions


def found(parser, text) -> list[tuple[str, str | None, int | None]]:
    """(kind, iso2, geonameid) of every mention, in text order."""
    _, mentions = parse(parser, text)
    return [(m.place.kind, m.place.iso2, m.place.geonameid) for m in mentions]


def countries(parser, text) -> set[str]:
    _, mentions = parse(parser, text)
    return {m.place.iso2 for m in mentions if m.place.kind == "country"}


def geonameids(parser, text) -> list[int | None]:
    return [g for _, _, g in found(parser, text)]


# -- clitics in front of names ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso2"),
    [
        ("وبيلاروسيا أعلنت استعدادها للمشاركة في المهمة.", "BY"),
        ("وصلت أول طائرة عسكرية لكازاخستان فجر السبت.", "KZ"),
        ("انتشر الجنود بكازاخستان لحماية المنشآت.", "KZ"),
        ("فأرمينيا تترأس المنظمة هذا العام.", "AM"),
        ("ولقيرغيزستان تجربة مع الاحتجاجات.", "KG"),
    ],
)
def test_conjunctions_and_prepositions_attached_to_a_state_name(parser, text, iso2):
    assert countries(parser, text) == {iso2}


@pytest.mark.parametrize("capital_cue", ["العاصمة", "والعاصمة", "للعاصمة", "بالعاصمة"])
def test_the_capital_cue_with_clitics_before_a_city_name(parser, capital_cue):
    assert geonameids(parser, f"عاد الهدوء نسبيا {capital_cue} نور سلطان مساء الجمعة.") == [ASTANA]


@pytest.mark.parametrize("prefix", ["", "و", "ب", "ل"])
def test_city_name_with_a_clitic_keeps_the_clitic_out_of_the_surface(parser, prefix):
    text = f"قال شهود إن قوات الأمن انتشرت {prefix}ألماتي بعد منتصف الليل."
    _, mentions = parse(parser, text)
    assert [(m.place.geonameid, m.surface) for m in mentions] == [(ALMATY, "ألماتي")]


# -- multi-word names, longest first -----------------------------------------------------


def test_belarus_in_two_words_is_not_russia(parser):
    assert countries(parser, "شاركت روسيا البيضاء بكتيبة صغيرة في القوة المشتركة.") == {"BY"}


def test_nagorno_karabakh_is_one_region(parser):
    _, mentions = parse(parser, "ذكّر المحلل بحرب ناغورنو كاراباخ التي لم تتدخل فيها المنظمة.")
    assert [(m.surface, m.place.kind) for m in mentions] == [("ناغورنو كاراباخ", "region")]


@pytest.mark.parametrize("cue", ["إقليم", "منطقة"])
def test_region_cue_makes_almaty_the_region(parser, cue):
    _, mentions = parse(parser, f"فرضت السلطات حظر التجول في {cue} ألماتي كلها.")
    assert len(mentions) == 1
    m = mentions[0]
    assert (m.place.kind, m.place.iso2, m.surface) == ("region", "KZ", f"{cue} ألماتي")
    assert "Almaty" in m.place.name


def test_bare_almaty_is_the_city_and_the_region_stays_distinct(parser):
    text = "تقع ألماتي في جنوب شرق البلاد، أما إقليم ألماتي فيحيط بها من كل الجهات."
    kinds = [(k, g) for k, _, g in found(parser, text)]
    assert kinds == [("city", ALMATY), ("region", None)]


# -- adjectives of states ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("adjective", "iso2"),
    [
        ("الروسية", "RU"),
        ("الكازاخي", "KZ"),
        ("البيلاروسية", "BY"),
        ("القيرغيزي", "KG"),
        ("الطاجيكستاني", "TJ"),
        ("الأرمنية", "AM"),
        # beyond the region: a Swiss city, a Finnish envoy
        ("السويسرية", "CH"),
        ("الفنلندي", "FI"),
    ],
)
def test_a_nisba_adjective_names_its_state(parser, adjective, iso2):
    _, mentions = parse(parser, f"أكد المسؤول {adjective} أن التنسيق مستمر.")
    assert [(m.place.kind, m.place.iso2, m.surface, m.via) for m in mentions] == [
        ("country", iso2, adjective, "adjective")
    ]


def test_adjective_inflections_and_attached_clitics(parser):
    text = "وبالقوات الروسية انضم جنود بيلاروسيون والمسؤولون القيرغيزيون."
    assert countries(parser, text) == {"RU", "BY", "KG"}


@pytest.mark.parametrize(
    "text",
    [
        "قال الخبير إن النظام المالي صامد رغم الأزمة.",
        "أعلن وزير المالية عن دعم المالي للمتضررين.",
        "ارتفع العجز المالي في الربع الأخير من العام.",
    ],
)
def test_financial_is_not_mali(parser, text):
    assert found(parser, text) == []


@pytest.mark.xfail(
    reason="recall gap: Mali named on its own after a preposition (في مالي / من مالي) is dropped "
    "because مالي is also 'my money' / 'financial'; only جمهورية مالي is curated",
    strict=True,
)
def test_mali_after_a_preposition_with_a_military_context(parser):
    assert countries(parser, "انسحبت القوات الفرنسية من مالي بعد تسع سنوات.") == {"FR", "ML"}


# -- people named after places ---------------------------------------------------------------


def test_full_name_of_the_former_president_is_not_the_capital(parser):
    assert geonameids(parser, "ظهر نور سلطان نزارباييف في تسجيل مصور قصير.") == []


def test_former_president_by_title_is_not_the_capital(parser):
    assert geonameids(parser, "وقال الرئيس السابق نور سلطان إن البلاد ستتجاوز المحنة.") == []


def test_title_word_that_folds_the_same_already_protects(parser):
    assert geonameids(parser, "أشاد الزعيم نور سلطان بدور الجيش.") == []


def test_the_capital_cue_makes_nur_sultan_the_city(parser):
    assert geonameids(parser, "هبطت الطائرة في العاصمة نور سلطان قرابة الظهر.") == [ASTANA]


def test_one_article_can_have_both_the_person_and_the_city(parser):
    text = "غادر نور سلطان نزارباييف المشهد. وفي العاصمة نور سلطان أغلقت المتاجر."
    _, mentions = parse(parser, text)
    assert [(m.place.geonameid, m.start) for m in mentions] == [(ASTANA, text.index("نور سلطان أغلقت"))]


# -- ordinary words -----------------------------------------------------------------------------

EVERYDAY = (
    "قالت الحكومة إن البلاد تمر بمرحلة صعبة، وإن الحي الذي شهد الحركة الاحتجاجية كان هادئا طوال "
    "سنة كاملة قبل أن تكشف الدولة هوية المسؤولين عن أعمال الشغب في المدينة والعاصمة. وأضاف المتحدث أن "
    "دولة جارة عرضت المساعدة، وأن الأمن عاد إلى الشوارع، وأن الشعب يريد السلام. وكشف مصدر مطلع أن "
    "القوات الخاصة انتشرت في المركز التجاري وفي الميدان الرئيسي، وأن النيابة العامة فتحت تحقيقا، "
    "وأن الأسعار ارتفعت مع بداية العام الجديد ما أثار غضب السكان في الريف والقرى وكل مدينة وكل حي."
)


def test_everyday_political_arabic_names_no_place(parser):
    places, mentions = parse(parser, EVERYDAY)
    assert [(m.surface, m.place.name) for m in mentions] == []
    assert places == []


TURKISTAN, KYZYLORDA, SHYMKENT = 1517945, 1519922, 1518980


@pytest.mark.parametrize(
    "text",
    [
        "انتقلت المظاهرات إلى مدن قزل أوردا وتركستان وشيمكنت.",
        "انتقلت المظاهرات إلى مدن قزل أوردا، تركستان، وشيمكنت.",
        "انتقلت المظاهرات إلى مدينتي قزل أوردا وتركستان ثم إلى شيمكنت.",
    ],
)
def test_a_plural_city_cue_covers_every_name_of_its_list(parser, text):
    # تركستان alone is the historical region; as one of "the cities" it is the city
    assert geonameids(parser, text) == [KYZYLORDA, TURKISTAN, SHYMKENT]


TARAZ = 1516905


def test_a_name_listed_after_a_city_is_read_as_a_city(parser):
    # bare طراز is the everyday word "style"; beside Shymkent it is the city
    assert geonameids(parser, "عمت الإضرابات شيمكنت وطراز وقزل أوردا.") == [SHYMKENT, TARAZ, KYZYLORDA]
    assert geonameids(parser, "طائرة من طراز إيليوشن.") == []


def test_a_large_city_of_the_articles_state_right_after_in_is_the_city(parser):
    # "in Taraz" in an article about Kazakhstan; "of the type" and a state not in focus are not
    assert geonameids(parser, "تتواصل الاحتجاجات في كازاخستان. وفي طراز اقتحم محتجون مبنى البلدية.")[1:] == [TARAZ]
    assert geonameids(parser, "تتواصل الاحتجاجات في كازاخستان. ووصلت طائرات من طراز إيليوشن.")[1:] == []
    assert geonameids(parser, "عرضت الشركة سيارتها في طراز جديد.") == []


@pytest.mark.parametrize(
    "text",
    ["أستانا – وكالات\nأعلن الرئيس حالة الطوارئ.", "وصلت المظاهرات إلى جاناوزن، البلدة النفطية في الغرب."],
)
def test_only_a_bare_or_conjoined_word_continues_a_list_of_cities(parser, text):
    # وكالات is و + ك + الات, and البلدة is "the town": neither is a listed city
    assert all(kind == "city" and iso2 == "KZ" for kind, iso2, _ in found(parser, text))
    assert len(found(parser, text)) == 1


def test_a_name_outside_the_cued_list_keeps_its_own_reading(parser):
    _, mentions = parse(parser, "زار الوفد مدن قزل أوردا وشيمكنت، ثم تحدث عن تاريخ تركستان.")
    assert [m.place.kind for m in mentions] == ["city", "city", "other"]


def test_cue_words_alone_name_no_place(parser):
    assert found(parser, "وصل الوفد إلى العاصمة ثم زار المدينة والمطار والإقليم.") == []


# -- Latin script inside Arabic text -------------------------------------------------------------


def test_latin_names_and_hashtags_resolve(parser):
    text = "انتشرت مقاطع من Zhanaozen ثم من Aktau وتحت وسم #Aktobe خلال الليل."
    assert geonameids(parser, text) == [ZHANAOZEN, AKTAU, AKTOBE]


def test_latin_name_inside_a_longer_latin_word_is_not_a_match(parser):
    assert geonameids(parser, "نشر حساب AktauNews صورا جديدة.") == []


# -- the airport -------------------------------------------------------------------------------------


def test_the_airport_takes_the_city_of_its_sentence(parser):
    text = "سيطر المحتجون على المطار في مدينة أكتاو قبل أن تستعيده القوات."
    _, mentions = parse(parser, text)
    airport = [m for m in mentions if m.place.kind == "facility"]
    assert len(airport) == 1
    assert airport[0].surface == "مطار" and airport[0].place.parent_key == f"gn:{AKTAU}"
    assert "Aktau" in airport[0].place.name
    assert AKTAU in [m.place.geonameid for m in mentions]


def test_the_airport_without_a_city_in_its_sentence_is_no_place(parser):
    text = "هدأت الأوضاع في أكتاو. وفي اليوم التالي أعيد فتح المطار أمام الرحلات."
    assert [k for k, _, _ in found(parser, text)] == ["city"]


# -- regions, towns and bases of the member states ------------------------------------------------

YEREVAN, GORIS, JERMUK, NARYN, BAIKONUR, RIDDER = 616052, 174895, 174884, 1527592, 1521368, 1521370


def test_an_armenian_province_and_a_town_in_it(parser):
    text = "أفادت يريفان بسقوط قذائف في محافظة سيونيك، وتضررت منازل في غوريس."
    _, mentions = parse(parser, text)
    assert [(m.surface, m.place.kind, m.place.iso2, m.place.geonameid) for m in mentions] == [
        ("يريفان", "city", "AM", YEREVAN),
        ("محافظة سيونيك", "region", "AM", None),
        ("غوريس", "city", "AM", GORIS),
    ]
    assert "Syunik" in mentions[1].place.name


def test_a_small_town_with_a_curated_name_needs_no_cue(parser):
    # GeoNames alone would drop a town of 4,000 named bare; the curated spelling keeps it
    assert found(parser, "سقطت قذائف على أطراف جيرموك ليلا.") == [("city", "AM", JERMUK)]


def test_a_region_named_after_its_city_needs_its_cue(parser):
    text = "تظاهر السكان في نارين ثم في أنحاء مقاطعة نارين."
    _, mentions = parse(parser, text)
    assert [(m.surface, m.place.kind, m.place.geonameid) for m in mentions] == [
        ("نارين", "city", NARYN),
        ("مقاطعة نارين", "region", None),
    ]


def test_baikonur_is_the_kazakh_town_not_ridder(parser):
    assert found(parser, "عاد رواد الفضاء إلى بايكونور مساء أمس.") == [("city", "KZ", BAIKONUR)]
    assert RIDDER not in geonameids(parser, "عاد رواد الفضاء إلى بايكونور مساء أمس.")


def test_the_cosmodrome_is_a_facility(parser):
    _, mentions = parse(parser, "انطلق الصاروخ من قاعدة بايكونور الفضائية فجرا.")
    assert [(m.surface, m.place.kind, m.place.iso2) for m in mentions] == [
        ("قاعدة بايكونور الفضائية", "facility", "KZ")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "نقلت وكالة فرانس برس عن شهود عيان أن الشوارع خلت من المارة.",
        "وقال مصدر أمني لفرانس برس إن التحقيق مستمر.",
        "وبثت قناة فرانس 24 مشاهد من الاحتجاجات.",
    ],
)
def test_france_in_a_media_name_is_not_reims(parser, text):
    assert found(parser, text) == []


def test_the_months_are_not_alasehir_even_beside_turkey(parser):
    assert [kind for kind, _, _ in found(parser, "أكدت تركيا أن صادراتها تضاعفت في الأشهر الأخيرة.")] == ["country"]


@pytest.mark.parametrize("name", ["قاعدة كانط الجوية", "قاعدة كانت الجوية"])
def test_kant_air_base_is_a_facility(parser, name):
    _, mentions = parse(parser, f"تتمركز طائرات روسية في {name} منذ عام 2003.")
    facility = [m for m in mentions if m.place.kind == "facility"]
    assert [(m.surface, m.place.iso2, m.place.name) for m in facility] == [(name, "KG", "Kant Air Base")]


def test_the_verb_was_is_not_kant(parser):
    assert found(parser, "كانت القاعدة خالية، وكانت الطائرات قد غادرت قبل أن يكتب الفيلسوف كانط.") == []


# -- offsets -----------------------------------------------------------------------------------------


def test_offsets_point_into_the_text_as_given_with_diacritics_and_tatweel(parser):
    text = "أَعْلَنَتْ رُوسْيَا إِرْسَالَ قُوّاتٍ إلى كـــازاخستان، وَوَصَلَتْ طَلائِعُهَا إلى أَلْمَاتِي."
    _, mentions = parse(parser, text)
    assert [m.surface for m in mentions] == ["رُوسْيَا", "كـــازاخستان", "أَلْمَاتِي"]
    assert [m.place.iso2 for m in mentions] == ["RU", "KZ", "KZ"]


def test_offsets_survive_arabic_indic_digits_and_bidi_marks(parser):
    text = "\u200fفي ٦ يناير ٢٠٢٢\u200f خرج سكان أكتاو إلى الشوارع."
    _, mentions = parse(parser, text)
    assert [(m.surface, m.start) for m in mentions] == [("أكتاو", text.index("أكتاو"))]


def test_offsets_after_a_turkish_dotted_capital_i(parser):
    text = "وصل وفد من İzmir إلى ألماتي."
    _, mentions = parse(parser, text)
    assert [m.surface for m in mentions] == ["İzmir", "ألماتي"]
    assert all(text[m.start : m.end] == m.surface for m in mentions)


def test_places_list_each_entity_once_with_every_surface(parser):
    text = "في ألما آتا، التي تسمى اليوم ألماتي، عادت الحياة. وفي ألماتي فتحت المتاجر."
    places, mentions = parse(parser, text)
    assert len(mentions) == 3
    assert [(p.place.geonameid, p.surfaces) for p in places] == [(ALMATY, ("ألما آتا", "ألماتي"))]
    assert 0 < places[0].confidence <= 1


def test_offsets_count_code_points_across_emoji_and_crlf(parser):
    text = "قال 😀 مسؤول\r\nفي ألماتي 🇰🇿 إن موسكو هادئة."
    _, mentions = parse(parser, text)
    assert [(m.surface, m.start) for m in mentions] == [
        ("ألماتي", text.index("ألماتي")),
        ("موسكو", text.index("موسكو")),
    ]


def test_a_saved_index_loads_back_with_the_same_readings(parser, tmp_path):
    from geo.gazetteer.index import load, save

    index = parser.index
    path = tmp_path / "index.pickle"
    save(index, path)
    again = load(path)
    assert again.places == index.places
    assert again.entries == index.entries
    almaty = next(k for k, p in index.places.items() if p.geonameid == ALMATY)
    assert again.places[almaty].name == "Almaty" and again.places[almaty].lat == index.places[almaty].lat
    # and the loaded index still resolves names
    from geo.geoparse import Geoparser

    places, _ = Geoparser(again).parse("وصلت القوات إلى ألماتي")
    assert [p.place.name for p in places] == ["Almaty"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("انعقدت قمة منظمة شنغهاي للتعاون هذا العام.", []),
     ("ناقش الوزراء دور مجموعة مينسك في التسوية.", []),
     ("وتأسست المنظمة في شنغهاي قبل عقدين.", [1796236])],
)
def test_a_city_that_names_an_organisation_is_no_place(parser, text, expected):
    assert geonameids(parser, text) == expected


def test_bishkeks_central_square_and_a_tremor(parser):
    assert [(k, iso) for k, iso, _ in found(parser, "تجمع المحتجون في ساحة ألا تو وسط بيشكيك.")] == [
        ("landmark", "KG"), ("city", "KG")
    ]
    assert found(parser, "ضربت هزة أرضية المنطقة.") == []


@pytest.mark.parametrize(
    "text",
    ["اندلعت الاحتجاجات في إقليم مانجيستاو.", "وصلت الحشود إلى مدينة كاراجندا."],
)
def test_egyptian_spellings_with_jim_for_the_hard_g(parser, text):
    assert [k for k, iso, _ in found(parser, text) if iso == "KZ"] != []


def test_ethnonym_plurals_name_their_state(parser):
    assert countries(parser, "وغادر الأرمن والطاجيك ألماتي.") >= {"AM", "TJ"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("وعقدت القمة في إسطنبول الشهر الماضي.", [745044]),
     ("وقال المندوب الروسي في نيويورك إن المهمة انتهت.", [("country", "RU"), 5128581]),
     # a CLDR name that is an ordinary word of a city under two million stays a word
     ("وصلت سمراء إلى المدرسة.", []),
     # a city named like its state is the state
     ("وأعلنت الجزائر موقفها.", [("country", "DZ")])],
)
def test_large_cities_by_their_cldr_arabic_name(parser, text, expected):
    got = [(k, iso) if k == "country" else g for k, iso, g in found(parser, text)]
    assert got == expected


def test_a_region_no_town_is_named_after_needs_no_cue(parser):
    _, mentions = parse(parser, "خفضت الحكومة سعر الغاز في مانغيستاو إلى 50 تنغي.")
    assert [(m.surface, m.place.kind, m.place.name) for m in mentions] == [
        ("مانغيستاو", "region", "Mangystau Region")
    ]


def test_an_airline_named_after_a_city_is_not_the_city(parser):
    _, mentions = parse(parser, "علّقت شركتا «إير أستانا» و«فلاي دبي» رحلاتهما إلى ألماتي.")
    assert [m.place.name for m in mentions] == ["Almaty"]


@pytest.mark.parametrize(
    "text",
    ['واتجهت أوزبكستان إلى تكتل "غوام" الذي نظرت إليه موسكو بعين الريبة.',  # a bloc
     "ونشرت القوات دوريات بنصف قطر 20 كيلومترا حول المطار."],  # a radius
)
def test_a_bloc_or_a_measure_named_like_a_state_is_no_state(parser, text):
    _, mentions = parse(parser, text)
    assert not any(m.place.iso2 in ("GU", "QA") for m in mentions)


def test_a_word_starting_with_kaf_is_no_town_after_like(parser):
    # كبيراً is an adjective, not ك ("like") + Beira
    assert geonameids(parser, "تزود جزءاً كبيراً من ألماتي بالطاقة.") == [ALMATY]


def test_the_airlifts_bases_and_the_oil_field_are_places(parser):
    found = {p.place.name for p in parser.parse(
        "أقلعت الطائرات من قاعدة ماتشوليشي الجوية، وأضرب العمال في حقل تنغيز في إقليم غرب كازاخستان.")[0]}
    assert {"Machulishchy Air Base", "Tengiz oil field", "West Kazakhstan Region"} <= found
