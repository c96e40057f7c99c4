# Shared by scripts/run and scripts/test: install what is missing, then configure and build.
# Sourced, not run. Debian 12 (bookworm) packages only.

STEPWISE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

STEPWISE_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-svg-dev libqcustomplot-dev qt6-tools-dev qt6-l10n-tools
    libeigen3-dev nlohmann-json3-dev libgtest-dev libgif-dev
    qt6-datavisualization-dev libgl1-mesa-dri
    fonts-dejavu-core
)
STEPWISE_TEST_PACKAGES=(clang libclang-rt-14-dev clang-format desktop-file-utils appstream python3-numpy
    poppler-utils xvfb xauth)

stepwise_install() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "stepwise: installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo)
        elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
            sudo=(sudo)
        else
            echo "stepwise: these Debian packages are missing: ${missing[*]}" >&2
            echo "stepwise: run as root or with sudo, or install them by hand:" >&2
            echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq || true
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

stepwise_jobs() { nproc 2>/dev/null || echo 2; }

# stepwise_configure DIR [cmake options…]: configure DIR (Ninja when present and DIR is new).
stepwise_configure() {
    local dir=$1; shift
    local gen=()
    command -v ninja >/dev/null 2>&1 && [ ! -f "$dir/CMakeCache.txt" ] && gen=(-G Ninja)
    cmake -S "$STEPWISE_ROOT" -B "$dir" "${gen[@]}" -DCMAKE_BUILD_TYPE=Release "$@"
}

# stepwise_build DIR [cmake options…]: configure once (reusing DIR when present), then build.
stepwise_build() {
    local dir=$1
    stepwise_configure "$@"
    cmake --build "$dir" --parallel "$(stepwise_jobs)"
}
