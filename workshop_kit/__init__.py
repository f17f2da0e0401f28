"""Outcomes Workshop Kit: exercises, scoring, widgets, storage and the command line."""
