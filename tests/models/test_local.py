"""The transformers backend on a tiny random model: templates, greedy determinism, streaming, stop."""

import pytest

from medrails.errors import ModelLoadError
from medrails.models import GenerationParams, load_chat_model
from medrails.models.local import TransformersChatModel

MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "What is asthma?"}]


@pytest.fixture(scope="module")
def tiny(tiny_model_dir):
    return load_chat_model(str(tiny_model_dir))


def test_uses_the_models_own_chat_template(tiny):
    prompt = tiny.tokenizer.decode(tiny.encode(MESSAGES)["input_ids"][0])
    assert prompt.startswith("<|im_start|>system\nBe brief.<|im_end|>")
    assert prompt.endswith("<|im_start|>assistant\n")


def test_greedy_generation_is_deterministic_and_stream_matches(tiny):
    params = GenerationParams(max_new_tokens=12)
    first = tiny.generate(MESSAGES, params)
    assert first == tiny.generate(MESSAGES, params)
    assert "".join(tiny.stream(MESSAGES, params)) == first


def test_seeded_sampling_is_reproducible(tiny):
    params = GenerationParams(max_new_tokens=12, temperature=1.0, seed=7)
    assert tiny.generate(MESSAGES, params) == tiny.generate(MESSAGES, params)


def test_stop_strings_cut_the_output(tiny):
    full = tiny.generate(MESSAGES, GenerationParams(max_new_tokens=20))
    assert len(full) >= 4, "the tiny model should emit 20 tokens of text"
    stop = full[2:4]
    cut = tiny.generate(MESSAGES, GenerationParams(max_new_tokens=20, stop=(stop,)))
    assert cut == full[: full.find(stop)]
    assert "".join(tiny.stream(MESSAGES, GenerationParams(max_new_tokens=20, stop=(stop,)))) == cut


def test_same_spec_is_loaded_once(tiny, tiny_model_dir):
    assert load_chat_model(str(tiny_model_dir)) is tiny


def test_tokenizer_without_chat_template_is_refused(tiny):
    tokenizer = tiny.tokenizer.__class__.from_pretrained(str(tiny.source))
    tokenizer.chat_template = None
    with pytest.raises(ModelLoadError, match="no chat template"):
        TransformersChatModel(tiny.model, tokenizer, "x")


@pytest.mark.parametrize("kwargs", [{"max_new_tokens": 0}, {"temperature": 3.0}, {"top_p": 0.0}])
def test_generation_params_are_validated(kwargs):
    with pytest.raises(ValueError):
        GenerationParams(**kwargs)
