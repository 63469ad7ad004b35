"""Where the article ends and the web page around it begins.

Scraped news often carries a sidebar of other stories ("most read", "related") after
the body. Places named there are not the article's. We cut at the first furniture
heading that stands on a line of its own in the second half of the text.
"""

from __future__ import annotations

import re

_HEADING = (
    r"[ \t]*(?:"
    r"share/bookmark|النشرة البريدية|تعليقات|التعليقات|"
    r"(?:ال)?(?:مواضيع|موضوعات|أخبار|مقالات|الموضوعات|الأخبار|المقالات)\s+(?:ذات صلة|الأكثر قراءة|مشابهة|متعلقة)|"
    r"(?:ال)?(?:أكثر|الأكثر)\s+(?:قراءة|مشاهدة|تداولا)|"
    r"(?:ال)?(?:موضوعات|مواضيع|أخبار)\s+(?:ال)?أكثر\s+قراءة|"
    r"اقرأ\s+(?:أيضا|أيضاً|المزيد)|شاهد\s+(?:أيضا|أيضاً)|"
    r"جميع الحقوق محفوظة|كلمات مفتاحية|الوسوم"
    r")\b.*$"
)
# A heading on the first line, and after a line break: the search for a pattern that starts
# with a line break skips from one to the next, where one that starts with "^" (MULTILINE)
# is tried at every character.
_FIRST_LINE = re.compile(_HEADING, re.IGNORECASE | re.MULTILINE)
_AFTER_BREAK = re.compile(r"\n" + _HEADING, re.IGNORECASE | re.MULTILINE)


def body_end(text: str) -> int:
    """Offset where the article body ends (``len(text)`` when no furniture follows it)."""
    half = len(text) // 2
    # the headings in turn, as one "^" pattern would find them: one may reach over a line
    # break (\s+) and so hide one on the next line
    first = _FIRST_LINE.match(text)
    if first is not None and half == 0:
        return 0
    for m in _AFTER_BREAK.finditer(text, 0 if first is None else first.end()):
        if m.start() + 1 >= half:
            return m.start() + 1
    return len(text)
