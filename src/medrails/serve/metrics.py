"""Prometheus metrics, one registry per app (so tests can run several apps in one process)."""

from __future__ import annotations

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
)

disable_created_metrics()  # the *_created series only add noise to dashboards

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter("medrails_requests", "Guarded chat requests by decision and category",
                                ["decision", "category"], registry=r)
        self.http = Counter("medrails_http_responses", "HTTP responses by route and status", ["route", "status"],
                            registry=r)
        self.request_latency = Histogram("medrails_request_latency_seconds", "Chat request latency",
                                         ["stream"], buckets=LATENCY_BUCKETS, registry=r)
        self.stage_latency = Histogram("medrails_stage_latency_seconds", "Guard stage latency", ["stage"],
                                       buckets=LATENCY_BUCKETS, registry=r)
        self.tokens = Counter("medrails_generated_tokens", "Completion tokens sent to clients", registry=r)
        self.tokens_per_second = Histogram("medrails_tokens_per_second", "Completion tokens per second per request",
                                           buckets=(1, 2, 5, 10, 15, 20, 30, 50, 100, 200, 500, 1000), registry=r)
        self.queue_depth = Gauge("medrails_queue_depth", "Admitted requests waiting for a generation worker",
                                 registry=r)
        self.in_flight = Gauge("medrails_in_flight", "Admitted requests (running + waiting)", registry=r)
        self.rejected = Counter("medrails_rejected", "Requests turned away before the guard", ["reason"], registry=r)
        self.kill_switch = Gauge("medrails_kill_switch", "1 while the kill switch is engaged", registry=r)
        self.circuit_open = Gauge("medrails_upstream_circuit_open", "1 while the upstream circuit breaker is open",
                                  registry=r)

    def observe_verdict(self, verdict, seconds: float, stream: bool, completion_tokens: int) -> None:
        self.requests.labels(verdict.decision, verdict.category or "none").inc()
        self.request_latency.labels("true" if stream else "false").observe(seconds)
        for stage in verdict.stages:
            self.stage_latency.labels(stage.name).observe(stage.ms / 1000.0)
        self.tokens.inc(completion_tokens)
        if verdict.model_called and seconds > 0 and completion_tokens:
            self.tokens_per_second.observe(completion_tokens / seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)
