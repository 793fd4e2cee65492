"""A tiny random-weight chat model of the embedded model's family, built in seconds, for tests.

Same architecture (Llama), same ChatML template, a small byte-level BPE tokenizer trained in
process on a few sentences: plumbing tests (loading, templates, streaming, training loops,
export) run without the real model and without any hub.
"""

from __future__ import annotations

from pathlib import Path

CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)

_CORPUS = [
    "High blood pressure is a common condition in which blood pushes too hard on artery walls.",
    "Diabetes affects how the body turns food into energy. Insulin helps glucose enter cells.",
    "This information is for educational purposes. Always consult a qualified healthcare provider.",
    "Call 911 if you have chest pain, trouble breathing or signs of a stroke.",
    "I can't help with personal dosing. Please talk to your doctor or pharmacist.",
    "Statins lower cholesterol. Beta blockers slow the heart rate. ACE inhibitors relax vessels.",
    "What is asthma? What are the warning signs of a heart attack? How do vaccines work?",
]


def build_tiny_tokenizer(vocab_size: int = 512):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    special = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=special, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(_CORPUS * 4, trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<|im_start|>",
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        unk_token="<|endoftext|>",
    )
    fast.chat_template = CHATML_TEMPLATE
    return fast


def build_tiny_model(vocab_size: int = 512, hidden: int = 32, layers: int = 2, seed: int = 0):
    """(model, tokenizer): a Llama with random weights, small enough to train in a second."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    tokenizer = build_tiny_tokenizer(vocab_size)
    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=hidden,
        intermediate_size=hidden * 2,
        num_hidden_layers=layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=512,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=True,
    )
    model = LlamaForCausalLM(config)
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    return model, tokenizer


def save_tiny_model(directory: str | Path, **kwargs) -> Path:
    """Write a tiny model directory loadable by `medrails --model DIR` and transformers."""
    directory = Path(directory)
    model, tokenizer = build_tiny_model(**kwargs)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory
