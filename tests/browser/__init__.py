"""Tests that drive Debian's Chromium through Playwright against the built site."""
