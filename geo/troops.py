"""Troop contributions: which state sent, pledged or may send how many.

Per sentence: a figure is a troop count when a personnel noun follows it (جندي، عسكري،
فرد، مظلي …), or when it stands in a list that shares the verb of such a count ("3 آلاف
جندي … و٢٠٠ من طاجيكستان"). The state is the one named right after the figure with من,
else the subject named before it (a capital stands for its state: بيشكيك قد ترسل), else
the state last named before the sentence when the text says only "البلاد". A standing
force's size (العدد الإجمالي، قوام) is ``capacity``; an organisation's figure has no state.
Status comes from the verb: أرسلت/وصلت/تتكون من → sent; سترسل/تعهدت → pledged;
قد ترسل/لم تتخذ قرارها/من عدمه → considering.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from geo.clauses import NAMED_GATHERING, RELATIVE_PRONOUNS, Hits, MentionIndex, Sentence, headed_to
from geo.model import Mention, TroopContribution
from geo.numbers import NumberMention

PERSONNEL = ("جندي", "جنود", "عسكري", "عسكريين", "فرد", "أفراد", "مظلي", "مظليين", "عنصر", "عناصر",
             "رجل", "مقاتل", "ضابط", "من قوات", "من الجنود", "من العسكريين", "من المظليين",
             "من عسكري", "من جنود", "من أفراد")  # "500 من عسكرييها"
# "شخص" (person) counts as personnel only in a sentence about forces
FORCES = ("قوات", "قوة", "جنود", "وحدات", "وحدة", "عسكري", "جندي", "كتيبة", "حفظ السلام", "مظلي", "طلائع")
CAPACITY = ("العدد الإجمالي", "إجمالي عدد", "قوام", "يبلغ عدد", "يبلغ العدد", "تضم القوة", "قوة قوامها",
            "الحجم الإجمالي", "عديد قوة", "عديد القوة", "عديد وحدت", "عديد الوحدة", "عديدها")  # not العديد "many"
CONSIDERING = ("قد ترسل", "قد يرسل", "قد تشارك", "من عدمه", "لم تتخذ", "لم يتخذ", "تدرس إرسال",
               "يدرس إرسال", "تنظر في إرسال", "لم تقرر", "لم يقرر", "ربما ترسل", "ربما يرسل",
               "تدرس المشاركة", "يدرس المشاركة", "تدرس إمكانية", "يدرس إمكانية",
               # a proposal not yet voted: "تقترح الحكومة إرسال 150 عسكرياً"
               "تقترح", "يقترح", "اقترحت", "مقترح", "مشروع القرار", "مشروع قرار")
PLEDGED = ("سترسل", "سيرسل", "ستُرسل", "سيُرسل", "ستشارك", "سيشارك", "تعهدت", "تعهد", "ستساهم", "سيساهم",
           "ستقدم", "سيقدم", "وعدت", "ستنشر", "سينشر", "أعلنت استعدادها", "مستعدة لإرسال",
           "على إرسال", "لصالح إرسال")  # "صادق البرلمان على إرسال 200 عسكري": approved, not yet there
SENT = ("أرسلت", "أرسل", "ارسلت", "وصلت", "وصل", "تتكون", "يتكون", "تتألف", "يتألف", "نشرت", "نشر", "المنتشرة",
        "بعثت", "دفعت", "المرسلة", "وصول", "أوفدت", "تم إرسال", "تم نشر", "شاركت", "يشارك", "تشارك")
NOT_TROOPS = ("قتيل", "قتلى", "قتل", "مقتل", "جريح", "جرحى", "أصيب", "مصاب", "اعتقال", "معتقل", "اعتقل",
              "كيلومتر", "كلم", "كم", "دولار", "مليار", "مليون", "طائرة", "طائرات", "عام", "سنة", "يوم",
              "ساعة", "بالمئة", "بالمائة", "في المئة", "لواء", "قاعدة", "مستشفى", "العناية", "شخص أصيب")
HURT = ("قتل", "قتلى", "قتيل", "مقتل", "مصرع", "جرح", "جرحى", "أصيب", "إصابة", "مصاب", "اعتقل", "توفي",
        "بحياة", "حتفهم", "ضحايا", "أوقف", "توقيف", "موقوف", "احتجاز", "محتجز", "القبض")  # lives taken, arrests
ORGANISATION = ("منظمة", "المنظمة", "التحالف", "الحلف", "معاهدة الأمن الجماعي", "الجماعية")
# "the country", and its government or parliament named with no state: the state told before
THE_COUNTRY = ("البلاد", "الدولة", "بلاده", "بلادها", "الحكومة", "البرلمان")

# a standing force: an army, a base, the size of a whole service (تعداد)
STANDING = re.compile(r"(?:^|\s)[وفبل]{0,2}(?:ال|لل)?(?:جيش|قاعده|قاعدت\w+|تعداد|قوات\s+المسلحه)(?!\w)")
# a size told in the future tense: "سيصل قوامها إلى"، "ستضم القوة"
WILL_NUMBER = re.compile(r"(?:^|\s)(?:[وف]?س|علي\s+ان\s+)[يت](?:صل|بلغ|ضم|تجاوز|رتفع)")  # …، على أن يرتفع
# a figure that numbers a unit ("لواء الاقتحام الجوي 31"، "القاعدة العسكرية 201")
UNIT_NUMBER = re.compile(
    r"(?:^|\s)[وفبل]{0,2}(?:ال)?(?:لواء|فرقه|كتيبه|فوج|قاعده)(?:\s+[^\s\d،,.]+){0,2}\s+$(?<!\sمن\s)"
)  # "كتيبة من 150 عسكريا" is a battalion of 150: its size, not its number

# the organisation's whole force named before a figure, before its verb or after it: "القوة التي
# ضمّت"، "ضمّت القوة الجماعية"، "قوة لحفظ السلام تضم"
_FORCE = r"(?:ال)?(?:قوه|قوات)(?:\s+(?:ال|ل)?(?:جماعيه|المنظمه|حفظ\s+السلام))?"
_SIZE_VERB = r"(?:ضم\u0640?ت|تضم|بلغ|يبلغ|تبلغ|بلغت)"  # (ـ: a folded shadda, ضمّت)
_WHOLE_FORCE = re.compile(rf"(?:^|\s){_FORCE}\s+(?:التي\s+)?(?:{_SIZE_VERB}|قوامها|عددها)"
                          rf"|(?:^|\s)[وف]?{_SIZE_VERB}\s+{_FORCE}\s")
# a unit noun right before a state adjective: "الوحدة الطاجيكية"، "الكتيبة القرغيزية"
_UNIT_OF_STATE = re.compile(r"(?:^|\s)[وفبل]?(?:ال)?(?:وحده|وحدات|كتيبه|فرقه|لواء|مظليين|مظليون|قوات|جنود)\s+$")
# a figure written on ب ("بـ150"، "بمائة") after a state: "شاركت طاجيكستان بـ200 وقرغيزستان بـ150"
_BY_FIGURE = re.compile(r"(?<=\s)ب\u0640?$")
# "225 شخصاً، من بينهم 19 من أفراد الشرطة": a part of a figure told before, not one of its own
AMONG = re.compile(r"(?:^|\s)(?:من\s+)?بينهم\s+$")
# between a figure and its state: at most three words, then من ("70 جنديًا من أرمينيا")
_FROM = re.compile(r"^\s*(?:[\u0621-\u064a\u0640]+\s+){0,3}?من\s+(?:ال)?$")
CASUALTY_WINDOW = 60
# "عدد <personnel noun> …" up to this many characters before a figure makes it a count
NUMBER_OF = re.compile(r"(?<![\u0621-\u064a])عدد\s+$")
NUMBER_OF_REACH = 40
# a state taking part with a figure, its subject told before: "وقد شاركت بنحو 100 عسكري"
_TOOK_PART = re.compile(r"(?:^|\s)[وف]?(?:قد\s+)?(?:شارك|ساهم|اسهم|تشارك|يشارك|تساهم|تسهم|يسهم)(?:ت)?\s+ب")
_SHARE = re.compile(r"\s*منهم(?:\s|$)")  # "ثمانية آلاف منهم": a share of the figure told before
# most or some of a figure come from a state: a part of it, not the state's figure ("2030 عسكرياً
# جاء معظمهم من روسيا")
_SOME_OF = re.compile(r"(?:^|\s)(?:معظم|اغلب|غالبي|بعض|جل|نصف)\S*\s")
# between a figure and a state adjective: the personnel noun alone ("3 آلاف مظلي روسي")
_NOUN_ONLY = re.compile(r"^\s*[\u0621-\u064a\u0640]+\s+$")


UNITS = "units"  # the lexicon of FORCES words without verbal prefixes

# the word lists this module looks for, found by the article's one lexicon scan
# (:class:`geo.clauses.MultiLexicon`): name → (stems, whether verbal prefixes may stand before them).
# "forces" gates the work: a sentence without a word about forces or personnel is skipped.
LEXICONS: dict[str, tuple[tuple[str, ...], bool]] = {
    "forces": (FORCES + PERSONNEL, True),
    UNITS: (FORCES, False),  # the event rules ask for it too (a deployment told as units moving)
    "personnel": (PERSONNEL, False),
    "capacity": (CAPACITY, False),
    "considering": (CONSIDERING, False),
    "pledged": (PLEDGED, False),
    "sent": (SENT, False),
    "not_troops": (NOT_TROOPS, False),
    "organisation": (ORGANISATION, False),
    "the_country": (THE_COUNTRY, False),
    "hurt": (HURT, True),
}


def people_lexicons(path) -> dict[str, tuple[tuple[str, ...], bool]]:
    """Lexicons of the people who speak for a state (heads of state and government, foreign
    and defence ministers: data/gazetteer/people.csv), one per state: "leader:KZ" → names.
    "وقال بوتين إن بلاده …": their country is the one they speak for."""
    from geo.gazetteer.sources import read_csv

    names: dict[str, list[str]] = {}
    for row in read_csv(path, ("name", "iso2")):
        names.setdefault(f"{LEADER}{row['iso2'].upper()}", []).append(row["name"])
    return {lexicon: (tuple(words), False) for lexicon, words in names.items()}


LEADER = "leader:"


class TroopExtractor:
    def __init__(self, *, leaders: Sequence[str] = ()) -> None:
        self.leaders = tuple(leaders)  # lexicon names of people.csv, "leader:KZ" …

    def extract(
        self,
        sents: Sequence[Sentence],
        numbers: Sequence[NumberMention],
        mentions: Sequence[Mention],
        date_of,
        capitals: dict[str, str],
        destination: str | None,
        *,
        hits: Hits,
    ) -> list[TroopContribution]:
        """Contributions of one article; ``hits`` holds the words of :data:`LEXICONS` (one
        shared scan with the event triggers, made by :class:`geo.extract.Extractor`)."""
        out: list[TroopContribution] = []
        positions = hits.starts("forces")
        index = MentionIndex(mentions)
        number_starts = [n.start for n in numbers]  # numbers come sorted by offset
        for s in sents:
            if bisect_left(positions, s.start) == bisect_left(positions, s.end):
                continue  # no word about forces or personnel in this sentence
            nums = numbers[bisect_left(number_starts, s.start) : bisect_left(number_starts, s.end)]
            states = [x for x in _states_in(index.between(s.start, s.end), capitals, s) if not _counterpart(s, x[0])]
            found = self._counts(s, nums, states, mentions, hits, destination)
            counted = {t.country for t in found}
            found += self._undecided(s, [x for x in states if x[1] not in counted], destination, hits)
            out += [t for t in found if t is not None]
        return _dedupe([_dated(t, date_of) for t in out])

    # -- counts --------------------------------------------------------------------------
    def _counts(self, s, nums, states, mentions, hits: Hits, destination) -> list[TroopContribution]:
        out: list[TroopContribution] = []
        status_before = None
        respectively = _respectively(s, nums, states)
        for n in nums:
            lo, hi = n.start - s.start, n.end - s.start
            after = s.folded[hi : hi + 30]
            stripped = after.lstrip()
            word = n.end + len(after) - len(stripped)  # where the next word starts (article offset)
            window = min(s.end, n.end + 30)
            if (hits.at("not_troops", word, window) or n.value < 2 or self._casualty(hits, s, n.start, n.end)
                    or AMONG.search(s.folded, max(0, lo - 12), lo)):
                continue  # (a part of a figure told before: "225 شخصاً، من بينهم 19 من أفراد الشرطة")
            if s.folded[max(0, lo - 4) : lo].rstrip("\u0640").endswith("ال") or UNIT_NUMBER.search(
                s.folded, max(0, lo - 40), lo
            ):
                continue  # "الفرقة الـ98"، "لواء الاقتحام الجوي 31": a number that names a unit
            is_count = (
                n.start in respectively
                or hits.at("personnel", word, window)
                or (stripped.startswith("شخص") and hits.any(UNITS, s.start, s.end))
                or self._number_of_personnel(hits, s, n.start)
            )
            # "و200 من طاجيكستان"، "ثمانية آلاف منهم"، "وقرغيزستان بـ150 وأرمينيا بمائة" (a list
            # after a counted figure; not a vague crowd: "العشرات من أنصارها")
            listed = out and not n.vague and (re.match(r"\s*من(?:هم)?(?:\s|$)", after)
                                              or _BY_FIGURE.search(s.folded, max(0, lo - 3), lo))
            # "2030 عسكرياً، إلى جانب نحو 500 بيلاروسي، و200 طاجيكي": people named by their state,
            # after a count the sentence made
            listed = listed or (out and not n.vague and any(
                pos >= n.end and not s.folded[hi : pos - s.start].strip() for pos, _ in states))
            if not (is_count or listed):
                continue
            clause_lo = _clause_start(s.folded, lo)
            before = (s.start + clause_lo, n.start)
            clause = (s.start + clause_lo, s.start + _clause_end(s.folded, hi, min(len(s.folded), hi + 40)))
            # (a figure listed after another shares its verb: what is one state's is then sent, below)
            status = self._status(hits, clause, before) or (status_before if listed else None)
            if status == "capacity" and WILL_NUMBER.search(s.folded, clause_lo, lo):
                status = "pledged"  # "قوام القوة سيصل إلى نحو 2500": a size to come
            country = respectively.get(n.start) or self._country(s, lo, hi, states, mentions, destination, hits)
            standing_lo = clause_lo
            if _RELATIVE.match(s.folded, clause_lo):  # "…بالقاعدة 201 في دوشنبه، التي يقدر عدد أفرادها"
                standing_lo = _clause_start(s.folded, max(0, clause_lo - 1))
            if status in (None, "capacity") and STANDING.search(s.folded, standing_lo, lo):
                # a standing force ("تعداد الجيش الكازاخستاني"، "قاعدة … يبلغ قوامها") is its own
                # state's, the article's main state included
                status = "capacity"
                country = country or _last_state(states, s.start + lo)
            elif status == "capacity" and country is not None and not _SHARE.match(after):
                # one state's contingent told by its size or headcount ("قوام الوحدة الروسية"،
                # "يبلغ عدد العسكريين الروس"), or listed after a total ("2030 عسكرياً، إلى جانب 500
                # بيلاروسي") is what it sent; an organisation-wide total stays capacity, even of a
                # force deployed somewhere (as the seeds' gold reads it), and so does a state's share
                # of a standing one ("قوامها 20 ألف عسكري، تسهم روسيا بثمانية آلاف منهم")
                status = "sent"
            status = status or "sent"
            if status == "sent" and country is None and _WHOLE_FORCE.search(s.folded, 0, lo):
                # the whole force's size, sent or not, is the organisation's (as the seeds read it):
                # "أن القوة ضمّت في ذروة انتشارها 2030 عسكرياً"
                status = "capacity"
            status_before = status
            out.append(TroopContribution(country, n.value, n.approx, status, s.text, None, s.start, s.end))
        return out

    @staticmethod
    def _number_of_personnel(hits: Hits, s: Sentence, at: int) -> bool:
        """The noun stands before the figure: "يبلغ عدد العسكريين الروس نحو 3000"."""
        noun = hits.last("personnel", max(s.start, at - NUMBER_OF_REACH), at)
        if noun is None:
            return False
        end = noun.start - s.start
        return NUMBER_OF.search(s.folded, max(0, end - 8), end) is not None

    @staticmethod
    def _casualty(hits: Hits, s: Sentence, lo: int, hi: int) -> bool:
        """A figure of dead or wounded (قُتلوا، أصيب عشرة عناصر) is not a troop count."""
        return hits.any("hurt", hi, min(s.end, hi + CASUALTY_WINDOW)) or hits.any("hurt", max(s.start, lo - 25), lo)

    @staticmethod
    def _status(hits: Hits, clause: tuple[int, int], before: tuple[int, int]) -> str | None:
        if hits.any("capacity", *before):
            return "capacity"
        for status in ("considering", "pledged", "sent"):
            if hits.any(status, *clause):
                return status
        return None

    def _country(self, s, lo, hi, states, mentions, destination, hits: Hits) -> str | None:
        after = [(pos, iso) for pos, iso in states if pos >= s.start + hi]
        for pos, iso in after:
            gap = s.folded[hi : pos - s.start]
            # "70 جنديًا من أرمينيا" / "3 آلاف مظلي روسي" / "150 عسكريا قيرغيزيا" (an accusative
            # adjective spelt like the state's name: روسيا، قيرغيزيا)
            if (_FROM.match(gap) and not _SOME_OF.search(gap)) or _NOUN_ONLY.match(gap) or not gap.strip():
                return iso  # (and "500 بيلاروسي"، "150 قرغيزياً": people named by their state)
        # a state the force went to ("أُرسلت إلى كازاخستان قوة") is not the one that sent it
        before = [(pos, iso) for pos, iso in states
                  if pos < s.start + lo and iso != destination and not headed_to(s, pos)]
        clause_lo = s.start + _clause_start(s.folded, lo)
        before_clause = [(p, i) for p, i in before if p >= clause_lo]
        if before_clause:
            p, iso = before_clause[-1]
            if hits.any("capacity", p, s.start + lo) and hits.any("organisation", p, s.start + lo):
                return None  # "مصادر روسية إلى أن قوة المنظمة تضم في قوامها": the organisation's size
            return iso
        # the subject is named as such: even the article's main state may be the sender
        subject = _subject_before_relative(s, clause_lo - s.start, [(p, i) for p, i in states if not headed_to(s, p)])
        if subject is not None:
            return subject  # "أرمينيا، التي كانت ترأس المنظمة، أرسلت نحو مئة عسكري"
        # a unit named with its state before the figure is its subject, even when the organisation
        # it serves in is named too: "الوحدة الطاجيكية المشاركة في القوة الجماعية … قوامها البالغ 200"
        units = [(p, i) for p, i in before if _UNIT_OF_STATE.search(s.folded, max(0, p - s.start - 16), p - s.start)]
        if units:
            return units[-1][1]
        if _TOOK_PART.search(s.folded, clause_lo - s.start, lo):
            # "أرمينيا كانت تتولى رئاسة المنظمة حين قرر المجلس إرسال قوات إلى كازاخستان، وقد شاركت
            # بنحو 100 عسكري": states take part with their troops, the organisation named before does
            # not, nor the state the forces went to in this sentence (though the article's
            # destination may be the state that took part there)
            senders = [iso for pos, iso in states if pos < s.start + lo and not headed_to(s, pos)]
            if senders:
                return senders[-1]
        if hits.any("organisation", s.start, s.start + lo):
            return None
        country_word = hits.last("the_country", s.start, s.start + lo)
        if country_word is not None:
            # "وقال بوتين إن بلاده": the state of the person who speaks before "his country"
            return self._speaker_state(hits, s.start, country_word.start) or _last_state_before(
                mentions, country_word.start, destination)
        return before[-1][1] if before else None

    def _speaker_state(self, hits: Hits, lo: int, hi: int) -> str | None:
        """The state of the last person of people.csv named in [lo, hi)."""
        found = [(w.start, name) for name in self.leaders if (w := hits.last(name, lo, hi)) is not None]
        return max(found)[1][len(LEADER):] if found else None

    # -- "may send units": no figure ----------------------------------------------------
    @staticmethod
    def _undecided(s, states, destination, hits: Hits) -> list[TroopContribution]:
        found = hits.first("considering", s.start, s.end)
        if found is None:
            return []
        at = found[0]
        clause_lo = s.start + _clause_start(s.folded, at - s.start)
        candidates = [(pos, iso) for pos, iso in states if iso != destination and pos >= clause_lo]
        if not candidates:
            return []
        pos, iso = min(candidates, key=lambda x: abs(x[0] - at))
        return [TroopContribution(iso, None, False, "considering", s.text, None, s.start, s.end)]


# a clause that tells more of what the clause before it named: "…، التي يبلغ قوامها"،
# "…بقاعدتها في غيومري، حيث يتمركز نحو ثلاثة آلاف عسكري"
_RELATIVE = re.compile(rf"\s*و?(?:{'|'.join(RELATIVE_PRONOUNS)}|حيث)\s")


def _subject_before_relative(s, clause_lo: int, before: list[tuple[int, str]]) -> str | None:
    """The state that ends the clause before a relative clause which itself comes right
    before the clause at ``clause_lo`` (offsets in ``s``): "أرمينيا، التي كانت ترأس المنظمة،"."""
    if clause_lo <= 0:
        return None
    relative_lo = _clause_start(s.folded, clause_lo - 1)
    if relative_lo <= 0 or not _RELATIVE.match(s.folded, relative_lo):
        return None
    subject_lo = _clause_start(s.folded, relative_lo - 1)
    inside = [iso for pos, iso in before if s.start + subject_lo <= pos < s.start + relative_lo]
    return inside[-1] if inside else None


# "أبلغ لوكاشينكو نظيره الروسي أن بلاده …": the one spoken to is not the one who sends
_COUNTERPART = re.compile(
    r"(?:^|\s)[وفل]?(?:ال)?نظير\S*\s+$"
    # "بالتنسيق مع القوات الكازاخية": the forces worked with are not the ones sent
    r"|(?:^|\s)(?:مع|جانب)\s+(?:ال)?(?:قوات|وحدات|جيش|الجيش|اجهزه)\s+(?:الامن\s+)?$")


def _counterpart(s: Sentence, pos: int) -> bool:
    rel = pos - s.start
    return _COUNTERPART.search(s.folded, max(0, rel - 24), rel) is not None


# "شاركت قرغيزستان وطاجيكستان بنحو ١٥٠ و٢٠٠ عسكري على التوالي": figures that go, in order, with
# the states named before them
RESPECTIVELY = re.compile(r"(?:^|\s)علي\s+التوالي(?:\s|$|[،,.؛])")


def _respectively(s: Sentence, nums, states) -> dict[int, str]:
    """Start of each figure → its state, for figures told "respectively" (على التوالي): as many
    figures as the states named in the clause before the first one (not one forces went to)."""
    m = RESPECTIVELY.search(s.folded)
    if m is None:
        return {}
    at = s.start + m.start()
    figures = [n for n in nums if n.end <= at and not n.vague]
    if len(figures) < 2:
        return {}
    # the figures of one run: each joined to the next by و (and a word of approximation at most)
    run = [figures[-1]]
    for n in reversed(figures[:-1]):
        if not _JOINED.match(s.folded, n.end - s.start, run[0].start - s.start):
            break
        run.insert(0, n)
    clause_lo = s.start + _clause_start(s.folded, run[0].start - s.start)
    # (the article's destination too may be listed: "شاركت قرغيزستان وطاجيكستان" in a story of
    # their border)
    named = [iso for pos, iso in states if clause_lo <= pos < run[0].start and not headed_to(s, pos)]
    if len(run) < 2 or len(named) != len(run):
        return {}
    return {n.start: iso for n, iso in zip(run, named, strict=True)}


_JOINED = re.compile(r"\s*،?\s*و\s*(?:نحو\s+|قرابه\s+|حوالي\s+)?$")


def _last_state(states: list[tuple[int, str]], before: int) -> str | None:
    found = [iso for pos, iso in states if pos < before]
    return found[-1] if found else None


def _clause_start(folded: str, pos: int) -> int:
    cut = max(folded.rfind("،", 0, pos), folded.rfind(";", 0, pos), folded.rfind("؛", 0, pos))
    # a list that shares the verb continues across commas: go back to the clause with a verb
    return 0 if cut < 0 else (0 if re.match(r"\s*و?\s*[0-9]", folded[cut + 1 : pos + 1]) else cut + 1)


_CLAUSE_BREAK = re.compile(r"[،؛;]|\sفيما\s|\sبينما\s")


def _clause_end(folded: str, pos: int, limit: int) -> int:
    """Where the clause holding ``pos`` ends, at most at ``limit`` (a verb after a comma or
    فيما belongs to the next claim: "أرسلت 100 مظلي، فيما قالت قيرغيزستان إنها سترسل")."""
    m = _CLAUSE_BREAK.search(folded, pos, limit)
    return m.start() if m else limit


def _states_in(mentions: Sequence[Mention], capitals: dict[str, str], s: Sentence) -> list[tuple[int, str]]:
    """(offset, iso2) of the states among ``mentions``: named, or stood for by their capital
    (not a capital that is a place: "قمة موسكو"، "القاعدة 201 في دوشنبه" are where, not who)."""
    out = []
    for m in mentions:
        if m.place.kind == "country" and m.place.iso2:
            out.append((m.start, m.place.iso2))
        elif m.place.key in capitals:
            rel = m.start - s.start
            if not (NAMED_GATHERING.search(s.folded, max(0, rel - 20), rel)
                    or _AT.search(s.folded, max(0, rel - 16), rel)):
                out.append((m.start, capitals[m.place.key]))
    return out


_AT = re.compile(
    r"(?:^|\s)[وف]?(?:في|قرب|بالقرب\s+من|قرب\s+من|حول|داخل|وسط|ضواحي|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي)\s*$"
    r"|(?:^|\s)[وف]?ب$"
)


def destination(sents: Sequence[Sentence], hits: Hits, index: MentionIndex, capitals=frozenset()) -> str | None:
    """The state forces are sent to: the one whose places are most often named right after
    إلى / نحو in a sentence about forces going somewhere ("أرسلت روسيا قوات إلى كازاخستان"،
    "ووصل 200 عسكري طاجيكي إلى ألماتي"), not coming home (عادت الوحدة إلى بيشكيك); None when
    none is. A national capital (``capitals``: place keys) counts half, as it is as often who
    is asked ("نداء إلى موسكو لإرسال قوات") as where forces go, and one such name is not
    enough. An article told from a sending state's angle names that state most, so its main
    state will not do."""
    forces = hits.starts("forces")
    headed: Counter[str] = Counter()
    for s in sents:
        if bisect_left(forces, s.start) == bisect_left(forces, s.end):
            continue
        leaving = hits.any("departure", s.start, s.end)
        for m in index.between(s.start, s.end):
            if not (m.place.iso2 and m.place.kind != "other" and m.via == "name"):
                continue
            # forces going to a place, or leaving a state ("غادرت كازاخستان"، "الانسحاب من
            # كازاخستان": where they had been sent), not coming home (عادت الوحدة إلى بيشكيك)
            if (headed_to(s, m.start) and not leaving) or (
                    leaving and m.place.kind == "country" and _LEFT.search(s.folded, max(0, m.start - s.start - 20),
                                                                           m.start - s.start)):
                headed[m.place.iso2] += 0.5 if m.place.key in capitals else 1.0
    if not headed:
        return None
    iso, weight = headed.most_common(1)[0]
    return iso if weight >= 1.0 else None


# a state right after a verb or noun of leaving, or after من following one: "غادرت كازاخستان"
_LEFT = re.compile(r"(?:غادر|مغادره|انسحاب|انسحبت|انسحب|خروج|خرجت)\S*\s+(?:\S+\s+)?(?:من\s+)?$")


def _last_state_before(mentions: Sequence[Mention], pos: int, destination: str | None) -> str | None:
    for m in reversed([m for m in mentions if m.start < pos]):
        if m.place.kind == "country" and m.place.iso2 and m.place.iso2 != destination:
            return m.place.iso2
    return None


def _dated(t: TroopContribution, date_of) -> TroopContribution:
    from dataclasses import replace

    return replace(t, date=date_of(t.start, t.end))


def _dedupe(items: list[TroopContribution]) -> list[TroopContribution]:
    seen, out = set(), []
    for t in items:
        k = (t.country, t.count, t.status)
        if k not in seen:
            seen.add(k)
            out.append(t)
    return out
