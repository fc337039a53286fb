"""Readers and writers, one module per format.

``argmap.io.native`` reads and writes argmap's own YAML/JSON format;
``argmap.io.located`` parses YAML and JSON keeping every value's position.
"""
