"""Layer 7, run: the report, batch and the command line. May import: core, inputs, calc, text, present, app."""
