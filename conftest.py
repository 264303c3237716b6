"""kaniko-qemu-gate: the resource fixtures are plugins under fixtures/; tests live under suites/."""
import os

# testcontainers reads this at import: its reaper image cannot be pulled on an offline machine,
# so the suite labels what it creates and removes it itself (fixtures/labels.py).
os.environ.setdefault("TESTCONTAINERS_RYUK_DISABLED", "true")

pytest_plugins = [
    # in import order: a plugin is registered before any later one imports it
    "fixtures.options",
    "fixtures.engine",
    "fixtures.registry",
    "fixtures.binfmt",
    "fixtures.base_images",
    "fixtures.product_images",
    "fixtures.cells",
    "fixtures.bed",
    "fixtures.benchmarks",
    "fixtures.benchmark_report",
    "fixtures.matrix_report",
    "fixtures.session",
]
