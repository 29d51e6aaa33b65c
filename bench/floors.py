"""The baselines ("floors") that ``run.py`` measures ``utvikling`` against, and their probes.

Everything here either is the source of a small script that ``run.py`` writes to a temporary
folder and runs with the interpreter of the ``utvikling`` console script, or generates such a
script. None of it imports ``utvikling`` in the harness's own process: the project's modules
are found (lazily, by name) in the subprocesses, so the benchmark keeps working when modules
move inside ``src/``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

DEFAULT_LOADER = "utvikling.yamlsafe:parse"
"""The project's own loader: called with one record file's bytes."""

DEFAULT_VALIDATOR = "utvikling.records.repository:load_repository"
"""The project's repository loader: parses and validates one repository, runs no rule."""

CSAFE = "csafe"
"""Loader name of the libyaml baseline: ``yaml.load(text, Loader=yaml.CSafeLoader)``."""

PARSE_SCRIPT = '''\
"""Parse every .yaml file under ROOT, and nothing else: the floor for ``utvikling check``.

Usage: parse_only.py LOADER PROCESSES ROOT

LOADER is "csafe" (read the file as UTF-8 text, ``yaml.load(text, Loader=yaml.CSafeLoader)``)
or MODULE:FUNCTION, imported lazily and called with each file's bytes (the project's loader),
or repository=MODULE:FUNCTION, called with each records repository's folder (a Path) and
returning an object whose ``files`` says how many files it read (the project's repository
loader: parsing and validating, no rules; the garbage collector is paused for each repository,
as ``check`` pauses it). The work is split by the folders directly under
ROOT (one records repository each, as ``utvikling check`` splits it); with PROCESSES > 1 the
folders go to that many worker processes, otherwise this process parses them all. Prints the
number of files parsed.
"""

import gc
import importlib
import os
import sys

_parse_file = None
_load_folder = None


def setup(loader):
    """Make ``_parse_file`` parse one path with ``loader`` (also run in every worker)."""
    global _parse_file, _load_folder
    if loader.startswith("repository="):
        from pathlib import Path

        module, _, name = loader.removeprefix("repository=").partition(":")
        function = getattr(importlib.import_module(module), name)

        def load_folder(folder):
            gc.disable()  # as check does while it checks one repository
            try:
                return function(Path(folder)).files
            finally:
                gc.enable()

        _load_folder = load_folder
        return
    if loader == "csafe":
        import yaml

        def parse_file(path):
            with open(path, encoding="utf-8") as handle:
                yaml.load(handle.read(), Loader=yaml.CSafeLoader)

    else:
        module, _, name = loader.partition(":")
        function = getattr(importlib.import_module(module), name)

        def parse_file(path):
            with open(path, "rb") as handle:
                function(handle.read())

    _parse_file = parse_file


def parse_tree(folder):
    """Parse every .yaml file below ``folder``, in sorted order; return how many."""
    if _load_folder is not None:
        return _load_folder(folder)
    count = 0
    for current, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".yaml"):
                _parse_file(os.path.join(current, name))
                count += 1
    return count


def main():
    loader, processes, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    setup(loader)
    entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    folders = [entry.path for entry in entries if entry.is_dir()]
    count = 0
    for entry in entries:
        if entry.is_file() and entry.name.endswith(".yaml") and _parse_file is not None:
            _parse_file(entry.path)
            count += 1
    if processes > 1 and len(folders) > 1:
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, len(folders) // (processes * 16))
        with ProcessPoolExecutor(processes, initializer=setup, initargs=(loader,)) as pool:
            count += sum(pool.map(parse_tree, folders, chunksize=chunk))
    else:
        count += sum(map(parse_tree, folders))
    print(count)


if __name__ == "__main__":
    main()
'''

FIND_LOADER = '''\
"""Find the project's loader: MODULE:FUNCTION, or a yamlsafe module found in the package."""
import importlib
import importlib.util
import json
import sys
from pathlib import Path

wanted, default = sys.argv[1], sys.argv[2]
tried = []


def usable(spec):
    module, _, name = spec.partition(":")
    try:
        function = getattr(importlib.import_module(module), name or "parse")
        function(b"probe: 1\\n")
    except Exception as exc:  # noqa: BLE001 - any failure means "not this one"
        tried.append(f"{spec}: {type(exc).__name__}: {exc}")
        return False
    return True


found = wanted if usable(wanted) else None
if found is None and wanted == default:
    try:
        package = importlib.util.find_spec("utvikling")
        places = list(package.submodule_search_locations or []) if package else []
    except Exception as exc:  # noqa: BLE001
        tried.append(f"utvikling: {type(exc).__name__}: {exc}")
        places = []
    for place in places:
        for path in sorted(Path(place).rglob("yamlsafe.py")):
            parts = path.relative_to(place).with_suffix("").parts
            candidate = ".".join(("utvikling", *parts)) + ":parse"
            if candidate != wanted and usable(candidate):
                found = candidate
                break
        if found:
            break
print(json.dumps({"loader": found, "tried": tried}))
'''

COUNT_PROCESSES = '''\
"""Run a console script in this process and record the process pools it creates.

Usage: count_processes.py OUT.json SCRIPT ARG...  (SCRIPT's output is passed through)
"""
import atexit
import json
import os
import runpy
import sys

out, script, args = sys.argv[1], sys.argv[2], sys.argv[3:]
record = {"pools": [], "started": 0}


@atexit.register
def save():
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(record, handle)


import concurrent.futures
import multiprocessing.pool
import multiprocessing.process

_executor_init = concurrent.futures.ProcessPoolExecutor.__init__
_pool_init = multiprocessing.pool.Pool.__init__
_start = multiprocessing.process.BaseProcess.start


def executor_init(self, max_workers=None, *rest, **named):
    record["pools"].append(max_workers or os.cpu_count() or 1)
    _executor_init(self, max_workers, *rest, **named)


def pool_init(self, processes=None, *rest, **named):
    record["pools"].append(processes or os.cpu_count() or 1)
    _pool_init(self, processes, *rest, **named)


def start(self):
    if os.getpid() == parent:
        record["started"] += 1
    _start(self)


parent = os.getpid()
concurrent.futures.ProcessPoolExecutor.__init__ = executor_init
multiprocessing.pool.Pool.__init__ = pool_init
multiprocessing.process.BaseProcess.start = start
sys.argv = [script, *args]
runpy.run_path(script, run_name="__main__")
'''

LIST_COMMANDS = '''\
"""Describe the real app's command tree (names, help texts, parameters) as JSON."""
import contextlib
import enum
import io
import json
import pathlib
import typing

import typer.main

from utvikling.cli import app

approximated = []
SIMPLE = {bool: "bool", str: "str", int: "int", float: "float"}
CLICK_TYPES = {"boolean": "bool", "integer": "int", "float": "float", "path": "Path"}


def annotation(param, where):
    descriptor = getattr(param, "type_descriptor", None)
    hint = getattr(descriptor, "annotation", None)
    listed = bool(param.multiple or param.nargs == -1)
    if hint is not None:
        if typing.get_origin(hint) in (list, typing.List):
            (hint,) = typing.get_args(hint) or (str,)
            listed = True
        if hint in SIMPLE:
            base = SIMPLE[hint]
        elif isinstance(hint, type) and issubclass(hint, pathlib.PurePath):
            base = "Path"
        else:
            if isinstance(hint, type) and issubclass(hint, enum.Enum):
                approximated.append(f"{where}: enum {hint.__name__} written as str")
            else:
                approximated.append(f"{where}: {hint!r} written as str")
            base = "str"
    else:
        kind = getattr(getattr(param, "type", None), "name", "text")
        base = CLICK_TYPES.get(kind, "str")
    return f"list[{base}]" if listed else base


def text(value):
    return value if isinstance(value, str) else None


def number(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def plain(value, where):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, pathlib.PurePath):
        return str(value)
    if isinstance(value, (list, tuple)) and not value:
        return None
    approximated.append(f"{where}: default {value!r} written as None")
    return None


def describe_param(param, where):
    kind = "option" if type(param).__name__.endswith("Option") else "argument"
    here = f"{where} {param.name}"
    show_default = getattr(param, "show_default", None)
    return {
        "kind": kind,
        "name": param.name,
        "opts": list(param.opts),
        "secondary_opts": list(getattr(param, "secondary_opts", []) or []),
        "help": text(getattr(param, "help", None)),
        "metavar": text(param.metavar),
        "required": bool(param.required),
        "default": plain(param.default, here),
        "annotation": annotation(param, here),
        "is_flag": bool(getattr(param, "is_flag", False)),
        "is_eager": bool(getattr(param, "is_eager", False)),
        "hidden": bool(getattr(param, "hidden", False)),
        "show_default": show_default if isinstance(show_default, (bool, str)) else None,
        "min": number(getattr(param, "min", None)),
        "max": number(getattr(param, "max", None)),
        "rich_help_panel": text(getattr(param, "rich_help_panel", None)),
    }


def describe(command, path):
    where = " ".join(path) or "(root)"
    return {
        "path": path,
        "group": hasattr(command, "commands"),
        "help": text(command.help),
        "short_help": text(getattr(command, "short_help", None)),
        "epilog": text(getattr(command, "epilog", None)),
        "no_args_is_help": bool(getattr(command, "no_args_is_help", False)),
        "hidden": bool(getattr(command, "hidden", False)),
        "deprecated": bool(getattr(command, "deprecated", False)),
        "context_settings": {
            key: value
            for key, value in (command.context_settings or {}).items()
            if key == "help_option_names"
        },
        "rich_help_panel": text(getattr(command, "rich_help_panel", None)),
        "params": [describe_param(param, where) for param in command.params],
        "commands": [describe(sub, [*path, name]) for name, sub in subcommands(command)],
    }


def subcommands(command):
    """A group's commands as its help lists them (a lazy group builds each when asked)."""
    if not hasattr(command, "list_commands"):
        return []
    ctx = typer._click.Context(command, info_name="utvikling")
    found = [(name, command.get_command(ctx, name)) for name in command.list_commands(ctx)]
    return [(name, sub) for name, sub in found if sub is not None]


root = typer.main.get_command(app)
with contextlib.redirect_stdout(io.StringIO()):  # the root sets its help texts when it runs
    root.main(["--help"], prog_name="utvikling", standalone_mode=False)
tree = describe(root, [])
print(json.dumps({"tree": tree, "approximated": approximated}))
'''

FALLBACK_TREE: dict[str, Any] = {
    "path": [],
    "group": True,
    "help": "Records, checks and documents.",
    "no_args_is_help": True,
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "params": [],
    "commands": [
        {"path": [name], "group": False, "help": text, "params": []}
        for name, text in (
            ("init", "Create a records repository with guiding comments."),
            ("check", "Check every record against the models and the KS checklist."),
            ("rules", "List the checklist rules."),
        )
    ],
}
"""Used when the real app's commands cannot be listed (the help ratios are then rough)."""


def command_paths(tree: Mapping[str, Any]) -> list[list[str]]:
    """Every command path of a tree: the root (``[]``), groups and commands, depth first."""
    paths: list[list[str]] = [list(tree.get("path", []))]
    for sub in tree.get("commands", []):
        if not sub.get("hidden"):
            paths += command_paths(sub)
    return paths


# --- the bare Typer app -------------------------------------------------------------------------


def _keywords(values: Mapping[str, Any]) -> str:
    return "".join(f", {key}={value!r}" for key, value in values.items() if value is not None)


def _param_source(param: Mapping[str, Any]) -> str:
    """One parameter of a command function: ``name: Annotated[T, typer.Option(...)] = default``."""
    hint = str(param["annotation"])
    required = bool(param["required"])
    default = param["default"]
    if not required and default is None:
        hint = f"{hint} | None"
    extra = {
        "help": param.get("help"),
        "metavar": param.get("metavar"),
        "min": param.get("min"),
        "max": param.get("max"),
        "hidden": param.get("hidden") or None,
        "is_eager": param.get("is_eager") or None,
        "show_default": param.get("show_default") if param.get("show_default") is False else None,
        "rich_help_panel": param.get("rich_help_panel"),
    }
    if param["kind"] == "option":
        opts = [str(o) for o in param["opts"]]
        secondary = [str(o) for o in param.get("secondary_opts", [])]
        if secondary:
            opts = [*opts[:-1], f"{opts[-1]}/{secondary[0]}"]
        decls = ", ".join(repr(o) for o in opts)
        info = f"typer.Option({decls}{_keywords(extra)})"
    else:
        extra.pop("is_eager")
        info = f"typer.Argument({_keywords(extra).removeprefix(', ')})"
    value = "" if required else f" = {default!r}"
    if hint.startswith("Path") and isinstance(default, str):
        value = f" = Path({default!r})"
    return f"    {param['name']}: Annotated[{hint}, {info}]{value},"


def _function_source(name: str, params: Sequence[Mapping[str, Any]]) -> list[str]:
    if not params:
        return [f"def {name}() -> None:", "    pass"]
    return [f"def {name}(", "    *,", *(_param_source(p) for p in params), ") -> None:", "    pass"]


def bare_typer_app(tree: Mapping[str, Any], function: str = "main") -> str:
    """Source of a Typer app with the same command tree, parameters and help texts.

    The commands do nothing and nothing but Typer is imported, so the app's ``--help`` is what
    the framework alone costs for the same help pages.
    """
    lines = [
        '"""A bare Typer app with the commands of utvikling, importing nothing else."""',
        "from pathlib import Path",
        "from typing import Annotated",
        "",
        "import typer",
        "",
    ]
    counter = iter(range(10_000))

    def group(node: Mapping[str, Any], variable: str) -> None:
        settings = {
            "help": node.get("help"),
            "epilog": node.get("epilog"),
            "no_args_is_help": node.get("no_args_is_help") or None,
            "context_settings": node.get("context_settings") or None,
        }
        if not node.get("path"):
            settings = {"name": "utvikling", **settings}
        lines.append(
            f"{variable} = typer.Typer(add_completion=False, rich_markup_mode=None"
            f"{_keywords(settings)})"
        )
        if node.get("params") or not node.get("path"):
            number = next(counter)
            lines.extend(["", "", f"@{variable}.callback()"])
            lines.extend(_function_source(f"callback_{number}", node.get("params", [])))
        for sub in node.get("commands", []):
            name = str(sub["path"][-1])
            lines.extend(["", ""])
            if sub.get("group"):
                child = f"group_{next(counter)}"
                group(sub, child)
                lines.append(f"{variable}.add_typer({child}, name={name!r})")
                continue
            settings = {
                "help": sub.get("help"),
                "short_help": sub.get("short_help"),
                "epilog": sub.get("epilog"),
                "no_args_is_help": sub.get("no_args_is_help") or None,
                "hidden": sub.get("hidden") or None,
                "deprecated": sub.get("deprecated") or None,
                "context_settings": sub.get("context_settings") or None,
                "rich_help_panel": sub.get("rich_help_panel"),
            }
            lines.append(f"@{variable}.command({name!r}{_keywords(settings)})")
            lines.extend(_function_source(f"command_{next(counter)}", sub.get("params", [])))

    group(tree, "app")
    lines += ["", "", f"def {function}() -> None:", "    app()", ""]
    return "\n".join(lines)


# --- the bare console scripts ------------------------------------------------------------------

VERSION_MODULE = "utvikling_bench_version"
TYPER_MODULE = "utvikling_bench_typer"

PIP_LAUNCHER = """\
#!{python}
# -*- coding: utf-8 -*-
import re
import sys
from {module} import {function}
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit({function}())
"""
"""The launcher pip writes for a console script (pip 23–25), used when the real one is not text."""

_IMPORT_LINE = re.compile(r"^from [\w.]+ import (\w+)$", re.MULTILINE)


def launcher(real_script: Path, python: str, module: str) -> tuple[str, str, str]:
    """A console script like ``real_script`` whose entry point is ``module``'s instead.

    Returns the launcher's text, the entry function's name and how the launcher was made. The
    launcher is a copy of the real one with only its import line changed, so a floor pays the
    same interpreter, ``site`` and launcher costs (pip's launcher imports ``re``).
    """
    try:
        text = real_script.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    match = _IMPORT_LINE.search(text)
    if text.startswith("#!") and match is not None:
        function = match.group(1)
        new_line = f"from {module} import {function}"
        script = text[: match.start()] + new_line + text[match.end() :]
        return script, function, f"copies of {real_script} with another import line"
    script = PIP_LAUNCHER.format(python=python, module=module, function="main")
    return script, "main", "pip's launcher template (the real script is not a text launcher)"


def write_floor_scripts(
    folder: Path, real_script: Path, python: str, tree: Mapping[str, Any]
) -> tuple[Path, Path, str]:
    """Write the two bare console scripts: one that prints a version, one that runs Typer.

    Each is called ``utvikling`` (Typer prints the script's name in its help), in a folder of
    its own next to its entry module, which is imported (and so byte-compiled) like the real
    one. Returns the version script, the Typer app's script and how they were made.
    """
    made = []
    how = ""
    for name, module in (("version", VERSION_MODULE), ("typer", TYPER_MODULE)):
        place = folder / name
        place.mkdir(parents=True, exist_ok=True)
        text, function, how = launcher(real_script, python, module)
        script = place / "utvikling"
        script.write_text(text, encoding="utf-8")
        script.chmod(0o755)
        if module == VERSION_MODULE:
            source = (
                '"""Entry point of the bare console script: print a version, nothing else."""\n'
                "import sys\n\n\n"
                f"def {function}():\n"
                '    sys.stdout.write("utvikling-floor 0\\n")\n'
            )
        else:
            source = bare_typer_app(tree, function)
        (place / f"{module}.py").write_text(source, encoding="utf-8")
        made.append(script)
    return made[0], made[1], how
