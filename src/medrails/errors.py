"""Errors a user can act on. The CLI prints them as one line and exits 2."""


class MedrailsError(Exception):
    """A problem the user can fix: the message says what is wrong and what to do."""


class ConfigError(MedrailsError):
    """One or more configuration problems, each with its file and dotted path."""

    def __init__(self, problems: list[str], source: str = "<config>"):
        self.problems = problems
        self.source = source
        lines = "\n".join(f"  {source}: {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in {source}:\n{lines}")


class ModelLoadError(MedrailsError):
    """A model spec that cannot be resolved or loaded."""


class BackendError(MedrailsError):
    """A generation backend (local or remote) failed."""
