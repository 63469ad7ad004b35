"""Static images of the map (PNG, SVG, PDF) drawn with matplotlib (shapes straight from GeoJSON).

Countries coloured by CSTO status on the last day of the range, events sized by casualties,
troop flows with their figures, a legend, a title stating the filters and a source line.
Arabic is passed as plain strings: matplotlib (>= 3.11) shapes and orders it itself, given a
font with Arabic glyphs (Debian's fonts-noto-core: Noto Sans + Noto Sans Arabic).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

from geo.errors import DataFileError
from geo.layers import events as events_layer
from geo.layers import membership as membership_layer
from geo.layers import places as places_layer
from geo.layers import troops as troops_layer
from geo.snapshots.common import (
    Snapshot,
    collect,
    counts,
    options_from,
    source_line,
    title,
    view_bbox,
    word,
)

FONT_FAMILIES = ("Noto Sans", "Noto Sans Arabic", "DejaVu Sans")
ARABIC_SAMPLE = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى"
SEA = "#bfdbfe"
HALO = "white"
MAX_LABELS = 25
DASHES = {None: "-", "10 8": (0, (5, 3)), "2 8": (0, (1, 3))}


@lru_cache(maxsize=1)
def arabic_font() -> str:
    """Path of the first font of :data:`FONT_FAMILIES` with every Arabic letter; raises if none."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    for family in FONT_FAMILIES:
        try:
            path = font_manager.findfont(
                font_manager.FontProperties(family=family), fallback_to_default=False
            )
        except ValueError:
            continue
        font = FT2Font(path)
        if all(font.get_char_index(ord(c)) for c in ARABIC_SAMPLE):
            return path
    raise DataFileError(
        f"no font with Arabic letters among {', '.join(FONT_FAMILIES)}; install Debian's fonts-noto-core "
        "(bash .ci/browser.sh does) so Arabic labels are not drawn as empty boxes"
    )


def write_png(store, filters, path: Path, **opts) -> dict[str, int]:
    """``opts``: lang, bbox, layers, dpi, size (see :class:`geo.snapshots.common.SnapshotOptions`)."""
    return write_image(store, filters, path, fmt="png", **opts)


def write_svg(store, filters, path: Path, **opts) -> dict[str, int]:
    return write_image(store, filters, path, fmt="svg", **opts)


def write_pdf(store, filters, path: Path, **opts) -> dict[str, int]:
    return write_image(store, filters, path, fmt="pdf", **opts)


def write_image(store, filters, path: Path, *, fmt: str, **opts) -> dict[str, int]:
    from geo.store.export import _atomic  # the exports' replace-only-on-success file

    options = options_from(**opts)
    snapshot = collect(store, filters, options)
    figure = render(snapshot)
    with _atomic(Path(path)) as tmp:
        import matplotlib

        with matplotlib.rc_context(_style()):  # the font types apply when the file is written
            figure.savefig(tmp, format=fmt, dpi=options.dpi)
    return counts(snapshot)


def render(snapshot: Snapshot):
    """A matplotlib Figure of the snapshot (no pyplot: nothing global is touched)."""
    import matplotlib
    from matplotlib.figure import Figure

    if snapshot.lang == "ar":
        arabic_font()
    width, height = snapshot.options.pixels()
    dpi = snapshot.options.dpi
    with matplotlib.rc_context(_style()):
        figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
        ax = figure.add_axes((0.01, 0.06, 0.76, 0.86))
        labels = _draw_layers(ax, snapshot)
        _frame(ax, view_bbox(snapshot), figure)
        _declutter(figure, ax, labels)
        _legend(figure, snapshot)
        _texts(figure, snapshot)
    return figure


def _style() -> dict:
    return {
        "font.family": list(FONT_FAMILIES),
        "svg.fonttype": "path",  # the glyphs travel with the file: no font needed to view it
        "pdf.fonttype": 42,
        "axes.linewidth": 0.6,
    }


def _frame(ax, bbox, figure) -> None:
    """Show at least ``bbox``, widened to fill the axes; plate carrée stretched by the middle
    latitude so shapes look right where the view is."""
    west, south, east, north = bbox
    stretch = max(0.2, math.cos(math.radians((south + north) / 2)))
    box = ax.get_position(original=True)
    fig_w, fig_h = figure.get_size_inches()
    wanted = (box.width * fig_w) / (box.height * fig_h)  # width / height of the axes
    width, height = (east - west) * stretch, north - south
    if width / height < wanted:
        grow = (height * wanted / stretch - (east - west)) / 2
        west, east = west - grow, east + grow
    else:
        grow = ((east - west) * stretch / wanted - height) / 2
        south, north = south - grow, north + grow
    ax.set_facecolor(SEA)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / stretch, adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")


def _draw_layers(ax, snapshot: Snapshot) -> list[Label]:
    """Draw every layer; return the labels, most important first (see :func:`_declutter`)."""
    _countries(ax, snapshot)
    layers, lang = snapshot.layers, snapshot.lang
    countries = _membership(ax, layers["membership"], lang, view_bbox(snapshot))
    flows = _flows(ax, layers["troops"], lang)
    places = _places(ax, layers["places"], lang)
    events = _events(ax, layers["events"], lang)
    return [*flows, *events, *countries, *places]


# one label's candidate positions (first choice first) and whether it must be shown even when
# every position overlaps a label already placed (troop figures are the map's news)
Label = tuple[list, bool]
FLOW_POSITIONS = (1 / 3, 1 / 2, 2 / 3, 1 / 4, 3 / 4)


def _declutter(figure, ax, labels: list[Label]) -> None:
    """Keep each label at its first position that overlaps no label kept before it; hide the rest,
    and any repeat of a name already shown (a country named by its outline and by an event)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(figure).get_renderer()
    ax.apply_aspect()
    kept: list = []
    shown: set[str] = set()
    for candidates, essential in labels:
        inside = [a for a in candidates if ax.viewLim.contains(*a.xy)]
        boxes = [a.get_window_extent(renderer).padded(2) for a in inside]
        free = [i for i, box in enumerate(boxes) if not any(box.overlaps(k) for k in kept)]
        text = candidates[0].get_text()
        pick = free[0] if free else (0 if essential and inside else None)
        if pick is not None and not essential and text in shown:
            pick = None
        for a in candidates:
            a.set_visible(pick is not None and a is inside[pick])
        if pick is not None:
            kept.append(boxes[pick])
            shown.add(text)


def _countries(ax, snapshot: Snapshot) -> None:
    features = snapshot.countries["features"]
    _polygons(
        ax,
        [f["geometry"] for f in features],
        facecolor=membership_layer.BASE_COLOR,
        edgecolor=membership_layer.BORDER_COLOR,
        linewidth=0.4,
    )


def _polygons(ax, geometries: list[dict], **style) -> None:
    """GeoJSON (Multi)Polygons as one matplotlib collection, holes cut out: no GeoDataFrame,
    so the first image of a process does not wait for geopandas and pandas to import."""
    from matplotlib.collections import PathCollection

    paths = [path for geometry in geometries if (path := _path(geometry)) is not None]
    ax.add_collection(PathCollection(paths, **style), autolim=False)


def _path(geometry: dict | None):
    from matplotlib.path import Path as MplPath

    if not geometry or geometry["type"] not in ("Polygon", "MultiPolygon"):
        return None
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    rings = [MplPath(ring, closed=True) for polygon in polygons for ring in polygon if len(ring) >= 3]
    return MplPath.make_compound_path(*rings) if rings else None


def _membership(ax, collection: dict, lang: str, bbox) -> list[Label]:
    from shapely.geometry import shape

    features = collection["features"]
    if not features:
        return []
    _polygons(
        ax,
        [f["geometry"] for f in features],
        facecolor=[f["properties"]["color"] for f in features],
        edgecolor="white",
        linewidth=0.6,
        alpha=0.85,
    )
    view = _box(*bbox)
    labels = []
    for f in features:
        point = shape(f["geometry"]).intersection(view).representative_point()
        if not point.is_empty:
            p = f["properties"]
            name = p.get("name_ar") if lang == "ar" else p.get("name")
            labels.append(([_label(ax, point.x, point.y, name or "", size=9, color="#1e293b")], False))
    return labels


def _box(x0, y0, x1, y1):
    from shapely.geometry import box

    return box(x0, y0, x1, y1)


def _flows(ax, collection: dict, lang: str) -> list[Label]:
    labels = []
    for f in collection["features"]:
        p = f["properties"]
        xs, ys = zip(*f["geometry"]["coordinates"], strict=True)
        ax.plot(
            xs,
            ys,
            color=p["color"],
            linewidth=max(1.0, p["weight"] * 0.55),
            linestyle=DASHES.get(p["dash"], "-"),
            solid_capstyle="round",
            zorder=4,
        )
        ax.plot(xs[-1:], ys[-1:], marker="o", markersize=4, color=p["color"], zorder=4)
        text = f"{p['name_ar']}: {p['label_ar']}" if lang == "ar" else f"{p['name']}: {p['label']}"
        spots = [_along(xs, ys, share) for share in FLOW_POSITIONS]
        labels.append(
            ([_label(ax, x, y, text, size=8.5, color=p["color"], weight="bold") for x, y in spots], True)
        )
    return labels


def _along(xs, ys, share: float) -> tuple[float, float]:
    """The point ``share`` of the way along a polyline (by vertex count, which is even enough
    for the flows' smooth arcs)."""
    at = min(len(xs) - 1, max(0, round((len(xs) - 1) * share)))
    return xs[at], ys[at]


def _events(ax, collection: dict, lang: str) -> list[Label]:
    features = collection["features"]
    if not features:
        return []
    xs = [f["geometry"]["coordinates"][0] for f in features]
    ys = [f["geometry"]["coordinates"][1] for f in features]
    sizes = [(f["properties"]["radius"] * 0.9) ** 2 for f in features]
    colors = [f["properties"]["color"] for f in features]
    ax.scatter(xs, ys, s=sizes, c=colors, edgecolors="white", linewidths=0.7, alpha=0.85, zorder=5)
    return _place_names(ax, features, lang)


def _places(ax, collection: dict, lang: str) -> list[Label]:
    features = collection["features"]
    if not features:
        return []
    xs = [f["geometry"]["coordinates"][0] for f in features]
    ys = [f["geometry"]["coordinates"][1] for f in features]
    ax.scatter(xs, ys, s=14, c=places_layer.COLOR, edgecolors="white", linewidths=0.5, zorder=5)
    return _place_names(ax, features, lang, color=places_layer.COLOR)


def _place_names(ax, features: list[dict], lang: str, *, color: str = "#111827") -> list[Label]:
    """The most frequent place names, once each, above their points (most frequent first)."""
    key = "name_ar" if lang == "ar" else "name"
    by_name = Counter(f["properties"].get(key) or "" for f in features)
    first = {}
    for f in features:
        first.setdefault(f["properties"].get(key) or "", f)
    labels = []
    for name, _n in by_name.most_common(MAX_LABELS):
        if name:
            x, y = first[name]["geometry"]["coordinates"]
            labels.append(([_label(ax, x, y, name, size=8, color=color, offset=(0, 7))], False))
    return labels


def _label(ax, x, y, text: str, *, size: float, color: str, weight: str = "normal", offset=(0, 0)):
    from matplotlib import patheffects

    return ax.annotate(
        text,
        (x, y),
        xytext=offset,
        textcoords="offset points",
        ha="center",
        va="bottom" if offset[1] else "center",
        fontsize=size,
        color=color,
        fontweight=weight,
        zorder=6,
        clip_on=True,
        annotation_clip=True,
        path_effects=[patheffects.withStroke(linewidth=2.5, foreground=HALO)],
    )


def _legend(figure, snapshot: Snapshot) -> None:
    handles, headers = _legend_handles(snapshot)
    if not handles:
        return
    rtl = snapshot.lang == "ar"
    legend = figure.legend(
        handles=handles,
        loc="upper right" if not rtl else "upper right",
        bbox_to_anchor=(0.995, 0.92),
        frameon=False,
        fontsize=9,
        markerfirst=not rtl,
        handlelength=2.2,
    )
    for text in legend.get_texts():
        if text.get_text() in headers:
            text.set_fontweight("bold")
        if rtl:
            text.set_horizontalalignment("right")


def _legend_handles(snapshot: Snapshot):
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    lang, layers, visible = snapshot.lang, snapshot.layers, snapshot.options.layers
    handles, headers = [], set()

    def header(key: str) -> None:
        headers.add(word(key, lang))
        handles.append(Patch(visible=False, label=word(key, lang)))

    if "membership" in visible:
        header("membership")
        handles += [
            Patch(facecolor=e.color, edgecolor="#9ca3af", label=e.label(lang))
            for e in membership_layer.legend()
        ]
    drawn = {f["properties"]["type"] for f in layers["events"]["features"]}
    present = [t for t in events_layer.TYPE_STYLE if t in drawn]
    if "events" in visible and present:
        header("events")
        handles += [
            Line2D([], [], linestyle="", marker="o", markersize=8, color=e.color, label=e.label(lang))
            for e in events_layer.legend(present)
        ]
    statuses = {f["properties"]["status"] for f in layers["troops"]["features"]}
    if "troops" in visible and statuses:
        header("troops")
        for e in troops_layer.legend():
            if e.key in statuses:
                dash = troops_layer.STATUS_STYLE[e.key][1]
                handles.append(
                    Line2D([], [], color=e.color, linewidth=2.5, linestyle=DASHES[dash], label=e.label(lang))
                )
    if "places" in visible and layers["places"]["features"]:
        header("places")
        handles += [
            Line2D([], [], linestyle="", marker="o", markersize=5, color=e.color, label=e.label(lang))
            for e in places_layer.legend()
        ]
    return handles, headers


def _texts(figure, snapshot: Snapshot) -> None:
    # matplotlib orders bidi runs itself and ignores isolates; the PDF backend even draws them
    plain = title(snapshot).replace("\u2066", "").replace("\u2069", "")
    figure.text(0.5, 0.975, plain, ha="center", va="top", fontsize=14, wrap=True)
    unlocated = snapshot.layers["events"].get("unlocated", 0)
    note = source_line(snapshot)
    if unlocated:
        extra = f"{unlocated} events without a place are not drawn"
        if snapshot.lang == "ar":
            extra = f"{unlocated} حدثًا بلا مكان لم تُرسم"
        note = f"{note} · {extra}"
    figure.text(0.5, 0.018, note, ha="center", va="bottom", fontsize=8.5, color="#475569")
