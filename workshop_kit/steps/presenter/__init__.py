"""The presenter page: slides for the day's talk slots (``slides`` holds the logic, ``page`` the widgets)."""
