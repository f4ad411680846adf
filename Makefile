# Two entry points for a fresh machine: `make briefing` and `make test`.
.PHONY: setup briefing test eval gate golden

setup:
	./scripts/setup.sh

briefing: setup
	.venv/bin/briefings ingest seeds/
	.venv/bin/briefings generate --out output

test: setup
	.venv/bin/python -m pytest
	.venv/bin/python benchmarks/quality_gate.py

eval: setup
	.venv/bin/briefings eval ../shared/eval/*.jsonl

golden: setup
	UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_generate.py
