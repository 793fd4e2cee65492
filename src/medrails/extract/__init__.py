"""medrails.extract"""
