"""One module per `csto-map` subcommand."""
