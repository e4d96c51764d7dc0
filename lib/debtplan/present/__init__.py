"""Layer 5, present: tables, charts, the pack, JSON and text output. May import: core, calc, text."""
