"""Self-study: a learner's progress read from the store, the kit's feedback on it, and a summary to keep.

``progress`` holds the result values and how a learner's steps are read,
``rules`` one progress function per step, ``feedback`` one feedback function
per step, ``answers`` the saved shapes read back, and ``summary`` the
downloadable page. No module here imports ipywidgets; the page that shows it
all is ``steps/my_progress.py``.
"""
