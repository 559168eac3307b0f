"""Which of the package's modules run as compiled code, and which compiled modules are
older than their Python source (an edited checkout that was not rebuilt)."""

from __future__ import annotations

import importlib.machinery
import sys
from pathlib import Path

_HERE = Path(__file__).parent


def compiled_modules() -> list[str]:
    """Names of the loaded ``extract`` modules that are compiled extensions; empty when
    the package runs from its Python sources alone."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if name.startswith("extract.") and str(getattr(module, "__file__", "")).endswith(suffixes)
    )


def stale_compiled(folder: Path = _HERE) -> list[str]:
    """Python sources in ``folder`` changed after their compiled module was built, so the
    compiled one (which Python imports first) no longer matches them; empty when none."""
    stale: list[str] = []
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for built in folder.glob(f"*{suffix}"):
            source = folder / (built.name[: -len(suffix)] + ".py")
            if source.exists() and source.stat().st_mtime > built.stat().st_mtime:
                stale.append(source.name)
    return sorted(stale)
