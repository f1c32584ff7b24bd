"""Writes of monitoring: snapshots of the figures, targets, monthly reports."""
