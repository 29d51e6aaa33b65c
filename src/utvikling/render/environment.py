"""The Jinja environment and its filters: the only module that builds one.

Templates are files on a search path (``--templates``, then a records repository's own
``templates/``, the built-in ones last). Jinja runs with ``StrictUndefined``, so a missing value
is an error, not an empty string; record values are passed as data and never rendered as
templates.

The trust boundary: a template can shape a document, never run code or read files. Jinja runs
sandboxed (``ImmutableSandboxedEnvironment``: no private attributes, no Python internals, no
changing the data), and on top of that a template reaches only the fields of the records, plain
values and the functions we give it: no methods of the models, no paths, modules or classes. A
template is read only from a regular file inside the folder it was found in (a link pointing out
of it is refused). For documents, every value a template prints is escaped for Markdown where it
enters the text (``finalize``, see :mod:`utvikling.render.markup`); a template's own text, its
string literals included, stays Markdown.
"""

from __future__ import annotations

import io
import os
import stat
import types
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from utvikling.render.markup import Safe, escape, oneline
from utvikling.yamlsafe import scalar as yaml_scalar

MAX_TEMPLATE_BYTES = 1_000_000


def _builtin_templates() -> Path:
    """The built-in templates: inside the installed package, or at the top of a checkout.

    The project keeps them in ``templates/`` beside ``src/``; the wheel carries them as
    ``utvikling/templates`` (force-included), so both are found the same way.
    """
    package = Path(__file__).resolve().parent.parent
    installed = package / "templates"
    return installed if installed.is_dir() else package.parent.parent / "templates"


BUILTIN_TEMPLATES = _builtin_templates()


def upfirst(value: Any) -> str:
    """Capitalise the first letter only (Jinja's ``capitalize`` lowercases the rest)."""
    text = value if isinstance(value, Safe) else escape(value)
    return Safe(text[:1].upper() + text[1:])


def orgnr(value: Any) -> str:
    """Write an organisation number in groups of three: 999 123 457."""
    digits = str(value).replace(" ", "")
    return escape(" ".join(digits[i : i + 3] for i in range(0, len(digits), 3)))


class _Loader(jinja2.FileSystemLoader):
    """Templates from regular files inside their folder: no link out of it, no FIFO or device."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            candidate = Path(folder, *pieces)
            try:
                real = candidate.resolve(strict=True)
                inside = real.is_relative_to(Path(folder).resolve(strict=True))
                mode = real.stat().st_mode
            except PermissionError as exc:
                # There may be a template here that cannot be read: say so, naming the
                # template, rather than falling through to another folder or calling it missing.
                raise PermissionError(exc.errno, exc.strerror, str(candidate)) from None
            except (OSError, RuntimeError):
                continue
            if not inside:
                raise SecurityError(f"{template} points outside its template folder")
            if not stat.S_ISREG(mode):
                continue  # a FIFO or device is never opened (and not listed as an override)
            with real.open("rb") as handle:
                raw = handle.read(MAX_TEMPLATE_BYTES + 1)
            if len(raw) > MAX_TEMPLATE_BYTES:
                raise SecurityError(f"{template} is larger than {MAX_TEMPLATE_BYTES} bytes")
            mtime = real.stat().st_mtime

            def uptodate(real: Path = real, mtime: float = mtime) -> bool:
                try:
                    return real.stat().st_mtime == mtime
                except OSError:
                    return False

            return raw.decode(self.encoding), str(candidate), uptodate
        raise jinja2.TemplateNotFound(template)


_FORBIDDEN_OBJECTS = (os.PathLike, io.IOBase, types.ModuleType, type)
"""Nothing of these is reachable from a template: paths and files (reading), modules and
classes (the way to Python's internals)."""


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, narrowed to the data documents are made of."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, _FORBIDDEN_OBJECTS) or isinstance(value, _FORBIDDEN_OBJECTS):
            return False
        from pydantic import BaseModel

        if isinstance(obj, BaseModel):
            return attr in type(obj).model_fields  # fields only: no methods, no parse_file
        return True

    def is_safe_callable(self, obj: Any) -> bool:
        return super().is_safe_callable(obj) and not isinstance(obj, os.PathLike)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # Formatting safe text would leave the values formatted into it unescaped; format a
        # plain copy instead, which is then escaped as a whole where it is printed.
        if isinstance(getattr(value, "__self__", None), Safe):
            value = getattr(str(value.__self__), value.__name__)
        return super().wrap_str_format(value)


class _MarkdownCode(CodeGenerator):
    """Compiles templates so that their own text is safe and values are escaped.

    A string literal in a template is the template's own Markdown (``"**[MANGLER]**"``), so it
    becomes :class:`Safe`; ``~`` joins with escaping; and no output is folded at compile time,
    so every printed expression goes through ``finalize`` (:func:`escape`) when it runs.
    """

    def visit_Const(self, node: nodes.Const, frame: Frame) -> None:
        value = node.as_const(frame.eval_ctx)
        if isinstance(value, str):
            self.write(f"environment.safe({value!r})")
        else:
            super().visit_Const(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def _output_child_to_const(self, node: nodes.Expr, frame: Frame, finalize: Any) -> str:
        if isinstance(node, nodes.TemplateData):
            return str(node.as_const(frame.eval_ctx))
        raise nodes.Impossible()


def concat(parts: Iterable[Any]) -> str:
    """Jinja's ``~``: safe when any part is (the others escaped), plain text otherwise."""
    items = list(parts)
    if any(isinstance(p, Safe) for p in items):
        return Safe("").join(items)
    return "".join(str(p) for p in items)


class _DocumentSandbox(_Sandbox):
    code_generator_class = _MarkdownCode
    safe = staticmethod(Safe)
    concat = staticmethod(concat)


@jinja2.pass_environment
def _join(
    environment: jinja2.Environment, value: Iterable[Any], d: str = "", attribute: Any = None
) -> str:
    """Jinja's ``join``, escaping each item (safe items stay as they are)."""
    if attribute is not None:
        value = map(jinja2.filters.make_attrgetter(environment, attribute), value)
    return escape(d).join(value)


def _replace(value: Any, old: str, new: str, count: int | None = None) -> str:
    """Jinja's ``replace``, keeping safe text safe (``new`` is escaped unless it is safe)."""
    text = value if isinstance(value, Safe) else str(value)
    return text.replace(str(old), new, -1 if count is None else count)


def make_environment(
    search_path: Sequence[Path] = (), *, markdown: bool = True
) -> jinja2.Environment:
    """Return the sandboxed Jinja environment over ``search_path`` and the built-in templates.

    With ``markdown`` (documents) every printed value is escaped for Markdown; without it
    (record skeletons, YAML) values go in through the ``yaml`` filter.
    """
    sandbox = _DocumentSandbox if markdown else _Sandbox
    environment = sandbox(
        loader=_Loader([*search_path, BUILTIN_TEMPLATES]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=escape if markdown else None,
    )
    environment.filters["yaml"] = yaml_scalar
    if markdown:
        environment.filters.update(
            upfirst=upfirst,
            orgnr=orgnr,
            oneline=oneline,
            cell=oneline,
            join=_join,
            replace=_replace,
        )
    else:
        environment.filters.update(
            upfirst=lambda v: str(v)[:1].upper() + str(v)[1:],
            oneline=lambda v: " ".join(str(v).split()),
        )
    return environment


class _HtmlCode(CodeGenerator):
    """Compiles HTML page templates: autoescaping cannot be switched off inside a template."""

    def visit_EvalContextModifier(self, node: nodes.EvalContextModifier, frame: Frame) -> None:
        raise SecurityError("a page template may not change autoescaping")

    def visit_ScopedEvalContextModifier(
        self, node: nodes.ScopedEvalContextModifier, frame: Frame
    ) -> None:
        raise SecurityError("a page template may not change autoescaping")


class _HtmlSandbox(_Sandbox):
    code_generator_class = _HtmlCode


def make_html_environment(search_path: Sequence[Path] = ()) -> jinja2.Environment:
    """Return the sandboxed environment for HTML pages (the public site).

    Every value a template prints is HTML-escaped (Jinja's autoescape, which a template cannot
    switch off), and no filter can turn record text into markup: ``safe`` and ``urlize`` are
    not there. A template's own text is the page's HTML.
    """
    environment = _HtmlSandbox(
        loader=_Loader([*search_path, BUILTIN_TEMPLATES]),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    for name in ("safe", "urlize"):
        del environment.filters[name]
    environment.filters.update(
        upfirst=lambda v: str(v)[:1].upper() + str(v)[1:],
        oneline=lambda v: " ".join(str(v).split()),
    )
    return environment


def render_skeleton(name: str, context: dict[str, Any]) -> str:
    """Render a built-in record skeleton (``templates/records/…``) for a new file."""
    text = make_environment(markdown=False).get_template(f"records/{name}").render(**context)
    return "".join(line.rstrip() + "\n" for line in text.splitlines())
