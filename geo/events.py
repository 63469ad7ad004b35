"""Events: what happened, where, when, with what casualty figures.

A lexicon of Arabic triggers per event type (stems, so prefixed and inflected forms
match); one event per type per sentence, placed at the most specific places the sentence
names (an airport or square over its city, a city over its region, a region over its
state), else at a state the sentence names after a locative preposition, else at the
article's main state. Historical treaty events keep no place unless the sentence names
a city. The date is the sentence's own date nearest the trigger; present-day events
with no date of their own take the date of the sentence before, in the same paragraph.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache, lru_cache
from typing import NamedTuple

from geo.clauses import (
    NAMED_GATHERING,
    RELATIVE,
    RELATIVE_PRONOUNS,
    Hits,
    MentionIndex,
    Sentence,
    clause_spans,
    headed_to,
    part,
)
from geo.model import Event, Mention, Place
from geo.normalize import GAP
from geo.numbers import NumberMention
from geo.troops import LEADER, UNITS

TRIGGERS: dict[str, tuple[str, ...]] = {
    "protest": ("احتج", "مظاهرات", "مظاهرة", "تظاهر", "محتج", "المحتجين", "متظاهر", "المتظاهرين", "ثورات",
                "ثورة", "انتفاضة", "مسيرات", "مسيرة احتجاجية", "اعتصام", "معتصم", "نزل الناس إلى الشوارع",
                "خرجوا إلى الشوارع", "إضراب", "أضرب", "احتشد", "تجمعوا", "تجمع الآلاف", "تجمع المئات",
                "تجمع آلاف", "تجمع مئات", "تجمع عشرات", "هتف", "هتافات", "رددوا شعارات", "تدفق الآلاف",
                "تدفق آلاف", "تدفق المئات", "تدفق مئات", "وقفة احتجاجية", "التجمعات", "اعتصم", "تجمع العشرات",
                "رافعين شعارات", "رفعوا شعارات", "رافعين لافتات", "رفعوا لافتات",
                "توقف عمال", "توقفوا عن العمل"),  # a strike
    "riot": ("أعمال شغب", "أعمال الشغب", "أعمال عنف", "أعمال العنف", "اقتحام", "اقتحم", "نهب",
             "إحراق", "أحرق", "أضرم", "اشتباك", "حطموا", "إسقاط تمثال",
             "أسقطوا تمثال", "أسقط متظاهرون", "أسقط محتجون", "مواجهات", "صدامات", "رشق", "رشقوا"),
    "armed_clash": ("إطلاق نار", "إطلاق النار", "تبادل لإطلاق", "اشتباكات مسلحة", "القتال", "قتال", "الحرب",
                    "حرب", "معارك", "النزاع الحدودي", "النزاع المسلح", "صراع", "الهجوم على", "هجوم مسلح",
                    "قصف", "مواجهات مسلحة", "المواجهات المسلحة", "شن هجوم", "شنت هجوم", "هجوم خاطف",
                    "الهجوم الخاطف", "هجمات بالمدفعية", "هجمات بالطائرات", "هجمات بالصواريخ", "هجمات صاروخية",
                    "هجوم بالمدفعية", "هجوم بالطائرات", "هجوم بالصواريخ", "هجوم صاروخي",
                    "هجمات مسلحة",  # not هجمات alone: rioters' attacks with stones are no fight
                    "رشقات"),  # bursts of fire: "رشقات متواصلة من الأسلحة الرشاشة"
    "seizure": ("سيطر", "استولت", "استولى", "استولوا", "الاستيلاء",
                "استيلاء", "احتلال", "استعادت مبنى", "استعاد مبنى", "استعادة مبنى", "استعادت مقر",
                "استعاد مقر", "استعادة مقر"),  # a building retaken is taken
    "casualties": ("قتل", "قتلى", "قتيل", "مقتل", "مصرع", "حتفهم", "أصيب", "إصابة", "جرحى", "جريح", "جرح",
                   "المصابين", "مصابين", "ضحايا", "وفاة", "أودت بحياة", "أودى بحياة", "تصفية", "جرت تصفيتهم",
                   "قضت على", "قضى على"),
    "deployment": ("وصلت القوات", "وصول القوات", "وصلت قوات", "نشر قوات", "نشر القوات", "إدخال قوات",
                   "تنفيذ مهامها", "انتشار قوات", "انتشرت القوات", "دخول قوات", "وصول قوات",
                   "وصلت الوحدات", "وصول الوحدات", "يحرسون", "تحرس القوات", "محملة بالجنود",
                   "نقل الوحدة", "نقل القوات", "نقل الوحدات", "نقل الجنود"),
    "state_of_emergency": ("حالة الطوارئ", "حالة طوارئ", "حظر التجول", "حظر تجول", "حظر تجوال",
                           "نطاق الطوارئ", "فرض الطوارئ", "إعلان الطوارئ", "قانون الطوارئ", "الأحكام العرفية"),
    "political_decision": ("قررت", "قرر", "استقالة", "أقال", "إقالة", "أقصى", "إقصاء", "ناشد", "طلب", "طلبت",
                           # relieving or stripping someone of a post: "أعفى وزير الدفاع من منصبه"،
                           # "جرّده توكاييف من رئاسة مجلس الأمن"
                           "أعفى", "أعفت", "إعفاء", "جرده", "جردته", "جردها", "تجريده",
                           "وافقت", "وافق", "مرسوم", "بخفض", "أعلن إرسال", "أعلنت إرسال", "تنحي",
                           "تعيين", "صادقت", "صادق البرلمان", "صادق مجلس", "صادق النواب", "المصادقة على",
                           "أصدر أوامر", "أصدر أمرا", "خفض", "ألغت", "ألغى", "إلغاء", "وقف إطلاق النار",
                           "وقف لإطلاق النار", "هدنة", "الهدنة", "تولى رئاسة", "توليه رئاسة", "تولي رئاسة",
                           "أمر قوات", "أمرت قوات", "أمر الجيش", "أعطى أوامر", "أوامر بإطلاق",
                           # a vote (not صوت alone: it is also "a sound", صوت الرصاص)
                           "صوت البرلمان", "صوت مجلس", "صوت النواب", "صوتت", "صوتوا", "التصويت لصالح",
                           "رفض", "رفضت",  # a refusal is a decision: "رفضت أرمينيا استضافة المناورات"
                           # and so is staying out: "أكدت طشقند أنها لن ترسل قوات"، "تلتزم الحياد"
                           "لن ترسل", "لن يرسل", "تلتزم الحياد", "يلتزم الحياد", "التزام الحياد",
                           "أعلنت حيادها", "أكدت حيادها",  # (not حيادها alone: "المتمسكة بحيادها الدائم" is a stance)
                           # an appeal and the council's decision, told as nouns: "استجابة لنداء الرئيس"،
                           # "تنفيذاً لقرار مجلس الأمن الجماعي"
                           "نداء", "استنجد", "قرار مجلس", "قرار المنظمة", "قرار منظمة",
                           # a price freed: "رفعت الحكومة السقف عن سعر الغاز"، "قرار تحرير سعر الغاز"
                           "رفعت الحكومة", "تحرير سعر", "تحرير أسعار"),
    "meeting": ("اجتماع", "الاجتماع", "قمة", "يجتمعون", "اجتمع", "محادثات", "مؤتمر", "دورة استثنائية",
                "الدورة الاستثنائية", "اتصال هاتفي", "مكالمة هاتفية", "اتصالا هاتفيا", "هاتفيا", "التقى",
                "التقت", "التقوا", "لقاء", "قمتها", "قمتهم", "مباحثات", "انعقد", "انعقاد"),
    "treaty_membership": ("وقعت", "وقع", "توقيع", "حيز التنفيذ", "انسحب", "انسحبت", "انسحاب", "انضمت",
                          "انضم", "انضمام", "لتضم", "تأسيس", "تأسست", "إنشاء منظمة", "إنشاء قوة", "تشكيل قوة",
                          "تجديد المعاهدة", "تحول إلى منظمة", "تحولت إلى منظمة", "تحولها إلى منظمة", "حيز النفاذ",
                          "تمديد", "علقت عضوي", "علق عضوي", "تعليق عضوي", "جمدت عضوي", "جمد عضوي",
                          "تجميد عضوي", "جمدت مشارك", "تجميد مشارك", "استأنفت عضوي", "عادت إلى المنظمة",
                          "عودتها إلى المنظمة", "عادت إلى المعاهدة", "عادت إلى صفوف", "عودتها إلى صفوف",
                          "التحقت", "التحق", "التحاق"),
}
ARRESTED = ("اعتقال", "اعتقل", "معتقل", "توقيف", "احتجاز", "اعتقلت", "أوقفت", "موقوف")
KILLED = ("قتل", "قتلى", "قتيل", "مقتل", "مصرع", "حتفهم", "وفاة")
INJURED = ("أصيب", "إصابة", "جرحى", "جريح", "جرح", "المصابين", "مصابين", "مصاب")
HISTORICAL = {"treaty_membership"}
# a protest noun is only background ("amid the protests") unless something happens to it
PROTEST_OCCURS = ("انطلقت", "اندلعت", "اندلاع", "خرج", "خرجوا", "نزل", "تعرف", "اجتاحت", "شهدت", "تركزت",
                  "بدأت", "توسعت", "انتشرت", "امتدت", "اتسعت", "بلغت", "وصلت", "طالت", "شملت", "أضرب",
                  "هتف", "ردد", "تظاهر", "احتشد", "تجمع", "نظم", "اعتصم", "ما زالوا", "لا يزالون",
                  "تواصلت", "يواصلون", "واصلوا", "واصلت", "استمرت",  # going on is happening
                  "تدفق", "رافعين شعارات", "رفعوا شعارات", "رافعين لافتات", "رفعوا لافتات", "توقف عمال",
                  "توقفوا عن العمل")
# a protest verb is its own occurrence ("احتج المئات"); the noun احتجاجات is not
PROTEST_VERB = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:احتج|احتجت|احتجوا|يحتج|يحتجون|تحتج)(?![\u0621-\u064a])")
# "اشتباكات" is a riot only with a crowd in the sentence ("بين المتظاهرين وقوات الأمن")
RIOT_BY_CLASH = re.compile(r"[وفبل]?(?:ال)?(?:اشتباك|مواجهات|صدامات)")
# (the imperfect only after the ف of what followed: "تتجه إلى مبنى البلدية فتقتحمه"; "ويقتحم
# مسلحون المبنى" is still going on)
STORMED = re.compile(r"[وف]?(?:اقتحم|اقتحمت|اقتحموا|اقتحمه|اقتحمها|اقتحمته)(?![\u0621-\u064a])"
                     r"|ف[يت]قتحم(?:ون|وا|ه|ها|ونه)?(?![\u0621-\u064a])")
ATTEMPTED = re.compile(r"حاول|محاول")
GUNMEN = re.compile(r"مسلحين|مسلحون|المسلحين|المسلحون")  # "اشتباكات مع مسلحين" is a fight
# clashes with no crowd in them: between armies or on a border they are a fight
ARMED_SIDES = re.compile(r"حدود|جيش|القوات\s+ال\S+يه(?!\S)|عسكري")
# "اللواء 31 للاقتحام الجوي": an air-assault unit, not an assault on a building
AIR_ASSAULT = re.compile(r"\S*اقتحام\S*\s+(?:ال)?جوي")
# "لواء الاقتحام الـ31"، "وحدات الاقتحام": a unit named for assaults
ASSAULT_UNIT = re.compile(r"(?:لواء|فرقه|كتيبه|وحدات|وحده|قوات|فوج)\s+(?:لل|ال)?$")
CROWD = re.compile(r"متظاهر|محتج|مثيري الشغب|مثيرو الشغب|المحتشدين|عرقي|طائفي|قوات الامن|الشرطه")
# a revolution is an event when the text dates it ("ثورات 2005 و2010"), rhetoric otherwise ("ثورات ملونة")
DATED_REVOLUTION = re.compile(r"ثور(?:ه|ات)\s+(?:عام\s+|سنه\s+)?[0-9]")
# what is planned has not happened: "من المقرر أن يعقد … الأسبوع المقبل"
FUTURE = ("من المقرر", "المقرر أن", "يعتزم", "تعتزم", "سيعقد", "ستعقد", "الأسبوع المقبل", "الشهر المقبل",
          "الأسبوع القادم", "الشهر القادم", "يوم غد",
          "ستقتصر", "سيقتصر", "ستتولى", "سيتولى")  # "مهمة الجنود ستقتصر على حماية منشآت": a mission to come
# "سيتم / ستتم / سوف" a few words before a trigger: what will be done
WILL_WORDS = ("سيتم", "ستتم", "سوف", "سيجري", "ستجري")
WILL_WORD = re.compile("|".join(WILL_WORDS))  # one scan of a sentence for any of them
WILL_BE = re.compile(rf"(?:^|\s)(?:{'|'.join(WILL_WORDS)})\s+(?:\S+\s+){{0,4}}$")
WILL_BE_REACH = 48
# a summit held online has no place of its own
VIRTUAL = ("افتراضي", "الافتراضية", "بصيغته الافتراضية", "عبر الفيديو", "عبر الإنترنت", "عن بعد",
           "بتقنية الفيديو", "الاتصال المرئي")
# when a sentence holds many triggers, the most specific types win (at most MAX_TYPES)
PRIORITY = ("casualties", "seizure", "state_of_emergency", "deployment", "armed_clash", "riot", "meeting",
            "treaty_membership", "political_decision", "protest")
MAX_TYPES = 2
_RANK = {t: i for i, t in enumerate(PRIORITY)}
# decisions and deployments concern a state: they borrow no city from a neighbouring clause
STATE_LEVEL = {"political_decision", "deployment"}
# a treaty event needs the treaty, the organisation or membership in its sentence
# ("انسحاب القوات" is troops leaving, not a state leaving the treaty)
TREATY_CONTEXT = ("معاهدة", "منظمة", "ميثاق", "عضوية", "اتفاقية", "الحلف", "التحالف", "الأعضاء", "بروتوكول")
NO_DEFAULT_PLACE = {"treaty_membership", "meeting"}  # a virtual summit or a treaty has no place of its own
MAX_PLACES = 10  # places of one event in a list ("في أتيراو وأكتوبي وأورالسك …")
SPECIFICITY = {"facility": 4, "landmark": 4, "city": 3, "region": 2, "country": 1}
LOCAL_KINDS = frozenset(SPECIFICITY) - {"country"}  # places inside a state
# how far from a figure a word of death or injury may stand (characters after / before it)
FIGURE_REACH_AFTER = 40
FIGURE_REACH_BEFORE = 25
# compared with folded text, where إلى is written الي and على is علي
# what stands right before a place where something happens: a preposition as the word
# before it (في ألماتي، وفي ألماتي، إلى، على) or ب written on the name (بألماتي), a compass
# word between (في جنوب قيرغيزستان، بشمال البلاد); not ل, which gives to or for ("تنازلات
# لباكو"), nor the end of another word (حوالي، قبل، حرب)
# (each alternative opens a word: the pattern is searched on its stretch with a space put
# before it, so its leading \s also stands for the stretch's start, and the search skips from
# one space to the next instead of trying every letter)
LOCATIVE_BEFORE = re.compile(
    r"\s(?:"
    r"(?:[وف]?(?:في|الي|علي)\s+|[وف]?ب)"
    r"(?:(?:جنوب|شمال|شرق|غرب|وسط)ي?\s+(?:(?:شرق|غرب)ي?\s+)?)?"
    # and a noun of place before the name: "في مطار فيتيبسك"، "بمدينة جاناوزن"
    r"(?:(?:ال)?(?:مطار|مدينه|مدينتي|ميدان|ساحه|قاعده|منطقه|منطقتي|اقليم|ولايه|مقاطعه|بلده|بلدتي|قريه|محافظه"
    r"|اراضي)\s+)?$"  # "على الأراضي الأرمينية": a state's territory is the state
    # a verb whose object is the place it hit: "أعمال العنف التي اجتاحت أوش"، "هزّت كازاخستان"
    r"|[وف]?[يت]?(?:اجتاح|اجتاحت|اجتاحوا|طال|طالت|هز\u0640?|هز\u0640?ت|ضرب|ضربت|عم\u0640?|عم\u0640?ت)\s+$"
    # a word of place on its own: "في ساحة الحرية وسط يريفان"، "قرب بيشكيك"، "شمال غربي أرمينيا"
    r"|[وف]?(?:وسط|قرب|بالقرب\s+من|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي)(?:\s+(?:شرق|غرب)ي?)?\s+$"
    r")"
)
LOCATIVE_REACH = 32
# every stretch LOCATIVE_BEFORE matches ends with ب (بألماتي) or with a word ending in one of these,
# then a space: most stretches are ruled out by this test before the pattern is tried
# (keep it in step with the pattern)
LOCATIVE_TAILS = (
    "في", "الي", "علي", "جنوب", "شمال", "شرق", "غرب", "وسط", "جنوبي", "شمالي", "شرقي", "غربي", "وسطي",
    "مطار", "مدينه", "مدينتي", "ميدان", "ساحه", "قاعده", "منطقه", "منطقتي", "اقليم", "ولايه", "مقاطعه", "بلده",
    "بلدتي", "قريه", "محافظه", "اراضي", "اجتاح", "اجتاحت", "اجتاحوا", "طال", "طالت", "هز", "هز\u0640", "هزت",
    "هز\u0640ت", "ضرب", "ضربت", "عم", "عم\u0640", "عمت", "عم\u0640ت", "قرب", "من",
)
LOCATED_REACH = 40  # (what else names a place where something is held: "قمة موسكو"، "شهدت العاصمة")
BETWEEN_BEFORE = re.compile(r"(?:^|\s)[وف]?بين\s+$")


def _may_be_locative(before: str) -> bool:
    """The stretch ``before`` ends as a match of LOCATIVE_BEFORE must (see LOCATIVE_TAILS)."""
    if before.endswith("ب"):
        return True
    if not before[-1:].isspace():
        return False
    words = before.split()
    return bool(words) and words[-1].endswith(LOCATIVE_TAILS)


def _locative_before(s: Sentence, m: Mention, *, between: bool = False) -> bool:
    """A locative preposition stands right before mention ``m`` of sentence ``s`` (with
    ``between``, بين counts too: "اشتباكات بين أرمينيا وأذربيجان")."""
    rel = m.start - s.start
    before = s.folded[max(0, rel - LOCATIVE_REACH) : rel]
    if _may_be_locative(before) and LOCATIVE_BEFORE.search(" " + before) is not None:
        return True
    return between and BETWEEN_BEFORE.search(before) is not None


# a war "on terrorism" or "against extremism" is a policy, not a fight at a place
WAR_ON_AN_IDEA = re.compile(r"\S+(?:\s+\S+)?\s+(?:ضد|علي)\s+(?:ال)?(?:ارهاب|تطرف|مخدرات|فساد)(?![\u0621-\u064a])")

# a fight is where its parties are: "القتال الحدودي بين قيرغيزستان وطاجيكستان"
PARTIES_MEET = {"armed_clash"}
# a state's own act signed (not a treaty): "وقّع مرسوماً"، "وقّع قانون عفو"، "وقّع تعديلاً دستورياً"
SIGNED_AN_ACT = re.compile(  # (ـ: a shadda, folded away: وقّع)
    r"[وف]?(?:[يت]?وق\u0640*ع|توقيع)\S*\s+(?:\S+\s+){0,5}?(?:ال)?(?:مرسوم|قانون|تعديل|قرار)")
STAYING_OUT = re.compile(r"[وف]?(?:لن\s|[يت]?لتزم\s+ال|التزام\s+ال|حياد)")
# "وجّه الرئيس الصيني شي جين بينغ رسالة": a message sent is no order
MESSAGE_SENT = re.compile(r"(?:^|\s)(?:رساله|رسايل|برقيه|تحيه|دعوه|كلمه)(?!\S)")
AGREED_WITH = re.compile(r"[وف]?وافق\S*\s+(?:\S+\s+){0,3}?علي\s+(?:تقييم|راي|وجهه\s+نظر|تقدير|ما\s+قاله)")
# "طلبت واشنطن توضيحات بشأن…": asking to be told is no decision
# forces asked for: "ناشدت أوتونباييفا موسكو إرسال قوات"، "طلب توكاييف من المنظمة نشر قوات"
ASKED_TO_SEND = re.compile(r"(?:^|\s)[وف]?(?:ناشد|[يت]ناشد|طلب|[يت]طلب|دعا|دعت|[يت]دعو|استنجد|[يت]ستنجد|التمس)"
                           r"\S*\s+(?:[^\s.؛،]+\s+){0,6}?[بل]?$")
ASKED_TO_SEND_REACH = 70
_ASKING = ("ناشد", "طلب", "دعا", "دعت", "دعو", "استنجد", "التمس")  # the words it needs
# (and asking not to be named: "تقول سائقة من أكتاو طلبت عدم ذكر اسمها")
ASKED_TO_BE_TOLD = re.compile(r"[وف]?[يت]?طلب\S*\s+(?:\S+\s+){0,4}?(?:ال)?(?:توضيح|ايضاح|تفسير|معلومات|شرح"
                              r"|عدم\s+(?:ذكر|الكشف|كشف|نشر)\s+(?:ال)?(?:اسم|هويت))")
WHERE = re.compile(r"\s*[وف]?حيث\s")  # a clause opening with "where"
# an office of a state right before its adjective: "وزارة الصحة القرغيزية"، "السلطات الطاجيكية"
STATE_OFFICE = re.compile(r"(?:^|\s)[وف]?(?:ال)?(?:وزاره|سلطات|حكومه|شرطه|داخليه|صحه|دفاع|رياسه|لجنه|نيابه|حرس)"
                          r"(?:\s+(?:ال)?\S+)?\s+(?:ال)?$")
# a toll of the speaker's own: "مقتل 105 من جنود بلاده"، "مصرع عشرة من مواطني بلادها"
OF_HIS_COUNTRY = re.compile(r"\S*\s+(?:\S+\s+){0,3}?من\s+\S+\s+بلاد(?:ه|ها|نا)(?!\S)")
HIS_COUNTRY = re.compile(r"(?:^|\s)[وف]?(?:ان|بان)?\s*بلاد(?:ه|ها)(?:\s|[\"«]|$)")
# the organisation's own force: "قوات جماعية لحفظ السلام"، "قوة حفظ سلام جماعية"
COLLECTIVE_FORCE = re.compile(r"حفظ\s+(?:ال)?سلام|(?:قوات|قوه)\s+(?:ال)?جماعي")


def _collective_force(folded: str) -> bool:
    return ("سلام" in folded or "جماعي" in folded) and COLLECTIVE_FORCE.search(folded) is not None  # (its words first)


# protesters named as who did something ("اقتحم محتجون"، "أحرق متظاهرون") right after its verb
AGENT = re.compile(r"[وف]?(?:ال)?(?:محتج|متظاهر)")
AGENT_REACH = 16
# "وكان توكاييف قد ناشد"، "السلطات الكازاخية طلبت": how far before its verb a subject may be named
ACTOR_BEFORE_REACH = 20


class _Trigger(NamedTuple):
    type: str
    pos: int  # offset in the original text


# words that turn a trigger into its absence: "وقف إطلاق النار" (ceasefire), "لمنع الاشتباكات"
# ([وف]?ل? before منع، تجنب، تفادي، حظر: the word before a trigger is looked up among them all)
PREVENTION = frozenset(c + li + w for c in ("", "و", "ف") for li in ("", "ل") for w in ("منع", "تجنب", "تفادي", "حظر"))
# "وقف إطلاق النار" is a ceasefire, but "لوقف أعمال العنف" is violence going on: stopping
# takes away only a fight
STOPPING = frozenset(c + li + "وقف" for c in ("", "و", "ف") for li in ("", "ل"))  # [وف]?ل?وقف
STOPPED_TYPES = {"armed_clash"}
# "حق التظاهر السلمي": a right, not a protest
RIGHT_TO = frozenset({"حق", "الحق", "وحق"})
QUOTES = "\"'«»“”"
# what is demanded has not been done: "شعارات تطالب بخفض الأسعار"، "مطالبين بإقالة الحكومة"
DEMANDED = re.compile(r"(?:^|\s)[وف]?(?:[يت]|ال)?(?:طالب|مطالب)\S*\s+(?:\S+\s+){0,2}$")  # "تطالب بكشف ملابسات مقتل"
DEMANDED_REACH = 40
# nor what somebody is charged with: "بتهمة المشاركة في أعمال الشغب"
CHARGED_WITH = re.compile(
    r"(?:^|[\s«\"])[وف]?(?:ب|ل|لل)?(?:ال)?(?:تهمه|تهم|اتهام|اتهامات|اشتباه|شبهه)\s+(?:\S+\s+){0,3}$")
CHARGED_WITH_REACH = 50
# what somebody refused to do was not done (the refusal is the decision): "رفض رئيس الوزراء
# نيكول باشينيان التوقيع"، "انتهى الاجتماع إلى رفض إرسال قوات" (but to abstain from renewing a
# membership, امتنعت عن تمديد عضويتها, is to leave)
# (the words between name who refused, not why: "رفضت لأنها تنظر إلى حرب القوقاز" refused no war)
REFUSED_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:ب|ل|ال)?رفض\S*\s+(?:(?!(?:لان|ان|بان|الي|في|علي|من|لكن)\S*\s)\S+\s+){0,4}?"
    r"(?:عن\s+)?$")
REFUSED_REACH = 50
REFUSAL = re.compile(r"[وف]?رفض")
# "سرت شائعات عن تجدد المعارك": a rumour is not an event
RUMOUR = re.compile(r"(?:^|\s)[وف]?(?:ال)?(?:شايعات|اشاعات|شايعه|اشاعه)\s+(?:\S+\s+){0,4}$")  # folded: ئ is ي
RUMOUR_REACH = 48
# "المجرمين والقتلة": the killers are people, not deaths
KILLERS = re.compile(r"[وف]?(?:ب|ل)?الق[ـ]*ت[ـ]*ل[ـ]*ه(?![\u0621-\u064a])")
# "منذ اندلاع الاضطرابات"، "وبعد ساعات من بدء القتال": a reference to what was told
SINCE_START = re.compile(
    r"(?:^|\s)[وف]?(?:منذ|بعد|قبل|عقب)\s+(?:\S+\s+(?:من\s+)?)?(?:بدء|بدايه|اندلاع|انطلاق)\s+$"
)
SINCE_START_REACH = 40
# an inquiry into what happened: "طالب بالتحقيق في مقتل المدنيين"، "تحقيق شفاف" في أعمال العنف"
INQUIRY = re.compile(r"(?:^|\s)[وفبل]?(?:ال)?تحقيق\S*\s+(?:\S+\s+)?في\s+$")
INQUIRY_REACH = 40
# "ولم تشهد دوشنبه أي احتجاجات": none of it happened
# (a noun may stand between: "ولم تعلن الوزارة حتى الآن أي حصيلة للقتلى")
# (or denied: "نافياً وجود أي صراع"، "ونفى حدوث أي اشتباكات")
NONE_OF = re.compile(r"(?:^|\s)[وف]?(?:لم|لن|لا|نافي\S*|نفي|نفت|ينفي|تنفي|نافين)\s+(?:\S+\s+){0,5}?اي\s+(?:\S+\s+)?$")
NONE_OF_REACH = 60
# the event denied right after it: "القتال لا يدور"، "الاحتجاجات لم تحدث"
NOT_TAKING_PLACE = re.compile(r"\S+\s+(?:لا|لم|لن)\s+(?:يدور|تدور|يجري|تجري|يحدث|تحدث|يقع|تقع|تشهد|يشهد)(?!\S)")
BANNED = re.compile(r"\S+\s+(?:\S+\s+){0,2}(?:محظور|ممنوع)")
# "من دون أي التزام بإرسال قوات": what is done without something did not do it
WITHOUT = re.compile(r"(?:^|\s)(?:ب|من\s+)?دون\s+(?:اي\s+)?(?:\S+\s+)?$")
WITHOUT_REACH = 30
# what an exercise plays out or a plan supposes: "سيناريو … يفترض تسلل جماعات مسلحة"، "تحاكي هجوما"
SCENARIO = re.compile(r"(?:^|\s)[وف]?(?:ال)?(?:سيناريو|يفترض|تفترض|افتراض|يحاكي|تحاكي|محاكاه)\S*\s+(?:\S+\s+){0,6}$")
SCENARIO_REACH = 70
# "فتح النار لقتل المسلحين": killing as the purpose of an order, not a death
TO_KILL = re.compile(r"[وف]?لقتل\s")
# a deployment is also told in parts: a verb of arrival or transfer and a word for the units
# in one clause ("نقلت الطائرات وحدات من المظليين"، "وصلت إلى نور سلطان وحدة أرمينية"); the
# units are the troop rules' FORCES words (lexicon geo.troops.UNITS)
# leaving: a deployment told at the place the units left ("غادرت الوحدة كازاخستان عائدة إلى
# مينسك"، "ودّع العسكريون ألماتي"), so the place they went to is not its place
DEPARTURE = ("غادر", "مغادرة", "انسحب", "انسحاب", "عاد", "عودة")  # not ودّع: it is written as ودعا "and called"
RETURN = re.compile(r"[وف]?(?:عاد|عود)")  # the units' coming home, as a verb or noun
# not نشر: it also means "publish"
MOVEMENT = ("وصل", "وصول", "نقل", "انتشر", "دخل", "دخول", "حطت", "هبطت", "أقلعت", "أقلع", "تمركز", "أرسل",
            "انتقل", "انتقال", "حماية", "حراسة")

# "نقلت وكالة الأنباء عن مصدر عسكري": نقل ... عن reports what somebody said, it moves nobody
REPORTED = re.compile(r"(?<![\u0621-\u064a])[وف]?[يت]?نقل[\u0621-\u064a]*\s(?:[^،.]*\s)?عن\s")
REPORTED_REACH = 60

# words that start with a trigger's stem and mean something else (folded): الاجتماعي "social",
# الأقاليم "the regions", احتجز "detained", الأصابع "fingers", التحقيق "inquiry", القتالية "combat"
_CLITICS = r"[وفبل]{0,2}(?:ال)?"
OTHER_WORDS = {
    # اجتماعي "social"; "سكان التقيناهم": the reporter met them
    "meeting": re.compile(_CLITICS + r"اجتماعي|" + _CLITICS + r"التقي(?:نا|ت)"),
    # الأقاليم "the regions"; "ترفضه السلطات": what one refuses (present) is a stance, not an
    # act, and "رفضاً لرفع الأسعار" ("against") a motive
    "political_decision": re.compile(_CLITICS + r"اقاليم|[وف]?[يت]رفض|رفضا\u0640*(?![\u0621-\u064a])"),
    "protest": re.compile(_CLITICS + r"[يتم]?احتجز|" + _CLITICS + r"محتجز"),
    "casualties": re.compile(_CLITICS + r"اصابع"),
    "treaty_membership": re.compile(_CLITICS + r"التحق(?:يق|ق)|" + _CLITICS + r"تحقيق"),
    "armed_clash": re.compile(_CLITICS + r"قتالي|" + _CLITICS + r"حربي"),  # قتالية، الحربية: "combat", "military"
    "riot": re.compile(_CLITICS + r"رشقات"),  # bursts of fire, not stones thrown (رشقوا)
    "departure": re.compile(r"[وف]?(?:[يت]|ال|م)?عادي"),  # عادي "ordinary", تعادي "is hostile to"
}

# "عن السيطرة" / "خارج سيطرة": what is out of control has not been seized
OUT_OF = frozenset({"عن", "خارج"})
# … unless على names what was taken: "تحدثت عن سيطرة المحتجين على المطار"
SEIZED_WHAT = re.compile(r"\sعلي\s")
SEIZED_REACH = 50


def _holds_any(text: str, words) -> bool:
    """One of ``words`` is in ``text``."""
    for w in words:  # noqa: SIM110 - a loop: any() over a generator costs half as much again
        if w in text:
            return True
    return False


def _word_before(s: Sentence, pos: int) -> str:
    """The word right before the word at offset ``pos`` of the article (within 12 characters
    and separated by whitespace), inside sentence ``s``; "" when there is none."""
    rel = pos - s.start
    return _last_word(s.folded[max(0, rel - 12) : rel])


@lru_cache(maxsize=4096)
def _last_word(before: str) -> str:
    """The last word of ``before`` when whitespace ends it, else "" (asked again and again of the
    few characters before each trigger)."""
    if not before[-1:].isspace():
        return ""
    words = before.split()
    return words[-1] if words else ""


# what would happen on a condition has not happened: "إذا طلبت أستانا ذلك"
NOT_TAKING_PART = re.compile(r"(?:^|\s)[وف]?(?:لن|لم|لا)\s+\S*شارك\S*\s+(?:في\s+)?(?:اي\s+)?(?:\S+\s+)?$")
# (and in case: "في حال تجدد القتال"؛ not إن, which is also "that"), and purposes: "بهدف القتل"
CONDITIONAL = frozenset({"اذا", "واذا", "فاذا", "لو", "ولو", "حال", "لئن", "بهدف", "بغرض", "بقصد"})
# nor has what the text denies: "لم تنشر المنظمة قواتها أبدا"
NEGATION = frozenset({"لم", "ولم", "فلم", "لن", "ولن", "فلن", "لا", "ولا"})  # and slogans: "لا للحرب"
CONJUNCTIONS = ("و", "ف")
_UNDOING_WORDS = CONDITIONAL | NEGATION | PREVENTION  # a word before a trigger that undoes it
# a withdrawal is a treaty event when a state leaves the treaty or organisation ("انسحبت من
# المعاهدة"), not when forces leave a country ("بدأت القوات الانسحاب من كازاخستان")
WITHDRAWAL = re.compile(r"[وف]?(?:(?:ب|ل|لل)?(?:ال)?ا|س?[يتن])نسحا?ب")  # انسحاب، تنسحب، ستنسحب
WITHDRAWN_FROM_REACH = 50
RENEWAL = re.compile(r"(?:^|\s)[وفب]?(?:ال)?(?:تمديد|تجديد)")
RENEWAL_REACH = 40
STATE_SUBJECT_REACH = 4  # a state named as the subject starts right after the verb
FORCES_NEXT = re.compile(
    r"\S*(?:نسحا?ب|نضما?م|نضم)\S*\s+(?:الي\s+)?(?:ال)?(?:قوات|قوه|وحدات|وحده|القوات|القوه|الوحدات|الوحده)(?!\w)"
)

# a plural trigger followed by a list of years ("ثورات 2005 و2010 و2020") is one event a year
LISTED_YEARS_WINDOW = 60


# the words the phrases of acts need (see PHRASES), each at the start of a word (after a clitic
# at most) in every match of its pattern
PHRASE_WORDS: dict[str, tuple[str, ...]] = {
    "phrase:membership": ("عضويت", "مشاركت"),  # علقت أوزبكستان عضويتها
    "phrase:turning": ("تحول", "يتحول", "تتحول", "تحويل"),  # تحولت المعاهدة إلى منظمة
    "phrase:sending": ("ارسال", "نشر", "ايفاد"),  # أعلن … إرسال قوات
    "phrase:deciding": ("اعلن", "قرر"),
    "phrase:act": ("مرسوم", "قانون", "تعديل", "قرار"),  # وقّع مرسوماً
    "phrase:ordering": ("امر", "يامر", "تامر", "اوامر"),  # أمر قوات الأمن بإطلاق النار
    "phrase:directing": ("امر", "وجه"),  # أمر الرئيس … بتثبيت الأسعار
    "phrase:announcing": ("اعلن", "يعلن", "تعلن"),
    "phrase:mission_over": ("انجزت", "انجاز", "اكتملت", "اكتمال", "انتهت", "انتهاء", "انسحاب"),  # المهمة أُنجزت
    "phrase:launching": ("شن", "شنت", "يشن", "تشن"),  # شنت القوات … هجوماً
}

# the word lists this module looks for, found by the article's one lexicon scan
# (:class:`geo.clauses.MultiLexicon`): name → (stems, whether verbal prefixes may stand before them)
LEXICONS: dict[str, tuple[tuple[str, ...], bool]] = {
    **{t: (TRIGGERS[t], True) for t in PRIORITY},
    "killed": (KILLED, True),
    "injured": (INJURED, True),
    "arrested": (ARRESTED, True),  # arrest figures compete, and are neither
    "future": (FUTURE, True),
    "movement": (MOVEMENT, True),
    "departure": (DEPARTURE, True),
    "protest_occurs": (PROTEST_OCCURS, True),
    "treaty_context": (TREATY_CONTEXT, False),
    "virtual": (VIRTUAL, False),
    **{name: (words, False) for name, words in PHRASE_WORDS.items()},
}
HARM = ("killed", "injured", "arrested")
_TRIGGER_LEXICONS = frozenset([*TRIGGERS, "movement", "departure"])  # the lexicons whose words are triggers


# what the words before a trigger undo: (words one of which the match must hold, the
# pattern ending right before the trigger, how far back it may start)
UNDONE_BEFORE = (
    (("شارك",), NOT_TAKING_PART, 40),  # "لن يشاركوا في أي عمليات قتالية"
    (("طالب", "مطالب"), DEMANDED, DEMANDED_REACH),  # "شعارات تطالب بخفض الأسعار"
    (("تهم", "اتهام", "اشتباه", "شبه"), CHARGED_WITH, CHARGED_WITH_REACH),  # "بتهمة المشاركة في أعمال الشغب"
    (("رفض",), REFUSED_BEFORE, REFUSED_REACH),  # "رفض باشينيان التوقيع على الإعلان"
    (("شايع", "اشاع"), RUMOUR, RUMOUR_REACH),  # "سرت شائعات عن تجدد المعارك"
    (("بدء", "بدايه", "اندلاع", "انطلاق"), SINCE_START, SINCE_START_REACH),  # "منذ اندلاع الاضطرابات"
    (("تحقيق",), INQUIRY, INQUIRY_REACH),  # "بالتحقيق في مقتل المدنيين"
    (("اي",), NONE_OF, NONE_OF_REACH),  # "ولم تشهد دوشنبه أي احتجاجات"
    (("دون",), WITHOUT, WITHOUT_REACH),  # "من دون أي التزام بإرسال قوات"
    (("سيناريو", "فترض", "فتراض", "حاك"), SCENARIO, SCENARIO_REACH),  # "سيناريو … يفترض تسلل جماعات"
)
# … and the words from the trigger on: "القتال لا يدور"، "تكاد التظاهرات تكون محظورة"
UNDONE_AFTER = (
    (("لا ", "لم "), NOT_TAKING_PLACE),
    (("محظور", "ممنوع"), BANNED),
)
# one look for their words first (most triggers have none near them), which tells which patterns
# may match: the ones whose words stand within their reach
_UNDONE_BY_WORD: dict[str, list[tuple[re.Pattern, int]]] = {}  # word → (pattern, reach) of each needing it
for _keys, _pattern, _reach in UNDONE_BEFORE:
    for _key in _keys:
        _UNDONE_BY_WORD.setdefault(_key, []).append((_pattern, _reach))
_UNDONE_BEFORE_REACH = max(reach for _, _, reach in UNDONE_BEFORE)
_UNDONE_AFTER_WORD = re.compile("|".join(re.escape(k) for keys, _ in UNDONE_AFTER for k in keys))


@cache
def _undoing_words():
    """The words of UNDONE_BEFORE in one automaton: one pass over a stretch finds where each of
    them stands in it (cheaper than a test for each word)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in _UNDONE_BY_WORD:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


class _Mentions(MentionIndex):
    """The article's mentions (:class:`geo.clauses.MentionIndex`), with the ones the rules ask
    for again and again in indexes of their own: the places of a kind they weigh
    (SPECIFICITY) and, of those, the ones inside a state (LOCAL_KINDS)."""

    def __init__(self, mentions, paragraphs: Sequence[int] = (), destination: Place | None = None):
        super().__init__(mentions, paragraphs, destination)
        self.placed = [m for m in self.items if m.place.kind in SPECIFICITY]
        self.placed_starts = [m.start for m in self.placed]
        self.local = [m for m in self.placed if m.place.kind in LOCAL_KINDS]
        self.local_starts = [m.start for m in self.local]
        # what stands before a mention, asked again by each trigger of a sentence: by the stretch
        # of text asked about (where it starts, the mention's start) and the question
        self._locative: dict[tuple[int, int, bool], bool] = {}
        self._located: dict[tuple[int, int], bool] = {}
        self._same_city: dict[int, bool] = {}  # by where the sentence starts
        self.leaders: list[str] | None = None  # the lexicons of the people named, once asked for

    def same_city_told(self, s: Sentence) -> bool:
        """Sentence ``s`` names "the same city" (SAME_CITY), worked out once a sentence."""
        found = self._same_city.get(s.start)
        if found is None:
            f = s.folded
            found = self._same_city[s.start] = ("المدينه" in f or "البلده" in f) and SAME_CITY.search(f) is not None
        return found

    def locative_before(self, s: Sentence, m: Mention, *, between: bool = False) -> bool:
        """:func:`_locative_before`, worked out once per stretch of text."""
        key = (max(s.start, m.start - LOCATIVE_REACH), m.start, between)
        found = self._locative.get(key)
        if found is None:
            found = self._locative[key] = _locative_before(s, m, between=between)
        return found

    def located(self, s: Sentence, m: Mention) -> bool:
        """:func:`_located`, worked out once per stretch of text."""
        key = (max(s.start, m.start - LOCATED_REACH), m.start)
        found = self._located.get(key)
        if found is None:
            found = self._located[key] = _located(s, m)
        return found

    def placed_between(self, start: int, end: int) -> list[Mention]:
        return self.placed[bisect_left(self.placed_starts, start) : bisect_left(self.placed_starts, end)]

    def local_between(self, start: int, end: int) -> list[Mention]:
        return self.local[bisect_left(self.local_starts, start) : bisect_left(self.local_starts, end)]

    def names_local(self, start: int, end: int) -> bool:
        """A local place is named between ``start`` and ``end``."""
        i = bisect_left(self.local_starts, start)
        return i < len(self.local_starts) and self.local_starts[i] < end


class EventExtractor:
    def __init__(self, *, capitals: frozenset[str] = frozenset(), states: dict[str, Place] | None = None,
                 leaders: Sequence[str] = ()) -> None:
        self.capitals = capitals
        self.states = states or {}  # iso2 → the state's place, for a capital that speaks for it
        self.leaders = tuple(leaders)  # lexicon names of people who speak for a state ("leader:KZ" …)

    def extract(
        self,
        sents: Sequence[Sentence],
        numbers: Sequence[NumberMention],
        mentions: Sequence[Mention],
        date_of,
        main_state: Place | None,
        *,
        hits: Hits,
        paragraphs: Sequence[int] = (),
        destination: Place | None = None,
    ) -> list[Event]:
        """Events of one article; ``hits`` holds the words of :data:`LEXICONS` (one shared
        scan with the troop words, made by :class:`geo.extract.Extractor`); ``paragraphs``
        where its paragraphs start; ``destination`` the state forces go to (the main state
        when not given), where a deployment told with no place of its own is."""
        out: list[Event] = []
        mentions = _Mentions(mentions, paragraphs, destination)
        triggers = [
            (pos, name, prefix) for pos, _, name, prefix in hits.items
            if name in _TRIGGER_LEXICONS and not ("س" in prefix and _future_tense(prefix))
        ]
        triggers = _with_phrase_triggers(triggers, sents, hits)
        positions = [pos for pos, _, _ in triggers]
        types = [t for _, t, _ in triggers]
        previous: Sentence | None = None
        acts: dict[int, str] = {}  # which act on an office a decision is (see _dedupe)
        recent: tuple[list[str], int] | None = None  # the types of the last events told, and their sentence
        for i, s in enumerate(sents):
            before, previous = previous, s
            lo, hi = bisect_left(positions, s.start), bisect_left(positions, s.end)
            if recent is not None and recent[1] < i - 1:
                recent = None  # what spreads is told in the sentence before, at the latest
            if lo == hi:
                if recent is not None and SPREAD_STEM.search(s.folded):
                    for start, end, _, _ in _claims(s, positions, mentions, lo, hi):
                        out += self._spread(s, part(s, start, end), recent[0], numbers, mentions, date_of,
                                            main_state, hits)
                continue
            kinds = set(types[lo:hi])
            occurs = "protest" in kinds and (
                hits.any("protest_occurs", s.start, s.end)
                or bool(DATED_REVOLUTION.search(s.folded)
                        or next(_finditer_near(PROTEST_VERB, s.folded, ("حتج",), 2), None))
            )
            # the treaty may be named in the sentence before ("وفي العام التالي انضمت إليها …")
            treaty = "treaty_membership" in kinds and hits.any(
                "treaty_context", before.start if before is not None else s.start, s.end
            )
            steps: list[int] | None = None  # the steps of a history the sentence tells, once asked for
            history: list[Event] = []
            last_kind: str | None = None  # the type the claim before told, for a verb left out
            # forces named anywhere in the sentence (asked only of units moving or leaving)
            units = ("movement" in kinds or "departure" in kinds) and hits.any(UNITS, s.start, s.end)
            # … a withdrawal may name them in the sentence before, in its paragraph ("ولم يطل
            # بقاء هذه القوة … وبدأ الانسحاب فعلياً في 13 يناير")
            units_left = units or (
                "departure" in kinds and before is not None
                and mentions.paragraph_start(before.start) == mentions.paragraph_start(s.start)
                and hits.any(UNITS, before.start, before.end))
            will = WILL_WORD.search(s.folded) is not None  # what will be done (its clauses are asked again)
            for start, end, a, b in _claims(s, positions, mentions, lo, hi):
                if a == b:  # (a claim with no trigger is built only when something is told in it)
                    if recent is not None and SPREAD_STEM.search(s.folded, start, end):
                        out += self._spread(s, part(s, start, end), recent[0], numbers, mentions, date_of,
                                            main_state, hits)
                    elif last_kind is not None and GAPPED.match(s.folded, start, end):
                        # "عادت الكتيبة القرغيزية إلى بيشكيك السبت، ثم الوحدة الطاجيكية إلى دوشنبه
                        # الأحد": the verb of the claim before, left out
                        out += self._events(s, part(s, start, end), _Trigger(last_kind, s.start + start), numbers,
                                            mentions, date_of, main_state, hits)
                    continue
                c = part(s, start, end)
                told = len(out)
                found = self._triggers(c, triggers[a:b], hits, protest_occurs=occurs, treaty=treaty,
                                       units=units, units_left=units_left, mentions=mentions, will=will)
                # several happenings told in one clause each take the places told after them,
                # up to the next ("احتجاجات انطلقت من جاناوزن وتحولت إلى أعمال شغب في ألماتي")
                cuts = sorted({t.pos for t in found if t.type in ON_THE_GROUND})
                for trig in found:
                    if trig.type in HISTORICAL and steps is None:
                        steps = self._history_steps(s, triggers[lo:hi], hits, mentions)
                    if trig.type in HISTORICAL and len(steps) > 1:
                        for pos, until in zip(steps, [*steps[1:], s.end], strict=True):
                            if c.start <= pos < c.end:
                                history += self._events(s, c, _Trigger(trig.type, pos), numbers, mentions,
                                                        date_of, main_state, hits, step_until=until)
                        continue
                    segment = None
                    if len(cuts) > 1 and trig.type in ON_THE_GROUND:
                        k = cuts.index(trig.pos)
                        segment = (c.start if k == 0 else trig.pos, cuts[k + 1] if k + 1 < len(cuts) else c.end)
                    new = self._events(s, c, trig, numbers, mentions, date_of, main_state, hits, segment=segment)
                    if trig.type == "political_decision":
                        act = _office_act(s, trig)
                        if act:  # ("" is what _dedupe takes for any other event)
                            acts.update((id(e), act) for e in new)
                    out += new
                if len(out) == told and recent is not None and SPREAD_STEM.search(s.folded, start, end):
                    # a claim whose words tell no event of their own may tell the last one spreading:
                    # "انتقلت العدوى إلى أكتاو، حيث نصب آلاف المحتجين خياماً"
                    out += self._spread(s, c, recent[0], numbers, mentions, date_of, main_state, hits)
                if len(out) == told:
                    last_kind = None
                    continue
                last_kind = out[-1].type
                spreading = [e.type for e in out[told:] if e.type in SPREADING]
                if spreading:
                    earlier = recent[0] if recent is not None and recent[1] == i else []
                    recent = (earlier + spreading, i)
                else:
                    recent = None
            # a step with no date of its own ("يعود توقيع المعاهدة …، إذ وقعت … في 15 مايو 1992")
            # names the same event as a dated one
            if history:
                out += [e for e in history if e.date is not None]
        # a treaty event the text gives no date for is a reference ("منذ تأسيس المنظمة"، "الدول
        # الأعضاء هي …"), not a step of its history
        return _dedupe(_gathered_to_sign([e for e in out if e.date is not None or e.type not in HISTORICAL]), acts)

    def _history_steps(self, s: Sentence, triggers: list[tuple[int, str, str]], hits: Hits,
                       mentions: MentionIndex) -> list[int]:
        """Where the steps of a history told in sentence ``s`` are ("وقعت … عام 1992، ووقعت ثلاث
        دول أخرى في العام التالي … حيز التنفيذ في عام 1994"): each step takes the date told after it.
        Fewer than two are no history told in steps, and need no more looking at."""
        if len({pos for pos, t, _ in triggers if t in HISTORICAL}) < 2:
            return []
        return sorted({pos for pos, t, _ in triggers if t in HISTORICAL
                       and not (self._prevented(s, pos, t) or self._forces_leaving(s, pos, hits, mentions))})

    def _spread(self, s, c, kinds, numbers, mentions, date_of, main_state, hits) -> list[Event]:
        """A clause with no trigger that tells the last event spreading to places ("ثم امتدت
        الاثنين إلى آكتاو") is that event there; a measure spreading ("امتد القرار إلى العاصمة")
        is the emergency told before."""
        m = SPREAD.search(c.folded)
        if m is None:
            return []
        kind = kinds[-1]
        if "state_of_emergency" in kinds and MEASURE.match(c.folded, m.end()):
            kind = "state_of_emergency"
        after = mentions.local_between(c.start + m.end(), c.end)
        whole = not after and main_state is not None and WHOLE_COUNTRY.match(c.folded, m.end()) is not None
        if not (after or whole):
            return []
        told = self._events(s, c, _Trigger(kind, c.start + m.start()), numbers, mentions, date_of, main_state, hits)
        # the whole country: "قبل أن يوسّعها مساءً لتشمل كامل أراضي البلاد"
        return [replace(e, place=main_state) for e in told[:1]] if whole else told

    def _events(self, s, c, trig, numbers, mentions, date_of, main_state, hits, *, step_until=None,
                segment=None) -> list[Event]:
        """Events of one trigger: place and date from its clause, else from its sentence
        (``step_until``: the trigger is one step of a history, which ends there; ``segment``:
        the part of the clause that tells this trigger's places, when it tells several)."""
        places = self._places(c, trig, mentions, main_state, hits, sentence=s, segment=segment)
        # freezing or suspending a membership is news of its day, dated like any event
        historical = trig.type in HISTORICAL and not MEMBERSHIP_NEWS.match(s.folded, trig.pos - s.start)
        if step_until is not None:
            dates = [date_of.step(trig.pos, step_until, (c.start, c.end), (s.start, s.end))]
            if dates[0] is None and not historical:
                # news of a membership frozen, told beside the history it ends ("جمّدت مشاركتها …
                # منذ انضمامها إلى المعاهدة قبل ثلاثين عاماً"), is dated like any news
                dates = [date_of(c.start, c.end, near=trig.pos, outer=(s.start, s.end))]
        else:
            dates = date_of.listed_years(c.start, c.end, trig.pos, LISTED_YEARS_WINDOW) or [
                date_of(c.start, c.end, near=trig.pos, historical=historical, outer=(s.start, s.end))
            ]
        if trig.type != "casualties":
            if len(dates) == 1 and len(places) == 1:  # (most often)
                return [Event(trig.type, places[0], dates[0], s.text, None, None, s.start, s.end)]
            return [Event(trig.type, place, date, s.text, None, None, s.start, s.end)
                    for date in dates for place in places]
        killed, injured = (None, None)
        parts: list[Event] = []
        own = [n for n in numbers if c.start <= n.start < c.end]
        if not own or any(not n.vague for n in own):
            # figures of one report often span its clauses ("12 قتلوا، وجرح 353"); a clause that
            # counts its own dead or wounded is another report ("مقتل 18 من عناصر الأمن، وقالت إن
            # قواتها قتلت 26 مسلحاً في ألماتي"), which takes the sentence's other figure only when
            # it counts what the sentence counts
            killed, injured = self._figures(s, numbers, hits)
            # (not a part of the figure told before it: "بينهم 103 في ألماتي", see _parts)
            whole = [n for n in own if not PART_OF.search(s.folded, max(0, n.start - s.start - 16), n.start - s.start)]
            mine = self._figures(s, whole, hits) if whole else (None, None)
            if mine[0] is not None and mine[0] != killed or mine[1] is not None and mine[1] != injured:
                killed, injured = mine
        # a clause that counts only vaguely ("قتل عشرات") has no figure of its own
        if killed is not None or injured is not None:
            # "164 قتيلا، بينهم 103 في ألماتي وحدها": the part is an event at its place, and
            # the whole is not placed there
            for n, m in _parts(s, numbers, mentions):
                figure = (n.value, None) if killed is not None else (None, n.value)
                parts += [Event(trig.type, m.place, date, s.text, *figure, s.start, s.end) for date in dates]
                places = [p for p in places if p is None or p.key != m.place.key] or [main_state]
        return [
            Event(trig.type, place, date, s.text, killed, injured, s.start, s.end)
            for date in dates
            for place in places
        ] + parts

    def _triggers(
        self, s: Sentence, triggers: list[tuple[int, str, str]], hits: Hits, *, protest_occurs: bool, treaty: bool,
        units: bool, mentions: MentionIndex, units_left: bool = False, will: bool = True,
    ) -> list[_Trigger]:
        """The types of event the triggers of claim ``s`` tell (``will``: its sentence holds
        a word of what will be done)."""
        first: dict[str, int] = {}
        f, base = s.folded, s.start
        will = will and WILL_WORD.search(f) is not None
        for pos, t, prefix in triggers:
            if t in first:
                continue  # the first trigger of a type that holds is its trigger
            if t == "protest" and not protest_occurs:
                continue  # a protest told as background (see PROTEST_OCCURS)
            rel = pos - base

            if prefix and _imperfect(prefix) and _word_before(s, pos) in MAYBE_OR_TO_BE and not TOLD_AFTER_AN.search(
                    f, max(0, rel - 12), rel):
                continue  # "قد تطلبه موسكو"، "يُنتظر أن يصوّت البرلمان": what may or is to happen
            if will and WILL_BE.search(f, max(0, rel - WILL_BE_REACH), rel):
                continue  # "سيتم استخدام القوات في حراسة المنشآت": a plan
            other = OTHER_WORDS.get(t)
            if other is not None and other.match(f, rel):
                continue  # a word that only starts like the trigger: الاجتماعي، الأقاليم، احتجزوا …
            if t == "political_decision" and (
                    (_word_before(s, pos) == "عن" and REFUSAL.match(f, rel)) or AGREED_WITH.match(f, rel)
                    or ASKED_TO_BE_TOLD.match(f, rel)):
                # "معرباً عن رفض بلاده": a stance voiced; "وافق الرئيس بوتين على تقييم توكاييف":
                # an opinion shared; "طلبت توضيحات": a question asked; none is a decision
                continue
            first[t] = pos
        if "protest" in first and "riot" in first and 0 < first["protest"] - first["riot"] <= AGENT_REACH \
                and AGENT.match(s.folded, first["protest"] - s.start):
            del first["protest"]  # "اقتحم محتجون المبنى": the protesters are who stormed it
        if "treaty_membership" in first and (
                not treaty or self._forces_leaving(s, first["treaty_membership"], hits, mentions)):
            del first["treaty_membership"]
        if "riot" in first and (AIR_ASSAULT.match(s.folded, first["riot"] - s.start) or ASSAULT_UNIT.search(
                s.folded, max(0, first["riot"] - s.start - 12), first["riot"] - s.start)):
            del first["riot"]  # "لواء الاقتحام الجوي" names a unit
        if "riot" in first and RIOT_BY_CLASH.match(s.folded, first["riot"] - s.start) and (
                GUNMEN.search(s.folded) or not CROWD.search(s.folded)):
            # clashes are a fight when gunmen, armies or a border are in them, a riot when
            # protesters (or ethnic groups, or the police alone) are, else neither
            clash = first.pop("riot")
            if GUNMEN.search(s.folded) or ARMED_SIDES.search(s.folded):
                first.setdefault("armed_clash", clash)
        if "riot" in first and STORMED.match(s.folded, first["riot"] - s.start) and not ATTEMPTED.search(
                s.folded, max(0, first["riot"] - s.start - 20), first["riot"] - s.start):
            # "اقتحم محتجون مبنى البلدية": a building stormed is taken; trying to storm it
            # (حاولوا اقتحام) or storming told as a noun stays a riot
            first.setdefault("seizure", first.pop("riot"))
        if "armed_clash" in first and _ordered(s, first["armed_clash"]):
            # "أمر قوات الأمن بإطلاق النار": an order, not a fight, nor the killing it commands
            # ("بـ«إطلاق النار للقتل»")
            ordered = first.pop("armed_clash")
            if 0 < first.get("casualties", -1) - ordered <= ORDERED_REACH:
                del first["casualties"]
        if "armed_clash" in first and WAR_ON_AN_IDEA.match(s.folded, first["armed_clash"] - s.start):
            del first["armed_clash"]  # "الحرب على الإرهاب" is a policy, not a fight somewhere
        if "treaty_membership" in first and SIGNED_AN_ACT.match(s.folded, first["treaty_membership"] - s.start):
            # "وقّع لوكاشينكو مرسوماً بإرسال الوحدة"، "وقّع توكاييف قانون عفو": a decree signed is a decision
            first.setdefault("political_decision", first.pop("treaty_membership"))
        treaty_done = "treaty_membership" in first and (
            not self._prevented(s, first["treaty_membership"], "treaty_membership")
            # refusing to renew or extend it is leaving it: "امتنعت أذربيجان وجورجيا عن توقيع بروتوكول
            # التمديد" (1999)
            or RENEWAL.search(s.folded, first["treaty_membership"] - s.start,
                              first["treaty_membership"] - s.start + RENEWAL_REACH) is not None)
        if treaty_done:
            # "وافقت الدول على إنشاء قوة": the decision is the treaty event itself (not when
            # the treaty step is what was refused: "رفض باشينيان التوقيع")
            first.pop("political_decision", None)
        seized = first.get("seizure", 0) - s.start
        if ("seizure" in first and _word_before(s, first["seizure"]) in OUT_OF
                and not SEIZED_WHAT.search(s.folded, seized, seized + SEIZED_REACH)):
            del first["seizure"]  # "خرجت عن سيطرتها": out of control is the opposite of a seizure
        left = first.pop("departure", None)
        if (left is not None and "deployment" not in first and first.get("treaty_membership") != left
                and (units or units_left) and not self._withdrawal_to_come(s, left)):
            first["deployment"] = left  # units leaving a place
        moved = first.pop("movement", None)
        if (moved is not None and "deployment" not in first and units
                and not REPORTED.search(s.folded, moved - s.start, moved - s.start + REPORTED_REACH)):
            first["deployment"] = moved
        if not first or (hits.starts("future") and hits.any("future", s.start, s.end)):
            return []  # nothing, or a plan rather than an event (troop pledges are counted apart)
        found: list[_Trigger] = []
        for t in sorted(first, key=_RANK.__getitem__):  # the most specific types first, until MAX_TYPES are found
            if treaty_done if t == "treaty_membership" else not self._prevented(s, first[t], t):
                found.append(_Trigger(t, first[t]))
                if len(found) == MAX_TYPES:
                    break
        return found

    @staticmethod
    def _withdrawal_to_come(s: Sentence, pos: int) -> bool:
        """The withdrawal at ``pos`` is told as to come ("ستبدأ الانسحاب"، "انسحابها سيبدأ بعد يومين")."""
        rel = pos - s.start
        return WITHDRAWAL_TO_COME.match(s.folded, rel) is not None or WITHDRAWAL_TO_COME.search(
            s.folded, max(0, rel - 8), rel + 14) is not None

    @staticmethod
    def _forces_leaving(s: Sentence, pos: int, hits: Hits, mentions: MentionIndex) -> bool:
        """A withdrawal with no treaty or organisation right after it: forces leave a place,
        unless states named right after the verb are what withdraws ("تنسحب أذربيجان وجورجيا
        منها"); forces right after a withdrawal or a joining (انسحاب قوات حفظ السلام، الانضمام
        إلى قوات) leave or join a mission, not a treaty."""
        rel = pos - s.start
        if FORCES_NEXT.match(s.folded, rel) is not None:
            return True
        if WITHDRAWAL.match(s.folded, rel) is None:
            return False
        if hits.any("treaty_context", pos, min(s.end, pos + WITHDRAWN_FROM_REACH)):
            return False
        verb_end = pos + len(s.folded[rel : rel + 20].split(" ", 1)[0])
        subject = mentions.between(verb_end, min(s.end, verb_end + STATE_SUBJECT_REACH))
        return not any(x.place.kind == "country" and x.via == "name" for x in subject)

    @staticmethod
    def _prevented(s: Sentence, pos: int, kind: str) -> bool:
        """The word right before the trigger turns it into its absence."""
        # each pattern is tried only when a word it needs is in the stretch it may match
        f, rel = s.folded, pos - s.start
        stretch = f[max(0, rel - _UNDONE_BEFORE_REACH) : rel]
        tried: tuple[re.Pattern, ...] = ()  # (a tuple: most triggers have no such word near them)
        for end, word in _undoing_words().iter(stretch):  # (where each word of UNDONE_BEFORE ends in it)
            for pattern, reach in _UNDONE_BY_WORD[word]:
                # a match lies inside the last ``reach`` characters, so the word it needs does too
                if pattern in tried or end - len(word) + 1 < len(stretch) - reach:
                    continue
                tried += (pattern,)
                if pattern.search(f, max(0, rel - reach), rel):
                    return True
        for keys, pattern in UNDONE_AFTER:
            # (each pattern is anchored at the trigger: trying it is cheaper than the search
            # for its words through the rest of the sentence, done only when it matches)
            if _holds_any(f, keys) and pattern.match(f, rel) and _UNDONE_AFTER_WORD.search(f, rel):
                return True
        if kind == "casualties" and (TO_KILL.match(f, rel) or KILLERS.match(f, rel)):
            return True
        if kind == "deployment" and _holds_any(f[max(0, rel - ASKED_TO_SEND_REACH) : rel], _ASKING) and \
                ASKED_TO_SEND.search(f, max(0, rel - ASKED_TO_SEND_REACH), rel):
            return True  # "ناشدت الرئيسة موسكو إرسال قوات": asked for, not sent (the asking is a decision)
        word = _last_word(f[max(0, rel - 12) : rel])
        if not word:
            return False
        word = word.strip(QUOTES)  # ("إذا طلب الطرفان ذلك" quoted: the word is «إذا)
        if word in _UNDOING_WORDS or word in RIGHT_TO:
            return True
        return kind in STOPPED_TYPES and word in STOPPING

    def _places(self, s, trig, mentions, main_state, hits, *, sentence: Sentence,
                segment: tuple[int, int] | None = None) -> list[Place | None]:
        kind = trig.type
        if kind == "meeting":
            return self._meeting_place(s, sentence, mentions, hits)
        inside = mentions.placed_between(s.start, s.end)
        if kind != "deployment" or not inside:
            pass  # (only the places of units moving are sorted out first)
        elif hits.at("departure", trig.pos, s.end):
            if RETURN.match(s.folded, trig.pos - s.start):
                # units coming home are placed there: "وعادت الكتيبة القرغيزية إلى بيشكيك السبت"
                inside = [m for m in inside if headed_to(s, m.start)] or inside
            else:
                inside = [m for m in inside if not headed_to(s, m.start)]  # "غادرت ألماتي عائدة إلى مينسك"
        else:
            # units moving are placed where they went ("أقلعت من مطار ماناس … متجهة إلى ألماتي"),
            # not where they came from
            headed = [m for m in inside if m.place.kind != "country" and headed_to(s, m.start)]
            origins = [m for m in inside if _came_from(s, m)]
            if (any(m.place.kind != "country" for m in origins) and not headed
                    and all(m in origins for m in inside if m.place.kind != "country")):
                return []  # "بعد أن أقلعت من مطار ماناس": the flight's start, its arrival is told apart
            inside = headed or [m for m in inside if m not in origins]
        if inside:
            local = [m for m in inside if m.place.kind in LOCAL_KINDS and not self._actor(s, m, mentions)]
        elif kind in STATE_LEVEL:
            inside = [m for m in mentions.between(sentence.start, sentence.end) if m.place.kind == "country"]
            local = []
        elif kind not in HISTORICAL:
            # a dated piece of history keeps to its clause: "وقعت في طشقند 1992، ودخلت حيز
            # التنفيذ عام 1994" puts only the signing in Tashkent
            s = sentence
            inside = mentions.between(s.start, s.end)
            local = [m for m in inside if m.place.kind in LOCAL_KINDS and not self._actor(s, m, mentions)]
        else:
            local = []
        if local and main_state is not None and main_state.iso2:
            home = [m for m in local if m.place.iso2 == main_state.iso2]
            # elsewhere, an event needs its place right after في/إلى/ب ("أعمال العنف في أوش"),
            # not a place merely named ("الطائرات القادمة من موسكو")
            local = home or (local if kind in HISTORICAL or kind in ("armed_clash", "meeting")
                             else [m for m in local if mentions.located(s, m)])
        if len(local) > 1 and segment is not None:
            local = [m for m in local if segment[0] <= m.start < segment[1]] or local
        if len(local) == 1:  # (most often: what follows for several, on one)
            return _without_parents([local[0].place])
        if local:
            best = max(SPECIFICITY[m.place.kind] for m in local)
            chosen = _unique(m.place for m in local if SPECIFICITY[m.place.kind] == best)
            if best > SPECIFICITY["region"]:
                # a region holding none of the cities named beside it is a place of its own
                # ("في إقليم ألماتي والعاصمة نور سلطان")
                chosen += [r for r in _unique(m.place for m in local if m.place.kind == "region")
                           if not any(_within(r, c, REGION_REACH_KM) for c in chosen)]
            return _without_parents(chosen)[:MAX_PLACES]
        if mentions.same_city_told(sentence):
            # "وكانت المدينة نفسها قد شهدت …": the city named last before this sentence
            earlier = [m for m in mentions.between(max(0, sentence.start - SAME_CITY_REACH), sentence.start)
                       if m.place.kind == "city"]
            if earlier:
                return [earlier[-1].place]
        if kind in HISTORICAL:
            # one state joining, leaving or freezing ("انسحبت أوزبكستان من المنظمة") is placed
            # at that state; a treaty signed by several states has no place of its own
            # "أوزبكستان، التي علّقت عضويتها عام 2012": a relative clause tells of the state before it
            if RELATIVE.match(s.folded):
                before = self._states_named(sentence, mentions.between(sentence.start, s.start)[-1:], mentions)
                if before:
                    return before
            if MEMBERSHIP_NEWS.match(s.folded, trig.pos - s.start):
                # a membership frozen or suspended is its state's act: "قال باشينيان في مقابلة مع
                # قناة فرنسية إن بلاده جمّدت مشاركتها" is Armenia's, not France's
                actor = self._actor_state(sentence, trig.pos, mentions, hits)
                if actor is not None:
                    return [actor]
            # a capital speaking for its state counts as the state: "علّقت طشقند عضويتها"
            lone = self._states_named(s, inside, mentions)
            if not lone:
                # the one state told before the act is who did it ("أما أوزبكستان فقد عادت …، قبل أن
                # تعلّق عضويتها عام 2012، … حرص طشقند على مسافة من موسكو"), else any of the sentence's
                told = self._states_named(sentence, mentions.between(sentence.start, trig.pos), mentions)
                lone = told if len(told) == 1 else self._states_named(
                    sentence, mentions.between(sentence.start, sentence.end), mentions)
            if not lone and MEMBERSHIP_NEWS.match(s.folded, trig.pos - s.start):
                # "لكنها علّقت مشاركتها مجدداً": the state told just before
                lone = [m.place for m in mentions.between(max(0, sentence.start - SAME_CITY_REACH), sentence.start)
                        if m.place.kind == "country"][-1:]
            return [lone[0] if len(lone) == 1 else None]
        if "حيث" in s.folded and WHERE.match(s.folded):
            # "وأقلعت الطائرتان إلى ألماتي، حيث تولت حراسة محطة": where is the place just told
            told = [m.place for m in mentions.local_between(sentence.start, s.start) if not _came_from(sentence, m)]
            if told:
                return [told[-1]]
        if kind in NO_DEFAULT_PLACE:
            return [None]
        states = [m for m in inside if m.place.kind == "country"]
        if kind in TOLD_ON and not states:
            # "في أكتوبي … تجمّع الآلاف. وفي اليوم التالي حاول مئات منهم اقتحام المبنى": a
            # paragraph that opens in a city goes on telling that city
            told = self._paragraph_place(sentence, mentions, main_state)
            if told is not None:
                return [told]
        if kind == "political_decision" and STAYING_OUT.match(s.folded, trig.pos - s.start):
            # staying out is its maker's, not the place it stays out of: "أكدت طشقند أنها لن
            # ترسل قوات إلى كازاخستان"، "تلتزم الحياد حيال ما يجري في كازاخستان"; its maker is
            # named before it ("أنها" points back), not after ("الشعب الكازاخي")
            actor = self._actor_state(sentence, trig.pos, mentions, hits, before_only=True)
            if actor is not None:
                return [actor]
        between = kind in PARTIES_MEET
        for m in states:
            if mentions.locative_before(s, m, between=between):
                return [m.place]  # the first state named where it happens
        if kind == "political_decision":
            # a decision to send forces somewhere is placed where they go ("أعلن باشينيان إرسال
            # قوات إلى كازاخستان"); any other is its maker's: "ناشد الرئيس قاسم جومارت توكاييف"،
            # "صوّت البرلمان القرغيزي"، "طلبت يريفان"
            headed = [m for m in mentions.between(trig.pos, sentence.end)
                      if m.place.kind == "country" and headed_to(sentence, m.start)]
            if headed:
                return [headed[0].place]
            # the organisation's peacekeepers go to the article's state, whoever announces it
            # ("أعلن باشينيان إرسال قوات جماعية لحفظ السلام")
            actor = None if _collective_force(sentence.folded) else self._actor_state(
                s, trig.pos, mentions, hits)
            if actor is not None:
                return [actor]
        if kind == "casualties":
            if OF_HIS_COUNTRY.match(s.folded, trig.pos - s.start):
                # "أعلن رئيس الوزراء الأرميني مقتل 105 من جنود بلاده": the speaker's state lost them
                actor = self._actor_state(sentence, trig.pos, mentions, hits, before_only=True)
            else:
                # a toll with no place of its own is the state whose office told it ("أعلنت وزارة
                # الصحة القرغيزية مقتل 24 شخصاً، في حين لم تصدر السلطات الطاجيكية حصيلة"), not a
                # newspaper's ("صحيفة ديلي ميل البريطانية")
                # or whose capital spoke ("لم تصدر دوشنبه حصيلة رسمية، واكتفت بالحديث عن سقوط قتلى")
                told = [m for m in mentions.between(sentence.start, trig.pos)
                        if (m.place.kind == "country" and m.via == "adjective" and m.start >= s.start
                            and STATE_OFFICE.search(sentence.folded, max(0, m.start - sentence.start - 30),
                                                    m.start - sentence.start))
                        or self._actor(sentence, m, mentions)]
                actor = self.states.get(told[-1].place.iso2) if told else None
            if actor is not None:
                return [actor]
        if kind == "deployment" and mentions.destination is not None:
            return [mentions.destination]  # forces told arriving with no place: where forces go
        if main_state is not None:
            return [main_state]
        return [states[0].place] if states else [None]

    @staticmethod
    def _paragraph_place(s: Sentence, mentions: _Mentions, main_state: Place | None) -> Place | None:
        """The one local place named earlier in the paragraph of sentence ``s`` (a city,
        region or site of the article's state); None when there are none or several."""
        start = mentions.paragraph_start(s.start)
        if start == 0 and not mentions.paragraphs:
            return None
        local = _unique(m.place for m in mentions.local_between(start, s.start)
                        if main_state is None or m.place.iso2 == main_state.iso2)
        return local[0] if len(_without_parents(local)) == 1 else None

    def _meeting_place(self, c: Sentence, s: Sentence, mentions, hits: Hits) -> list[Place | None]:
        """Where the meeting of claim ``c`` (in sentence ``s``) was held: a place right after
        في/ب in the claim, else in the sentence; none when it was held online ("عقد الوزراء
        اجتماعا عبر الفيديو، هو الأول منذ قمة إسطنبول": Istanbul's summit was not)."""
        if hits.any("virtual", c.start, c.end):
            return [None]
        held = self._held_at(s, mentions.between(c.start, c.end), mentions)
        if held is None and not hits.any("virtual", s.start, s.end):
            held = self._held_at(s, mentions.between(s.start, s.end), mentions)
        return [held]

    @staticmethod
    def _held_at(s: Sentence, named, mentions: _Mentions) -> Place | None:
        """The first of ``named`` (mentions of sentence ``s``) named as where something is held."""
        for m in named:
            if m.place.kind in LOCAL_KINDS and mentions.located(s, m):
                return m.place
        return None

    def _states_named(self, s: Sentence, named, mentions: _Mentions) -> list[Place]:
        """The states ``named`` (mentions of ``s``) name: by name, or by a capital that acts for one."""
        states = []
        for m in named:
            if m.place.kind == "country":
                states.append(m.place)
            elif self._actor(s, m, mentions) and m.place.iso2 in self.states:
                states.append(self.states[m.place.iso2])
        return _unique(states)

    def _actor_state(self, c: Sentence, pos: int, mentions: _Mentions, hits: Hits, *,
                     before_only: bool = False) -> Place | None:
        """The state of who acts at trigger ``pos`` of claim ``c``: a person who speaks for a
        state (data/gazetteer/people.csv), a state adjective (السلطات الكازاخية) or a capital
        that speaks for its government (طلبت يريفان). Arabic puts
        the subject after the verb ("أعلن توكاييف") or, with قد, before it ("وكان توكاييف قد
        أعلن"): the first one after the trigger, else the one right before it."""
        leaders = []  # (offset, iso2) of the people who speak for a state, nearest each side
        if mentions.leaders is None:  # (most are not named in the article at all)
            mentions.leaders = [name for name in self.leaders if hits.starts(name)]
        for name in mentions.leaders:
            iso2 = name[len(LEADER):]
            leaders += [(w.start, iso2) for w in (hits.first(name, pos + 1, c.end), hits.last(name, c.start, pos))
                        if w is not None]
        others = [(m.start, m.place.iso2) for m in mentions.between(c.start, c.end)
                  if (m.via == "adjective" and m.place.kind == "country") or self._actor(c, m, mentions)]
        earlier = [x for x in leaders if x[0] < pos]
        if before_only:
            # any person, adjective, acting capital or state named before it
            told = [x for x in leaders + others if x[0] < pos] + [
                (m.start, m.place.iso2) for m in mentions.between(c.start, pos) if m.place.kind == "country"]
            iso = max(told)[1] if told else None
        elif earlier and HIS_COUNTRY.search(c.folded, max(0, pos - c.start - 16), pos - c.start):
            iso = max(earlier)[1]  # "قال باشينيان … إن بلاده جمّدت": the speaker's
        else:
            # a state named right before the verb is its subject too ("أن أوزبكستان لن ترسل
            # جنوداً"); a person named earlier in the claim is its subject still ("وكان لوكاشينكو
            # قد وقّع يوم الخميس 6 يناير مرسوماً")
            named = [(m.start, m.place.iso2) for m in mentions.between(max(c.start, pos - ACTOR_BEFORE_REACH), pos)
                     if m.place.kind == "country" and m.via == "name"]
            after = [x for x in leaders + others if x[0] > pos]
            near = [x for x in leaders + others + named if x[0] < pos and pos - x[0] <= ACTOR_BEFORE_REACH]
            iso = min(after)[1] if after else max(near)[1] if near else max(earlier)[1] if earlier else None
        return self.states.get(iso) if iso else None

    def _actor(self, s: Sentence, m: Mention, mentions: _Mentions) -> bool:
        """A capital named without a locative preposition speaks for its government (موسكو ترى)."""
        if m.place.key not in self.capitals:
            return False
        return not mentions.located(s, m)

    def _figures(
        self, s: Sentence, numbers: Sequence[NumberMention], hits: Hits
    ) -> tuple[int | None, int | None]:
        """Killed and injured figures: each number goes with the nearest word of death or injury."""
        killed = injured = None
        for n in (n for n in numbers if s.start <= n.start < s.end and not n.vague):
            kind = _nearest_harm(hits, n.start, n.end, s)
            if kind == "injured" and injured is None:
                injured = n.value
            elif kind == "killed" and killed is None:
                killed = n.value
        return killed, injured


# "بينهم 103 في ألماتي وحدها": part of a toll, at its own place
PART_OF = re.compile(r"(?:^|\s)[وف]?(?:من\s+)?(?:بينهم|منهم|بينها|منها)\s+$")
PART_PLACE = re.compile(r"\s*(?:\S+\s+){0,2}?(?:في|ب)\s*$")


def _parts(s: Sentence, numbers, mentions: _Mentions) -> list[tuple]:
    """(figure, place) of each part of a toll told with its place in sentence ``s``."""
    if "بين" not in s.folded and "منه" not in s.folded:
        return []
    found = []
    for n in numbers:
        if not s.start <= n.start < s.end or n.vague:
            continue
        if not PART_OF.search(s.folded, max(0, n.start - s.start - 14), n.start - s.start):
            continue
        for m in mentions.local_between(n.end, min(s.end, n.end + 24)):
            if PART_PLACE.fullmatch(s.folded, n.end - s.start, m.start - s.start):
                found.append((n, m))
                break
    return found


def _nearest_harm(hits: Hits, lo: int, hi: int, s: Sentence) -> str | None:
    """The kind of the word of death, injury or arrest nearest a figure at [lo, hi) in its
    sentence: at most FIGURE_REACH_AFTER characters after it or FIGURE_REACH_BEFORE before."""
    after_end = min(s.end, hi + FIGURE_REACH_AFTER)
    before_start = max(s.start, lo - FIGURE_REACH_BEFORE)
    best: tuple[int, str] | None = None
    for kind in HARM:
        found = hits.first(kind, hi, after_end)
        while found is not None and found.prefix[:1] in CONJUNCTIONS:
            # "قتل 24 شخصا وأصيب 100": a verb joined by و after a figure opens the next claim
            found = hits.first(kind, found.start + 1, after_end)
        if found and (best is None or found[0] - hi < best[0]):
            best = (found[0] - hi, kind)
        found = hits.last(kind, before_start, lo)
        if found and (best is None or lo - found[1] < best[0]):
            best = (lo - found[1], kind)
    return best[1] if best else None


# "في العاصمة الطاجيكية، دوشانبي" / "والعاصمة نور سلطان": the capital as a place, not an actor
_PLACE_NOUN_BEFORE = re.compile(r"(?:^|\s)(?:[وفب]?(?:في|الي|ب))?\s*[وفب]?(?:ال)?(?:عاصمه|مدينه)(?:\s+\S+)?[\s،,]*$")
# "شهدت العاصمة الأرمينية يريفن … قمة"، "استضافت دوشنبه قمتها": the place that saw or hosted it
HOSTED_BY = re.compile(
    r"(?:^|\s)[وف]?(?:شهدت|شهد|تشهد|يشهد|استضافت|استضاف|تستضيف|يستضيف|احتضنت|احتضن|تحتضن)\s+"
    r"(?:(?:ال)?(?:عاصمه|مدينه)(?:\s+\S+)?\s+)?$"
)


_FROM = re.compile(r"(?:^|\s)[وف]?من\s+(?:\S+\s+){0,4}[وف]?$")
_FROM_NAME = re.compile(r"(?:مطار|قاعده|مدينه|مدينتي|العاصمه)")


def _came_from(s: Sentence, m: Mention) -> bool:
    """The place is where somebody came from: "من مطار تشكالوفسكي"، "من مدينتي إيفانوفو"،
    "من مطار ماناس قرب بيشكيك"."""
    rel = m.start - s.start
    before = s.folded[max(0, rel - 40) : rel]
    hit = _FROM.search(before)
    return hit is not None and (hit.end() - hit.start() <= 5 or _FROM_NAME.search(before, hit.start()) is not None)


def _located(s: Sentence, m: Mention) -> bool:
    """The mention is where something happens: right after a locative, or after "the capital"."""
    if _locative_before(s, m):
        return True
    rel = m.start - s.start
    before = s.folded[max(0, rel - LOCATED_REACH) : rel]
    # "قمة موسكو"، "اجتماع يريفان": a gathering named after its city is held there (each
    # pattern is tried only when a word it needs stands before the name)
    return (
        (("عاصمه" in before or "مدينه" in before) and _PLACE_NOUN_BEFORE.search(before) is not None)
        or (GATHERING_WORD.search(before) is not None and NAMED_GATHERING.search(before) is not None)
        or (HOSTING_STEM.search(before) is not None and HOSTED_BY.search(before) is not None)
    )


GATHERING_WORD = re.compile("قمه|اجتماع|موتمر|محادثات|مفاوضات")
HOSTING_STEM = re.compile("شهد|ضاف|حتضن")


# a clause with no trigger that opens with a place continues the claim before it:
# "بلغت المسيرات أتيراو وأكتوبي في الغرب، وقزل أوردا وشيمكنت في الجنوب، إضافة إلى كاراغندا"
CONTINUATION_LEAD = 16  # characters before the place: و، ثم، إضافة إلى، في …


def _claims(s: Sentence, positions: list[int], mentions: _Mentions, lo: int = 0,
            hi: int | None = None) -> list[tuple[int, int, int, int]]:
    """The clauses of ``s``, each trigger-less clause that opens with a place joined to the
    clause before it; a short one that only says where ("وفي العاصمة طشقند، وقّع القادة …")
    is joined to the clause after it, when that one tells what happened. Each claim is
    (start, end, a, b): where it starts and ends in ``s`` (offsets into its text: the caller
    builds with :func:`geo.clauses.part` only the claims it looks into) and the range [a, b)
    of ``positions`` (the triggers' offsets) inside it; [lo, hi) is the range of ``positions``
    inside ``s``, when the caller knows it."""
    f, at = s.folded, s.start
    spans = clause_spans(s)
    if len(spans) == 1:
        if hi is None:
            lo, hi = bisect_left(positions, at), bisect_left(positions, s.end)
        return [(0, len(f), lo, hi)]
    if hi is None:
        hi = len(positions)
    held = [(bisect_left(positions, at + a, lo, hi), bisect_left(positions, at + b, lo, hi)) for a, b in spans]
    out: list[tuple[int, int, int, int]] = []
    fronted: tuple[int, int] | None = None  # a clause that only says where: its start and first trigger
    last = len(spans) - 1
    for i, (lo, hi) in enumerate(spans):
        a, b = held[i]
        if fronted is not None:
            (lo, a), fronted = fronted, None
        if a != b:
            out.append((lo, hi, a, b))
        elif (i < last and held[i + 1][0] < held[i + 1][1] and _fronted(f, lo, hi)
              and _opens_with_place(at + lo, mentions)):
            fronted = (lo, a)
        elif out and (_opens_with_place(at + lo, mentions) or _goes_on(f, lo, hi)):
            told, _, first, _ = out[-1]
            out[-1] = (told, hi, first, b)
        else:
            out.append((lo, hi, a, b))
    return out


# words that open a clause of its own; a trigger-less clause opening otherwise goes on with
# the claim before it ("اقتحم محتجون الأربعاء، الخامس من يناير، مبنى الإدارة في أكتوبي")
OPENERS = frozenset({"ثم", "كما", "بينما", "فيما", "اذ", "حيث", "لكن", "غير", "الا", "قبل", "بعد", "حتى",
                     "مما", "ما", "اما", "بل", "وفق", "بحسب", "حسب", "وذلك", "علما", *RELATIVE_PRONOUNS})
_WORD = re.compile(r"\S+")


def _goes_on(folded: str, lo: int, hi: int) -> bool:
    """The clause at [lo, hi) of ``folded`` opens with no word that starts a clause of its own."""
    word = _WORD.search(folded, lo, hi)
    return (word is not None and word[0][0] not in "وف" and word[0] not in OPENERS
            and not (word[0] == "في" and WHEREAS.match(folded, word.end())))


WHEREAS = re.compile(r"\s+حين(?!\S)")  # "في حين لم تصدر السلطات الطاجيكية حصيلة": a clause of its own

# an event spreading: "ثم امتدت الاثنين إلى آكتاو"، "وبعد ساعات امتد القرار إلى العاصمة"،
# "قبل أن يوسّعها مساءً لتشمل العاصمة"
# (ـ: a folded shadda: وسّعها، مدّدها)
# (the imperfect drops the alef: تمتد، ينتقل، تتسع، ينتشر)
SPREAD_STEM = re.compile("(?:ا|[يت])(?:متد|نتقل|تسع|نتشر)|وس\u0640?ع|تمدد|مد\u0640?د|لتشمل|ليشمل")
SPREAD = re.compile(
    r"(?:^|\s)[وف]?(?:(?:ا|[يت])(?:متد|نتقل|تسع|نتشر)|[يت]?(?:تو?س\u0640?ع|تمدد|وس\u0640?ع|مد\u0640?د)|ل[يت]شمل)\S*\s")
SPREADING = ("protest", "riot", "state_of_emergency", "armed_clash")
WHOLE_COUNTRY = re.compile(  # (a time and a verb may come first: "وسّعها في المساء لتشمل البلاد كلها")
    r"\s*(?:\S+\s+){0,3}?(?:(?:كامل|كل|جميع|عموم|سائر)\s+(?:(?:اراضي|انحاء|ارجاء|مناطق)\s+)?(?:البلاد|\S+ستان)"
    r"|البلاد\s+(?:باسرها|كلها|كافه|برمتها))")  # "لتشمل البلاد بأسرها"
# what happens at a place, and so goes on at the place its paragraph opened with
TOLD_ON = {"protest", "riot", "seizure", "casualties", "armed_clash"}
# a claim with its verb left out: "ثم الوحدة الطاجيكية إلى دوشنبه الأحد"
GAPPED = re.compile(r"\s*(?:ثم|و)\s*ال\S+\s+(?:ال\S+\s+)?(?:الي|نحو)\s")
MEASURE = re.compile(r"(?:\S+\s+){0,2}?(?:ال)?(?:قرار|اجراء|حظر|طوارئ|تدابير|قيود)")

# "وفي العاصمة الأوزبكية طشقند،": a clause that only says where what follows happened
FRONTED_PLACE = re.compile(r"\s*[وف]?(?:في\s|ب(?!ينها|ينهم|ينما))")  # not بينها "among them": it goes on
FRONTED_PLACE_CHARS = 48


def _fronted(folded: str, lo: int, hi: int) -> bool:
    """A short clause (at [lo, hi) of ``folded``) opening with في or ب: it may only say where."""
    return hi - lo <= FRONTED_PLACE_CHARS and FRONTED_PLACE.match(folded, lo, hi) is not None


def _opens_with_place(start: int, mentions: _Mentions) -> bool:
    """A local place is named within the first few characters of a clause starting at ``start``."""
    return mentions.names_local(start, start + CONTINUATION_LEAD + 1)


# قد before a verb in the imperfect is "may" (before the past tense it is "has": قد وصلت)
MAYBE = frozenset({"قد", "وقد", "فقد", "ربما"})
# a verb right after أنْ is what is to be done ("يُنتظر أن يصوّت"، "قرر أن يرسل"): أنّ and إنّ
# ("that") take a noun first, so a folded ان right before an imperfect trigger is أنْ (or إنْ, "if")
MAYBE_OR_TO_BE = MAYBE | {"ان", "وان", "بان", "لان"}
# … but "قبل أن تنسحب أذربيجان" tells what happened
TOLD_AFTER_AN = re.compile(r"(?:^|\s)[وف]?(?:قبل|بعد|الي|حتي)\s+ان\s+$")


def _imperfect(prefix: str) -> bool:
    """A verbal prefix of the imperfect (ي ت ن) is written on the trigger."""
    return prefix.lstrip("وف")[:1] in ("ي", "ت", "ن")


def _future_tense(prefix: str) -> bool:
    """The future particle س written on a verb ("سيطلب"، "وستعقد"): what will happen has not."""
    return prefix.lstrip("وف")[:1] == "س"


def _unique(places) -> list[Place]:
    seen, out = set(), []
    for p in places:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return out


SAME_CITY = re.compile(r"(?:المدينه|البلده)\s+(?:نفسها|ذاتها)|(?:نفس|ذات)\s+المدينه")
SAME_CITY_REACH = 600  # characters back to the city it means
REGION_REACH_KM = 300.0  # a city this close to a region's centre may lie inside it


def _within(a: Place, b: Place, km: float) -> bool:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return True  # unknown: assume the region holds it
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h)) <= km


def _without_parents(places: list[Place]) -> list[Place]:
    parents = {p.parent_key for p in places if p.parent_key}
    return [p for p in places if p.key not in parents]


# a state suspending, freezing, resuming or regaining its membership with its name between the verb
# and the noun, as Arabic usually orders it: "علقت أوزبكستان عضويتها"، "جمدت يريفان مشاركتها"
MEMBERSHIP_ACT = re.compile(
    r"(?:^|(?<=[\s\"«“]))[وف]?(?:علقت|علق|جمدت|جمد|استانفت|استانف|انهت|انهي|اوقفت|اوقف|عادت|عاد|استعادت|استعاد)"
    r"[\s\"«»“”]+(?:[^\s،,.؛]+[\s\"«»“”]+){0,3}(?:عضويت|مشاركت)"
)


# the treaty becoming the organisation, with its name between: "قبل أن تتحول المعاهدة إلى منظمة"،
# "قرر الأعضاء تحويل المعاهدة إلى منظمة إقليمية"
# the treaty turned into an organisation, or turned by its members ("تحويل المعاهدة"، "تحويلها"):
# not another body turned into one ("تحويل المجلس التركي إلى منظمة")
BECAME_ORGANISATION = re.compile(
    r"(?:^|(?<=\s))[وف]?(?:(?:[يت]?تحول|تحولت)\s+(?:\S+\s+){1,3}?|تحويل\s+(?:ال)?معاهده\s+(?:\S+\s+){0,2}?)الي\s+منظمه"
    r"|(?:^|(?<=\s))[وف]?تحويل(?:ها|ه)\s+(?:\S+\s+){0,2}?الي\s+منظمه")


MEMBERSHIP_NEWS = re.compile(r"[وف]?(?:عل\u0640?ق|جم\u0640?د|استانف|تعليق|تجميد)")  # (ـ: a folded shadda, جمّدت)


# announcing or deciding to send forces, with the one who decides between verb and noun:
# "أعلن رئيس الوزراء الأرميني، الذي تتولى بلاده الرئاسة الدورية، إرسال قوات"
SENDING_DECIDED = re.compile(
    r"(?:^|(?<=\s))[وف]?(?:اعلن|اعلنت|قرر|قررت)\s+(?:[^\s.؛]+\s+){0,12}?(?:ب|عن\s+)?(?:ارسال|نشر|ايفاد)\s"
)


# a mission declared over, or its forces' withdrawal announced to come, is the announcer's
# decision: "أعلن توكاييف أمام البرلمان أن مهمة القوة «أُنجزت بنجاح» وأن انسحابها سيبدأ بعد يومين"،
# "أعلن انتهاء مهمة القوة"، "أن القوة … ستبدأ الانسحاب"
_TO_COME = r"(?:سيبدا|ستبدا|سينطلق|ستنطلق|سيستغرق|سيكتمل|سيتم)"
_WITHDRAWAL_TO_COME = rf"(?:ال)?انسحاب\S*\s+(?:[^\s.؛]+\s+){{0,2}}?{_TO_COME}|{_TO_COME}\s+(?:ال|ب)?انسحاب"
WITHDRAWAL_TO_COME = re.compile(_WITHDRAWAL_TO_COME)
MISSION_OVER = re.compile(
    r"(?:^|(?<=\s))[وف]?(?:اعلن|يعلن|تعلن)\S*\s+(?:[^\s.؛]+\s+){0,12}?"
    r"(?:(?:ان|بان)\s+(?:[^\s.؛]+\s+){0,10}?(?:[\"«“]?(?:انجزت|اكتملت|انتهت)(?!\S)"
    rf"|{_WITHDRAWAL_TO_COME})"
    # (not a time told by the mission's end: "ستغادر فور إنجاز مهمتها")
    r"|(?<!فور\s)(?<!بعد\s)(?<!حتي\s)(?<!عند\s)(?:انتهاء|اكتمال|انجاز)\s+(?:ال)?مهم|(?:بدء|موعد)\s+(?:ال)?انسحاب)"
)


# an attack launched with its subject between the verb and the noun: "شنت القوات الأذربيجانية هجوماً
# واسعاً"، "شنت باكو عملية عسكرية خاطفة" (the verb and noun side by side are in TRIGGERS)
LAUNCHED_ATTACK = re.compile(
    r"(?:^|(?<=\s))[وف]?(?:شن|شنت|يشن|تشن)\s+(?:[^\s.،؛]+\s+){1,4}?(?:هجوم|هجمات|غارات|عمليه\s+عسكريه)")


# an order to the forces: "أمر رئيس كازاخستان يوم الجمعة قوات الأمن بإطلاق النار" is a decision,
# and the shooting it orders is not yet a fight
ORDER_TO_FORCES = re.compile(
    # (the orders may be the speaker's or his: "أصدرتُ أوامري"، "أعطى الأوامر"، "أمر قواته"; ـ: a
    # folded vowel mark)
    r"(?:^|(?<=[\s\"«“]))[وف]?(?:امر|يامر|امرت|تامر|(?:اعطي|اعطت|اعطيت|اصدر|اصدرت)\u0640*\s+(?:[^\s.؛]+\s+){0,3}?(?:ال)?اوامر(?:ه|ها|هم|ي)?)\s+"
    r"(?:(?:[^\s.؛]+\s+){0,8}?(?:لل|ل)?(?:ال)?(?:قوات|الجيش|جيش|الشرطه|الاجهزه|اجهزه)(?:ه|ها|هم)?\s+"
    r"(?:[^\s.؛]+\s+){0,3}?)?[\"«“]?ب"
)


# the verb it needs (امر، يأمر، أمرت، تأمر، أوامر), found by a search that skips from one امر to the next
ORDER_VERB = re.compile(r"امر(?:ت|ه|ها|هم|ي)?\s")


# the order as a noun: "قلقه من الأمر بإطلاق النار"، "أوامر بإطلاق النار دون تحذير"
# … and with what it is told by between: "بسبب الأمر الذي أصدره في 7 يناير بإطلاق النار"
ORDER_NOUN = re.compile(r"(?:^|\s)[وف]?(?:ب|ل|لل)?(?:ال)?(?:امر|اوامر|تعليمات)\s+"
                        r"(?:(?:الذي|التي)\s+(?:[^\s.،؛]+\s+){1,6}?)?$")
ORDER_NOUN_REACH = 60


# an order of the head of state or government: "ثم أمر الرئيس … مساء اليوم نفسه بتثبيت أسعار الوقود"
ORDERED_BY = re.compile(
    r"(?:^|(?<=\s))[وف]?(?:ثم\s+)?(?:امر|امرت|وجه|وجهت)\s+(?:ال)?(?:رييس|حكومه|وزير|وزاره|سلطات)\S*\s+"
    r"(?:[^\s.؛،]+\s+){0,7}?ب[\u0621-\u064a]{3,}"
)


ORDERED_REACH = 24  # what an order commands, after its first word: "إطلاق النار للقتل"


def _ordered(s: Sentence, pos: int) -> bool:
    """The trigger at ``pos`` is what an order to the forces commands (…قوات الأمن بإطلاق النار)."""
    rel = pos - s.start
    if s.folded[rel : rel + 1] == "ب" and ORDER_NOUN.search(s.folded, max(0, rel - ORDER_NOUN_REACH), rel):
        return True
    # (a quotation may open after بـ: "بـ«إطلاق النار»")
    return ORDER_VERB.search(s.folded) is not None and any(
        m.start() < rel <= m.end() + _QUOTED.match(s.folded, m.end()).end() - m.end()
        for m in ORDER_TO_FORCES.finditer(s.folded, 0, rel + 1))


_QUOTED = re.compile("[\u0640\"«“ ]*")


# (pattern, the type of event it tells, the lexicons (PHRASE_WORDS) of the words it needs, and
# words it needs anywhere in the sentence: وقّع, matched inside a word too)
# where a match of each phrase may start: at most so many characters before one of these words
# (their verbs, with a clitic or an imperfect prefix before them; keep in step with the patterns)
PHRASE_STARTS = {
    MEMBERSHIP_ACT: (("علق", "جمد", "استانف", "انه", "اوقف", "عاد"), 4),  # (استعادت: عاد after 3 letters)
    BECAME_ORGANISATION: (("تحو",), 2),  # وتتحول، تحويل
    SENDING_DECIDED: (("اعلن", "قرر"), 1),
    SIGNED_AN_ACT: (("وق",), 2),  # ويوقع، توقيع
    ORDER_TO_FORCES: (("امر", "اعطي", "اصدر"), 2),  # ويامر
    ORDERED_BY: (("ثم", "امر", "وجه"), 1),
    MISSION_OVER: (("علن",), 3),  # واعلن، يعلن
    LAUNCHED_ATTACK: (("شن",), 2),  # وتشن
}


def _finditer_near(pattern: re.Pattern, text: str, words: tuple[str, ...], reach: int):
    """The matches of ``pattern.finditer(text)``, for a pattern each match of which holds one of
    ``words`` at most ``reach`` characters after its start: it is tried only there (a pattern
    with no fixed first letter is otherwise tried at every character)."""
    starts = set()
    for word in words:
        k = text.find(word)
        while k >= 0:
            starts.update(range(max(0, k - reach), k + 1))
            k = text.find(word, k + 1)
    end = 0
    for start in sorted(starts):
        if start >= end:
            m = pattern.match(text, start)
            if m is not None:
                yield m
                end = m.end()


PHRASES = (
    (MEMBERSHIP_ACT, "treaty_membership", ("phrase:membership",), ()),
    (BECAME_ORGANISATION, "treaty_membership", ("phrase:turning",), ()),
    (SENDING_DECIDED, "political_decision", ("phrase:sending", "phrase:deciding"), ()),
    # a decree or law signed is a decision whatever else the sentence names
    (SIGNED_AN_ACT, "political_decision", ("phrase:act",), ("وقع", "وقيع")),
    (ORDER_TO_FORCES, "political_decision", ("phrase:ordering",), ()),
    (ORDERED_BY, "political_decision", ("phrase:directing",), ()),
    (MISSION_OVER, "political_decision", ("phrase:announcing", "phrase:mission_over"), ()),
    # an attack launched by forces (not a politician's "attack" on the government)
    (LAUNCHED_ATTACK, "armed_clash", ("phrase:launching",), ("قوات", "جيش", "عسكري", "مسلح", "مدفع", "صاروخ")),
)


def _with_phrase_triggers(triggers: list, sents: Sequence[Sentence], hits: Hits) -> list:
    """``triggers`` with the acts whose subject stands inside the phrase: a membership
    suspended (علقت أوزبكستان عضويتها), the sending of forces announced or decided. The
    phrases are matched on the sentence without its folded marks (جمّدت is جمـدت folded),
    each only in the sentences holding the words it needs (found by the lexicon scan: a
    pattern tried on every sentence would cost more than all the rest of this function)."""
    starts = [s.start for s in sents]
    holding = {name: _sentences_holding(name, hits, sents, starts) for name in PHRASE_WORDS}
    wanted: dict[int, list[tuple]] = {}  # sentence index → the phrases to look for in it, in order
    for phrase in PHRASES:
        for i in set.intersection(*(holding[name] for name in phrase[2])):
            wanted.setdefault(i, []).append(phrase)
    extra = []
    for i in sorted(wanted):
        s = sents[i]
        f = s.folded.replace(GAP, "") if GAP in s.folded else s.folded
        for pattern, kind, _, words in wanted[i]:
            if words and not _holds_any(f, words):
                continue
            extra += [(s.start + _ungapped(s.folded, m.start()), kind, "")
                      for m in _finditer_near(pattern, f, *PHRASE_STARTS[pattern])
                      if pattern is not ORDERED_BY or not MESSAGE_SENT.search(f, m.start(), m.end() + 12)]
    return sorted([*triggers, *extra], key=lambda t: t[0]) if extra else triggers


def _sentences_holding(name: str, hits: Hits, sents: Sequence[Sentence], starts: list[int]) -> set[int]:
    """The indexes of the sentences (``starts``: where each starts) holding a word of lexicon ``name``."""
    out = set()
    for pos in hits.starts(name):
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < sents[i].end:
            out.add(i)
    return out


def _ungapped(folded: str, i: int) -> int:
    """Where the ``i``-th character of ``folded`` without its folded marks (ـ) stands in ``folded``."""
    if GAP not in folded[: i + 1]:
        return i
    seen = -1
    for j, ch in enumerate(folded):
        if ch != GAP:
            seen += 1
            if seen == i:
                return j
    return len(folded)


# acts on who holds an office: a resignation, a dismissal, an appointment and a president
# taking a post on one day are different events; other decisions of a day are one
OFFICE_ACTS = (("استقال", "resigned"), ("اقال", "dismissed"), ("اعفاء", "dismissed"), ("تعيين", "appointed"),
               ("تولي", "took office"))  # folded: تولى is تولي


def _office_act(s: Sentence, trig: _Trigger) -> str:
    """Which act on an office the decision at ``trig`` is, "" when it is none of them."""
    rel = trig.pos - s.start
    word = s.folded[rel : rel + 12].lstrip("وفبل")
    for stem, act in OFFICE_ACTS:
        if word.startswith(stem):
            return act
    return ""


def _gathered_to_sign(events: list[Event]) -> list[Event]:
    """A gathering told in the sentence of a treaty step is where the step was taken ("يوم
    اجتمع في طشقند قادة ست جمهوريات … ووقّعوا معاهدة"، "وفي قمة عقدت في موسكو … قرر الأعضاء
    تحويل المعاهدة إلى منظمة"): one treaty event, at the gathering's place when it has none."""
    treaty_at = {(e.start, e.date) for e in events if e.type in HISTORICAL and not _refused(e.evidence)}
    if not treaty_at:
        return events
    held = {}
    for e in events:
        if e.type == "meeting" and (e.start, e.date) in treaty_at and e.place is not None:
            held.setdefault((e.start, e.date), e.place)
    return [
        replace(e, place=held[e.start, e.date])
        if e.type in HISTORICAL and e.place is None and (e.start, e.date) in held else e
        for e in events
        if not (e.type == "meeting" and (e.start, e.date) in treaty_at)
    ]


# a summit where somebody refused to sign ("رفض باشينيان التوقيع على الإعلان الختامي") was a meeting
REFUSED = re.compile(r"(?:^|\s)[وف]?(?:رفض|رفضت|يرفض|ترفض|امتنع|امتنعت)(?!\S)")


def _refused(text: str) -> bool:
    return ("رفض" in text or "امتنع" in text) and REFUSED.search(text) is not None  # (the words it needs first)


def _dedupe(events: list[Event], acts: dict[int, str] | None = None) -> list[Event]:
    """One event per type, place, date and figures; a resignation, a dismissal, an
    appointment and taking office (``acts``: by id of the event) are different acts even on
    one day and at one place."""
    acts = acts or {}

    def where(e: Event) -> str | None:
        return e.place.key if e.place else None

    seen, out = set(), []
    counted: set[tuple] = set()
    told: dict[tuple, list[str | None]] = {}
    for e in events:
        place = where(e)
        k = (e.type, place, e.date, e.killed, e.injured, acts.get(id(e), ""))
        figured = e.type == "casualties" and (e.killed is not None or e.injured is not None)
        if k in seen or (figured and (place, e.date, e.start) in counted):
            continue  # (one sentence's figures at one place and day are one toll: "وأصيب كذلك عشرة")
        if figured:
            counted.add((place, e.date, e.start))
        # one sentence telling a riot at a place, then what it did reported the next morning,
        # tells one riot: the later day is when it was reported ("ثورات 2005 و2010" stay three)
        here = (e.type, place, e.start, e.killed, e.injured)
        earlier = told.get(here)
        if (earlier is not None and e.type in ONCE_A_SENTENCE
                and any(_days_apart(e.date, d) <= REPORTED_LATER_DAYS for d in earlier)):
            continue
        seen.add(k)
        told.setdefault(here, []).append(e.date)
        out.append(e)
    # "اقتحم محتجون مقر الأكيمات … وأضرموا النار في طابقه الأرضي": what the stormers did
    # there is the seizure's, not a riot of its own
    taken = {(e.start, where(e), e.date) for e in out if e.type == "seizure"}
    out = [e for e in out if e.type != "riot" or (e.start, where(e), e.date) not in taken]
    # "وُقّعت المعاهدة في طشقند يوم 15 مايو 1992، وانضمت إليها يومئذ ست جمهوريات": the same act told
    # twice in one sentence, once with its place, is that one event
    placed = {(e.type, e.start, e.date) for e in out if e.place is not None}
    out = [e for e in out if e.place is not None or (e.type, e.start, e.date) not in placed]
    # a toll told with no figure, in another sentence than one with figures for that place and day,
    # adds nothing ("ولم توضح الوزارة ما إذا كانت أرقامها تشمل المسلحين الذين أعلنت الداخلية مقتلهم");
    # in the same sentence it is another toll ("تصفية العشرات من المهاجمين … ومقتل 12 من عناصر الأمن")
    figured: dict[tuple, set[int]] = {}  # (place, date) → the sentences that count a toll there
    for e in out:
        if e.type == "casualties" and (e.killed is not None or e.injured is not None):
            figured.setdefault((where(e), e.date), set()).add(e.start)
    return [e for e in out if not (e.type == "casualties" and e.killed is None and e.injured is None
                                   and figured.get((where(e), e.date), set()) - {e.start})]


REPORTED_LATER_DAYS = 2


def _days_apart(a: str | None, b: str | None) -> float:
    """Days between two day-precision dates; infinite when either is not a day."""
    if not a or not b or len(a) != 10 or len(b) != 10:
        return float("inf")
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


ONCE_A_SENTENCE = {"riot", "protest", "armed_clash", "seizure"}
# what happens on the ground at a place, told by the places named after it
ON_THE_GROUND = frozenset({"protest", "riot", "seizure", "armed_clash"})
