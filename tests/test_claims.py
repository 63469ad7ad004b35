"""Troop contributions and events as a reader of the map would check them (our own sentences)."""

from __future__ import annotations

import pytest

from geo.extract import Extractor


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def troops(ex, text, published=None):
    return {(t.country, t.count, t.status) for t in ex.extract(text, doc_id="t", published=published).troops}


def test_a_list_shares_its_verb(ex):
    text = ("وصلت القوات إلى كازاخستان. وقالت مصادر إن روسيا أرسلت ألفي جندي إلى كازاخستان، "
            "إضافة إلى نحو 300 من بيلاروسيا، و١٥٠ من أرمينيا.")
    assert troops(ex, text) == {("RU", 2000, "sent"), ("BY", 300, "sent"), ("AM", 150, "sent")}


def test_standing_force_is_capacity_not_deployment(ex):
    text = "تتابع كازاخستان الوضع. ويبلغ العدد الإجمالي لقوات حفظ السلام التابعة للمنظمة نحو 4 آلاف عسكري."
    assert troops(ex, text) == {(None, 4000, "capacity")}


def test_future_and_undecided_contributions(ex):
    text = ("تشهد كازاخستان اضطرابات. وقال مسؤول في طاجيكستان إن بلاده سترسل 150 جنديا. "
            "أما قيرغيزستان فلم تتخذ قرارها بعد بشأن إرسال قوات إلى كازاخستان.")
    got = troops(ex, text)
    assert ("TJ", 150, "pledged") in got
    assert ("KG", None, "considering") in got


def test_his_country_is_the_state_of_the_leader_who_speaks(ex):
    # the state named last before "his country" is Russia; the speaker is Belarus's president
    text = ("نقلت طائرات روسية جنودا إلى كازاخستان. وأبلغ الرئيس ألكسندر لوكاشينكو نظيره الروسي أن بلاده "
            "قد ترسل 400 عسكري إضافي إذا لزم الأمر.")
    assert troops(ex, text) == {("BY", 400, "considering")}


def test_an_article_told_from_a_sending_state_still_knows_where_forces_go(ex):
    # Kyrgyzstan is named most, but its forces go to Almaty: a capital of Kyrgyzstan that
    # "may send" units is the sender, not the destination
    text = ("جدل في قيرغيزستان حول المشاركة. ناقش برلمان قيرغيزستان المهمة، وقال نواب قيرغيزستان إن الأمر خطير. "
            "ووصل 150 عسكريا طاجيكيا إلى ألماتي أمس. وقال وزير الدفاع إن بيشكيك \"قد ترسل\" وحدات خاصة.")
    assert ("KG", None, "considering") in troops(ex, text, "2022-01-07")


def test_the_strength_of_a_standing_force_and_a_unit_to_grow(ex):
    text = ("تشهد كازاخستان اضطرابات. وقالت الوزارة إن يريفان أرسلت ٧٠ عسكرياً في المرحلة الأولى، على أن يرتفع عديد "
            "وحدتها إلى مئة عسكري. ولا يتجاوز عديد قوة حفظ السلام الدائمة التابعة للمنظمة ٣٦٠٠ فرد.")
    assert troops(ex, text, "2022-01-07") == {("AM", 70, "sent"), ("AM", 100, "pledged"), (None, 3600, "capacity")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # approved, not yet there; a size told in the future tense
        ("تشهد كازاخستان اضطرابات. وصادق مجلسا البرلمان الطاجيكي أمس على إرسال 200 عسكري.", ("TJ", 200, "pledged")),
        ("تشهد كازاخستان اضطرابات. وأعلن الأمين العام أن قوام القوة الجماعية سيصل إلى نحو 2500 عسكري.",
         (None, 2500, "pledged")),
        # a battalion "of 150" is its size, and a vote in favour of sending is a pledge
        ("تشهد كازاخستان اضطرابات. وصوّت البرلمان القرغيزي لصالح إرسال كتيبة من 150 عسكرياً.",
         ("KG", 150, "pledged")),
    ],
)
def test_an_approval_or_a_future_size_is_a_pledge(ex, text, expected):
    assert troops(ex, text, "2022-01-07") == {expected}


def test_a_capital_stands_for_its_state(ex):
    text = "تتواصل الأزمة في كازاخستان. وقال وزير الدفاع إن يريفان قد ترسل وحدات خاصة."
    assert troops(ex, text) == {("AM", None, "considering")}


def test_casualty_figures_are_not_troops(ex):
    text = "أرسلت روسيا قوات إلى كازاخستان. وقالت الشرطة إن 8 من عناصر الأمن قتلوا وأصيب 90 آخرون."
    assert all(count not in (8, 90) for _, count, _ in troops(ex, text))


def events(ex, text, published=None):
    return ex.extract(text, doc_id="t", published=published).events


def test_event_takes_the_most_specific_place(ex):
    text = "سيطر مسلحون على مطار ألماتي الدولي في كازاخستان يوم الأربعاء."
    seized = [e for e in events(ex, text, "2022-01-07") if e.type == "seizure"]
    assert [e.place.name for e in seized] == ["Almaty International Airport"]
    assert seized[0].date == "2022-01-05"


def test_conflicting_claims_are_kept_apart(ex):
    text = ("قالت الشرطة إن 12 من رجال الأمن قتلوا في ألماتي يوم الخميس.\n"
            "وذكرت وسائل إعلام أن 14 من رجال الأمن قتلوا في ألماتي يوم الخميس.")
    killed = sorted(e.killed for e in events(ex, text, "2022-01-07") if e.type == "casualties")
    assert killed == [12, 14]


def test_relative_date_stays_null_without_publication_date(ex):
    text = "أعلنت السلطات حالة الطوارئ في أتيراو يوم الأربعاء."
    (sos,) = [e for e in events(ex, text) if e.type == "state_of_emergency"]
    assert sos.place.name == "Atyrau" and sos.date is None
    (dated,) = [e for e in events(ex, text, "2022-01-06") if e.type == "state_of_emergency"]
    assert dated.date == "2022-01-05"


def test_historical_treaty_event_keeps_its_year(ex):
    text = "انسحبت أوزبكستان من المعاهدة عام 1999 ثم عادت إليها."
    treaty = [e for e in events(ex, text) if e.type == "treaty_membership"]
    assert treaty and treaty[0].date == "1999"


def test_impossible_date_is_left_null_with_a_warning(ex):
    result = ex.extract("اندلعت احتجاجات في شيمكنت يوم 31 فبراير 2022.", doc_id="t")
    assert result.warnings
    assert all(e.date is None or not e.date.startswith("2022-02-31") for e in result.events)


def test_a_verb_after_a_comma_belongs_to_the_next_claim(ex):
    text = "وصلت القوات إلى كازاخستان. وقالت مينسك إنها أرسلت 100 مظلي، فيما قالت قيرغيزستان إنها سترسل 150 عسكريا."
    got = troops(ex, text)
    assert ("BY", 100, "sent") in got and ("KG", 150, "pledged") in got


def test_troops_leaving_is_not_a_treaty_event(ex):
    text = "ويتوقع أن يبدأ انسحاب القوات من كازاخستان خلال يومين."
    assert [e.type for e in events(ex, text) if e.type == "treaty_membership"] == []


def test_a_decision_is_placed_at_its_state_not_at_a_city_of_another_clause(ex):
    text = "أعلن الرئيس حالة الطوارئ في ألماتي، وطلب مساعدة منظمة معاهدة الأمن الجماعي."
    decisions = [e for e in events(ex, text) if e.type == "political_decision"]
    assert decisions and all(e.place is None or e.place.kind == "country" for e in decisions)


def test_a_summit_held_online_has_no_place(ex):
    text = "عقد قادة المنظمة اجتماعا عبر الفيديو يوم الاثنين ناقشوا خلاله الأحداث في ألماتي."
    meetings = [e for e in events(ex, text, "2022-01-10") if e.type == "meeting"]
    assert meetings and all(e.place is None for e in meetings)


def test_an_online_meeting_does_not_take_an_earlier_summit_online(ex):
    text = ("وعقد وزراء الخارجية اجتماعا استثنائيا عبر الفيديو، هو الأول منذ أن أعلنت قمة إسطنبول في نوفمبر "
            "2021 تحويل المجلس إلى منظمة.")
    meetings = {(e.place.name if e.place else None, e.date) for e in events(ex, text, "2022-01-12")
                if e.type == "meeting"}
    assert ("Istanbul", "2021-11") in meetings


def test_a_meeting_is_placed_where_it_was_held(ex):
    text = "اجتمع وزراء الدفاع في العاصمة القيرغيزية، بيشكيك، في أبريل/نيسان 2021."
    meetings = [e for e in events(ex, text) if e.type == "meeting"]
    assert [e.place.name for e in meetings] == ["Bishkek"]


def test_the_capital_named_by_an_adjective_is_a_place():
    from geo.gazetteer import get_index
    from geo.geoparse import Geoparser

    places, _ = Geoparser(get_index()).parse("وعادت الحياة إلى طبيعتها في العاصمة الكازاخية يوم الأحد.")
    assert "Astana" in [rp.place.name for rp in places]


def test_colour_revolutions_are_rhetoric_not_protests(ex):
    text = "وقال بوتين إن موسكو لن تسمح بتنفيذ ثورات ملونة في كازاخستان."
    assert [e for e in events(ex, text) if e.type == "protest"] == []


def test_triggers_match_through_diacritics(ex):
    text = "قُتِلَ عشرات المحتجين في أكتوبي ليل الأربعاء."
    hits = [e for e in events(ex, text, "2022-01-07") if e.type == "casualties"]
    assert [e.place.name for e in hits] == ["Aktobe"] and hits[0].killed is None


def test_each_figure_goes_with_its_nearest_word_of_harm(ex):
    text = "وقالت الوزارة إن 18 من أفراد الأمن لقوا حتفهم وأصيب 748 آخرون في كازاخستان."
    (c,) = [e for e in events(ex, text) if e.type == "casualties"]
    assert (c.killed, c.injured) == (18, 748)


def test_one_states_contingent_size_is_what_it_sent(ex):
    text = "وصلت القوات إلى كازاخستان. وبلغ قوام الوحدة الطاجيكية نحو 200 جندي."
    assert troops(ex, text) == {("TJ", 200, "sent")}


def test_a_standing_base_is_capacity_even_with_its_state(ex):
    text = "تراقب موسكو الوضع. وتحتفظ روسيا في طاجيكستان بقاعدة عسكرية يبلغ قوامها نحو 7 آلاف عسكري روسي."
    assert troops(ex, text) == {("RU", 7000, "capacity")}


@pytest.mark.parametrize(
    "text",
    ["وتحتفظ روسيا بقاعدتها العسكرية في غيومري، حيث يتمركز نحو ثلاثة آلاف عسكري.",
     "وتنشر روسيا القاعدة 201 في دوشنبه، والتي يبلغ قوامها الدائم قرابة 7 آلاف عسكري."],
)
def test_a_garrison_told_after_its_base_is_capacity(ex, text):
    assert {(c, s) for c, _, s in troops(ex, text, "2022-11-25")} == {("RU", "capacity")}


def test_the_sender_may_stand_before_a_relative_clause(ex):
    # the article is about Armenia, and Armenia is still the one that sent
    text = ("تتعمق الأزمة بين أرمينيا والمنظمة. ومن المفارقة أن أرمينيا، التي كانت ترأس المنظمة مطلع 2022، "
            "أرسلت نحو مئة عسكري إلى كازاخستان ضمن قوة المنظمة.")
    assert troops(ex, text, "2024-02-23") == {("AM", 100, "sent")}


def test_a_force_planned_at_a_summit_has_no_sender(ex):
    # the capital names where the summit was held, not a state that sends anyone
    text = "اتفق القادة في قمة موسكو على إنشاء قوة للرد السريع يبلغ قوامها عشرين ألف جندي."
    assert troops(ex, text) == {(None, 20000, "capacity")}


def test_a_force_deployed_somewhere_is_sent(ex):
    text = "تستمر المهمة في كازاخستان. ويبلغ قوام الكتيبة الروسية المنتشرة في ألماتي نحو 2000 جندي."
    assert troops(ex, text) == {("RU", 2000, "sent")}


def test_arrest_figures_are_not_casualties(ex):
    text = "وأفادت السلطات باعتقال أكثر من 4400 شخص في أنحاء كازاخستان، فيما قتل 26 مسلحا."
    (c,) = [e for e in events(ex, text) if e.type == "casualties"]
    assert c.killed == 26


def test_a_planned_meeting_is_not_an_event(ex):
    text = "ومن المقرر أن يعقد وزراء خارجية دول المنظمة اجتماعا في موسكو الأسبوع المقبل."
    assert [e for e in events(ex, text, "2022-01-08") if e.type == "meeting"] == []


@pytest.mark.parametrize(
    "text, place",
    [
        ("تظاهر الآلاف في مدينة أكتوبي يوم الثلاثاء.", "Aktobe"),
        ("احتج المئات أمام مبنى البلدية في شيمكنت أمس.", "Shymkent"),
        ("نظم عمال النفط اعتصاما في جاناوزن منذ الأحد.", "Zhanaozen"),
    ],
)
def test_protest_verbs_and_sit_ins_are_protests(ex, text, place):
    assert [e.place.name for e in events(ex, text, "2022-01-05") if e.type == "protest"] == [place]


def test_protests_that_spread_to_a_list_of_cities_happen_in_each(ex):
    text = "وامتدت الاحتجاجات أمس إلى مدن أكتوبي وأورالسك وتركستان."
    protests = [e for e in events(ex, text, "2022-01-05") if e.type == "protest"]
    assert sorted(e.place.name for e in protests) == ["Aktobe", "Oral", "Turkistan"]
    assert {e.date for e in protests} == {"2022-01-04"}


def test_a_suffixed_noun_still_triggers(ex):
    text = "وأعلنت الحكومة الكازاخستانية استقالتها بعد الاحتجاجات."
    assert "political_decision" in {e.type for e in events(ex, text, "2022-01-05")}


def test_a_state_adjective_after_the_personnel_noun_names_the_sender(ex):
    text = "تشهد كازاخستان اضطرابات. ووصل إلى ألماتي نحو 3 آلاف مظلي روسي."
    assert troops(ex, text) == {("RU", 3000, "sent")}


def test_clashes_are_a_riot_only_with_a_crowd(ex):
    crowd = "وقعت اشتباكات بين المتظاهرين وقوات الأمن في أكتوبي."
    armies = "وقعت اشتباكات مسلحة بين الجيشين على الحدود قرب باتكين."
    assert "riot" in {e.type for e in events(ex, crowd, "2022-01-05")}
    assert "riot" not in {e.type for e in events(ex, armies, "2022-01-05")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [("فجر الحادي عشر من يونيو 2010 تحولت مشاجرة في أوش إلى مواجهات عرقية.", "riot"),
     ("وقعت مواجهات بين الشبان والشرطة في أوش.", "riot"),
     ("اندلعت صدامات عرقية دامية في مدينة أوش.", "riot"),
     ("استعادت قوات الأمن السيطرة على مطار ألماتي بعد اشتباكات مع مسلحين.", "armed_clash"),
     ("وقعت مواجهات حدودية بين القوات القرغيزية والطاجيكية قرب باتكين.", "armed_clash"),
     ("لم تشهد المدينة أي تغيير بعد أشهر من المواجهات السياسية في البرلمان.", None)],
)
def test_clashes_are_typed_by_who_is_in_them(ex, text, kind):
    types = {e.type for e in events(ex, text, "2022-01-05")} & {"riot", "armed_clash"}
    assert types == ({kind} if kind else set())


@pytest.mark.parametrize(
    ("text", "kind", "state"),
    [("أعلنت روسيا الحرب على أوكرانيا.", "armed_clash", "UA"),
     ("قالت روسيا إنها بدأت نقل القوات إلى بيلاروسيا.", "deployment", "BY")],
)
def test_an_event_aimed_at_a_state_is_placed_there_not_at_the_actor(ex, text, kind, state):
    # folded text writes إلى as الي and على as علي: the locative test must see them too
    assert [(e.type, e.place.iso2) for e in events(ex, text)] == [(kind, state)]


def test_a_fight_between_two_states_is_placed_at_its_parties(ex):
    # the article is about Kazakhstan, the clash it recalls is not
    text = ("تشهد كازاخستان احتجاجات واسعة. وتذكر التقارير القتال على الحدود بين أرمينيا "
            "وأذربيجان في سبتمبر 2021.")
    clashes = [e for e in events(ex, text, "2022-01-07") if e.type == "armed_clash"]
    assert [(e.place.iso2, e.date) for e in clashes] == [("AM", "2021-09")]


@pytest.mark.parametrize(
    ("text", "clash"),
    [("دعا الرئيس إلى تعزيز الحرب المشتركة ضد الإرهاب في آسيا الوسطى.", False),
     ("تواصل الحكومة الحرب على الفساد في كازاخستان.", False),
     ("اندلع القتال ضد الإرهابيين في ألماتي.", True)],
)
def test_a_war_on_an_idea_is_not_a_clash(ex, text, clash):
    assert any(e.type == "armed_clash" for e in events(ex, text, "2022-01-07")) is clash


def test_a_verb_joined_by_and_after_a_figure_opens_the_next_claim(ex):
    text = "قتل ما لا يقل عن 24 شخصا وأصيب أكثر من 100 آخرين في اشتباكات بإقليم باتكن."
    hurt = [e for e in events(ex, text, "2022-01-07") if e.type == "casualties"]
    assert [(e.killed, e.injured) for e in hurt] == [(24, 100)]


@pytest.mark.parametrize(
    ("text", "treaty"),
    [("بدأت قوات منظمة معاهدة الأمن الجماعي الانسحاب من كازاخستان بعد انتهاء مهمتها.", False),
     ("انسحبت أوزبكستان من منظمة معاهدة الأمن الجماعي عام 2012.", True),
     ("أعلنت المنظمة أن قواتها ستنسحب من كازاخستان خلال أيام.", False),
     ("وأكد الأمين العام للمنظمة أن القوات تنسحب الآن من كازاخستان.", False),
     ("وفي إطار معاهدة الأمن الجماعي بدأت القوات الروسية تنسحب من كازاخستان.", False)],
)
def test_forces_leaving_a_country_is_not_a_state_leaving_the_treaty(ex, text, treaty):
    found = [e.date for e in events(ex, text, "2022-01-13") if e.type == "treaty_membership"]
    assert found == (["2012"] if treaty else [])


def test_what_would_happen_on_a_condition_is_no_event(ex):
    text = "أكدت بيلاروسيا استعدادها لإرسال قوات إذا طلبت أستانا ذلك."
    assert [e.type for e in events(ex, text, "2022-01-07")] == []


def test_the_end_of_a_period_is_not_the_date_of_the_event(ex):
    text = "أعلن الرئيس يوم الأربعاء حالة الطوارئ في ألماتي حتى 19 يناير."
    emergency = [e for e in events(ex, text, "2022-01-07") if e.type == "state_of_emergency"]
    assert [e.date for e in emergency] == ["2022-01-05"]


def test_a_piece_of_history_keeps_to_its_own_clause(ex):
    text = "وقعت المعاهدة في طشقند عام 1992، ودخلت حيز التنفيذ عام 1994، ثم تحولت إلى منظمة عام 2002."
    history = {(e.place.name if e.place else None, e.date) for e in events(ex, text) if e.type == "treaty_membership"}
    assert history == {("Tashkent", "1992"), (None, "1994"), (None, "2002")}


def test_each_step_of_a_history_takes_its_own_date(ex):
    text = ("انضمت الدول الأولى إلى الاتفاقية عام 1992 وانضمت إليها دول أخرى في العام التالي "
            "قبل أن يبدأ تنفيذها في 1994.")
    dates = {e.date for e in events(ex, text) if e.type == "treaty_membership"}
    assert dates == {"1992", "1993"}


@pytest.mark.parametrize(
    ("text", "place"),
    [("وانسحبت أوزبكستان من المنظمة عام 2012.", "Uzbekistan"),
     ("وعلقت أوزبكستان عضويتها في المنظمة عام 2012.", "Uzbekistan"),
     # the capital speaks for its state
     ("وفي عام 2012، انسحبت طشقند من المنظمة مرة أخرى.", "Uzbekistan"),
     ("والتحقت أذربيجان بالمعاهدة عام 1993.", "Azerbaijan"),
     ("وعادت أوزبكستان إلى عضويتها في المنظمة عام 2006.", "Uzbekistan"),
     # a relative clause tells of the state named right before it, not of the others
     ("وأكدت أوزبكستان، التي علّقت عضويتها في المنظمة عام 2012، أنها لن ترسل قوات إلى كازاخستان أو روسيا.",
      "Uzbekistan"),
     ("وقعت روسيا وأرمينيا وكازاخستان على المعاهدة عام 1992.", None)],
)
def test_one_state_leaving_or_joining_is_placed_at_that_state(ex, text, place):
    (e,) = [e for e in events(ex, text) if e.type == "treaty_membership"]
    assert (e.place.name if e.place else None) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [("قالت الوزارة إن طائرات عسكرية نقلت وحدات من المظليين إلى ألماتي.", "Almaty"),
     ("وصلت إلى نور سلطان وحدة أرمينية صغيرة.", "Astana")],
)
def test_a_deployment_told_as_a_movement_of_units(ex, text, place):
    deployed = [e.place.name for e in events(ex, text, "2022-01-07") if e.type == "deployment"]
    assert deployed == [place]


@pytest.mark.parametrize(
    "text",
    ["ولم تدخل القوات الروسية مدينة ألماتي.",
     "نشرت وزارة الدفاع شريط فيديو لوحداتها في المطار."],
)
def test_denied_or_published_is_not_deployed(ex, text):
    assert [e.type for e in events(ex, text, "2022-01-07") if e.type == "deployment"] == []


def test_the_personnel_noun_may_come_before_the_figure(ex):
    text = "وصلت قوات حفظ السلام إلى كازاخستان، ويبلغ عدد العسكريين الروس وحدهم نحو 3000."
    assert troops(ex, text) == {("RU", 3000, "sent")}


@pytest.mark.parametrize(
    ("text", "seized"),
    [("خرجت المدينة عن سيطرة الحكومة بعد أسابيع من الاحتجاجات.", False),
     ("سيطر المحتجون على مبنى البلدية في ألماتي.", True)],
)
def test_out_of_control_is_not_a_seizure(ex, text, seized):
    assert any(e.type == "seizure" for e in events(ex, text, "2022-01-07")) is seized


def test_a_decision_to_found_or_extend_is_the_treaty_event_itself(ex):
    text = "وفي عام 2010 وافقت الدول الأعضاء على إنشاء قوة حفظ سلام تابعة لمنظمة معاهدة الأمن الجماعي."
    assert [(e.type, e.date) for e in events(ex, text)] == [("treaty_membership", "2010")]


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [("وتنتشر وحدات من القوات الروسية في مطار ألماتي منذ الخميس.", "deployment", "Almaty International Airport"),
     ("ويقتحم مسلحون مبنى البلدية في شيمكنت.", "riot", "Shymkent")],
)
def test_a_derived_verb_in_the_imperfect_is_its_trigger(ex, text, kind, place):
    # تنتشر and يقتحم are انتشر and اقتحم without their alef, after the imperfect prefix
    assert [e.place.name for e in events(ex, text, "2022-01-07") if e.type == kind] == [place]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("أضرب مئات العمال في حقل النفط قرب أكتاو يوم الاثنين.", "protest"),
        ("وبحلول المساء كانت المظاهرات قد بلغت مدينة شيمكنت.", "protest"),
        ("احتشد الآلاف أمام مقر الحكومة في أستانا.", "protest"),
        ("ووُسع نطاق الطوارئ ليشمل مدينة أكتوبي.", "state_of_emergency"),
        ("وكانت طاجيكستان قد جمدت عضويتها في منظمة معاهدة الأمن الجماعي عام 2015.", "treaty_membership"),
        ("وأجرى رئيس قيرغيزستان اتصالا هاتفيا بنظيره الكازاخستاني.", "meeting"),
        ("وأكدت مينسك أنها أرسلت وحدات من المظليين إلى كازاخستان.", "deployment"),
        ("وصادق البرلمان على تعيين رئيس جديد للوزراء.", "political_decision"),
    ],
)
def test_common_ways_of_telling_an_event(ex, text, kind):
    assert kind in {e.type for e in events(ex, text, "2022-01-07")}




def test_a_clause_that_goes_on_listing_places_belongs_to_the_claim_before_it(ex):
    text = ("وكانت المظاهرات قد بلغت أتيراو وأكتوبي في الغرب، وشيمكنت وطراز في الجنوب، "
            "إضافة إلى كاراغندا، فيما ساد الهدوء العاصمة.")
    protests = {e.place.name for e in events(ex, text, "2022-01-05") if e.type == "protest"}
    assert protests == {"Atyrau", "Aktobe", "Shymkent", "Taraz", "Karagandy"}


def test_the_place_of_a_signing_told_in_the_next_clause(ex):
    text = "وفي 15 مايو 1992 وقع قادة ست دول، في العاصمة الأوزبكية طشقند، معاهدة الأمن الجماعي."
    signed = [e for e in events(ex, text) if e.type == "treaty_membership"]
    assert [(e.place.name, e.date) for e in signed] == [("Tashkent", "1992-05-15")]


def test_media_conveying_a_report_move_no_troops(ex):
    text = "ونقلت وكالة الأنباء الرسمية عن مصدر عسكري أن القوات في حالة تأهب في ألماتي."
    assert "deployment" not in {e.type for e in events(ex, text, "2022-01-07")}


def test_stopping_violence_means_violence_but_a_ceasefire_means_no_fight(ex):
    text = "طلبت الحكومة تدخل المنظمة لوقف أعمال العنف في مدينة أوش."
    assert [e.place.name for e in events(ex, text, "2022-01-07") if e.type == "riot"] == ["Osh"]
    text = "وأعلن الطرفان وقف إطلاق النار على الحدود قرب باتكن."
    assert "armed_clash" not in {e.type for e in events(ex, text, "2022-01-07")}


def test_a_report_about_a_seizure_of_something_is_a_seizure(ex):
    text = "وتحدثت وسائل إعلام عن سيطرة مسلحين على مطار ألماتي الدولي."
    assert [e.place.name for e in events(ex, text, "2022-01-07") if e.type == "seizure"] == [
        "Almaty International Airport"]
    text = "وقال الرئيس إن الوضع في ألماتي خرج عن السيطرة."
    assert "seizure" not in {e.type for e in events(ex, text, "2022-01-07")}


def test_a_summit_named_after_a_capital_is_held_there(ex):
    text = "تشهد كازاخستان هدوءا. وكانت قمة موسكو في 16 مايو 2022 قد بحثت الوضع في المنطقة."
    assert [e.place.name for e in events(ex, text, "2022-05-20") if e.type == "meeting"] == ["Moscow"]


def test_an_event_abroad_needs_its_place_after_a_locative(ex):
    text = ("تتابع كازاخستان الوضع في المنطقة. وقد صادق البرلمان في بيشكيك على إرسال قوات. "
            "وأقلعت طائرات تقل جنودا من موسكو.")
    found = {(e.type, e.place.name) for e in events(ex, text, "2022-01-07")}
    assert ("political_decision", "Bishkek") in found
    assert not any(place == "Moscow" for _, place in found)


@pytest.mark.parametrize(
    "text",
    ["وقال خبراء إن موسكو سيطلب منها ثمن سياسي.", "ويبقى السؤال عن الثمن الذي قد تطلبه موسكو من أستانا.",
     "وتضم القوة اللواء 31 للاقتحام الجوي من أوليانوفسك."],
)
def test_what_will_or_may_happen_and_unit_names_are_no_events(ex, text):
    assert [e.type for e in events(ex, text, "2022-01-07") if e.type in ("political_decision", "riot")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an accusative adjective spelt like the state's name
        ("تستمر المهمة في كازاخستان. وأقلعت طائرة تقل 120 عسكريا روسيا إلى ألماتي.", {("RU", 120, "sent")}),
        # an army's or a base's size is a standing force of its own state
        ("تشهد كازاخستان احتجاجات. ولا يتجاوز تعداد الجيش الطاجيكي 9 آلاف جندي.", {("TJ", 9000, "capacity")}),
        ("تحتفظ روسيا بقاعدة عسكرية في دوشنبه، التي يقدر عدد أفرادها بنحو 6 آلاف عسكري.",
         {("RU", 6000, "capacity")}),
        # the state the force went to did not send it
        ("وصلت القوات إلى ألماتي. وقد أُرسلت إلى كازاخستان قوة قوامها نحو 2500 عسكري.",
         {(None, 2500, "capacity")}),
        # a number that names a unit is not a headcount
        ("وصل إلى ألماتي 300 مظلي روسي من الفرقة 98 ولواء الاقتحام الجوي 31 من القوات الروسية.",
         {("RU", 300, "sent")}),
    ],
)
def test_who_a_figure_belongs_to_and_what_it_counts(ex, text, expected):
    assert troops(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [("تنتهي المهمة في كازاخستان. وغادرت الكتيبة الروسية ألماتي أمس عائدة إلى موسكو.", "Almaty"),
     # coming home is told where they arrived
     ("تنتهي المهمة في كازاخستان. وعاد 300 عسكري بيلاروسي إلى مينسك بعد أن أنهوا مهمتهم في كازاخستان.",
      "Minsk")],
)
def test_units_leaving_are_a_deployment_where_they_left_or_came_home(ex, text, place):
    assert [e.place.name for e in events(ex, text, "2022-01-15") if e.type == "deployment"] == [place]


def test_calm_returning_is_no_deployment(ex):
    assert [e.type for e in events(ex, "عاد الهدوء إلى ألماتي.", "2022-01-15")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forces leaving or joining a mission of the organisation: no state leaves or joins the treaty
        ("أعلنت الوزارة اكتمال انسحاب قوات حفظ السلام التابعة للمنظمة من كازاخستان.",
         {("deployment", "Kazakhstan")}),
        ("أقلعت طائرة تقل 90 مظليا متجهة إلى ألماتي للانضمام إلى قوات المنظمة.", {("deployment", "Almaty")}),
        # shelling is fighting; a ceasefire is a decision; an assault brigade is a unit
        ("قصفت المدفعية بلدات في منطقة إسفرة.", {("armed_clash", "Isfara")}),
        ("واتفق الطرفان في طشقند على وقف إطلاق النار.", {("political_decision", "Tashkent")}),
        ("ويتخذ لواء الاقتحام من أوليانوفسك مقرا له.", set()),
    ],
)
def test_what_kind_of_event_a_sentence_tells(ex, text, expected):
    assert {(e.type, e.place.name if e.place else None) for e in events(ex, text, "2022-01-15")} == expected


def test_the_treaty_may_be_named_in_the_sentence_before(ex):
    text = "وقعت ست دول على معاهدة الأمن الجماعي عام 1992. وفي العام التالي انضمت إليها ثلاث دول أخرى."
    assert {e.date for e in events(ex, text) if e.type == "treaty_membership"} == {"1992", "1993"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأعلن رئيس الوزراء أن بلاده \"جمدت\" مشاركتها في المنظمة.", {"treaty_membership"}),
        ("اندلعت أعمال عنف في أوش أودت بحياة العشرات.", {"riot", "casualties"}),
        ("وبحث الوزير هاتفيا مع نظيره الأوضاع في المنطقة.", {"meeting"}),
        ("وتتولى القوات الروسية حماية مطار ألماتي.", {"deployment"}),
        # a plan is not yet an event
        ("وقال المسؤولون إنه سيتم استخدام قوات المنظمة في حراسة المنشآت.", set()),
    ],
)
def test_more_ways_to_tell_an_event(ex, text, expected):
    assert {e.type for e in events(ex, text, "2022-01-08")} == expected


def test_announcing_the_sending_of_forces_is_a_decision_even_with_a_long_subject(ex):
    text = ("تتواصل الأزمة في كازاخستان. وأعلن الأمين العام للمنظمة، الذي وصل أمس إلى موسكو، "
            "إرسال قوات حفظ السلام إلى كازاخستان.")
    assert ("political_decision", "Kazakhstan") in {
        (e.type, e.place.name if e.place else None) for e in events(ex, text, "2022-01-06")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one state's contingent told by its size is what it sent
        ("وصلت القوات إلى كازاخستان. ويقارب قوام الوحدة الروسية ثلاثة آلاف عسكري.", {("RU", 3000, "sent")}),
        # an organisation-wide total stays capacity, even of a force that was deployed
        ("ويبلغ العدد الإجمالي لقوات المنظمة التي نشرت في كازاخستان 2030 عسكريا.", {(None, 2030, "capacity")}),
        ("وتقول مصادر روسية إن قوة حفظ السلام التابعة للمنظمة تضم في قوامها نحو 3600 عسكري.",
         {(None, 3600, "capacity")}),
        # personnel with a possessive: "500 من عسكرييها"
        ("تشهد كازاخستان اضطرابات. وأعلنت وزارة الدفاع البيلاروسية أن نحو 500 من عسكرييها في طريقهم إليها.",
         {("BY", 500, "sent")}),
    ],
)
def test_size_of_a_contingent_and_of_the_whole_force(ex, text, expected):
    assert troops(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "places"),
    [("تشهد كازاخستان احتجاجات. وتظاهر الآلاف في إقليم مانغيستاو والعاصمة نور سلطان.",
      {"Mangystau Region", "Astana"}),
     # a city inside the region: the city is the more specific place
     ("تشهد كازاخستان احتجاجات. وتظاهر الآلاف في إقليم مانغيستاو ومدينة جاناوزن.", {"Zhanaozen"})],
)
def test_a_region_far_from_the_cities_beside_it_is_kept(ex, text, places):
    assert {e.place.name for e in events(ex, text, "2022-01-05") if e.type == "protest"} == places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an order to the forces is a decision; the shooting or killing it orders has not happened
        ("تشهد كازاخستان اضطرابات. وأمر الرئيس مساء الجمعة قوات الأمن بإطلاق النار بهدف القتل.",
         {"political_decision"}),
        ("الرئيس يأمر بإطلاق النار دون إنذار في كازاخستان", {"political_decision"}),
        # … whoever's the orders are, and to forces named with a pronoun or a preposition
        ("تشهد كازاخستان اضطرابات. وقال الرئيس: «أصدرتُ أوامري لقوات الشرطة والحرس بإطلاق النار».",
         {"political_decision"}),
        ("تشهد كازاخستان اضطرابات. وكان الرئيس الذي أمر قواته بإطلاق النار قد أقال الحكومة.",
         {"political_decision"}),
        ("تشهد كازاخستان اضطرابات. وأعطى الوزير الأوامر للجيش «بإطلاق النار على المخربين».",
         {"political_decision"}),
        # a treaty named only as a reference has no event
        ("تشهد كازاخستان اضطرابات. وهي أول مهمة من نوعها منذ تأسيس المنظمة.", set()),
    ],
)
def test_orders_and_references_are_not_what_they_name(ex, text, expected):
    assert {e.type for e in events(ex, text, "2022-01-08")} == expected


def test_the_same_city_is_the_city_named_before(ex):
    text = "تجمع المحتجون في جاناوزن يوم الأحد. وكانت المدينة نفسها قد شهدت في ديسمبر 2011 مقتل 16 عاملا."
    assert ("casualties", "Zhanaozen", "2011-12") in {
        (e.type, e.place.name if e.place else None, e.date) for e in events(ex, text, "2022-01-04")
    }


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a plane taking off is placed where it is headed
        ("تستمر المهمة في كازاخستان. وأقلعت من مطار ماناس في بيشكيك طائرة تقل 150 عسكريا متجهة إلى ألماتي.",
         {"Almaty"}),
        # where the forces came from is not where they were deployed
        ("تشهد كازاخستان اضطرابات. ووصلت إلى المدينة قوات من روسيا.", {"Kazakhstan"}),
    ],
)
def test_units_moving_are_placed_where_they_went(ex, text, places):
    assert {e.place.name for e in events(ex, text, "2022-01-08") if e.type == "deployment"} == places


def test_a_slogan_against_war_is_no_war(ex):
    text = "تجمع عشرات الناشطين في بيشكيك رافعين لافتات كتب عليها لا للحرب."
    assert "armed_clash" not in {e.type for e in events(ex, text, "2022-01-07")}


def test_the_start_of_a_flight_told_beside_its_arrival_is_one_deployment(ex):
    text = ("تستمر المهمة في كازاخستان. ووصلت إلى ألماتي مساء أمس الكتيبة القرغيزية، "
            "بعد أن أقلعت من مطار ماناس قرب بيشكيك.")
    assert {e.place.name for e in events(ex, text, "2022-01-08") if e.type == "deployment"} == {"Almaty"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("وفي مدينة تالدي قورغان، أسقط متظاهرون أمس تمثالا للرئيس السابق.", {"riot"}),
     ("وقالت الشرطة إنها قضت على عشرات المهاجمين في ألماتي الليلة الماضية.", {"casualties"})],
)
def test_toppled_statues_and_eliminated_attackers(ex, text, expected):
    assert {e.type for e in events(ex, text, "2022-01-06")} == expected


def test_what_troops_will_not_take_part_in_is_no_event(ex):
    text = "وقالت يريفان إنها سترسل 100 عسكري لن يشاركوا في أي عمليات قتالية في كازاخستان."
    assert list(events(ex, text, "2022-01-07")) == []
    assert troops(ex, text) == {("AM", 100, "pledged")}


@pytest.mark.parametrize(
    ("text", "state"),
    [  # a preposition written on the name, or a compass word between the preposition and it
        ("تشهد كازاخستان أزمة. واندلعت أعمال شغب بقيرغيزستان يوم 5 يناير.", "KG"),
        ("تشهد كازاخستان أزمة. واندلعت أعمال شغب في جنوب قيرغيزستان يوم 5 يناير.", "KG"),
        # a word of place on its own: the centre of, near
        ("تشهد كازاخستان أزمة. واندلعت أعمال شغب في ساحة الحرية وسط يريفان يوم 5 يناير.", "AM"),
        # a word that merely ends with the letters of one (حوالي، حرب) is no preposition
        ("تشهد كازاخستان أزمة. واندلعت أعمال شغب يوم 5 يناير بعد أشهر من حرب أرمينيا وأذربيجان.", "KZ"),
    ],
)
def test_a_state_is_where_an_event_happened_only_after_a_locative(ex, text, state):
    riots = [e for e in events(ex, text, "2022-01-07") if e.type == "riot"]
    assert [e.place.iso2 for e in riots] == [state]


def test_a_clause_that_only_says_where_belongs_to_the_claim_after_it(ex):
    text = ("في الخامس عشر من مايو 1992، وفي العاصمة الأوزبكية طشقند، وقّع قادة ست جمهوريات سوفياتية "
            "سابقة، هي روسيا وكازاخستان وقيرغيزستان، معاهدة الأمن الجماعي.")
    treaty = [e for e in events(ex, text) if e.type == "treaty_membership"]
    assert [(e.place.name if e.place else None, e.date) for e in treaty] == [("Tashkent", "1992-05-15")]


def test_a_place_after_the_claim_still_continues_it(ex):
    text = "خرج آلاف المحتجين إلى الشوارع في أكتوبي، وفي شيمكنت."
    protests = {e.place.name for e in events(ex, text, "2022-01-05") if e.type == "protest"}
    assert protests == {"Aktobe", "Shymkent"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [  # a right, a rumour, an order and a purpose name what did not happen
        ("دعا الاتحاد الأوروبي السلطات في ألماتي إلى احترام حق التظاهر السلمي.", "protest"),
        ("وسرت شائعات طوال الليل عن تجدد المعارك في ألماتي، نفتها السلطات.", "armed_clash"),
        ("وأبدى المسؤول الأوروبي في ألماتي قلقه من الأمر بإطلاق النار دون تحذير.", "armed_clash"),
        ("خوّل الرئيس الجيش في ألماتي فتح النار لقتل المسلحين.", "casualties"),
        # people who kill are not deaths
        ("رفض الرئيس التفاوض مع المجرمين والقتلة في ألماتي.", "casualties"),
        # what is done without it, and what an exercise supposes
        ("اختتم الوفد زيارته إلى ألماتي من دون أي التزام بإرسال قوات.", "deployment"),
        # a reference to what was told before
        ("وبعد ساعات من بدء القتال في يريفان، طلبت أرمينيا رسمياً من المنظمة المساعدة.", "armed_clash"),
        # an inquiry into what happened
        ("وطالب الاتحاد الأوروبي السلطات في نور سلطان بالتحقيق في مقتل المدنيين.", "casualties"),
        # words that only start like a trigger: "social", "the regions", "detained", "inquiry", "combat"
        ("ونشر ناشطون في ألماتي مقاطع على وسائل التواصل الاجتماعي.", "meeting"),
        ("وقال الوزير في ألماتي إن الوضع في الأقاليم هادئ.", "political_decision"),
        ("واحتجزت الشرطة في ألماتي عشرات الأشخاص.", "protest"),
        ("وطالب البرلمان في ألماتي بالتحقيق في الأحداث.", "treaty_membership"),
        ("وأكد الوزير في ألماتي جاهزية الوحدات القتالية.", "armed_clash"),
        # "and he called", not "bid farewell"; "ordinary", not "returned"
        ("ودعا الرئيس القوات في ألماتي إلى ضبط النفس.", "deployment"),
        ("وقالت الوزارة إن عمل الوحدات في ألماتي عادي.", "deployment"),
        # denied right after it
        ("وذكّرت المنظمة بأن القتال لا يدور على أراضي أرمينيا.", "armed_clash"),
        # none of it, and a ban
        ("ولم تشهد دوشنبه أي احتجاجات على القرار.", "protest"),
        ("وفي طاجيكستان تكاد التظاهرات تكون محظورة.", "protest"),
        ("أقر القادة في ألماتي سيناريو التدريبات الذي يفترض تسلل جماعات مسلحة واحتلالها بلدة حدودية.", "seizure"),
    ],
)
def test_what_is_only_named_did_not_happen(ex, text, kind):
    assert kind not in {e.type for e in events(ex, text, "2022-01-08")}


def test_a_rumour_does_not_hide_what_happened_after_it_is_told(ex):
    text = "نفت السلطات الشائعات، لكن معارك عنيفة اندلعت مساء أمس في ألماتي."
    assert "armed_clash" in {e.type for e in events(ex, text, "2022-01-08")}


@pytest.mark.parametrize(
    ("text", "place"),
    [("شهدت العاصمة الأرمينية يريفان يوم الأربعاء قمة لقادة المنظمة.", "Yerevan"),
     ("واستضافت دوشنبه قمتها السنوية الشهر الماضي.", "Dushanbe"),
     ("وعلى هامش القمة التقى بوتين باشينيان في سوتشي.", "Sochi"),
     ("وكان مجلس الأمن الجماعي قد انعقد في موسكو يوم الثلاثاء.", "Moscow"),
     # a gathering named after its city (the hamza of مؤتمر is folded in the text)
     ("وتحدث الوزير أمام مؤتمر موسكو للأمن الدولي.", "Moscow")],
)
def test_a_meeting_is_where_it_was_hosted_or_held(ex, text, place):
    meetings = [e.place.name if e.place else None for e in events(ex, text, "2022-11-25") if e.type == "meeting"]
    assert meetings == [place]


def test_an_event_spreading_to_places_happens_there(ex):
    text = "اندلعت الاحتجاجات الأحد في جاناوزن، ثم امتدت الاثنين إلى أكتاو وأتيراو."
    protests = {(e.place.name, e.date) for e in events(ex, text, "2022-01-05") if e.type == "protest"}
    assert protests == {("Zhanaozen", "2022-01-02"), ("Aktau", "2022-01-03"), ("Atyrau", "2022-01-03")}


def test_a_measure_spreading_is_the_emergency_told_before(ex):
    text = ("أعلن الرئيس فجر الأربعاء حالة الطوارئ في ألماتي، حيث تواصلت الاحتجاجات. "
            "وبعد ساعات امتد القرار إلى العاصمة نور سلطان.")
    found = {(e.type, e.place.name) for e in events(ex, text, "2022-01-06")}
    assert ("state_of_emergency", "Astana") in found
    assert ("protest", "Astana") not in found


def test_nothing_spreads_without_an_event_told_before(ex):
    text = "تحدث الوزير عن الاقتصاد. وامتدت الطرق الجديدة إلى أكتاو."
    assert not events(ex, text, "2022-01-06")


def test_acts_on_offices_on_one_day_are_each_an_event(ex):
    text = ("وفي يوم الأربعاء قبل الرئيس استقالة الحكومة. وفي اليوم نفسه أعلن الرئيس توليه رئاسة مجلس الأمن "
            "القومي في كازاخستان. وأعلن الرئيس في كازاخستان يوم الأربعاء قرار خفض سعر الغاز، وقرر الرئيس تمديد الخفض.")
    decisions = [e for e in events(ex, text, "2022-01-07") if e.type == "political_decision"]
    # the resignation and the new post are two acts; the two decisions on prices are one
    assert len(decisions) == 3
    assert {e.date for e in decisions} == {"2022-01-05"}


def test_states_named_right_after_a_withdrawal_leave_the_treaty(ex):
    text = "وقعت الدول معاهدة الأمن الجماعي عام 1992، قبل أن تنسحب أذربيجان وجورجيا منها عام 1999."
    assert sorted(e.date for e in events(ex, text) if e.type == "treaty_membership") == ["1992", "1999"]


def test_part_of_a_toll_told_with_its_place_is_its_own_event(ex):
    text = "وقالت وزارة الصحة إن 164 شخصا قتلوا في أنحاء كازاخستان منذ بداية الاضطرابات، بينهم 103 في ألماتي وحدها."
    found = {(e.place.name if e.place else None, e.killed) for e in events(ex, text, "2022-01-09")
             if e.type == "casualties"}
    assert found == {("Kazakhstan", 164), ("Almaty", 103)}


def test_a_month_told_in_an_earlier_sentence_does_not_date_a_later_event(ex):
    text = ("انتشرت قوات المنظمة في كازاخستان في يناير 2022. "
            "وتظاهر مئات في ساحة الحرية وسط يريفان، مطالبين بالخروج من المنظمة.")
    protests = [e.date for e in events(ex, text, "2022-11-25") if e.type == "protest"]
    assert protests == ["2022-11-25"]


def test_an_emergency_widened_to_a_place_holds_there(ex):
    text = "أعلن الرئيس فجر الأربعاء حالة الطوارئ في ألماتي، قبل أن يوسّعها مساءً لتشمل العاصمة نور سلطان."
    places = {e.place.name for e in events(ex, text, "2022-01-06") if e.type == "state_of_emergency"}
    assert places == {"Almaty", "Astana"}


def test_an_order_of_the_head_of_state_is_a_decision(ex):
    text = "تشهد كازاخستان احتجاجات. ثم أمر الرئيس قاسم جومارت توكاييف مساء الثلاثاء بتثبيت أسعار الوقود لمدة 180 يوماً."
    assert [(e.type, e.date) for e in events(ex, text, "2022-01-06")] == [("political_decision", "2022-01-04")]


def test_protesters_still_in_a_square_are_a_protest(ex):
    text = "وأفادت مصادر محلية بأن المعتصمين ما زالوا في الساحة المركزية في أتيراو منذ الاثنين."
    assert [(e.type, e.place.name) for e in events(ex, text, "2022-01-06")] == [("protest", "Atyrau")]


def test_what_is_given_to_a_capital_is_not_where_it_happened(ex):
    text = "تشهد أرمينيا أزمة. واحتشد معارضون أمام مبنى الحكومة أمس متهمين رئيس الوزراء بتقديم تنازلات لباكو."
    assert [(e.type, e.place.iso2) for e in events(ex, text, "2022-09-15")] == [("protest", "AM")]


def test_a_riot_and_its_damage_reported_next_morning_are_one_riot(ex):
    text = ("وفي ألماتي تحولت مسيرة ليلية مساء الثلاثاء إلى مواجهات عنيفة مع الشرطة، "
            "وأعلنت وزارة الداخلية صباح أمس إصابة 95 شرطياً وإحراق عشرات السيارات.")
    riots = [(e.place.name, e.date) for e in events(ex, text, "2022-01-06") if e.type == "riot"]
    assert riots == [("Almaty", "2022-01-04")]


def test_riots_of_years_listed_in_one_sentence_stay_apart(ex):
    text = "وشهدت قيرغيزستان أعمال عنف في أعوام 2005 و2010 و2020."
    assert sorted(e.date for e in events(ex, text, "2022-01-06") if e.type == "riot") == ["2005", "2010", "2020"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("واقتحم محتجون مبنى البلدية في ألماتي بعد ظهر الأربعاء.", "seizure"),
     ("وحاول مئات المحتجين اقتحام مبنى الإدارة الإقليمية في أكتوبي مساء الأربعاء.", "riot")],
)
def test_a_building_stormed_is_taken_and_an_attempt_is_a_riot(ex, text, kind):
    found = {e.type for e in events(ex, text, "2022-01-06")} & {"riot", "seizure"}
    assert found == {kind}


def test_a_claim_goes_on_across_a_date_told_between_commas(ex):
    text = ("ولم تقتصر الاضطرابات على ألماتي، إذ اقتحم محتجون يوم الأربعاء الماضي، الخامس من يناير، "
            "مبنى الإدارة المحلية في أكتوبي غربي البلاد.")
    assert [(e.type, e.place.name) for e in events(ex, text, "2022-01-09") if e.type == "seizure"] == [
        ("seizure", "Aktobe")
    ]


def test_the_treaty_becoming_the_organisation_is_a_step_of_its_history(ex):
    text = "وقعت الدول المعاهدة عام 1992، قبل أن تتحول المعاهدة إلى منظمة إقليمية عام 2002."
    assert sorted(e.date for e in events(ex, text) if e.type == "treaty_membership") == ["1992", "2002"]


def test_a_subheading_names_what_follows_and_is_no_event_of_its_own(ex):
    text = ("كازاخستان: ليلة عنف في ألماتي\n"
            "تواصلت المواجهات بين المتظاهرين والشرطة في ألماتي يوم الأربعاء.\n"
            "نهب واسع\n"
            "وتعرضت عشرات المتاجر للنهب في ألماتي يوم الخميس.")
    riots = sorted(e.date for e in events(ex, text, "2022-01-07") if e.type == "riot")
    assert riots == ["2022-01-05", "2022-01-06"]


def test_a_claim_with_its_verb_left_out_takes_the_verb_before(ex):
    text = ("تنتهي المهمة في كازاخستان. وعادت الكتيبة القرغيزية إلى بيشكيك السبت، "
            "ثم الوحدة الطاجيكية إلى دوشنبه الأحد.")
    found = {(e.place.name, e.date) for e in events(ex, text, "2022-01-19") if e.type == "deployment"}
    assert found == {("Bishkek", "2022-01-15"), ("Dushanbe", "2022-01-16")}


def test_a_noun_of_place_may_stand_between_the_preposition_and_the_name(ex):
    text = "تنتهي المهمة في كازاخستان. وهبطت طائرة تقلّ العسكريين البيلاروسيين في مطار فيتيبسك يوم الجمعة."
    assert [e.place.iso2 for e in events(ex, text, "2022-01-19") if e.type == "deployment"] == ["BY"]


def test_many_soldiers_is_no_strength_of_a_force(ex):
    text = "تشهد كازاخستان اضطرابات. ووصل إلى ألماتي العديد من جنود قوة المنظمة وعددهم 2000 جندي."
    assert troops(ex, text, "2022-01-07") == {(None, 2000, "sent")}


def test_a_decision_is_placed_at_the_state_of_who_makes_it(ex):
    # an article told from Moscow: Russia is named most, yet each decision is its maker's
    text = ("موسكو تتابع الأزمة وروسيا تؤكد دعمها وروسيا ترسل طائراتها. "
            "وكان الرئيس قاسم جومارت توكاييف قد ناشد مساء الأربعاء قادة الدول الحليفة مساعدة بلاده. "
            "وصوّت البرلمان القرغيزي الخميس لصالح إرسال 150 عسكريا. "
            "وطلبت يريفان في سبتمبر تفعيل المادة الرابعة من المعاهدة.")
    placed = {(e.place.name if e.place else None) for e in events(ex, text, "2022-01-07")
              if e.type == "political_decision"}
    assert placed == {"Kazakhstan", "Kyrgyzstan", "Armenia"}


def test_the_collective_force_is_placed_where_it_goes_whoever_announces_it(ex):
    text = ("تتواصل الاضطرابات في كازاخستان. وأعلن رئيس الوزراء الأرميني نيكول باشينيان، الذي تترأس بلاده "
            "المنظمة، إرسال قوات جماعية لحفظ السلام لفترة محدودة.")
    placed = [(e.place.name if e.place else None) for e in events(ex, text, "2022-01-06")
              if e.type == "political_decision"]
    assert placed == ["Kazakhstan"]


def test_a_vote_is_a_decision_and_a_vote_to_come_is_not(ex):
    done = "تتواصل الأزمة في كازاخستان. وصوّت البرلمان الطاجيكي أمس لصالح المشاركة في المهمة."
    to_come = "تتواصل الأزمة في كازاخستان. ويُنتظر أن يصوّت البرلمان الطاجيكي اليوم على المشاركة في المهمة."
    assert [e.place.name for e in events(ex, done, "2022-01-07") if e.type == "political_decision"] == ["Tajikistan"]
    assert [e for e in events(ex, to_come, "2022-01-07") if e.type == "political_decision"] == []


def test_a_paragraph_that_opens_in_a_city_goes_on_telling_that_city(ex):
    text = ("تتواصل الاحتجاجات في كازاخستان.\n\n"
            "في أكتوبي تجمّع أكثر من ألفي شخص مساء الثلاثاء رافعين شعارات تطالب بخفض الأسعار. "
            "وفي اليوم التالي حاول مئات منهم اقتحام المبنى. وأصيب 21 شرطياً في تلك المواجهات.\n\n"
            "وفي يوم الخميس حاول محتجون اقتحام مقر الشرطة.")
    found = {(e.type, e.place.name if e.place else None) for e in events(ex, text, "2022-01-07")}
    assert {("protest", "Aktobe"), ("riot", "Aktobe"), ("casualties", "Aktobe")} <= found
    # a demand is no decision; the next paragraph names no city and is not Aktobe's
    assert not any(t == "political_decision" for t, _ in found)
    assert ("riot", "Kazakhstan") in found


def test_what_stormers_did_inside_is_the_seizure(ex):
    text = "تتواصل الاحتجاجات في كازاخستان. وفي طراز اقتحم محتجون مقر البلدية، وأضرموا النار في طابقه الأرضي."
    assert {e.type for e in events(ex, text, "2022-01-07")} == {"seizure"}


@pytest.mark.parametrize(
    "text",
    [
        "وأعلنت النيابة توقيف 150 شخصاً «بتهمة المشاركة في أعمال الشغب».",  # a charge
        "يقول سكان التقيناهم في ألماتي إن الهدوء هش.",  # the reporter met them
    ],
)
def test_a_charge_or_the_reporters_own_visit_is_no_event(ex, text):
    assert events(ex, "تتواصل الأزمة في كازاخستان. " + text, "2022-01-07") == ()


def test_a_sit_in_is_a_protest(ex):
    text = "تتواصل الأزمة في كازاخستان. وفي قزل أوردا يعتصم بضع مئات أمام مبنى الإدارة المحلية منذ الثلاثاء."
    assert ("protest", "Kyzylorda") in {(e.type, e.place.name) for e in events(ex, text, "2022-01-07")}


def test_forces_told_arriving_with_no_place_are_where_forces_go_not_in_the_sending_state(ex):
    # a Russian briefing names Russia most; its units go to Kazakhstan
    text = ("أعلنت وزارة الدفاع الروسية أن الطائرات الروسية تنقل القوات الروسية إلى كازاخستان. "
            "وقال الناطق باسم الوزارة الروسية إن الوحدة الأرمينية وصلت بكامل قوامها البالغ 100 عسكري.")
    assert {e.place.name for e in events(ex, text, "2022-01-08") if e.type == "deployment"} == {"Kazakhstan"}


def test_a_withdrawal_may_name_its_forces_in_the_sentence_before(ex):
    text = ("تتواصل الأزمة في كازاخستان.\n\nولم يطل بقاء هذه القوة في البلاد. "
            "وبدأ الانسحاب فعلياً في 13 يناير بمراسم رسمية في ألماتي.")
    assert ("deployment", "Almaty", "2022-01-13") in {
        (e.type, e.place.name, e.date) for e in events(ex, text, "2022-01-20")}


def test_deaths_whose_truth_families_demand_are_no_new_event(ex):
    text = "تتواصل الأزمة في كازاخستان. ولا تزال عائلات في ألماتي تطالب بكشف ملابسات مقتل أبنائها."
    assert [e for e in events(ex, text, "2022-01-20") if e.type == "casualties"] == []


def test_an_artillery_attack_is_a_fight_and_a_states_territory_is_the_state(ex):
    single = "وشن الجيش الأذربيجاني هجوماً بالمدفعية على مواقع قرب مدينة جرموك."
    assert ("armed_clash", "Jermuk") in {(e.type, e.place.name) for e in events(ex, single, "2022-09-15")}
    text = ("تتواصل الأزمة في كازاخستان. وشنّت القوات الأذربيجانية هجمات بالمدفعية على مواقع قرب مدينة غوريس. "
            "وأسفر القتال، الذي استمر يومين على الأراضي الأرمينية، عن مقتل نحو 290 جندياً.")
    found = {(e.type, e.place.name) for e in events(ex, text, "2022-09-15")}
    assert ("armed_clash", "Goris") in found
    assert ("casualties", "Armenia") in found
    # stones thrown by rioters are no fight
    riot = "أصيب عشرة عناصر جراء هجمات نفّذها مثيرو الشغب باستعمال الحجارة في ألماتي."
    assert "armed_clash" not in {e.type for e in events(ex, riot, "2022-01-06")}


def test_a_refusal_is_a_decision_and_what_was_refused_did_not_happen(ex):
    text = ("عقدت المنظمة قمتها في يريفان في 23 نوفمبر 2022، ورفض رئيس الوزراء نيكول باشينيان التوقيع "
            "على الإعلان الختامي.")
    found = {e.type for e in events(ex, text, "2022-11-24")}
    assert "political_decision" in found and "treaty_membership" not in found
    # a motive ("against") and a stance voiced are no decisions
    motive = "خرج المحتجون في جاناوزن رفضاً لمضاعفة سعر الغاز. وأعرب الوزير عن رفض بلاده أي تدخل."
    assert "political_decision" not in {e.type for e in events(ex, motive, "2022-01-03")}


def test_leaders_gathered_to_sign_are_the_signing_at_their_city(ex):
    text = "تعود قصة المنظمة إلى 15 مايو 1992، يوم اجتمع في طشقند قادة ست جمهوريات ووقّعوا معاهدة الأمن الجماعي."
    assert [(e.type, e.place.name if e.place else None, e.date) for e in events(ex, text, "2023-01-09")] == [
        ("treaty_membership", "Tashkent", "1992-05-15")]


def test_a_proposal_is_considered_and_the_government_is_the_state_told_before(ex):
    text = ("يناقش البرلمان القرغيزي اليوم إرسال وحدة عسكرية إلى كازاخستان. "
            "وبحسب مشروع القرار، تقترح الحكومة إرسال 150 عسكرياً من وحدات الانتشار السريع.")
    assert troops(ex, text, "2022-01-06") == {("KG", 150, "considering")}
    # the state named last before "the parliament", even earlier in its own sentence
    text = ("تحرس القوات الطاجيكية الحدود مع أفغانستان. في المقابل، لم تحسم قيرغيزستان أمرها بعد؛ "
            "إذ يدرس البرلمان في بيشكيك مشروع قرار يجيز إرسال ما يصل إلى 150 عسكرياً إلى كازاخستان.")
    assert troops(ex, text, "2022-01-06") == {("KG", 150, "considering")}


def test_the_place_violence_swept_is_where_it_was_and_a_crowd_streaming_in_is_a_protest(ex):
    text = ("تتابع أوزبكستان الوضع بقلق، وتؤكد أوزبكستان حيادها. ففي يونيو 2010 رفضت المنظمة طلب قيرغيزستان "
            "التدخل لوقف أعمال العنف العرقية التي اجتاحت أوش.")
    assert ("riot", "Osh") in {(e.type, e.place.name) for e in events(ex, text, "2022-01-08")}
    crowd = "تتواصل الأزمة في كازاخستان. وفي ألماتي، كبرى مدن البلاد، تدفق الآلاف مساء أمس إلى وسط المدينة."
    assert ("protest", "Almaty") in {(e.type, e.place.name) for e in events(ex, crowd, "2022-01-05")}


def test_a_day_heading_a_paragraph_dates_what_the_paragraph_tells(ex):
    filler = "وتواصلت المشاورات بين المسؤولين طوال الساعات التالية بشأن الخطوات المقبلة للحكومة. " * 5
    text = ("تسلسل زمني لأحداث كازاخستان.\n\nالأربعاء 5 يناير: يوم مفصلي. " + filler
            + "وفي ألماتي اقتحم محتجون مبنى البلدية.\n\nالخميس 6 يناير: وصلت القوات الروسية.")
    assert len(filler) > 300  # beyond the reach of a date told before in running text
    assert [(e.type, e.date) for e in events(ex, text, "2022-01-12") if e.type == "seizure"] == [
        ("seizure", "2022-01-05")]


def test_a_measure_widened_to_the_whole_country_is_the_states(ex):
    text = ("وأعلن الرئيس صباح الأربعاء حالة الطوارئ في ألماتي ومنطقة مانغيستاو، "
            "قبل أن يوسّعها مساءً لتشمل كامل أراضي البلاد.")
    placed = {e.place.name for e in events(ex, text, "2022-01-06") if e.type == "state_of_emergency"}
    assert placed == {"Almaty", "Mangystau Region", "Kazakhstan"}


def test_a_decree_signed_is_a_decision_not_a_treaty_step(ex):
    text = ("وكان لوكاشينكو قد وقّع يوم الخميس 6 يناير مرسوماً بإرسال الوحدة، بعد ساعات من إعلان مجلس الأمن "
            "الجماعي للمنظمة الاستجابة لطلب الرئيس الكازاخي.")
    found = {(e.type, e.place.name) for e in events(ex, text, "2022-01-08")}
    assert ("political_decision", "Belarus") in found  # Lukashenko's, named before the decree
    assert "treaty_membership" not in {t for t, _ in found}


def test_workers_stopping_work_strike_and_demands_raised_are_no_new_protest(ex):
    text = "تتواصل الأزمة في كازاخستان. فقد توقف عمال شركة النفط في جاناوزن عن العمل يوم الاثنين."
    assert ("protest", "Zhanaozen") in {(e.type, e.place.name) for e in events(ex, text, "2022-01-05")}
    raised = ("أعلنت الحكومة خفض سعر الغاز في إقليم مانغيستاو، غير أن المحتجين وصفوا الخطوة بأنها متأخرة، "
              "ورفعوا سقف مطالبهم.")
    assert "protest" not in {e.type for e in events(ex, raised, "2022-01-05")}


def test_a_live_blogs_entries_take_their_day_heading_not_yesterday_of_another_entry(ex):
    text = ("ألماتي تحت النار\nتغطية مستمرة\nالجمعة 7 يناير 2022\n\n"
            "09:20\nهدوء حذر يسود ميدان الجمهورية الذي شهد أمس تبادلاً كثيفاً لإطلاق النار.\n\n"
            "10:05\nوزارة الدفاع: وحدات من الجيش استعادت السيطرة على مطار ألماتي الدولي.\n\n"
            "الخميس 6 يناير 2022\n\n"
            "22:10\nاقتحم محتجون مبنى البلدية في ألماتي.")
    dated = {e.type: e.date for e in events(ex, text, "2022-01-07")}
    assert dated["seizure"] == "2022-01-06"  # under the heading of the 6th
    assert dated["armed_clash"] == "2022-01-06"  # "أمس" of the 7th entry
    text_7 = text.split("الخميس")[0]
    assert {e.date for e in events(ex, text_7, "2022-01-07") if e.type == "seizure"} == {"2022-01-07"}


def test_bursts_of_gunfire_are_a_fight_and_a_building_retaken_is_taken(ex):
    text = ("تتواصل الأزمة في كازاخستان. وأفاد سكان في ألماتي بسماع رشقات متواصلة من الأسلحة الرشاشة. "
            "وقال الحرس الوطني إن قواته استعادت مبنى البلدية في شيمكنت.")
    found = {(e.type, e.place.name) for e in events(ex, text, "2022-01-07")}
    assert ("armed_clash", "Almaty") in found and ("riot", "Almaty") not in found
    assert ("seizure", "Shymkent") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وفي نوفمبر 2022 وقّع توكاييف قانون عفو شمل مئات المشاركين في أحداث يناير.", "political_decision"),
        ("وكان توكاييف قد أقصى في الخامس من يناير 2022 سلفه من رئاسة مجلس الأمن.", "political_decision"),
        ("وقّعت الدول الست المعاهدة في طشقند عام 1992، ودخلت حيز النفاذ عام 1994.", "treaty_membership"),
        ("وفي قمة موسكو عام 2002 قرر الأعضاء تحويل المعاهدة إلى منظمة إقليمية.", "treaty_membership"),
    ],
)
def test_more_ways_of_telling_decisions_and_treaty_steps(ex, text, expected):
    assert expected in {e.type for e in events(ex, "تتواصل الأزمة في كازاخستان. " + text, "2023-01-06")}


def test_another_body_turned_into_an_organisation_is_no_treaty_step(ex):
    text = ("وعقد وزراء خارجية منظمة الدول التركية اجتماعا في أنقرة، هو الأول منذ أن أعلنت قمة إسطنبول في نوفمبر "
            "2021 تحويل المجلس التركي إلى منظمة.")
    assert "treaty_membership" not in {e.type for e in events(ex, text, "2022-01-11")}


def test_a_crowd_of_tens_is_no_contingent_and_military_equipment_is_no_war(ex):
    text = ("ودفعت يريفان بدورها بوحدة من 100 عسكري إلى كازاخستان، ما أثار انتقادات أحزاب معارضة تجمّع العشرات "
            "من أنصارها أمام مقر الحكومة في يريفان.")
    assert troops(ex, text, "2022-01-08") == {("AM", 100, "sent")}
    assert ("protest", "Yerevan") in {(e.type, e.place.name) for e in events(ex, text, "2022-01-08")}
    kit = "وأعلن الأمين العام أن القوة تضم 2030 عسكرياً و250 قطعة من المعدات الحربية."
    assert "armed_clash" not in {e.type for e in events(ex, kit, "2022-01-08")}


def test_what_a_mission_will_be_limited_to_is_no_deployment_yet(ex):
    text = "تتواصل الأزمة في كازاخستان. وأكدت وزارة الدفاع في بيشكيك أن مهمة الجنود ستقتصر على حماية منشآت حيوية."
    assert [e for e in events(ex, text, "2022-01-06") if e.type == "deployment"] == []


def test_forces_worked_with_are_not_the_ones_sent(ex):
    text = ("وصلت القوات إلى كازاخستان. وقال البيان إن الوحدة الأرمينية تتولى، بالتنسيق مع القوات الروسية، "
            "حراسة محطة الكهرباء، وإن قوامها يبلغ 100 عسكري.")
    assert troops(ex, text, "2022-01-08") == {("AM", 100, "sent")}


@pytest.mark.parametrize(
    "text",
    [
        "وأكدت وزارة الخارجية الأوزبكية في بيان أمس أن طشقند «تلتزم الحياد» حيال ما يجري في كازاخستان.",
        "وشددت الخارجية على أن أوزبكستان لن ترسل جنوداً إلى كازاخستان.",
    ],
)
def test_staying_out_is_a_decision_of_the_state_that_stays_out(ex, text):
    placed = [e.place.name for e in events(ex, text, "2022-01-08") if e.type == "political_decision"]
    assert placed == ["Uzbekistan"]
    assert troops(ex, text, "2022-01-08") == set()


def test_an_appeal_and_the_councils_decision_told_as_nouns_are_decisions(ex):
    text = ("تتواصل الأزمة في كازاخستان. وفي ذروتها، استجابت المنظمة لنداء الرئيس قاسم جومارت توكاييف ليلة "
            "الخامس من يناير. "
            "وبدأ نقل القوات تنفيذاً لقرار مجلس الأمن الجماعي للمنظمة الصادر في السادس من يناير.")
    decided = {(e.place and e.place.name, e.date) for e in events(ex, text, "2022-01-08")
               if e.type == "political_decision"}
    assert ("Kazakhstan", "2022-01-05") in decided
    assert ("Kazakhstan", "2022-01-06") in decided


@pytest.mark.parametrize(
    "text",
    [
        "وصلت القوات إلى كازاخستان. وأعلنت الشرطة توقيف أكثر من 200 شخص إثر مواجهات مع قوات الأمن.",
        "وصلت القوات إلى كازاخستان. وأفاد الادعاء بأن عدد القتلى بلغ 225 شخصاً، من بينهم 19 من أفراد الشرطة والجيش.",
        "تتدرب الوحدة القيرغيزية رغم التوتر منذ اشتباكات 2021 الحدودية التي أودت بحياة نحو 50 شخصاً.",
    ],
)
def test_arrests_lives_taken_and_a_part_of_a_toll_are_no_troops(ex, text):
    assert troops(ex, text, "2022-01-15") == set()


def test_forces_leaving_a_state_tell_where_they_had_been_sent(ex):
    # a report from Moscow: Russia is named most, and no place follows إلى
    text = ("أعلنت وزارة الدفاع الروسية أن آخر مجموعة من العسكريين الروس غادرت كازاخستان. "
            "وكان النصيب الأكبر لروسيا التي نشرت، وفق تقديرات الوزارة الروسية، نحو 1500 عسكري.")
    assert ("RU", 1500, "sent") in troops(ex, text, "2022-01-20")


def test_a_list_of_figures_written_on_ba_shares_the_verb(ex):
    text = ("وصلت القوات الروسية إلى كازاخستان. وكان النصيب الأكبر لروسيا التي نشرت نحو 1500 عسكري، "
            "فيما شاركت طاجيكستان بـ200 وقرغيزستان بـ150 وأرمينيا بمائة.")
    assert troops(ex, text, "2022-01-20") == {("RU", 1500, "sent"), ("TJ", 200, "sent"), ("KG", 150, "sent"),
                                              ("AM", 100, "sent")}


def test_the_whole_forces_size_is_capacity_even_when_deployed(ex):
    text = ("وصلت القوات إلى كازاخستان. وتُظهر أرقام المنظمة أن القوة ضمّت في ذروة انتشارها 2030 عسكرياً "
            "و250 قطعة من المعدات.")
    assert troops(ex, text, "2022-01-20") == {(None, 2030, "capacity")}


def test_the_citys_airport_a_dispatch_decided_and_a_price_freed(ex):
    text = ("وبلغ العنف ذروته في ألماتي يوم الأربعاء، حين استولى محتجون لساعات على مطار المدينة الدولي. "
            "وقرر مجلس الأمن الجماعي إيفاد قوات جماعية لحفظ السلام إلى كازاخستان. "
            "ومع حلول الأول من يناير، رفعت الحكومة السقف الذي كانت تفرضه على سعر الغاز، "
            "قبل أن يوسع الرئيس حالة الطوارئ لتشمل البلاد بأسرها.")
    found = {(e.type, e.place.name) for e in events(ex, text, "2022-01-06")}
    assert ("seizure", "Almaty International Airport") in found
    assert ("political_decision", "Kazakhstan") in found
    decided = {e.date for e in events(ex, text, "2022-01-06") if e.type == "political_decision"}
    assert {"2022-01-01"} < decided  # the price freed, and the dispatch


def test_among_them_goes_on_suspects_and_no_toll_and_a_held_stance(ex):
    text = ("تتواصل الأزمة في كازاخستان. فحين شنت القوات الأذربيجانية قصفاً مدفعياً على بلدات حدودية أرمينية، "
            "بينها جيرموك وغوريس، طلبت يريفان تفعيل المادة الرابعة.")
    assert {("armed_clash", "Jermuk"), ("armed_clash", "Goris")} <= {
        (e.type, e.place.name) for e in events(ex, text, "2022-10-04")}
    quiet = ("تتواصل الأزمة في كازاخستان. وقالت الوزارة إن قوات الأمن أوقفت 7939 شخصاً للاشتباه في تورطهم في "
             "أعمال الشغب. ولم تعلن الوزارة حتى الآن أي حصيلة للقتلى من المدنيين. أما تركمانستان، المتمسكة "
             "بحيادها الدائم، فلاذت بالصمت. وأكدت طشقند «تلتزم الحياد»، وأنها لن ترسل أي قوات، وأن الأمر "
             "شأن يعود إلى الشعب الكازاخي.")
    assert [(e.type, e.place.name) for e in events(ex, quiet, "2022-01-10")] == [
        ("political_decision", "Uzbekistan")]


def test_a_unit_named_with_its_state_is_the_subject_though_the_force_is_named_too(ex):
    text = ("وصلت القوات إلى كازاخستان. وحطت في مطار ألماتي طائرة تقل الدفعة الأخيرة من الوحدة الطاجيكية "
            "المشاركة في القوة الجماعية، ليكتمل بذلك قوامها البالغ 200 عسكري.")
    assert troops(ex, text, "2022-01-10") == {("TJ", 200, "sent")}


def test_a_membership_frozen_with_a_shadda_is_its_speakers_states(ex):
    # جمّدت carries a shadda, which folding turns into ـ; the interview's channel is French
    text = ("وفي الثاني والعشرين من فبراير 2024، قال باشينيان في مقابلة مع قناة فرانس 24 الفرنسية إن بلاده "
            "\"جمّدت\" مشاركتها في المنظمة.")
    assert [(e.type, e.place.name, e.date) for e in events(ex, text, "2024-03-05")
            if e.type == "treaty_membership"] == [("treaty_membership", "Armenia", "2024-02-22")]
    told_before = ("وعادت أوزبكستان إلى المنظمة عام 2006. لكنها علّقت مشاركتها مجدداً في يونيو 2012.")
    assert ("treaty_membership", "Uzbekistan", "2012-06") in {
        (e.type, e.place and e.place.name, e.date) for e in events(ex, told_before, "2022-01-08")}


def test_a_message_sent_is_no_order(ex):
    text = ("تتواصل الأزمة في كازاخستان. ووجّه الرئيس الصيني شي جين بينغ رسالة إلى نظيره قاسم جومارت توكاييف "
            "أشاد فيها بالإجراءات الحازمة.")
    assert [e for e in events(ex, text, "2022-01-08") if e.type == "political_decision"] == []


def test_a_measure_widened_with_a_shadda_spreads(ex):
    text = ("تتواصل الأزمة في كازاخستان. أعلن الرئيس حالة الطوارئ في ألماتي يوم الأربعاء، ثم وسّعها لاحقاً إلى "
            "العاصمة نور سلطان. وفي اليوم التالي مدّدها إلى إقليم مانغيستاو.")
    placed = {(e.place.name, e.date) for e in events(ex, text, "2022-01-06") if e.type == "state_of_emergency"}
    assert placed == {("Almaty", "2022-01-05"), ("Astana", "2022-01-05"), ("Mangystau Region", "2022-01-06")}


def test_verbs_with_a_shadda_still_place_and_direct(ex):
    from geo.clauses import Sentence, headed_to
    from geo.normalize import fold

    text = "أقلعت الطائرات متوجّهة إلى ألماتي"
    s = Sentence(0, len(text), text, fold(text))
    assert headed_to(s, text.index("ألماتي"))
    clash = "تتواصل الأزمة في كازاخستان وكازاخستان تراقب. وكانت أعمال شغب عرقية هزّت أوش عام 2010."
    assert ("riot", "Osh") in {(e.type, e.place.name) for e in events(ex, clash, "2022-01-08")}


def test_where_is_the_place_just_told_not_where_planes_came_from(ex):
    text = ("تتواصل الأزمة في كازاخستان. وأقلعت من مطار ماناس طائرتا نقل تقلان الوحدة القرغيزية إلى ألماتي، "
            "حيث تولت حراسة محطة للتدفئة وتوليد الكهرباء.")
    assert {e.place.name for e in events(ex, text, "2022-01-07") if e.type == "deployment"} == {"Almaty"}


def test_agreeing_with_an_assessment_is_no_decision(ex):
    text = "تتواصل الأزمة في كازاخستان. كما وافق الرئيس بوتين على تقييم توكاييف للأحداث."
    assert [e for e in events(ex, text, "2022-01-10") if e.type == "political_decision"] == []


@pytest.mark.parametrize(("text", "decisions"), [
    ("تتواصل الأزمة في كازاخستان. وقالت لندن إنها تطلب توضيحات من موسكو بشأن دور قواتها.", 0),
    ("تتواصل الأزمة في كازاخستان. وطلبت الخارجية الألمانية من السفير معلومات عن الرعايا.", 0),
    # asking for help or forces is a decision
    ("تتواصل الأزمة في كازاخستان. وطلب الرئيس رسمياً من المنظمة إرسال قوات.", 1),
])
def test_asking_to_be_told_is_no_decision(ex, text, decisions):
    assert len([e for e in events(ex, text, "2022-01-10") if e.type == "political_decision"]) == decisions


@pytest.mark.parametrize("text", [
    "وعلقت أوزبكستان عضويتها، ثم استعادت أرمينيا مشاركتها في المنظمة",
    "قبل أن تتحول المعاهدة إلى منظمة، وقرر الأعضاء تحويلها إلى منظمة إقليمية",
    "وأعلن رئيس الوزراء الأرميني، الذي تتولى بلاده الرئاسة، إرسال قوات وقرر نشر وحدات",
    "ويوقع الرئيس مرسوما، وكان قد وقّع قانون عفو وموقع التوقيع تعديلا",
    "وأعطى أوامر للجيش بإطلاق النار ثم أمر الرئيس الحكومة بتثبيت الأسعار ويأمر قوات الأمن بالتصدي",
    "واحتج المئات وفاحتجوا ثم يحتجون، والاحتجاجات مستمرة",
])
def test_phrases_are_tried_where_their_words_stand(text):
    """Trying a phrase only just before the words its matches hold finds what finditer finds."""
    from geo.events import PHRASE_STARTS, PROTEST_VERB, _finditer_near
    from geo.normalize import GAP, fold

    folded = fold(text).replace(GAP, "")
    for pattern, (words, reach) in [*PHRASE_STARTS.items(), (PROTEST_VERB, (("حتج",), 2))]:
        expected = [m.span() for m in pattern.finditer(folded)]
        assert [m.span() for m in _finditer_near(pattern, folded, words, reach)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a mission declared over, or a withdrawal announced to come, is the announcer's decision
    ("تتواصل الأزمة في كازاخستان. وأعلن الرئيس أمام النواب أن مهمة القوة «أُنجزت بنجاح».",
     {("political_decision", "Kazakhstan")}),
    ("تتواصل الأزمة في كازاخستان. وأعلن الرئيس أن القوات الأجنبية، التي ضمت ألفي عسكري، ستبدأ الانسحاب غداً.",
     {("political_decision", "Kazakhstan")}),
    ("تتواصل الأزمة في كازاخستان. وأعلنت الحكومة انتهاء مهمة القوة الجماعية.",
     {("political_decision", "Kazakhstan")}),
    # leaving once the mission is done is no announcement that it is; units that left, left
    ("تتواصل الأزمة في كازاخستان. وقال الوزير إن القوات ستغادر فور إنجاز مهمتها.", set()),
    ("تتواصل الأزمة في كازاخستان. وانسحبت الوحدات الروسية من ألماتي أمس.", {("deployment", "Almaty")}),
])
def test_a_mission_declared_over_is_a_decision_and_a_withdrawal_to_come_no_deployment(ex, text, expected):
    assert {(e.type, e.place.name if e.place else None) for e in events(ex, text, "2022-01-11")} == expected


def test_a_membership_act_told_by_pronoun_is_the_state_told_before_it(ex):
    text = ("أما طاجيكستان فقد انضمت إلى المنظمة عام 1994، قبل أن تعلّق عضويتها عام 2015، "
            "وهو ما يعكس رغبة دوشنبه في الابتعاد عن موسكو.")
    assert {(e.date, e.place.name if e.place else None) for e in events(ex, text, "2022-01-12")
            if e.type == "treaty_membership"} == {("1994", "Tajikistan"), ("2015", "Tajikistan")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # people named by their state after a total: each state's contingent, sent; the total stays
        # the force's size, though most of it came from one state
        ("تشهد كازاخستان اضطرابات. وبلغ عديد القوة 2400 عسكري، جاء أغلبهم من روسيا، إضافة إلى قرابة 600 "
         "بيلاروسي و120 أرمنياً.",
         {(None, 2400, "capacity"), ("BY", 600, "sent"), ("AM", 120, "sent")}),
        # the force's size with its verb first
        ("تشهد كازاخستان اضطرابات. وقد ضمّت القوات الجماعية نحو 2500 عسكري.", {(None, 2500, "capacity")}),
        # a state's share of a standing force is part of its size
        ("تشهد كازاخستان اضطرابات. وتملك المنظمة قوة للرد السريع يقدر قوامها بنحو 15 ألف عسكري، "
         "تسهم روسيا وحدها بنحو ستة آلاف منهم.",
         {(None, 15000, "capacity"), ("RU", 6000, "capacity")}),
    ],
)
def test_contingents_named_by_nationality_beside_the_whole_force(ex, text, expected):
    assert troops(ex, text, "2022-01-12") == expected


def test_figures_told_respectively_go_with_the_states_in_order(ex):
    text = "انتهت مهمة القوة في كازاخستان، وقد ساهمت طاجيكستان وأرمينيا بـ 180 و90 جندياً على التوالي."
    assert troops(ex, text, "2022-01-20") == {("TJ", 180, "sent"), ("AM", 90, "sent")}


def test_a_state_that_took_part_is_the_sender_though_the_organisation_is_named(ex):
    # the state the forces went to in this sentence is not the one that took part
    text = ("كانت بيلاروسيا تترأس مجلس الأمن الجماعي عندما قررت المنظمة إرسال قوة إلى كازاخستان، "
            "وقد ساهمت بقرابة 300 جندي في تلك المهمة.")
    assert troops(ex, text, "2022-01-20") == {("BY", 300, "sent")}


def test_an_order_quoted_after_its_preposition_is_a_decision_not_a_fight_nor_a_toll(ex):
    text = ("تتواصل الأزمة في كازاخستان. وأمر الرئيس أمس قوات الأمن والحرس الوطني بـ«إطلاق النار للقتل» "
            "على المسلحين.")
    assert {e.type for e in events(ex, text, "2022-01-08")} == {"political_decision"}
    told_after = ("تتواصل الأزمة في كازاخستان. وانتقدت منظمات حقوقية الأمر الذي أصدره الرئيس في 7 يناير "
                  "بإطلاق النار دون تحذير.")
    assert "armed_clash" not in {e.type for e in events(ex, told_after, "2022-01-20")}


def test_happenings_of_one_clause_take_the_places_told_after_them(ex):
    text = ("تشهد كازاخستان اضطرابات. واندلعت الأزمة بعد تظاهرات خرجت في أكتاو ثم تحولت إلى أعمال شغب "
            "في شيمكنت.")
    assert {(e.type, e.place.name) for e in events(ex, text, "2022-01-08")} == {
        ("protest", "Aktau"), ("riot", "Shymkent")}


def test_an_act_told_twice_in_a_sentence_once_with_its_place_is_one_event(ex):
    text = "وُقّعت المعاهدة في مدينة طشقند في 15 مايو 1992، وانضمت إليها يومئذ ست دول."
    assert [(e.type, e.place and e.place.name) for e in events(ex, text, "2022-01-08")] == [
        ("treaty_membership", "Tashkent")]


def test_a_clause_counting_its_own_dead_is_its_own_toll(ex):
    # (and a sentence that only asks what the figures hold adds no toll of its own)
    text = ("تشهد كازاخستان اضطرابات. ميدانياً، أعلنت وزارة الداخلية الكازاخستانية أمس مقتل 18 من عناصر الأمن "
            "وإصابة 700 آخرين منذ بدء الاضطرابات، وقالت إن قواتها قتلت 30 مسلحاً في شيمكنت. ولم توضح الوزارة "
            "إن كانت أرقامها تشمل المسلحين الذين أعلنت مقتلهم.")
    assert [(e.place.name, e.killed, e.injured) for e in events(ex, text, "2022-01-08") if e.type == "casualties"] == [
        ("Kazakhstan", 18, 700), ("Shymkent", 30, None)]


def test_the_most_violent_day_is_not_today_and_the_same_day_is_not_the_end_of_a_period(ex):
    text = ("تشهد كازاخستان اضطرابات. غير أن الأربعاء الخامس من الشهر كان اليوم الأعنف، إذ اقتحم محتجون مطار "
            "ألماتي. وفرض الرئيس حالة الطوارئ في البلاد حتى 19 يناير. وفي اليوم نفسه أقال الرئيس الحكومة.")
    found = {(e.type, e.date) for e in events(ex, text, "2022-01-08")}
    assert ("seizure", "2022-01-05") in found
    assert ("political_decision", "2022-01-19") not in found


def test_an_attack_launched_by_forces_is_a_fight_and_a_politicians_is_not(ex):
    text = ("تتواصل الأزمة على الحدود. وفي 12 أيلول 2022 شنت القوات الأذربيجانية هجوماً واسعاً على بلدة "
            "جيرموك الأرمينية.")
    assert ("armed_clash", "Jermuk") in {(e.type, e.place.name) for e in events(ex, text, "2022-09-20")}
    words = "تتواصل الأزمة في أرمينيا. وشن النائب المعارض هجوماً حاداً على الحكومة في يريفان أمس."
    assert "armed_clash" not in {e.type for e in events(ex, words, "2022-09-20")}


def test_a_freeze_told_beside_the_history_it_ends_is_news_of_its_day(ex):
    text = ("أعلن رئيس الوزراء الأرميني أن بلاده جمّدت مشاركتها في المنظمة، في أبعد خطوة تتخذها يريفان منذ "
            "انضمامها إلى المعاهدة قبل ثلاثين عاماً.")
    assert ("treaty_membership", "Armenia", "2024-02-24") in {
        (e.type, e.place and e.place.name, e.date) for e in events(ex, text, "2024-02-24")}


def test_a_vague_toll_beside_a_counted_one_in_a_sentence_is_another_toll(ex):
    text = ("تشهد كازاخستان اضطرابات. وأعلنت شرطة ألماتي اليوم تصفية العشرات من المهاجمين الذين حاولوا اقتحام "
            "مراكز الشرطة، فيما أفادت قناة محلية بمقتل 12 من عناصر الأمن وإصابة 300 آخرين في ألماتي.")
    assert sorted((e.killed or 0, e.injured or 0) for e in events(ex, text, "2022-01-06")
                  if e.type == "casualties") == [(0, 0), (12, 300)]


def test_spreading_told_in_the_imperfect_and_an_emergency_widened_in_the_evening(ex):
    text = ("اندلعت الاحتجاجات يوم الأحد 2 يناير في مدينة جاناوزن، قبل أن تمتد في اليوم التالي إلى أكتاو. "
            "وفرض الرئيس يوم الأربعاء حالة الطوارئ في ألماتي، ثم وسّعها في المساء لتشمل البلاد كلها.")
    found = {(e.type, e.place.name, e.date) for e in events(ex, text, "2022-01-06")}
    assert ("protest", "Aktau", "2022-01-03") in found
    assert ("state_of_emergency", "Kazakhstan", "2022-01-05") in found


def test_forces_asked_for_are_not_sent(ex):
    text = ("تتواصل الأزمة في قيرغيزستان. ففي يونيو 2010 ناشدت الرئيسة الانتقالية روزا أوتونباييفا موسكو "
            "إرسال قوات، فردّ الكرملين بأن الأزمة شأن داخلي.")
    assert "deployment" not in {e.type for e in events(ex, text, "2022-01-08")}


def test_a_full_stop_after_a_year_ends_its_sentence(ex):
    # the bare year of the treaty does not date the day told in the next sentence
    text = ("حطّت في كازاخستان في السادس من يناير 2022 أولى طائرات القوة، في أول تفعيل لمعاهدة وُقّعت عام ١٩٩٢. "
            "وتولى الجنود حراسة مطار ألماتي، ثم غادروا البلاد في ١٩ يناير.")
    assert all(not (e.date or "").startswith("1992-01") for e in events(ex, text, "2023-01-12"))


def test_what_would_be_done_if_asked_and_a_denied_struggle_are_no_events(ex):
    text = ("تتواصل المواجهات على الحدود القرغيزية الطاجيكية. ودعا الأمين العام للمنظمة البلدين إلى ضبط النفس، "
            "مؤكداً استعداد المنظمة للمساعدة \"إذا طلب الطرفان ذلك\".")
    assert "political_decision" not in {e.type for e in events(ex, text, "2022-09-17")}
    denied = ("ظهر الرئيس السابق نزارباييف أمس في تسجيل مصوّر مؤكداً أنه سلّم السلطة، ونافياً وجود أي صراع "
              "داخل النخبة الحاكمة في كازاخستان.")
    assert "armed_clash" not in {e.type for e in events(ex, denied, "2022-01-19")}


def test_spreading_told_beside_words_of_no_event_and_a_witness_unnamed(ex):
    text = ("بدأت الاحتجاجات يوم الأحد 2 يناير في جاناوزن. في اليوم التالي انتقلت العدوى إلى أكتاو، حيث نصب "
            "آلاف المحتجين خياماً قرب مبنى الإدارة.")
    found = {(e.type, e.place.name, e.date) for e in events(ex, text, "2022-01-08")}
    assert ("protest", "Aktau", "2022-01-03") in found
    quote = ("تشهد كازاخستان اضطرابات. \"خرجنا من أجل الغاز\"، تقول سائقة سيارة أجرة من أكتاو طلبت عدم ذكر "
             "اسمها.")
    assert "political_decision" not in {e.type for e in events(ex, quote, "2022-01-08")}


def test_a_toll_is_placed_at_the_state_whose_office_or_leader_told_it(ex):
    text = ("تتواصل المواجهات على الحدود. وأعلنت وزارة الصحة القرغيزية مساء أمس مقتل 24 شخصاً وإصابة 87 آخرين، "
            "في حين لم تصدر السلطات الطاجيكية حصيلة رسمية. وأعلن رئيس الوزراء الأرميني نيكول باشينيان "
            "الأربعاء مقتل 105 من جنود بلاده.")
    assert {e.place.name for e in events(ex, text, "2022-09-17") if e.type == "casualties"} == {
        "Kyrgyzstan", "Armenia"}
    # a newspaper's state did not tell it
    press = ("تشهد كازاخستان اضطرابات. ولم يتم الكشف عن عدد القتلى، حسبما ورد في تقرير لصحيفة ديلي ميل "
             "البريطانية.")
    assert "United Kingdom" not in {e.place.name for e in events(ex, press, "2022-01-07") if e.place}


def test_relieving_or_stripping_someone_of_a_post_is_a_decision(ex):
    for text in ("تتواصل الأزمة في كازاخستان. وأعفى الرئيس وزير الدفاع من منصبه يوم الأحد.",
                 "تتواصل الأزمة في كازاخستان. فقد جرّده الرئيس يوم الأربعاء من رئاسة مجلس الأمن."):
        assert "political_decision" in {e.type for e in events(ex, text, "2022-01-19")}


def test_refusing_to_renew_the_treaty_is_leaving_it(ex):
    text = ("ودخلت حيز التنفيذ عام 1994. وعندما حان موعد تجديدها عام 1999، امتنعت ثلاث دول عن توقيع بروتوكول "
            "التمديد.")
    assert ("treaty_membership", "1999") in {(e.type, e.date) for e in events(ex, text, "2022-01-08")}
