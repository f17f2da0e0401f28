"""Keep every test run, and every notebook kernel nbval starts, away from the real store.

Set before anything starts a kernel: kernels inherit this environment.
"""

import os
import tempfile

_run_data = tempfile.mkdtemp(prefix="workshop-kit-test-")
os.environ["WORKSHOP_KIT_DATA"] = _run_data
os.environ["WORKSHOP_KIT_SESSION"] = "nbval"
os.environ.pop("QUERY_STRING", None)
os.environ.pop("VOILA_PREHEAT", None)
os.environ.pop("WORKSHOP_KIT_REMEMBER_LEARNER", None)  # only `make lab` fills in a learner's name
