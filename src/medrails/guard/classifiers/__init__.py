"""Shipped guard classifier artifacts (guard_head.npz + guard_head.json) and their runtime."""

from medrails.guard.classifiers.model import (
    EMERGENCY_CLASSES,
    REFUSE_CATEGORIES,
    GuardClassifier,
    Prediction,
    Thresholds,
    fine_label,
    reset_shared_classifier,
    shared_classifier,
)

__all__ = ["EMERGENCY_CLASSES", "REFUSE_CATEGORIES", "GuardClassifier", "Prediction", "Thresholds", "fine_label",
           "reset_shared_classifier", "shared_classifier"]
