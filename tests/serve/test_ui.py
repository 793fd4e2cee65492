"""The web UI end to end in headless Chromium: consent, streamed answers, cards, review, dashboard, audit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("MEDRAILS_SCREENSHOTS", Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"))


@pytest.fixture(scope="module")
def page(upstream_server):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        # HTTP errors the page shows to the user (e.g. a 400 for a missing reason) are expected; script errors are not
        page.on("console", lambda msg: errors.append(msg.text)
                if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
        # the UI must work offline: any request to another host fails the test
        outside: list[str] = []
        context.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                      if not route.request.url.startswith(upstream_server.url) else route.continue_())
        yield page
        assert not outside, f"UI tried to reach outside the server: {outside}"
        assert not errors, f"browser errors: {errors}"
        browser.close()


def ask(page, question: str):
    page.fill("#question", question)
    page.click("#send")
    page.wait_for_function("document.querySelectorAll('#log > div[data-state=\"done\"]').length >= "
                          "document.querySelectorAll('#log > .msg.user').length", timeout=30000)
    return page.locator("#log > div").last


def test_chat_needs_consent_then_streams_guarded_answers(page, upstream_server):
    page.goto(upstream_server.url + "/")
    modal = page.locator("#consent")
    modal.wait_for(state="visible")
    assert "MEDICAL DISCLAIMER" in page.inner_text("#consent-text")
    assert "call 911" in page.inner_text("#consent-text")
    assert page.is_disabled("#question")
    assert page.is_disabled("#consent-accept")
    page.screenshot(path=str(SHOTS / "01-consent.png"))
    page.check("#consent-check")
    page.click("#consent-accept")
    modal.wait_for(state="hidden")
    assert upstream_server.runtime.audit.recent(limit=1, kind="consent")

    answer = ask(page, "What is high blood pressure?")
    assert answer.get_attribute("data-decision") == "answer"
    assert "High blood pressure means" in answer.inner_text()
    assert "not medical advice" in answer.inner_text()
    assert "Medical disclaimer" in page.inner_text("#banner")

    emergency = ask(page, "I have crushing chest pain right now")
    assert "card emergency" in emergency.get_attribute("class")
    assert "911" in emergency.inner_text()
    refusal = ask(page, "What should my dose of ibuprofen be?")
    assert "card refusal" in refusal.get_attribute("class")
    page.screenshot(path=str(SHOTS / "02-chat.png"), full_page=True)


def test_review_queue_page_approves_and_rejects(page, upstream_server):
    page.goto(upstream_server.url + "/ui/review")
    page.wait_for_selector(".review-item")
    first = page.locator(".review-item").first
    item_id = first.get_attribute("data-id")
    page.screenshot(path=str(SHOTS / "03-review.png"), full_page=True)
    first.locator(".reject").click()
    page.wait_for_function(f"document.querySelector('.review-item[data-id=\"{item_id}\"] .result')"
                           "?.textContent.includes('reason is required')")
    first.locator(".reason").fill("emergency card was correct; closing")
    first.locator(".approve").click()
    page.wait_for_function(f"!document.querySelector('.review-item[data-id=\"{item_id}\"]')")
    assert upstream_server.runtime.audit.review_get(item_id).status == "approved"


def test_dashboard_draws_charts(page, upstream_server):
    page.goto(upstream_server.url + "/ui/dashboard")
    page.wait_for_selector("#timeline svg rect.bar")
    assert int(page.inner_text("#total")) >= 3
    assert page.locator("#stages svg rect.bar").count() >= 3
    assert page.locator("#timeline svg polyline.latency").count() == 1
    assert "cardiac" in page.inner_text("#categories")
    page.screenshot(path=str(SHOTS / "04-dashboard.png"), full_page=True)


def test_audit_viewer_lists_and_verifies(page, upstream_server):
    page.goto(upstream_server.url + "/ui/audit")
    page.wait_for_selector("tr.entry")
    assert page.locator("tr.entry").count() >= 5
    page.locator("tr.entry").first.click()
    assert "prev_hash" in page.locator("tr.detail:not(.hidden)").first.inner_text()
    page.click("#verify")
    page.wait_for_selector("#verify-result.ok")
    assert "chain intact" in page.inner_text("#verify-result")
    page.screenshot(path=str(SHOTS / "05-audit.png"), full_page=True)


def test_with_api_keys_the_ui_asks_for_one(page, upstream_server):
    state = upstream_server.runtime.state
    key, token = state.create_key("admin", "ui-test")  # the server leaves open mode at once
    try:
        page.goto(upstream_server.url + "/")
        page.wait_for_selector("#apikey")
        refused = ask(page, "What is high blood pressure?")
        assert "card error" in refused.get_attribute("class") and "missing API key" in refused.inner_text()
        page.fill("#apikey", token)
        page.click("#savekey")  # stores the key and reloads
        page.wait_for_selector("#question:not([disabled])")
        answered = ask(page, "What is high blood pressure?")
        assert answered.get_attribute("data-decision") == "answer"
        page.screenshot(path=str(SHOTS / "06-chat-with-key.png"), full_page=True)
    finally:
        state.revoke_key(key.id)
