"""Dagster code location of the social-media ROI warehouse."""
