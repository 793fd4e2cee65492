"""Server settings (YAML: configs/serve/default.yaml; `medrails serve --config F --set key=value`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from medrails.config.loader import StrictModel
from medrails.settings import AskSettings


class UpstreamSettings(StrictModel):
    connect_timeout_s: float = Field(default=5.0, gt=0, description="Seconds to connect to an OpenAI-compatible upstream")
    read_timeout_s: float = Field(default=60.0, gt=0, description="Seconds to wait for upstream bytes before giving up")
    max_retries: int = Field(default=1, ge=0, le=5, description="Retries on connect errors, timeouts and 5xx (non-streaming)")
    breaker_failures: int = Field(default=5, ge=1, description="Consecutive upstream failures that open the circuit")
    breaker_reset_s: float = Field(default=30.0, gt=0, description="Seconds the circuit stays open before one trial request")


class RateLimitSettings(StrictModel):
    per_minute: float = Field(default=60.0, gt=0, description="Sustained chat requests per minute per API key")
    burst: int = Field(default=10, ge=1, description="Requests a key may send at once before the per-minute rate applies")


class ServeConfig(StrictModel):
    host: str = Field(default="127.0.0.1", description="Interface to listen on; anything but loopback requires API keys")
    port: int = Field(default=8000, ge=0, le=65535, description="TCP port (0 picks a free one)")
    assistant: AskSettings = Field(default_factory=AskSettings, description="Model, policy, knowledge base and decoding")
    model_id: str = Field(default="medrails", description="Model name clients send in 'model' and see in /v1/models")
    workers: int = Field(default=1, ge=1, le=256, description="Generation threads (1-2 for a CPU model, more for an upstream)")
    cpu_slots: int = Field(default=0, ge=0, description="Workers doing guard/CPU work at once; upstream waits do not count (0 = CPU count)")
    max_queue: int = Field(default=16, ge=1, description="Requests admitted at once (running + waiting); beyond it: 503")
    request_timeout_s: float = Field(default=300.0, gt=0, description="Longest an answer may take: a non-streaming one gets a 504 after it, a stream is stopped with a note")
    max_body_bytes: int = Field(default=65536, ge=1024, description="Largest request body accepted (413 beyond)")
    body_timeout_s: float = Field(default=10.0, gt=0, description="Seconds a client has to send its whole body (408 after)")
    max_connections: int = Field(default=512, ge=1, description="Open connections before uvicorn answers 503")
    history_turns: int = Field(default=6, ge=0, le=50, description="Earlier chat messages passed to the model")
    rate_limit: RateLimitSettings = Field(default_factory=RateLimitSettings, description="Per-key request rate limits")
    upstream: UpstreamSettings = Field(default_factory=UpstreamSettings, description="OpenAI-compatible upstream backend")
    audit_url: str | None = Field(default=None, description="Audit DB URL; null = $MEDRAILS_HOME/audit.db (SQLite WAL)")
    state_url: str | None = Field(
        default=None, description="API keys, kill switch and consents: a SQLite path, sqlite:///path or postgresql://...; "
        "null = $MEDRAILS_STATE_URL, else the audit DB when audit_url is PostgreSQL (replicas share it), "
        "else $MEDRAILS_HOME/serve.db")
    state_db: str | None = Field(default=None, description="Older name for a SQLite state_url (set one of the two)")
    state_cache_s: float | None = Field(
        default=None, ge=0, le=10, description="Seconds a replica reuses a kill-switch/key read from a PostgreSQL "
        "state DB before reading it again (null = 0.5; SQLite state is read every time)")
    require_consent: bool = Field(default=False, description="API clients must send X-Medrails-Consent (the web UI always asks)")
    busy_status: Literal[429, 503] = Field(default=503, description="HTTP status when the generation queue is full")
    ui: bool = Field(default=True, description="Serve the web UI at /")

    @model_validator(mode="after")
    def _one_state_location(self) -> ServeConfig:
        if self.state_url and self.state_db:
            raise ValueError("set state_url or state_db, not both (state_db is the older name for a SQLite file)")
        return self
