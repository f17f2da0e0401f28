"""Widget tests, a package so their file names may repeat those of the unit tests."""
