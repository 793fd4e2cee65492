"""medrails.eval"""
