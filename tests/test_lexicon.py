"""The one lexicon scan per article: named word lists, clitics, verbal prefixes, windows."""

from geo.clauses import MultiLexicon
from geo.normalize import fold


def scan(text, groups, verbal=()):
    lex = MultiLexicon(groups, verbal=verbal)
    return lex.hits(fold(text))


def test_each_list_keeps_its_own_prefix_rule():
    # "ستنشر" is the stem نشر after the future prefix ست: only a verbal list accepts it
    text = "قالت الحكومة إنها ستنشر القوات"
    hits = scan(text, {"verb": ("نشر",), "noun": ("نشر",)}, verbal=["verb"])
    assert [name for _, name in hits] == ["verb"]
    start, end, prefix = hits.first("verb", 0, len(text))
    assert text[start:end] == "ستنشر" and prefix == "ست"


def test_clitics_are_part_of_the_word_and_a_stem_inside_a_word_is_not_a_hit():
    text = "وبالقوات ثم المقوات"  # the second word does not start with the stem after clitics
    hits = scan(text, {"forces": ("قوات",)})
    assert [(text[s:s + 8], n) for s, n in hits] == [("وبالقوات", "forces")]


def test_diacritics_inside_a_word_keep_original_offsets():
    text = "وَصَلَتِ القُوَّاتُ إلى المطار"
    hits = scan(text, {"forces": ("قوات",)})
    (start, end), = [(s, e) for s, e, _, _ in hits.items]
    assert text[start:end].startswith("القُوَّات")


def test_window_queries_need_the_whole_word_inside_the_window():
    text = "قتل 12 شخصا وأصيب 40 آخرون"
    hits = scan(text, {"killed": ("قتل",), "injured": ("أصيب",)}, verbal=["killed", "injured"])
    injured_at = text.index("وأصيب")
    assert hits.first("injured", 0, len(text))[0] == injured_at
    assert not hits.any("injured", 0, injured_at + 3)  # the stem ends after the window
    assert hits.last("killed", 0, injured_at)[:2] == (0, 3)
    assert hits.first("injured", 0, len(text)).prefix == "و"
    assert hits.at("injured", injured_at, len(text))
    assert not hits.at("injured", injured_at + 1, len(text))
    assert hits.first("killed", 1, len(text)) is None


def test_inner_words_of_a_phrase_may_take_the_accusative_ending():
    groups = {"clash": ("هجوم مسلح",)}
    assert len(scan("شن مسلحون هجوما مسلحا على المبنى", groups)) == 1
    assert len(scan("وقع هجوم مسلح على المبنى", groups)) == 1
    assert len(scan("هجومها مسلح", groups)) == 0  # any other ending is another word


def test_derived_verbs_lose_their_alef_after_an_imperfect_prefix():
    groups = {"protest": ("احتج",), "movement": ("انتشر",), "noun": ("اجتماع",)}
    hits = scan("يحتجون منذ أيام بينما تنتشر القوات", groups, verbal=["protest", "movement"])
    assert [name for _, name in hits] == ["protest", "movement"]
    # only after an imperfect prefix: مجتمع (society) is not اجتمع, a bare حتج is no word
    assert len(scan("قال المجتمع المدني", {"meeting": ("اجتمع",)}, verbal=["meeting"])) == 0
    assert len(scan("وحتج", groups, verbal=["protest"])) == 0
    # and only for verbal lists
    assert len(scan("يجتماع", groups, verbal=["protest", "movement"])) == 0
