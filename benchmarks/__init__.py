"""Benchmarks: a seeded generator of realistic corpora with their gold (`generate`) and the
benchmark command (`run`). Not part of the installed package; run from the repository root."""
