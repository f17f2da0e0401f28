"""Per-exercise logic: plain data in, frozen results out; no widget code."""
