"""What `make fuzz` promises, and what it sent: shared by the fuzz module and its conftest."""

import os
from collections import Counter

# The same cases on every run unless FUZZ_SEED says otherwise.
SEED = int(os.environ.get("FUZZ_SEED", "20240501"))
# Examples per operation and run for schemathesis's fuzzing phase; its examples and coverage
# phases add their own.
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "100"))
# At least this many cases in a whole run.
CASE_BUDGET = 2000

sent = Counter()  # "<run> <METHOD> <path>" → cases sent
outcomes = {}  # test id → "failed", "xfail" or "XPASS"

# Failures found and reported, not fixed here: each must go on failing (strict), so its fix is
# noticed and the mark removed. Test name → reason. None at present: the three the first runs
# found (find views' `id`, OPTIONS in another format, malformed path ids) are fixed.
KNOWN_FAILURES = {}
