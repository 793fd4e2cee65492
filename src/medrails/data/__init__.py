"""medrails.data"""
