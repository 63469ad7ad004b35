"""CSTO membership: country polygons coloured by status on a given day.

Only countries with a status other than "never" are shipped; the base layer draws
every country in the "never" colour underneath, so the legend stays truthful while
the payload that changes with the date stays small.
"""

from __future__ import annotations

from collections.abc import Mapping

from geo.layers.common import LegendEntry, feature, feature_collection

# status: (fill colour, English, Arabic)
STATUS_STYLE: dict[str, tuple[str, str, str]] = {
    "member": ("#2563eb", "CSTO member", "عضو في منظمة معاهدة الأمن الجماعي"),
    "suspended": ("#f59e0b", "Membership suspended / frozen", "عضوية معلّقة / مجمّدة"),
    "former": ("#a78bfa", "Former member", "عضو سابق"),
    "never": ("#e5e7eb", "Never a member", "ليست عضوًا قط"),
}
ALIASES = {"frozen": "suspended", "observer": "never", "none": "never", None: "never"}
BASE_COLOR = STATUS_STYLE["never"][0]
BORDER_COLOR = "#9ca3af"


def normal_status(status: str | None) -> str:
    """Map the timeline's wording onto the legend's four statuses (unknown → "never")."""
    status = ALIASES.get(status, status)
    return status if status in STATUS_STYLE else "never"


def legend() -> tuple[LegendEntry, ...]:
    return tuple(
        LegendEntry(key=s, color=c, label_en=en, label_ar=ar, shape="square")
        for s, (c, en, ar) in STATUS_STYLE.items()
    )


def build(countries: dict, statuses: Mapping[str, str | None], *, on: str = "") -> dict:
    """Countries of ``countries`` (a FeatureCollection with ``iso2`` properties) whose status is not
    "never", each with its ``status``, ``color`` and both names."""
    features = []
    for f in countries.get("features", []):
        props = f.get("properties") or {}
        status = normal_status(statuses.get(props.get("iso2")))
        if status == "never":
            continue
        features.append(
            feature(
                f["geometry"],
                kind="country",
                id=props.get("iso2"),
                status=status,
                color=STATUS_STYLE[status][0],
                name=props.get("name_en") or props.get("name") or props.get("iso2"),
                name_ar=props.get("name_ar") or props.get("name_en") or props.get("iso2"),
            )
        )
    return feature_collection(features, on=on)


def base(countries: dict) -> dict:
    """Every country outline with both names (pass it through :func:`simplified` first)."""
    return feature_collection(
        feature(
            f["geometry"],
            kind="base",
            id=(f.get("properties") or {}).get("iso2"),
            name=(f.get("properties") or {}).get("name_en"),
            name_ar=(f.get("properties") or {}).get("name_ar"),
        )
        for f in countries.get("features", [])
    )


def _rounded(geometry: dict, digits: int) -> dict:
    def walk(value):
        if value and isinstance(value[0][0], int | float):
            return _ring(value, digits)
        return [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def _ring(positions: list, digits: int) -> list:
    """Round a ring's positions and drop the ones that rounding made repeat (closure is kept)."""
    out: list[list[float]] = []
    for position in positions:
        rounded = [round(position[0], digits), round(position[1], digits)]
        if not out or rounded != out[-1]:
            out.append(rounded)
    if len(out) < 4:
        return [[round(p[0], digits), round(p[1], digits)] for p in positions]
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def simplified(countries: dict, *, tolerance: float = 0.03, digits: int = 2) -> dict:
    """The same countries with lighter outlines (``tolerance`` in degrees), for shipping to a browser.

    Done once per process by the caller; every layer built from the result is then small.
    """
    from shapely.geometry import mapping, shape

    out = []
    for f in countries.get("features", []):
        geometry = mapping(shape(f["geometry"]).simplify(tolerance, preserve_topology=True))
        out.append(
            {"type": "Feature", "geometry": _rounded(_lists(geometry), digits), "properties": f["properties"]}
        )
    return feature_collection(out)


def _lists(geometry) -> dict:
    def walk(value):
        return [walk(v) for v in value] if isinstance(value, list | tuple) else value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}
