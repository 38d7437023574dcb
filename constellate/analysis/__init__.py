"""Algorithms on plain data (lists, dicts, numbers): no Django import, so they can be tested,
benchmarked and run in a worker on their own. Results are plain JSON-serialisable values."""
