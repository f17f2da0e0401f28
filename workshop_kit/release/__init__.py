"""Course releases: check everything, then build a versioned bundle teams can trust.

``workshop-kit release`` (``make release``) runs the checks in ``checks``,
re-executes every notebook from a clean kernel and runs nbval over the fresh
outputs (``notebooks``), then writes ``dist/workshop-kit-<version>/``: the
notebooks, the datasets and their data dictionary, the facilitator guide as
HTML (``guide_html``), a printable handout per step (``handouts``), the
CHANGELOG entry, the wheel (``wheel``) and a manifest with checksums, plus a
deterministic archive of it all (``bundle``). Any failed check refuses the
release, naming the check.
"""

from .bundle import Release, ReleaseRefused, build_release

__all__ = ["Release", "ReleaseRefused", "build_release"]
