"""Arabic normalisation: what folds to what, and offsets that survive folding."""

from __future__ import annotations

import pytest

from geo.normalize import GAP, clitic_prefixes, fold, has_arabic, is_arabic_spelling, key, to_ascii_digits


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("مُوسْكُو", "موسكو"),  # short vowels and sukun
        ("قُوّاتٍ", "قوات"),  # shadda and tanwin
        ("كـــازاخستان", "كازاخستان"),  # tatweel
        ("هٰذا", "هذا"),  # superscript alef
    ],
)
def test_diacritics_and_tatweel_do_not_change_the_key(written, plain):
    assert key(written) == key(plain)


@pytest.mark.parametrize("alef", ["أ", "إ", "آ", "ٱ"])
def test_hamza_and_madda_forms_of_alef_fold_to_bare_alef(alef):
    assert key(alef + "ستانا") == key("استانا")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("العاصمة", "العاصمه"),  # taa marbuta / haa
        ("بخارى", "بخاري"),  # alef maqsura / yaa
        ("الرئيس", "الرييس"),  # yaa with hamza
        ("مؤتمر", "موتمر"),  # waw with hamza
    ],
)
def test_letter_variants_share_a_key(one, other):
    assert key(one) == key(other)


def test_arabic_indic_and_persian_digits_become_ascii():
    assert key("٢٠٢٢") == "2022"
    assert key("۲۰۲۲") == "2022"
    assert to_ascii_digits("في ٦ يناير") == "في 6 يناير"


def test_key_joins_words_with_single_spaces_and_drops_punctuation():
    assert key("  ألما-آتا ") == "الما اتا"
    assert key("#Aktobe") == "aktobe"
    assert key("نور – سلطان،") == "نور سلطان"


def test_latin_is_lower_cased():
    assert key("ZHANAOZEN") == key("Zhanaozen") == "zhanaozen"


@pytest.mark.parametrize(
    "text",
    [
        "أَعْلَنَتْ رُوسْيَا إرسال قُوّاتٍ إلى كـــازاخستان يوم ٦ يناير",
        "Aktau, AKTOBE; ألما-آتا — #Zhanaozen",
        "\u200fقال\u00a0مسؤول\u200c",
    ],
)
def test_fold_keeps_every_offset(text):
    folded = fold(text)
    assert len(folded) == len(text)
    for i, ch in enumerate(text):
        assert len(fold(ch)) == 1
        assert folded[i] == fold(ch)


def test_fold_keeps_length_with_turkish_dotted_capital_i():
    assert len(fold("İzmir ثم ألماتي")) == len("İzmir ثم ألماتي")


def test_deleted_characters_fold_to_the_gap_not_to_nothing():
    assert fold("قُوّة") == "ق" + GAP + "و" + GAP + "ه"


@pytest.mark.parametrize(
    "prefix",
    ["و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "وبال", "فال", "لل", "وب", "ول", "فل", "وك", "ولل", "فلل"],
)
def test_clitic_prefixes_cover_conjunction_preposition_article(prefix):
    assert prefix in clitic_prefixes()


@pytest.mark.parametrize("not_a_prefix", ["لال", "وو", "بب", "الو", "ي"])
def test_clitic_prefixes_refuse_impossible_orders(not_a_prefix):
    assert not_a_prefix not in clitic_prefixes()


def test_arabic_spelling_excludes_persian_letters_and_latin():
    assert is_arabic_spelling("ألماتي")
    assert not is_arabic_spelling("آلماتی")  # farsi yeh
    assert not is_arabic_spelling("ألماتي Almaty")
    assert has_arabic("Almaty ألماتي") and not has_arabic("Almaty 2022")


def test_long_texts_fold_exactly_like_short_ones():
    """fold() switches to a vectorised table for long texts; the result must not change."""
    from geo.normalize import _TABLE

    pieces = ["ألما-آتا", "كازاخستانَ", "١٠ يناير ٢٠٢٢", "İzmir", "Москва", "😀", "\u200c", "ئ ؤ ى ة"]
    text = " ".join(pieces * 40)
    assert len(text) > 256
    assert fold(text) == text.translate(_TABLE).lower()
    assert len(fold(text)) == len(text)
