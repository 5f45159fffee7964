#!/usr/bin/env bash
# Installs the Debian packages Clipdesk needs at run time and for its tests, only when missing.
# Maven runs it in the validate phase, so `mvn test` and the run command work on a fresh Debian 12 machine.
#   runtime: libpulse0 (bytedeco FFmpeg), libgtk-3-0 + libavcodec59 + libavformat59 (JavaFX media),
#            fontconfig + fonts-dejavu-core (text burned into the test signal),
#            libasound2-plugins (the DVR player's sound: Java Sound speaks ALSA, whose pulse plugin reaches the
#            sound server's default output; the pulseaudio package routes ALSA's default there)
#   test:    ffmpeg (ffprobe checks the produced files), pulseaudio (audio sink for media previews), xvfb
#   bench:   nginx-light and wrk (HTTP reference and load tool)
set -euo pipefail
level=${1:-runtime}
packages=(libpulse0 libgtk-3-0 libavcodec59 libavformat59 fontconfig fonts-dejavu-core libasound2-plugins)
case "$level" in
  runtime) ;;
  test) packages+=(ffmpeg pulseaudio xvfb xauth) ;;
  bench) packages+=(ffmpeg pulseaudio xvfb xauth nginx-light wrk) ;;
  *) echo "usage: $0 [runtime|test|bench]" >&2; exit 2 ;;
esac
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian system; make sure these are installed: ${packages[*]}" >&2
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "system-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
  echo "system-deps: missing packages; run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
