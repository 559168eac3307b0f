from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPUS = ROOT / "corpus" / "yarmouk"

sys.path.insert(0, str(Path(__file__).resolve().parent))
