"""Layer 4, text: every sentence in zh and en, and how numbers and dates are written. May import: core."""
