"""Where the course's files are: the notebooks, the dashboard notebook and the datasets.

In a checkout (and an editable install) they are the top-level ``notebooks/``,
``dashboard/`` and ``datasets/`` folders beside the package. A wheel has no
source tree, so ``setup.py`` copies the same folders into the built package
under ``workshop_kit/course/``; when that copy exists it is the one used.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
COURSE_FOLDER = "course"
"""Folder inside the built package that holds the copies (see ``setup.py``)."""
COURSE_FOLDERS = ("notebooks", "dashboard", "datasets")


def course_root() -> Path:
    """The folder that holds ``notebooks/``, ``dashboard/`` and ``datasets/``."""
    packaged = PACKAGE_DIR / COURSE_FOLDER
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent


def is_packaged() -> bool:
    """True when running from a built wheel's copy rather than a source tree."""
    return course_root() != PACKAGE_DIR.parent


def notebooks_dir() -> Path:
    return course_root() / "notebooks"


def dashboard_dir() -> Path:
    return course_root() / "dashboard"


def datasets_dir() -> Path:
    return course_root() / "datasets"


def source_root() -> Path | None:
    """The checkout the package runs from, or None when it is installed from a wheel."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() and not is_packaged() else None
