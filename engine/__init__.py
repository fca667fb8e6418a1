"""The rules engine of 宁政办规发〔2018〕9号: pure Python, no Streamlit.

``evaluate(profile, on)`` gives every benefit's result for one profile; ``evaluate_batch`` does
the same for a roster of persons; ``python -m engine`` is the command line.
"""

from engine.evaluate import evaluate
from engine.profile import ProfileError

__all__ = ["ProfileError", "evaluate"]
