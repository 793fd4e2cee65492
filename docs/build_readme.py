"""Assemble README.md from docs/readme/*.md (one section per verb, in workflow order).

    python docs/build_readme.py
"""

from pathlib import Path

ORDER = ["_header", "ask", "doctor", "guard", "phi", "redteam", "kb", "data", "train", "export", "eval",
         "serve", "audit", "benchmarks"]

here = Path(__file__).resolve().parent / "readme"
sections = {p.stem: p.read_text(encoding="utf-8").strip() for p in here.glob("*.md")}
ordered = [sections.pop(name) for name in ORDER if name in sections] + [sections[k] for k in sorted(sections)]
(here.parent.parent / "README.md").write_text("\n\n".join(ordered) + "\n", encoding="utf-8")
print(f"README.md: {len(ordered)} sections")
