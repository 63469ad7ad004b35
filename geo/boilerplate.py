"""Where the article ends and the web page around it begins.

Scraped news often carries a sidebar of other stories ("most read", "related") after
the body. Places named there are not the article's. We cut at the first furniture
heading that stands on a line of its own in the second half of the text.
"""

from __future__ import annotations

import re

_FURNITURE = re.compile(
    r"^[ \t]*(?:"
    r"share/bookmark|النشرة البريدية|تعليقات|التعليقات|"
    r"(?:ال)?(?:مواضيع|موضوعات|أخبار|مقالات|الموضوعات|الأخبار|المقالات)\s+(?:ذات صلة|الأكثر قراءة|مشابهة|متعلقة)|"
    r"(?:ال)?(?:أكثر|الأكثر)\s+(?:قراءة|مشاهدة|تداولا)|"
    r"(?:ال)?(?:موضوعات|مواضيع|أخبار)\s+(?:ال)?أكثر\s+قراءة|"
    r"اقرأ\s+(?:أيضا|أيضاً|المزيد)|شاهد\s+(?:أيضا|أيضاً)|"
    r"جميع الحقوق محفوظة|كلمات مفتاحية|الوسوم"
    r")\b.*$",
    re.IGNORECASE | re.MULTILINE,
)


def body_end(text: str) -> int:
    """Offset where the article body ends (``len(text)`` when no furniture follows it)."""
    half = len(text) // 2
    for m in _FURNITURE.finditer(text):
        if m.start() >= half:
            return m.start()
    return len(text)
