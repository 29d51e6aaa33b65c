"""The command-line framework in Norwegian: help pages, usage errors, the lazy command list.

Every word a user reads around the commands comes from ``data/cli.yaml``: the help of each
command, option and argument, and the framework's own words (usage, the sections, «Feil:», the
usage errors, «Avbrutt.»). The root group knows the commands' names and one-line help from that
file alone, and imports a command's module only when the command runs or shows its own help, so
``utvikling --help`` imports neither Pydantic nor Jinja nor the rule data.

The language is the environment variable ``UTVIKLING_SPRAK`` (``nb`` or ``nn``) when it is set,
else the ``language`` of the repository the current folder is in (``utvikling.yaml`` here or in
a folder above), else bokmål.

This uses the command classes of Typer 0.29 (its bundled Click), which ``pyproject.toml`` pins.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Sequence
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any, NoReturn

import typer
import typer.main
from typer import _click
from typer._click import exceptions as click_errors
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

_LANGUAGE_LINE = re.compile(rb"^language:[ \t]*[\"']?(nb|nn)[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)


def _data() -> dict[str, Any]:
    from utvikling import texts

    return texts.data_file("cli.yaml")  # read on every run: kept compiled, not parsed


def find_settings(start: Path) -> Path | None:
    """The nearest ``utvikling.yaml`` in ``start`` or a folder above it, like git finds .git."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        settings = candidate / "utvikling.yaml"
        if settings.is_file():
            return settings
    return None


@cache
def language() -> str:
    """The language of the command line (see the module's docstring for which wins)."""
    chosen = os.environ.get(_data()["language_variable"], "").strip().lower()
    if chosen in ("nb", "nn"):
        return chosen
    try:
        settings = find_settings(Path.cwd())
        head = settings.read_bytes()[:65536] if settings else b""
    except OSError:
        head = b""
    found = _LANGUAGE_LINE.search(head)
    return found.group(1).decode() if found else "nb"


def text(value: Any) -> str:
    """Pick the command line's language from a ``{nb: …, nn: …}`` entry."""
    from utvikling import texts

    return texts.localized(value, language())


def word(key: str, **params: Any) -> str:
    """One of the framework's words (``words`` in ``data/cli.yaml``), filled in."""
    from utvikling import texts

    return texts.fill(text(_data()["words"][key]), params)


def metavar(name: str) -> str:
    """What the help calls a value (``KIND`` is «TYPE»)."""
    return _metavar(name)


def _metavar(name: str) -> str:
    table = _data()["metavar"]
    return text(table[name]) if name in table else name


def _param_metavar(param: Any) -> str:
    if isinstance(param, TyperArgument):
        name = param.metavar or (param.name or "").upper()
        shown = _metavar(name)
        if param.nargs != 1:
            shown += "..."
        return shown if param.required else f"[{shown}]"
    if param.metavar:
        return _metavar(param.metavar)
    return _metavar(_kind(param))


def _kind(param: Any) -> str:
    """What a parameter's value is: INTEGER, PATH_TYPE or TEXT."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", str)
    name = getattr(annotation, "__name__", str(annotation))
    if "int" in name:
        return "INTEGER"
    if "Path" in name or "Path" in str(annotation):
        return "PATH_TYPE"
    return "TEXT"


def _names(param: Any) -> str:
    names = ", ".join(param.opts)
    if param.secondary_opts:
        names += " / " + ", ".join(param.secondary_opts)
    if not param.is_flag and not getattr(param, "count", False):
        names += " " + _param_metavar(param)
    return names


def _help_of(param: Any) -> str:
    parts = [param.help or ""]
    default = param.default
    shown = not param.is_flag if isinstance(param, TyperOption) else True
    plain = isinstance(default, (int, str)) and not isinstance(default, bool)
    if shown and plain and default != "":
        parts.append(f"[{word('default', value=default)}]")
    if param.required:
        parts.append(f"[{word('required')}]")
    return " ".join(p for p in parts if p)


def format_help(command: Any, ctx: Any, formatter: Any) -> None:
    """A command's or group's help page, every word from ``data/cli.yaml``."""
    arguments = [p for p in command.get_params(ctx) if isinstance(p, TyperArgument)]
    options = [p for p in command.get_params(ctx) if isinstance(p, TyperOption) and not p.hidden]
    pieces = [word("options_piece"), *(_param_metavar(a) for a in arguments)]
    if isinstance(command, TyperGroup):
        pieces.append(word("command_piece"))
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=word("usage") + " ")
    command.format_help_text(ctx, formatter)
    if arguments:
        with formatter.section(word("arguments")):
            formatter.write_dl([(_param_metavar(a), a.help or "") for a in arguments])
    if options:
        with formatter.section(word("options")):
            formatter.write_dl([(_names(o), _help_of(o)) for o in options])
    if isinstance(command, NorskGroup):
        rows = []
        for name in command.list_commands(ctx):
            short = command.short_help_of(ctx, name)
            if short is not None:
                rows.append((name, short))
        if rows:
            with formatter.section(word("commands")):
                formatter.write_dl(rows)
    command.format_epilog(ctx, formatter)


class _Flag:
    """Reads an on/off flag without Typer's Pydantic-based conversion (so --help stays light)."""

    def coerce(self, value: Any, **_: Any) -> bool:
        return bool(value)


def _light(params: list[Any]) -> list[Any]:
    """Give every plain flag the light conversion: a flag is on or off, nothing to validate."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        plain = descriptor is not None and descriptor.annotation is bool
        if plain and getattr(param, "is_flag", False) and param._runtime_param is None:
            param._runtime_param = _Flag()
    return params


class NorskCommand(TyperCommand):
    """A command whose help page and help option speak Norwegian."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _light(super().get_params(ctx))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        format_help(self, ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = word("help_option")
        return option


class NorskGroup(TyperGroup):
    """A group of commands (``plan``, ``minutes``, ``templates``) in Norwegian."""

    entry: dict[str, Any] = {}  # noqa: RUF012  (set per instance by _localize)

    def get_params(self, ctx: Any) -> list[Any]:
        return _light(super().get_params(ctx))

    def all_names(self, ctx: Any) -> list[str]:
        """Every name a command answers to, the hidden ones too (for suggestions)."""
        return list(self.list_commands(ctx))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        format_help(self, ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = word("help_option")
        return option

    def short_help_of(self, ctx: Any, name: str) -> str | None:
        """The one line the list shows for ``name`` (None for a hidden command)."""
        entry = self.entry.get("commands", {}).get(name)
        if entry is not None:
            return text(entry["short"])
        command = self.get_command(ctx, name)
        if command is None or command.hidden:
            return None
        return command.get_short_help_str(limit=80)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        command = self.get_command(ctx, name)
        if command is None and not ctx.resilient_parsing:
            if name.startswith("-"):
                self.parse_args(ctx, args)
            message = word("no_such_command", name=name)
            near = suggest(name, self.all_names(ctx))
            if near:
                message += " " + word("did_you_mean", near=near)
            raise click_errors.UsageError(message, ctx)
        return (name if command else None), command, args[1:]


def _fold(value: str) -> str:
    return value.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")


def suggest(name: str, candidates: Sequence[str]) -> str | None:
    """The candidate nearest ``name``, also when æøå were written as ae, o and a."""
    folded = {_fold(c): c for c in candidates}
    near = difflib.get_close_matches(_fold(name), list(folded), n=1, cutoff=0.6)
    return folded[near[0]] if near else None


def _localize(command: Any, entry: dict[str, Any]) -> Any:
    """Give a built command (and its subcommands) the help texts of its ``cli.yaml`` entry."""
    shared = _data()["params"]
    if entry.get("help"):
        command.help = text(entry["help"])
    if entry.get("short"):
        command.short_help = text(entry["short"])
    command.epilog = text(_data()["app"]["epilog"])
    own = entry.get("params", {})
    for param in command.params:
        found = own.get(param.name) or shared.get(param.name)
        if found is not None:
            param.help = text(found)
    if isinstance(command, TyperGroup):
        command.__class__ = NorskGroup
        command.entry = entry  # type: ignore[attr-defined]
        for name, sub in command.commands.items():
            _localize(sub, entry.get("commands", {}).get(name, {}))
    else:
        command.__class__ = NorskCommand
    return command


def _build(name: str, entry: dict[str, Any]) -> Any:
    if "group" in entry:
        group = typer.main.get_group(import_module(entry["group"]).app)
        group.name = name
        return _localize(group, entry)
    function = getattr(import_module(entry["module"]), entry["function"])
    single = typer.Typer(add_completion=False)
    single.command(name, cls=NorskCommand)(function)
    return _localize(typer.main.get_command(single), entry)


def _reason(error: Any) -> str:
    """The Norwegian reason for a value the framework's own types refused."""
    param = error.param
    quoted = re.search(r"'([^']*)'", error.message or "")
    value = quoted.group(1) if quoted else ""
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        return word("range", low=low, high=high)
    kind = _kind(param) if param is not None else "TEXT"
    if kind == "INTEGER":
        return word("whole")
    if kind == "PATH_TYPE":
        return word("no_path", value=value)
    return word("not_usable", value=value)


def _param_name(param: Any) -> str:
    if param is None:
        return ""
    if isinstance(param, TyperArgument):
        return _metavar(param.metavar or (param.name or "").upper())
    return str(param.opts[0])


def message_of(error: Exception) -> str:
    """The Norwegian message for a usage error the framework raised."""
    if isinstance(error, click_errors.NoSuchOption):
        message = word("no_such_option", name=error.option_name)
        if error.possibilities:
            near = suggest(error.option_name, list(error.possibilities)) or min(error.possibilities)
            message += " " + word("did_you_mean", near=near)
        return message
    if isinstance(error, click_errors.BadOptionUsage):
        return word("needs_value", name=error.option_name)
    if isinstance(error, click_errors.MissingParameter):
        name = _param_name(error.param)
        key = "missing_argument" if isinstance(error.param, TyperArgument) else "missing_option"
        return word(key, name=name)
    if isinstance(error, click_errors.BadParameter):
        reason = error.message if getattr(error, "norsk", False) else _reason(error)
        name = _param_name(error.param) or str(error.param_hint or "")
        return (
            word("invalid_value", name=name, reason=reason)
            if name
            else word("invalid", reason=reason)
        )
    message = str(getattr(error, "message", error))
    extra = re.match(r"Got unexpected extra argument\(s\) \((.*)\)$", message)
    if extra:
        return word("extra_arguments", args=extra.group(1))
    return message


def bad_parameter(message: str) -> click_errors.BadParameter:
    """A BadParameter whose message is already ours, in Norwegian."""
    error = click_errors.BadParameter(message)
    error.norsk = True  # type: ignore[attr-defined]
    return error


def show_error(error: Exception) -> None:
    """Print a usage error the way Click would, in Norwegian, on stderr."""
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        command = ctx.command
        arguments = [p for p in command.get_params(ctx) if isinstance(p, TyperArgument)]
        pieces = [word("options_piece"), *(_param_metavar(a) for a in arguments)]
        if isinstance(command, TyperGroup):
            pieces.append(word("command_piece"))
        typer.echo(f"{word('usage')} {ctx.command_path} {' '.join(pieces)}", err=True)
        typer.echo(word("try_help", command=ctx.command_path), err=True)
        typer.echo("", err=True)
    typer.echo(f"{word('error')}: {message_of(error)}", err=True)


class LazyGroup(NorskGroup):
    """The root command: knows every command from ``data/cli.yaml``, imports one when used."""

    def _table(self) -> dict[str, dict[str, Any]]:
        table: dict[str, dict[str, Any]] = dict(_data()["commands"])
        return table

    def list_commands(self, ctx: Any) -> list[str]:
        table = self._table()
        listed = [
            n for n, e in table.items() if "module" in e or "group" in e or n in self.commands
        ]
        return listed + [name for name in self.commands if name not in listed]

    def all_names(self, ctx: Any) -> list[str]:
        hidden = [alias for entry in self._table().values() for alias in entry.get("hidden", [])]
        return self.list_commands(ctx) + hidden

    def short_help_of(self, ctx: Any, name: str) -> str | None:
        entry = self._table().get(name)
        if entry is not None:
            return text(entry["short"])
        return super().short_help_of(ctx, name)

    def get_command(self, ctx: Any, name: str) -> Any:
        if name in self.commands:
            command = self.commands[name]
            if not getattr(command, "localized", False):  # registered with app.command(...)
                _localize(command, self._table().get(name, {}))
                command.localized = True  # type: ignore[attr-defined]
            return command
        table = self._table()
        for listed, entry in table.items():
            if "module" not in entry and "group" not in entry:
                continue  # only words for a command registered in cli/__init__.py
            if name == listed or name in entry.get("hidden", []):
                command = _build(listed, entry)
                command.localized = True
                if name != listed:
                    command.hidden = True
                self.commands[name] = command
                return command
        return None

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        language.cache_clear()  # decided afresh for each run (tests run many in one process)
        self.help = text(_data()["app"]["help"])
        self.epilog = text(_data()["app"]["epilog"])
        shared = _data()["params"]
        for param in self.params:
            if param.name == "version":
                param.help = text(_data()["app"]["version"])  # type: ignore[attr-defined]
            elif param.name in shared:
                param.help = text(shared[param.name])  # type: ignore[attr-defined]
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.NoArgsIsHelpError as error:
            if not standalone_mode:
                raise
            typer.echo(error.format_message())
            sys.exit(error.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo(word("aborted"), err=True)
            sys.exit(1)
        except click_errors.ClickException as error:
            if not standalone_mode:
                raise
            show_error(error)
            sys.exit(error.exit_code)
        if not standalone_mode:
            return result
        _exit(result)


def _exit(result: Any) -> NoReturn:
    sys.exit(result if isinstance(result, int) and not isinstance(result, bool) else 0)


__all__ = ["LazyGroup", "NorskCommand", "bad_parameter", "find_settings", "language", "word"]

_ = _click  # the bundled Click, imported so a missing one fails here and not mid-command
