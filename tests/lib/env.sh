# Shared setup for the test steps: toolchain paths and small helpers. Sourced, not run.
export PATH="$HOME/.cargo/bin:$PATH"
export ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# Debian's apt wants no questions in CI.
export DEBIAN_FRONTEND=noninteractive

# Runs apt-get update at most once per run.
apt_install() {
    local missing=()
    for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ ! -f /tmp/.zapi-apt-updated ]; then apt-get update -qq && touch /tmp/.zapi-apt-updated; fi
    apt-get install -y -qq "${missing[@]}"
}
