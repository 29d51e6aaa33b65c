"""Make the page images in ``docs/pages/``: page one of every document of the example set.

Run from the top of the project (``python tools/docs_pages.py``). It renders the bundled example
(Fjordvik kommune; the 2026 conversation) with ``utvikling render --all`` into a temporary copy,
then draws page one of each document as the PDF shows it (Typst's own PNG output of the same
source, so no other program is needed), and, for the internal preparation pack, page two too,
where the marking in the header is what shows that every page carries it. The images are
what the real output looks like; remake them when the templates or the house style change.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "pages"
TODAY = "2026-11-23"
PAGES = {
    "avtale-2024-03-01": (1, 4),
    "samtale-2026-09-15-forberedelse-intern": (1, 2),
    "samtale-2026-09-15-saksliste": (1,),
    "referat-2026-09-15": (1,),
    "referat-2026-09-15-intern": (1,),
}


def main() -> int:
    """Render the example set and write the page images."""
    import datetime as dt

    from typer.testing import CliRunner

    from utvikling.cli import app
    from utvikling.render.documents import readable
    from utvikling.render.export import Metadata, house_style, page_images, split_document

    with tempfile.TemporaryDirectory(prefix="utvikling-docs-") as folder:
        root = Path(folder) / "fjordvik-kommune"
        shutil.copytree(ROOT / "examples" / "fjordvik-kommune", root)
        shutil.rmtree(root / "conversations" / "2025-09-16")
        result = CliRunner().invoke(app, ["render", "--path", str(root), "--all", "--today", TODAY])
        if result.exit_code != 0:
            print(result.output, file=sys.stderr)
            return 1
        TARGET.mkdir(parents=True, exist_ok=True)
        style = house_style()
        for stem, pages in PAGES.items():
            text = (root / "dokumenter" / f"{stem}.md").read_text(encoding="utf-8")
            header, title, _ = split_document(text)
            marking = ""
            if stem.endswith("-intern"):
                from utvikling.actions.documents import internal_marking

                marking = internal_marking("nb")
            meta = Metadata(
                title,
                "Fjordvik kommune",
                "nb",
                dt.date(2026, 11, 23),
                readable(header, "nb"),
                marking=marking,
            )
            images = page_images(text, meta, style, ppi=70)
            for number in pages:
                path = TARGET / f"{stem}-side-{number}.png"
                path.write_bytes(images[number - 1])
                print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
