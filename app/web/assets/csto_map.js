/* Styles and tooltips for the map layers, referenced from Python as {"variable": "cstoMap.<name>"}.
 * Article text never becomes HTML here: every tooltip is a DOM node filled with textContent. */
window.cstoMap = (function () {
    function lang(context) {
        return (context && context.hideout && context.hideout.lang) || "ar";
    }
    function word(context, key, fallback) {
        var words = (context && context.hideout && context.hideout.words) || {};
        return words[key] || fallback;
    }
    function placeName(props, context) {
        return lang(context) === "ar" ? (props.name_ar || props.name || "") : (props.name || props.name_ar || "");
    }
    function textNode(lines, context) {
        var box = document.createElement("div");
        box.setAttribute("dir", lang(context) === "ar" ? "rtl" : "ltr");
        box.className = "csto-tip";
        lines.filter(function (l) { return l; }).forEach(function (line, i) {
            var row = document.createElement(i === 0 ? "strong" : "div");
            row.textContent = String(line);
            box.appendChild(row);
            if (i === 0) { box.appendChild(document.createElement("br")); }
        });
        return box;
    }
    function eventLines(p, context) {
        var types = (context && context.hideout && context.hideout.types) || {};
        var casualties = [];
        if (p.killed) { casualties.push(p.killed + " " + word(context, "killed", "killed")); }
        if (p.injured) { casualties.push(p.injured + " " + word(context, "injured", "injured")); }
        var head = p.kind === "event_group" ? placeName(p, context) + " (" + p.count + ")" : (types[p.type] || p.type);
        return [head, p.kind === "event_group" ? "" : placeName(p, context), p.date || "", casualties.join(" · ")];
    }
    return {
        baseStyle: function () {
            return {fillColor: "#e5e7eb", fillOpacity: 1, color: "#9ca3af", weight: 0.6, className: "csto-base"};
        },
        countryStyle: function (feature) {
            return {fillColor: feature.properties.color, fillOpacity: 0.45, color: "#ffffff", weight: 1,
                    className: "csto-country csto-country-" + feature.properties.id};
        },
        flowStyle: function (feature) {
            var p = feature.properties;
            return {color: p.color, weight: p.weight, opacity: 0.85, dashArray: p.dash || null, lineCap: "round",
                    className: "csto-flow csto-flow-" + p.status};
        },
        eventPoint: function (feature, latlng) {
            var p = feature.properties;
            return L.circleMarker(latlng, {radius: p.radius, fillColor: p.color, fillOpacity: 0.85,
                                           color: "#ffffff", weight: 1.5,
                                           className: "csto-event csto-event-" + p.type});
        },
        placePoint: function (feature, latlng) {
            return L.circleMarker(latlng, {radius: 3.5, fillColor: feature.properties.color, fillOpacity: 0.6,
                                           color: "#ffffff", weight: 1, className: "csto-place"});
        },
        eventTip: function (feature, layer, context) {
            layer.bindTooltip(textNode(eventLines(feature.properties, context), context), {direction: "top"});
        },
        nameTip: function (feature, layer, context) {
            var p = feature.properties;
            var extra = p.status ? word(context, "status." + p.status, p.status) : "";
            layer.bindTooltip(textNode([placeName(p, context), extra], context), {sticky: true});
        },
        flowTip: function (feature, layer, context) {
            var p = feature.properties;
            var label = document.createElement("span");
            label.setAttribute("dir", lang(context) === "ar" ? "rtl" : "ltr");
            label.textContent = placeName(p, context) + " · " + (lang(context) === "ar" ? p.label_ar : p.label);
            // a permanent tooltip sits at getCenter(): move it along the arc so labels do not overlap
            var points = layer.getLatLngs();
            if (p.label_at && points.length > 1) {
                var at = points[Math.round((points.length - 1) * p.label_at)];
                layer.getCenter = function () { return at; };
            }
            layer.bindTooltip(label, {permanent: true, direction: "center", className: "csto-flow-label"});
        }
    };
})();
