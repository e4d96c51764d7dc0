"""Layer 3, calc: the pure calculations (no files, no display); everything arrives as arguments. May import: core."""
