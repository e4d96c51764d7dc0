"""Layer 6, app: the notebooks' forms and the profile being edited. May import: core, inputs, calc, text, present."""
