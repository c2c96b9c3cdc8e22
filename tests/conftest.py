import os

# scikit-learn's array-API estimator check needs this before SciPy is first
# imported; the root conftest is loaded before any test module imports SciPy.
os.environ.setdefault("SCIPY_ARRAY_API", "1")

from hypothesis import HealthCheck, settings

# CI runs derandomised so that a red run can be reproduced; locally hypothesis
# explores new examples each time.
settings.register_profile(
    "ci", derandomize=True, deadline=None, max_examples=30, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=30)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
