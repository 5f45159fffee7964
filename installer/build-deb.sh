#!/usr/bin/env bash
# Builds Clipdesk's app image (dist/Clipdesk) and Debian package (dist/clipdesk_<version>-1_amd64.deb) with
# JDK 17's jpackage: the app jar and its runtime jars on the class path (JavaFX and FFmpeg natives stay inside
# their linux jars), a Java runtime trimmed by jlink, and installer/deb/ as jpackage's resource dir (control
# template, maintainer scripts, copyright).
#   usage: installer/build-deb.sh [--no-maven]    (--no-maven: reuse target/ from an earlier build)
set -euo pipefail
cd "$(dirname "$0")/.."

JDK=${JDK_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
MAIN_CLASS=io.clipdesk.app.Main
# The runtime's modules: what jdeps finds in the app and its jars (checked below), plus what only shows at run
# time: jdk.crypto.ec (EC keys and ECDHE for the server's HTTPS, --tls-cert/--tls-key, and for TLS to HTTPS
# sources and Gcore's cloud), java.naming (Netty's TLS handler and the JDK's certificate checks), java.net.http
# (the remote-server client) and jdk.unsupported (Netty's and JavaCPP's direct memory access).
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,jdk.crypto.ec,jdk.unsupported
# jdeps reports this, but nothing needs it: JavaFX's JFR pulse logger is `requires static jdk.jfr` (Netty's JFR
# events check for it).
OPTIONAL_MODULES=jdk.jfr
# installer/jvm-options, one option a line, comments and blank lines skipped (the desk bench reads it too).
mapfile -t JAVA_OPTIONS < <(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' \
  installer/jvm-options)

work=target/jpackage
dist=dist

log() { echo "build-deb: $*" >&2; }

need_tools() {
  local missing=()
  command -v fakeroot >/dev/null 2>&1 || missing+=(fakeroot)
  command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg-dev)
  command -v zip >/dev/null 2>&1 || missing+=(zip)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
         $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
}

project_version() {
  sed -n '/^  <version>/{s:^  <version>\(.*\)</version>$:\1:p;q}' pom.xml
}

# target/lib holds every runtime jar (the pom's `installer` profile); keep what runs on linux-x86_64.
stage_input() {
  local version=$1 input=$work/input
  rm -rf "$input" && mkdir -p "$input"
  cp "target/clipdesk-$version.jar" "$input/"
  for jar in target/lib/*.jar; do
    case "$(basename "$jar")" in
      javafx-*-linux.jar) ;;
      javafx-*) continue ;;  # classifier-less JavaFX jars are empty stubs
    esac
    cp "$jar" "$input/"
  done
  # sqlite-jdbc carries natives for every OS (13 MB); keep linux x86_64 only.
  for jar in "$input"/sqlite-jdbc-*.jar; do
    zip -q -d "$jar" 'org/sqlite/native/*' -x 'org/sqlite/native/Linux/x86_64/*'
  done
}

# Fails when the jars use a JDK module the runtime would lack.
check_modules() {
  local input=$work/input flat=$work/jdeps
  rm -rf "$flat" && mkdir -p "$flat" && cp "$input"/*.jar "$flat/"
  # Classpath mode: drop module descriptors so jdeps reads every jar as class-path code.
  for jar in "$flat"/*.jar; do
    zip -q -d "$jar" module-info.class 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
  done
  local found
  found=$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
    --class-path "$flat/*" "$flat"/*.jar | tail -1)
  local module missing=()
  for module in ${found//,/ }; do
    [[ ",$MODULES,$OPTIONAL_MODULES," == *",$module,"* ]] || missing+=("$module")
  done
  rm -rf "$flat"
  if [ ${#missing[@]} -gt 0 ]; then
    log "the jars need modules the runtime lacks: ${missing[*]} (add them to MODULES)"
    exit 1
  fi
  log "jdeps: $found"
}

link_runtime() {
  rm -rf "$work/runtime"
  # No --compress: the .deb's xz packs the plain modules file far smaller (17 MB vs 29 MB) and it starts faster.
  "$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
    --output "$work/runtime"
}

app_image() {
  local version=$1
  rm -rf "$dist/Clipdesk"
  local options=()
  for option in "${JAVA_OPTIONS[@]}"; do options+=(--java-options "$option"); done
  "$JDK/bin/jpackage" --type app-image --dest "$dist" \
    --name Clipdesk --app-version "$version" --vendor Clipdesk \
    --description "Cut instant clips out of live video while it is on air" \
    --copyright "Copyright (C) Clipdesk contributors" \
    --input "$work/input" --main-jar "clipdesk-$version.jar" --main-class "$MAIN_CLASS" \
    --runtime-image "$work/runtime" --icon assets/icons/clipdesk-256.png "${options[@]}"
  # Desktop entry and icons for the menus; postinst links them into /usr/share. Under lib/, because jpackage
  # carries only bin/ and lib/ of an app image into the package.
  local share=$dist/Clipdesk/lib/share
  install -D -m 644 assets/desktop/clipdesk.desktop "$share/applications/clipdesk.desktop"
  local png size
  for png in assets/icons/clipdesk-*.png; do
    size=${png##*-}; size=${size%.png}
    install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/clipdesk.png"
  done
  install -D -m 644 assets/icons/clipdesk.svg "$share/icons/hicolor/scalable/apps/clipdesk.svg"
}

deb_package() {
  local version=$1
  rm -f "$dist"/clipdesk_*.deb
  "$JDK/bin/jpackage" --type deb --dest "$dist" --app-image "$dist/Clipdesk" \
    --name Clipdesk --app-version "$version" --vendor Clipdesk \
    --description "Cut instant clips out of live video while it is on air" \
    --copyright "Copyright (C) Clipdesk contributors" \
    --linux-package-name clipdesk --linux-app-release 1 --linux-app-category video \
    --linux-deb-maintainer "${CLIPDESK_MAINTAINER:-clipdesk@example.org}" \
    --install-dir /opt --resource-dir installer/deb
}

# installer/deb/control's Depends is written by hand; this fails the build when a native library that the
# runtime, the launcher or a jar (JavaFX, FFmpeg, SQLite natives) links against comes from a Debian package the
# list lacks. JavaFX's avplugin builds for other FFmpeg ABIs are skipped: Debian 12 ships libavcodec59.
check_depends() {
  local scan=$work/natives
  rm -rf "$scan" && mkdir -p "$scan"
  local jar
  for jar in "$work"/input/*.jar; do
    unzip -q -o "$jar" '*.so' '*.so.*' '*/ffmpeg' '*/ffprobe' -d "$scan/$(basename "$jar" .jar)" 2>/dev/null || true
  done
  find "$scan" -name 'libavplugin-*' ! -name 'libavplugin-ffmpeg-59.so' -delete
  local declared
  declared=$(sed -n '/^Depends:/,/^[A-Z]/p' installer/deb/control | sed '$d; s/^Depends://' | tr ',' '\n' | tr -d ' ')
  local own needed so path package missing=()
  own=$(find "$scan" "$work/runtime" "$dist/Clipdesk/lib" -type f -printf '%f\n' | sort -u)
  needed=$(find "$scan" "$work/runtime" "$dist/Clipdesk/bin" "$dist/Clipdesk/lib/libapplauncher.so" -type f \
    -exec sh -c 'for f; do readelf -d "$f" 2>/dev/null | sed -n "s/.*(NEEDED).*\[\(.*\)\]/\1/p"; done' sh {} + | sort -u)
  for so in $needed; do
    grep -qx "$so" <<<"$own" && continue
    path=$(ldconfig -p | awk -v so="$so" '$1 == so && /x86-64/ && !seen++ { print $NF }')
    package=$( { [ -n "$path" ] && dpkg -S "$(realpath "$path")" 2>/dev/null || dpkg -S "*/$so" 2>/dev/null; } \
      | awk -F: 'NR == 1 { print $1 }')
    if [ -z "$package" ]; then missing+=("$so(not installed here)"); continue; fi
    grep -qx "$package" <<<"$declared" || missing+=("$package($so)")
  done
  rm -rf "$scan"
  if [ ${#missing[@]} -gt 0 ]; then
    log "installer/deb/control Depends lacks: ${missing[*]}"
    exit 1
  fi
  log "Depends covers the $(wc -w <<<"$needed") libraries the natives link against"
}

main() {
  local maven=true
  case "${1:-}" in
    --no-maven) maven=false ;;
    "") ;;
    *) echo "usage: $0 [--no-maven]" >&2; exit 2 ;;
  esac
  need_tools
  local version
  version=$(project_version)
  if $maven; then
    log "maven package (tests skipped; run them with mvn test)"
    rm -rf target/lib  # copy-dependencies never removes a jar whose version changed
    mvn -B -q -Pinstaller -DskipTests package
  fi
  [ -f "target/clipdesk-$version.jar" ] && [ -d target/lib ] || { log "no target/ build; run without --no-maven"; exit 1; }
  stage_input "$version"
  check_modules
  log "jlink runtime"
  link_runtime
  log "jpackage app image"
  app_image "$version"
  check_depends
  log "jpackage deb"
  deb_package "$version"
  local deb
  deb=$(ls "$dist"/clipdesk_*.deb)
  log "app image: $dist/Clipdesk ($(du -sh "$dist/Clipdesk" | cut -f1))"
  log "package:   $deb ($(du -h "$deb" | cut -f1), installed $(dpkg-deb -f "$deb" Installed-Size) KiB)"
}

main "$@"
