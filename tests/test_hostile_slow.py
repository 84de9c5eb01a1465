"""Small inputs that hung a build (issue 20 item 2): readers linear in the input, a time limit per
document, and Ctrl-C / SIGTERM honoured within 2 s while a page is read.

The shapes are those of ``bench/slow_inputs.py`` scaled down to run in seconds; each
is timed in a fresh process at two sizes, four times apart. Builds that need no
parse use the model-free extractor of ``test_hostile_outdir``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.slow_inputs import ARTICLE, SHAPES, write_shape
from tests.conftest import ROOT

_TIMED = """
import json, sys, time
from pathlib import Path
from extract.document.voice import home_state, own_voice
from extract.read.io import SkippedInput, read_input

def run(path):
    started = time.perf_counter()
    try:
        text = read_input(path, max_bytes=10**9).document.text
        home_state(text), own_voice(text)  # the document level's patterns over the whole text
    except SkippedInput:
        pass
    return time.perf_counter() - started

run(Path(sys.argv[1]))  # imports and a first page, off the clock
print(json.dumps([run(Path(p)) for p in sys.argv[2:]]))
"""


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hostile_slow_every_shape_is_read_in_time_linear_in_its_size(tmp_path, shape):
    small, large = (500_000, 2_000_000) if shape == "html_spans" else (100_000, 400_000)
    files = [write_shape(tmp_path, shape, n) for n in (2000, small, large)]
    run = subprocess.run(
        [sys.executable, "-c", _TIMED, *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    t_small, t_large = json.loads(run.stdout)
    assert t_large < 10 and t_large <= 6 * t_small + 0.5, (t_small, t_large)


@pytest.mark.parametrize("whole", [False, True], ids=["article", "page read whole"])
def test_hostile_slow_pre_keeps_its_line_breaks(whole):
    from extract.read.markup import html_to_text

    page = (
        "<html><body><article><p>ロシアと北朝鮮が19日、包括的な協力を規定する新条約を締結すると合意した。</p>"
        "<pre>一行目\n二行目\n三行目</pre><p>米国は\n強く反発した。</p></article></body></html>"
    )
    text = html_to_text(page, whole=whole).text
    assert "一行目\n二行目\n三行目" in text
    assert "米国は強く反発した。" in text  # outside <pre>, a line break next to Japanese text still goes


def test_hostile_slow_a_tag_with_thousands_of_attributes_keeps_the_text():
    from extract.read.markup import html_to_text

    page = "<p " + " ".join(f'a{i}="{i}"' for i in range(50_000)) + ">" + ARTICLE.strip() + "</p>"
    assert html_to_text(page).text == ARTICLE.strip()


def _line_build(inputs, out, **kw):
    from extract.run.runner import build
    from tests.test_hostile_outdir import LineExtractor

    return build([str(i) for i in inputs], out, extractor=LineExtractor(), progress=False, **kw)


def test_hostile_slow_a_page_over_the_time_limit_fails_and_the_build_goes_on(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    write_shape(d, "html_spans", 16_000_000)  # seconds to read, however fast the machine
    (d / "ok.txt").write_text(ARTICLE, encoding="utf-8")  # read next, by a new helper process
    report = _line_build([d], tmp_path / "out", doc_timeout=1, max_bytes=10**8)
    rows = {Path(r.path).name: r for r in report.inputs}
    slow = rows["html_spans-16000000.html"]
    assert slow.status == "failed", slow.reason
    assert "reading it took longer than the time limit of 1 s (--doc-timeout)" in slow.reason
    assert "please report" not in slow.reason
    assert rows["ok.txt"].status == "processed" and report.relations == 1, rows["ok.txt"].reason
    assert (tmp_path / "out" / "graph.json").is_file()


@pytest.mark.model
def test_hostile_slow_an_extraction_over_the_time_limit_fails_and_the_build_goes_on(tmp_path, capsys):
    from extract.cli import main

    d = tmp_path / "in"
    d.mkdir()
    (d / "long.txt").write_text(ARTICLE * 600, encoding="utf-8")  # every sentence parsed: far over 1 s
    (d / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(d), "-o", str(out), "--no-progress", "--doc-timeout", "1"]) == 1
    rows = {Path(r["path"]).name: r for r in json.loads((out / "report.json").read_text(encoding="utf-8"))["inputs"]}
    assert rows["long.txt"]["status"] == "failed"
    assert "extracting it took longer than the time limit of 1 s (--doc-timeout)" in rows["long.txt"]["reason"]
    assert rows["ok.txt"]["status"] == "processed" and rows["ok.txt"]["relations"] >= 1
    assert "please report" not in capsys.readouterr().err


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry))
    return found


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["Ctrl-C", "SIGTERM"])
def test_hostile_slow_signals_are_honoured_within_2_s_while_a_page_is_read(tmp_path, sig):
    page = write_shape(tmp_path, "html_spans", 24_000_000)  # many seconds to read
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "extract.cli", "build", str(page), "-o", str(out), "--no-progress",
         "--max-bytes", "100MB"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not (readers := _children(proc.pid)):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no process ever read the page"
        time.sleep(0.05)
    time.sleep(1.5)  # inside the page now
    assert proc.poll() is None
    sent = time.monotonic()
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=30)
    assert time.monotonic() - sent < 2, err
    assert proc.returncode == (130 if sig == signal.SIGINT else 143), err
    assert "Traceback" not in err
    gone_by = time.monotonic() + 2
    while _alive(readers) and time.monotonic() < gone_by:
        time.sleep(0.05)
    assert not _alive(readers)  # the process reading the page went with it


def _alive(pids: set[int]) -> set[int]:
    out = set()
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if stat[stat.rindex(")") + 2] != "Z":
            out.add(pid)
    return out


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_hostile_slow_a_time_limit_swallowed_in_a_gc_callback_rings_again():
    # Python swallows an exception raised while it runs a gc callback (hypothesis installs
    # one): the limit must still stop the document, not let it run on unbounded.
    import gc
    import time

    from extract.run.limits import DocumentTimeout, _Alarm

    def slow_callback(phase, info):
        if phase == "start":
            end = time.monotonic() + 0.3
            while time.monotonic() < end:
                pass

    gc.callbacks.append(slow_callback)
    try:
        started = time.monotonic()
        with _Alarm(0.1) as alarm, pytest.raises(DocumentTimeout):
            with alarm.armed():
                gc.collect()  # the limit is reached inside the callback, and swallowed there
                time.sleep(3)
        assert time.monotonic() - started < 2
    finally:
        gc.callbacks.remove(slow_callback)
