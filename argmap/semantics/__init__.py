"""Argumentation semantics: which claims of a map stand, and why."""
