#!/usr/bin/python3
"""Check the Flatpak manifest against what the report needs.

The PDF report embeds the fonts it finds: Cantarell (the GNOME runtime's UI
font), DejaVu Sans for Arabic and Noto Sans CJK for Chinese.  The manifest
installs the last two from the same Debian 12 packages that
tools/setup-debian.sh installs, so a report made in the Flatpak uses the
fonts the tests looked at.  This checks, without the network:

- the manifest is JSON and every downloaded source is pinned (https URL and
  a 64-hex sha256);
- the report-fonts module downloads each font package that setup-debian.sh
  lists, in the version apt knows here (when apt knows the package), with
  the sha256 of apt's signed index for that file;
- it installs the font files the report falls back to into /app/share/fonts
  (which the runtime's fontconfig reads).

Usage: check-flatpak-manifest.py MANIFEST SETUP_SCRIPT
"""

import json
import re
import shutil
import subprocess
import sys

FONT_PACKAGES = {
    # package: files the report needs from it
    "fonts-noto-cjk": ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"],
    "fonts-dejavu-core": ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"],
}


def fail(msg):
    print("check-flatpak-manifest: " + msg, file=sys.stderr)
    sys.exit(1)


def apt_record(package):
    """Version, Filename and SHA256 of the candidate in apt's index, or None."""
    if shutil.which("apt-cache") is None:
        return None
    out = subprocess.run(["apt-cache", "show", "--no-all-versions", package],
                         capture_output=True, text=True)
    if out.returncode != 0 or not out.stdout.strip():
        return None
    rec = {}
    for line in out.stdout.splitlines():
        if ":" in line and not line.startswith(" "):
            key, _, value = line.partition(":")
            rec[key.strip()] = value.strip()
    if not {"Version", "Filename", "SHA256"} <= rec.keys():
        return None
    return rec


def main():
    if len(sys.argv) != 3:
        fail("usage: check-flatpak-manifest.py MANIFEST SETUP_SCRIPT")
    with open(sys.argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        setup = f.read()

    modules = manifest.get("modules", [])
    for module in modules:
        for source in module.get("sources", []):
            if source.get("type") in ("file", "archive"):
                url = source.get("url", "")
                if not url.startswith("https://"):
                    fail(f"{module['name']}: source {url!r} is not an https URL")
                if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                    fail(f"{module['name']}: source {url!r} has no sha256")

    fonts = [m for m in modules if m.get("name") == "report-fonts"]
    if len(fonts) != 1:
        fail("no report-fonts module")
    fonts = fonts[0]
    names = [m.get("name") for m in modules]
    if names.index("report-fonts") > names.index("cirt-assess"):
        fail("report-fonts must come before cirt-assess")
    commands = "\n".join(fonts.get("build-commands", []))
    by_file = {s.get("dest-filename"): s for s in fonts.get("sources", [])}

    checked = 0
    for package, files in FONT_PACKAGES.items():
        if not re.search(r"(^|\s)" + re.escape(package) + r"(\s|$)", setup):
            fail(f"{package} is not installed by {sys.argv[2]}")
        source = by_file.get(package + ".deb")
        if source is None:
            fail(f"report-fonts does not download {package}")
        for name in files:
            if name not in commands and not (name.startswith("DejaVu") and "dejavu/*.ttf" in commands):
                fail(f"report-fonts does not install {name}")
        rec = apt_record(package)
        if rec is None:
            print(f"{package}: apt does not know it here; URL and sha256 not compared")
            continue
        if not source["url"].endswith("/" + rec["Filename"]):
            fail(f"{package}: the manifest downloads {source['url']}, apt's candidate is {rec['Filename']} "
                 f"(version {rec['Version']}): update the manifest")
        if source["sha256"] != rec["SHA256"]:
            fail(f"{package}: sha256 {source['sha256']} in the manifest, {rec['SHA256']} in apt's index")
        print(f"{package} {rec['Version']}: URL and sha256 match apt's index")
        checked += 1
    if "${FLATPAK_DEST}/share/fonts" not in commands:
        fail("report-fonts does not install into ${FLATPAK_DEST}/share/fonts")
    print(f"manifest ok ({checked} font package(s) compared with apt's index)")


if __name__ == "__main__":
    main()
