#!/usr/bin/env bash
# Installs the Debian 12 packages Faro needs to build, run and test. Idempotent: does nothing when
# everything is already installed. Needs root (runs apt-get through sudo when not root).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config   # toolchain
  libgdal-dev gdal-bin libproj-dev proj-data     # GDAL/OGR 3.6 and PROJ 9.1 (data loading)
  libgtest-dev libbenchmark-dev                  # tests and benchmarks
  libegl-dev libopengl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri  # headless GL 3.3 via EGL (llvmpipe)
  # Map annotation (titles, legends, labels): cairo is the standard Debian library for antialiased
  # 2D vector drawing and text (and will write the PDF brief); FreeType reads the embedded fonts;
  # fonts-dejavu-core is where fonts/DejaVuSans*.ttf were copied from.
  libcairo2-dev libfreetype-dev fonts-dejavu-core
  # The dashboard: Dear ImGui 1.86 (its libimgui.a holds the GLFW and OpenGL3 backends) on GLFW 3.3;
  # xvfb + xauth run it under a virtual X display in tests.
  libimgui-dev libglfw3-dev xvfb xauth
  # JSON (project files, `faro evaluate` reports): nlohmann/json is Debian's standard header-only
  # C++ JSON library; writing and validating JSON by hand would be a bug farm.
  nlohmann-json3-dev
  # zlib: PNG exports are deflated directly (io/png_writer.cpp), faster than GDAL's PNG driver.
  zlib1g-dev
  # libdeflate: the CRC-32 check of the .csv.gz fast path (io/gzip_stream.cpp, optional: zlib's
  # otherwise), and bench/inflate_bench and bench/png_bench, which compare it with zlib.
  libdeflate-dev
  # Animated maps (`faro animate`, File > Export animation): FFmpeg's libraries are Debian's
  # standard video encoders and muxers; libavcodec links libx264 for H.264 MP4 and has a GIF
  # encoder, libavformat writes the containers, libswscale converts RGBA to yuv420p.
  libavcodec-dev libavformat-dev libswscale-dev libavutil-dev
  # pdftoppm: tests rasterise the PDFs Faro writes to check they open in a standard viewer.
  # ffprobe (in ffmpeg): tests decode the MP4 and GIF animations and count their frames.
  poppler-utils ffmpeg
  # PostGIS as a shared incident source (`faro publish`, server-side counts): libpq is the client
  # library (COPY, parameters, cancel, timeouts); the server and PostGIS 3 run the tests' throw-away
  # cluster (scripts/pg-test-cluster.sh).
  libpq-dev postgresql-15-postgis-3
  # Sanitizer and fuzz builds (scripts/test-asan.sh, scripts/fuzz.sh): clang 14 with its runtimes
  # (ASan, UBSan, libFuzzer live in libclang-rt-14-dev); GCC has no libFuzzer.
  clang libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: need root to install: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
