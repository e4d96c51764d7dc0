"""Layer 2, inputs: read, validate and save profiles; load rules and benchmarks. May import: core."""
