"""medrails.train"""
