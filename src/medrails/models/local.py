"""Local transformers backend: any causal LM directory, with its own chat template."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from medrails.errors import BackendError, ModelLoadError
from medrails.models.base import GenerationParams, Message


def load_model_and_tokenizer(path: Path, adapter: str | Path | None = None):
    """(model in eval mode, tokenizer) from a local directory, with an optional PEFT adapter on top."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(str(path))
        model = AutoModelForCausalLM.from_pretrained(str(path), dtype=torch.float32)
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"cannot load model from {path}: {exc}") from None
    if adapter is not None:
        from peft import PeftModel

        if not (Path(adapter) / "adapter_config.json").is_file():
            raise ModelLoadError(f"{adapter} is not a PEFT adapter directory (no adapter_config.json)")
        model = PeftModel.from_pretrained(model, str(adapter))
    model.eval()
    return model, tokenizer


class TransformersChatModel:
    """Wraps a transformers model + tokenizer behind the ChatModel interface."""

    generates_locally = True  # its stream can be stopped between tokens (see Assistant.ask's cancel)

    def __init__(self, model, tokenizer, name: str, source: Path | None = None):
        if not getattr(tokenizer, "chat_template", None):
            raise ModelLoadError(
                f"{name}: the tokenizer has no chat template; add one to tokenizer_config.json "
                "(medrails uses the model's own template to format conversations)"
            )
        self.model = model
        self.tokenizer = tokenizer
        self.name = name
        self.source = source
        self._lock = threading.Lock()  # one generate() at a time: torch CPU threads are shared

    @classmethod
    def from_directory(cls, path: Path, name: str | None = None, adapter: Path | None = None) -> TransformersChatModel:
        model, tokenizer = load_model_and_tokenizer(path, adapter)
        return cls(model, tokenizer, name or str(path), source=path)

    def encode(self, messages: list[Message]):
        return self.tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
        )

    def _generate_kwargs(self, params: GenerationParams) -> dict:
        kwargs = {
            "max_new_tokens": params.max_new_tokens,
            "pad_token_id": self.tokenizer.pad_token_id
            if self.tokenizer.pad_token_id is not None
            else self.tokenizer.eos_token_id,
        }
        if params.temperature > 0:
            kwargs.update(do_sample=True, temperature=params.temperature, top_p=params.top_p)
        else:
            kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)
        return kwargs

    def _seed(self, params: GenerationParams) -> None:
        if params.seed is not None:
            import torch

            torch.manual_seed(params.seed)

    def generate(self, messages: list[Message], params: GenerationParams) -> str:
        import torch

        inputs = self.encode(messages)
        with self._lock, torch.inference_mode():
            self._seed(params)
            try:
                out = self.model.generate(**inputs, **self._generate_kwargs(params))
            except RuntimeError as exc:
                raise BackendError(f"generation failed in {self.name}: {exc}") from None
        text = self.tokenizer.decode(out[0][inputs["input_ids"].shape[1] :], skip_special_tokens=True)
        return _apply_stop(text, params.stop)

    def stream(self, messages: list[Message], params: GenerationParams) -> Iterator[str]:
        import torch
        from transformers import TextIteratorStreamer

        inputs = self.encode(messages)
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True, timeout=300)
        errors: list[BaseException] = []
        cancelled = threading.Event()

        def run() -> None:
            from transformers import StoppingCriteria, StoppingCriteriaList

            class _Cancelled(StoppingCriteria):
                def __call__(self, input_ids, scores, **kwargs) -> bool:
                    return cancelled.is_set()

            with self._lock, torch.inference_mode():
                self._seed(params)
                try:
                    self.model.generate(**inputs, streamer=streamer, stopping_criteria=StoppingCriteriaList([_Cancelled()]),
                                        **self._generate_kwargs(params))
                except BaseException as exc:  # surfaced to the consumer below
                    errors.append(exc)
                    streamer.end()

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        try:
            yield from self._release(streamer, params)
        finally:
            cancelled.set()  # consumer stopped early (stop string, client gone): stop generating
            thread.join()
        if errors:
            raise BackendError(f"generation failed in {self.name}: {errors[0]}")

    @staticmethod
    def _release(streamer, params: GenerationParams) -> Iterator[str]:
        # Hold back as many characters as the longest stop string could still need, so text
        # that turns out to start a stop string is never released.
        holdback = max((len(s) for s in params.stop), default=1) - 1
        text, sent = "", 0
        for piece in streamer:
            if not piece:
                continue
            text += piece
            if params.stop and any(s in text for s in params.stop):
                text = _apply_stop(text, params.stop)
                break
            safe_end = len(text) - holdback
            if safe_end > sent:
                yield text[sent:safe_end]
                sent = safe_end
        if len(text) > sent:
            yield text[sent:]

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])


def _apply_stop(text: str, stop: tuple[str, ...]) -> str:
    cut = len(text)
    for s in stop:
        idx = text.find(s)
        if idx != -1:
            cut = min(cut, idx)
    return text[:cut]
