"""The data recipe: which sources, how to mix, clean, dedupe, add safety data and split."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from medrails.config.loader import StrictModel, load_config
from medrails.errors import ConfigError

SourceFormat = Literal[
    "medqa", "pubmedqa", "medmcqa", "meddialog", "alpaca", "sharegpt", "medquad", "medicationqa", "dpo",
]


class SourceSpec(StrictModel):
    name: str = Field(description="Short source name used in the dataset card and in each record's `source` field")
    format: SourceFormat = Field(description="Reader to use: " + ", ".join(SourceFormat.__args__))
    path: str = Field(
        description="File or directory. Relative paths are tried against the current directory, then the "
        "recipe's folder, then the project root; `shared:SUB/PATH` means the shared public data folder"
    )
    ratio: float | None = Field(default=None, gt=0, le=1, description="Share of the mixed dataset (e.g. 0.3)")
    count: int | None = Field(default=None, gt=0, description="Exact number of examples to take (all if fewer)")
    max_samples: int | None = Field(default=None, gt=0, description="Read at most this many valid examples")
    disclaimer: bool = Field(default=True, description="Append the policy disclaimer to this source's answers")
    system_prompt: str | None = Field(default=None, description="Override the recipe system prompt for this source")

    @model_validator(mode="after")
    def _one_of(self) -> SourceSpec:
        if self.ratio is not None and self.count is not None:
            raise ValueError(f"source {self.name!r}: give ratio or count, not both")
        return self


class CleaningSpec(StrictModel):
    unicode_form: Literal["NFC", "NFKC", "none"] = Field(
        default="NFC", description="Unicode normalization (NFKC also folds ligatures and full-width forms)"
    )
    normalize_units: bool = Field(default=True, description="Insert a space between a number and a unit: 500mg -> 500 mg")
    phi_scrub: bool = Field(default=True, description="Replace PHI with typed placeholders using the guard's PHI component")
    min_prompt_chars: int = Field(default=3, ge=0, description="Drop examples whose prompt is shorter")
    min_answer_chars: int = Field(default=1, ge=0, description="Drop examples whose answer is shorter")
    max_chars: int = Field(default=20000, gt=0, description="Drop examples whose prompt+answer is longer")


class DedupeSpec(StrictModel):
    exact: bool = Field(default=True, description="Drop exact duplicates (after cleaning, case- and space-folded)")
    near: bool = Field(default=True, description="Drop near-duplicate questions with MinHash LSH (datasketch)")
    threshold: float = Field(default=0.85, gt=0, le=1, description="Estimated Jaccard similarity treated as a duplicate")
    num_perm: int = Field(default=128, ge=16, le=512, description="MinHash permutations (more = slower, more exact)")
    shingle: int = Field(default=3, ge=1, le=10, description="Word n-gram size for MinHash shingles")


class SafetySpec(StrictModel):
    disclaimers: bool = Field(default=True, description="Append the policy disclaimer to answers (sources can opt out)")
    refusal_examples: int = Field(default=0, ge=0, description="Refusal examples to add (prompts x policy refuse.* texts)")
    emergency_examples: int = Field(default=0, ge=0, description="Emergency examples to add (policy emergency.* texts)")
    dpo_pairs: int = Field(default=0, ge=0, description="Safe-vs-unsafe preference pairs to add for DPO")


class SplitSpec(StrictModel):
    train: float = Field(default=0.8, ge=0, le=1, description="Fraction for train.jsonl")
    val: float = Field(default=0.1, ge=0, le=1, description="Fraction for val.jsonl")
    test: float = Field(default=0.1, ge=0, le=1, description="Fraction for test.jsonl")

    @model_validator(mode="after")
    def _sum(self) -> SplitSpec:
        if abs(self.train + self.val + self.test - 1.0) > 1e-6:
            raise ValueError(f"splits must add up to 1.0 (got {self.train + self.val + self.test:g})")
        return self


class Recipe(StrictModel):
    name: str = Field(description="Dataset name, written into the card")
    output_dir: str = Field(description="Where train/val/test JSONL and the card are written")
    seed: int = Field(default=42, description="Seed for sampling, mixing, augmentation and splits")
    policy: str = Field(default="patient-education", description="Guard policy for disclaimers and safety responses")
    system_prompt: str = Field(
        default="none", description="'none', 'policy' (the policy's system prompt) or a literal system prompt"
    )
    max_samples: int | None = Field(default=None, gt=0, description="Total size of the mixed dataset (before safety data)")
    tokenizer: str | None = Field(
        default=None, description="Model spec whose tokenizer measures token lengths (default: a word-piece estimate)"
    )
    on_bad_line: Literal["skip", "error"] = Field(default="skip", description="Skip and count bad lines, or stop")
    sources: list[SourceSpec] = Field(min_length=1, description="The input sources")
    cleaning: CleaningSpec = Field(default_factory=CleaningSpec, description="Cleaning steps")
    dedupe: DedupeSpec = Field(default_factory=DedupeSpec, description="Duplicate removal (across all splits)")
    safety: SafetySpec = Field(default_factory=SafetySpec, description="Disclaimers and safety augmentation")
    splits: SplitSpec = Field(default_factory=SplitSpec, description="Split fractions")

    @model_validator(mode="after")
    def _names(self) -> Recipe:
        names = [s.name for s in self.sources]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"source names must be unique: {', '.join(dupes)}")
        ratios = [s.ratio for s in self.sources if s.ratio is not None]
        if ratios and sum(ratios) > 1.0 + 1e-6:
            raise ValueError(f"source ratios add up to {sum(ratios):g}; they must not exceed 1.0")
        return self


def load_recipe(path: str | Path, overrides: list[str] | None = None) -> Recipe:
    return load_config(Recipe, path, overrides)


def resolve_source_path(raw: str, recipe_path: Path | None) -> Path:
    """Find a source path; the error lists every place that was tried."""
    from medrails.paths import project_root, shared_data_dir

    if raw.startswith("shared:"):
        candidate = shared_data_dir() / raw[len("shared:"):]
        if candidate.exists():
            return candidate
        raise ConfigError([f"source path {raw!r} not found at {candidate} (set MEDRAILS_DATA to the shared data folder)"])
    path = Path(raw).expanduser()
    tried = [path if path.is_absolute() else Path.cwd() / path]
    if not path.is_absolute():
        if recipe_path is not None:
            tried.append(recipe_path.resolve().parent / path)
        root = project_root()
        if root is not None:
            tried.append(root / path)
    for candidate in tried:
        if candidate.exists():
            return candidate.resolve()
    raise ConfigError([f"source file not found: {raw!r} (tried {', '.join(str(t) for t in tried)})"])
