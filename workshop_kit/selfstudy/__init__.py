"""Self-study: a learner's progress read from the store, the kit's feedback on it, and a summary to keep.

``progress`` reads every step in the registry (each step's own rule and feedback live in
its folder, ``steps/<step>/progress.py``) and chooses where to pick up; ``summary`` is the
downloadable page. No module here imports ipywidgets; the page that shows it all is
``pages/my_progress.py``.
"""
