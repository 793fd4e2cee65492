"""medrails.serve"""
