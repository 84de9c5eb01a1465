"""The README's examples run as written.

Every example runs in a fresh folder laid out as a clone is after the Quick
start: copies of ``seeds/`` and ``tests/data/{gold,dev}``, ``output/`` from
``geokg build seeds -o output``, and ``big/`` (two articles) standing for the
reader's own corpus that "Corpus scale" builds.

- ```python blocks run section by section (a ``##`` heading), in order, in one
  namespace, as a reader follows along. Blocks with ``>>>`` prompts are
  doctests: the outputs shown are the real ones, and every line of such a block
  must be a prompt or an output. Plain blocks are executed; a comment line that
  holds a Python value right after an expression (``# ('RUS', 'PRK')``) states
  that expression's value and is checked. An example writes only the files it
  names (no ``lib/`` left behind by pyvis).
- ```sh blocks: each ``geokg`` command runs, in order, through
  ``extract.cli.main`` (the ``geokg`` console script's entry point, so the
  session's GiNZA model is reused) and must exit 0 and write what it says it
  writes. Lines that cannot run here are listed in ``NOT_RUN`` with the reason
  and show as skipped tests (``pytest -rs``); any other command fails.

Outputs of the doctests change as extraction improves:
``python bench/update_readme_outputs.py`` rewrites them from a real build.
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import io
import re
import shlex
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BROWSER_REQUIRED, ROOT, browser_unavailable

README = ROOT / "README.md"

# What the Quick start's main job leaves in a clone, which the examples read.
PREPARE = ("build", "seeds", "-o", "output")
COPIED = ("seeds", "tests/data/gold", "tests/data/dev")
# The reader's corpus in "Corpus scale" (geokg build big/ …): the seed and one more article.
BIG = ("seeds/000_db80d0d6cdafb80b.txt", "tests/data/dev/texts/gov-01.txt")

LANGUAGES = {"python": "python", "py": "python", "pycon": "python", "sh": "sh", "bash": "sh", "shell": "sh"}
NOT_CODE = {"text", "json", "csv", "xml", "html", "md", "markdown"}

# Shell lines the tests do not run, each with the reason (matched against the command as written).
NOT_RUN: tuple[tuple[str, str], ...] = (
    (r"^python3 -m venv\b", "makes a virtualenv: the tests already run in one, and .ci/run runs the Quick start"),
    (r"^\.venv/bin/pip install\b", "installs geokg and its dependencies from PyPI: .ci/run runs this command"),
    (r"^pip install 'geokg\[dask\]'", "installs Dask from PyPI; the test extra (.ci/run) installs it too"),
    (r"^npm ci\b", "installs the JavaScript GraphML/GEXF readers: .ci/run runs it"),
    (r"^\.venv/bin/python -m pytest\b", "runs this test suite"),
    (r"^dask scheduler\b", "starts a Dask scheduler that waits for workers on other machines"),
    (r"^dask worker\b", "joins the scheduler on HOST, another machine"),
    (
        r"^geokg build .*--dask tcp://HOST\b",
        "needs the cluster of the lines above (HOST is a placeholder); "
        "tests/test_parallel_cli.py runs --dask against a local cluster",
    ),
)
GEOKG = ("geokg", ".venv/bin/geokg")
# Calls that write the file named by their second argument (graph.render_html(G, "map.html")).
_WRITERS = re.compile(r"^(write_\w+|render_html|export)$")


# -- reading the README ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One fenced code block: its language, text and where it starts."""

    lang: str  # as written after the fence
    text: str
    line: int  # README line of the block's first line of code (1-based)
    section: str  # the ## heading above it

    @property
    def kind(self) -> str | None:
        """``python``, ``sh``, or None for a block that is not code to run (```json)."""
        return LANGUAGES.get(self.lang)

    @property
    def is_doctest(self) -> bool:
        return any(line.lstrip().startswith(">>>") for line in self.text.splitlines())

    @property
    def where(self) -> str:
        return f"README.md:{self.line}"


_FENCE = re.compile(r"^(\s*)```\s*([\w+-]*)\s*$")


def read_blocks(text: str) -> list[Block]:
    """The fenced code blocks of a Markdown text, in order.

    >>> [(b.lang, b.text, b.line, b.section) for b in read_blocks("## A\\n\\n```sh\\ngeokg --help\\n```\\n")]
    [('sh', 'geokg --help\\n', 4, 'A')]
    """
    blocks: list[Block] = []
    section = ""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if m is None:
            if lines[i].startswith("## "):
                section = lines[i][3:].strip()
            i += 1
            continue
        indent, lang, start = m.group(1), m.group(2), i + 1
        end = start
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        if end == len(lines):
            raise ValueError(f"README.md:{i + 1}: the code block is never closed")
        body = "".join(line.removeprefix(indent) + "\n" for line in lines[start:end])
        blocks.append(Block(lang=lang, text=body, line=start + 1, section=section))
        i = end + 1
    return blocks


def readme_blocks() -> list[Block]:
    return read_blocks(README.read_text(encoding="utf-8"))


def python_sections(blocks: list[Block]) -> dict[str, list[Block]]:
    """The python blocks grouped by section, in README order."""
    sections: dict[str, list[Block]] = {}
    for b in blocks:
        if b.kind == "python":
            sections.setdefault(b.section, []).append(b)
    return sections


# -- a clone to run them in -----------------------------------------------------------------------


@dataclass
class GeokgRun:
    status: int
    stdout: str
    stderr: str


def run_geokg(argv: list[str] | tuple[str, ...], cwd: Path) -> GeokgRun:
    """``geokg ARGV`` in ``cwd``, in this process: the exit status and what it printed."""
    from extract.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as e:  # argparse: usage errors and --help
            status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return GeokgRun(status, out.getvalue(), err.getvalue())


def prepare_clone(dest: Path) -> Path:
    """``dest`` laid out as a clone after the Quick start (the files the examples read)."""
    dest.mkdir(parents=True, exist_ok=True)
    for rel in COPIED:
        shutil.copytree(ROOT / rel, dest / rel)
    (dest / "big").mkdir()
    for rel in BIG:
        shutil.copy(ROOT / rel, dest / "big" / Path(rel).name)
    run = run_geokg(PREPARE, dest)
    assert run.status == 0, f"geokg {' '.join(PREPARE)} exited {run.status}: {run.stderr}"
    return dest


def fresh_copy(clone: Path, dest: Path) -> Path:
    shutil.copytree(clone, dest, symlinks=True)
    return dest


# -- running python blocks ------------------------------------------------------------------------


@dataclass
class Mismatch:
    """A doctest example whose output is not what the README shows."""

    block: Block
    example: doctest.Example
    got: str


@dataclass
class SectionResult:
    mismatches: list[Mismatch] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # exceptions, untested lines, false comments

    @property
    def ok(self) -> bool:
        return not self.mismatches and not self.errors


class _Runner(doctest.DocTestRunner):
    """Collects mismatches (for the updater) besides doctest's own report."""

    def __init__(self, block: Block, result: SectionResult, out: list[str]):
        super().__init__(optionflags=doctest.REPORT_NDIFF, verbose=False)
        self.block, self.result, self.out = block, result, out

    def report_failure(self, out, test, example, got):
        self.result.mismatches.append(Mismatch(self.block, example, got))
        super().report_failure(self.out.append, test, example, got)

    def report_unexpected_exception(self, out, test, example, exc_info):
        super().report_unexpected_exception(self.out.append, test, example, exc_info)
        self.result.errors.append(self.out[-1])


def doctest_examples(block: Block) -> list[doctest.Example]:
    return doctest.DocTestParser().get_examples(block.text, name=block.where)


def _untested_lines(block: Block, examples: list[doctest.Example]) -> list[int]:
    """README lines of a doctest block that are neither a prompt nor an output (so would never run)."""
    covered: set[int] = set()
    for ex in examples:
        covered.update(range(ex.lineno, ex.lineno + ex.source.count("\n") + ex.want.count("\n")))
    return [block.line + i for i, line in enumerate(block.text.splitlines()) if line.strip() and i not in covered]


def run_doctest_block(block: Block, namespace: dict[str, Any], result: SectionResult) -> None:
    examples = doctest_examples(block)
    for line in _untested_lines(block, examples):
        result.errors.append(f"README.md:{line}: neither a >>> prompt nor the output of one, so it never runs")
    test = doctest.DocTest(examples, namespace, block.where, str(README), block.line - 1, block.text)
    report: list[str] = []
    _Runner(block, result, report).run(test, out=report.append, clear_globs=False)
    namespace.update(test.globs)  # DocTest ran on a copy; the next block goes on from here


def _stated_value(lines: list[str], after: int) -> str | None:
    """The value a comment line right after line ``after`` (1-based) states, if it is one: ``# [1, 2]``."""
    if after >= len(lines):
        return None
    text = lines[after].strip()
    if not text.startswith("#"):
        return None
    stated = text[1:].strip()
    try:
        ast.literal_eval(stated)
    except (ValueError, SyntaxError):
        return None  # a comment in words
    return stated


def run_plain_block(block: Block, namespace: dict[str, Any], result: SectionResult) -> None:
    lines = block.text.splitlines()
    try:
        tree = ast.parse(block.text, filename=str(README))
    except SyntaxError as e:
        result.errors.append(f"README.md:{block.line + (e.lineno or 1) - 1}: {e.msg}")
        return
    for stmt in tree.body:
        stated = _stated_value(lines, stmt.end_lineno or stmt.lineno) if isinstance(stmt, ast.Expr) else None
        ast.increment_lineno(stmt, block.line - 1)  # tracebacks name README lines
        where = f"README.md:{stmt.lineno}"
        try:
            if isinstance(stmt, ast.Expr):
                value = eval(compile(ast.Expression(stmt.value), str(README), "eval"), namespace)
            else:
                exec(compile(ast.Module([stmt], type_ignores=[]), str(README), "exec"), namespace)
                continue
        except Exception as e:
            result.errors.append(f"{where}: {type(e).__name__}: {e}")
            return
        if stated is not None and value != ast.literal_eval(stated):
            result.errors.append(f"{where}: the comment below says {stated}, the value is {value!r}")


def written_files(blocks: list[Block]) -> set[str]:
    """File names the blocks' code passes to a writer (graph.write_graphml(G, "out.graphml"))."""
    names: set[str] = set()
    for block in blocks:
        code = "".join(ex.source for ex in doctest_examples(block)) if block.is_doctest else block.text
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                paths = [*node.args[1:2], *(k.value for k in node.keywords if k.arg == "path")]  # f(G, path, …)
                if _WRITERS.match(name):
                    names.update(a.value for a in paths if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return names


def run_python_section(blocks: list[Block], cwd: Path) -> SectionResult:
    """Run one section's python blocks in order, in one fresh namespace, in ``cwd``."""
    result = SectionResult()
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    with contextlib.chdir(cwd):
        for block in blocks:
            if block.is_doctest:
                run_doctest_block(block, namespace, result)
            else:
                run_plain_block(block, namespace, result)
    return result


# -- running sh blocks ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    text: str  # as written, without the comment
    argv: tuple[str, ...]
    line: int

    @property
    def where(self) -> str:
        return f"README.md:{self.line}"

    def not_run(self) -> str | None:
        """Why the tests do not run this line, or None."""
        for pattern, reason in NOT_RUN:
            if re.search(pattern, self.text):
                return reason
        return None


def read_commands(block: Block) -> list[Command]:
    """The commands of an sh block: one per line, and per part of an ``a && b`` chain.

    >>> [(c.argv, c.line) for c in read_commands(Block("sh", "geokg a  # note\\n\\nx && geokg b\\n", 7, ""))]
    [(('geokg', 'a'), 7), (('x',), 9), (('geokg', 'b'), 9)]
    """
    commands = []
    for i, line in enumerate(block.text.splitlines()):
        words = shlex.split(line, comments=True)
        part: list[str] = []
        for word in [*words, "&&"] if words else []:
            if word != "&&":
                part.append(word)
                continue
            commands.append(Command(shlex.join(part), tuple(part), block.line + i))
            part = []
    return commands


def _summary_counts(stdout: str) -> tuple[int, int] | None:
    """``(cached, extracted)`` from a build's summary line."""
    m = re.search(r"\((\d+) cached, (\d+) extracted\)", stdout)
    return (int(m.group(1)), int(m.group(2))) if m else None


def check_geokg(command: Command, run: GeokgRun, cwd: Path, cached_builds: set[tuple]) -> list[str]:
    """What the command promises beyond exit 0: the files it writes, a re-run read from the cache."""
    from extract.cli import _parser

    args = _parser().parse_args(list(command.argv[1:]))
    problems = []

    def wrote(rel: str | None, magic: bytes = b"") -> None:
        path = cwd / rel if rel else None
        if path is None or not path.is_file() or not path.read_bytes().startswith(magic):
            problems.append(f"{command.where}: `{command.text}` did not write {rel}")

    if args.command == "build":
        out = args.into or args.output or "output"
        for name in ("graph.json", "graph.html", "triples.jsonl", "report.json"):
            wrote(f"{out}/{name}")
        key = (tuple(args.inputs), str(Path(out)))
        counts = _summary_counts(run.stdout)
        if not args.no_cache and key in cached_builds and (counts is None or counts[1] != 0):
            problems.append(f"{command.where}: `{command.text}` re-ran but did not read from the cache: {run.stdout}")
        if not args.no_cache:
            cached_builds.add(key)
    elif args.command == "render":
        if args.output:
            wrote(args.output, b"<!DOCTYPE html>")
        if args.png:
            wrote(args.png, b"\x89PNG")
    elif args.command == "evaluate" and not args.json:
        if "relations P=" not in run.stdout:
            problems.append(f"{command.where}: `{command.text}` printed no scores: {run.stdout[:500]}")
    elif args.command == "export":
        wrote(args.output)
    elif not run.stdout.strip():
        problems.append(f"{command.where}: `{command.text}` printed nothing")
    return problems


def sh_blocks() -> list[Block]:
    return [b for b in readme_blocks() if b.kind == "sh"]


def lines_not_run() -> Iterator[tuple[Command, str]]:
    for block in sh_blocks():
        for command in read_commands(block):
            reason = command.not_run()
            if reason:
                yield command, reason


# -- the tests ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clone(tmp_path_factory, nlp):
    return prepare_clone(tmp_path_factory.mktemp("readme") / "clone")


def test_every_code_block_says_what_it_is():
    unlabeled = [b.where for b in readme_blocks() if b.kind is None and b.lang not in NOT_CODE]
    assert not unlabeled, f"label these blocks ```python or ```sh so that the tests run them: {unlabeled}"


def test_the_readme_has_the_examples_these_tests_run():
    blocks = readme_blocks()
    assert len(python_sections(blocks)) >= 3 and len(sh_blocks()) >= 4
    assert any(b.is_doctest for b in blocks)


@pytest.mark.model
@pytest.mark.parametrize("section", sorted(python_sections(readme_blocks())))
def test_python_examples_run_as_written(section, clone, tmp_path):
    blocks = python_sections(readme_blocks())[section]
    cwd = fresh_copy(clone, tmp_path / "clone")
    before = {p.name for p in cwd.iterdir()}
    result = run_python_section(blocks, cwd)
    assert not result.errors, "\n".join(result.errors)
    assert result.ok, "\n".join(
        f"README.md:{m.block.line + m.example.lineno}: {m.example.source.strip()}\n"
        f"README shows:\n{m.example.want}got:\n{m.got}"
        "(python bench/update_readme_outputs.py writes the real outputs)"
        for m in result.mismatches
    )
    new = {p.name for p in cwd.iterdir()} - before
    assert new <= written_files(blocks), f"the examples left files they do not name: {sorted(new)}"
    for name in written_files(blocks):
        assert (cwd / name).is_file(), f"the examples of {section!r} say they write {name}"


@pytest.mark.model
@pytest.mark.parametrize("block", sh_blocks(), ids=lambda b: f"{b.where} {b.section}")
def test_shell_examples_run_as_written(block, clone, tmp_path, monkeypatch):
    # The cache as a reader has it (on, in a folder of its own here), so "a re-run reads from the cache" holds.
    monkeypatch.delenv("GEOKG_NO_CACHE", raising=False)
    monkeypatch.delenv("GEOKG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cwd = fresh_copy(clone, tmp_path / "clone")
    problems, skipped, cached_builds = [], [], set()
    for command in read_commands(block):
        if command.not_run():
            continue  # listed by test_shell_lines_not_run
        if command.argv[0] not in GEOKG:
            problems.append(
                f"{command.where}: `{command.text}` is not a geokg command; run it here or list it in NOT_RUN"
            )
            continue
        if "--png" in command.argv and browser_unavailable() and not BROWSER_REQUIRED:
            skipped.append(f"{command.where} `{command.text}`: {browser_unavailable()}")
            continue
        run = run_geokg(command.argv[1:], cwd)
        if run.status != 0:
            problems.append(f"{command.where}: `{command.text}` exited {run.status}:\n{run.stderr}")
            continue
        problems += check_geokg(command, run, cwd, cached_builds)
    assert not problems, "\n".join(problems)
    if skipped:
        pytest.skip("not run: " + "; ".join(skipped))


@pytest.mark.parametrize("command, reason", [pytest.param(c, r, id=f"{c.where} {c.text}") for c, r in lines_not_run()])
def test_shell_lines_not_run(command, reason):
    """Listed, not silent: each README line the tests leave out shows as a skip with its reason."""
    pytest.skip(f"`{command.text}`: {reason}")


def test_a_doctest_line_outside_prompts_fails():
    block = Block("python", "x = 1\n>>> 1 + 1\n2\n\nprint('never run')\n", 10, "S")
    result = SectionResult()
    run_doctest_block(block, {}, result)
    assert [e.split(":")[1] for e in result.errors] == ["10", "14"]


def test_a_false_result_comment_fails():
    block = Block("python", "x = [1]\nx + [2]\n# [1, 2]\nx + [3]\n# [1, 2]\n", 20, "S")
    result = SectionResult()
    run_plain_block(block, {}, result)
    assert result.errors == ["README.md:23: the comment below says [1, 2], the value is [1, 3]"]


def test_a_wrong_doctest_output_is_a_mismatch_with_what_was_got():
    block = Block("python", ">>> print('a')\nb\n", 1, "S")
    result = SectionResult()
    run_doctest_block(block, {}, result)
    assert [(m.example.want, m.got) for m in result.mismatches] == [("b\n", "a\n")]
