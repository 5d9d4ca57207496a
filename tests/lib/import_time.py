"""Start-up cost of the installed package: `python -c "import zapi_communities"` against a bare
interpreter, and the import itself timed inside the interpreter. Run with the venv's python."""
import subprocess, sys, time

def best(code: str) -> tuple[float, str]:
    """Fastest of 7 runs of `python -c code`: wall time and its output."""
    runs = []
    for _ in range(7):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
        runs.append((time.perf_counter() - start, out))
    return min(runs)

process, _ = best("import zapi_communities")
bare, _ = best("pass")
timed = "import time; t = time.perf_counter(); import zapi_communities; print(time.perf_counter() - t)"
inside = min(float(best(timed)[1]) for _ in range(3))
print(
    f"import: python -c 'import zapi_communities' {process * 1000:.0f} ms "
    f"(bare interpreter {bare * 1000:.0f} ms; the import itself {inside * 1000:.1f} ms)"
)
