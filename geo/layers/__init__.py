"""Map layers as GeoJSON FeatureCollections, one module per layer, each with its own style.

Every builder is a pure function over the store's read rows (:mod:`geo.store.api`);
nothing here knows about Dash. The Dash app asks these functions for ``data`` and
hands it to a component.
"""
