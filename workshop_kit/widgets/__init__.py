"""Widgets: they display what the content and checking modules return, and save what groups do."""
