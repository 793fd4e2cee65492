"""Built-in guard stages. Every module in this package registers its stages on import, so a
new stage is one new file here (third parties use the `medrails.guard_stages` entry points)."""

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    if not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}")
