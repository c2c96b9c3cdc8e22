"""``mlplab grade``: a student's own ``MLP`` class checked against the sheet, in a sandbox.

Student code never runs in the grader's process: each submission runs in its
own subprocess (:mod:`mlplab.grade.sandbox`), with limits on time, memory,
processes and output. The worker there (:mod:`mlplab.grade._worker`) finds
how the student stores weights and gradients
(:mod:`mlplab.grade.conventions`) and runs the checks
(:mod:`mlplab.grade.checks`), each worth points with feedback that says what
is wrong and where.
"""
