"""A content-addressed cache of test results: a test whose inputs are unchanged since it last
passed is reported passed again without running.

Each kind of test declares what its result reads (:func:`plugin.declare`, the ``result_inputs``
marker); the key of a result is the test's id and the content of every one of those inputs. A
pass is recorded under that key in ``.cache/results/``; a failure never is. ``--no-result-cache``
or ``RESULT_CACHE=off`` in the environment runs every test.
"""
