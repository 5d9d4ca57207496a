"""Totals the Surefire reports in the folder given (mvn -q hides Surefire's own summary) and prints
them with a `kotlin: N passed, N failed` line; exits 1 on a failure or when nothing ran."""
import sys, glob, xml.etree.ElementTree as ET
tests = failures = errors = skipped = 0
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    suite = ET.parse(path).getroot()
    tests += int(suite.get("tests")); failures += int(suite.get("failures"))
    errors += int(suite.get("errors")); skipped += int(suite.get("skipped"))
print(f"Tests run: {tests}, Failures: {failures}, Errors: {errors}, Skipped: {skipped}")
print(f"kotlin: {tests - failures - errors - skipped} passed, {failures + errors} failed, {skipped} skipped")
sys.exit(1 if failures + errors or not tests else 0)
