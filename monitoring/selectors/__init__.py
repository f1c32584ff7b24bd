"""Reads of monitoring: the figures (aggregate layer), who may see them, and how they are shown."""
