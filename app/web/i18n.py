"""Arabic and English: the interface strings, and the callback that switches them.

Every translatable label is a ``html.Span`` with id ``{"type": "i18n", "key": …}``; one
callback rewrites all of them, the page's ``dir`` and ``lang`` when the language changes.
"""

from __future__ import annotations

from dash import ALL, Input, Output, clientside_callback, ctx, html

STRINGS: dict[str, tuple[str, str]] = {
    "title": (
        "CSTO in Kazakhstan, January 2022 — from Arabic news",
        "منظمة معاهدة الأمن الجماعي في كازاخستان، يناير 2022",
    ),
    "language": ("Language", "اللغة"),
    "dates": ("Dates", "التواريخ"),
    "quick.jan2022": ("January 2022 unrest", "اضطرابات يناير 2022"),
    "quick.all": ("Whole history since 1992", "كل التاريخ منذ 1992"),
    "countries": ("Countries", "الدول"),
    "types": ("Event types", "أنواع الأحداث"),
    "documents": ("Source articles", "المقالات المصدر"),
    "layers": ("Layers", "الطبقات"),
    "layer.membership": ("CSTO membership", "العضوية في المنظمة"),
    "layer.events": ("Events", "الأحداث"),
    "layer.troops": ("Troop contributions", "المساهمات بالقوات"),
    "layer.places": ("Other places named", "أماكن أخرى مذكورة"),
    "layer.tiles": ("Online street map (needs internet)", "خريطة الشوارع عبر الإنترنت (تحتاج اتصالًا)"),
    "legend": ("Legend", "مفتاح الخريطة"),
    "details": ("Details", "التفاصيل"),
    "details.hint": ("Click a point, a line or a country.", "انقر على نقطة أو خط أو دولة."),
    "add": ("Add an article", "إضافة مقال"),
    "add.paste": (
        "Paste the Arabic text, or upload a .txt file (UTF-8, up to 200 kB).",
        "الصق النص العربي أو ارفع ملف ‎.txt‎ (UTF-8، حتى 200 كيلوبايت).",
    ),
    "add.upload": ("Choose a text file", "اختر ملفًا نصيًا"),
    "add.published": ("Publication date", "تاريخ النشر"),
    "add.preview": ("Preview", "معاينة"),
    "add.store": ("Add to the map", "أضف إلى الخريطة"),
    "all": ("all", "الكل"),
    "type": ("Type", "النوع"),
    "numbers": ("Numbers", "الأرقام"),
    "date": ("Date", "التاريخ"),
    "place": ("Place", "المكان"),
    "killed": ("killed", "قتيل"),
    "injured": ("injured", "جريح"),
    "evidence": ("Evidence", "الدليل"),
    "source": ("Source article", "المقال المصدر"),
    "full_text": ("Full text", "النص الكامل"),
    "claims": ("All claims about this", "كل الروايات عن هذا"),
    "document": ("Document", "الوثيقة"),
    "status": ("Status", "الوضع"),
    "count": ("Troops", "عدد الجنود"),
    "events_here": ("Events here", "الأحداث هنا"),
    "summary.shown": ("events on the map", "حدثًا على الخريطة"),
    "summary.unlocated": ("without a place", "بلا مكان"),
    "surfaces": ("Written as", "وردت بصيغة"),
    "undated": ("undated", "بلا تاريخ"),
    "nothing": ("Nothing found.", "لم يُعثر على شيء."),
    "status.member": ("member", "عضو"),
    "status.suspended": ("suspended", "معلّقة"),
    "status.former": ("former member", "عضو سابق"),
    "status.never": ("never a member", "ليست عضوًا"),
}


def t(key: str, lang: str) -> str:
    en, ar = STRINGS.get(key, (key, key))
    return ar if lang == "ar" else en


def label(key: str, lang: str = "ar", **props) -> html.Span:
    return html.Span(t(key, lang), id={"type": "i18n", "key": key}, **props)


def direction(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


def register(app) -> None:
    @app.callback(
        Output({"type": "i18n", "key": ALL}, "children"),
        Output("page", "dir"),
        Output("page", "lang"),
        Input("lang", "value"),
    )
    def switch_language(lang):
        keys = [o["id"]["key"] for o in ctx.outputs_list[0]]
        return [t(k, lang) for k in keys], direction(lang), lang

    # the <html> element itself, so the browser, Leaflet and screen readers see the direction
    clientside_callback(
        "function(lang){document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';"
        "document.documentElement.lang = lang; return lang;}",
        Output("lang-applied", "data"),
        Input("lang", "value"),
    )
