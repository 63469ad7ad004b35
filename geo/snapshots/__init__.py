"""Snapshots of the map for people who will not run the app: static images (PNG, SVG, PDF) drawn
with matplotlib/geopandas and a standalone HTML page drawn with folium that opens from disk.

Both read the same layers as the Dash app (:func:`geo.layers.compose.layer_data`), so a snapshot
shows what the app shows for the same filters. Writers are registered in
:data:`geo.store.export.FORMATS`; file names come from :mod:`geo.snapshots.naming`.
"""
