"""Definitions grouped by concern: ingest (raw loading), schedules and sensors, resources."""
