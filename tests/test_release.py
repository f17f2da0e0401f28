"""Course releases: what a bundle holds, that one commit builds the same bytes twice, and refusals."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
from html import escape
from pathlib import Path

import nbformat
import pytest

from workshop_kit import content, locations
from workshop_kit.cli import main as cli_main
from workshop_kit.content.model import SortingItem
from workshop_kit.release import ReleaseRefused, build_release
from workshop_kit.release.bundle import manifest, write_archive
from workshop_kit.release.checks import CHECKS, Check, run_checks
from workshop_kit.release.guide_html import render_markdown
from workshop_kit.release.handouts import BUILDERS, handouts, render
from workshop_kit.release.notebooks import normalise
from workshop_kit.release.project import changelog_entry, read_project, read_version
from workshop_kit.settings import ReleaseSettings

ROOT = Path(__file__).resolve().parents[1]
VERSION = read_version(ROOT)
BUNDLE = f"workshop-kit-{VERSION}"
STEPS = content.start_page().steps
_NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "dist", "build", "*.egg-info", "__pycache__", "workshop-data", ".pytest_cache", ".hypothesis", "test-artifacts", ".ipynb_checkpoints")


def _checkout_copy(tmp_path: Path) -> Path:
    """A copy of this checkout (without .git, .venv or build output) to break things in."""
    target = tmp_path / "checkout"
    shutil.copytree(ROOT, target, ignore=_NOT_COPIED)
    return target


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- two real builds of this checkout (slow: notebooks, nbval, a wheel) -----


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory):
    """Build this checkout twice. The first build runs every check, nbval included; the second,
    of the same commit a minute later, skips only the nbval pass the first one already made."""
    first = build_release(ReleaseSettings(out_dir=tmp_path_factory.mktemp("first")))
    second = build_release(ReleaseSettings(out_dir=tmp_path_factory.mktemp("second")), run_nbval=False)
    return first, second


@pytest.mark.release
def test_a_release_holds_everything_the_issue_lists(two_builds) -> None:
    """Does the bundle hold the notebooks, datasets and dictionary, guide HTML, handouts, changelog entry, wheel and manifest?"""
    release = two_builds[0]
    assert release.folder.name == BUNDLE and release.archive.name == f"{BUNDLE}.tar.gz"
    files = set(_files(release.folder))
    notebooks = {f"notebooks/{p.name}" for p in (ROOT / "notebooks").glob("*.ipynb")} | {"dashboard/dashboard.ipynb"}
    datasets = {f"datasets/{p.name}" for p in (ROOT / "datasets").iterdir() if p.suffix in (".csv", ".md")}
    guide = {"facilitator_guide/index.html", "facilitator_guide/agenda.html", "facilitator_guide/setting_up_the_room.html", "facilitator_guide/self_study.html", "facilitator_guide/presenter.html"} | {
        f"facilitator_guide/steps/{n:02d}_{s.id}.html" for n, s in enumerate(STEPS, 1)
    }
    handout_files = {"handouts/index.html"} | {f"handouts/{n:02d}_{s.id}.html" for n, s in enumerate(STEPS, 1)}
    wheel = {f"wheel/workshop_kit-{VERSION}-py3-none-any.whl"}
    assert files == notebooks | datasets | guide | handout_files | wheel | {"CHANGELOG.md", "README.md", "manifest.json"}
    assert len(notebooks) == 14 and "datasets/README.md" in datasets  # ten pages, my progress, the talks, with young people and the dashboard
    assert (release.folder / "CHANGELOG.md").read_text(encoding="utf-8") == changelog_entry(ROOT, VERSION)
    assert (release.folder / "CHANGELOG.md").read_text(encoding="utf-8").startswith(f"## {VERSION}")


@pytest.mark.release
def test_the_manifest_lists_every_file_with_its_checksum_version_and_commit(two_builds) -> None:
    """Does manifest.json give each other file's real SHA-256 and size, the version and the commit, and no build time?"""
    release = two_builds[0]
    listing = json.loads((release.folder / "manifest.json").read_text(encoding="utf-8"))
    assert listing == release.manifest
    on_disk = {path: data for path, data in _files(release.folder).items() if path != "manifest.json"}
    assert [entry["path"] for entry in listing["files"]] == sorted(on_disk)
    for entry in listing["files"]:
        assert entry["sha256"] == hashlib.sha256(on_disk[entry["path"]]).hexdigest()
        assert entry["size"] == len(on_disk[entry["path"]])
    project = read_project(ROOT)
    assert listing["version"] == VERSION and listing["commit"] == project.commit
    assert set(listing) == {"name", "version", "commit", "uncommitted_changes", "source_date", "files"}


@pytest.mark.release
def test_the_notebooks_have_fresh_outputs_and_nothing_that_varies(two_builds) -> None:
    """Has every code cell been run (with output), with no timestamps and widget ids numbered in order?"""
    for path in sorted((two_builds[0].folder).glob("*/*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert code and all(cell.execution_count and cell.outputs for cell in code), path.name
        assert all("execution" not in cell.metadata for cell in notebook.cells), path.name
        ids = re.findall(r'"model_id": "([0-9a-f]{32})"', path.read_text(encoding="utf-8"))
        assert ids == [f"{n:032x}" for n in range(1, len(ids) + 1)], path.name


@pytest.mark.release
def test_two_builds_of_one_commit_are_byte_identical(two_builds) -> None:
    """Do two builds give the same notebooks, manifest, wheel and every other file, and the same archive?"""
    first, second = two_builds
    one, two = _files(first.folder), _files(second.folder)
    assert one.keys() == two.keys()
    different = sorted(path for path in one if one[path] != two[path])
    assert different == []
    assert first.archive.read_bytes() == second.archive.read_bytes()


@pytest.mark.release
def test_the_archive_holds_the_bundle_with_fixed_owners_and_times(two_builds) -> None:
    """Does the .tar.gz hold exactly the bundle's files, owned by nobody in particular, dated the source date?"""
    release = two_builds[0]
    with tarfile.open(release.archive) as archive:
        members = archive.getmembers()
        inside = {m.name.removeprefix(f"{BUNDLE}/"): archive.extractfile(m).read() for m in members if m.isfile()}
    assert inside == _files(release.folder)
    epoch = read_project(ROOT).source_date_epoch
    assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {(0, 0, "", "", epoch)}


@pytest.mark.release
def test_every_link_in_the_bundles_html_leads_to_a_file_in_it(two_builds) -> None:
    """Does every relative link in the guide and handouts point at a page the bundle has?"""
    folder = two_builds[0].folder
    pages = sorted(folder.glob("facilitator_guide/**/*.html")) + sorted(folder.glob("handouts/*.html"))
    for page in pages:
        for target in re.findall(r'href="([^"#:]+)(?:#[^"]*)?"', page.read_text(encoding="utf-8")):
            assert (page.parent / target).is_file(), f"{page.relative_to(folder)} links to missing {target}"


# --- refusals ---------------------------------------------------------------


def test_a_failing_check_refuses_the_release_and_names_it(tmp_path: Path) -> None:
    """Does a failing check stop the release before anything is written, naming the check and the problem?"""
    broken = Check("A check made to fail", lambda root: ["it was told to fail"])
    with pytest.raises(ReleaseRefused) as refused:
        build_release(ReleaseSettings(out_dir=tmp_path / "dist"), checks=(*CHECKS, broken))
    text = str(refused.value)
    assert text.splitlines()[0] == "The release was not built, because these checks failed:"
    assert "- A check made to fail:\n    it was told to fail" in text
    assert [f.check for f in refused.value.failures] == ["A check made to fail"]
    assert not (tmp_path / "dist").exists()


def test_a_check_that_crashes_is_a_failed_check_not_a_traceback(tmp_path: Path) -> None:
    """Is a check that raises reported as that check failing, in one plain line?"""

    def _crash(root: Path) -> list[str]:
        raise KeyError("steps")

    failures = run_checks(ROOT, (Check("A check that crashes", _crash),))
    assert [(f.check, f.problems) for f in failures] == [("A check that crashes", ("the check could not run: KeyError: 'steps'",))]


def test_todays_checkout_passes_every_check_before_the_build() -> None:
    """Do the content, sums, guide pages, changelog, version and data dictionary of this checkout all pass?"""
    assert run_checks(ROOT) == []


def test_a_broken_content_file_refuses_the_release(tmp_path: Path) -> None:
    """In a copy with a step missing its title, does `workshop-kit release` exit 1, name the check and the file, and build nothing?"""
    checkout = _checkout_copy(tmp_path)
    start_page = checkout / "workshop_kit" / "content" / "start_page.json"
    data = json.loads(start_page.read_text(encoding="utf-8"))
    del data["steps"][0]["title"]
    start_page.write_text(json.dumps(data, indent=2), encoding="utf-8")
    out = tmp_path / "dist"
    done = subprocess.run([sys.executable, "-m", "workshop_kit.cli", "release", "--out", str(out)], cwd=checkout, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "the release was not built, because these checks failed" in done.stderr.lower()
    assert "- Content files match their schemas:" in done.stderr
    assert "start_page.json does not match its schema" in done.stderr and "'title' is a required property" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_a_version_without_a_changelog_entry_is_refused(tmp_path: Path) -> None:
    """If CHANGELOG.md has no entry for the version in pyproject.toml, is the release refused, saying so?"""
    checkout = _checkout_copy(tmp_path)
    changelog = checkout / "CHANGELOG.md"
    changelog.write_text(changelog.read_text(encoding="utf-8").replace(f"## {VERSION}", "## 0.0.9"), encoding="utf-8")
    with pytest.raises(ReleaseRefused) as refused:
        build_release(ReleaseSettings(out_dir=tmp_path / "dist"), root=checkout)
    assert [f.check for f in refused.value.failures] == ["A CHANGELOG.md entry for the version"]
    assert f"no entry for version {VERSION}" in str(refused.value)


def test_a_stale_guide_page_and_an_undescribed_dataset_are_refused(tmp_path: Path) -> None:
    """Are a hand-edited generated guide page and a CSV missing from the data dictionary both named?"""
    checkout = _checkout_copy(tmp_path)
    agenda = checkout / "facilitator_guide" / "agenda.md"
    agenda.write_text(agenda.read_text(encoding="utf-8").replace("16:30", "16:45"), encoding="utf-8")
    (checkout / "datasets" / "extra_synthetic.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    failures = {f.check: f.problems for f in run_checks(checkout)}
    assert failures == {
        "The facilitator guide's pages match the content files": ("facilitator_guide/agenda.md is out of date: run `workshop-kit guide`.",),
        "Every dataset is in the data dictionary": ("datasets/extra_synthetic.csv is not described in datasets/README.md.",),
    }


def _one_notebook_checkout(tmp_path: Path, extra_source: str) -> Path:
    """A copy whose only notebook is the first step's, with one more cell."""
    checkout = _checkout_copy(tmp_path)
    for path in [*(checkout / "notebooks").glob("*.ipynb"), *(checkout / "dashboard").glob("*.ipynb")]:
        if path.name != "01_outputs_outcomes_impact.ipynb":
            path.unlink()
    path = checkout / "notebooks" / "01_outputs_outcomes_impact.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(extra_source))
    nbformat.write(notebook, path)
    return checkout


#: the one-notebook checkout breaks the lesson rule on purpose (one notebook, a second cell): these tests are about running it
CHECKS_BUT_LESSONS = tuple(check for check in CHECKS if "current lesson" not in check.name)


@pytest.mark.release
def test_a_notebook_that_raises_refuses_the_release(tmp_path: Path) -> None:
    """Does a notebook cell that raises refuse the release, naming the notebook and the error without a traceback?"""
    checkout = _one_notebook_checkout(tmp_path, 'raise ValueError("made to fail")')
    with pytest.raises(ReleaseRefused) as refused:
        build_release(ReleaseSettings(out_dir=tmp_path / "dist"), root=checkout, checks=CHECKS_BUT_LESSONS)
    assert [f.check for f in refused.value.failures] == ["Every notebook runs from a clean kernel"]
    assert refused.value.failures[0].problems == ("notebooks/01_outputs_outcomes_impact.ipynb: a cell raised ValueError: made to fail",)
    assert list((tmp_path / "dist").iterdir()) == []


@pytest.mark.release
def test_a_notebook_whose_output_changes_each_run_fails_nbval(tmp_path: Path) -> None:
    """Does nbval refuse a notebook that prints something new on every run, naming the cell?"""
    checkout = _one_notebook_checkout(tmp_path, "import random\nprint(random.random())")
    with pytest.raises(ReleaseRefused) as refused:
        build_release(ReleaseSettings(out_dir=tmp_path / "dist", jobs=1), root=checkout, checks=CHECKS_BUT_LESSONS)
    assert [f.check for f in refused.value.failures] == ["nbval: a fresh kernel gives the same outputs"]
    assert refused.value.failures[0].problems == ("nbval: notebooks/01_outputs_outcomes_impact.ipynb::Cell 1 gives different output from a fresh kernel.",)
    assert list((tmp_path / "dist").iterdir()) == []


# --- the parts, quickly ------------------------------------------------------


def test_the_changelog_entry_is_the_versions_section_only(tmp_path: Path) -> None:
    """Is the entry its heading and text up to the next version, and is an empty or missing entry refused?"""
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\n## [1.1.0] - 2027-01-02\n\n- Newer.\n\n## 1.0.0\n\n- First.\n\n## 0.9.0\n", encoding="utf-8")
    assert changelog_entry(tmp_path, "1.1.0") == "## [1.1.0] - 2027-01-02\n\n- Newer.\n"
    assert changelog_entry(tmp_path, "1.0.0") == "## 1.0.0\n\n- First.\n"
    with pytest.raises(ValueError, match="entry for version 0.9.0 is empty"):
        changelog_entry(tmp_path, "0.9.0")
    with pytest.raises(ValueError, match="no entry for version 1.0"):
        changelog_entry(tmp_path, "1.0")


def test_release_kernels_never_write_to_a_real_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Do the release's kernels get a throw-away data folder, and no database URL even if one is set?"""
    from workshop_kit.release.notebooks import kernel_environment

    monkeypatch.setenv("WORKSHOP_KIT_DATABASE_URL", "postgresql://real/workshop")
    monkeypatch.setenv("WORKSHOP_KIT_DATA", "/real/workshop-data")
    env = kernel_environment(tmp_path, ReleaseSettings())
    assert "WORKSHOP_KIT_DATABASE_URL" not in env
    assert (env["WORKSHOP_KIT_DATA"], env["WORKSHOP_KIT_SESSION"]) == (str(tmp_path), "release")


def test_only_failed_notebook_cells_are_read_from_nbvals_summary() -> None:
    """Are nbval's failed cells named, and its captured log lines (which also start with ERROR) ignored?"""
    from workshop_kit.release.notebooks import _failed_cells

    output = (
        'ERROR    nbval:kernel.py:59 Failure starting kernel ":nbval-parent-env"\nFAILED notebooks/04_drafting_statements.ipynb::Cell 0\nERROR dashboard/dashboard.ipynb - RuntimeError: no kernel\n'
    )
    assert _failed_cells(output) == ["notebooks/04_drafting_statements.ipynb::Cell 0", "dashboard/dashboard.ipynb"]


def test_normalising_drops_timestamps_and_renumbers_widget_ids_only() -> None:
    """Are execution timestamps dropped and model ids renumbered everywhere they appear, with all else unchanged?"""
    first, second = "a" * 32, "b" * 32
    cell = nbformat.v4.new_code_cell("show()")
    cell.metadata["execution"] = {"iopub.execute_input": "2026-11-23T12:31:26.094313Z"}
    cell.metadata["tags"] = ["kept"]
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"application/vnd.jupyter.widget-view+json": {"model_id": second, "version_major": 2}, "text/plain": f"VBox {second}"}),
        nbformat.v4.new_output("display_data", data={"application/vnd.jupyter.widget-view+json": {"model_id": first, "version_major": 2}, "text/plain": "VBox"}),
        nbformat.v4.new_output("stream", text="c" * 32),
    ]
    notebook = nbformat.v4.new_notebook(cells=[cell])
    result = normalise(copy.deepcopy(notebook))
    out = result.cells[0]
    assert "execution" not in out.metadata and out.metadata["tags"] == ["kept"]
    assert out.outputs[0]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"] == f"{1:032x}"
    assert out.outputs[0]["data"]["text/plain"] == f"VBox {1:032x}"
    assert out.outputs[1]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"] == f"{2:032x}"
    assert out.outputs[2]["text"] == "c" * 32


def test_the_archive_is_the_same_bytes_whenever_it_is_written(tmp_path: Path) -> None:
    """Do two archives of the same files, written with different file times, have identical bytes?"""
    folder = tmp_path / "bundle"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("b", encoding="utf-8")
    (folder / "sub" / "a.txt").write_text("a", encoding="utf-8")
    write_archive(folder, tmp_path / "one.tar.gz", 1_700_000_000)
    (folder / "b.txt").touch()
    (folder / "sub" / "a.txt").chmod(0o600)
    write_archive(folder, tmp_path / "two.tar.gz", 1_700_000_000)
    assert (tmp_path / "one.tar.gz").read_bytes() == (tmp_path / "two.tar.gz").read_bytes()
    with tarfile.open(tmp_path / "one.tar.gz") as archive:
        assert archive.getnames() == ["bundle", "bundle/b.txt", "bundle/sub", "bundle/sub/a.txt"]


def test_the_manifest_never_lists_itself(tmp_path: Path) -> None:
    """Does the manifest leave out manifest.json (it cannot hold its own checksum)?"""
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    listing = manifest(tmp_path, read_project(ROOT))
    assert [entry["path"] for entry in listing["files"]] == ["x.txt"]


def test_the_guide_html_escapes_markup_and_points_links_at_html_pages() -> None:
    """Is raw HTML in guide Markdown shown as text, and does a link to a .md page go to its .html page?"""
    html = render_markdown("# Title <b>bold</b>\n\n[Agenda](agenda.md) [Step](steps/01_x.md#key) <http://127.0.0.1:8866>\n\n<script>alert(1)</script>\n")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<h1>Title &lt;b&gt;bold&lt;/b&gt;</h1>" in html
    assert 'href="agenda.html"' in html and 'href="steps/01_x.html#key"' in html and 'href="http://127.0.0.1:8866"' in html


def test_the_guide_pages_declare_british_english_and_a_title(tmp_path: Path) -> None:
    """Has each guide page lang="en-GB", a title naming the page and the kit, print styles and no generator note?"""
    from workshop_kit.release.guide_html import write_guide

    written = write_guide(ROOT / "facilitator_guide", tmp_path, VERSION)
    assert len(written) == 5 + len(STEPS)  # index, agendas, the talks, two hand-written pages and the steps
    for page in written:
        text = page.read_text(encoding="utf-8")
        assert '<html lang="en-GB">' in text and "@media print" in text and "Generated by" not in text
        title = re.search(r"<title>(.*?)</title>", text).group(1)
        assert title.endswith(f"Outcomes Workshop Kit {VERSION}") and len(title) > 40


def test_every_step_has_a_handout_built_from_its_content() -> None:
    """Is there a handout for every step, and does the first hold every sorting item with a box per kind?"""
    found = handouts()
    assert [h.step.id for h in found] == [s.id for s in STEPS] and set(BUILDERS) == {s.id for s in STEPS}
    first = render(found[0], VERSION)
    exercise = content.sorting_exercise("outputs_outcomes_impact")
    for item in exercise.items:
        assert f"<td>{escape(item.text)}</td>" in first
    assert first.count("\u2610") == len(exercise.items) * len(exercise.categories)
    assert all(h.sources and all(s in content.sources() for s in h.sources) for h in found)


def test_the_handouts_wording_covers_exactly_the_real_steps() -> None:
    """Has wording.json words for every step on the start page, and for no step that does not exist?"""
    wording = content.load_raw("handouts/wording")
    assert set(wording["steps"]) == {s.id for s in STEPS}


def test_missing_handout_wording_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """If a section's words are missing from wording.json, is the step and section named in a ContentError?"""
    from workshop_kit.content import ContentError

    wording = copy.deepcopy(content.load_raw("handouts/wording"))
    del wording["steps"]["logic_model"]["cards"]
    load = content.load_raw
    monkeypatch.setattr(content, "load_raw", lambda name: wording if name == "handouts/wording" else load(name))
    with pytest.raises(ContentError, match="logic_model handout's 'cards' section"):
        handouts()


def test_a_new_exercise_item_reaches_the_handout_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    """If a content file gains an item with markup in it, does the handout show it, as text?"""
    load = content.sorting_exercise
    real = load("outputs_outcomes_impact")
    added = SortingItem(id="new", text="<b>Parents</b> & carers feel heard", accepted=("outcome",), debatable=False, explanation="x", source="kit")
    patched = type(real)(id=real.id, title=real.title, intro=real.intro, sources=real.sources, categories=real.categories, items=(*real.items, added))
    monkeypatch.setattr(content, "sorting_exercise", lambda name: patched if name == real.id else load(name))
    page = render(handouts()[0], VERSION)
    assert "<td>&lt;b&gt;Parents&lt;/b&gt; &amp; carers feel heard</td>" in page and "<b>Parents" not in page


def test_the_synthetic_figures_on_the_handout_say_so() -> None:
    """Does the homelessness handout label its figures synthetic, next to them?"""
    page = render(next(h for h in handouts() if h.step.id == "homelessness_scenario"), VERSION)
    heading = page.index("(synthetic data)</h2>")
    assert "These figures are synthetic" in page[heading : heading + 400]


# --- where the course's files are ---------------------------------------------


def test_a_checkout_finds_its_course_folders_beside_the_package() -> None:
    """In this checkout, are the notebooks, dashboard and datasets the top-level folders, and is it a source root?"""
    assert not locations.is_packaged()
    assert locations.notebooks_dir() == ROOT / "notebooks" and locations.dashboard_dir() == ROOT / "dashboard"
    assert locations.datasets_dir() == ROOT / "datasets" and locations.source_root() == ROOT


def test_a_built_package_uses_its_own_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the package holds a course/ folder (as a wheel's does), is that copy used and no source root claimed?"""
    package = tmp_path / "site-packages" / "workshop_kit"
    (package / "course" / "notebooks").mkdir(parents=True)
    monkeypatch.setattr(locations, "PACKAGE_DIR", package)
    assert locations.is_packaged() and locations.source_root() is None
    assert locations.notebooks_dir() == package / "course" / "notebooks"
    with pytest.raises(ReleaseRefused, match="installed from a wheel"):
        build_release(ReleaseSettings(out_dir=tmp_path / "dist"))


# --- the command ---------------------------------------------------------------


def test_the_release_command_takes_its_options_from_the_settings(capsys: pytest.CaptureFixture[str]) -> None:
    """Does `workshop-kit release --help` offer --out, --jobs and --timeout with the settings' help and defaults?"""
    with pytest.raises(SystemExit):
        cli_main(["release", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    defaults = ReleaseSettings()
    for flag, default in (("--out", defaults.out_dir), ("--jobs", defaults.jobs), ("--timeout", defaults.timeout)):
        assert flag in text and f"(default {default})" in text


def test_nonsense_release_options_get_a_plain_message(capsys: pytest.CaptureFixture[str]) -> None:
    """Is --jobs 0 refused with exit code 2 and one plain sentence?"""
    assert cli_main(["release", "--jobs", "0"]) == 2
    assert capsys.readouterr().err.strip() == "workshop-kit: --jobs must be 1 or more."
