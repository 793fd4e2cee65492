"""Layout and encoder-state features of the PHI tagger (guard/phi_tagger_layout.py, guard/phi_tagger_states.py)."""

from __future__ import annotations

import numpy as np

from medrails.guard.phi_tagger import tokens
from medrails.guard.phi_tagger_layout import layout_features
from medrails.guard.phi_tagger_states import Projection, fit_projection, pieces, token_states


def _features_of(text: str) -> dict[str, list[str]]:
    spans = tokens(text)
    return {text[a:b]: f for (a, b), f in zip(spans, layout_features(text, spans), strict=True)}


def test_a_delimited_table_gives_each_value_its_column_header():
    text = "slot,surname,given,born,card\n09:40,Okonkwo,Adaeze,1981-02-11,7731-220\n"
    feats = _features_of(text)
    assert "col=surname" in feats["Okonkwo"] and "col=given" in feats["Adaeze"] and "col=card" in feats["7731"]


def test_prose_with_commas_is_no_table():
    text = "She takes aspirin, metformin, lisinopril, and atorvastatin daily.\nNo changes, no new symptoms, no falls, fine."
    assert not any(f.startswith("col=") for fs in _features_of(text).values() for f in fs)


def test_hl7_fields_and_json_keys_name_the_value():
    text = 'PID|||A-7781^^^^MR||QUISPE^ROSA||19700102|F\n{"town": "Tarapoto", "zip": "22201"}'
    feats = _features_of(text)
    assert "hl7=PID.5" in feats["QUISPE"] and "key=town" in feats["Tarapoto"] and "key=zip" in feats["22201"]


def test_spaced_letters_and_spoken_numbers_are_runs():
    feats = _features_of("Name: B O R I S\ncall me on oh seven seven one two")
    assert "spaced" in feats["B"] and "spacedlen=5" in feats["S"]
    assert "numrun" in feats["seven"] and "numrunlen=5" in feats["two"]
    assert "numrun" not in _features_of("took one or two tablets")["two"]


def test_long_text_is_read_in_pieces_that_cover_it_once():
    text = "\n".join(f"line {k} of a long discharge letter with some words in it" for k in range(60))
    cuts = pieces(text)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text) and len(cuts) > 1
    assert all(b == c for (_, b), (c, _) in zip(cuts, cuts[1:], strict=False))
    assert pieces("short message") == [(0, 13)]


def test_projection_round_trips_and_whitens(tmp_path):
    rng = np.random.default_rng(1)
    data = [rng.normal(size=(200, 384)).astype(np.float32) * np.linspace(3, 0.1, 384)]
    proj = fit_projection(data, dims=8)
    out = proj(data[0])
    assert out.shape == (200, 8) and np.allclose(out.std(0), 1.0, atol=0.15)
    proj.save(tmp_path / "p.npz")
    again = Projection.load(tmp_path / "p.npz")
    assert np.allclose(again(data[0]), out)


def test_encoder_states_reach_every_token_of_a_short_message():
    text = "Dr Aiyana Whitehorse saw him at Kamloops clinic on 3/4"
    spans = tokens(text)
    states = token_states(text, spans)
    assert states.shape == (len(spans), 384) and (np.abs(states).sum(1) > 0).all()
