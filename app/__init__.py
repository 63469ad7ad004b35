"""The faces of csto-map: the `csto-map` command line and the Dash app. Thin: logic lives in geo/."""
