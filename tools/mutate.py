"""Mutation testing: change the code a little and see whether the tests notice.

Each mutant is one small change to one module (a comparison or boolean operator swapped, a
constant moved by one, a ``not`` removed, a statement deleted, a return value replaced …),
made on the module's syntax tree with :mod:`ast`. The mutated module is compiled in memory and
served by an import hook in a forked child process, which then runs the module's tests with
``pytest -x -q``; the source tree is never written to. A mutant whose tests still pass
*survived*: a change nobody would notice.

Usage::

    python tools/mutate.py                       # every module in tools/mutation.toml
    python tools/mutate.py src/utvikling/render/projection.py --jobs 2 --max-seconds 600
    python tools/mutate.py src/utvikling/render/projection.py --list  # the mutants only

Which tests belong to which module, and the mutants judged equivalent (with the reason), are
in ``tools/mutation.toml``. See ``docs/mutation.md``. POSIX only (it forks); not run in CI.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import tomllib
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tools" / "mutation.toml"

PRELOAD = ("pytest", "hypothesis", "pydantic", "typer", "yaml", "jinja2", "ruamel.yaml", "babel")
"""Imported once in the parent so that each forked child starts warm (never the project)."""

_COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_BINARY_SWAPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
}
_BOOL_SWAPS: dict[type[ast.boolop], type[ast.boolop]] = {ast.And: ast.Or, ast.Or: ast.And}
_DELETABLE = (
    ast.Assign,
    ast.AugAssign,
    ast.AnnAssign,
    ast.Expr,
    ast.Raise,
    ast.Continue,
    ast.Break,
    ast.Delete,
)
_SKIPPED_FIELDS = {"annotation", "returns", "decorator_list", "type_comment", "type_params"}
_PRAGMAS = ("pragma: no mutate", "pragma: no cover")
_TYPING_CALLS = {"TypeVar", "typing.TypeVar", "NewType", "typing.NewType"}


@dataclass
class Mutant:
    """One change to one module."""

    module: str
    """The module's path relative to the repository, as in the config."""
    line: int
    function: str
    change: str
    """``before → after``, with `` #n`` for the n-th identical change in the same function."""
    slot: tuple[ast.AST, str, int | None]
    """Where the replacement goes: (parent node, field, list index or None)."""
    replacement: Any
    status: str = "not run"
    seconds: float = 0.0

    @property
    def key(self) -> tuple[str, str, str]:
        """What the equivalent list matches on: stable when lines move."""
        return self.module, self.function, self.change

    def where(self) -> str:
        """``file:line in function``."""
        return f"{self.module}:{self.line} in {self.function}"


@dataclass
class Target:
    """A module to mutate and the tests that should notice."""

    path: str
    tests: list[str]
    tree: ast.Module
    name: str
    is_package: bool
    mutants: list[Mutant] = field(default_factory=list)
    baseline: float = 0.0
    stale: list[str] = field(default_factory=list)
    """Preloaded modules a child must forget: the target and those that import it on load."""


def _short(node: ast.AST | str, limit: int = 90) -> str:
    text = node if isinstance(node, str) else ast.unparse(node)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _children(node: ast.AST) -> Iterator[tuple[str, int | None, ast.AST]]:
    for name, value in ast.iter_fields(node):
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, ast.AST):
                    yield name, index, item
        elif isinstance(value, ast.AST):
            yield name, None, value


def _is_docstring(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _skipped(node: ast.AST, lines: list[str]) -> bool:
    if _is_docstring(node):
        return True
    if isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
    ):
        return True
    if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING",):
        return True
    if isinstance(node, ast.Call) and ast.unparse(node.func) in _TYPING_CALLS:
        return True  # TypeVar("M", …): the name is for type checkers only
    line = getattr(node, "lineno", None)
    return line is not None and any(p in lines[line - 1] for p in _PRAGMAS)


class _Collector:
    """Walk a module's tree in a fixed order and list every mutant."""

    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.lines = source.splitlines()
        self.mutants: list[Mutant] = []
        self.seen: dict[tuple[str, str], int] = {}

    def add(
        self,
        node: ast.AST,
        scope: str,
        before: str,
        after: str,
        slot: tuple[ast.AST, str, int | None],
        replacement: Any,
    ) -> None:
        change = f"{before} → {after}"
        count = self.seen.get((scope, change), 0) + 1
        self.seen[(scope, change)] = count
        if count > 1:
            change += f" #{count}"
        line = getattr(node, "lineno", 0)
        if isinstance(replacement, ast.expr | ast.stmt):
            ast.fix_missing_locations(ast.copy_location(replacement, node))
        self.mutants.append(Mutant(self.path, line, scope, change, slot, replacement))

    def walk(self, node: ast.AST, scope: str, in_function: bool) -> None:
        """Visit the children of ``node``, listing the mutants of each before going deeper."""
        for name, index, child in _children(node):
            if name in _SKIPPED_FIELDS or _skipped(child, self.lines):
                continue
            if isinstance(node, ast.FormattedValue) and name == "format_spec":
                continue  # the text after ``:`` in ``{value:spec}``
            if name == "orelse" and self._pragma_on_else(child):
                continue
            if isinstance(node, ast.JoinedStr) and isinstance(child, ast.Constant):
                continue  # the literal text of an f-string
            inner_scope, inner_function = scope, in_function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                inner_scope = child.name if scope == "<module>" else f"{scope}.{child.name}"
                inner_function = not isinstance(child, ast.ClassDef)
            self.mutate(node, name, index, child, scope, in_function)
            self.walk(child, inner_scope, inner_function)

    def _pragma_on_else(self, first: ast.AST) -> bool:
        """Tell whether the ``else:`` line before ``first`` (an else branch) has a pragma."""
        line = getattr(first, "lineno", 1) - 2
        while line >= 0 and not self.lines[line].strip().startswith(("else", "elif")):
            line -= 1
        return line >= 0 and any(p in self.lines[line] for p in _PRAGMAS)

    def mutate(
        self,
        parent: ast.AST,
        name: str,
        index: int | None,
        node: ast.AST,
        scope: str,
        in_function: bool,
    ) -> None:
        slot = (parent, name, index)
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                swap = _COMPARE_SWAPS.get(type(op))
                if swap is not None:
                    changed = copy.copy(node)
                    changed.ops = [*node.ops[:i], swap(), *node.ops[i + 1 :]]
                    self.add(node, scope, _short(node), _short(changed), slot, changed)
        elif isinstance(node, ast.BoolOp):
            changed_bool = copy.copy(node)
            changed_bool.op = _BOOL_SWAPS[type(node.op)]()
            self.add(node, scope, _short(node), _short(changed_bool), slot, changed_bool)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self.add(node, scope, _short(node), _short(node.operand), slot, node.operand)
        elif isinstance(node, ast.BinOp):
            swap_op = _BINARY_SWAPS.get(type(node.op))
            if swap_op is not None:
                changed_bin = copy.copy(node)
                changed_bin.op = swap_op()
                self.add(node, scope, _short(node), _short(changed_bin), slot, changed_bin)
        elif isinstance(node, ast.Constant):
            for value in _constant_changes(node.value):
                new = ast.copy_location(ast.Constant(value), node)
                self.add(node, scope, _short(node), _short(new), slot, new)
        if isinstance(node, ast.AugAssign):
            swap_aug = _BINARY_SWAPS.get(type(node.op))
            if swap_aug is not None:
                changed_aug = copy.copy(node)
                changed_aug.op = swap_aug()
                self.add(node, scope, _short(node), _short(changed_aug), slot, changed_aug)
        if isinstance(node, ast.Return) and in_function:
            if node.value is None:
                self.add(node, scope, "return", "(deleted)", slot, _pass(node))
            elif not (isinstance(node.value, ast.Constant) and node.value.value is None):
                new_return = ast.copy_location(ast.Return(ast.Constant(None)), node)
                self.add(node, scope, _short(node), "return None", slot, new_return)
        elif (
            isinstance(node, _DELETABLE)
            and in_function
            and not (isinstance(node, ast.AnnAssign) and node.value is None)
        ):
            self.add(node, scope, _short(node), "(deleted)", slot, _pass(node))


def _pass(node: ast.AST) -> ast.Pass:
    return ast.copy_location(ast.Pass(), node)


def _constant_changes(value: object) -> list[Any]:
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        return [value + 1, value - 1]
    if isinstance(value, float):
        return [value + 1]
    if isinstance(value, str):
        return [f"XX{value}XX"]
    if isinstance(value, bytes):
        return [b"XX" + value + b"XX"]
    return []


def collect(path: str) -> tuple[ast.Module, list[Mutant]]:
    """Parse the module at ``path`` (relative to the repository) and list its mutants."""
    source = (ROOT / path).read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(ROOT / path))
    collector = _Collector(path, source)
    collector.walk(tree, "<module>", False)
    return tree, collector.mutants


def compile_mutant(target: Target, mutant: Mutant | None) -> types.CodeType:
    """Compile the module with ``mutant`` applied (the tree is restored afterwards)."""
    filename = str(ROOT / target.path)
    if mutant is None:
        return compile(target.tree, filename, "exec", dont_inherit=True)
    parent, name, index = mutant.slot
    if index is None:
        original = getattr(parent, name)
        setattr(parent, name, mutant.replacement)
    else:
        original = getattr(parent, name)[index]
        getattr(parent, name)[index] = mutant.replacement
    try:
        return compile(target.tree, filename, "exec", dont_inherit=True)
    finally:
        if index is None:
            setattr(parent, name, original)
        else:
            getattr(parent, name)[index] = original


def module_name(path: Path) -> tuple[str, bool]:
    """Return the dotted name of the module at ``path`` and whether it is a package."""
    path = path.resolve()
    is_package = path.name == "__init__.py"
    parts = [] if is_package else [path.stem]
    folder = path.parent
    while (folder / "__init__.py").is_file():
        parts.insert(0, folder.name)
        folder = folder.parent
    return ".".join(parts), is_package


def project_modules(package: str) -> dict[str, Path]:
    """Every module of the top-level ``package`` (as found on ``sys.path``) by dotted name."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return {}
    base = Path(next(iter(spec.submodule_search_locations)))
    found = {}
    for path in sorted(base.rglob("*.py")):
        parts = path.relative_to(base.parent).with_suffix("").parts
        if parts[-1] == "__main__":
            continue  # importing it would run the program
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _load_time_imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The project modules that importing ``name`` imports (not those imported in functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{parent}.{base}" if base else parent
                found.add(base)
                found.update(f"{base}.{a.name}" for a in node.names)
            elif isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                visit(node.orelse)
            elif isinstance(node, ast.If | ast.Try | ast.With | ast.ClassDef):
                for block in ("body", "orelse", "finalbody", "handlers"):
                    for inner in getattr(node, block, []):
                        visit(inner.body if isinstance(inner, ast.ExceptHandler) else [inner])

    visit(tree.body)
    with_parents = {n.rsplit(".", i)[0] for n in found for i in range(n.count(".") + 1)}
    return with_parents & known


def stale_modules(target: str, modules: dict[str, Path]) -> list[str]:
    """``target`` and every project module that imports it, directly or not, when loaded."""
    imports = {name: _load_time_imports(path, name, set(modules)) for name, path in modules.items()}
    stale = {target}
    while True:
        more = {name for name, uses in imports.items() if uses & stale} - stale
        if not more:
            return sorted(stale)
        stale |= more


class _MutantLoader(importlib.abc.Loader):
    def __init__(self, code: types.CodeType) -> None:
        self.code = code

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        exec(self.code, module.__dict__)


class _MutantFinder(importlib.abc.MetaPathFinder):
    """Serve the mutated module in place of the one on disk."""

    def __init__(self, target: Target, code: types.CodeType) -> None:
        self.target = target
        self.code = code

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.target.name:
            return None
        origin = ROOT / self.target.path
        locations = [str(origin.parent)] if self.target.is_package else None
        return importlib.util.spec_from_file_location(
            fullname,
            origin,
            loader=_MutantLoader(self.code),
            submodule_search_locations=locations,
        )


def _child(target: Target, code: types.CodeType | None, workdir: Path, log: Path) -> NoReturn:
    """In the forked child: run the tests against the mutant, exit with pytest's code."""
    rc = 99
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.setpgid(0, 0)
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.chdir(ROOT)
        for name in target.stale:
            sys.modules.pop(name, None)
            parent, _, last = name.rpartition(".")
            holder = sys.modules.get(parent)
            if holder is not None and last in vars(holder):
                delattr(holder, last)
        if code is not None:
            sys.meta_path.insert(0, _MutantFinder(target, code))
        import hypothesis
        import pytest

        hypothesis.settings.register_profile("mutation", database=None, derandomize=True)
        hypothesis.settings.load_profile("mutation")
        args = [
            *target.tests,
            "-x",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "--basetemp",
            str(workdir),
        ]
        rc = int(pytest.main(args))
    except BaseException:  # noqa: BLE001 - anything at all means the child failed
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(rc)


@dataclass
class _Running:
    target: Target
    mutant: Mutant | None
    started: float
    timeout: float
    log: Path
    workdir: Path
    timed_out: bool = False
    cut_off: bool = False


class Runner:
    """Fork children up to ``jobs`` at a time and collect their outcomes."""

    def __init__(self, jobs: int, scratch: Path, keep_logs: bool) -> None:
        self.jobs = jobs
        self.scratch = scratch
        self.keep_logs = keep_logs
        self.running: dict[int, _Running] = {}
        self.counter = 0

    def start(self, target: Target, mutant: Mutant | None, timeout: float) -> None:
        """Fork a child that runs the target's tests against ``mutant`` (None: unchanged)."""
        code = compile_mutant(target, mutant)
        self.counter += 1
        workdir = self.scratch / f"m{self.counter}"
        log = self.scratch / f"m{self.counter}.log"
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(target, code, workdir, log)
        with contextlib.suppress(OSError):  # the child did it first, or has exited already
            os.setpgid(pid, pid)
        self.running[pid] = _Running(target, mutant, time.monotonic(), timeout, log, workdir)

    def kill(self, pid: int) -> None:
        """Kill a child and its process group."""
        for kill in (os.killpg, os.kill):
            try:
                kill(pid, signal.SIGKILL)
                return
            except OSError:
                continue

    def wait_one(self, deadline: float | None) -> tuple[_Running, str] | None:
        """Wait for a child to end; return it and its outcome."""
        while self.running:
            # Look without reaping: while the ended child is a zombie its pid cannot be reused,
            # so its process group (whatever the tests started) can be killed safely.
            ended = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
            if ended is None or ended.si_pid == 0:
                now = time.monotonic()
                for other, child in self.running.items():
                    over = now - child.started > child.timeout
                    late = deadline is not None and now > deadline
                    if (over or late) and not (child.timed_out or child.cut_off):
                        child.timed_out, child.cut_off = over, late and not over
                        self.kill(other)
                time.sleep(0.02)
                continue
            pid = ended.si_pid
            run = self.running.pop(pid) if pid in self.running else None
            if run is not None:
                self.kill(pid)  # anything the tests started in the child's group goes too
            _, status = os.waitpid(pid, 0)
            if run is None:
                continue
            if run.mutant is not None:
                run.mutant.seconds = time.monotonic() - run.started
            return run, self._outcome(run, status)
        return None

    def _outcome(self, run: _Running, status: int) -> str:
        if run.cut_off:
            outcome = "not run"
        elif run.timed_out:
            outcome = "timeout"
        elif os.WIFSIGNALED(status):
            outcome = "crashed"
        else:
            code = os.WEXITSTATUS(status)
            # 4: pytest could not start, e.g. the mutant stops a module importing while the
            # conftest loads (the baseline run, unmutated, started with the same arguments).
            outcome = {0: "survived", 1: "killed", 2: "killed", 3: "killed", 4: "killed"}.get(
                code, f"error (exit {code})"
            )
        shutil.rmtree(run.workdir, ignore_errors=True)
        if not self.keep_logs:
            run.log.unlink(missing_ok=True)
        return outcome

    def stop_all(self) -> None:
        """Kill and reap every child still running."""
        for pid in list(self.running):
            self.kill(pid)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        self.running.clear()


KILLED = ("killed", "timeout", "crashed")


def load_config(path: Path) -> dict[str, Any]:
    """Read ``tools/mutation.toml``."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _equivalents(config: dict[str, Any]) -> dict[tuple[str, str, str], str]:
    result = {}
    for entry in config.get("equivalent", []):
        key = (entry["module"], entry["function"], entry["change"])
        if not str(entry.get("reason", "")).strip():
            raise SystemExit(f"tools/mutation.toml: equivalent mutant without a reason: {key}")
        result[key] = entry["reason"]
    return result


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Mutation testing for chosen modules (see docs/mutation.md)."
    )
    parser.add_argument("modules", nargs="*", help="Module paths (default: all in the config).")
    parser.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) // 2))
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=None,
        help="Stop starting mutants after this long; the rest are reported as not run.",
    )
    parser.add_argument(
        "--timeout", type=float, default=None, help="Seconds per mutant (default: from baseline)."
    )
    parser.add_argument("--tests", nargs="+", help="Run these tests instead of the configured.")
    parser.add_argument("--match", help="Only mutants whose 'function: change' contains this.")
    parser.add_argument("--list", action="store_true", help="List the mutants; run nothing.")
    parser.add_argument(
        "--include-equivalent",
        action="store_true",
        help="Run the mutants marked equivalent too, to see that they still survive.",
    )
    parser.add_argument("--seed", type=int, default=0, help="Order in which mutants are run.")
    parser.add_argument("--verbose", "-v", action="store_true", help="Print each outcome.")
    parser.add_argument("--keep-logs", action="store_true", help="Keep each mutant's pytest log.")
    parser.add_argument(
        "--results",
        type=Path,
        help="Append each outcome to this file (JSON lines); with --resume, killed mutants "
        "recorded there are not run again.",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="Take the killed mutants from --results instead of running them (only while the "
        "module is unchanged and tests were only added).",
    )
    parser.add_argument("--config", type=Path, default=CONFIG)
    return parser.parse_args(argv)


def _targets(args: argparse.Namespace, config: dict[str, Any]) -> list[Target]:
    modules: dict[str, Any] = config.get("modules", {})
    paths = args.modules or list(modules)
    targets = []
    for raw in paths:
        path = Path(raw).resolve().relative_to(ROOT).as_posix()
        tests = args.tests or modules.get(path, {}).get("tests")
        if not tests:
            raise SystemExit(f"no tests configured for {path} (tools/mutation.toml or --tests)")
        tree, mutants = collect(path)
        name, is_package = module_name(ROOT / path)
        target = Target(path, list(tests), tree, name, is_package, mutants)
        target.stale = stale_modules(name, project_modules(name.partition(".")[0]))
        targets.append(target)
    return targets


def _print_table(targets: list[Target], equivalent: dict[tuple[str, str, str], str]) -> None:
    header = (
        f"{'module':<42} {'mutants':>7} {'killed':>6} {'survived':>8} {'equiv':>5} {'score':>7}"
    )
    print(header)
    for target in targets:
        counted = [m for m in target.mutants if m.key not in equivalent]
        done = [m for m in counted if m.status != "not run"]
        killed = sum(1 for m in done if m.status in KILLED)
        survived = sum(1 for m in done if m.status == "survived")
        marked = len(target.mutants) - len(counted)
        score = f"{100 * killed / len(done):.1f} %" if done else "—"
        print(
            f"{target.path:<42} {len(target.mutants):>7} {killed:>6} {survived:>8} "
            f"{marked:>5} {score:>7}"
        )
        missing = len(counted) - len(done)
        if missing:
            print(f"  ({missing} not run: time ran out; the score is of those run)")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Run the mutation test; return 0 (the score is for people to read, not a gate)."""
    args = _parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)  # also when started in the background
    config = load_config(args.config)
    equivalent = _equivalents(config)
    targets = _targets(args, config)
    for target in targets:
        if args.match:
            target.mutants = [
                m for m in target.mutants if args.match in f"{m.function}: {m.change}"
            ]
    if args.list:
        for target in targets:
            for mutant in target.mutants:
                mark = "  [equivalent]" if mutant.key in equivalent else ""
                print(f"{mutant.where()}: {mutant.change}{mark}")
        return 0
    known = {m.key for t in targets for m in t.mutants}
    mutated = {t.path for t in targets}
    for key in sorted(equivalent):
        if key[0] in mutated and key not in known and not args.match:
            print(f"warning: marked equivalent but no such mutant now: {key}", file=sys.stderr)

    # Import once what every child needs, so each starts warm: the libraries, and the project
    # itself (each child forgets the mutated module and whatever imported it on load).
    project = {t.name.partition(".")[0] for t in targets}
    for name in [*PRELOAD, *(m for p in sorted(project) for m in project_modules(p))]:
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    started = time.monotonic()
    deadline = started + args.max_seconds if args.max_seconds else None
    with tempfile.TemporaryDirectory(prefix="mutate-") as scratch:
        runner = Runner(args.jobs, Path(scratch), args.keep_logs)
        try:
            for target in targets:
                runner.start(target, None, timeout=600)
                finished = runner.wait_one(None)
                assert finished is not None
                target.baseline = time.monotonic() - finished[0].started
                if finished[1] != "survived":
                    print(f"{target.path}: the tests fail without any mutant ({finished[1]})")
                    print("  run them: pytest -x -q " + " ".join(target.tests))
                    return 1
            _run_all(args, targets, equivalent, runner, deadline)
        except KeyboardInterrupt:
            print("interrupted: the mutants not finished are reported as not run", file=sys.stderr)
        finally:
            runner.stop_all()
    elapsed = time.monotonic() - started
    print()
    for target in targets:
        shown = [
            m
            for m in sorted(target.mutants, key=lambda m: m.line)
            if m.status == "survived" and m.key not in equivalent
        ]
        errors = [m for m in target.mutants if m.status.startswith("error")]
        if args.include_equivalent:
            for m in target.mutants:
                if m.key in equivalent and m.status in KILLED:
                    print(f"marked equivalent but killed: {m.where()}: {m.change}")
        print(f"{target.path}: {len(shown)} surviving (tests: {' '.join(target.tests)})")
        for m in shown:
            print(f"  {m.where()}: {m.change}")
        for m in errors:
            print(f"  {m.where()}: {m.change}  [{m.status}]")
    print()
    _print_table(targets, equivalent)
    print(f"{sum(len(t.mutants) for t in targets)} mutants in {elapsed:.0f} s, {args.jobs} jobs")
    return 0


def _recorded(path: Path) -> dict[tuple[str, str, str], str]:
    """The outcomes a --results file holds, the last one for each mutant."""
    found: dict[tuple[str, str, str], str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            found[(entry["module"], entry["function"], entry["change"])] = entry["status"]
    return found


def _run_all(
    args: argparse.Namespace,
    targets: list[Target],
    equivalent: dict[tuple[str, str, str], str],
    runner: Runner,
    deadline: float | None,
) -> None:
    """Run the mutants of all targets, interleaved so that a cut-off run samples each."""
    rng = random.Random(args.seed)
    recorded = _recorded(args.results) if args.resume and args.results else {}
    queues = []
    for target in targets:
        for mutant in target.mutants:
            if recorded.get(mutant.key) in KILLED:
                mutant.status = recorded[mutant.key]
        queue = [
            m
            for m in target.mutants
            if (args.include_equivalent or m.key not in equivalent) and m.status == "not run"
        ]
        rng.shuffle(queue)
        queues.append((target, queue))
    order: list[tuple[Target, Mutant]] = []
    while any(q for _, q in queues):
        for target, queue in queues:
            if queue:
                order.append((target, queue.pop()))
    total = len(order)
    done = 0
    while order or runner.running:
        while order and len(runner.running) < runner.jobs:
            if deadline is not None and time.monotonic() > deadline:
                order.clear()
                break
            target, mutant = order.pop(0)
            timeout = args.timeout or max(15.0, 3 * target.baseline)
            runner.start(target, mutant, timeout)
        finished = runner.wait_one(deadline)
        if finished is None:
            break
        run, outcome = finished
        assert run.mutant is not None
        run.mutant.status = outcome
        done += 1
        if args.results and outcome != "not run":
            with args.results.open("a", encoding="utf-8") as handle:
                module, function, change = run.mutant.key
                entry = {"module": module, "function": function, "change": change}
                handle.write(json.dumps({**entry, "status": outcome}, ensure_ascii=False) + "\n")
        if args.verbose:
            print(f"[{done}/{total}] {outcome:<9} {run.mutant.where()}: {run.mutant.change}")
            sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
