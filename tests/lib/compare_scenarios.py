"""Compares the shared scenario's end state across runtimes: every runner wrote what the
simulator server saw (request log) and ended with (state) to the current folder as
<runtime>.json. Prints one line per runtime and `scenario: N passed, N failed`."""
import json, pathlib, sys
files = sorted(pathlib.Path(".").glob("*.json"))
if not files:
    print("scenario: 0 passed, 1 failed (no runtime wrote its end state)")
    sys.exit(1)
reference = json.loads(files[0].read_text())
passed = failed = 0
for f in files:
    data = json.loads(f.read_text())
    same = data == reference
    print(f"{f.stem}: {len(data['requests'])} requests, state {'identical' if same else 'DIFFERENT'} to {files[0].stem}")
    if same:
        passed += 1
    else:
        failed += 1
        for key in ("requests", "state"):
            if data[key] != reference[key]:
                print(f"  {key} differ")
print(f"scenario: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
