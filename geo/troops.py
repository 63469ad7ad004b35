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
from collections.abc import Sequence

from geo.clauses import Sentence, has, lexicon
from geo.model import Mention, TroopContribution
from geo.numbers import NumberMention

PERSONNEL = ("جندي", "جنود", "عسكري", "عسكريين", "فرد", "أفراد", "مظلي", "مظليين", "عنصر", "عناصر",
             "رجل", "مقاتل", "ضابط", "من قوات", "من الجنود", "من العسكريين", "من المظليين")
# "شخص" (person) counts as personnel only in a sentence about forces
FORCES = ("قوات", "قوة", "جنود", "وحدات", "وحدة", "عسكري", "جندي", "كتيبة", "حفظ السلام", "مظلي")
CAPACITY = ("العدد الإجمالي", "إجمالي عدد", "قوام", "يبلغ عدد", "يبلغ العدد", "تضم القوة", "قوة قوامها",
            "الحجم الإجمالي")
CONSIDERING = ("قد ترسل", "قد يرسل", "قد تشارك", "من عدمه", "لم تتخذ", "لم يتخذ", "تدرس إرسال",
               "يدرس إرسال", "تنظر في إرسال", "لم تقرر", "لم يقرر", "ربما ترسل", "ربما يرسل")
PLEDGED = ("سترسل", "سيرسل", "ستُرسل", "سيُرسل", "ستشارك", "سيشارك", "تعهدت", "تعهد", "ستساهم", "سيساهم",
           "ستقدم", "سيقدم", "وعدت", "ستنشر", "سينشر", "أعلنت استعدادها", "مستعدة لإرسال")
SENT = ("أرسلت", "أرسل", "ارسلت", "وصلت", "وصل", "تتكون", "يتكون", "تتألف", "يتألف", "نشرت", "نشر",
        "بعثت", "دفعت", "المرسلة", "وصول", "أوفدت", "تم إرسال", "تم نشر", "شاركت", "يشارك", "تشارك")
NOT_TROOPS = ("قتيل", "قتلى", "قتل", "مقتل", "جريح", "جرحى", "أصيب", "مصاب", "اعتقال", "معتقل", "اعتقل",
              "كيلومتر", "كلم", "كم", "دولار", "مليار", "مليون", "طائرة", "طائرات", "عام", "سنة", "يوم",
              "ساعة", "بالمئة", "بالمائة", "في المئة", "لواء", "قاعدة", "مستشفى", "العناية", "شخص أصيب")
HURT = ("قتل", "قتلى", "قتيل", "مقتل", "مصرع", "جرح", "جرحى", "أصيب", "إصابة", "مصاب", "اعتقل", "توفي")
ORGANISATION = ("منظمة", "المنظمة", "التحالف", "الحلف", "معاهدة الأمن الجماعي")
THE_COUNTRY = ("البلاد", "الدولة", "بلاده", "بلادها")

# between a figure and its state: at most three words, then من ("70 جنديًا من أرمينيا")
_FROM = re.compile(r"^\s*(?:[\u0621-\u064a\u0640]+\s+){0,3}?من\s+(?:ال)?$")
CASUALTY_WINDOW = 60
# between a figure and a state adjective: the personnel noun alone ("3 آلاف مظلي روسي")
_NOUN_ONLY = re.compile(r"^\s*[\u0621-\u064a\u0640]+\s+$")


class TroopExtractor:
    def __init__(self) -> None:
        self.personnel = lexicon(PERSONNEL)
        self.forces = lexicon(FORCES)
        self.capacity = lexicon(CAPACITY)
        self.considering = lexicon(CONSIDERING)
        self.pledged = lexicon(PLEDGED)
        self.sent = lexicon(SENT)
        self.not_troops = lexicon(NOT_TROOPS)
        self.organisation = lexicon(ORGANISATION)
        self.the_country = lexicon(THE_COUNTRY)
        self.hurt = lexicon(HURT, verbal=True)

    def extract(
        self,
        text: str,
        sents: Sequence[Sentence],
        numbers: Sequence[NumberMention],
        mentions: Sequence[Mention],
        date_of,
        capitals: dict[str, str],
        destination: str | None,
        *,
        hits: list[tuple[int, str]],
    ) -> list[TroopContribution]:
        """Contributions of one article; ``hits`` holds its "forces" hits (one shared scan
        with the event triggers, made by :class:`geo.extract.Extractor`)."""
        out: list[TroopContribution] = []
        positions = [pos for pos, name in hits if name == "forces"]
        for s in sents:
            if bisect_left(positions, s.start) == bisect_left(positions, s.end):
                continue  # no word about forces or personnel in this sentence
            nums = [n for n in numbers if s.start <= n.start < s.end]
            states = _states_in(s, mentions, capitals)
            found = self._counts(text, s, nums, states, mentions, capitals, destination)
            counted = {t.country for t in found}
            found += self._undecided(s, [x for x in states if x[1] not in counted], destination)
            out += [t for t in found if t is not None]
        return _dedupe([_dated(t, date_of) for t in out])

    # -- counts --------------------------------------------------------------------------
    def _counts(self, text, s, nums, states, mentions, capitals, destination) -> list[TroopContribution]:
        out: list[TroopContribution] = []
        status_before = None
        for n in nums:
            lo, hi = n.start - s.start, n.end - s.start
            after = s.folded[hi : hi + 30]
            if self.not_troops.match(after.lstrip()) or n.value < 2 or self._casualty(s.folded, lo, hi):
                continue
            is_count = bool(self.personnel.match(after.lstrip())) or (
                after.lstrip().startswith("شخص") and has(self.forces, s.folded)
            )
            listed = out and re.match(r"\s*من\s", after)
            if not (is_count or listed):
                continue
            clause_lo = _clause_start(s.folded, lo)
            before = s.folded[clause_lo:lo]
            status = self._status(s.folded[clause_lo : _clause_end(s.folded, hi, hi + 40)], before)
            status = status or (status_before if listed else None) or "sent"
            status_before = status
            country = self._country(s, lo, hi, states, mentions, destination, text)
            if status == "capacity" and country is not None:
                status = "sent"  # the size of one state's contingent ("قوام الوحدة الطاجيكية") is what it sent
            elif country is None and has(self.organisation, before):
                status = "capacity" if has(self.capacity, before) else status
            out.append(TroopContribution(country, n.value, n.approx, status, s.text, None, s.start, s.end))
        return out

    def _casualty(self, folded: str, lo: int, hi: int) -> bool:
        """A figure of dead or wounded (قُتلوا، أصيب عشرة عناصر) is not a troop count."""
        return has(self.hurt, folded[hi : hi + CASUALTY_WINDOW]) or has(self.hurt, folded[max(0, lo - 25) : lo])

    def _status(self, clause: str, before: str) -> str | None:
        if has(self.capacity, before):
            return "capacity"
        if has(self.considering, clause):
            return "considering"
        if has(self.pledged, clause):
            return "pledged"
        if has(self.sent, clause):
            return "sent"
        return None

    def _country(self, s, lo, hi, states, mentions, destination, text) -> str | None:
        after = [(pos, iso) for pos, iso in states if pos >= s.start + hi]
        adjectives = {m.start for m in mentions if m.via == "adjective"}
        for pos, iso in after:
            gap = s.folded[hi : pos - s.start]
            if _FROM.match(gap) or (pos in adjectives and _NOUN_ONLY.match(gap)):
                return iso  # "70 جنديًا من أرمينيا" / "3 آلاف مظلي روسي"
        before = [(pos, iso) for pos, iso in states if pos < s.start + lo and iso != destination]
        clause_lo = s.start + _clause_start(s.folded, lo)
        before_clause = [(p, i) for p, i in before if p >= clause_lo]
        if before_clause:
            return before_clause[-1][1]
        if has(self.organisation, s.folded[: lo]):
            return None
        if has(self.the_country, s.folded[:lo]):
            return _last_state_before(mentions, s.start, destination)
        return before[-1][1] if before else None

    # -- "may send units": no figure ----------------------------------------------------
    def _undecided(self, s, states, destination) -> list[TroopContribution]:
        if not has(self.considering, s.folded):
            return []
        m = self.considering.search(s.folded)
        clause_lo = s.start + _clause_start(s.folded, m.start())
        candidates = [(pos, iso) for pos, iso in states if iso != destination and pos >= clause_lo]
        if not candidates:
            return []
        pos, iso = min(candidates, key=lambda x: abs(x[0] - (s.start + m.start())))
        return [TroopContribution(iso, None, False, "considering", s.text, None, s.start, s.end)]


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


def _states_in(s: Sentence, mentions: Sequence[Mention], capitals: dict[str, str]) -> list[tuple[int, str]]:
    out = []
    for m in mentions:
        if s.start <= m.start < s.end:
            if m.place.kind == "country" and m.place.iso2:
                out.append((m.start, m.place.iso2))
            elif m.place.key in capitals:
                out.append((m.start, capitals[m.place.key]))
    return out


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
