"""medrails.prompts"""
