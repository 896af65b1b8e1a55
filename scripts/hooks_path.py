"""Make `hooks/` importable in the virtual environment, so mkdocs.yml can list the handbook's own Markdown
extensions (`handbook.decoder_markdown`) by module name. MkDocs puts a hook's folder on the path only while it
loads that hook, after it has loaded the Markdown extensions."""
import pathlib
import site

HOOKS = pathlib.Path(__file__).resolve().parent.parent / "hooks"
pathlib.Path(site.getsitepackages()[0], "handbook-hooks.pth").write_text(f"{HOOKS}\n", encoding="utf-8")
